"""The Insights screen: durations per period, recurrence, follow-through and effectiveness
across every post-mortem, filterable; each row opens the post-mortems behind it.

The figures come from `pm_tui.insights.compute` (the same as `pm-tui stats`); the records
are read by the app in this screen's worker, and a filter recomputes them in memory. Suggested
recurrences (similar causes nobody decided) have their own table: `c` confirms one, `x`
rejects it, through the app (`pm_tui.workflow.recurrence`, as `pm-tui link`), and the figures
are read again.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Footer, Input, OptionList, Select, Static
from textual.widgets.option_list import Option

from pm_tui.insights.compute import InsightsQuery, compute
from pm_tui.insights.definitions import (
    DURATION_METRICS,
    GROUPINGS,
    RECURRENCE_HORIZON,
    TIME_GROUPINGS,
)
from pm_tui.insights.render import duration_text, share_text, trend_text
from pm_tui.safetext import neutralise
from screens.widgets.wizard_header import WizardHeader

_BARS = "▁▂▃▄▅▆▇█"
TOP = 30


def spark(values: list[float | None]) -> str:
    """One cell per value, its height the value's share of the largest (blank when None)."""
    top = max((v for v in values if v is not None), default=0) or 1
    return "".join(" " if v is None else _BARS[min(7, int(v / top * 7.999))] for v in values)


class RecordsLoaded(Message):
    """The worker read the repository index and the git history."""

    def __init__(self, catalog, history, error: str = "", insights=None) -> None:
        super().__init__()
        self.catalog, self.history, self.error = catalog, history, error
        self.insights = insights  # for the first filters, when read ahead (else None)


class InsightsComputed(Message):
    """The figures for one query (computed in a worker: 10,000 records take a few tenths)."""

    def __init__(self, insights) -> None:
        super().__init__()
        self.insights = insights


class RecurrenceDecided(Message):
    """A decision on a suggested recurrence was written and committed (or refused: `error`)."""

    def __init__(self, summary: str, error: str = "") -> None:
        super().__init__()
        self.summary, self.error = summary, error


class PostMortemPicker(ModalScreen[str | None]):
    """Choose one of several post-mortems (the ones behind a row)."""

    BINDINGS = [Binding("escape", "dismiss_none", "Close")]

    def __init__(self, title: str, choices: list[tuple[str, str]]) -> None:
        super().__init__()
        self.heading, self.choices = title, choices

    def compose(self) -> ComposeResult:
        options = OptionList(
            *(Option(Text(f"{pm_id}  {title}"), id=pm_id) for pm_id, title in self.choices),
            id="picker",
        )
        options.border_title = self.heading
        yield options

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)


class InsightsScreen(Screen):
    """Are we getting better? Reads nothing itself: the app brings the records (read ahead,
    or by this screen's worker)."""

    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("f", "focus_filters", "Filter"),
        Binding("c", "decide('confirm')", "Confirm suggested"),
        Binding("x", "decide('reject')", "Reject suggested"),
    ]

    def __init__(self, today: date, ready: tuple | None = None) -> None:
        super().__init__(name="insights")
        self.today = today
        self.ready = ready  # (catalog, histories, insights or None) already read, else None
        self.records: list = []
        self.history: dict = {}
        self.insights = None
        self.behind: dict[str, list[str]] = {}  # row key -> post-mortem ids
        self.titles: dict[str, str] = {}
        self.deciding = False  # a decision is being written: one at a time

    def compose(self) -> ComposeResult:
        yield WizardHeader(show_clock=False)
        with Horizontal(id="insights-filters"):
            yield Input(placeholder="since YYYY-MM-DD", id="since")
            yield Input(placeholder="service", id="service")
            yield Input(placeholder="severity P1,P2", id="severity")
            yield Select([(g, g) for g in GROUPINGS], value="quarter", allow_blank=False, id="by")
        with VerticalScroll(id="insights-body"):
            yield Static(Text("Reading the post-mortems…"), id="insights-summary")
            yield Static(Text(""), id="insights-charts")
            for key, title in (
                ("durations", "Durations (median, p90, trend) — enter lists the incidents"),
                ("recurrence", "Recurrence: same service and category, or confirmed same cause"),
                (
                    "suggested",
                    "Suggested: similar causes, not counted until confirmed — "
                    "c confirm · x reject · enter lists them",
                ),
                ("owners", "Follow-through per owner"),
                ("fixes", "Fixes that did not hold: the cause came back"),
            ):
                table = DataTable(id=key, cursor_type="row", zebra_stripes=True)
                table.border_title = title
                yield table
        yield Footer()

    def on_mount(self) -> None:
        columns = {
            "durations": ["Period", "N", *(f"{m}" for m in DURATION_METRICS)],
            "recurrence": ["N", "Service", "Shared", "Latest"],
            "suggested": ["N", "Confidence", "Service", "Cause (why)", "Latest"],
            "owners": ["Owner", "Opened", "Closed", "Open", "Overdue", "Median age"],
            "fixes": ["Fixes", "Back", "Service", "Cause", "Latest back"],
        }
        for key, labels in columns.items():
            table = self.query_one(f"#{key}", DataTable)
            for label in labels:
                table.add_column(Text(label), key=label)
        if self.ready is None:
            self.load()
        else:  # shown on the first paint, no worker needed
            catalog, history, insights = self.ready
            self.ready = None
            self.on_records_loaded(RecordsLoaded(catalog, history, insights=insights))

    @work(thread=True, exit_on_error=False, group="insights")
    def load(self) -> None:
        try:
            catalog, history, ready = self.app.insights_records()
        except Exception as exc:  # noqa: BLE001 - shown to the person, never swallowed
            self.post_message(RecordsLoaded(None, {}, str(exc)))
            return
        self.post_message(RecordsLoaded(catalog, history, insights=ready))

    def on_records_loaded(self, message: RecordsLoaded) -> None:
        if message.error:
            self.notify(message.error, title="Cannot read the repository", severity="error")
            return
        self.records, self.history = message.catalog.postmortems, message.history
        self.titles = {pm.id: neutralise(pm.title) for pm in self.records}
        for bad in message.catalog.unreadable:
            self.notify(f"skipped {bad.path.name}: {bad.error}", severity="warning")
        q = self.query_from_filters()
        if message.insights is not None and message.insights.query == q:
            self.on_insights_computed(InsightsComputed(message.insights))
        elif q is not None:
            self.compute_insights(q)

    # --- filters ----------------------------------------------------------------------------
    def query_from_filters(self) -> InsightsQuery | None:
        since_text = self.query_one("#since", Input).value.strip()
        try:
            since = date.fromisoformat(since_text) if since_text else None
        except ValueError:
            self.notify(f"'{since_text}' is not a date: use YYYY-MM-DD", severity="error")
            return None
        severities = [
            s.strip().upper()
            for s in self.query_one("#severity", Input).value.split(",")
            if s.strip()
        ]
        if any(s not in ("P1", "P2", "P3", "P4") for s in severities):
            self.notify("Severity: P1, P2, P3 or P4, comma-separated", severity="error")
            return None
        services = [
            s.strip() for s in self.query_one("#service", Input).value.split(",") if s.strip()
        ]
        by = self.query_one("#by", Select).value
        return InsightsQuery(
            today=self.today, since=since, services=services, severities=severities, by=str(by)
        )

    @on(Input.Submitted)
    @on(Select.Changed)
    def filters_changed(self) -> None:
        if self.records:  # (the Select reports its first value too: nothing to do then)
            q = self.query_from_filters()
            if q is not None and (self.insights is None or q != self.insights.query):
                self.compute_insights(q)

    def action_focus_filters(self) -> None:
        self.query_one("#since", Input).focus()

    def action_back(self) -> None:
        self.app.pop_screen()

    # --- showing -----------------------------------------------------------------------------
    def refresh_insights(self) -> None:
        q = self.query_from_filters()
        if q is not None:
            self.compute_insights(q)

    @work(thread=True, exclusive=True, exit_on_error=False, group="insights-figures")
    def compute_insights(self, q: InsightsQuery) -> None:
        self.post_message(InsightsComputed(compute(self.records, q, self.history)))

    def on_insights_computed(self, message: InsightsComputed) -> None:
        ins = self.insights = message.insights
        q = ins.query
        self.behind = {}
        overdue = sum(f.overdue for f in ins.owners)
        summary = (
            f"{len(ins.considered)} post-mortems · {overdue} overdue action items · "
            f"published within 48 h: {share_text(ins.published)} · follow-ups on time: "
            f"{share_text(ins.follow_up)} · {ins.fixes_not_held} of {ins.fixes} "
            f"fixes did not hold ({RECURRENCE_HORIZON.days} days) · "
            f"{len(ins.suggested)} suggested recurrences to decide (not counted)"
        )
        self.query_one("#insights-summary", Static).update(Text(summary))
        lines = Text()
        for m in DURATION_METRICS:
            medians = [p.metrics[m].median for p in ins.periods]
            last = ins.periods[-1].metrics[m] if ins.periods else None
            lines.append(f"time to {m:<12} ", style="bold")
            lines.append(spark(medians[-60:]), style="cyan")
            if last is not None:
                lines.append(f"  {duration_text(last.median)} {trend_text(last.trend)}")
            lines.append("\n")
        self.query_one("#insights-charts", Static).update(lines)
        self._fill_durations(ins, q)
        self._fill_recurrence(ins)
        self._fill_suggested(ins)
        self._fill_owners(ins)
        self._fill_fixes(ins)

    def _table(self, key: str) -> DataTable:
        table = self.query_one(f"#{key}", DataTable)
        table.clear()
        return table

    def _fill_durations(self, ins, q) -> None:
        table = self._table("durations")
        for p in ins.periods:
            cells = []
            for m in DURATION_METRICS:
                s = p.metrics[m]
                trend = f" {trend_text(s.trend)}" if q.by in TIME_GROUPINGS and s.trend else ""
                cells.append(Text(f"{duration_text(s.median)} / {duration_text(s.p90)}{trend}"))
            key = f"period:{p.key}"
            self.behind[key] = p.ids
            table.add_row(Text(neutralise(p.key)), Text(str(len(p.ids))), *cells, key=key)

    def _fill_recurrence(self, ins) -> None:
        table = self._table("recurrence")
        for n, g in enumerate(ins.recurrence[:TOP]):
            key = f"recurrence:{n}"
            self.behind[key] = g.ids
            shared = (
                f"category {g.label}" if g.kind == "category" else f"cause: {g.label} (confirmed)"
            )
            table.add_row(
                Text(str(len(g.ids))), Text(neutralise(g.service)), Text(neutralise(shared)),
                Text(g.ids[-1]), key=key,
            )  # fmt: skip

    def _fill_suggested(self, ins) -> None:
        table = self._table("suggested")
        for n, g in enumerate(ins.suggested[:TOP]):
            key = f"suggested:{n}"
            self.behind[key] = g.ids
            table.add_row(
                Text(str(len(g.ids))), Text(g.confidence), Text(neutralise(g.service)),
                Text(neutralise(f"{g.label} ({g.why})")), Text(g.ids[-1]), key=key,
            )  # fmt: skip

    # --- deciding a suggested recurrence -------------------------------------------------------
    def action_decide(self, decision: str) -> None:
        table = self.query_one("#suggested", DataTable)
        if self.focused is not table or not table.row_count or self.insights is None:
            self.notify("c and x decide a suggested recurrence: move to the Suggested table")
            return
        if self.deciding:
            self.notify("Still writing the last decision…")
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        group = self.insights.suggested[int(key.split(":")[1])]
        self.deciding = True
        self.decide(group.pairs, decision)

    @work(thread=True, exclusive=True, exit_on_error=False, group="insights-decide")
    def decide(self, pairs: list[tuple[str, str]], decision: str) -> None:
        try:
            done = self.app.decide_recurrence(pairs, decision)
        except Exception as exc:  # noqa: BLE001 - a PmTuiError's one line, or shown as is
            self.post_message(RecurrenceDecided("", str(exc)))
            return
        self.post_message(RecurrenceDecided(done.summary()))
        try:
            catalog, history, _ahead = self.app.insights_records()
        except Exception as exc:  # noqa: BLE001 - shown to the person, never swallowed
            self.post_message(RecordsLoaded(None, {}, str(exc)))
            return
        self.post_message(RecordsLoaded(catalog, history))

    def on_recurrence_decided(self, message: RecurrenceDecided) -> None:
        self.deciding = False
        if message.error:
            self.notify(message.error, title="Not decided", severity="error", timeout=10)
        else:
            self.notify(message.summary, title="Recurrence decided", timeout=10)

    def _fill_owners(self, ins) -> None:
        table = self._table("owners")
        for n, f in enumerate(ins.owners[:TOP]):
            key = f"owner:{n}"
            self.behind[key] = f.ids
            age = f"{f.median_age_days:.0f}d" if f.median_age_days is not None else "—"
            table.add_row(
                Text(neutralise(f.who)),  # the post-mortems' own words: controls shown
                *(Text(str(v)) for v in (f.opened, f.closed, f.open, f.overdue)),
                Text(age), key=key,
            )  # fmt: skip

    def _fill_fixes(self, ins) -> None:
        table = self._table("fixes")
        for n, x in enumerate(ins.fixes_that_did_not_hold[:TOP]):
            key = f"fix:{n}"
            self.behind[key] = list(dict.fromkeys([*x.fixed_in, *x.recurred]))
            table.add_row(
                Text(str(x.fixes)), Text(str(x.recurrences)), Text(neutralise(x.service)),
                Text(neutralise(x.cause)), Text(x.recurred[-1]), key=key,
            )  # fmt: skip

    # --- opening the post-mortems behind a row -------------------------------------------------
    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        ids = self.behind.get(event.row_key.value, [])
        if not ids:
            return
        if len(ids) == 1:
            self.app.open_postmortem(ids[0])
            return
        choices = [(i, self.titles.get(i, "")) for i in reversed(ids)]  # newest first

        def chosen(pm_id: str | None) -> None:
            if pm_id:
                self.app.open_postmortem(pm_id)

        self.app.push_screen(PostMortemPicker(f"{len(ids)} post-mortems", choices), chosen)
