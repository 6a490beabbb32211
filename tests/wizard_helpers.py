"""Helpers for the wizard's pilot tests: a frozen clock and typing into modal forms."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime

FROZEN_NOW = datetime(2025, 2, 12, 9, 0, 0, tzinfo=UTC)


def frozen_clock() -> datetime:
    return FROZEN_NOW


async def type_text(pilot, text: str) -> None:
    """Type `text` key by key into whatever has focus."""
    for ch in text:
        await pilot.press(ch if ch != " " else "space")


async def fill(pilot, widget_id: str, text: str) -> None:
    """Focus the modal input `widget_id`, clear it and type `text`."""
    inp = pilot.app.screen.query_one(f"#{widget_id}")
    inp.focus()
    await pilot.pause()
    inp.value = ""
    await type_text(pilot, text)


def git_subjects(root) -> list[str]:
    return subprocess.run(
        ["git", "log", "--format=%s"], cwd=root, capture_output=True, text=True, check=True
    ).stdout.splitlines()


async def wait_until(pilot, condition, timeout: float = 15.0) -> None:
    """Let the app run until `condition()` holds (worker messages arrive late on a busy machine)."""
    import time

    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("the app did not reach the expected state in time")
        await pilot.pause(0.05)


def screen_text(app) -> str:
    """What the active screen draws, line by line."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())
