"""Suggested timeline events (reconstructed candidates): enter accepts, x dismisses."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from pm_tui.timeline import HIGH_CONFIDENCE


def candidate_label(c, like: str = "") -> Text:
    """`22:10:05 alert_fired Disk alarm  (0.90)` as rich text; candidate text is never markup.
    `like`: the row it nearly repeats, flagged first ("≈ T-005")."""
    label = Text(no_wrap=True, overflow="ellipsis")
    if like:
        label.append(f"≈{like} ", style="bold yellow")
    label.append(f"{c.time:%H:%M:%S} ", style="bold")
    label.append(f"{c.kind} ", style="cyan")
    label.append(str(c.text))
    label.append(
        f"  ({c.confidence:.2f})", style="green" if c.confidence >= HIGH_CONFIDENCE else "dim"
    )
    return label


class CandidatesPanel(OptionList):
    """Lists candidates by their stable ids; the screen decides what accept and dismiss do."""

    def show(self, candidates: list, timeline: list | None = None) -> None:
        """Replace the list with `candidates` (a hint when there are none); those that nearly
        repeat a row of `timeline` are flagged with that row's id."""
        from pm_tui.timeline import near_duplicate

        self.clear_options()
        self.border_title = (
            f"Suggested ({len(candidates)}) — enter accept · x dismiss · h all high"
            if candidates
            else "Suggested"
        )
        self.set_class(not candidates, "-empty")
        if not candidates:
            self.add_option(
                Option(
                    Text("no suggestions: collect evidence in step 1", style="dim"), disabled=True
                )
            )
            return
        options = []
        for c in candidates:
            row = near_duplicate(timeline, c) if timeline else None
            options.append(Option(candidate_label(c, row.id if row else ""), id=c.id))
        self.add_options(options)

    def highlighted_id(self) -> str | None:
        """The id of the highlighted candidate, if any."""
        if self.highlighted is None:
            return None
        return self.get_option_at_index(self.highlighted).id
