"""A real headless Chromium, driven over the DevTools protocol on a pipe (no port, no network).

    with HeadlessChromium(tmp_path) as browser:
        page = browser.open(path)            # waits for the load event
        page.evaluate("document.title")
        page.errors                          # console errors, exceptions, failed loads

Chromium reads commands from fd 3 and writes replies to fd 4, one JSON message each,
ended by NUL (--remote-debugging-pipe). Started with the flags the project uses everywhere:
headless, no sandbox (root in CI), no GPU, no network chatter, a fresh profile.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from pathlib import Path

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--remote-debugging-pipe",
]


def chromium_binary() -> str | None:
    """The Debian package's binary, if installed."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


class Page:
    def __init__(self, browser: HeadlessChromium, session: str):
        self.browser, self.session = browser, session
        self.errors: list[str] = []

    def send(self, method: str, params: dict | None = None) -> dict:
        return self.browser.send(method, params, session=self.session, page=self)

    def evaluate(self, expression: str):
        reply = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in reply:
            raise AssertionError(f"evaluation failed: {reply['exceptionDetails']}")
        return reply["result"].get("value")


class HeadlessChromium:
    def __init__(self, profile_dir: Path, timeout: float = 30.0):
        self.profile_dir, self.timeout = Path(profile_dir), timeout
        self._next_id = 0
        self._buffer = b""
        self._pages: dict[str, Page] = {}

    def __enter__(self) -> HeadlessChromium:
        binary = chromium_binary()
        if binary is None:
            raise RuntimeError("chromium is not installed (apt-get install chromium)")
        to_child_r, self._to_child = os.pipe()
        self._from_child, from_child_w = os.pipe()
        # The child's fd 3 reads our commands, its fd 4 writes its replies.
        self.proc = subprocess.Popen(
            [binary, *FLAGS, f"--user-data-dir={self.profile_dir}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            pass_fds=(3, 4),
            preexec_fn=lambda: (os.dup2(to_child_r, 3), os.dup2(from_child_w, 4)),
        )
        os.close(to_child_r)
        os.close(from_child_w)
        return self

    def __exit__(self, *exc) -> None:
        try:
            self.send("Browser.close")
        except Exception:  # noqa: BLE001 - closing anyway
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._to_child)
        os.close(self._from_child)

    def _read_message(self, deadline: float) -> dict:
        while b"\0" not in self._buffer:
            if time.monotonic() > deadline:
                raise TimeoutError("chromium did not answer in time")
            chunk = os.read(self._from_child, 65536)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def _event(self, message: dict) -> None:
        page = self._pages.get(message.get("sessionId", ""))
        if page is None:
            return
        method, params = message["method"], message.get("params", {})
        if method == "Runtime.exceptionThrown":
            page.errors.append(json.dumps(params["exceptionDetails"])[:300])
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            page.errors.append(json.dumps(params.get("args"))[:300])
        elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
            page.errors.append(params["entry"].get("text", "")[:300])
        elif method == "Page.loadEventFired":
            page.loaded = True

    def send(self, method: str, params=None, *, session: str | None = None, page=None) -> dict:
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._to_child, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + self.timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            if "method" in reply:
                self._event(reply)

    def open(self, path: Path) -> Page:
        """A new tab on `path`, with console and log errors recorded, after its load event."""
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})[
            "sessionId"
        ]
        page = Page(self, session)
        page.loaded = False
        self._pages[session] = page
        for domain in ("Runtime", "Log", "Page"):
            page.send(f"{domain}.enable")
        page.send("Page.navigate", {"url": Path(path).resolve().as_uri()})
        deadline = time.monotonic() + self.timeout
        while not page.loaded:
            self._event(self._read_message(deadline))
        return page
