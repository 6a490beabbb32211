"""A table that lays out for the width it has.

The short columns that matter (owner, deadline, priority, status; time, kind) keep their
width; the one long-text column ("Action", "What happened") takes what they leave and
ends in "…" when its text is longer (the whole text is in the row's detail line and its
form). Optional columns (a factor id, a source) are shown only when there is room for
them beside a readable long text. Widths follow every resize: 80 columns and 200 alike.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual import events

from screens.widgets.bulk_table import BulkTable


class FitTable(BulkTable):
    """A BulkTable whose `flex` column fills the width the fixed columns leave."""

    def __init__(
        self,
        *,
        flex: str,
        flex_min: int = 16,
        flex_max: int = 400,
        optional: Iterable[str] = (),
        **kwargs,
    ) -> None:
        super().__init__(**kwargs)
        self.flex, self.flex_min, self.flex_max = flex, flex_min, flex_max
        self.optional = tuple(optional)  # dropped first when the room is short, last first
        self._wanted: dict[str, int] = {}

    def add_fit_columns(self, columns: Iterable[tuple[str, str, int | None]]) -> None:
        """Add (key, label, width) columns; width None marks the flexible one."""
        for key, label, width in columns:
            self._wanted[key] = width or 0
            self.add_column(Text(label), key=key, width=width or self.flex_min)
        self.fit_columns()

    def _room(self) -> int:
        # The vertical scrollbar's room is kept free whether it shows or not: a width that
        # changed when the rows outgrow the height would make the columns jump.
        return self.content_region.width - self.styles.scrollbar_size_vertical

    def fit_columns(self) -> None:
        """Give the flexible column the width left (at least `flex_min`), dropping optional
        columns while it would be shorter than that."""
        if self.flex not in self.columns or self.content_region.width <= 0:
            return
        pad = 2 * self.cell_padding
        shown = dict(self._wanted)
        room = self._room()

        def left() -> int:
            fixed = sum(w + pad for k, w in shown.items() if k != self.flex and w)
            hidden = sum(pad for k, w in shown.items() if k != self.flex and not w)
            return room - fixed - hidden - pad

        for key in reversed(self.optional):
            if left() >= self.flex_min:
                break
            if key in shown:
                shown[key] = 0
        shown[self.flex] = max(self.flex_min, min(self.flex_max, left()))
        changed = False
        for key, width in shown.items():
            column = self.columns.get(key)  # type: ignore[call-overload]
            if column is not None and (column.width != width or column.auto_width):
                column.width, column.auto_width, changed = width, False, True
        if changed:
            self.column_widths_changed()

    def flex_width(self) -> int:
        """The flexible column's width now."""
        column = self.columns.get(self.flex)  # type: ignore[call-overload]
        return column.width if column is not None else 0

    def on_resize(self, event: events.Resize) -> None:
        self.fit_columns()
