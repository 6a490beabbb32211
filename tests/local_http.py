"""A tiny real HTTP server on 127.0.0.1 for tests of API collectors (PagerDuty, error cases)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

# route(path, query, headers) -> (status, content type, body)
Route = Callable[[str, dict[str, list[str]], dict[str, str]], tuple[int, str, bytes]]


@contextmanager
def serve(route: Route, tls_context=None) -> Iterator[str]:
    """Serve `route` on a free loopback port; yields the base URL."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            parts = urlsplit(self.path)
            status, content_type, body = route(
                parts.path, parse_qs(parts.query), {k.lower(): v for k, v in self.headers.items()}
            )
            try:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timeout tests)

        def log_message(self, *args: object) -> None:
            pass

    with running(Handler, tls_context) as url:
        yield url


@contextmanager
def running(handler: type[BaseHTTPRequestHandler], tls_context=None) -> Iterator[str]:
    """Run `handler` on a free loopback port in a thread (TLS with `tls_context`); yields
    the base URL, and stops the server and closes its port at the end."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    scheme = "http"
    if tls_context is not None:
        server.socket = tls_context.wrap_socket(server.socket, server_side=True)
        scheme = "https"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"{scheme}://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
