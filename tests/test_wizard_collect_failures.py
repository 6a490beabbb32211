"""Step 1 when a source fails: its state, reason and what to do show where it failed within
a second of the failure (while the other sources still read), and in Findings; x cancels
at once, even with a source waiting on a slow server."""

from __future__ import annotations

import time

from textual.widgets import Label

from pm_tui.model import EvidenceSource
from screens.app import create_app
from tests.conftest import DRAFT_ID
from tests.local_http import serve
from tests.wizard_helpers import frozen_clock, screen_text, wait_until


def _slow(path, query, headers):
    time.sleep(4)
    return 503, "text/plain", b"busy"


async def test_a_failed_source_says_why_at_once_and_cancel_cancels(sample_repo, tmp_path):
    missing = tmp_path / "no-such-app.log"
    with serve(_slow) as url:
        pm = sample_repo.load(DRAFT_ID)
        pm.sources = [
            EvidenceSource(kind="logs", target=str(missing)),
            EvidenceSource(kind="prometheus", target=url, query="up"),
        ]
        sample_repo.save(pm)
        sample_repo.commit(pm, "two sources")
        app = create_app(sample_repo, DRAFT_ID, clock=frozen_clock, autosave_delay=60)
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_until(pilot, lambda: app.screen.name == "step1")
            await pilot.pause()
            await pilot.press("c")
            note = app.screen.query_one("#note-0", Label)
            await wait_until(pilot, lambda: "failed" in str(note.render()), timeout=1.5)
            shown = str(note.render())
            assert "no-such-app.log" in shown and "check the target" in shown
            # shown where it failed while the slow source is still being read
            assert "failed" not in str(app.screen.query_one("#note-1", Label).render())
            assert any(w.is_running for w in app.screen.workers)
            assert "failed" in screen_text(app)  # the table's state column too
            started = time.monotonic()
            await pilot.press("x")
            await wait_until(
                pilot, lambda: not any(w.is_running for w in app.screen.workers), timeout=2
            )
            assert time.monotonic() - started < 2.5  # not the slow server's 4 s and more
            assert "cancelled" in str(app.screen.query_one("#note-1", Label).render())


async def test_a_failed_source_is_a_finding_of_step_1(sample_repo, tmp_path):
    missing = tmp_path / "gone.log"
    pm = sample_repo.load(DRAFT_ID)
    pm.sources = [EvidenceSource(kind="logs", target=str(missing))]
    sample_repo.save(pm)
    sample_repo.commit(pm, "one source")
    app = create_app(sample_repo, DRAFT_ID, clock=frozen_clock, autosave_delay=60)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: app.screen.name == "step1")
        await pilot.press("c")
        await app.workers.wait_for_complete()
        await wait_until(pilot, lambda: "could not be read" in screen_text(app), timeout=5)
        assert "nothing to fix" not in screen_text(app)
