"""The start screen: every post-mortem in the repository, with New, Open, Resume and Insights."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Button, DataTable, Footer, Static

from pm_tui.safetext import neutralise
from screens.widgets.wizard_header import WizardHeader


def badge(errors: int, warnings: int) -> Text:
    """`✓`, `2 errors` or `3 warnings` (findings not acknowledged) for the list."""
    if errors:
        return Text(f"{errors} error{'s' * (errors != 1)}", style="bold red")
    if warnings:
        return Text(f"{warnings} warning{'s' * (warnings != 1)}", style="yellow")
    return Text("✓", style="green")


class StartScreen(Screen):
    """Lists post-mortems from the repository index; posts nothing to disk itself."""

    BINDINGS = [
        Binding("n", "new", "New"),
        Binding("o", "open", "Open"),
        Binding("r", "resume", "Resume draft"),
        Binding("i", "insights", "Insights"),
    ]

    def __init__(self, catalog, today) -> None:
        super().__init__(name="start")
        self.catalog, self.today = catalog, today
        self.records = {pm.file_name[:-5]: pm for pm in catalog.postmortems}
        self.unreadable = {u.path.stem: u for u in catalog.unreadable}

    def compose(self) -> ComposeResult:
        yield WizardHeader(show_clock=False)
        yield Static(
            Text("Post-mortems in this repository — enter opens, n starts a new one, i insights"),
            id="start-help",
        )
        table = DataTable(id="postmortems", cursor_type="row", zebra_stripes=True)
        table.border_title = "Post-mortems"
        yield table
        with Horizontal(id="start-buttons"):
            yield Button("New (n)", id="new", variant="primary")
            yield Button("Open (o)", id="open")
            yield Button("Resume draft (r)", id="resume")
            yield Button("Insights (i)", id="insights")
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
        rows = [(key, pm) for key, pm in self.records.items()]
        rows += [(key, u) for key, u in self.unreadable.items()]
        rows.sort(key=lambda kv: kv[0], reverse=True)  # newest first, as the files are named
        for key, item in rows:
            if key in self.unreadable:
                table.add_row(
                    Text(neutralise(f"{key}: {item.error}"), style="red"),
                    Text(""),
                    Text(""),
                    Text("unreadable", style="red"),
                    Text(""),
                    Text("✗", style="red"),
                    key=key,
                )
                continue
            counts = item.badge(self.today)
            table.add_row(  # a file's own words: control characters shown, never obeyed
                Text(neutralise(item.title)),
                Text(item.date.isoformat()),
                Text(neutralise(item.severity)),
                Text(neutralise(item.status)),
                Text(str(item.open_action_count)),
                badge(counts.open_errors, counts.open_warnings),
                key=key,
            )
        if not rows:
            self.query_one("#start-help", Static).update(
                Text("No post-mortems yet: press n to start one.")
            )
        table.focus()

    def selected_key(self) -> str | None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def on_button_pressed(self, event: Button.Pressed) -> None:
        getattr(self, f"action_{event.button.id}")()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_new(self) -> None:
        self.app.action_new_postmortem()

    def action_insights(self) -> None:
        self.app.show_insights()

    def action_open(self) -> None:
        key = self.selected_key()
        if key is None:
            return
        if key in self.unreadable:
            self.notify(self.unreadable[key].error, title="Cannot open", severity="error")
            return
        self.app.open_postmortem(key)

    def action_resume(self) -> None:
        drafts = [pm for pm in self.records.values() if pm.status == "draft"]
        if not drafts:
            self.notify("No draft to resume.")
            return
        newest = max(drafts, key=lambda pm: pm.mtime_ns)
        self.app.open_postmortem(newest.file_name[:-5])
