"""The publishing gate in the wizard: with blame errors left, export (as published),
distribute and tickets stop at a dialog naming the findings; going ahead needs a reason and
is recorded in the file and committed."""

from __future__ import annotations

from textual.screen import ModalScreen

from screens.app import create_app
from tests.conftest import SAMPLE_ID
from tests.wizard_helpers import frozen_clock, git_subjects, screen_text, type_text, wait_until


def _blameful(repo) -> None:
    pm = repo.load(SAMPLE_ID)
    pm.summary = "Bob forgot to add the index; human error on the on-call's part."
    repo.save(pm)
    repo.commit(pm, "blameful summary")


async def _step(pilot, app, step: int) -> None:
    app.action_goto_step(step)
    await wait_until(pilot, lambda: app.screen.name == f"step{step}" and app.screen.is_mounted)
    await pilot.pause()


async def test_distribute_and_tickets_stop_at_the_gate(sample_repo):
    _blameful(sample_repo)
    app = create_app(sample_repo, SAMPLE_ID, clock=frozen_clock, autosave_delay=60)
    async with app.run_test(size=(120, 40)) as pilot:
        await _step(pilot, app, 5)
        await pilot.press("ctrl+t")
        await wait_until(pilot, lambda: isinstance(app.screen, ModalScreen))
        await pilot.pause()
        text = screen_text(app)
        assert "Cannot distribute the report" in text and "Bob" in text
        assert "Go ahead anyway" in text
        await pilot.press("escape")
        await wait_until(pilot, lambda: not isinstance(app.screen, ModalScreen))
        assert app.pm.distribution == sample_repo.load(SAMPLE_ID).distribution
        assert app.pm.overrides == []
        await _step(pilot, app, 6)
        await pilot.press("t")
        await wait_until(pilot, lambda: isinstance(app.screen, ModalScreen))
        assert "Cannot file tickets" in screen_text(app)
        await pilot.press("escape")


async def test_export_as_published_anyway_records_the_override(sample_repo):
    _blameful(sample_repo)
    app = create_app(sample_repo, SAMPLE_ID, clock=frozen_clock, autosave_delay=60)
    async with app.run_test(size=(80, 24)) as pilot:
        await _step(pilot, app, 5)
        assert app.pm.status == "published"
        report = app.report_paths(app.pm)["markdown"]
        before = report.read_bytes() if report.exists() else None
        await pilot.press("ctrl+r")
        await wait_until(pilot, lambda: isinstance(app.screen, ModalScreen))
        await pilot.pause()
        assert app.screen.query_one("#save").region.bottom <= 24  # in view at 80x24
        await pilot.press("ctrl+s")  # no reason: refused, still open
        await pilot.pause()
        assert isinstance(app.screen, ModalScreen) and "say why" in screen_text(app)
        await type_text(pilot, "the CTO asked for it now")  # the reason field has focus
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: not isinstance(app.screen, ModalScreen))
        await wait_until(pilot, lambda: bool(app.pm.overrides))
        assert report.exists() and report.read_bytes() != before
        saved = sample_repo.load(SAMPLE_ID)
        assert saved.overrides and saved.overrides[0].reason == "the CTO asked for it now"
        assert saved.overrides[0].action == "publish"
        assert any("report published" in s for s in git_subjects(sample_repo.root))
