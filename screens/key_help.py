"""`?` / F1: the keys of the step in view, what the step should produce, and the keys of
tables and forms, in one modal that any key of help, or Esc, closes."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

# Keys every table and form of the wizard understands (not bindings of the step itself).
COMMON_KEYS = (
    ("enter", "edit the highlighted row / save a form"),
    ("ctrl+z", "undo the last edit in this step's table or form (again for the one before)"),
    ("escape", "cancel a form, close this help"),
    ("tab / shift+tab", "move between the table, the suggestions and the findings"),
    ("ctrl+p", "command palette: go to a step, save, commit, validate, export…"),
    ("ctrl+q", "quit (asks when changes are not committed)"),
)


def key_rows(screen: Screen) -> list[tuple[str, str]]:
    """(key, what it does) for the bindings active on `screen`, as its footer names them."""
    rows: list[tuple[str, str]] = []
    seen: set[str] = set()
    for key, active in screen.active_bindings.items():
        binding = active.binding
        # The step's and the app's keys; a table's cursor keys are the usual ones.
        if active.node not in (screen, screen.app) or not binding.description:
            continue
        if binding.description in seen:
            continue
        shown = screen.app.get_key_display(binding)
        rows.append((shown or key, binding.description))
        seen.add(binding.description)
    return rows


class KeyHelp(ModalScreen[None]):
    """Key help for the screen beneath; `guidance` is that step's what-to-produce text."""

    BINDINGS = [
        Binding("escape,question_mark,f1,q", "close", "Close"),
    ]

    def __init__(self, title: str, keys: list[tuple[str, str]], guidance: str = "") -> None:
        super().__init__()
        self.title_text, self.keys, self.guidance = title, keys, guidance

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold cyan", no_wrap=True)
        table.add_column()
        for key, what in [*self.keys, *COMMON_KEYS]:
            table.add_row(Text(key), Text(what))
        with Vertical(classes="dialog help"):
            yield Static(Text(self.title_text, style="bold"), classes="form-title")
            with VerticalScroll(classes="help-body"):
                if self.guidance:
                    yield Static(Text(self.guidance.strip()), classes="help-guidance")
                yield Static(table, id="help-keys")
            yield Static(Text("esc, ? or F1 closes", style="dim"))

    def on_mount(self) -> None:
        self.on_resize()

    def on_resize(self) -> None:
        # Short terminals: the list scrolls and the closing hint stays in view.
        self.query_one(".help-body").styles.max_height = max(4, self.app.size.height - 8)

    def action_close(self) -> None:
        self.dismiss(None)
