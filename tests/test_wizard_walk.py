"""Pilot tests: walk the six steps on a real repository by key presses, then check file and git."""

from __future__ import annotations

from datetime import UTC, date, datetime

from pm_tui.postmortem_store import read_postmortem
from screens.app import create_app
from tests.conftest import DRAFT_ID, SAMPLE_ID
from tests.wizard_helpers import fill, frozen_clock, git_subjects, type_text


async def test_walk_all_steps_adding_and_editing_rows(sample_repo):
    app = create_app(sample_repo, DRAFT_ID, clock=frozen_clock, autosave_delay=60)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.screen.name == "step1"
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert app.screen.name == "step2"
        before = len(app.pm.timeline)

        # add a row 5 minutes after the selected (first) one, typed into the modal
        await pilot.press("a")
        await pilot.pause()
        await fill(pilot, "time", "+5m")
        await fill(pilot, "text", "Disk [/mq] alarm")
        await fill(pilot, "source", "graf")
        await pilot.press("enter")
        await pilot.pause()
        assert len(app.pm.timeline) == before + 1
        added = app.pm.timeline[1]
        assert added.time == datetime(2025, 6, 14, 22, 3, tzinfo=UTC)
        assert added.text == "Disk [/mq] alarm"
        table = app.screen.query_one("#timeline")
        assert table.row_count == before + 1

        # edit that row: a clock time replaces its time, stored as UTC
        assert table.get_row_index(added.id) == table.cursor_row
        await pilot.press("e")
        await pilot.pause()
        await fill(pilot, "time", "2025-06-15T00:05:30+02:00")
        await pilot.press("enter")
        await pilot.pause()
        assert added.time == datetime(2025, 6, 14, 22, 5, 30, tzinfo=UTC)
        assert str(table.get_row(added.id)[1]) == "2025-06-14 22:05:30"

        # step 3, then step 4: add an action item by keys
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert app.screen.name == "step4"
        await pilot.press("a")
        await pilot.pause()
        await fill(pilot, "action", "Alert on disk")
        await fill(pilot, "owner", "Dana")
        await fill(pilot, "deadline", "+2w")
        await pilot.press("enter")
        await pilot.pause()
        new = app.pm.actions[-1]
        assert new.id == "AI-002"
        assert new.deadline == date(2025, 2, 26)
        # edit the first action's owner (it was a placeholder)
        actions = app.screen.query_one("#actions")
        actions.move_cursor(row=0)
        await pilot.press("enter")
        await pilot.pause()
        await fill(pilot, "owner", "Sam")
        await fill(pilot, "deadline", "2025-03-01")
        await pilot.press("enter")
        await pilot.pause()
        assert app.pm.actions[0].owner == "Sam"
        assert str(actions.get_row("AI-001")[3]) == "Sam"

        for expected in ("step5", "step6"):
            await pilot.press("ctrl+n")
            await pilot.pause()
            assert app.screen.name == expected
        await pilot.press("ctrl+n")  # completing step 6 commits it
        await pilot.pause()

    saved = read_postmortem(sample_repo.path_for(DRAFT_ID))
    assert any(e.text == "Disk [/mq] alarm" for e in saved.timeline)
    assert saved.actions[0].owner == "Sam"
    assert saved.actions[1].action == "Alert on disk"
    assert saved.actions[1].deadline == date(2025, 2, 26)
    subjects = git_subjects(sample_repo.root)
    assert f"{DRAFT_ID}: step 2 timeline" in subjects
    assert f"{DRAFT_ID}: step 4 actions" in subjects
    assert not sample_repo.has_uncommitted_changes(DRAFT_ID)


async def test_invalid_time_is_refused_in_the_form(sample_repo):
    app = create_app(sample_repo, SAMPLE_ID, clock=frozen_clock, autosave_delay=60)
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_goto_step(2)
        await pilot.pause()
        before = len(app.pm.timeline)
        await pilot.press("a")
        await pilot.pause()
        await fill(pilot, "time", "25:99")
        await fill(pilot, "text", "something")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "EventForm"  # still open, error shown
        assert "time" in str(app.screen.query_one("#form-error").render()).lower()
        await pilot.press("escape")
        await pilot.pause()
        assert len(app.pm.timeline) == before


async def test_delete_asks_and_sort_orders(sample_repo):
    app = create_app(sample_repo, SAMPLE_ID, clock=frozen_clock, autosave_delay=60)
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_goto_step(2)
        await pilot.pause()
        first = app.pm.timeline[0].id
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("n")  # no: nothing deleted
        await pilot.pause()
        assert app.pm.event(first) is not None
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert app.pm.event(first) is None
        assert first not in app.screen.query_one("#timeline").rows
        # duplicate the selected row then filter
        await pilot.press("c")
        await pilot.pause()
        ids = [e.id for e in app.pm.timeline]
        assert len(ids) == len(set(ids))
        await pilot.press("slash")
        await type_text(pilot, "pool")
        await pilot.pause()
        table = app.screen.query_one("#timeline")
        assert 0 < table.row_count < len(app.pm.timeline)
        await pilot.press("escape")
        await pilot.pause()
        assert table.row_count == len(app.pm.timeline)
