"""A DataTable that adds many keyed rows at once, and updates one row without a re-render.

`DataTable.add_row` re-assigns the cursor (an always-update reactive: validation and
watchers) and schedules an idle check for every row; for 5,000 rows that is a third of
the load time. `add_keyed_rows` does add_row's bookkeeping for each row and those two
once, with the garbage collector paused (thousands of small objects otherwise set off
full collections over the whole app's heap). It uses DataTable internals (Textual 8.x),
so it falls back to add_row when they are not there.

`DataTable.update_cell` bumps the table's update count, the key of every render cache:
each edit then re-renders every visible row and rebuilds the row order and line offsets
of all 5,000 rows (40 ms a frame here). `update_row_in_place` drops only that row's
cached renders and repaints only its line. And with fixed-width columns and one-line
rows there is nothing to measure once rows are added, so sizing skips it.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Sequence
from contextlib import contextmanager

from textual.geometry import Size
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey, DuplicateKey, RowKey

try:
    from textual.widgets._data_table import Row
except ImportError:  # pragma: no cover - a Textual without it takes the slow path
    Row = None  # type: ignore[assignment,misc]

_INTERNALS = ("_row_locations", "_data", "_new_rows", "_update_count")
_CACHES = ("_row_renderable_cache", "_cell_render_cache", "_row_render_cache", "_line_cache")


@contextmanager
def gc_paused():
    """Pause the garbage collector for a burst of allocations that leaves no cycles."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class BulkTable(DataTable):
    """DataTable plus `add_keyed_rows` (height-1 rows, no labels)."""

    def add_keyed_rows(self, rows: Iterable[tuple[str, Sequence[object]]]) -> int:
        """Add (key, cells) rows at the bottom; returns how many were added."""
        if Row is None or not all(hasattr(self, name) for name in _INTERNALS):
            count = 0
            for key, cells in rows:
                self.add_row(*cells, key=key)
                count += 1
            return count
        # Thousands of small objects trigger full garbage collections over the whole app's
        # heap; none of them is cyclic garbage, so collect after, not during.
        with gc_paused():
            return self._add_keyed_rows(rows)

    def _add_keyed_rows(self, rows: Iterable[tuple[str, Sequence[object]]]) -> int:
        column_keys = [c.key for c in self.ordered_columns]
        locations, data, meta, new = self._row_locations, self._data, self.rows, self._new_rows
        was_empty = self.row_count == 0
        count = 0
        for key, cells in rows:
            row_key = RowKey(key)
            if row_key in locations:
                raise DuplicateKey(f"The row key {row_key!r} already exists.")
            if len(cells) > len(column_keys):
                raise ValueError("More values provided than there are columns.")
            locations[row_key] = len(meta)
            data[row_key] = dict(zip(column_keys, cells, strict=False))
            meta[row_key] = Row(row_key, 1, None, False)
            new.add(row_key)
            count += 1
        if not count:
            return 0
        self._require_update_dimensions = True
        self.cursor_coordinate = self.cursor_coordinate
        if was_empty and self.columns and self.show_cursor and self.cursor_type != "none":
            self._highlight_cursor()
        self._update_count += 1
        self.check_idle()
        return count

    def update_row_in_place(self, row_key: str, values: dict[str, object]) -> None:
        """Set cells of row `row_key` (column key -> value) when no column width changes."""
        if Row is None or not all(hasattr(self, name) for name in _INTERNALS + _CACHES):
            for column, value in values.items():
                self.update_cell(row_key, column, value)
            return
        key = RowKey(row_key)
        row = self._data[key]  # KeyError: no such row, as update_cell would refuse it
        for column, value in values.items():
            column_key = ColumnKey(column)
            if column_key not in self.columns:
                raise KeyError(f"No column {column!r} in the table.")
            row[column_key] = value
        self._forget_row_renders(key)
        self.refresh_row(self._row_locations.get(key))

    def column_widths_changed(self) -> None:
        """Redraw every row after a column's width was changed (rows keep order and height)."""
        if not all(hasattr(self, name) for name in _CACHES + ("_row_label_column_width",)):
            self._update_count += 1
            self.refresh(layout=True)
            return
        # update_cell(update_width=True) would also rebuild the row order and line offsets
        # of every row; a new width only invalidates what was drawn.
        for name in ("_cell_render_cache", "_row_render_cache", "_line_cache"):
            getattr(self, name).clear()
        self._styles_cache.clear()
        self._set_virtual_size()
        self.refresh()

    def _set_virtual_size(self) -> None:
        header = self.header_height if self.show_header else 0
        width = sum(c.get_render_width(self) for c in self.columns.values())
        self.virtual_size = Size(
            width + self._row_label_column_width, self._total_row_height + header
        )

    def _forget_row_renders(self, key: RowKey) -> None:
        index = self._row_locations.get(key)
        self._row_renderable_cache.discard((self._update_count, index))
        for cache in (self._cell_render_cache, self._row_render_cache):
            for cache_key in [k for k in cache.keys() if k[0] == key]:
                cache.discard(cache_key)
        # Lines are cached by their y in the table; find the ones this row covers.
        lines = self._line_cache
        offsets, top = self._y_offsets, self.header_height if self.show_header else 0
        for cache_key in list(lines.keys()):
            y = cache_key[0] - top
            if 0 <= y < len(offsets) and offsets[y][0] == key:
                lines.discard(cache_key)

    def _update_dimensions(self, new_rows) -> None:
        if self._nothing_to_measure(new_rows):
            # DataTable would build and measure every new row's cells (half a second for
            # 5,000 rows, the screen frozen) only to learn what fixed widths and one-line
            # rows already say: set the scrollable size straight away.
            self._set_virtual_size()
            return
        # Sizing new rows builds their renderables: the same burst of small objects.
        with gc_paused():
            super()._update_dimensions(new_rows)

    def _nothing_to_measure(self, new_rows) -> bool:
        if not hasattr(self, "_row_label_column_width") or any(
            column.auto_width for column in self.columns.values()
        ):
            return False
        rows = self.rows
        for key in new_rows:
            row = rows.get(key)
            if row is not None and (row.label is not None or row.auto_height or row.height != 1):
                return False
        return True
