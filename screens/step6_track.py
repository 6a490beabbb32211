"""Step 6: follow every action item through — tickets, the follow-up review, open items."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Button, DataTable, Input, Static
from textual.worker import Worker, WorkerState

from pm_tui.schedule import follow_up_date
from pm_tui.timeparse import parse_deadline
from screens.messages import Loaded
from screens.modals import ParseValidator
from screens.step_base import StepScreen
from screens.widgets.cells import PlainCell
from screens.widgets.fit_table import FitTable


class TrackScreen(StepScreen):
    STEP = 6
    GUIDANCE = """
Make sure the action items get done: a tracker ticket for each, a follow-up review on the \
calendar (about four weeks after the incident) and a look at what is still open.
No tracker configured? Keep the items here; 'pm-tui review' lists open items across every \
post-mortem for a weekly check."""

    BINDINGS = [
        Binding("t", "app.create_tickets", "Tickets"),
        Binding("f", "app.schedule_follow_up", "Follow-up"),
    ]

    def compose_main(self) -> ComposeResult:
        table = FitTable(
            id="open-actions",
            cursor_type="row",
            zebra_stripes=True,
            flex="action",
            optional=("tracker",),
        )
        table.border_title = "Open action items"
        yield table
        with Horizontal(id="review-row"):
            review = Input(
                id="follow_up_review",
                placeholder="YYYY-MM-DD or +4w",
                validators=[ParseValidator(self._parse_date)],
            )
            review.border_title = "Follow-up review (enter sets)"
            yield review
            yield Button("Tickets (t)", id="tickets")
            yield Button("Follow-up (f)", id="schedule")
        yield Static(id="review-note")
        review = FitTable(
            id="all-open",
            cursor_type="row",
            zebra_stripes=True,
            flex="action",
            optional=("pm",),
        )
        review.border_title = "Open action items in every post-mortem, by owner"
        yield review

    def _parse_date(self, text: str) -> date:
        return parse_deadline(text, today=self.app.clock().date())

    def load(self) -> None:
        self.query_one("#open-actions", FitTable).add_fit_columns(
            (
                ("id", "ID", 6),
                ("action", "Action", None),
                ("owner", "Owner", 12),
                ("deadline", "Deadline", 10),
                ("status", "Status", 11),
                ("tracker", "Ticket", 24),
            )
        )
        self.fill_actions()
        review = self.query_one("#follow_up_review", Input)
        proposed = follow_up_date(self.pm)
        review.value = proposed.isoformat()
        note = (
            "scheduled"
            if self.pm.follow_up_review
            else "proposed: four weeks after the resolution — enter keeps it, f adds it to your calendar"
        )
        self.query_one("#review-note", Static).update(Text(note, style="dim"))

    def fill_actions(self) -> None:
        """This post-mortem's open items with their tickets."""
        table = self.query_one("#open-actions", DataTable)
        table.clear()
        today = self.app.clock().date()
        for a in self.pm.open_actions():
            overdue = a.deadline is not None and a.deadline < today
            table.add_row(
                PlainCell(a.id),
                PlainCell(a.action),
                PlainCell(a.owner or "no owner", "" if a.owner else "red"),
                PlainCell(
                    a.deadline.isoformat() if a.deadline else "—", "bold red" if overdue else ""
                ),
                PlainCell(a.status),
                PlainCell(a.tracker_url or "not filed", "" if a.tracker_url else "dim"),
                key=a.id,
            )

    def on_mount(self) -> None:  # Textual also runs StepScreen.on_mount (load) after this
        table = self.query_one("#all-open", FitTable)
        table.add_fit_columns(
            (
                ("owner", "Owner", 12),
                ("item", "Item", 6),
                ("action", "Action", None),
                ("due", "Due", 22),
                ("pm", "Post-mortem", 24),
            )
        )
        table.add_row(PlainCell(""), PlainCell(""), PlainCell("loading…", "dim"), key="loading")
        self.load_review()

    @work(thread=True, exit_on_error=False, group="review")
    def load_review(self) -> None:
        """Reads every post-mortem of the repository (through the app), off the UI thread."""
        self.post_message(Loaded("review", self.app.open_action_review()))

    @on(Loaded)
    def _review_loaded(self, message: Loaded) -> None:
        if message.what != "review":
            return
        table = self.query_one("#all-open", DataTable)
        table.clear()
        for owner, items in message.data.items():
            for n, a in enumerate(items):
                due = a.item.deadline.isoformat() if a.item.deadline else "no deadline"
                if a.overdue:
                    due_text = PlainCell(f"{due} ({a.days_overdue}d overdue)", "bold red")
                else:
                    due_text = PlainCell(due)
                table.add_row(
                    PlainCell(owner if n == 0 else "", "bold"),
                    PlainCell(a.item.id),
                    PlainCell(a.item.action),
                    due_text,
                    PlainCell(a.pm_id),
                    key=f"{a.pm_id}/{a.item.id}",
                )
        if table.row_count == 0:
            table.add_row(
                PlainCell(""),
                PlainCell(""),
                PlainCell("no open action items anywhere", "green"),
                key="none",
            )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR and event.worker.group == "review":
            self.notify(f"Cannot read the open items: {event.worker.error}", severity="error")

    def model_updated(self, section: str) -> None:
        if section == "actions":
            self.fill_actions()
        elif section == "follow_up_review" and self.pm.follow_up_review:
            self.query_one("#follow_up_review", Input).value = self.pm.follow_up_review.isoformat()
            self.query_one("#review-note", Static).update(Text("scheduled", style="green"))

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

    @on(Button.Pressed, "#schedule")
    def _schedule_button(self) -> None:
        self.app.action_schedule_follow_up()
