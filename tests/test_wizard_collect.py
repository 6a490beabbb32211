"""Step 1: a source added by keys is collected in a worker, its state shown and kept."""

from __future__ import annotations

from screens.app import create_app
from tests.conftest import DRAFT_ID, SAMPLE_ID
from tests.wizard_helpers import fill, frozen_clock, wait_until


async def test_add_a_log_source_and_collect_it(sample_repo, tmp_path):
    log = tmp_path / "app.log"
    steady = [f"2025-06-14T21:{m:02d}:00Z INFO consumer heartbeat ok\n" for m in range(10, 60)]
    burst = [
        f"2025-06-14T22:{10 + s // 60:02d}:{s % 60:02d}Z ERROR publish blocked: [/queue] disk alarm\n"
        for s in range(5, 300, 5)
    ]
    log.write_text("".join(steady + burst))
    app = create_app(sample_repo, DRAFT_ID, clock=frozen_clock, autosave_delay=60)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        await fill(pilot, "target", str(log))
        await pilot.press("enter")
        await pilot.pause()
        assert app.pm.sources[-1].target == str(log)
        await pilot.press("c")
        await app.workers.wait_for_complete()
        await wait_until(pilot, lambda: app.pm.sources[-1].collected_at is not None)
        source = app.pm.sources[-1]
        assert source.collected_at is not None
        assert source.counts
        key = f"S{len(app.pm.sources)}"
        assert "collected" in str(app.screen.query_one("#sources").get_row(key)[2])
        # the same worker rebuilt step 2's suggestions from the kept evidence
        stored = sample_repo.evidence_dir(DRAFT_ID) / "candidates.json"
        await wait_until(pilot, stored.exists)
        await wait_until(pilot, lambda: DRAFT_ID not in app._candidates)
        from pm_tui.timeline import load_candidates

        kept = load_candidates(sample_repo, DRAFT_ID)
        assert any("disk alarm" in c.text for c in kept)
        app.action_goto_step(2)
        await pilot.pause()
        assert app.screen.query_one("#candidates").option_count == len(app.candidates_for(app.pm))
    assert (sample_repo.evidence_dir(DRAFT_ID) / "evidence.jsonl").exists()


async def test_recorded_relative_sources_are_collected_from_the_repository(sample_repo):
    """The sample's sources name files inside the repository; collecting them works from any cwd."""
    before = {s.target: s.collected_at for s in sample_repo.load(SAMPLE_ID).sources}
    assert all(not t.startswith("/") for t in before)
    app = create_app(sample_repo, SAMPLE_ID, clock=frozen_clock, autosave_delay=60)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await app.workers.wait_for_complete()
        await wait_until(
            pilot, lambda: all(s.collected_at != before[s.target] for s in app.pm.sources), 60
        )
        assert {s.target for s in app.pm.sources} == set(before)  # recorded as they were
        assert all(s.counts and not s.counts.get("failed") for s in app.pm.sources)
