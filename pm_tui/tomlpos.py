"""Where a key is in post-mortem TOML text: line and column for path:line:column messages
and for placing validation findings."""

from __future__ import annotations

import re

_HEADER_RE = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-\" ]+?)\s*\]\]?")
_KEY_RE = re.compile(r"^\s*([A-Za-z0-9_\-]+)\s*=")
# _HEADER_RE on every line after the first, at once, in a text whose lines end in "\n"
# ("\s" within a line is then whitespace other than "\n"). Texts with other line breaks,
# which splitlines() also splits on, are read line by line.
_HEADER_LINE = re.compile(r"\n([^\S\n]*)(\[\[?)[^\S\n]*([A-Za-z0-9_.\-\" ]+?)[^\S\n]*\]\]?")
_ODD_LINE_BREAKS = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def locate(text: str, path: tuple) -> tuple[int, int]:
    """Line and column (1-based) of the key at `path`, e.g. ("timeline", 2, "time").

    Falls back to the closest enclosing table header, then to 1:1.
    """
    return KeyIndex(text).locate(path)


class KeyIndex:
    """Where the keys and table headers of a TOML text are, for placing many findings in
    one text: the headers are found once, and a table's keys are read the first time a
    path into that table is asked for (a finding is about a few tables, not all)."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        # (table, index among tables of that name) -> the last header line, and the line
        # ranges under its headers (the same table may have several).
        self._headers: dict[tuple[str, int], tuple[int, int]] = {}
        self._ranges: dict[tuple[str, int], list[tuple[int, int]]] = {}
        self._keys: dict[tuple[str, int], dict[str, tuple[int, int]]] = {}
        current, first = ("", 0), 0
        counts: dict[str, int] = {}
        for i, kind, name, column in self._header_lines(text):
            self._ranges.setdefault(current, []).append((first, i))
            name = name.replace('"', "").strip()
            if kind == "[[":
                counts[name] = counts.get(name, -1) + 1
            current, first = (name, counts.get(name, 0)), i + 1
            self._headers[current] = (i + 1, column)
        self._ranges.setdefault(current, []).append((first, len(self.lines)))

    def _header_lines(self, text: str) -> list[tuple[int, str, str, int]]:
        """The table headers: line index, "[" or "[[", the name as written, column."""
        headers = []
        if any(ch in text for ch in _ODD_LINE_BREAKS):
            for i, line in enumerate(self.lines):
                m = _HEADER_RE.match(line) if "[" in line else None
                if m:
                    headers.append((i, m.group(1), m.group(2), m.start(1) + 1))
            return headers
        m = _HEADER_RE.match(self.lines[0]) if self.lines else None
        if m:
            headers.append((0, m.group(1), m.group(2), m.start(1) + 1))
        n, seen = 0, 0  # lines end in "\n" only: line n follows the n-th "\n"
        for m in _HEADER_LINE.finditer(text):
            start = m.start()
            n += text.count("\n", seen, start) + 1
            seen = start + 1
            # The match starts at the "\n": the column of "[" is its distance from it.
            headers.append((n, m.group(2), m.group(3), m.start(2) - start))
        return headers

    def _table_keys(self, table: tuple[str, int]) -> dict[str, tuple[int, int]]:
        """First line and column of each key set in `table`, read on first use."""
        keys = self._keys.get(table)
        if keys is None:
            keys = self._keys[table] = {}
            for first, end in self._ranges.get(table, ()):
                for i in range(first, end):
                    line = self.lines[i]
                    km = _KEY_RE.match(line) if "=" in line else None
                    if km and km.group(1) not in keys:
                        keys[km.group(1)] = (i + 1, line.index(km.group(1)) + 1)
        return keys

    def locate(self, path: tuple) -> tuple[int, int]:
        """Line and column (1-based) of the key at `path`, as `locate` promises."""
        # Split path into the table part and the final key.
        table_parts: list[str] = []
        index_for: dict[str, int] = {}
        key = None
        items = list(path)
        i = 0
        while i < len(items):
            part = items[i]
            if isinstance(part, int):
                index_for[".".join(table_parts)] = part
            elif i == len(items) - 1 or (
                i == len(items) - 2
                and isinstance(items[-1], int)
                and not _is_table_array(table_parts, part)
            ):
                key = part
                break
            else:
                table_parts.append(part)
            i += 1
        target = ".".join(table_parts)
        table = (target, index_for.get(target, 0))
        if key is not None and key in self._table_keys(table):
            return self._table_keys(table)[key]
        return self._headers.get(table, (1, 1))


def _is_table_array(table_parts: list[str], part: str) -> bool:
    return ".".join([*table_parts, part]) in _ARRAYS_OF_TABLES


_ARRAYS_OF_TABLES = {
    "sources",
    "timeline",
    "analysis.factors",
    "analysis.five_whys",
    "actions",
    "distribution",
    "acknowledged",
}
