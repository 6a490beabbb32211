"""Step 4: action items — one owner, a deadline, a priority, a status, the factor they address."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from pm_tui.model import ActionItem
from pm_tui.validation import Finding
from screens.forms import ActionForm
from screens.modals import ConfirmModal
from screens.step_base import StepScreen, finding_marks
from screens.widgets.cells import PlainCell
from screens.widgets.fit_table import FitTable

# The action's text takes what the columns that matter leave (screens/widgets/fit_table.py).
COLUMNS = (
    ("check", "!", 1),
    ("id", "ID", 6),
    ("action", "Action", None),
    ("owner", "Owner", 12),
    ("deadline", "Deadline", 10),
    ("priority", "Priority", 8),
    ("status", "Status", 11),
    ("factor", "Factor", 6),
)


def action_cells(a: ActionItem, mark: Text | None = None) -> list:
    """The table cells of one action item (the first is the findings mark)."""
    return [
        mark or PlainCell(""),
        PlainCell(a.id),
        PlainCell(a.action),
        PlainCell(a.owner or "no owner", "" if a.owner else "red"),
        PlainCell(a.deadline.isoformat() if a.deadline else "—", "" if a.deadline else "dim"),
        PlainCell(a.priority),
        PlainCell(a.status),
        PlainCell(a.factor),
    ]


def action_detail(a: ActionItem) -> Text:
    """The whole item on one line under the table: what the cut cells do not show."""
    text = Text(f"{a.id} ", style="bold")
    text.append(a.action)
    text.append(f"  · owner {a.owner or 'none'}", style="" if a.owner else "red")
    text.append(f" · due {a.deadline.isoformat() if a.deadline else 'no deadline'}")
    text.append(f" · {a.priority} · {a.status}")
    if a.factor:
        text.append(f" · addresses {a.factor}")
    if a.tracker_url:
        text.append(f" · {a.tracker_url}", style="dim")
    return text


class ActionsScreen(StepScreen):
    STEP = 4
    GUIDANCE = """
Produce action items that would stop this incident, or shrink it: each a concrete change \
(a verb and a thing), one owner, a deadline, a priority, and the factor it addresses.
Prefer fixes to the system over "be more careful". No owner yet? Name the team that will \
pick one, and give it a date to do so — an item without an owner does not get done.
Deadline: YYYY-MM-DD, +10d or +2w."""

    UNDO_SECTIONS = ("actions",)
    BINDINGS = [
        Binding("a", "add", "Add"),
        Binding("e", "edit", "Edit"),
        Binding("d", "delete", "Delete"),
    ]

    def compose_main(self) -> ComposeResult:
        table = FitTable(
            id="actions",
            cursor_type="row",
            zebra_stripes=True,
            flex="action",
            optional=("factor",),
        )
        table.border_title = "Action items (a add · e/enter edit · d delete)"
        yield table
        yield Static(id="detail", classes="row-detail")

    @property
    def table(self) -> FitTable:
        return self.query_one("#actions", FitTable)

    def load(self) -> None:
        table = self.table
        table.add_fit_columns(COLUMNS)
        table.add_keyed_rows((a.id, action_cells(a)) for a in self.pm.actions)
        table.focus()
        self.show_detail()

    def show_detail(self) -> None:
        """The highlighted item whole, under the table."""
        item = next((a for a in self.pm.actions if a.id == self.selected_id()), None)
        self.query_one("#detail", Static).update(
            action_detail(item) if item else Text("no action items yet: a adds one", style="dim")
        )

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail()

    def reload(self, section: str) -> None:
        table, row = self.table, self.table.cursor_row
        table.clear()
        table.add_keyed_rows((a.id, action_cells(a)) for a in self.pm.actions)
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))
        self.show_detail()

    def on_findings(self, findings: list[Finding]) -> None:
        marks = finding_marks(findings)
        for a in self.pm.actions:
            if a.id in self.table.rows:
                self.table.update_row_in_place(a.id, {"check": marks.get(a.id, PlainCell(""))})

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
                self.remember("actions")
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
                self.remember("actions")
                for k, v in values.items():
                    setattr(item, k, v)
                cells = list(zip(COLUMNS, action_cells(item), strict=True))[1:]
                self.table.update_row_in_place(action_id, {k: c for (k, _, _), c in cells})
                self.show_detail()
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
                self.remember("actions")
                self.pm.actions = [a for a in self.pm.actions if a.id != action_id]
                self.table.remove_row(action_id)
                self.show_detail()
                self.changed("actions")

        self.app.push_screen(ConfirmModal(f"Delete action item {action_id}?"), done)
