"""Step 1: the evidence sources of this incident and their state; collection in a worker."""

from __future__ import annotations

import copy
import threading

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import DataTable, Label
from textual.worker import Worker, WorkerState

from pm_tui.model import EvidenceSource
from screens.messages import CandidatesRebuilt, CollectFinished, CollectProgress
from screens.step_base import StepScreen
from screens.widgets.cells import PlainCell
from screens.widgets.fit_table import FitTable


def source_state(s: EvidenceSource) -> Text:
    """`collected: 31873 records, 2 gaps` / `pending` / `not read: why` for one source."""
    if s.counts.get("failed"):  # the reason, in place
        reason = s.gaps[0] if s.gaps else "could not be read"
        return Text(f"not read: {reason}", style="bold red", no_wrap=True, overflow="ellipsis")
    if s.collected_at is None and not s.counts:
        if s.options.get("unread"):
            return Text(f"will not be read: {s.options['unread']}", style="red")
        return Text("pending", style="dim")
    total = s.counts.get("records", sum(s.counts.values()))
    text = Text(f"collected: {total} records", style="green")
    if s.gaps:
        text.append(f", {len(s.gaps)} gap{'s' * (len(s.gaps) != 1)}", style="yellow")
    if s.redactions:
        text.append(f", {s.redactions} redacted", style="dim")
    return text


class CollectScreen(StepScreen):
    STEP = 1
    GUIDANCE = """
Gather what shows what happened, for the incident window: logs, metrics, alerts, pages, chat, \
deploys and config changes. Add an evidence folder (e: every file read by what it is) or \
each source (a), then collect (c); cancel with x.
A source you cannot reach is not a dead end: record it as a gap, ask its owner for an export, \
or note who remembers what happened. Gaps go into the report."""

    UNDO_SECTIONS = ("sources",)
    BINDINGS = [
        Binding("a", "add", "Add"),
        Binding("e", "add_evidence", "Evidence"),
        Binding("c", "collect", "Collect"),
        Binding("x", "cancel", "Cancel"),
    ]

    def __init__(self, pm) -> None:
        super().__init__(pm)
        self.cancel_event = threading.Event()

    def compose_main(self) -> ComposeResult:
        table = FitTable(
            id="sources",
            cursor_type="row",
            zebra_stripes=True,
            flex="target",
            flex_min=14,
            optional=("query",),
        )
        table.border_title = "Sources (e evidence folder · a add · c collect · x cancel)"
        yield table
        progress = VerticalScroll(id="progress")
        progress.border_title = "Collection"
        yield progress

    def load(self) -> None:
        table = self.query_one("#sources", FitTable)
        table.add_fit_columns(
            (
                ("n", "#", 3),
                ("kind", "Kind", 12),
                ("state", "State", 26),  # before the long columns: seen at 80 columns too
                ("target", "Target", None),
                ("query", "Query", 24),
            )
        )
        for i, s in enumerate(self.pm.sources):
            table.add_row(*source_cells(i, s), key=f"S{i + 1}")
        if not self.pm.sources:
            self.query_one("#progress").mount(
                Label(
                    Text(
                        "No sources yet: press a to add logs, Prometheus, Alertmanager…",
                        style="dim",
                    )
                )
            )
        table.focus()

    def action_add(self) -> None:
        from screens.forms import SourceForm  # forms load on first use, after the first paint

        if not self.can_edit():
            return

        def done(values: dict | None) -> None:
            if values:
                from pm_tui.errors import UsageError
                from pm_tui.workflow.sources import record_for

                try:  # a log store takes its credentials' variable names from the config
                    record = record_for(values["kind"], values["target"], values["query"])
                    record.options.update(values.get("options") or {})  # typed ones win
                except UsageError as exc:
                    self.notify(str(exc), severity="error")
                    return
                self.remember("sources")
                self.pm.sources.append(record)
                i = len(self.pm.sources)
                s = self.pm.sources[-1]
                self.query_one("#sources", DataTable).add_row(*source_cells(i - 1, s), key=f"S{i}")
                self.changed("sources")

        self.app.push_screen(SourceForm(), done)

    def action_add_evidence(self) -> None:
        """A folder scanned, each file's kind shown and changeable, then added as sources."""
        from screens.evidence_modal import EvidenceModal

        if not self.can_edit():
            return

        def done(files: list | None) -> None:
            if not files:
                return
            from pm_tui.collectors.evidence_folder import EvidencePlan
            from pm_tui.workflow.collect import apply_sources
            from pm_tui.workflow.sources import evidence_records

            records = evidence_records(EvidencePlan(files=files))
            self.remember("sources")
            apply_sources(self.pm, records)  # a file added again replaces its record
            self._reload_sources()
            unread = sum(bool(r.options.get("unread")) for r in records)
            self.notify(
                f"{len(records)} evidence files added"
                + (f", {unread} will not be read (see why in the table)" if unread else "")
                + ": press c to collect."
            )
            self.changed("sources")

        self.app.push_screen(EvidenceModal(), done)

    def reload(self, section: str) -> None:
        self._reload_sources()

    def _reload_sources(self) -> None:
        table = self.query_one("#sources", DataTable)
        table.clear()
        for i, s in enumerate(self.pm.sources):
            table.add_row(*source_cells(i, s), key=f"S{i + 1}")

    def action_collect(self) -> None:
        if not self.can_edit() or not self.pm.sources:
            return
        from textual.widgets import ProgressBar

        indexes = list(range(len(self.pm.sources)))
        box = self.query_one("#progress", VerticalScroll)
        box.remove_children()
        for i in indexes:
            s = self.pm.sources[i]
            box.mount(
                Horizontal(
                    Label(
                        Text(f"S{i + 1} {s.kind} {short_target(s.target, 28)}"),
                        classes="source-label",
                    ),
                    ProgressBar(id=f"bar-{i}", show_eta=False),
                    Label(Text("pending"), id=f"note-{i}", classes="source-note"),
                    classes="source-row",
                )
            )
        self.cancel_event.clear()
        self.collect(copy.deepcopy(self.pm), indexes)

    def action_cancel(self) -> None:
        if not any(w.group == "collect" and w.is_running for w in self.workers):
            self.notify("No collection is running.")
            return
        self.cancel_event.set()
        self.notify("Collection cancelled: nothing from this run is kept.")

    @work(thread=True, exit_on_error=False, exclusive=True, group="collect")
    def collect(self, pm, indexes: list[int]) -> None:
        """Runs `pm_tui.workflow.collect` on a copy of the model, off the UI thread; speaks
        only through messages."""
        from pm_tui.errors import PmTuiError
        from pm_tui.workflow.collect import recollect_sources
        from pm_tui.workflow.window import collection_window

        def progress(step) -> None:
            index = indexes[step.index]
            self.post_message(CollectProgress(index, step.state, step.done, step.total, step.note))

        try:
            window = collection_window(pm, now=self.app.clock())
            done = recollect_sources(
                self.app.repo, pm, indexes, window, progress=progress, cancel=self.cancel_event
            )
        except PmTuiError as exc:
            self.post_message(CollectFinished({}, cancelled=True))
            self.app.call_from_thread(
                self.notify, str(exc), title="Cannot collect", severity="error"
            )
            return
        sources = dict(zip(indexes, done.records, strict=False))
        self.post_message(CollectFinished(sources, cancelled=done.cancelled))
        if sources:
            self.rebuild_candidates(pm)

    def rebuild_candidates(self, pm) -> None:
        """Step 2's suggestions from the evidence now kept (runs in the collection worker)."""
        from pm_tui.errors import PmTuiError

        try:
            count = self.app.rebuild_candidates(pm)
        except PmTuiError as exc:
            self.post_message(CandidatesRebuilt(pm.id, 0, str(exc)))
            return
        self.post_message(CandidatesRebuilt(pm.id, count))

    @on(CandidatesRebuilt)
    def _rebuilt(self, message: CandidatesRebuilt) -> None:
        self.app.forget_candidates(message.pm_id)
        if message.error:
            self.notify(message.error, title="No timeline suggestions", severity="warning")
        else:
            self.notify(f"{message.count} suggested timeline events: see step 2.")

    @on(CollectProgress)
    def _progress(self, message: CollectProgress) -> None:
        from textual.widgets import ProgressBar

        bars = self.query(f"#bar-{message.index}").results(ProgressBar)
        failed = message.state == "failed"
        for bar in bars:
            if failed:
                bar.display = False  # no bar moving for a source that has stopped
            elif message.state == "read":
                bar.update(total=1, progress=1)
            else:
                bar.update(total=message.total, progress=message.done)
        for note in self.query(f"#note-{message.index}").results(Label):
            note.update(progress_note(message.state, message.note))
        if failed:  # where it failed, at once: the table's state column too
            table = self.query_one("#sources", DataTable)
            key = f"S{message.index + 1}"
            if key in table.rows:
                table.update_cell(key, "state", progress_note("failed", message.note))

    @on(CollectFinished)
    def _finished(self, message: CollectFinished) -> None:
        if message.cancelled and not message.sources:
            from textual.widgets import ProgressBar

            for bar in self.query(ProgressBar):
                bar.display = False
            for note in self.query(".source-note").results(Label):
                note.update(Text("cancelled: not kept", style="yellow"))
            return
        table = self.query_one("#sources", DataTable)
        # what was read is in the sources now: an undo must not put back their older copies
        self.app.history.forget("sources")
        for i, source in message.sources.items():
            self.pm.sources[i] = source
            table.update_cell(f"S{i + 1}", "state", source_state(source))
            for note in self.query(f"#note-{i}").results(Label):
                note.update(source_state(source))
        self.changed("sources")

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            self.notify(f"Collection failed: {event.worker.error}", severity="error", timeout=10)


WHAT_TO_DO = "check the target (path, URL, token), then c again; or keep it as a gap"


def progress_note(state: str, note: str) -> Text:
    """The progress line of one source: reading, read, or failed with its reason."""
    if state == "failed":
        text = Text(f"✗ failed: {note}", style="bold red")
        text.append(f" — {WHAT_TO_DO}", style="red")
        return text
    if state == "read":
        return Text(f"✓ read: {note}", style="green")
    return Text(f"{state} {note}")


def source_cells(i: int, s: EvidenceSource) -> list:
    """The table cells of source number `i` (0-based)."""
    return [
        PlainCell(f"S{i + 1}"),
        PlainCell(shown_kind(s)),
        source_state(s),
        PlainCell(short_target(s.target, 60)),
        PlainCell(s.query),
    ]


def shown_kind(s: EvidenceSource) -> str:
    """The kind a person knows the source by: an evidence file's detected kind, else the
    source kind."""
    return s.options.get("evidence_kind") or s.kind


def short_target(target: str, width: int = 44) -> str:
    """The end of a long path or URL, where files differ ("…/raw/nginx/access.log.gz")."""
    if len(target) <= width:
        return target
    return "…" + target[-(width - 1) :]
