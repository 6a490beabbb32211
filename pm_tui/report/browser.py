"""Opening a written report in the person's browser, without waiting for the browser."""

from __future__ import annotations

import os
import shlex
import subprocess
from pathlib import Path


def open_in_browser(path: Path) -> str:
    """Ask the person's browser to open the file `path`; '' when asked, else a one-line reason.

    `$BROWSER` (entries separated by the path separator, `%s` for the URL) is started in its
    own session with no terminal I/O and never waited for; without it, Python's `webbrowser`
    picks one, which may wait for a console browser: call this from a worker thread.
    """
    url = Path(path).resolve().as_uri()
    setting = os.environ.get("BROWSER", "").strip()
    if setting:
        for entry in filter(None, setting.split(os.pathsep)):
            args = shlex.split(entry)
            args = [a.replace("%s", url) for a in args] if "%s" in entry else [*args, url]
            try:
                subprocess.Popen(
                    args,
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    start_new_session=True,  # the browser outlives nothing of ours, nor we it
                )
            except OSError:
                continue
            return ""
        return f"$BROWSER ({setting}) could not be started: open {path} yourself"
    import webbrowser

    if webbrowser.open(url):
        return ""
    return f"no browser found: open {path} yourself (or set $BROWSER)"
