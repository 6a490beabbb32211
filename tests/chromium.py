"""A real headless Chromium (the Debian package) driven over the DevTools protocol on a pipe
(--remote-debugging-pipe: no port, nothing beyond this machine), for the report's tests.

Also a small PNG reader, so a screenshot's pixels can be counted without an imaging library.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import shutil
import struct
import subprocess
import tempfile
import zlib

from pm_tui.report.pdf import chromium_flags, find_chromium


class Chromium:
    """One browser for a test session: open pages, read boxes, take screenshots, collect
    console errors."""

    def __init__(self) -> None:
        binary = find_chromium()
        if binary is None:
            raise RuntimeError("chromium is not installed (bash dev.sh test installs it)")
        self.profile = tempfile.mkdtemp(prefix="pm-tui-test-chromium-")
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()

        def wire_pipes() -> None:  # Chromium reads commands on fd 3, answers on fd 4
            # Out of the way first, so neither end is already 3 or 4 when it is moved there.
            high_r = fcntl.fcntl(to_browser_r, fcntl.F_DUPFD_CLOEXEC, 100)
            high_w = fcntl.fcntl(from_browser_w, fcntl.F_DUPFD_CLOEXEC, 100)
            os.dup2(high_r, 3)
            os.dup2(high_w, 4)

        flags = chromium_flags(self.profile)
        if "--no-sandbox" not in flags:
            flags.append("--no-sandbox")  # containers without user namespaces, as CI runs
        self.proc = subprocess.Popen(
            [binary, *flags, "--remote-debugging-pipe", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=wire_pipes,
            close_fds=False,  # keep fds 3 and 4; every other pipe of ours is close-on-exec
        )
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict] = []
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)[
            "sessionId"
        ]
        for domain in ("Page", "Runtime", "Log"):
            self.call(f"{domain}.enable", session=True)

    def _read_message(self) -> dict:
        while b"\0" not in self._buffer:
            chunk = os.read(self._from_browser, 1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed its DevTools pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def call(self, method: str, session: bool = False, **params) -> dict:
        """Send one DevTools command and wait for its answer (events seen meanwhile are kept)."""
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = self.session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read_message()
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method: str, timeout_messages: int = 10_000) -> dict:
        """The first event named `method` (already seen or next to come)."""
        for event in self.events:
            if event.get("method") == method:
                self.events.remove(event)
                return event
        for _ in range(timeout_messages):
            event = self._read_message()
            if event.get("method") == method:
                return event
            self.events.append(event)
        raise RuntimeError(f"no {method} event")

    def open(self, url: str, width: int, height: int, dark: bool = False) -> None:
        """Load `url` in a viewport of width x height CSS pixels, light or dark scheme."""
        self.events.clear()
        self.call(
            "Emulation.setDeviceMetricsOverride",
            session=True,
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=False,
        )
        scheme = "dark" if dark else "light"
        self.call(
            "Emulation.setEmulatedMedia",
            session=True,
            features=[{"name": "prefers-color-scheme", "value": scheme}],
        )
        self.call("Page.navigate", session=True, url=url)
        self.wait_for("Page.loadEventFired")

    def box(self, selector: str) -> dict:
        """The element's bounding box in page coordinates: x, y, width, height."""
        expr = (
            f"(() => {{ const r = document.querySelector({json.dumps(selector)})"
            ".getBoundingClientRect(); return {x: r.left + scrollX, y: r.top + scrollY, "
            "width: r.width, height: r.height}; })()"
        )
        result = self.call("Runtime.evaluate", session=True, expression=expr, returnByValue=True)
        return result["result"]["value"]

    def screenshot(self, box: dict) -> tuple[int, int, list[tuple[int, int, int]]]:
        """Pixels (width, height, RGB list) of the region `box` of the viewport, at half size."""
        clip = {**box, "scale": 0.5}  # a quarter of the pixels: enough to count, quick to decode
        data = self.call("Page.captureScreenshot", session=True, format="png", clip=clip)["data"]
        return read_png(base64.b64decode(data))

    def console_errors(self) -> list[str]:
        """Console errors, uncaught exceptions and failed loads seen since the last open()."""
        out = []
        for e in self.events:
            method, params = e.get("method"), e.get("params", {})
            if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                out.append(str(params.get("args")))
            elif method == "Runtime.exceptionThrown":
                out.append(str(params.get("exceptionDetails")))
            elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
                out.append(params["entry"].get("text", ""))
        return out

    def close(self) -> None:
        try:
            self.call("Browser.close")
        except (RuntimeError, OSError):
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._to_browser)
        os.close(self._from_browser)
        shutil.rmtree(self.profile, ignore_errors=True)


def read_png(data: bytes) -> tuple[int, int, list[tuple[int, int, int]]]:
    """Decode an 8-bit RGB or RGBA PNG (what Chromium writes) to (width, height, pixels)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat = 8, b""
    width = height = channels = 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        chunk = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", chunk[:10])
            assert depth == 8 and colour in (2, 6), (depth, colour)
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows: list[bytearray] = []
    prev = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b, c = prev[i], prev[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else b if pb <= pc else c
                line[i] = (line[i] + pred) & 255
        rows.append(line)
        prev = line
    pixels = [(row[x], row[x + 1], row[x + 2]) for row in rows for x in range(0, stride, channels)]
    return width, height, pixels
