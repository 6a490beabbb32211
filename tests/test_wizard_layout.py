"""The wizard lays out for the terminal it has: at 80x24 and 120x40 the columns that matter
are on screen, long text ends in "…" and is shown whole under the table, every form keeps
its Save button in view with its first field focused, and the footer keeps Save and Commit."""

from __future__ import annotations

import pytest
from textual.screen import ModalScreen
from textual.widgets import Button

from screens.app import create_app
from tests.conftest import SAMPLE_ID
from tests.wizard_helpers import frozen_clock, screen_text, type_text, wait_until

SIZES = [(80, 24), (120, 40)]


async def _open(pilot, app, step: int) -> None:
    before = app.screen
    if before.name != f"step{step}":
        app.action_goto_step(step)
    await wait_until(pilot, lambda: app.screen.name == f"step{step}" and app.screen.is_mounted)
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
async def test_step4_shows_owner_deadline_priority_status(sample_repo, size):
    app = create_app(sample_repo, SAMPLE_ID, clock=frozen_clock, autosave_delay=60)
    async with app.run_test(size=size) as pilot:
        await _open(pilot, app, 4)
        text = screen_text(app)
        for label in ("Owner", "Deadline", "Priority", "Status"):
            assert label in text, (size, label)
        for item in app.pm.actions:
            line = next(ln for ln in text.splitlines() if item.id in ln)
            assert item.owner in line and item.deadline.isoformat() in line, line
            assert item.priority in line and item.status in line, line
        long_one = max(app.pm.actions, key=lambda a: len(a.action))
        if size == (80, 24):  # too long for the column: cut with an ellipsis
            assert "…" in next(ln for ln in text.splitlines() if long_one.id in ln)
        app.screen.table.move_cursor(row=app.pm.actions.index(long_one))
        await pilot.pause()
        flat = " ".join(screen_text(app).split())
        assert " ".join(long_one.action.split()) in flat  # whole, in the detail line


@pytest.mark.parametrize("size", SIZES)
async def test_step2_shows_time_kind_and_what(sample_repo, size):
    app = create_app(sample_repo, SAMPLE_ID, clock=frozen_clock, autosave_delay=60)
    async with app.run_test(size=size) as pilot:
        await _open(pilot, app, 2)
        text = screen_text(app)
        first = app.pm.timeline[0]
        line = next(ln for ln in text.splitlines() if "09:41:30" in ln and "│" in ln)
        assert first.kind in line and first.text[:20] in line, line
        assert app.screen.table.flex_width() >= 24


@pytest.mark.parametrize("size", SIZES)
async def test_footer_keeps_save_commit_and_help_on_every_step(sample_repo, size):
    app = create_app(sample_repo, SAMPLE_ID, clock=frozen_clock, autosave_delay=60)
    async with app.run_test(size=size) as pilot:
        for step in range(1, 7):
            await _open(pilot, app, step)
            await wait_until(pilot, lambda: "Help" in screen_text(app).splitlines()[-1])
            footer = screen_text(app).splitlines()[-1]
            for key in ("^n Next", "^b Back", "^s Save", "^g Commit", "? Help"):
                assert key in footer, (step, footer)


async def _form_check(pilot, app) -> None:
    await wait_until(pilot, lambda: isinstance(app.screen, ModalScreen))
    await pilot.pause()
    save = app.screen.query_one("#save", Button)
    height = app.size.height
    assert 0 <= save.region.y and save.region.bottom <= height, save.region  # in view
    assert app.focused is not None and app.focused.parent is not None
    assert app.focused in app.screen.query_one(".form-fields").query("*")


async def test_every_form_keeps_save_in_view_at_80x24_and_focuses_its_first_field(sample_repo):
    app = create_app(sample_repo, None, clock=frozen_clock, autosave_delay=60)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("n")  # a new post-mortem, from the start screen
        await _form_check(pilot, app)
        await type_text(pilot, "Disk full")
        assert app.screen.query_one("#title").value == "Disk full"  # typing fills it
        await pilot.press("escape")
        app.open_postmortem(SAMPLE_ID)  # at once: the start screen comes back meanwhile
        await wait_until(pilot, lambda: app.screen.name == "step1")
        for step, key in ((1, "a"), (2, "a"), (3, "a"), (4, "a"), (4, "e"), (5, "ctrl+t")):
            await _open(pilot, app, step)
            await pilot.press(key)
            await _form_check(pilot, app)
            await pilot.press("escape")
            await wait_until(pilot, lambda: not isinstance(app.screen, ModalScreen))


async def test_step5_preview_toggles_at_80_columns(sample_repo):
    app = create_app(sample_repo, SAMPLE_ID, clock=frozen_clock, autosave_delay=60)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(pilot, app, 5)
        preview = app.screen.query_one("#preview")
        assert not preview.display or preview.region.width == 0
        await pilot.press("f2")
        await pilot.pause(0.3)
        assert preview.region.width >= 60
        await pilot.press("f2")
        await pilot.pause()
        assert app.screen.query_one("#summary").region.width >= 60


async def test_help_names_the_steps_keys_and_closes_on_escape(sample_repo):
    app = create_app(sample_repo, SAMPLE_ID, clock=frozen_clock, autosave_delay=60)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(pilot, app, 4)
        await pilot.press("question_mark")
        await wait_until(pilot, lambda: isinstance(app.screen, ModalScreen))
        await pilot.pause()
        text = screen_text(app)
        assert "Step 4" in text and "Delete" in text and "Commit" in text
        assert "Cursor up" not in text  # the table's own keys are the usual ones
        await pilot.press("escape")
        await wait_until(pilot, lambda: not isinstance(app.screen, ModalScreen))
        await pilot.press("f1")
        await wait_until(pilot, lambda: isinstance(app.screen, ModalScreen))


async def test_d_in_the_suggestions_panel_leaves_the_timeline_alone(sample_repo):
    app = create_app(sample_repo, SAMPLE_ID, clock=frozen_clock, autosave_delay=60)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, app, 2)
        rows = len(app.pm.timeline)
        app.screen.query_one("#candidates").focus()
        await pilot.press("d")
        await pilot.pause()
        assert not isinstance(app.screen, ModalScreen)  # no "delete T-…?" question
        assert len(app.pm.timeline) == rows


async def test_keys_typed_as_a_form_opens_land_in_its_first_field(sample_repo):
    app = create_app(sample_repo, SAMPLE_ID, clock=frozen_clock, autosave_delay=60)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(pilot, app, 4)
        await pilot.press("a", "F", "i", "x")  # no pause for the form to open
        await wait_until(pilot, lambda: isinstance(app.screen, ModalScreen))
        await pilot.pause()
        assert app.screen.query_one("#action").value == "Fix"


async def test_the_demo_banner_stays_in_the_header(sample_repo):
    app = create_app(sample_repo, SAMPLE_ID, clock=frozen_clock, autosave_delay=60)
    app.banner = f"demo repository {sample_repo.root}"
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: app.screen.name == "step1")
        await wait_until(pilot, lambda: app.validated)
        assert str(sample_repo.root) in app.sub_title and SAMPLE_ID in app.sub_title


async def test_suggestions_take_one_line_each_and_show_whole_when_highlighted(sample_repo):
    from datetime import timedelta

    from pm_tui.timeline import Candidate, save_candidates

    pm = sample_repo.load(SAMPLE_ID)
    at = pm.timeline[0].time
    long_text = "slow query 1.35s: SELECT id, status, total_cents FROM orders WHERE " * 2
    save_candidates(
        sample_repo,
        SAMPLE_ID,
        [
            Candidate(f"C-{i}", "other", at + timedelta(minutes=i), f"{i} {long_text}", ["app.log"])
            for i in range(1, 6)
        ],
    )
    app = create_app(sample_repo, SAMPLE_ID, clock=frozen_clock, autosave_delay=60)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(pilot, app, 2)
        text = screen_text(app)
        # a line per suggestion, cut with …; the timeline keeps five rows in view
        shown = [ln for ln in text.splitlines() if " other " in ln and "slow query" in ln]
        assert len(shown) >= 3 and all("…" in ln for ln in shown), text
        rows = [ln for ln in text.splitlines() if ln.startswith("│") and "2025-02-09" in ln]
        assert len(rows) >= 5, text
        panel = app.screen.query_one("#candidates")
        panel.focus()
        panel.highlighted = 1
        await pilot.pause()
        flat = " ".join(screen_text(app).split())
        assert "suggested" in flat and " ".join(f"2 {long_text}".split()) in flat


@pytest.mark.parametrize("size", SIZES)
async def test_step3_factors_fit_the_width_and_open_whole(sample_repo, size):
    app = create_app(sample_repo, SAMPLE_ID, clock=frozen_clock, autosave_delay=60)
    async with app.run_test(size=size) as pilot:
        await _open(pilot, app, 3)
        text = screen_text(app)
        factor = app.pm.analysis.factors[0]
        line = next(ln for ln in text.splitlines() if factor.id in ln and "│" in ln)
        assert factor.category in line and factor.description[:30] in line
        assert "…" in line and line.rstrip().endswith("│"), line  # cut, inside its border
        table = app.screen.query_one("#factors")
        table.focus()
        table.move_cursor(row=0)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ModalScreen))
        await pilot.pause()
        values = [w.value for w in app.screen.query("Input")]
        assert factor.description in values  # whole in its form
        await pilot.press("escape")
