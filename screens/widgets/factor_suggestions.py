"""Step 3's suggestions: factor hints from the timeline (enter adds one) and past incidents."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from pm_tui.safetext import neutralise


def hint_label(hint) -> Text:
    """`capacity — description (T-003, T-004)` as rich text (never markup)."""
    text = Text(f"{hint.category} ", style="bold cyan")
    text.append(hint.description)
    if hint.events:
        text.append(f"  ({', '.join(hint.events)})", style="dim")
    return text


def related_label(r) -> Text:
    """`2025-01-10 P2 Title — shares: api · capacity`."""
    text = Text(f"{r.date.isoformat()} {r.severity} ", style="bold")
    text.append(neutralise(r.title))  # another post-mortem's words: controls shown
    shared = [*r.shared_services, *r.shared_categories]
    text.append(neutralise(f"  shares {' · '.join(shared)}"), style="dim")
    return text


class HintList(OptionList):
    """Factor hints by index; the screen turns the chosen one into a factor."""

    def show(self, hints: list) -> None:
        self.clear_options()
        if not hints:
            self.add_option(
                Option(Text("no suggestions from the timeline", style="dim"), disabled=True)
            )
            return
        self.add_options([Option(hint_label(h), id=str(i)) for i, h in enumerate(hints)])


class RelatedList(OptionList):
    """Past incidents sharing services or factor categories (read-only list)."""

    def show(self, related: list | None, error: str = "") -> None:
        self.clear_options()
        if error:
            self.add_option(Option(Text(error, style="red"), disabled=True))
        elif related is None:
            self.add_option(Option(Text("looking for past incidents…", style="dim"), disabled=True))
        elif not related:
            self.add_option(Option(Text("no related past incidents", style="dim"), disabled=True))
        else:
            self.add_options([Option(related_label(r), id=r.id) for r in related])
