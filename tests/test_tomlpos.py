"""KeyIndex places keys exactly where the straightforward line-by-line scan does."""

from __future__ import annotations

from pathlib import Path

import pytest

from pm_tui.tomlpos import _HEADER_RE, _KEY_RE, KeyIndex, _is_table_array

SAMPLES = sorted((Path(__file__).resolve().parents[1] / "sample_incidents").glob("*.toml"))
SMALL = (
    'a = 1\n[x]\nb = 2\n[[y]]\nc=1\n[[y]]\nc=2\n# [z]\n[x]\nb = 3\nq=1\n  [ "w" ] \n'
    "\tq = 2\n[[ y ]]\n c = 3\n"
)


def _scan(text: str, path: tuple) -> tuple[int, int]:
    """The straightforward locate: one pass over the lines for each path (as before)."""
    table_parts: list[str] = []
    index_for: dict[str, int] = {}
    key = None
    items = list(path)
    for i, part in enumerate(items):
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
    target = ".".join(table_parts)
    current, counts, header_line = "", {}, None
    for n, line in enumerate(text.splitlines(), 1):
        m = _HEADER_RE.match(line)
        if m and not line.lstrip().startswith("#"):
            current = m.group(2).replace('"', "").strip()
            if m.group(1) == "[[":
                counts[current] = counts.get(current, -1) + 1
            if current == target and counts.get(current, 0) == index_for.get(target, 0):
                header_line = (n, line.index("[") + 1)
            continue
        in_target = current == target and counts.get(current, 0) == index_for.get(target, 0)
        if key is not None and in_target:
            km = _KEY_RE.match(line)
            if km and km.group(1) == key:
                return n, line.index(key) + 1
    return header_line or (1, 1)


def _texts() -> list[str]:
    base = [p.read_text(encoding="utf-8") for p in SAMPLES] + [SMALL, "[x]\na=1\n[x]\na=2\nb=1"]
    return (
        base
        + [t.replace("\n", "\r\n") for t in base]  # other line breaks: the line-by-line path
        + [t.replace("\n", "\n\t") for t in base]  # indented headers and keys
        + ["\n" + t + "\n\n" for t in base]
        + [t.replace("\n", "\u2028") for t in base[:2]]
    )


KEYS = "title summary status time text id action owner deadline description whys b c q a nope"
TABLES = [(), ("timeline",), ("actions",), ("analysis",), ("analysis", "factors"), ("x",)]
TABLES += [("analysis", "five_whys"), ("retrospective",), ("window",), ("y",), ("w",), ("z",)]


@pytest.mark.parametrize("text", _texts(), ids=lambda t: repr(t[:12]))
def test_key_index_places_every_path_like_the_line_scan(text):
    index = KeyIndex(text)
    checked = 0
    for table in TABLES:
        for row in (None, 0, 1, 2, 7):
            base = table if row is None else (*table, row)
            for key in [*KEYS.split(), None]:
                path = base if key is None else (*base, key)
                if path:
                    assert index.locate(path) == _scan(text, path), path
                    checked += 1
    assert checked > 300
