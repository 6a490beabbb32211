"""The publishing gate in the wizard: the error-level findings in the way, and "go ahead
anyway" with a reason that is recorded in the file (pm_tui.workflow.gate)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Input, Static

from pm_tui.errors import UsageError
from screens.forms import FormModal, _input


class GateModal(FormModal):
    """Dismisses {"reason": ...} to go ahead anyway, None to go back and fix."""

    SAVE_LABEL = "Go ahead anyway (ctrl+s)"
    CANCEL_LABEL = "Fix first (esc)"

    def __init__(self, blocked) -> None:
        super().__init__()
        self.blocked = blocked
        self.TITLE_TEXT = str(blocked).split(" (", 1)[0].capitalize()

    def fields(self) -> ComposeResult:
        from pm_tui.workflow.gate import describe

        text = Text()
        for f in self.blocked.findings:
            text.append("✗ ", style="bold red")
            text.append(describe(f) + "\n")
        text.append(
            "Fix them (each finding's step shows it), or go ahead: your name, the findings "
            "and your reason are recorded in the post-mortem.",
            style="dim",
        )
        yield _input("", "reason", "Why go ahead anyway?", "recorded in the file")
        yield Static(text, id="gate-findings")

    def values(self) -> dict:
        reason = self.text_of("reason")
        if not reason:
            raise UsageError("say why: the reason is recorded in the file")
        return {"reason": reason}

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#reason", Input).focus()
