"""The start screen: every post-mortem in the repository, with New, Open and Resume draft."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Button, DataTable, Footer, Header, Static

from pm_tui.postmortem_store import Summary
from pm_tui.validation import validate


def badge(findings) -> Text:
    """`✓`, `2 errors` or `3 warnings` for the list of post-mortems."""
    errors = sum(f.severity == "error" and not f.acknowledged for f in findings)
    warnings = sum(f.severity == "warning" and not f.acknowledged for f in findings)
    if errors:
        return Text(f"{errors} error{'s' * (errors != 1)}", style="bold red")
    if warnings:
        return Text(f"{warnings} warning{'s' * (warnings != 1)}", style="yellow")
    return Text("✓", style="green")


class StartScreen(Screen):
    """Lists post-mortems; posts nothing to disk itself (the app opens and creates)."""

    BINDINGS = [
        Binding("n", "new", "New"),
        Binding("o", "open", "Open"),
        Binding("r", "resume", "Resume draft"),
    ]

    def __init__(self, summaries: list[Summary], today) -> None:
        super().__init__(name="start")
        self.summaries, self.today = summaries, today

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Static(
            Text("Post-mortems in this repository — enter opens, n starts a new one"),
            id="start-help",
        )
        table = DataTable(id="postmortems", cursor_type="row", zebra_stripes=True)
        table.border_title = "Post-mortems"
        yield table
        with Horizontal(id="start-buttons"):
            yield Button("New (n)", id="new", variant="primary")
            yield Button("Open (o)", id="open")
            yield Button("Resume draft (r)", id="resume")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column(Text("Title"), key="title", width=46)
        for key, label in (
            ("date", "Date"),
            ("severity", "Sev"),
            ("status", "Status"),
            ("open", "Open actions"),
            ("check", "Check"),
        ):
            table.add_column(Text(label), key=key)
        for s in self.summaries:
            pm = s.postmortem
            if pm is None:
                table.add_row(
                    Text(f"{s.id}: {s.error}", style="red"),
                    Text(""),
                    Text(""),
                    Text("unreadable", style="red"),
                    Text(""),
                    Text("✗", style="red"),
                    key=s.id,
                )
                continue
            table.add_row(
                Text(pm.title),
                Text(pm.date.isoformat()),
                Text(pm.severity),
                Text(pm.status),
                Text(str(len(pm.open_actions()))),
                badge(validate(pm, today=self.today)),
                key=s.id,
            )
        if not self.summaries:
            self.query_one("#start-help", Static).update(
                Text("No post-mortems yet: press n to start one.")
            )
        table.focus()

    def selected(self) -> Summary | None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next(s for s in self.summaries if s.id == key)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        getattr(self, f"action_{event.button.id}")()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_new(self) -> None:
        self.app.action_new_postmortem()

    def action_open(self) -> None:
        s = self.selected()
        if s is None:
            return
        if s.postmortem is None:
            self.notify(s.error or "unreadable", title="Cannot open", severity="error")
            return
        self.app.open_postmortem(s.id)

    def action_resume(self) -> None:
        drafts = [s for s in self.summaries if s.postmortem and s.postmortem.status == "draft"]
        if not drafts:
            self.notify("No draft to resume.")
            return
        newest = max(drafts, key=lambda s: s.path.stat().st_mtime_ns)
        self.app.open_postmortem(newest.id)
