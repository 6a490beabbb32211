"""ctrl+z in the wizard: several levels of table edits (step 4 and step 2), the fields of a
form, every Five Whys answer edited in place, the palette's Keys panel closed by Esc."""

from __future__ import annotations

from textual.screen import ModalScreen

from pm_tui.edit_history import EditHistory
from screens.app import create_app
from tests.conftest import SAMPLE_ID
from tests.wizard_helpers import frozen_clock, type_text, wait_until


def test_edit_history_levels(sample_repo):
    pm = sample_repo.load(SAMPLE_ID)
    history = EditHistory(levels=3)
    owners = [a.owner for a in pm.actions]
    for n in range(5):
        history.record(pm, "actions")
        pm.actions[0].owner = f"owner-{n}"
    assert history.undo(pm, ("actions",)) == "actions" and pm.actions[0].owner == "owner-3"
    assert history.undo(pm, ("actions",)) and pm.actions[0].owner == "owner-2"
    assert history.undo(pm, ("actions",)) and pm.actions[0].owner == "owner-1"
    assert history.undo(pm, ("actions",)) is None  # only three levels kept
    assert owners[0] != pm.actions[0].owner


async def _step(pilot, app, step):
    app.action_goto_step(step)
    await wait_until(pilot, lambda: app.screen.name == f"step{step}" and app.screen.is_mounted)
    await pilot.pause()


async def test_undo_in_tables_and_forms(sample_repo):
    app = create_app(sample_repo, SAMPLE_ID, clock=frozen_clock, autosave_delay=60)
    async with app.run_test(size=(80, 24)) as pilot:
        await _step(pilot, app, 4)
        ids = [a.id for a in app.pm.actions]
        # delete two items, then undo both, newest first
        for _ in range(2):
            await pilot.press("d")
            await wait_until(pilot, lambda: isinstance(app.screen, ModalScreen))
            await pilot.press("y")
            await wait_until(pilot, lambda: not isinstance(app.screen, ModalScreen))
        assert [a.id for a in app.pm.actions] == ids[2:]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [a.id for a in app.pm.actions] == ids[1:]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [a.id for a in app.pm.actions] == ids
        assert app.screen.table.row_count == len(ids)
        # a form: typing, then ctrl+z takes the typing back step by step
        await pilot.press("a")
        await wait_until(pilot, lambda: isinstance(app.screen, ModalScreen))
        await pilot.pause()
        await type_text(pilot, "Add")
        action = app.screen.query_one("#action")
        assert action.value == "Add"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert action.value == "Ad"
        await pilot.press("ctrl+z", "ctrl+z")
        await pilot.pause()
        assert action.value == ""
        await pilot.press("escape")
        await wait_until(pilot, lambda: not isinstance(app.screen, ModalScreen))
        # step 2: delete a row, undo brings it back with its factor links
        await _step(pilot, app, 2)
        first = app.pm.timeline[0].id
        linked = [f.id for f in app.pm.analysis.factors if first in f.events]
        await pilot.press("d")
        await wait_until(pilot, lambda: isinstance(app.screen, ModalScreen))
        await pilot.press("y")
        await wait_until(pilot, lambda: app.pm.event(first) is None)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.pm.event(first) is not None
        assert [f.id for f in app.pm.analysis.factors if first in f.events] == linked


async def test_every_five_whys_answer_is_editable(sample_repo):
    app = create_app(sample_repo, SAMPLE_ID, clock=frozen_clock, autosave_delay=60)
    async with app.run_test(size=(120, 40)) as pilot:
        await _step(pilot, app, 3)
        chain = app.pm.analysis.five_whys[0]
        whys = app.screen.query_one("#whys")
        assert whys.text.splitlines() == chain.whys
        lines = list(chain.whys)
        lines[1] = "Because the lookup had no index on customer_ref"
        whys.load_text("\n".join(lines))
        await pilot.pause()
        whys.focus()
        await pilot.press("end")  # an edit by key, as a person would
        await type_text(pilot, " yet")
        await pilot.pause()
        assert app.pm.analysis.five_whys[0].whys[1] == lines[1]
        assert app.pm.analysis.five_whys[0].whys[0].endswith("yet")


async def test_palette_keys_panel_closes_on_escape(sample_repo):
    app = create_app(sample_repo, SAMPLE_ID, clock=frozen_clock, autosave_delay=60)
    async with app.run_test(size=(120, 40)) as pilot:
        await _step(pilot, app, 4)
        app.action_show_help_panel()
        await pilot.pause()
        assert app.screen.query("HelpPanel")
        await pilot.press("escape")
        await pilot.pause()
        assert not app.screen.query("HelpPanel")


async def test_undo_takes_back_accepted_and_dismissed_suggestions(sample_repo):
    from pm_tui.timeline import load_dismissed, save_candidates
    from tests.conftest import DRAFT_ID
    from tests.test_wizard_steps import _candidates

    save_candidates(sample_repo, DRAFT_ID, _candidates())
    app = create_app(sample_repo, DRAFT_ID, clock=frozen_clock, autosave_delay=60)
    async with app.run_test(size=(120, 40)) as pilot:
        await _step(pilot, app, 2)
        panel = app.screen.query_one("#candidates")
        rows = [e.id for e in app.pm.timeline]
        listed = [c.id for c in app.screen.candidates]
        assert len(listed) == 3
        panel.focus()
        panel.highlighted = listed.index("C-weak")
        await pilot.press("x")  # 1: dismiss, kept on disk
        await pilot.pause()
        assert load_dismissed(sample_repo, DRAFT_ID) == {"C-weak"}
        panel.highlighted = 0
        await pilot.press("enter")  # 2: accept one
        await pilot.pause()
        await pilot.press("h")  # 3: accept the high-confidence one left
        await pilot.pause()
        assert len(app.pm.timeline) == len(rows) + 2 and app.screen.candidates == []
        await pilot.press("ctrl+z")  # undoes 3
        await pilot.pause()
        assert len(app.pm.timeline) == len(rows) + 1
        assert [c.id for c in app.screen.candidates] == ["C-strong2"]
        await pilot.press("ctrl+z")  # undoes 2
        await pilot.pause()
        assert [e.id for e in app.pm.timeline] == rows
        assert sorted(c.id for c in app.screen.candidates) == ["C-strong1", "C-strong2"]
        assert panel.option_count == 2
        await pilot.press("ctrl+z")  # undoes 1: listed again, and no longer dismissed on disk
        await pilot.pause()
        assert sorted(c.id for c in app.screen.candidates) == sorted(listed)
        assert panel.option_count == 3
        assert load_dismissed(sample_repo, DRAFT_ID) == set()
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [e.id for e in app.pm.timeline] == rows  # nothing more to undo


async def test_undo_in_the_factors_and_sources_tables(sample_repo):
    app = create_app(sample_repo, SAMPLE_ID, clock=frozen_clock, autosave_delay=60)
    async with app.run_test(size=(80, 24)) as pilot:
        await _step(pilot, app, 3)
        factors = [f.id for f in app.pm.analysis.factors]
        causes = list(app.pm.analysis.immediate_causes)
        table = app.screen.query_one("#factors")
        table.focus()
        for _ in range(2):  # delete two factors
            await pilot.press("d")
            await wait_until(pilot, lambda: isinstance(app.screen, ModalScreen))
            await pilot.press("y")
            await wait_until(pilot, lambda: not isinstance(app.screen, ModalScreen))
        assert [f.id for f in app.pm.analysis.factors] == factors[2:]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [f.id for f in app.pm.analysis.factors] == factors[1:]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [f.id for f in app.pm.analysis.factors] == factors
        assert table.row_count == len(factors)
        assert app.pm.analysis.immediate_causes == causes  # the text boxes untouched
        # step 1: an added source is taken back
        await _step(pilot, app, 1)
        sources = len(app.pm.sources)
        await pilot.press("a")
        await wait_until(pilot, lambda: isinstance(app.screen, ModalScreen))
        await pilot.pause()
        from tests.wizard_helpers import fill

        await fill(pilot, "target", "/var/log/app.log")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: not isinstance(app.screen, ModalScreen))
        assert len(app.pm.sources) == sources + 1
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert len(app.pm.sources) == sources
        assert app.screen.query_one("#sources").row_count == sources
