"""Pilot tests of the wired steps: candidates (step 2), factor hints, past incidents and
Five Whys chains (step 3), each against real files in a real repository."""

from __future__ import annotations

from datetime import UTC, datetime

from pm_tui.postmortem_store import read_postmortem
from pm_tui.timeline import Candidate, load_dismissed, save_candidates
from screens.app import create_app
from tests.conftest import DRAFT_ID, SAMPLE_ID
from tests.wizard_helpers import fill, frozen_clock, wait_until


def _candidates() -> list[Candidate]:
    at = datetime(2025, 6, 14, 22, 0, tzinfo=UTC)
    return [
        Candidate("C-strong1", "alert_fired", at.replace(minute=12), "Queue [/mq] depth alert", ["alertmanager"], confidence=0.9),
        Candidate("C-strong2", "change", at.replace(minute=2), "Deploy webhook-worker v42", ["argo"], confidence=0.8),
        Candidate("C-weak", "other", at.replace(minute=20), "consumer restarted", ["app.log"], confidence=0.4),
    ]  # fmt: skip


async def test_candidates_accept_dismiss_and_accept_all_high(sample_repo):
    save_candidates(sample_repo, DRAFT_ID, _candidates())
    app = create_app(sample_repo, DRAFT_ID, clock=frozen_clock, autosave_delay=60)
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_goto_step(2)
        await pilot.pause()
        panel = app.screen.query_one("#candidates")
        assert panel.option_count == 3
        before = len(app.pm.timeline)
        # dismiss the weak one: gone now, and gone in the next session too
        panel.focus()
        panel.highlighted = 2
        await pilot.press("x")
        await pilot.pause()
        assert panel.option_count == 2
        assert load_dismissed(sample_repo, DRAFT_ID) == {"C-weak"}
        # enter accepts the highlighted candidate, through pm_tui.timeline.accept
        panel.highlighted = 0
        await pilot.press("enter")
        await pilot.pause()
        assert len(app.pm.timeline) == before + 1
        added = next(e for e in app.pm.timeline if e.text == "Queue [/mq] depth alert")
        assert added.kind == "alert_fired" and added.source == "alertmanager"
        assert added.id in app.screen.query_one("#timeline").rows
        # h takes every high-confidence suggestion left
        await pilot.press("h")
        await pilot.pause()
        assert any(e.text == "Deploy webhook-worker v42" for e in app.pm.timeline)
        assert panel.option_count == 1  # only the "no suggestions" line
        await pilot.press("ctrl+s")
        await pilot.pause()
    app = create_app(sample_repo, DRAFT_ID, clock=frozen_clock, autosave_delay=60)
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_goto_step(2)
        await pilot.pause()
        # accepted ones are in the timeline, the dismissed one stays dismissed
        assert app.candidates_for(app.pm) == []
    saved = read_postmortem(sample_repo.path_for(DRAFT_ID))
    assert len([e for e in saved.timeline if e.kind == "alert_fired"]) >= 1


async def test_step2_shows_duration_and_inline_findings(sample_repo):
    pm = sample_repo.load(DRAFT_ID)
    pm.timeline[1].text = "Bob forgot to check the queue and caused the backlog"
    sample_repo.save(pm)
    app = create_app(sample_repo, DRAFT_ID, clock=frozen_clock, autosave_delay=60)
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_goto_step(2)
        await pilot.pause()
        durations = str(app.screen.query_one("#durations").render())
        assert "duration" in durations and "detect" in durations
        table = app.screen.query_one("#timeline")
        await wait_until(pilot, lambda: app.findings)
        rows = {f.row for f in app.findings_for(2) if f.row and not f.acknowledged}
        assert rows, "the draft sample should have a timeline finding"
        row = next(iter(rows))
        assert str(table.get_row(row)[0]) in ("⚠", "✗")


async def test_factor_hint_becomes_a_factor_only_when_chosen(sample_repo):
    app = create_app(sample_repo, DRAFT_ID, clock=frozen_clock, autosave_delay=60)
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_goto_step(3)
        await pilot.pause()
        factors_before = len(app.pm.analysis.factors)
        hints = app.screen.query_one("#hints")
        assert hints.option_count >= 1
        assert len(app.pm.analysis.factors) == factors_before  # nothing added by itself
        label = str(hints.get_option_at_index(0).prompt)
        hints.focus()
        hints.highlighted = 0
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "FactorForm"
        assert app.screen.query_one("#description").value  # prefilled
        await pilot.press("ctrl+s")
        await pilot.pause()
        new = app.pm.analysis.factors[-1]
        assert len(app.pm.analysis.factors) == factors_before + 1
        assert new.category in label and new.events
        assert new.id in app.screen.query_one("#factors").rows
        assert hints.option_count == 0 or label not in [
            str(hints.get_option_at_index(i).prompt) for i in range(hints.option_count)
        ]


async def test_past_incidents_are_listed(sample_repo):
    # make the draft share a service with the other sample, so it is related
    pm = sample_repo.load(DRAFT_ID)
    pm.services.append("api")
    sample_repo.save(pm)
    app = create_app(sample_repo, DRAFT_ID, clock=frozen_clock, autosave_delay=60)
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_goto_step(3)
        await pilot.pause()
        related = app.screen.query_one("#related")
        await wait_until(pilot, lambda: related.get_option_at_index(0).id == SAMPLE_ID)
        assert "api" in str(related.get_option_at_index(0).prompt)


async def test_five_whys_chains_can_be_added_and_switched(sample_repo):
    app = create_app(sample_repo, SAMPLE_ID, clock=frozen_clock, autosave_delay=60)
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_goto_step(3)
        await pilot.pause()
        first = app.pm.analysis.five_whys[0]
        editor = app.screen.query_one("#five-whys")
        editor.query_one("#add-chain").press()
        await pilot.pause()
        assert len(app.pm.analysis.five_whys) == 2
        await fill(pilot, "problem", "Retries doubled the load")
        await fill(pilot, "why", "The client retries without backoff")
        await pilot.press("enter")
        await pilot.pause()
        second = app.pm.analysis.five_whys[1]
        assert second.problem == "Retries doubled the load"
        assert second.whys == ["The client retries without backoff"]
        assert first.whys and first.whys != second.whys  # the first chain is untouched
        editor.query_one("#prev-chain").press()
        await pilot.pause()
        assert app.screen.query_one("#problem").value == first.problem
        assert "chain 1 of 2" in str(app.screen.query_one("#chain-label").render())
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = read_postmortem(sample_repo.path_for(SAMPLE_ID))
    assert [c.problem for c in saved.analysis.five_whys][1] == "Retries doubled the load"
