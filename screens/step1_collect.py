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


def source_state(s: EvidenceSource) -> Text:
    """`collected: 31873 records, 2 gaps` / `pending` / `not read: why` for one source."""
    if s.counts.get("failed") and s.gaps:  # the reason, in place (#18)
        return Text(f"not read: {s.gaps[0]}", style="bold red")
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

    BINDINGS = [
        Binding("a", "add", "Add source"),
        Binding("e", "add_evidence", "Evidence"),
        Binding("c", "collect", "Collect"),
        Binding("x", "cancel", "Cancel collection"),
    ]

    def __init__(self, pm) -> None:
        super().__init__(pm)
        self.cancel_event = threading.Event()

    def compose_main(self) -> ComposeResult:
        table = DataTable(id="sources", cursor_type="row", zebra_stripes=True)
        table.border_title = "Sources (e evidence folder · a add · c collect · x cancel)"
        yield table
        progress = VerticalScroll(id="progress")
        progress.border_title = "Collection"
        yield progress

    def load(self) -> None:
        table = self.query_one("#sources", DataTable)
        # Text labels: a str label is read as markup, and that loads Rich's emoji table.
        for key, label in (
            ("n", "#"),
            ("kind", "Kind"),
            ("state", "State"),  # before the long columns, so it is seen at 80 columns too
            ("target", "Target"),
            ("query", "Query"),
        ):
            table.add_column(Text(label), key=key)
        for i, s in enumerate(self.pm.sources):
            table.add_row(
                Text(f"S{i + 1}"),
                Text(shown_kind(s)),
                source_state(s),
                Text(short_target(s.target)),
                Text(s.query[:40]),
                key=f"S{i + 1}",
            )
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
                self.pm.sources.append(record)
                i = len(self.pm.sources)
                s = self.pm.sources[-1]
                self.query_one("#sources", DataTable).add_row(
                    Text(f"S{i}"),
                    Text(s.kind),
                    source_state(s),
                    Text(short_target(s.target)),
                    Text(s.query[:40]),
                    key=f"S{i}",
                )
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

    def _reload_sources(self) -> None:
        table = self.query_one("#sources", DataTable)
        table.clear()
        for i, s in enumerate(self.pm.sources):
            table.add_row(
                Text(f"S{i + 1}"),
                Text(shown_kind(s)),
                source_state(s),
                Text(short_target(s.target)),
                Text(s.query[:40]),
                key=f"S{i + 1}",
            )

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
                    Label(Text("pending"), id=f"note-{i}"),
                    classes="source-row",
                )
            )
        self.cancel_event.clear()
        self.collect(copy.deepcopy(self.pm), indexes)

    def action_cancel(self) -> None:
        self.cancel_event.set()
        self.notify("Cancelling collection…")

    @work(thread=True, exit_on_error=False, exclusive=True, group="collect")
    def collect(self, pm, indexes: list[int]) -> None:
        """Runs `pm_tui.workflow.collect` on a copy of the model, off the UI thread; speaks
        only through messages."""
        from pm_tui.errors import PmTuiError
        from pm_tui.workflow.collect import recollect_sources
        from pm_tui.workflow.window import collection_window

        def progress(step) -> None:
            index = indexes[step.index]
            self.post_message(
                CollectProgress(index, "collecting", step.done, step.total, step.note)
            )

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
        for bar in bars:
            bar.update(total=message.total, progress=message.done)
        for note in self.query(f"#note-{message.index}").results(Label):
            note.update(Text(f"{message.state} {message.note}"))

    @on(CollectFinished)
    def _finished(self, message: CollectFinished) -> None:
        if message.cancelled and not message.sources:
            return
        table = self.query_one("#sources", DataTable)
        for i, source in message.sources.items():
            self.pm.sources[i] = source
            table.update_cell(f"S{i + 1}", "state", source_state(source))
            for note in self.query(f"#note-{i}").results(Label):
                note.update(source_state(source))
        self.changed("sources")

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            self.notify(f"Collection failed: {event.worker.error}", severity="error", timeout=10)


def shown_kind(s: EvidenceSource) -> str:
    """The kind a person knows the source by: an evidence file's detected kind, else the
    source kind."""
    return s.options.get("evidence_kind") or s.kind


def short_target(target: str, width: int = 44) -> str:
    """The end of a long path or URL, where files differ ("…/raw/nginx/access.log.gz")."""
    if len(target) <= width:
        return target
    return "…" + target[-(width - 1) :]
