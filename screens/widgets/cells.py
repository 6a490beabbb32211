"""Table cells that Textual's DataTable does not measure.

DataTable measures every cell of every new row to size its columns, even columns with a
fixed width (Textual 8.2), and each measure asks the console for the terminal size: for a
5,000-row timeline that is most of the load time. A cell without `__rich_measure__` is
skipped (measured as 1), so give such cells only to columns with a fixed width.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text


class FixedCell(Text):
    """Rich Text (never parsed as markup) for a fixed-width column: not measured."""

    __rich_measure__ = None  # type: ignore[assignment]

    def __bool__(self) -> bool:
        # DataTable swaps a falsy (empty) cell for its own Text, which it would measure.
        return True


def fitting_width(texts, minimum: int, maximum: int) -> int:
    """The width that shows the longest of `texts`, kept within [minimum, maximum]."""
    longest = max((cell_len(t) for t in texts), default=0)
    return max(minimum, min(maximum, longest))
