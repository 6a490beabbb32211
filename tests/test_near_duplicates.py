"""Near-duplicate suggestions (the same moment, much the same words as a row) are flagged
and held back for a person, in the core, the CLI's accept-all and the wizard alike."""

from __future__ import annotations

from datetime import timedelta

from textual.screen import ModalScreen

from pm_tui.timeline import Candidate, near_duplicate
from pm_tui.workflow.candidates import accept_candidates
from screens.app import create_app
from tests.conftest import SAMPLE_ID
from tests.wizard_helpers import frozen_clock, wait_until


def _near(pm) -> Candidate:
    row = next(e for e in pm.timeline if e.kind == "paged")
    return Candidate(
        id="C-near",
        kind="paged",
        time=row.time + timedelta(seconds=40),
        text=row.text + " (PagerDuty)",
        confidence=0.9,
    )


def _far(pm) -> Candidate:
    return Candidate(
        id="C-far",
        kind="diagnosis",
        time=pm.timeline[0].time + timedelta(minutes=2),
        text="Replica lag on orders-db-2 reaches 30 s",
        confidence=0.9,
    )


def test_the_rule(sample_repo):
    pm = sample_repo.load(SAMPLE_ID)
    near, far = _near(pm), _far(pm)
    assert near_duplicate(pm.timeline, near).kind == "paged"
    assert near_duplicate(pm.timeline, far) is None
    later = Candidate("C-later", "paged", near.time + timedelta(hours=1), near.text)
    assert near_duplicate(pm.timeline, later) is None  # another moment


def test_accept_holds_near_duplicates_back_and_says_so(sample_repo):
    pm = sample_repo.load(SAMPLE_ID)
    done = accept_candidates(pm, [_near(pm), _far(pm)])
    assert [e.text for e in done.added] == [_far(pm).text]
    assert [c.id for c, _ in done.near] == ["C-near"] and "looks like" in done.gaps[0]
    forced = accept_candidates(pm, [_near(pm)], near=True)
    assert len(forced.added) == 1


async def test_wizard_flags_and_asks(sample_repo):
    app = create_app(sample_repo, SAMPLE_ID, clock=frozen_clock, autosave_delay=60)
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_goto_step(2)
        await wait_until(pilot, lambda: app.screen.name == "step2" and app.screen.is_mounted)
        await pilot.pause()
        screen = app.screen
        near = _near(app.pm)
        row = near_duplicate(app.pm.timeline, near)
        screen.candidates[:] = [near]
        panel = screen.query_one("#candidates")
        panel.show(screen.candidates, app.pm.timeline)
        await pilot.pause()
        assert f"≈{row.id}" in str(panel.get_option_at_index(0).prompt)
        rows = len(app.pm.timeline)
        await pilot.press("h")  # accept every high-confidence one: this one is held back
        await pilot.pause()
        assert len(app.pm.timeline) == rows and screen.candidates == [near]
        panel.focus()
        panel.highlighted = 0
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ModalScreen))
        await pilot.press("y")
        await wait_until(pilot, lambda: len(app.pm.timeline) == rows + 1)
