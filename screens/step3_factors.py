"""Step 3: why it happened — immediate causes, contributing factors, systemic issues, Five Whys."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Button, DataTable, Input, Static, TextArea

from pm_tui.model import ContributingFactor, FiveWhys
from pm_tui.validation import Finding
from screens.forms import FactorForm
from screens.modals import ConfirmModal
from screens.step_base import StepScreen


def lines_of(text: str) -> list[str]:
    """One item per non-empty line."""
    return [line.strip() for line in text.splitlines() if line.strip()]


class FactorsScreen(StepScreen):
    STEP = 3
    GUIDANCE = """
Explain why it happened, about systems, not people: the immediate cause; the contributing \
factors (with their category and the timeline events that show them); the systemic issues \
behind them; and a Five Whys chain that ends at something you can change.
When an answer is "someone made a mistake", ask why the system made that mistake easy. \
Unsure? Write the open question as a factor and give it an action in step 4."""

    BINDINGS = [
        Binding("a", "add_factor", "Add factor"),
        Binding("d", "delete_factor", "Delete factor"),
    ]

    def compose_main(self) -> ComposeResult:
        with VerticalScroll(id="factors-scroll"):
            causes = TextArea(id="immediate_causes", soft_wrap=True)
            causes.border_title = "Immediate cause(s), one per line"
            yield causes
            table = DataTable(id="factors", cursor_type="row")
            table.border_title = "Contributing factors (a add · enter edit · d delete)"
            yield table
            systemic = TextArea(id="systemic_issues", soft_wrap=True)
            systemic.border_title = "Systemic issues, one per line"
            yield systemic
            problem = Input(id="problem", placeholder="the problem the Five Whys start from")
            problem.border_title = "Five Whys: problem"
            yield problem
            yield Static(id="whys")
            yield Static(id="why-warning")
            why = Input(id="why", placeholder="why? (enter adds it to the chain)")
            why.border_title = "Add a why"
            yield why
            yield Button("Remove last why", id="remove-why")

    @property
    def chain(self) -> FiveWhys | None:
        return self.pm.analysis.five_whys[0] if self.pm.analysis.five_whys else None

    def load(self) -> None:
        a = self.pm.analysis
        self.query_one("#immediate_causes", TextArea).load_text("\n".join(a.immediate_causes))
        self.query_one("#systemic_issues", TextArea).load_text("\n".join(a.systemic_issues))
        table = self.query_one("#factors", DataTable)
        for key, label in (
            ("id", "ID"),
            ("category", "Category"),
            ("description", "Description"),
            ("events", "Events"),
        ):
            table.add_column(label, key=key)
        for f in a.factors:
            table.add_row(*self._cells(f), key=f.id)
        self.query_one("#problem", Input).value = self.chain.problem if self.chain else ""
        self.load_whys()
        for area in self.query(TextArea):
            area.read_only = self.read_only

    @staticmethod
    def _cells(f: ContributingFactor) -> list[Text]:
        return [Text(f.id), Text(f.category), Text(f.description), Text(", ".join(f.events))]

    def load_whys(self) -> None:
        text = Text()
        for n, why in enumerate(self.chain.whys if self.chain else [], start=1):
            text.append(f"{n}. ", style="bold")
            text.append(f"Why? {why}\n")
        self.query_one("#whys", Static).update(text or Text("No whys yet.", style="dim"))

    def on_findings(self, findings: list[Finding]) -> None:
        warnings = [f for f in findings if f.rule == "shallow/five-whys-ends-at-person"]
        text = Text()
        for f in warnings:
            text.append(f"⚠ {f.message}", style="yellow")
            if f.suggestion:
                text.append(f" — {f.suggestion}", style="dim")
        self.query_one("#why-warning", Static).update(text)

    # --- edits ------------------------------------------------------------------------------
    @on(TextArea.Changed, "#immediate_causes")
    def _causes(self, event: TextArea.Changed) -> None:
        new = lines_of(event.text_area.text)
        if new != self.pm.analysis.immediate_causes:
            self.pm.analysis.immediate_causes = new
            self.changed("analysis")

    @on(TextArea.Changed, "#systemic_issues")
    def _systemic(self, event: TextArea.Changed) -> None:
        new = lines_of(event.text_area.text)
        if new != self.pm.analysis.systemic_issues:
            self.pm.analysis.systemic_issues = new
            self.changed("analysis")

    def _ensure_chain(self) -> FiveWhys:
        if self.chain is None:
            self.pm.analysis.five_whys.append(FiveWhys(problem=""))
        return self.chain

    @on(Input.Changed, "#problem")
    def _problem(self, event: Input.Changed) -> None:
        value = event.value.strip()
        if (self.chain.problem if self.chain else "") != value and self.can_edit():
            self._ensure_chain().problem = value
            self.changed("analysis")

    @on(Input.Submitted, "#why")
    def _add_why(self, event: Input.Submitted) -> None:
        if not event.value.strip() or not self.can_edit():
            return
        self._ensure_chain().whys.append(event.value.strip())
        event.input.value = ""
        self.load_whys()
        self.changed("analysis")

    @on(Button.Pressed, "#remove-why")
    def _remove_why(self) -> None:
        if self.chain and self.chain.whys and self.can_edit():
            self.chain.whys.pop()
            self.load_whys()
            self.changed("analysis")

    def _factor_form(self, factor: ContributingFactor | None, done) -> None:
        self.app.push_screen(FactorForm(factor, self.pm.timeline), done)

    def action_add_factor(self) -> None:
        if not self.can_edit():
            return

        def done(values: dict | None) -> None:
            if values:
                f = ContributingFactor(id=self.pm.next_factor_id(), **values)
                self.pm.analysis.factors.append(f)
                self.query_one("#factors", DataTable).add_row(*self._cells(f), key=f.id)
                self.changed("analysis")

        self._factor_form(None, done)

    def _selected_factor(self) -> ContributingFactor | None:
        table = self.query_one("#factors", DataTable)
        if table.row_count == 0:
            return None
        return self.pm.factor(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        factor = self._selected_factor()
        if factor is None or not self.can_edit():
            return

        def done(values: dict | None) -> None:
            if values:
                for k, v in values.items():
                    setattr(factor, k, v)
                table = self.query_one("#factors", DataTable)
                for key, cell in zip(
                    ("id", "category", "description", "events"), self._cells(factor), strict=True
                ):
                    table.update_cell(factor.id, key, cell)
                self.changed("analysis")

        self._factor_form(factor, done)

    def action_delete_factor(self) -> None:
        factor = self._selected_factor()
        if factor is None or not self.can_edit():
            return

        def done(yes: bool | None) -> None:
            if yes:
                self.pm.analysis.factors.remove(factor)
                self.query_one("#factors", DataTable).remove_row(factor.id)
                self.changed("analysis")

        self.app.push_screen(ConfirmModal(f"Delete factor {factor.id}?"), done)
