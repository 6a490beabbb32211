"""Step 3: why it happened — immediate causes, contributing factors, systemic issues, Five Whys."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, OptionList, TextArea
from textual.worker import Worker, WorkerState

from pm_tui.model import ContributingFactor
from pm_tui.validation import Finding
from screens.forms import FactorForm
from screens.messages import Loaded
from screens.modals import ConfirmModal
from screens.step_base import StepScreen
from screens.widgets.cells import PlainCell
from screens.widgets.factor_suggestions import HintList, RelatedList
from screens.widgets.fit_table import FitTable
from screens.widgets.five_whys import FiveWhysEditor


def lines_of(text: str) -> list[str]:
    """One item per non-empty line."""
    return [line.strip() for line in text.splitlines() if line.strip()]


class FactorsScreen(StepScreen):
    STEP = 3
    GUIDANCE = """
Explain why it happened, about systems, not people: the immediate cause; the contributing \
factors (with their category and the timeline events that show them); the systemic issues \
behind them; and Five Whys chains that end at something you can change.
Suggestions from the timeline are only that: enter on one adds it as a factor to edit.
When an answer is "someone made a mistake", ask why the system made that mistake easy."""

    UNDO_SECTIONS = ("analysis.factors",)  # the text boxes undo their own typing (ctrl+z)
    BINDINGS = [
        Binding("a", "add_factor", "Add factor"),
        Binding("d", "delete_factor", "Delete factor"),
        Binding("left_square_bracket", "chain(-1)", "Prev chain", show=False),
        Binding("right_square_bracket", "chain(1)", "Next chain", show=False),
    ]

    def compose_main(self) -> ComposeResult:
        with VerticalScroll(id="factors-scroll"):
            causes = TextArea(id="immediate_causes", soft_wrap=True)
            causes.border_title = "Immediate cause(s), one per line"
            yield causes
            # The description takes what id, category and events leave, ending in "…";
            # enter shows it whole in its form.
            table = FitTable(
                id="factors",
                cursor_type="row",
                flex="description",
                flex_min=30,
                optional=("events",),
            )
            table.border_title = "Contributing factors (a add · enter edit · d delete)"
            yield table
            hints = HintList(id="hints")
            hints.border_title = "Suggested factors (enter adds one to edit)"
            yield hints
            related = RelatedList(id="related")
            related.border_title = "Past incidents sharing services or factor categories"
            yield related
            systemic = TextArea(id="systemic_issues", soft_wrap=True)
            systemic.border_title = "Systemic issues, one per line"
            yield systemic
            yield FiveWhysEditor(self.pm.analysis.five_whys, id="five-whys")

    def load(self) -> None:
        a = self.pm.analysis
        self.query_one("#immediate_causes", TextArea).load_text("\n".join(a.immediate_causes))
        self.query_one("#systemic_issues", TextArea).load_text("\n".join(a.systemic_issues))
        self.query_one("#factors", FitTable).add_fit_columns(
            (
                ("id", "ID", 5),
                ("category", "Category", 18),
                ("description", "Description", None),
                ("events", "Events", 18),
            )
        )
        self.load_factors()
        self.load_hints()
        self.query_one(RelatedList).show(None)
        self.find_related()
        self.query_one(FiveWhysEditor).read_only = self.read_only
        for area in self.query(TextArea):
            area.read_only = self.read_only

    def load_factors(self) -> None:
        table = self.query_one("#factors", DataTable)
        row = table.cursor_row
        table.clear()
        for f in self.pm.analysis.factors:
            table.add_row(*self._cells(f), key=f.id)
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))

    def reload(self, section: str) -> None:
        self.load_factors()
        self.load_hints()

    @staticmethod
    def _cells(f: ContributingFactor) -> list[PlainCell]:
        return [
            PlainCell(f.id),
            PlainCell(f.category),
            PlainCell(f.description),
            PlainCell(", ".join(f.events)),
        ]

    def load_hints(self) -> None:
        """Factor hints not yet taken (a hint whose category and events a factor has is hidden)."""
        from pm_tui.timeline import factor_hints

        taken = {(f.category, tuple(f.events)) for f in self.pm.analysis.factors}
        self.hints = [
            h for h in factor_hints(self.pm) if (h.category, tuple(h.events)) not in taken
        ]
        self.query_one(HintList).show(self.hints)

    @work(thread=True, exit_on_error=False, group="related")
    def find_related(self) -> None:
        """Reads every post-mortem of the repository (through the app), off the UI thread."""
        self.post_message(Loaded("related", self.app.related_for(self.pm)))

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        if message.what == "related":
            self.query_one(RelatedList).show(message.data, message.error)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR and event.worker.group == "related":
            self.query_one(RelatedList).show(
                None, f"cannot read past incidents: {event.worker.error}"
            )

    def on_findings(self, findings: list[Finding]) -> None:
        text = Text()
        for f in findings:
            if f.rule != "shallow/five-whys-ends-at-person":
                continue
            text.append(f"⚠ {f.message}", style="yellow")
            if f.suggestion:
                text.append(f" — {f.suggestion}", style="dim")
        self.query_one(FiveWhysEditor).show_warning(text)

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

    @on(FiveWhysEditor.Edited)
    def _whys_edited(self) -> None:
        self.changed("analysis")

    def action_chain(self, step: int) -> None:
        self.query_one(FiveWhysEditor).switch(step)

    @on(OptionList.OptionSelected, "#hints")
    def _take_hint(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is None or not self.can_edit():
            return
        hint = self.hints[int(event.option.id)]
        known = {e.id for e in self.pm.timeline}
        prefilled = ContributingFactor(
            id=self.pm.next_factor_id(),
            category=hint.category,
            description=hint.description,
            events=[e for e in hint.events if e in known],
        )

        def done(values: dict | None) -> None:
            if values:
                self._append_factor(ContributingFactor(id=prefilled.id, **values))
                self.load_hints()

        self._factor_form(prefilled, done)

    def _append_factor(self, f: ContributingFactor) -> None:
        self.remember("analysis.factors")
        self.pm.analysis.factors.append(f)
        self.query_one("#factors", DataTable).add_row(*self._cells(f), key=f.id)
        self.changed("analysis")

    def _factor_form(self, factor: ContributingFactor | None, done) -> None:
        self.app.push_screen(FactorForm(factor, self.pm.timeline), done)

    def action_add_factor(self) -> None:
        if not self.can_edit():
            return

        def done(values: dict | None) -> None:
            if values:
                self._append_factor(ContributingFactor(id=self.pm.next_factor_id(), **values))

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
                self.remember("analysis.factors")
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
                self.remember("analysis.factors")
                self.pm.analysis.factors.remove(factor)
                self.query_one("#factors", DataTable).remove_row(factor.id)
                self.load_hints()
                self.changed("analysis")

        self.app.push_screen(ConfirmModal(f"Delete factor {factor.id}?"), done)
