"""Opening a post-mortem never waits for validation: the step paints with its findings panel
saying "validating…", keys are answered while the first validation runs in a worker, and
the findings shown are those of the model as it is when they arrive (an edit made meanwhile
is validated again)."""

from __future__ import annotations

import threading

import pytest
from textual.screen import ModalScreen

import pm_tui.validation as validation
from screens.app import create_app
from tests.conftest import SAMPLE_ID
from tests.wizard_helpers import fill, frozen_clock, screen_text, wait_until


@pytest.fixture
def slow_first_validation(monkeypatch):
    """The real validation, held back in its worker thread until the test lets it go (a
    first validation that loads its patterns slowly on a busy machine)."""
    release = threading.Event()
    real = validation.validate
    calls: list[str] = []

    def held(pm, **kwargs):
        calls.append(threading.current_thread().name)
        if threading.current_thread() is not threading.main_thread():
            assert release.wait(30), "the test never let validation go"
        return real(pm, **kwargs)

    monkeypatch.setattr(validation, "validate", held)
    return release, calls


async def test_keys_answered_while_the_first_validation_runs(sample_repo, slow_first_validation):
    release, calls = slow_first_validation
    app = create_app(sample_repo, SAMPLE_ID, clock=frozen_clock, autosave_delay=60)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: app.screen.name == "step1" and calls)
        assert "validating…" in screen_text(app)
        assert calls[0] != threading.main_thread().name  # in a worker thread
        # keys work meanwhile: the key help opens and closes, the steps change
        await pilot.press("question_mark")
        await wait_until(pilot, lambda: isinstance(app.screen, ModalScreen))
        assert "esc, ? or F1 closes" in screen_text(app)
        await pilot.press("escape")
        await wait_until(pilot, lambda: not isinstance(app.screen, ModalScreen))
        for _ in range(3):
            await pilot.press("ctrl+n")
        await wait_until(pilot, lambda: app.screen.name == "step4" and app.screen.is_mounted)
        assert not app.validated and "validating…" in screen_text(app)
        # an edit before the worker answers: AI-001 loses its owner
        await pilot.press("e")
        await wait_until(pilot, lambda: isinstance(app.screen, ModalScreen))
        await fill(pilot, "owner", "")
        await pilot.press("enter")
        await wait_until(pilot, lambda: not isinstance(app.screen, ModalScreen))
        assert app.pm.actions[0].owner == ""
        release.set()
        await wait_until(pilot, lambda: app.validated)
        await pilot.pause()
        # what is shown is the model as it is now, not the copy the worker validated
        assert [f.row for f in app.findings_for(4)] == ["AI-001"]
        text = screen_text(app)
        assert "validating…" not in text and "has no owner" in text
        assert "1 error" in app.sub_title


async def test_first_validation_shows_nothing_to_fix(sample_repo):
    app = create_app(sample_repo, SAMPLE_ID, clock=frozen_clock, autosave_delay=60)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.validated)
        await pilot.pause()
        assert app.findings == []
        assert "nothing to fix in this step" in screen_text(app)
        assert app.sub_title.split(" · ")[2] == "✓"


def _typed_at_once(app, keys: list[str]) -> None:
    """Keys as a fast typist (or a paste into the terminal) sends them: all queued before
    the app handles the first."""
    from textual import events

    for key in keys:
        app.post_message(events.Key(key, key if len(key) == 1 else None))


async def test_keys_typed_while_a_step_loads_go_to_that_step(sample_repo):
    app = create_app(sample_repo, SAMPLE_ID, clock=frozen_clock, autosave_delay=60)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.validated)
        # down x3 right after ctrl+n: the cursor of step 2's table moves, none are lost
        _typed_at_once(app, ["ctrl+n", "down", "down", "down"])
        await wait_until(pilot, lambda: app.screen.name == "step2" and app.screen.is_mounted)
        await wait_until(pilot, lambda: app.screen.table.cursor_row == 3, timeout=5)
        # two steps at once, then the table's keys
        _typed_at_once(app, ["ctrl+n", "ctrl+n", "down", "down"])
        await wait_until(pilot, lambda: app.screen.name == "step4" and app.screen.is_mounted)
        await wait_until(pilot, lambda: app.screen.table.cursor_row == 2, timeout=5)
        # back two steps and a step key: step 2's add form opens
        _typed_at_once(app, ["ctrl+b", "ctrl+b", "a"])
        await wait_until(pilot, lambda: isinstance(app.screen, ModalScreen), timeout=5)
        assert app.screen_stack[-2].name == "step2"
        assert type(app.screen).__name__ == "EventForm"
        await wait_until(pilot, lambda: app.screen.is_mounted and app.focused is not None)
        await pilot.pause()
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen.name == "step2")
