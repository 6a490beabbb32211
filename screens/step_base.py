"""What every wizard step shares: indicator, guidance, live findings, Next/Back in the footer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Static

from pm_tui.model import PostMortem
from screens.messages import PostMortemChanged
from screens.widgets.findings_panel import FindingsPanel
from screens.widgets.step_indicator import StepIndicator, step_title
from screens.widgets.wizard_footer import WizardFooter
from screens.widgets.wizard_header import WizardHeader

if TYPE_CHECKING:
    from pm_tui.validation import Finding


def finding_marks(findings: list[Finding]) -> dict[str, Text]:
    """`✗` (an error) or `⚠` per table row the open findings are about, for an inline column."""
    marks: dict[str, Text] = {}
    for f in findings:
        if not f.row or f.acknowledged:
            continue
        if f.severity == "error":
            marks[f.row] = Text("✗", style="bold red")
        elif f.row not in marks:
            marks[f.row] = Text("⚠", style="yellow")
    return marks


class StepScreen(Screen):
    """A wizard step over the working post-mortem `pm` (edited in place; changes announced)."""

    STEP = 0
    GUIDANCE = ""
    # Next, Back, Save and Commit first, so a narrow footer shows them before the step's own
    # keys; Quit (ctrl+q) is the same everywhere and gives its room to them.
    BINDINGS = [
        Binding("ctrl+n", "app.next_step", "Next"),
        Binding("ctrl+b", "app.prev_step", "Back"),
        Binding("ctrl+s", "app.save", "Save"),
        Binding("ctrl+g", "app.commit", "Commit"),
        Binding("question_mark,f1", "app.key_help", "Help", key_display="?"),
        Binding("ctrl+z", "undo", "Undo", show=False),
    ]
    # The sections of the model this step's tables edit: ctrl+z steps back through them.
    UNDO_SECTIONS: tuple[str, ...] = ()
    # Below 140 columns the guidance and findings go under the work area (see app.tcss), so
    # tables get the whole width; below 100 the guidance is only in the key help (?).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-medium"), (140, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]

    def __init__(self, pm: PostMortem) -> None:
        super().__init__(name=f"step{self.STEP}")
        self.pm = pm

    def compose(self) -> ComposeResult:
        yield WizardHeader(show_clock=False)
        yield StepIndicator(self.STEP, id="steps")
        with Horizontal(id="step-body"):
            with Vertical(id="main"):
                yield from self.compose_main()
            with Vertical(id="side"):
                guidance = Static(Text(self.GUIDANCE.strip()), id="guidance")
                guidance.border_title = f"Step {step_title(self.STEP)}: what to produce"
                yield guidance
                yield FindingsPanel(id="findings")
        yield WizardFooter()

    def compose_main(self) -> ComposeResult:  # pragma: no cover - abstract
        yield from ()

    def on_mount(self) -> None:
        self.load()
        self.show_findings(self.app.findings_for(self.STEP))
        # A post-mortem just opened is validated once this step is on screen (in a worker).
        validate = getattr(self.app, "validate_when_pending", None)
        if validate is not None:
            self.call_after_refresh(validate)
        loaded = getattr(self.app, "step_loaded", None)
        if loaded is not None:  # the keys typed while this step loaded go to it now
            self.call_after_refresh(loaded)

    # --- to override ------------------------------------------------------------------
    def load(self) -> None:
        """Fill the widgets from the model."""

    def on_findings(self, findings: list[Finding]) -> None:
        """Hook: show findings inline (e.g. a column in a table)."""

    def model_updated(self, section: str) -> None:
        """Hook: the app changed `section` of the model (e.g. tickets filed); show it."""

    # --- shared -------------------------------------------------------------------------
    @property
    def read_only(self) -> bool:
        return bool(getattr(self.app, "read_only", False))

    def can_edit(self) -> bool:
        """False (and a notice) when this window is read-only."""
        if self.read_only:
            self.notify(
                "Read-only: another pm-tui window is editing this post-mortem.", severity="warning"
            )
            return False
        return True

    def remember(self, *sections: str, about: str | None = None, extra: object = None) -> None:
        """Call before an edit of `sections`: ctrl+z brings them back (several levels), and
        hands `extra` to `restore` (what the step keeps beside the model)."""
        self.app.history.record(self.pm, *sections, about=about, extra=extra)

    def action_undo(self) -> None:
        if not self.UNDO_SECTIONS or not self.can_edit():
            return
        edit = self.app.history.undo_edit(self.pm, self.UNDO_SECTIONS)
        if edit is None:
            self.notify("Nothing to undo in this step.")
            return
        if edit.extra is not None:
            self.restore(edit.extra)
        self.reload(edit.about)
        if edit.sections:
            self.changed(edit.sections[0].split(".")[0])
        self.notify("Undone.", timeout=2)

    def reload(self, section: str) -> None:
        """Hook: show `section` again after an undo put an earlier version in the model."""

    def restore(self, extra: object) -> None:
        """Hook: put back what an undone edit changed beside the model (its `extra`)."""

    def changed(self, section: str) -> None:
        """Announce an edit of the model to the app (validation, autosave)."""
        self.post_message(PostMortemChanged(section))

    def show_findings(self, findings: list[Finding]) -> None:
        panels = self.query(FindingsPanel)
        if not panels:  # not composed yet: on_mount asks the app for them
            return
        panels.first().show(findings, pending=not getattr(self.app, "validated", True))
        self.on_findings(findings)

    def on_findings_panel_chosen(self, event: FindingsPanel.Chosen) -> None:
        # Enter on a finding: to its row or field; f: that row's editor open to fix it too.
        on_row = self.focus_location(event.finding)
        edit = getattr(self, "action_edit", None)
        if event.fix and on_row and edit is not None:
            self.call_after_refresh(edit)

    def focus_location(self, finding: Finding) -> bool:
        """Move the cursor to the row or field a finding is about; True when on a table row."""
        if finding.row:
            for table in self.query(DataTable):
                try:
                    index = table.get_row_index(finding.row)
                except Exception:  # noqa: BLE001 - RowDoesNotExist: try the next table
                    continue
                table.move_cursor(row=index)
                table.focus()
                return True
        if finding.field:
            name = finding.field.split("[", 1)[0]
            for widget in self.query(f"#{name}"):
                if widget.focusable:
                    widget.focus()
                    return False
        return False
