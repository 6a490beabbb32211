"""Step 4: action items — one owner, a deadline, a priority, a status, the factor they address."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable

from pm_tui.model import ActionItem
from pm_tui.validation import Finding
from screens.forms import ActionForm
from screens.modals import ConfirmModal
from screens.step_base import StepScreen, finding_marks

COLUMNS = (
    ("check", "!", 3),
    ("id", "ID", 7),
    ("action", "Action", None),
    ("owner", "Owner", 14),
    ("deadline", "Deadline", 10),
    ("priority", "Priority", 8),
    ("status", "Status", 11),
    ("factor", "Factor", 6),
)


def action_cells(a: ActionItem, mark: Text | None = None) -> list[Text]:
    """The table cells of one action item (the first is the findings mark)."""
    return [
        mark or Text(""),
        Text(a.id),
        Text(a.action),
        Text(a.owner),
        Text(a.deadline.isoformat() if a.deadline else ""),
        Text(a.priority),
        Text(a.status),
        Text(a.factor),
    ]


class ActionsScreen(StepScreen):
    STEP = 4
    GUIDANCE = """
Produce action items that would stop this incident, or shrink it: each a concrete change \
(a verb and a thing), one owner, a deadline, a priority, and the factor it addresses.
Prefer fixes to the system over "be more careful". No owner yet? Name the team that will \
pick one, and give it a date to do so — an item without an owner does not get done.
Deadline: YYYY-MM-DD, +10d or +2w."""

    BINDINGS = [
        Binding("a", "add", "Add"),
        Binding("e", "edit", "Edit"),
        Binding("d", "delete", "Delete"),
    ]

    def compose_main(self) -> ComposeResult:
        table = DataTable(id="actions", cursor_type="row", zebra_stripes=True)
        table.border_title = "Action items (a add · e/enter edit · d delete)"
        yield table

    @property
    def table(self) -> DataTable:
        return self.query_one("#actions", DataTable)

    def load(self) -> None:
        table = self.table
        for key, label, width in COLUMNS:
            table.add_column(Text(label), key=key, width=width)
        for a in self.pm.actions:
            table.add_row(*action_cells(a), key=a.id)
        table.focus()

    def on_findings(self, findings: list[Finding]) -> None:
        marks = finding_marks(findings)
        for a in self.pm.actions:
            if a.id in self.table.rows:
                self.table.update_cell(a.id, "check", marks.get(a.id, Text("")))

    def selected_id(self) -> str | None:
        if self.table.row_count == 0:
            return None
        return self.table.coordinate_to_cell_key(self.table.cursor_coordinate).row_key.value

    def _form(self, item: ActionItem | None) -> ActionForm:
        return ActionForm(item, today=self.app.clock().date(), factors=self.pm.analysis.factors)

    def action_add(self) -> None:
        if not self.can_edit():
            return

        def done(values: dict | None) -> None:
            if values:
                item = ActionItem(id=self.pm.next_action_id(), **values)
                self.pm.actions.append(item)
                self.table.add_row(*action_cells(item), key=item.id)
                self.table.move_cursor(row=self.table.row_count - 1)
                self.changed("actions")

        self.app.push_screen(self._form(None), done)

    def action_edit(self) -> None:
        action_id = self.selected_id()
        if action_id is None or not self.can_edit():
            return
        item = next(a for a in self.pm.actions if a.id == action_id)

        def done(values: dict | None) -> None:
            if values:
                for k, v in values.items():
                    setattr(item, k, v)
                for (key, _, _), cell in list(zip(COLUMNS, action_cells(item), strict=True))[1:]:
                    self.table.update_cell(action_id, key, cell)
                self.changed("actions")

        self.app.push_screen(self._form(item), done)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    def action_delete(self) -> None:
        action_id = self.selected_id()
        if action_id is None or not self.can_edit():
            return

        def done(yes: bool | None) -> None:
            if yes:
                self.pm.actions = [a for a in self.pm.actions if a.id != action_id]
                self.table.remove_row(action_id)
                self.changed("actions")

        self.app.push_screen(ConfirmModal(f"Delete action item {action_id}?"), done)
