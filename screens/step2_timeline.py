"""Step 2: the timeline — an editable table, suggested candidates, durations and a chart."""

from __future__ import annotations

import bisect
from dataclasses import replace

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import DataTable, Input, OptionList, Static
from textual.widgets.option_list import Option

from pm_tui.durations import durations, format_duration
from pm_tui.model import TimelineEvent
from pm_tui.timeparse import format_event_time
from screens.forms import EventForm
from screens.modals import ConfirmModal
from screens.step_base import StepScreen
from screens.widgets.sparkline import SeriesPlot

COLUMNS = (
    ("time", "Time (UTC)", 19),
    ("kind", "Kind", 13),
    ("text", "What happened", None),
    ("source", "Source", 14),
    ("actor", "Actor", 12),
)


def event_cells(e: TimelineEvent) -> list[Text]:
    """The table cells of one event (rich Text: log text is never read as markup)."""
    return [
        Text(format_event_time(e.time)),
        Text(e.kind),
        Text(e.text),
        Text(e.source),
        Text(e.actor),
    ]


class TimelineScreen(StepScreen):
    STEP = 2
    GUIDANCE = """
Produce a timeline of facts in UTC: first symptom, detection (alert or page), acknowledgement, \
diagnosis, mitigation, recovery, resolution — each row saying where it is seen.
Start from the suggested candidates, then fill gaps by hand.
When the evidence cannot show a moment, write what people remember and name the source \
("recollection, on-call"); a gap you name is better than a time you guess.
Times: 10:05:23 · ISO 8601 with offset · +5m from the row above."""

    BINDINGS = [
        Binding("a", "add", "Add"),
        Binding("e", "edit", "Edit"),
        Binding("d", "delete", "Delete"),
        Binding("c", "duplicate", "Duplicate"),
        Binding("s", "sort", "Sort"),
        Binding("slash", "filter", "Filter"),
        Binding("escape", "clear_filter", "Clear filter", show=False),
    ]

    _applied_filter: str | None = None

    def compose_main(self) -> ComposeResult:
        flt = Input(placeholder="filter by text or kind (esc clears)", id="filter")
        flt.display = False
        yield flt
        table = DataTable(id="timeline", cursor_type="row", zebra_stripes=True)
        table.border_title = "Timeline"
        yield table
        yield Static(id="durations")
        with Horizontal(id="lower"):
            cands = OptionList(id="candidates")
            cands.border_title = "Suggested events (enter accept · x dismiss)"
            yield cands
            yield SeriesPlot(id="chart")

    # --- load ---------------------------------------------------------------------------
    def load(self) -> None:
        table = self.query_one("#timeline", DataTable)
        for key, label, width in COLUMNS:
            table.add_column(label, key=key, width=width)
        self.fill_table()
        table.focus()
        self.candidates = self.app.candidates_for(self.pm)  # shared: dismissals persist
        self.load_candidates()
        self.load_durations()
        self.load_chart()

    def fill_table(self, select: str | None = None) -> None:
        """(Re)build the rows from the model, honouring the filter; cursor on `select`."""
        table = self.query_one("#timeline", DataTable)
        value = self.query_one("#filter", Input).value
        self._applied_filter = value
        needle = value.strip().lower()
        table.clear()
        for e in self.pm.timeline:
            if needle and needle not in e.text.lower() and needle not in e.kind:
                continue
            table.add_row(*event_cells(e), key=e.id)
        if select is not None and select in table.rows:
            table.move_cursor(row=table.get_row_index(select))

    def load_durations(self) -> None:
        d = durations(self.pm)
        text = Text("Durations  ", style="bold")
        for label, value in (
            ("detect", d.detect),
            ("acknowledge", d.acknowledge),
            ("mitigate", d.mitigate),
            ("resolve", d.resolve),
        ):
            text.append(f"{label} ")
            text.append(format_duration(value), style="bold cyan")
            text.append("   ")
        self.query_one("#durations", Static).update(text)

    def load_candidates(self) -> None:
        panel = self.query_one("#candidates", OptionList)
        panel.clear_options()
        if not self.candidates:
            panel.add_option(
                Option(
                    Text("no candidates: collect evidence in step 1", style="dim"), disabled=True
                )
            )
            return
        for i, c in enumerate(self.candidates):
            label = Text(f"{c.time:%H:%M:%S} ", style="bold")
            label.append(f"{c.kind} ", style="cyan")
            label.append(str(c.text))
            label.append(f"  ({getattr(c, 'confidence', '')})", style="dim")
            panel.add_option(Option(label, id=str(i)))

    def load_chart(self) -> None:
        w = self.pm.window
        end = w.resolved or max((e.time for e in self.pm.timeline), default=w.started)
        if end <= w.started:
            end = w.started.replace(hour=min(w.started.hour + 1, 23))
        series = self.app.metric_series_for(self.pm)
        self.query_one("#chart", SeriesPlot).plot(
            series, w.started, end, [e.time for e in self.pm.timeline]
        )

    # --- helpers --------------------------------------------------------------------------
    @property
    def table(self) -> DataTable:
        return self.query_one("#timeline", DataTable)

    def selected_id(self) -> str | None:
        table = self.table
        if table.row_count == 0:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def _index(self, event_id: str | None) -> int | None:
        ids = [e.id for e in self.pm.timeline]
        return ids.index(event_id) if event_id in ids else None

    def _after_edit(self) -> None:
        self.load_durations()
        self.load_chart()
        self.changed("timeline")

    def _insert(self, event: TimelineEvent) -> None:
        """Put `event` in the model in time order and show it, without a rebuild when it is last."""
        times = [e.time for e in self.pm.timeline]
        pos = bisect.bisect_right(times, event.time)
        self.pm.timeline.insert(pos, event)
        if pos == len(self.pm.timeline) - 1 and not self.query_one("#filter", Input).value:
            self.table.add_row(*event_cells(event), key=event.id)
            self.table.move_cursor(row=self.table.row_count - 1)
        else:
            self.fill_table(select=event.id)
        self._after_edit()

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
        event = self.pm.event(event_id)
        for k, v in values.items():
            setattr(event, k, v)
        table = self.table
        for (key, _, _), cell in zip(COLUMNS, event_cells(event), strict=True):
            table.update_cell(event_id, key, cell)
        self._after_edit()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.data_table.id == "timeline":
            event.stop()
            self.action_edit()

    def action_delete(self) -> None:
        event_id = self.selected_id()
        if event_id is None or not self.can_edit():
            return
        event = self.pm.event(event_id)

        def done(yes: bool | None) -> None:
            if not yes:
                return
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
        self.pm.sort_timeline()
        self.fill_table(select=self.selected_id())
        self.changed("timeline")

    def action_filter(self) -> None:
        flt = self.query_one("#filter", Input)
        flt.display = True
        flt.focus()

    def action_clear_filter(self) -> None:
        flt = self.query_one("#filter", Input)
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
    @on(OptionList.OptionSelected, "#candidates")
    def _accept_candidate(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is None or not self.can_edit():
            return
        c = self.candidates.pop(int(event.option.id))
        sources = getattr(c, "sources", []) or []
        self._insert(
            TimelineEvent(
                id=self.pm.next_event_id(),
                time=c.time,
                text=str(c.text),
                kind=c.kind,
                source=", ".join(map(str, sources)),
                actor=getattr(c, "actor", "") or "",
            )
        )
        self.load_candidates()

    def key_x(self) -> None:
        panel = self.query_one("#candidates", OptionList)
        if panel.has_focus and panel.highlighted is not None and self.candidates:
            option = panel.get_option_at_index(panel.highlighted)
            if option.id is not None:
                self.candidates.pop(int(option.id))
                self.load_candidates()
