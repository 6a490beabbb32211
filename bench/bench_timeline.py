"""A 5,000-event timeline in step 2: time to load the screen, and to edit one row in place.

Bars: load under 1 s; one edit (model + update_cell + durations/chart, then a repaint)
under 50 ms. Also prints how long validation of that timeline takes (it runs debounced,
after the edit).

    python bench/bench_timeline.py
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pm_tui.model import EVENT_KINDS, TimelineEvent, new_postmortem  # noqa: E402
from pm_tui.store import Repository  # noqa: E402
from pm_tui.validation import validate  # noqa: E402

N = int(os.environ.get("BENCH_N", 5000))


def big_postmortem():
    start = datetime(2025, 2, 9, 10, 0, tzinfo=UTC)
    pm = new_postmortem("Timeline benchmark", start, resolved=start + timedelta(hours=12))
    pm.timeline = [
        TimelineEvent(
            id=f"T-{i + 1:04d}",
            time=start + timedelta(seconds=8 * i),
            text=f"upstream [/api] returned 503 on request {i}",
            kind=EVENT_KINDS[i % len(EVENT_KINDS)],
            source="nginx access log",
        )
        for i in range(N)
    ]
    return pm


async def main() -> None:
    from screens.app import create_app

    repo = Repository.open(Path(tempfile.mkdtemp(prefix="pm-tui-bench-")) / "repo")
    pm = big_postmortem()
    repo.save(pm)
    app = create_app(repo, pm.id, autosave_delay=600)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        t0, c0 = time.perf_counter(), time.process_time()
        app.action_goto_step(2)
        await pilot.pause()
        load, load_cpu = time.perf_counter() - t0, time.process_time() - c0
        screen = app.screen
        assert screen.query_one("#timeline").row_count == N
        edits, parts, idle, edits_cpu = [], [], [], []
        for _ in range(10):  # what a pause costs with nothing to do (the harness's own cost)
            t0 = time.perf_counter()
            await pilot.pause()
            idle.append(time.perf_counter() - t0)
        for i in range(20):
            event_id = f"T-{(i * 241) % N + 1:04d}"
            t0, c0 = time.perf_counter(), time.process_time()
            screen.apply_edit(event_id, {"text": f"edited {i}", "actor": "on-call"})
            t1 = time.perf_counter()
            await pilot.pause()  # includes the repaint
            edits.append(time.perf_counter() - t0)
            edits_cpu.append(time.process_time() - c0)
            parts.append(t1 - t0)
        assert str(screen.query_one("#timeline").get_row(event_id)[3]) == "edited 19"
    t0 = time.perf_counter()
    validate(app.pm)
    val = time.perf_counter() - t0
    print(f"events: {N}  (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    print(
        f"step 2 load (table of {N} rows, durations, chart): {load * 1000:.0f} ms "
        f"(CPU {load_cpu * 1000:.0f} ms; bar < 1000)"
    )
    print(
        f"edit one row in place: median {statistics.median(edits) * 1000:.1f} ms, "
        f"max {max(edits) * 1000:.1f} ms over {len(edits)} edits "
        f"(CPU median {statistics.median(edits_cpu) * 1000:.1f} ms; bar < 50)"
    )
    print(
        f"  of which the edit itself (model, cells, durations, chart): median {statistics.median(parts) * 1000:.1f} ms"
    )
    print(
        f"  (an idle pause of the test harness alone: median {statistics.median(idle) * 1000:.1f} ms)"
    )
    print(f"validation of the whole post-mortem (debounced, after edits): {val * 1000:.0f} ms")


if __name__ == "__main__":
    asyncio.run(main())
