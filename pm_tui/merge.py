"""Three-way merge of a post-mortem: two edits made at once both survive when they touch
different fields or rows; when they touch the same one, the second is refused.

`base` is what an editor read, `mine` what it wants to write, `theirs` what the file holds
now (another pm-tui, a person's editor or a `git pull` wrote it meanwhile). Rows of the
timeline, actions, factors, sources, distribution and acknowledgements merge by their key;
every other field merges whole.
"""

from __future__ import annotations

import copy
from dataclasses import fields, is_dataclass
from typing import Any

from pm_tui.errors import PmTuiError
from pm_tui.model import PostMortem


class MergeConflict(PmTuiError):
    """Both edits changed the same field or row: `what` names it."""

    exit_code = 1

    def __init__(self, what: str):
        self.what = what
        super().__init__(what)


def _source_key(source) -> str:
    from pm_tui.collectors.common import source_key

    return source_key(source)


# list fields whose rows have a key, and the key
_ROW_KEYS = {
    "timeline": lambda r: r.id,
    "actions": lambda r: r.id,
    "factors": lambda r: r.id,
    "sources": _source_key,
    "distribution": lambda r: (r.sent_at, r.channel),
    "acknowledged": lambda r: (r.rule, r.location),
}


def merge_postmortems(base: PostMortem, mine: PostMortem, theirs: PostMortem) -> PostMortem:
    """The post-mortem holding both edits; MergeConflict when they touch the same thing."""
    return _merge(base, mine, theirs, "")


def _one_side(base: Any, mine: Any, theirs: Any) -> list | None:
    """[the merge] when both sides agree or only one changed (a copy), else None (a merged
    value may itself be None, hence the list)."""
    if mine == theirs or theirs == base:
        return [copy.deepcopy(mine)]
    if mine == base:
        return [copy.deepcopy(theirs)]
    return None


def _merge(base: Any, mine: Any, theirs: Any, where: str) -> Any:
    if (done := _one_side(base, mine, theirs)) is not None:
        return done[0]
    if is_dataclass(mine) and type(mine) is type(base) is type(theirs):
        out = copy.copy(mine)
        for f in fields(mine):
            name = f"{where}.{f.name}" if where else f.name
            b, m, t = getattr(base, f.name), getattr(mine, f.name), getattr(theirs, f.name)
            if f.name in _ROW_KEYS and isinstance(m, list):
                setattr(out, f.name, _merge_rows(b, m, t, name, _ROW_KEYS[f.name]))
            else:
                setattr(out, f.name, _merge(b, m, t, name))
        return out
    raise MergeConflict(where or "the post-mortem")


def _merge_rows(base: list, mine: list, theirs: list, where: str, key) -> list:
    if (done := _one_side(base, mine, theirs)) is not None:
        return done[0]
    try:
        b, m, t = ({key(r): r for r in rows} for rows in (base, mine, theirs))
    except (AttributeError, TypeError):
        raise MergeConflict(where) from None
    if len(b) != len(base) or len(m) != len(mine) or len(t) != len(theirs):
        raise MergeConflict(where)  # keys not unique: rows cannot be told apart
    merged: dict = {}
    for k in [*t, *(k for k in m if k not in t)]:
        br, mr, tr = b.get(k), m.get(k), t.get(k)
        if mr == tr:
            row = mr
        elif mr == br:
            row = tr
        elif tr == br:
            row = mr
        else:
            raise MergeConflict(f"{where} row {k if isinstance(k, str) else k[0]}")
        if row is not None:
            merged[k] = copy.deepcopy(row)
    return list(merged.values())
