"""Modal screens shared by the wizard: one confirmation, and a base for small forms."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.validation import ValidationResult, Validator
from textual.widgets import Button, Input, Label, Select, SelectionList, Static

from pm_tui.errors import PmTuiError


class ConfirmModal(ModalScreen[bool]):
    """Ask one yes/no question. Dismisses True for yes."""

    BINDINGS = [
        Binding("escape", "answer(False)", "No"),
        Binding("y", "answer(True)", "Yes"),
        Binding("n", "answer(False)", "No", show=False),
    ]

    def __init__(self, question: str, yes: str = "Yes", no: str = "No") -> None:
        super().__init__()
        self.question, self.yes, self.no = question, yes, no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(self.question), classes="question")
            with Horizontal(classes="buttons"):
                yield Button(f"{self.yes} (y)", variant="primary", id="yes")
                yield Button(f"{self.no} (n)", id="no")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)


class ParseValidator(Validator):
    """Validates an Input by calling `parse(text)`, which raises PmTuiError when it is wrong."""

    def __init__(self, parse: Callable[[str], object], *, allow_empty: bool = False) -> None:
        super().__init__()
        self.parse, self.allow_empty = parse, allow_empty

    def validate(self, value: str) -> ValidationResult:
        if self.allow_empty and not value.strip():
            return self.success()
        try:
            self.parse(value)
        except (PmTuiError, ValueError) as exc:
            return self.failure(str(exc))
        return self.success()


class FormModal(ModalScreen[dict | None]):
    """A small form: labelled fields, Save (enter / ctrl+s) and Cancel (escape).

    Subclasses implement `fields()` (yield widgets with ids) and `values()`, which reads
    them back into a dict or raises PmTuiError with what to fix.
    """

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save", priority=True),
    ]
    TITLE_TEXT = "Edit"

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form"):
            yield Label(Text(self.TITLE_TEXT), classes="form-title")
            with VerticalScroll(classes="form-fields"):
                yield from self.fields()
            yield Static("", id="form-error", classes="form-error")
            with Horizontal(classes="buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save")
                yield Button("Cancel (esc)", id="cancel")

    def fields(self) -> ComposeResult:  # pragma: no cover - abstract
        yield from ()

    def values(self) -> dict:  # pragma: no cover - abstract
        return {}

    @staticmethod
    def labelled(label: str, widget) -> ComposeResult:
        yield Label(label, classes="field-label")
        yield widget

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        for inp in self.query(Input):
            result = inp.validate(inp.value)
            if result is not None and not result.is_valid:
                self._error(f"{inp.border_title or inp.id}: {result.failure_descriptions[0]}")
                inp.focus()
                return
        try:
            values = self.values()
        except PmTuiError as exc:
            self._error(str(exc))
            return
        self.dismiss(values)

    def _error(self, message: str) -> None:
        self.query_one("#form-error", Static).update(Text(message, style="bold red"))

    # small helpers for subclasses
    def text_of(self, widget_id: str) -> str:
        return self.query_one(f"#{widget_id}", Input).value.strip()

    def select_of(self, widget_id: str):
        value = self.query_one(f"#{widget_id}", Select).value
        return None if value is Select.NULL else value

    def selected_of(self, widget_id: str) -> list:
        return list(self.query_one(f"#{widget_id}", SelectionList).selected)
