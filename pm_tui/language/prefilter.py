"""A cheap test that a whole text cannot hold a blame finding, so most fields skip the
per-sentence rules.

For each blame rule the test knows, from the rule's own regular expression, the literal
strings one of which any match must contain (e.g. "fail(?:ed|s)? to" needs "fail to",
"failed to" or "fails to"). A text in which, rule by rule, those strings are absent cannot
match, and so cannot get a finding. Anything unusual (non-ASCII text, where case-insensitive
matching is more than lower-casing) skips the shortcut and runs every rule.
"""

from __future__ import annotations

import json
import re
import zlib
from functools import cache
from itertools import product
from pathlib import Path

from pm_tui.language import blame
from pm_tui.language.text import MASK

try:  # the stdlib's own pattern parser; without it the shortcut is simply off
    from re import _constants as _c
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover
    _sre_parse = None

# A group: strings one of which must be in the text, and, when some of them hold a word
# boundary, the same strings as a pattern with the boundaries. A requirement: alternatives,
# each a list of groups that must all be found.
Group = tuple[frozenset[str], "_Bounded | None"]
Requirement = list[list[Group]]

# Stands for \b inside the expanded strings. Kept only next to a letter or digit, where the
# probe text (lower-cased, masked characters made spaces) has a word boundary wherever the
# sentence has one, so the test stays a necessary condition.
_B = "\x00"

_MAX_STRINGS = 256  # expanding "(?:a|b)(?:c|d)..." multiplies; stop before it gets large
_EDGES = (
    ()
    if _sre_parse is None
    else (
        _c.AT_BOUNDARY,
        _c.AT_BEGINNING,
        _c.AT_BEGINNING_STRING,
        _c.AT_END,
        _c.AT_END_STRING,
    )
)
# Words too common in post-mortems to file a requirement under, when its strings have a
# rarer word (only speed depends on this).
_COMMON = frozenset("a an the it is was that this on of to in and or be by s".split())
_COMMON |= frozenset("incident outage error errors failure problem".split())
_COMMON |= frozenset(
    """was were been got has had have by so which then their our all every both its with for
    from not no as at be are we they he she you i but if or""".split()
)
_SPACE = None if _sre_parse is None else (_c.IN, [(_c.CATEGORY, _c.CATEGORY_SPACE)])  # \s


def required_strings(pattern: str, flags: int = re.I) -> Requirement | None:
    """Literal strings (lower-cased) a match of `pattern` must contain, as alternatives of
    conjunctions; exact for ASCII text matched case-insensitively. None when unknown."""
    if _sre_parse is None or not flags & re.I:
        return None
    try:
        tree = _sre_parse.parse(pattern, flags)
    except Exception:  # noqa: BLE001 - an unparsable pattern just gets no shortcut
        return None
    need = _need(list(tree))
    return None if any(not conj for conj in need) else need


_NOTHING: Requirement = [[]]  # one alternative that needs nothing


def _exact(item) -> frozenset[str] | None:
    """Every string `item` can match, when that is a small finite set (zero-width: {""})."""
    op, av = item
    if op is _c.LITERAL:
        return frozenset({_char(av)})
    if item == _SPACE:
        return frozenset({" "})  # the probe's whitespace is one space per run
    if op is _c.AT and av in _EDGES:
        # \b, and ^ or $: a sentence's edges are next to a space in the probe, so next to a
        # letter or digit these hold just as \b does.
        return frozenset({_B})
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return frozenset({""})  # zero-width: dropping it can only allow more matches
    if op is _c.IN and all(o is _c.LITERAL for o, _ in av):
        return frozenset(_char(v) for _, v in av)
    if op is _c.SUBPATTERN:
        return _exact_sequence(list(av[-1]))
    if op is _c.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            sub = _exact_sequence(list(branch))
            if sub is None:
                return None
            out |= sub
        return frozenset(out) if len(out) <= _MAX_STRINGS else None
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        low, high, sub = av
        inner = _exact_sequence(list(sub))
        if inner == {" "}:
            return frozenset({" "}) if low >= 1 else frozenset({"", " "})
        if inner is None or high > 1:
            return None
        return inner | {""} if low == 0 else inner
    return None


def _char(code: int) -> str:
    """A literal of the pattern as the probe has it: lower case, whitespace as a space."""
    ch = chr(code)
    return " " if ch.isspace() else ch.lower()


def _exact_sequence(items: list) -> frozenset[str] | None:
    run = frozenset({""})
    for item in items:
        ex = _exact(item)
        if ex is None or len(run) * len(ex) > _MAX_STRINGS:
            return None
        run = frozenset(a + b for a, b in product(run, ex))
    return run


def _lead(items: list, suffix: frozenset[str]) -> frozenset[str]:
    """The strings the leading exact items of `items` match (then `suffix`, when every item
    is exact): what must follow a group that `items` come after."""
    run = frozenset({""})
    for item in items:
        ex = _exact(item)
        if ex is None or len(run) * len(ex) > _MAX_STRINGS:
            return run
        run = frozenset(a + b for a, b in product(run, ex))
    return _join(run, suffix) or run


def _join(run: frozenset[str], ex: frozenset[str]) -> frozenset[str] | None:
    if len(run) * len(ex) > _MAX_STRINGS:
        return None
    return frozenset(a + b for a, b in product(run, ex))


def _need(
    items: list,
    prefix: frozenset[str] = frozenset({""}),
    suffix: frozenset[str] = frozenset({""}),
) -> Requirement:
    """What any match of the sequence `items` (between one of `prefix` and one of `suffix`)
    contains: runs of consecutive items with exact sets, expanded, and what its groups and
    branches need."""
    parts: list[Requirement] = []
    run = prefix

    def close(run: frozenset[str]) -> None:
        group = _group(run)
        if group is not None:
            parts.append([[group]])

    for i, item in enumerate(items):
        ex = _exact(item)
        joined = _join(run, ex) if ex is not None else None
        if joined is not None:
            run = joined
            continue
        op, av = item
        if ex is None and op in (_c.SUBPATTERN, _c.BRANCH):
            after = _lead(items[i + 1 :], suffix)  # the run so far starts it, this ends it
            branches = [av[-1]] if op is _c.SUBPATTERN else av[1]
            alternatives = [conj for b in branches for conj in _need(list(b), run, after)]
            parts.append(_NOTHING if any(not c for c in alternatives) else alternatives)
        else:
            close(run)
            if ex is not None:
                run = ex
                continue
            if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:
                parts.append(_need(list(av[2])))  # "x+" holds at least one x
        run = frozenset({""})
    else:
        run = _join(run, suffix) or run  # the sequence ends in a run: the suffix goes on
    close(run)
    need: Requirement = _NOTHING
    for part in sorted(parts, key=len):
        if len(need) * len(part) > _MAX_STRINGS:
            continue  # leaving a part out only asks for less
        need = [a + b for a in need for b in part]
    return need


def _group(strings: frozenset[str]) -> Group | None:
    """The test for "one of `strings` is in the probe", or None when it tests nothing."""
    kept = {re.sub(" +", " ", _drop_loose_boundaries(s)) for s in strings}
    if any(not s.replace(_B, "") or "_" in s for s in kept):
        return None  # an empty string is always there; "_" would not survive the probe
    plain = frozenset(s.replace(_B, "") for s in kept)
    if not any(_B in s for s in kept):
        return plain, None
    return plain, _Bounded(frozenset(kept))


def _marked_group(marked: frozenset[str]) -> Group:
    plain = frozenset(s.replace(_B, "") for s in marked)
    return plain, (_Bounded(marked) if any(_B in s for s in marked) else None)


class _Bounded:
    """Strings with word-boundary marks, searched as a pattern (compiled when first needed:
    most are never needed, and compiling them all would slow every start of the program)."""

    def __init__(self, marked: frozenset[str]) -> None:
        self.marked = marked
        self._rx: re.Pattern[str] | None = None

    def search(self, probe: str) -> bool:
        if self._rx is None:
            alternatives = (_bounded_pattern(s) for s in sorted(self.marked))
            self._rx = re.compile("|".join(alternatives))
        return self._rx.search(probe) is not None


def _bounded_pattern(marked: str) -> str:
    """The pattern of a string with word-boundary marks. A leading boundary before a word
    character c becomes "c(?<!\\wc)" (no word character before c): a pattern that opens with
    \\b is tried at every position, one that opens with a literal only where it is."""
    parts = marked.split(_B)
    if parts[0] or len(parts) < 2 or not parts[1] or not _is_word(parts[1][0]):
        return r"\b".join(map(re.escape, parts))
    c = re.escape(parts[1][0])
    return c + r"(?<!\w" + c + ")" + r"\b".join(map(re.escape, [parts[1][1:], *parts[2:]]))


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _drop_loose_boundaries(s: str) -> str:
    """`s` without the word-boundary marks that are not next to a letter or digit."""
    out = []
    for i, ch in enumerate(s):
        if ch != _B:
            out.append(ch)
        elif any(0 <= j < len(s) and s[j].isascii() and s[j].isalnum() for j in (i - 1, i + 1)):
            out.append(ch)
    return "".join(out)


def _found(group: Group, probe: str) -> bool:
    strings, bounded = group
    for s in strings:  # the cheap test first: the strings without their word boundaries
        if s in probe:
            return bounded is None or bounded.search(probe)
    return False


def _all_found(conj: list[Group], probe: str) -> bool:
    for group in conj:
        if not _found(group, probe):
            return False
    return True


_TOKEN = re.compile(r"\w+")


class _Index:
    """A rule's requirement, its alternatives filed under a whole word each must contain
    (so a text is only tested against the alternatives, and strings, whose word it has),
    each with every whole word it needs (a set test before any string test)."""

    def __init__(self, req: Requirement | None, rules: list[str] | None = None) -> None:
        """`rules`, when given, names the rule each alternative of `req` belongs to."""
        self.always = req is None
        self.unkeyed: list[_Alternative] = []
        self.by_key: dict[bytes, list[_Alternative]] = {}
        for n, conj in enumerate(req or []):
            rule = rules[n] if rules is not None else ""
            conj = sorted(conj, key=lambda g: len(g[0]))  # the shortest test first
            keyed = _keyed_group(conj)
            if keyed is None:
                self.unkeyed.append((_words_needed(conj), _word_choices(conj), conj, rule))
                continue
            index, by_key = keyed
            rest = conj[:index] + conj[index + 1 :]
            for key, marked in by_key.items():
                filed = [_marked_group(marked), *rest]
                key_bytes = key.encode("ascii", "replace")  # tokens are bytes, see _tokens
                alternative = (_words_needed(filed), _word_choices(filed), filed, rule)
                self.by_key.setdefault(key_bytes, []).append(alternative)
        self.keys = frozenset(self.by_key)
        self._stored: dict[str, list] = {}

    @classmethod
    def from_stored(cls, data: dict) -> _Index:
        """An index as encode() gave it; each key's alternatives decoded when a text first
        has that key (a check meets only a few of the keys)."""
        index = cls.__new__(cls)
        index.always = data["always"]
        index.unkeyed = [_decode_alternative(a) for a in data["unkeyed"]]
        index.by_key = {}
        index._stored = data["by_key"]
        index.keys = frozenset(k.encode("latin-1") for k in index._stored)
        return index

    def encode(self) -> dict:
        return {
            "always": self.always,
            "unkeyed": [_encode_alternative(a) for a in self.unkeyed],
            "by_key": {
                key.decode("latin-1"): [_encode_alternative(a) for a in alternatives]
                for key, alternatives in sorted(self.by_key.items())
            },
        }

    def _alternatives(self, key: bytes) -> list[_Alternative]:
        found = self.by_key.get(key)
        if found is None:
            stored = self._stored[key.decode("latin-1")]
            found = self.by_key[key] = [_decode_alternative(a) for a in stored]
        return found

    def candidates(self, tokens: set[bytes]) -> list[_Alternative]:
        """The alternatives whose whole words are all among `tokens` (unkeyed ones too)."""
        candidates = list(self.unkeyed)
        for key in self.keys.intersection(tokens):
            candidates += self._alternatives(key)
        return [a for a in candidates if a[0] <= tokens and _words_allow(a[1], tokens)]

    def holds(self, text: str, tokens: set[bytes], probe: str | None = None) -> bool:
        """False only when no match of the rule's pattern can be in the ASCII `text`,
        whose tokens are `tokens` (and probe `probe`, built here when not given)."""
        if self.always:
            return True
        candidates = list(self.unkeyed)
        for key in self.keys.intersection(tokens):
            candidates += self._alternatives(key)
        # `probe` is built only for a text with every word some alternative needs
        for needed, choices, conj, _rule in candidates:
            if needed <= tokens and _words_allow(choices, tokens):
                probe = probe or _probe(text)
                if _all_found(conj, probe):
                    return True
        return False


# An alternative: the words it needs, the word sets of each group's strings (see
# _word_choices), and its groups of strings.
# An alternative: the words it needs, the word sets of each group's strings (see
# _word_choices), its groups of strings, and the rule it belongs to.
_Alternative = tuple[frozenset[bytes], tuple[tuple[frozenset[bytes], ...], ...], list[Group], str]


def _word_choices(conj: list[Group]) -> tuple[tuple[frozenset[bytes], ...], ...]:
    """For each group of `conj` whose every string holds a whole word, the whole-word sets of
    its strings: a text holds the group only if it has every word of one of them. A set test
    that spares most string searches (a third of may_blame's time on the 1,000-file bench)."""
    choices = []
    for strings, bounded in conj:
        sets = set()
        for s in bounded.marked if bounded else strings:
            words = frozenset(w.encode("ascii", "replace") for w in _whole_words(s))
            if not words:
                break
            sets.add(words)
        else:
            choices.append(tuple(sets))
    return tuple(choices)


def _words_allow(choices: tuple[tuple[frozenset[bytes], ...], ...], tokens: set[bytes]) -> bool:
    for sets in choices:
        for words in sets:
            if words <= tokens:
                break
        else:
            return False
    return True


def _words_needed(conj: list[Group]) -> frozenset[bytes]:
    """The whole words (as tokens) every string of some group of `conj` holds: a text
    without one of them cannot hold `conj`."""
    needed: set[bytes] = set()
    for strings, bounded in conj:
        common = None
        for s in bounded.marked if bounded else strings:
            words = {w.encode("ascii", "replace") for w in _whole_words(s)}
            common = words if common is None else common & words
        needed |= common or set()
    return frozenset(needed)


@cache
def _whole_words(s: str) -> tuple[str, ...]:
    """Words of a required string with something not a word character (or a word
    boundary) on both sides within it, so that a text holding it has them as tokens."""
    return tuple(m.group(0) for m in _TOKEN.finditer(s) if 0 < m.start() and m.end() < len(s))


def _keyed_group(conj: list[Group]) -> tuple[int, dict[str, frozenset[str]]] | None:
    """A group of `conj` whose every string holds a whole word (see _whole_words), and its
    (marked) strings by that word; None if there is none."""
    best = None
    for index, (strings, bounded) in enumerate(conj):
        by_key: dict[str, set[str]] = {}
        for s in bounded.marked if bounded else strings:
            whole = _whole_words(s)
            if not whole:
                break
            key = max(whole, key=lambda w: (w not in _COMMON, len(w)))
            by_key.setdefault(key, set()).add(s)
        else:
            # the group filed under the rarest words: the most of its keys no common word,
            # then its shortest key the longest
            rare = sum(k not in _COMMON for k in by_key) / len(by_key)
            score = (rare, min(map(len, by_key)))
            if best is None or score > best[0]:
                best = (score, index, {k: frozenset(v) for k, v in by_key.items()})
    return None if best is None else best[1:]


# The index of every rule's patterns, computed when the patterns or this module
# last changed: parsing the patterns and filing their strings took most of the first check.
# A fingerprint of the patterns' sources and of this module tells whether the stored one
# still hold; if not, they are computed at first use. Rewrite with write_data() (python -m
# pm_tui.language.prefilter); a test fails while they are out of date.
DATA = Path(__file__).with_name("data") / "prefilter.json"


def _fingerprint() -> int:
    crc = zlib.crc32(Path(__file__).read_bytes())
    for name, (pattern, flags) in sorted(blame.sources().items()):
        crc = zlib.crc32(f"{name}:{flags}:{pattern}".encode(), crc)
    return crc


@cache
def _stored() -> dict:
    try:
        data = json.loads(DATA.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if data.get("fingerprint") == _fingerprint() else {}


def _decode_group(strings: list[str]) -> Group:
    return _marked_group(frozenset(strings))


def _encode_group(group: Group) -> list[str]:
    """The group's strings with their word-boundary marks (its plain strings follow)."""
    plain, bounded = group
    return sorted(bounded.marked if bounded is not None else plain)


def _decode_alternative(stored: list) -> _Alternative:
    rule, groups = stored
    filed = [_decode_group(g) for g in groups]
    return _words_needed(filed), _word_choices(filed), filed, rule


def _encode_alternative(a: _Alternative) -> list:
    return [a[3], [_encode_group(g) for g in a[2]]]


def _tagged_index() -> _Index:
    """The index of every rule's requirement, each alternative tagged with its rule."""
    req: Requirement = []
    rules: list[str] = []
    for rule, names in RULE_PATTERNS.items():
        for name in names:
            need = required_strings(*blame.sources()[name])
            if need is None:
                return _Index(None)
            req += need
            rules += [rule] * len(need)
    return _Index(req, rules)


def computed_data() -> dict:
    """The stored indexes as the patterns and this module are now (what write_data writes)."""
    return {
        "fingerprint": _fingerprint(),
        "index": _tagged_index().encode(),
    }


def write_data() -> None:
    """Store the indexes (run after changing a blame pattern or this module)."""
    from pm_tui.atomic_write import atomic_write_text

    text = json.dumps(computed_data(), separators=(",", ":"), sort_keys=True)
    atomic_write_text(DATA, text + "\n")


@cache
def _index() -> _Index:
    """Every blame rule's requirement in one index: a finding needs a match of one of them
    (check_sentence's own cheaper gates only narrow that further)."""
    stored = _stored().get("index")
    return _Index.from_stored(stored) if stored else _tagged_index()


# The blame rules of blame._check_sentence, each with the patterns one of which it needs.
RULE_PATTERNS: dict[str, tuple[str, ...]] = {
    "judgemental": ("judge",),
    "human_error": ("human_error",),
    "counterfactual": ("cf_if", "cf_had"),
    "person_fault": ("verb", "badact"),
    "fault_with_person": ("fault_of", "owned_fault", "mistake_noun", "vigilance"),
    "label": ("label",),
    "explicit": ("explicit", "cleft", "hold"),
    "caused_by_agent": ("because", "and_then", "passive"),
    "habit": ("habit",),
    "agent_outcome": ("outcome",),
}


def rules_possible(masked: str) -> frozenset[str] | None:
    """The rules of RULE_PATTERNS whose patterns may match in `masked` (one sentence), or
    None for "all of them" (not ASCII, or too short for the test to pay). A long sentence
    (a Markdown table) passes may_blame for one rule's sake ("Date and Time" for "the third
    time"); this spares it the other rules' scans, which grow with its length."""
    if len(masked) < 300 or not masked.isascii():
        return None
    return sentence_rules(masked)


def sentence_rules(masked: str) -> frozenset[str] | None:
    """The rules of RULE_PATTERNS whose patterns may match in `masked` (one sentence): empty
    when none can (the sentence needs no rule), None when unknown (not ASCII: every rule).
    A rule's own words gate it better than the words blame._check_sentence checks."""
    if not masked.isascii():
        return None
    tokens = _tokens(masked)
    whole = _index()
    if whole.keys.isdisjoint(tokens) and not whole.unkeyed and not whole.always:
        return _NO_RULES  # most sentences: not one word any requirement is filed under
    if whole.always:
        return frozenset(RULE_PATTERNS)
    candidates = whole.candidates(tokens)
    if not candidates:
        return _NO_RULES  # no alternative has all its words here
    probe = _probe(masked)
    found: set[str] = set()
    for _needed, _choices, conj, rule in candidates:
        if rule not in found and _all_found(conj, probe):
            found.add(rule)
    return frozenset(found)


_NO_RULES: frozenset[str] = frozenset()


def may_blame(masked: str) -> bool:
    """False only when no sentence of `masked` can get a finding from blame.check_sentence.

    Every finding needs a match of one of the rules' patterns in a sentence, and a sentence
    is part of `masked`: so if no pattern's required strings are in `masked`, none can.
    """
    if not masked.isascii():
        return True  # no shortcut: case-insensitive matching is more than lower-casing
    index = _index()
    tokens = _tokens(masked)
    if index.keys.isdisjoint(tokens) and not index.unkeyed and not index.always:
        return False  # most texts: not one word any requirement is filed under
    return index.holds(masked, tokens)


def _probe(masked: str) -> str:
    """The (ASCII) text the required strings are looked for in: lower case (exact for
    ASCII), masked characters as spaces (so a word boundary holds at a sentence's edges),
    one space per run of whitespace (so "\\s+" is one space), a space at each end."""
    return " " + " ".join(masked.lower().replace(MASK, " ").split()) + " "


def _tokens(text: str) -> set[bytes]:
    """The \\w+ tokens of the probe of an ASCII text, as bytes (a bytes table translates
    far faster than a str one): its runs of letters and digits, lower-cased."""
    return set(text.encode("ascii").translate(_TOKEN_BYTES).split())


# Letters lower-cased, digits kept, every other byte (the masking "_" too) a space. (A key
# that is not ASCII becomes "?", never a token: right, since what it comes from can never be
# in an ASCII text.)
_TOKEN_BYTES = bytes(
    ord(chr(c).lower()) if chr(c).isascii() and chr(c).isalnum() else 32 for c in range(256)
)


if __name__ == "__main__":
    write_data()
    print(f"wrote {DATA}")
