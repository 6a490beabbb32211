"""The wizard's fast paths show what the slow ones showed: a timeline row edited in place
(no table rebuild) shows each new value and its findings mark, a widened column keeps the
rows aligned, a long table sized without measuring scrolls to its end, and a footer that
skips needless rebuilds still follows the step and its modals."""

from __future__ import annotations

from textual.screen import ModalScreen

from screens.app import create_app
from tests.conftest import DRAFT_ID
from tests.wizard_helpers import frozen_clock, wait_until


def _screen_text(app) -> str:
    # The screen as the compositor draws a frame, through every cache a real frame uses.
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def test_edit_in_place_shows_each_new_value(sample_repo):
    app = create_app(sample_repo, DRAFT_ID, clock=frozen_clock, autosave_delay=60)
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_goto_step(2)
        await pilot.pause()
        screen = app.screen
        first, second = app.pm.timeline[0], app.pm.timeline[1]
        untouched = second.text[:20]
        assert first.text[:20] in _screen_text(app)
        screen.apply_edit(first.id, {"text": "Renamed [/once]", "actor": "on-call"})
        await pilot.pause()
        shown = _screen_text(app)
        assert "Renamed [/once]" in shown and "on-call" in shown
        assert untouched in shown
        screen.apply_edit(first.id, {"text": "Renamed twice"})
        await pilot.pause()
        shown = _screen_text(app)
        assert "Renamed twice" in shown and "Renamed [/once]" not in shown
        assert str(screen.table.get_row(first.id)[3]) == "Renamed twice"


async def test_findings_mark_follows_an_in_place_edit(sample_repo):
    app = create_app(sample_repo, DRAFT_ID, clock=frozen_clock, autosave_delay=60)
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_goto_step(2)
        await pilot.pause()
        screen = app.screen
        row = app.pm.timeline[2]
        assert str(screen.table.get_row(row.id)[0]) == ""
        screen.apply_edit(row.id, {"text": "Bob forgot to check the queue and caused the backlog"})
        await wait_until(pilot, lambda: str(screen.table.get_row(row.id)[0]) in ("⚠", "✗"))
        await pilot.pause()
        line = next(ln for ln in _screen_text(app).splitlines() if "Bob forgot" in ln)
        assert "⚠" in line or "✗" in line


async def test_long_timeline_scrolls_to_its_last_row(sample_repo):
    # Rows are sized without measuring them: the table must still scroll over all of them.
    from dataclasses import replace
    from datetime import timedelta

    pm = sample_repo.load(DRAFT_ID)
    last = pm.timeline[-1]
    pm.timeline += [
        replace(last, id=f"T-{900 + i}", time=last.time + timedelta(seconds=i + 1), text=f"row {i}")
        for i in range(300)
    ]
    pm.timeline[-1].text = "the very last row"
    sample_repo.save(pm)
    app = create_app(sample_repo, DRAFT_ID, clock=frozen_clock, autosave_delay=60)
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_goto_step(2)
        await pilot.pause()
        table = app.screen.table
        assert "the very last row" not in _screen_text(app)
        table.move_cursor(row=table.row_count - 1)  # as the down key held long enough would
        await pilot.pause()
        assert table.virtual_size.height == table.row_count + 1  # the rows and the header
        assert "the very last row" in _screen_text(app)


async def test_a_longer_text_is_cut_with_an_ellipsis_and_shown_whole_below(sample_repo):
    app = create_app(sample_repo, DRAFT_ID, clock=frozen_clock, autosave_delay=60)
    async with app.run_test(size=(200, 40)) as pilot:
        app.action_goto_step(2)
        await pilot.pause()
        screen = app.screen
        row = app.pm.timeline[1]
        before = screen.table.columns["text"].width
        longer = "x" * before + " and the end of it"
        screen.apply_edit(row.id, {"text": longer})
        screen.table.move_cursor(row=1)
        await pilot.pause()
        assert screen.table.columns["text"].width == before  # the table's width decides
        lines = _screen_text(app).splitlines()
        edited = next(ln for ln in lines if "x" * (before - 1) + "…" in ln)
        header = next(ln for ln in lines if "What happened" in ln and "Source" in ln)
        other = next(ln for ln in lines if app.pm.timeline[0].text[:30] in ln)
        # every row, and the header, keep the columns after the text aligned
        source_at = edited.index(row.source[:10])
        assert header.index("Source") == source_at
        assert other.index(app.pm.timeline[0].source[:10]) == source_at
        assert "the end of it" in _screen_text(app)  # whole in the detail line


def _footer_keys(app) -> list[str]:
    return [key.description for key in app.screen.query("FooterKey")]


async def test_footer_follows_the_step_and_its_modal(sample_repo):
    # The footer skips rebuilds that would show the same keys: it must still change
    # when the keys do (another step, a modal and back).
    app = create_app(sample_repo, DRAFT_ID, clock=frozen_clock, autosave_delay=60)
    async with app.run_test(size=(160, 40)) as pilot:
        app.action_goto_step(2)
        await pilot.pause()
        await wait_until(pilot, lambda: "Filter" in _footer_keys(app))
        app.action_goto_step(1)
        await wait_until(pilot, lambda: "Collect" in _footer_keys(app))
        assert "Filter" not in _footer_keys(app)
        app.action_goto_step(2)
        await wait_until(pilot, lambda: "Filter" in _footer_keys(app))
        await pilot.press("a")  # the add-event modal, then back
        await wait_until(pilot, lambda: isinstance(app.screen, ModalScreen))
        await pilot.press("escape")
        await wait_until(pilot, lambda: not isinstance(app.screen, ModalScreen))
        await wait_until(pilot, lambda: "Filter" in _footer_keys(app))
