"""Light table cells for long tables.

DataTable measures every cell of every new row to size its columns, even columns with a
fixed width (Textual 8.2), and each measure asks the console for the terminal size; and a
rich Text costs a few microseconds to build. For a 5,000-row timeline those two were
most of the load time. A `PlainCell` holds the plain string, is not measured (no
`__rich_measure__`, so give it only to fixed-width columns) and becomes a Text only
when a row is drawn. The string is never read as markup: "[/api]" shows as typed.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text

from pm_tui.safetext import has_controls, neutralise


class PlainCell:
    """A cell showing `plain` as typed, in `style`; str() gives the text back."""

    __slots__ = ("plain", "style")

    def __init__(self, plain: str, style: str = "") -> None:
        self.plain, self.style = plain, style

    def __str__(self) -> str:
        return self.plain

    def __repr__(self) -> str:
        return f"PlainCell({self.plain!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PlainCell) and (self.plain, self.style) == (
            other.plain,
            other.style,
        )

    __hash__ = None  # type: ignore[assignment]

    def __rich_console__(self, console, options):
        # text from files (another post-mortem's action, an owner): controls shown, not obeyed
        plain = neutralise(self.plain) if has_controls(self.plain) else self.plain
        yield Text(plain, style=self.style, no_wrap=True, overflow="ellipsis", end="")


def fitting_width(texts, minimum: int, maximum: int) -> int:
    """The width that shows the longest of `texts`, kept within [minimum, maximum]."""
    longest = max((cell_len(t) for t in texts), default=0)
    return max(minimum, min(maximum, longest))
