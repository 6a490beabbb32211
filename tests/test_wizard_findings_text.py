"""Findings read like a person wrote them: the field by its label, the suggested rewrite
that `pm-tui validate` prints, correct plurals; enter on one goes to its row to fix it."""

from __future__ import annotations

from textual.screen import ModalScreen

from pm_tui.validation.labels import field_label, plural
from screens.app import create_app
from tests.conftest import SAMPLE_ID
from tests.wizard_helpers import frozen_clock, screen_text, wait_until


def test_labels_and_plurals():
    assert field_label("immediate_causes[0]") == "immediate cause 1"
    assert field_label("tracker_url") == "ticket link"
    assert field_label("whys[2]") == "why 3"
    assert plural(1, "error") == "1 error" and plural(4, "error") == "4 errors"


async def test_findings_show_labels_rewrites_and_jump_to_fix(sample_repo):
    pm = sample_repo.load(SAMPLE_ID)
    pm.analysis.immediate_causes = ["Bob forgot to add the index."]
    pm.actions[1].owner = ""
    sample_repo.save(pm)
    sample_repo.commit(pm, "findings")
    app = create_app(sample_repo, SAMPLE_ID, clock=frozen_clock, autosave_delay=60)
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_goto_step(3)
        await wait_until(pilot, lambda: app.screen.name == "step3" and app.screen.is_mounted)
        await wait_until(pilot, lambda: "immediate cause 1" in screen_text(app))
        text = screen_text(app)
        assert "immediate_causes[0]" not in text
        finding = next(f for f in app.findings if f.field == "immediate_causes[0]")
        assert finding.suggestion and "→ " + finding.suggestion[:30] in " ".join(text.split())
        assert "1 errors" not in text
        app.action_goto_step(4)
        await wait_until(pilot, lambda: app.screen.name == "step4" and app.screen.is_mounted)
        await wait_until(pilot, lambda: "AI-002 owner" in screen_text(app))
        panel = app.screen.query_one("#findings")
        panel.focus()
        await pilot.pause()
        index = next(i for i, f in enumerate(panel._findings) if f.row == "AI-002")
        panel.highlighted = index
        await pilot.press("f")
        await wait_until(pilot, lambda: isinstance(app.screen, ModalScreen))
        assert app.screen.query_one("#action").value == pm.actions[1].action  # its editor
