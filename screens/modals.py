"""The one confirmation modal, and the validator the wizard's inputs share."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.validation import ValidationResult, Validator
from textual.widgets import Button, Static

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
