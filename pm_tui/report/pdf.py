"""The report as PDF: the HTML report printed by a headless Chromium, when one is installed."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from pm_tui.atomic_write import atomic_write_bytes
from pm_tui.errors import PmTuiError

PAGE_SIZES = ("A4", "Letter")
BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
PRINT_TIMEOUT = 120  # seconds; a first start of Chromium on a busy machine takes a while

# Quiet, offline, throw-away: nothing beyond the file, no profile left behind.
HEADLESS_FLAGS = (
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-default-browser-check",
    "--mute-audio",
)


class ChromiumMissing(PmTuiError):
    """No Chromium to print the PDF with."""

    def __init__(self) -> None:
        super().__init__(
            "PDF needs Chromium, which is not installed: install the Debian package `chromium` "
            "(apt install chromium), or use --format html and print it from a browser"
        )


def find_chromium() -> str | None:
    """The path of an installed Chromium (or Chrome), or None."""
    for name in BROWSER_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def chromium_flags(profile_dir: str) -> list[str]:
    """The flags a headless, offline Chromium runs with (root needs --no-sandbox)."""
    flags = [*HEADLESS_FLAGS, f"--user-data-dir={profile_dir}"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        flags.append("--no-sandbox")  # Chromium refuses to start as root with its sandbox
    return flags


def page_css(page_size: str) -> str:
    """The @page rule that sets the paper size and margins of the printed report."""
    if page_size not in PAGE_SIZES:
        raise PmTuiError(f"unknown page size {page_size!r}: use {' or '.join(PAGE_SIZES)}")
    return f"@page{{size:{page_size};margin:16mm 14mm}}"


def html_to_pdf(html: str, out: Path, chromium: str | None = None) -> None:
    """Print `html` to the PDF file `out` (written whole or not at all)."""
    browser = chromium or find_chromium()
    if browser is None:
        raise ChromiumMissing()
    out = Path(out)
    with tempfile.TemporaryDirectory(prefix="pm-tui-pdf-") as work:
        page = Path(work) / "report.html"
        page.write_text(html, encoding="utf-8")
        printed = Path(work) / "report.pdf"
        cmd = [
            browser,
            *chromium_flags(str(Path(work) / "profile")),
            "--no-pdf-header-footer",
            f"--print-to-pdf={printed}",
            page.as_uri(),
        ]
        try:
            done = subprocess.run(
                cmd, capture_output=True, text=True, timeout=PRINT_TIMEOUT, check=False
            )
        except subprocess.TimeoutExpired:
            raise PmTuiError(
                f"Chromium did not print the PDF within {PRINT_TIMEOUT}s: try again, "
                "or use --format html"
            ) from None
        if not _is_pdf(printed):
            last = (done.stderr.strip().splitlines() or ["no output"])[-1]
            raise PmTuiError(f"Chromium could not print the PDF ({last}): use --format html")
        # printed in the scratch folder, then put in place by the one atomic write
        atomic_write_bytes(out, printed.read_bytes())


def _is_pdf(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(5) == b"%PDF-"
    except OSError:
        return False
