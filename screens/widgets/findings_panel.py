"""The live findings of one step; choosing one moves the cursor to what it is about."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

if TYPE_CHECKING:
    from pm_tui.validation import Finding


_MARK = {"error": ("✗", "bold red"), "warning": ("⚠", "yellow"), "info": ("ℹ", "cyan")}


def finding_label(f: Finding) -> Text:
    """`✗ T-003 time: message`, then the suggested rewrite, as rich text (finding text is
    never parsed as markup); the place in the wizard's own words (pm_tui.validation.labels)."""
    from pm_tui.validation.labels import finding_place

    mark, style = _MARK.get(f.severity, ("•", ""))
    text = Text()
    text.append(f"{mark} ", style=style)
    where = finding_place(f)
    if where:
        text.append(f"{where}: ", style="bold")
    text.append(f.message)
    if f.acknowledged:
        text.append(f" (acknowledged: {f.acknowledged})", style="dim")
    if f.suggestion and not f.acknowledged:
        text.append(f"\n  → {f.suggestion}", style="italic")
    return text


class FindingsPanel(OptionList):
    """Shows findings; posts `FindingsPanel.Chosen` when one is selected."""

    BINDINGS = [Binding("f", "fix", "Fix it")]

    class Chosen(Message):
        """Go to the finding's row or field; with `fix`, open that row's editor too."""

        def __init__(self, finding: Finding, fix: bool = False) -> None:
            super().__init__()
            self.finding, self.fix = finding, fix

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._findings: list[Finding] = []
        self.border_title = "Findings"

    def show(self, findings: list[Finding], *, pending: bool = False) -> None:
        """Replace the list with `findings`; `pending`: validation has not run yet."""
        self._findings = list(findings)
        self.clear_options()
        if pending:
            self.add_option(Option(Text("validating…", style="dim"), disabled=True))
            return
        if not findings:
            self.add_option(
                Option(Text("✓ nothing to fix in this step", style="green"), disabled=True)
            )
        else:
            self.add_options([Option(finding_label(f), id=str(i)) for i, f in enumerate(findings)])
        from pm_tui.validation.labels import plural

        errors = sum(f.severity == "error" for f in findings)
        self.border_title = (
            f"Findings ({len(findings)}, {plural(errors, 'error')}) — enter: go to · f: fix"
            if findings
            else "Findings"
        )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Chosen(self._findings[int(event.option.id)]))

    def action_fix(self) -> None:
        if self.highlighted is None or not self._findings:
            return
        option = self.get_option_at_index(self.highlighted)
        if option.id is not None:
            self.post_message(self.Chosen(self._findings[int(option.id)], fix=True))
