"""Step 1's "add evidence": a folder (or files, an archive) scanned, each file's detected kind
shown before anything is collected; the person changes a kind (k) or drops a file (d)."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Input, Label

from screens.messages import EvidenceScanned


def file_state(f) -> Text:
    """What will happen to one file: its kind, dropped, or not read and why."""
    if f.dropped:
        return Text("dropped", style="dim")
    if f.kind is None:
        return Text("not read", style="bold red")
    return Text(f.kind + (" (yours)" if f.chosen else ""), style="green")


class EvidenceModal(ModalScreen[list | None]):
    """Returns the plan's files as the person left them, or None when cancelled."""

    DEFAULT_CSS = """
    EvidenceModal { align: center middle; }
    EvidenceModal > Vertical { width: 96%; height: 90%; border: round $accent; padding: 0 1; }
    EvidenceModal #files { height: 1fr; }
    EvidenceModal #evidence-buttons { height: 3; }
    """
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("k", "kind", "Change kind"),
        Binding("d", "drop", "Drop / keep"),
        Binding("ctrl+s", "add", "Add these"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.files: list = []

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Text("Evidence folder, files or a .zip/.tar.gz (enter scans it):"))
            yield Input(id="folder", placeholder="/path/to/evidence")
            table = DataTable(id="files", cursor_type="row", zebra_stripes=True)
            table.border_title = "Files (k change kind · d drop · ctrl+s add)"
            yield table
            yield Label(Text(""), id="evidence-summary")
            with Horizontal(id="evidence-buttons"):
                yield Button("Add", id="add", variant="primary")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        table = self.query_one("#files", DataTable)
        for key, label in (("file", "File"), ("kind", "Read as"), ("why", "Why")):
            table.add_column(Text(label), key=key)
        self.query_one("#folder", Input).focus()

    @on(Input.Submitted, "#folder")
    def _scan_asked(self, event: Input.Submitted) -> None:
        paths = [p for p in event.value.split() if p]
        if paths:
            self.query_one("#evidence-summary", Label).update(Text("Scanning…", style="dim"))
            self.scan(paths)

    @work(thread=True, exit_on_error=False, exclusive=True, group="scan")
    def scan(self, paths: list[str]) -> None:
        """Classifies the files off the UI thread (`pm_tui.workflow.sources.evidence_plan`)."""
        from pm_tui.errors import PmTuiError
        from pm_tui.workflow.sources import evidence_plan

        try:
            plan = evidence_plan(paths)
        except PmTuiError as exc:
            self.post_message(EvidenceScanned([], str(exc)))
            return
        self.post_message(EvidenceScanned(plan.files, ""))

    @on(EvidenceScanned)
    def _scanned(self, message: EvidenceScanned) -> None:
        summary = self.query_one("#evidence-summary", Label)
        if message.error:
            summary.update(Text(message.error, style="bold red"))
            self.notify(message.error, title="Cannot scan", severity="error")
            return
        self.files = list(message.files)
        table = self.query_one("#files", DataTable)
        table.clear()
        for i, f in enumerate(self.files):
            table.add_row(Text(f.name), file_state(f), Text(f.reason), key=str(i))
        self._summarise()
        table.focus()

    def _summarise(self) -> None:
        read = sum(f.readable for f in self.files)
        unread = sum(f.kind is None and not f.dropped for f in self.files)
        dropped = sum(f.dropped for f in self.files)
        text = Text(f"{read} to read")
        if unread:
            text.append(f", {unread} not read (reasons above)", style="red")
        if dropped:
            text.append(f", {dropped} dropped", style="dim")
        self.query_one("#evidence-summary", Label).update(text)

    def _selected(self):
        table = self.query_one("#files", DataTable)
        if not self.files or table.cursor_row is None or table.cursor_row >= len(self.files):
            return None, table
        return self.files[table.cursor_row], table

    def _refresh(self, f, table) -> None:
        key = str(self.files.index(f))
        table.update_cell(key, "kind", file_state(f))
        table.update_cell(key, "why", Text(f.reason))
        self._summarise()

    def action_kind(self) -> None:
        """The next kind for the selected file (every kind in turn)."""
        from pm_tui.collectors.classify import EVIDENCE_FILE_KINDS

        f, table = self._selected()
        if f is None:
            return
        kinds = list(EVIDENCE_FILE_KINDS)
        f.kind = kinds[(kinds.index(f.kind) + 1) % len(kinds)] if f.kind in kinds else kinds[0]
        f.chosen, f.dropped = True, False
        f.reason = f"{f.kind} (set by you)"
        self._refresh(f, table)

    def action_drop(self) -> None:
        f, table = self._selected()
        if f is None:
            return
        f.dropped = not f.dropped
        if f.dropped:
            f.reason = "dropped by you"
        self._refresh(f, table)

    def action_add(self) -> None:
        self.dismiss(self.files or None)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "add":
            self.action_add()
        else:
            self.action_cancel()
