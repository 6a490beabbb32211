"""A big alternation of phrases searched in every log line, answered first by plain substring tests.

Python's `re` tries every branch of an alternation at every position of the line: the timeline's
precursor pattern (about 50 phrases, case-insensitive) costs ~28 us a line, half the time of
reading an evidence folder (bench/bench_evidence_folder.py). Every branch of such a pattern
holds a word it cannot match without (`table`, ` link `, `watermark`), so a line holding none of
them is answered at once; any other line is searched by the pattern itself, so the answer is
always the pattern's. The words are read from the compiled pattern (the parser of `re`, a
private module), never written twice: a phrase added to the pattern is covered the day it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable

try:  # Python 3.11+
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover - older layout
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

MIN_WORD = 3  # a shorter required literal ("to ") is in most lines: it would filter nothing


def gated_search(pattern: re.Pattern[str]) -> Callable[[str], re.Match[str] | None]:
    """`pattern.search`, answering None at once for an ASCII text that holds none of the words
    every match of the pattern needs (the same answer the search gives, sooner)."""
    words = _required_words(pattern)
    if not words:
        return pattern.search
    fold = bool(pattern.flags & re.IGNORECASE)
    search = pattern.search

    def gated(text: str) -> re.Match[str] | None:
        if text.isascii():  # re's case folding of non-ASCII letters is not str.lower's
            haystack = text.lower() if fold else text
            for w in words:
                if w in haystack:
                    return search(text)
            return None
        return search(text)

    return gated


def _required_words(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Words one of which is in every text the pattern matches (lowered when it ignores case);
    None when that cannot be told from its parse, or a word is not plain ASCII."""
    if not isinstance(pattern.pattern, str) or pattern.flags & (re.LOCALE | re.VERBOSE):
        return None
    try:
        parsed = _p.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - a parser we do not know: no gate, the plain search
        return None
    words = _needs(list(parsed), bool(pattern.flags & re.IGNORECASE))
    if not words or not all(w.isascii() for w in words):
        return None
    # a word holding another is in a text only if that one is: test the shorter alone
    return tuple(sorted(w for w in words if not any(o != w and o in w for o in words)))


def _needs(items: list, fold: bool) -> set[str] | None:
    """One of these words is in any match of the sequence `items` (every item of a sequence is
    matched), or None. A run of literals is such a word; so is, for an alternation, the union
    of what each of its branches needs."""
    run: list[str] = []
    runs: list[str] = []
    branches: list[set[str]] = []
    for op, av in [*items, (None, None)]:
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        if len(run) >= MIN_WORD:
            runs.append("".join(run))
        run = []
        if op is _c.BRANCH:
            each = [_needs(list(branch), fold) for branch in av[1]]
            if all(each):
                branches.append(set().union(*each))
        elif op is _c.SUBPATTERN and not av[1] and not av[2]:  # a group with no flags of its own
            inner = _needs(list(av[3]), fold)
            if inner:
                branches.append(inner)
    if runs:
        best = {max(runs, key=len)}
    elif branches:
        best = min(branches, key=len)
    else:
        return None
    return {w.lower() for w in best} if fold else best
