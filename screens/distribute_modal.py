"""Distribute the report: e-mail recipients (validated) and, when a webhook is set, Slack."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Checkbox, Label

from pm_tui.distribute import parse_recipients
from pm_tui.errors import UsageError
from screens.forms import FormModal, _input
from screens.modals import ParseValidator


class DistributeModal(FormModal):
    """Returns {"recipients": [...], "slack": bool}; Slack is offered only when configured."""

    TITLE_TEXT = "Distribute the report"
    SAVE_LABEL = "Send (ctrl+s)"

    def __init__(self, slack_env: str | None) -> None:
        super().__init__()
        self.slack_env = slack_env

    def fields(self) -> ComposeResult:
        yield _input(
            "",
            "recipients",
            "E-mail recipients",
            "name@example.com, team@example.com",
            [ParseValidator(parse_recipients, allow_empty=True)],
        )
        if self.slack_env:
            yield Checkbox(f"Post a summary to Slack (${self.slack_env})", True, id="slack")
        else:
            yield Label(
                "Slack: set PM_TUI_SLACK_WEBHOOK (or config slack.webhook_env) to post there.",
                classes="field-label",
            )

    def values(self) -> dict:
        recipients = parse_recipients(self.text_of("recipients"))
        slack = bool(self.slack_env) and self.query_one("#slack", Checkbox).value
        if not recipients and not slack:
            raise UsageError("nothing to send: give at least one e-mail address")
        return {"recipients": recipients, "slack": slack}
