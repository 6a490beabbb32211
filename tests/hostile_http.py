"""A hostile HTTP server on 127.0.0.1: 500s, truncated JSON, HTML, slow or huge answers,
reflected headers, gzip bombs, Link headers to another host. Each answer is chosen per
request by a function, and every request's headers are recorded."""

from __future__ import annotations

import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler

from tests.local_http import running


@dataclass
class Answer:
    status: int = 200
    body: bytes | Callable[[], Iterator[bytes]] = b"{}"
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "application/json"})
    delay: float = 0.0  # seconds before the answer starts


@dataclass
class Seen:
    """What the server received: (method, path, headers) per request."""

    requests: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)


@contextmanager
def hostile_server(
    answer: Callable[[str, str, dict[str, str]], Answer],
) -> Iterator[tuple[str, Seen]]:
    """Serve `answer(method, path, headers)` on a free loopback port; yields (base URL, Seen)."""
    seen = Seen()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _any(self) -> None:
            headers = {k.lower(): v for k, v in self.headers.items()}
            length = int(headers.get("content-length") or 0)
            if length:
                self.rfile.read(length)
            seen.requests.append((self.command, self.path, headers))
            a = answer(self.command, self.path, headers)
            try:
                if a.delay:
                    time.sleep(a.delay)
                self.send_response(a.status)
                for k, v in a.headers.items():
                    self.send_header(k, v)
                if callable(a.body):
                    self.send_header("Transfer-Encoding", "chunked")
                    self.end_headers()
                    for chunk in a.body():
                        self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                    self.wfile.write(b"0\r\n\r\n")
                else:
                    self.send_header("Content-Length", str(len(a.body)))
                    self.end_headers()
                    self.wfile.write(a.body)
            except (BrokenPipeError, ConnectionResetError):
                pass

        do_GET = do_POST = do_PATCH = _any  # noqa: N815

        def log_message(self, *args: object) -> None:
            pass

    with running(Handler) as url:
        yield url, seen


def endless(chunk: bytes = b"[" + b"1," * 32767 + b"1]", total: int = 40 << 20):
    """A body generator of about `total` bytes, made as it is sent (never held whole)."""

    def gen() -> Iterator[bytes]:
        sent = 0
        while sent < total:
            yield chunk
            sent += len(chunk)

    return gen


def gzip_bomb(size: int = 200 << 20) -> bytes:
    """A small gzip body that inflates to `size` bytes of zeros (made 1 MB at a time)."""
    z = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = b"0" * (1 << 20)
    parts = [z.compress(block) for _ in range(size >> 20)]
    return b"".join(parts) + z.flush()
