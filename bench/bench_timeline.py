"""A 5,000-event timeline in step 2: time to load the screen, and to edit one row in place.

Both are measured to the paint, not to the end of a harness pause: the app's `_display`
(called with each frame the compositor renders) is hooked to stamp the time of every
frame. Load: from asking for step 2 to the first frame of the step-2 screen with all rows in
its table and the table sized for them (DataTable sizes new rows when idle, after its
first frame: until then the screen is busy). Also printed: the last frame of the load,
when the footer has its keys and the screen goes quiet. Edit: from
calling the screen's `apply_edit` (what the edit modal's OK does) to the first frame
after it. Frames come at most every 1/60 s (Textual's screen update timer), so an edit
may wait up to ~17 ms for its frame: that wait counts, as a person would see it.

Bars: load under 1 s; edit under 50 ms. Wall and CPU are printed, and the load average
(other work on this machine stretches the wall figures). Validation runs debounced after
the edits, off the measured path; its cost is printed too.

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
from pm_tui.postmortem_store import Repository  # noqa: E402
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


class FrameClock:
    """Stamps every frame the app paints, with what `probe()` said at that moment."""

    def __init__(self, app) -> None:
        self.frames: list[tuple[float, float, bool, object]] = []
        self.probe = lambda: True
        self._event = asyncio.Event()
        display = app._display

        def _display(screen, renderable) -> None:
            display(screen, renderable)
            if renderable is not None:
                ready = bool(self.probe())
                stamp = (time.perf_counter(), time.process_time(), ready, screen)
                self.frames.append(stamp)
                self._event.set()

        app._display = _display

    async def quiet(self, for_seconds: float) -> tuple[float, float]:
        """The last frame before `for_seconds` pass without one."""
        while True:
            count = len(self.frames)
            await asyncio.sleep(for_seconds)
            if len(self.frames) == count:
                wall, cpu, _, _ = self.frames[-1]
                return wall, cpu

    async def next_frame(self, after: float) -> tuple[float, float]:
        """The first frame painted after `after` for which the probe held."""
        while True:
            for wall, cpu, ready, _ in self.frames:
                if wall > after and ready:
                    return wall, cpu
            self._event.clear()
            await asyncio.wait_for(self._event.wait(), timeout=30)


def step2_ready(app) -> bool:
    """Step 2 is on screen with every row in the table and the table sized for them all."""
    screen = app.screen
    if getattr(screen, "STEP", None) != 2:
        return False
    table = screen.query_one("#timeline")
    return table.row_count == N and table.virtual_size.height >= N and not table._new_rows


async def main() -> None:
    from screens.app import create_app

    repo = Repository.open(Path(tempfile.mkdtemp(prefix="pm-tui-bench-")) / "repo")
    pm = big_postmortem()
    repo.save(pm)
    app = create_app(repo, pm.id, autosave_delay=600)
    async with app.run_test(size=(120, 40)) as pilot:
        clock = FrameClock(app)
        await pilot.pause()
        clock.probe = lambda: step2_ready(app)
        t0, c0 = time.perf_counter(), time.process_time()
        app.action_goto_step(2)
        wall, cpu = await clock.next_frame(t0)
        load, load_cpu = wall - t0, cpu - c0
        clock.probe = lambda: True
        first = next(w for w, _, _, s in clock.frames if w > t0 and s is app.screen) - t0
        settled, settled_cpu = await clock.quiet(0.25)  # footer keys and the rest of the load
        settled, settled_cpu = settled - t0, settled_cpu - c0
        screen = app.screen
        assert screen.query_one("#timeline").row_count == N
        await pilot.pause(0.5)  # validation (debounced) and the rest of the load settle
        results = {}
        for kind in ("text", "time", "wider text"):
            edits, edits_cpu, parts = [], [], []
            for i in range(20):
                event_id = f"T-{(i * 241 + len(kind)) % N + 1:04d}"
                event = app.pm.event(event_id)
                if kind == "text":  # text and actor: the row's cells only
                    values = {"text": f"edited {i}", "actor": "on-call"}
                elif kind == "wider text":  # longer than any so far: the column widens
                    values = {"text": "longer " * (8 + i)}
                else:  # a time (within its neighbours): durations and chart marks too
                    values = {"time": event.time + timedelta(seconds=1 + i % 2)}
                screen.table.move_cursor(row=screen.table.get_row_index(event_id))
                await pilot.pause(0.05)
                t0, c0 = time.perf_counter(), time.process_time()
                screen.apply_edit(event_id, values)
                parts.append(time.perf_counter() - t0)
                wall, cpu = await clock.next_frame(t0)
                edits.append(wall - t0)
                edits_cpu.append(cpu - c0)
                await pilot.pause(0.3)  # let the debounced validation run between edits
            results[kind] = edits, edits_cpu, parts
            if os.environ.get("BENCH_VERBOSE"):
                print(kind, [round(e * 1000) for e in edits])
        last_text_edit = f"T-{(19 * 241 + len('text')) % N + 1:04d}"
        assert str(screen.table.get_row(last_text_edit)[3]) == "edited 19"
    t0 = time.perf_counter()
    validate(app.pm)
    val = time.perf_counter() - t0
    med = statistics.median
    print(f"events: {N}  (load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores)")
    print(
        f"step 2 load to a ready frame (table of {N} rows, durations, chart): "
        f"{load * 1000:.0f} ms wall, {load_cpu * 1000:.0f} ms CPU (bar < 1000; "
        f"first frame of the screen at {first * 1000:.0f} ms)"
    )
    print(
        f"  last frame of the load (footer keys and all, then quiet): {settled * 1000:.0f} ms "
        f"wall, {settled_cpu * 1000:.0f} ms CPU"
    )
    for kind, (edits, edits_cpu, parts) in results.items():
        print(
            f"edit one row's {kind} in place, to the next frame: median {med(edits) * 1000:.1f} ms "
            f"wall, max {max(edits) * 1000:.1f} ms over {len(edits)} edits; "
            f"CPU median {med(edits_cpu) * 1000:.1f} ms (bar < 50)"
        )
        print(f"  of which apply_edit itself: median {med(parts) * 1000:.1f} ms")
    print(f"validation of the whole post-mortem (debounced, after edits): {val * 1000:.0f} ms")


if __name__ == "__main__":
    asyncio.run(main())
