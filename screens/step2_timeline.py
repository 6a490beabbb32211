"""Step 2: the timeline — an editable table, suggested candidates, durations and a chart."""

from __future__ import annotations

import bisect
from dataclasses import replace
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import DataTable, Input, OptionList, Static

from pm_tui.durations import durations, format_duration, timeline_durations
from pm_tui.model import TimelineEvent
from pm_tui.timeparse import format_event_time
from screens.forms import EventForm
from screens.modals import ConfirmModal
from screens.step_base import StepScreen, finding_marks
from screens.widgets.bulk_table import gc_paused
from screens.widgets.candidates_panel import CandidatesPanel
from screens.widgets.cells import PlainCell
from screens.widgets.fit_table import FitTable
from screens.widgets.sparkline import SeriesPlot

if TYPE_CHECKING:
    from pm_tui.validation import Finding

# "What happened" takes what time and kind leave (screens/widgets/fit_table.py); source and
# actor are shown when there is room beside it, and always in the detail line.
COLUMNS = (
    ("check", "!", 1),
    ("time", "Time (UTC)", 19),
    ("kind", "Kind", 13),
    ("text", "What happened", None),
    ("source", "Source", 14),
    ("actor", "Actor", 12),
)


def event_detail(e: TimelineEvent) -> Text:
    """The whole event on one line under the table."""
    text = Text(f"{e.id} {format_event_time(e.time)} {e.kind}: ", style="bold")
    text.append(e.text)
    if e.source:
        text.append(f"  · source {e.source}", style="dim")
    if e.actor:
        text.append(f" · {e.actor}", style="dim")
    return text


def candidate_detail(c) -> Text:
    """A suggested event whole on one line under the table: when, what, where it is seen."""
    text = Text(f"suggested {c.time:%Y-%m-%d %H:%M:%S} {c.kind}: ", style="bold")
    text.append(str(c.text))
    if c.sources:
        text.append(f"  · seen in {', '.join(c.sources)}", style="dim")
    if c.actor:
        text.append(f" · {c.actor}", style="dim")
    text.append(f" · confidence {c.confidence:.2f}", style="dim")
    return text


def event_cells(e: TimelineEvent, mark: Text | None = None) -> list:
    """The table cells of one event (log text is shown as typed, never read as markup)."""
    return [
        mark or PlainCell(""),
        PlainCell(format_event_time(e.time)),
        PlainCell(e.kind),
        PlainCell(e.text),
        PlainCell(e.source),
        PlainCell(e.actor),
    ]


class TimelineScreen(StepScreen):
    STEP = 2
    GUIDANCE = """
Produce a timeline of facts in UTC: first symptom, detection (alert or page), acknowledgement, \
diagnosis, mitigation, recovery, resolution — each row saying where it is seen.
Start from the suggested events (enter accepts, x dismisses, h accepts every high-confidence \
one), then fill gaps by hand. When the evidence cannot show a moment, write what people \
remember and name the source ("recollection, on-call"); a gap you name beats a guessed time.
Times: 10:05:23 · ISO 8601 with offset · +5m from the row above."""

    UNDO_SECTIONS = ("timeline",)
    BINDINGS = [
        Binding("a", "add", "Add"),
        Binding("e", "edit", "Edit", show=False),  # enter too; in the table's title and ?
        Binding("d", "delete", "Delete"),
        Binding("c", "duplicate", "Duplicate", show=False),
        Binding("s", "sort", "Sort", show=False),
        Binding("slash", "filter", "Filter"),
        Binding("h", "accept_high", "Accept high"),
        Binding("w", "accept_window", "Accept window", show=False),
        Binding("x", "dismiss_candidate", "Dismiss", show=False),
        Binding("escape", "clear_filter", "Clear filter", show=False),
    ]

    _applied_filter: str | None = None

    def __init__(self, pm) -> None:
        super().__init__(pm)
        self._marks: dict[str, Text] = {}  # findings mark per row shown
        self._series: list = []  # metric series of the kept evidence, for the chart
        self.candidates: list = []

    def compose_main(self) -> ComposeResult:
        flt = Input(placeholder="filter by text or kind (esc clears)", id="filter")
        flt.display = False
        yield flt
        table = FitTable(
            id="timeline",
            cursor_type="row",
            zebra_stripes=True,
            flex="text",
            flex_min=24,
            flex_max=120,
            optional=("source", "actor"),
        )
        table.border_title = "Timeline (a add · e/enter edit · d delete · / filter)"
        yield table
        yield Static(id="detail", classes="row-detail")
        yield Static(id="durations")
        yield Static(id="milestones")
        with Horizontal(id="lower"):
            cands = CandidatesPanel(id="candidates")
            cands.border_title = "Suggested (enter accept · x dismiss · h all high)"
            yield cands
            yield SeriesPlot(id="chart")

    # --- load ---------------------------------------------------------------------------
    def load(self) -> None:
        with gc_paused():  # thousands of rows: see widgets/bulk_table.py
            self._load()

    def _load(self) -> None:
        table = self.table
        table.add_fit_columns(COLUMNS)
        self.fill_table()
        table.focus()
        self.candidates = self.app.candidates_for(self.pm)  # shared: dismissals persist
        self.query_one(CandidatesPanel).show(self.candidates, self.pm.timeline)
        self._propose_window()
        self.load_durations()
        self._series = self.app.metric_series_for(self.pm)  # read once; edits move marks only
        self.load_chart()

    def fill_table(self, select: str | None = None) -> None:
        """(Re)build the rows from the model, honouring the filter; cursor on `select`."""
        table = self.table
        value = self.query_one("#filter", Input).value
        self._applied_filter = value
        needle = value.strip().lower()
        table.clear()
        marks = self._marks
        table.add_keyed_rows(
            (e.id, event_cells(e, marks.get(e.id)))
            for e in self.pm.timeline
            if not needle or needle in e.text.lower() or needle in e.kind
        )
        if select is not None and select in table.rows:
            table.move_cursor(row=table.get_row_index(select))

    def load_durations(self) -> None:
        """Durations from the window (as reported), with the timeline's own where they differ."""
        d, t = durations(self.pm), timeline_durations(self.pm)
        text = Text("Durations ", style="bold")
        for label, key in (
            ("detect", "detect"),
            ("ack", "acknowledge"),
            ("mitigate", "mitigate"),
            ("resolve", "resolve"),
            ("duration", "duration"),
        ):
            value, seen = getattr(d, key), getattr(t, key)
            text.append(f" {label} ")
            text.append(format_duration(value), style="bold cyan")
            if seen is not None and seen != value:
                text.append(f" (timeline {format_duration(seen)})", style="dim")
        self.query_one("#durations", Static).update(text)

    # --- the window's milestones proposed from the evidence (#20) ---------------------------
    def _propose_window(self) -> None:
        from pm_tui.timeline.milestones import propose_milestones

        self._proposed = propose_milestones(self.candidates)
        self.load_milestones()

    def load_milestones(self) -> None:
        """The proposed milestones, a tick where the window already agrees; `w` accepts them."""
        from pm_tui.timeline.milestones import TYPED, typed_milestones

        panel = self.query_one("#milestones", Static)
        proposed = getattr(self, "_proposed", [])
        panel.display = bool(proposed)
        if not proposed:
            return
        text = Text("From the evidence ", style="bold")
        for m in proposed:
            same = getattr(self.pm.window, m.name) == m.time
            text.append(f" {m.name} ")
            text.append(f"{m.time:%H:%M:%S}", style="bold green" if same else "bold yellow")
            text.append(" ✓" if same else f" ({m.confidence:.2f})", style="dim")
        # a milestone typed (the rough resolved of `new`) that the evidence does not propose
        for name, when in typed_milestones(proposed, self.pm.window).items():
            text.append(f" {name} ")
            text.append(f"{when:%H:%M:%S}", style="bold")
            text.append(f" ({TYPED})", style="dim italic")
        if any(getattr(self.pm.window, m.name) != m.time for m in proposed):
            text.append("   w accept", style="dim")
        panel.update(text)

    def action_accept_window(self) -> None:
        """Set the proposed milestones in the window, through pm_tui.workflow."""
        from pm_tui.workflow.candidates import accept_milestones

        proposed = getattr(self, "_proposed", [])
        if not proposed or not self.can_edit():
            return
        result = accept_milestones(self.pm, proposed)
        if result.milestones:
            self.remember("window", about="timeline")
        for name, when in result.milestones.items():
            setattr(self.pm.window, name, when)
        if result.milestones:
            self._after_edit()
            self.notify(
                "Window: " + ", ".join(f"{k} {v:%H:%M:%S}" for k, v in result.milestones.items())
            )
        else:
            self.notify("The window already has these milestones.")

    def load_chart(self) -> None:
        w = self.pm.window
        end = w.resolved or max((e.time for e in self.pm.timeline), default=w.started)
        if end <= w.started:
            end = w.started.replace(hour=min(w.started.hour + 1, 23))
        self.query_one("#chart", SeriesPlot).plot(
            self._series, w.started, end, [e.time for e in self.pm.timeline]
        )

    def reload(self, section: str) -> None:
        self.fill_table(select=self.selected_id())
        self.show_detail()
        self.load_durations()
        self.load_milestones()
        self.load_chart()

    def suggestions_kept(self, dismissed: list[str] | None = None) -> dict:
        """What an undo puts back beside the model: the suggestions listed now, and the ones
        an edit dismisses (they are dismissed on disk, for every session)."""
        return {"candidates": list(self.candidates), "dismissed": list(dismissed or [])}

    def restore(self, extra: object) -> None:
        if not isinstance(extra, dict):
            return
        self.candidates[:] = extra["candidates"]
        if extra["dismissed"]:
            self.app.undismiss_candidates(self.pm, extra["dismissed"])
        self.query_one(CandidatesPanel).show(self.candidates, self.pm.timeline)

    def on_findings(self, findings: list[Finding]) -> None:
        marks = finding_marks(findings)
        table = self.table
        for row_id in set(marks) | set(self._marks):
            new = marks.get(row_id)
            old = self._marks.get(row_id)
            if (new and new.plain) != (old and old.plain) and row_id in table.rows:
                table.update_row_in_place(row_id, {"check": new or PlainCell("")})
        self._marks = marks

    # --- helpers --------------------------------------------------------------------------
    @property
    def table(self) -> FitTable:
        return self.query_one("#timeline", FitTable)

    def show_detail(self) -> None:
        """The highlighted event whole, under the table."""
        event = self.pm.event(self.selected_id() or "")
        self.query_one("#detail", Static).update(
            event_detail(event)
            if event
            else Text("no events yet: a adds one, or accept a suggestion", style="dim")
        )

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "timeline":
            self.show_detail()

    @on(OptionList.OptionHighlighted, "#candidates")
    def _candidate_detail(self, event: OptionList.OptionHighlighted) -> None:
        # A suggestion takes one line in its list: the highlighted one is shown whole here.
        chosen = next((c for c in self.candidates if c.id == event.option.id), None)
        if chosen is not None:
            self.query_one("#detail", Static).update(candidate_detail(chosen))

    @on(events.DescendantFocus)
    def _focus_moved(self, event: events.DescendantFocus) -> None:
        if event.widget is self.table:  # back from the suggestions: the row's detail again
            self.show_detail()

    def selected_id(self) -> str | None:
        table = self.table
        if table.row_count == 0:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def _index(self, event_id: str | None) -> int | None:
        ids = [e.id for e in self.pm.timeline]
        return ids.index(event_id) if event_id in ids else None

    def _after_edit(self, moved: bool = True) -> None:
        if moved:  # only times and kinds change the durations and the chart's marks
            self.load_durations()
            self.load_milestones()
            self.load_chart()
        self.changed("timeline")

    def _place(self, event: TimelineEvent) -> int:
        times = [e.time for e in self.pm.timeline]
        pos = bisect.bisect_right(times, event.time)
        self.pm.timeline.insert(pos, event)
        return pos

    def _insert(self, event: TimelineEvent, record: bool = True) -> None:
        """Put `event` in the model in time order and show it, without a rebuild when it is last."""
        if record:
            self.remember("timeline")
        pos = self._place(event)
        self._fit_text(event.text)
        if pos == len(self.pm.timeline) - 1 and not self.query_one("#filter", Input).value:
            self.table.add_row(*event_cells(event), key=event.id)
            self.table.move_cursor(row=self.table.row_count - 1)
        else:
            self.fill_table(select=event.id)
        self._after_edit()

    def _fit_text(self, text: str) -> bool:
        """False: the text column's width follows the table's, not the texts."""
        return False

    # --- actions --------------------------------------------------------------------------
    def action_add(self) -> None:
        if not self.can_edit():
            return
        current = self.pm.event(self.selected_id() or "")
        previous = (
            current.time if current else (self.pm.timeline[-1].time if self.pm.timeline else None)
        )

        def done(values: dict | None) -> None:
            if values:
                self._insert(TimelineEvent(id=self.pm.next_event_id(), **values))

        self.app.push_screen(
            EventForm(None, base_date=self.pm.window.started.date(), previous=previous), done
        )

    def action_edit(self) -> None:
        event_id = self.selected_id()
        if event_id is None or not self.can_edit():
            return
        event = self.pm.event(event_id)
        i = self._index(event_id)
        previous = self.pm.timeline[i - 1].time if i else None

        def done(values: dict | None) -> None:
            if values:
                self.apply_edit(event_id, values)

        self.app.push_screen(
            EventForm(event, base_date=self.pm.window.started.date(), previous=previous), done
        )

    def apply_edit(self, event_id: str, values: dict) -> None:
        """Write edited values into the event and update its cells in place (no rebuild)."""
        self.remember("timeline")
        event = self.pm.event(event_id)
        moved = (event.time, event.kind) != (
            values.get("time", event.time),
            values.get("kind", event.kind),
        )
        for k, v in values.items():
            setattr(event, k, v)
        table = self.table
        wider = self._fit_text(event.text)
        cells = event_cells(event, self._marks.get(event_id))
        values = {key: cell for (key, _, _), cell in list(zip(COLUMNS, cells, strict=True))[1:]}
        table.update_row_in_place(event_id, values)  # only this row's line is drawn again
        if wider:  # unless the text column widened: then every visible row is
            table.column_widths_changed()
        self.show_detail()
        self._after_edit(moved)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.data_table.id == "timeline":
            event.stop()
            self.action_edit()

    def action_delete(self) -> None:
        if self.query_one(CandidatesPanel).has_focus:  # d acts on the panel in focus only
            self.action_dismiss_candidate()
            return
        if not self.table.has_focus:
            return
        event_id = self.selected_id()
        if event_id is None or not self.can_edit():
            return
        event = self.pm.event(event_id)

        def done(yes: bool | None) -> None:
            if not yes:
                return
            self.remember("timeline", "analysis.factors")  # its factors' links to it go too
            self.pm.timeline.remove(event)
            for f in self.pm.analysis.factors:  # a deleted event leaves no dangling links
                if event_id in f.events:
                    f.events.remove(event_id)
            self.table.remove_row(event_id)
            self._after_edit()

        self.app.push_screen(ConfirmModal(f"Delete {event_id} ({event.text[:60]})?"), done)

    def action_duplicate(self) -> None:
        event_id = self.selected_id()
        if event_id is None or not self.can_edit():
            return
        self._insert(replace(self.pm.event(event_id), id=self.pm.next_event_id()))

    def action_sort(self) -> None:
        if not self.can_edit():
            return
        self.remember("timeline")
        self.pm.sort_timeline()
        self.fill_table(select=self.selected_id())
        self.changed("timeline")

    def action_filter(self) -> None:
        flt = self.query_one("#filter", Input)
        flt.display = True
        flt.focus()

    def action_clear_filter(self) -> None:
        flt = self.query_one("#filter", Input)
        if not flt.display:
            self.app.action_hide_help_panel()  # Esc closes the palette's Keys panel here too
        if flt.display:
            flt.value = ""
            flt.display = False
            self.fill_table()
            self.table.focus()

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        if event.value != self._applied_filter:  # Input announces its value once on mount
            self.fill_table()

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        self.table.focus()

    # --- candidates ----------------------------------------------------------------------
    def accept_candidates(self, chosen: list, near: bool = False, record: bool = True) -> int:
        """Add `chosen` through pm_tui.workflow (new ids, no duplicates); returns how many.
        Near-duplicates of rows are held back, flagged in the panel, and said. ctrl+z takes
        the rows back and lists the suggestions again."""
        from pm_tui.workflow.candidates import accept_candidates

        if not chosen or not self.can_edit():
            return 0
        before = self.suggestions_kept()
        done = accept_candidates(self.pm, chosen, near=near)
        if done.added and record:
            self.remember("timeline", extra=before)
        added = done.added
        held = {c.id for c, _ in done.near}
        for c in chosen:
            if c in self.candidates and c.id not in held:
                self.candidates.remove(c)
        if done.near:
            n = len(done.near)
            self.notify(
                f"{n} suggestion{'s' * (n != 1)} held back: {'they look' if n != 1 else 'it looks'} "
                "like rows already in the timeline (≈ in the list). Enter on one to add it anyway.",
                severity="warning",
                timeout=8,
            )
        self.query_one(CandidatesPanel).show(self.candidates, self.pm.timeline)
        if len(added) == 1:
            self._insert(added[0], record=False)
        elif added:
            for e in added:
                self._place(e)
                self._fit_text(e.text)
            self.fill_table(select=added[0].id)
            self._after_edit()
        return len(added)

    @on(OptionList.OptionSelected, "#candidates")
    def _accept_candidate(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        chosen = [c for c in self.candidates if c.id == event.option.id]
        if not chosen:
            return
        from pm_tui.timeline import near_duplicate

        row = near_duplicate(self.pm.timeline, chosen[0])
        if row is None:
            if not self.accept_candidates(chosen) and not self.read_only:
                self.notify("Already in the timeline.")
            return

        def answer(yes: bool | None) -> None:
            if yes:
                self.accept_candidates(chosen, near=True)

        self.app.push_screen(
            ConfirmModal(
                f"This suggestion looks like {row.id} ({row.text[:70]}), already in the "
                "timeline. Add it anyway?",
                yes="Add",
                no="Keep out",
            ),
            answer,
        )

    def action_accept_high(self) -> None:
        """The high-confidence suggestions (not repeating a curated row) and the window
        milestones proposed from the evidence, through pm_tui.workflow (as --accept-high)."""
        from pm_tui.timeline import high_confidence
        from pm_tui.workflow.candidates import accept_high

        if not self.can_edit():
            return
        result = accept_high(self.pm, self.candidates)
        if result.added or result.milestones:  # one ctrl+z takes back all that h did
            self.remember("timeline", "window", extra=self.suggestions_kept())
        chosen_ids = {(e.time, e.kind) for e in result.added}
        strong = [
            c
            for c in high_confidence(self.candidates)
            if (c.time.replace(microsecond=0), c.kind) in chosen_ids
        ]
        added = self.accept_candidates(strong, record=False) if strong else 0
        for name, when in result.milestones.items():
            setattr(self.pm.window, name, when)
        if result.milestones:
            self._after_edit()
        parts = []
        if added:
            parts.append(f"Added {added} high-confidence event(s) to the timeline.")
        if result.milestones:
            parts.append(
                "Window: "
                + ", ".join(f"{k} {v:%H:%M:%S}" for k, v in result.milestones.items())
                + "."
            )
        if result.skipped:
            parts.append(
                f"Skipped {len(result.skipped)} repeating rows you wrote: "
                + "; ".join(result.skipped)
            )
        self.notify(" ".join(parts) if parts else "No high-confidence suggestions left.")

    def action_dismiss_candidate(self) -> None:
        panel = self.query_one(CandidatesPanel)
        cid = panel.highlighted_id() if panel.has_focus else None
        if cid is None or not self.can_edit():
            return
        index = panel.highlighted
        self.remember(about="timeline", extra=self.suggestions_kept(dismissed=[cid]))
        self.candidates[:] = [c for c in self.candidates if c.id != cid]
        self.app.dismiss_candidates(self.pm, [cid])
        panel.show(self.candidates, self.pm.timeline)
        if self.candidates:
            panel.highlighted = min(index or 0, len(self.candidates) - 1)
