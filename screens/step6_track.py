"""Step 6: follow every action item through — tickets, the follow-up review, open items."""

from __future__ import annotations

from datetime import date, timedelta

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Button, DataTable, Input, Static

from pm_tui.timeparse import parse_deadline
from screens.modals import ParseValidator
from screens.step_base import StepScreen


class TrackScreen(StepScreen):
    STEP = 6
    GUIDANCE = """
Make sure the action items get done: a tracker ticket for each, a follow-up review on the \
calendar (about four weeks after the incident) and a look at what is still open.
No tracker configured? Keep the items here; 'pm-tui review' lists open items across every \
post-mortem for a weekly check."""

    BINDINGS = [Binding("t", "app.create_tickets", "Create tickets")]

    def compose_main(self) -> ComposeResult:
        table = DataTable(id="open-actions", cursor_type="row", zebra_stripes=True)
        table.border_title = "Open action items"
        yield table
        with Horizontal(id="review-row"):
            review = Input(
                id="follow_up_review",
                placeholder="YYYY-MM-DD or +4w",
                validators=[ParseValidator(self._parse_date)],
            )
            review.border_title = "Follow-up review (enter to schedule)"
            yield review
            yield Button("Create tickets (t)", id="tickets")
        yield Static(id="review-note")

    def _parse_date(self, text: str) -> date:
        return parse_deadline(text, today=self.app.clock().date())

    def load(self) -> None:
        table = self.query_one("#open-actions", DataTable)
        for key, label in (
            ("id", "ID"),
            ("action", "Action"),
            ("owner", "Owner"),
            ("deadline", "Deadline"),
            ("status", "Status"),
            ("tracker", "Ticket"),
        ):
            table.add_column(label, key=key)
        today = self.app.clock().date()
        for a in self.pm.open_actions():
            overdue = a.deadline is not None and a.deadline < today
            table.add_row(
                Text(a.id),
                Text(a.action),
                Text(a.owner or "no owner", style="" if a.owner else "red"),
                Text(
                    a.deadline.isoformat() if a.deadline else "—",
                    style="bold red" if overdue else "",
                ),
                Text(a.status),
                Text(a.tracker_url or "not filed", style="dim"),
                key=a.id,
            )
        review = self.query_one("#follow_up_review", Input)
        proposed = self.pm.follow_up_review or (self.pm.window.started.date() + timedelta(weeks=4))
        review.value = proposed.isoformat()
        note = (
            "scheduled"
            if self.pm.follow_up_review
            else "proposed: four weeks after the incident — press enter to keep it"
        )
        self.query_one("#review-note", Static).update(Text(note, style="dim"))

    @on(Input.Submitted, "#follow_up_review")
    def _schedule(self, event: Input.Submitted) -> None:
        if not self.can_edit() or (
            event.validation_result and not event.validation_result.is_valid
        ):
            return
        self.pm.follow_up_review = self._parse_date(event.value)
        event.input.value = self.pm.follow_up_review.isoformat()
        self.query_one("#review-note", Static).update(Text("scheduled", style="green"))
        self.changed("follow_up_review")

    @on(Button.Pressed, "#tickets")
    def _tickets(self) -> None:
        self.app.action_create_tickets()
