"""Deciding whether a noun phrase names a person or a group of people (not a system)."""

from __future__ import annotations

import re
from functools import cache
from itertools import islice

from pm_tui.language.agents import name_like
from pm_tui.language.lexicon import (
    DETERMINERS,
    FILLERS,
    GROUP_WORDS,
    NAMES,
    PREPOSITIONS,
    PRONOUNS,
    ROLE_NOUNS,
    TEAM_NOUNS,
)

_QUANTIFIERS = frozenset(
    "one some several none two three many most each any either neither".split()
)
_GROUP_MODIFIERS = frozenset(
    """platform infrastructure infra networking network database storage ops sre devops
    frontend backend mobile payments data release qa support engineering product web app
    dev development operations billing api""".split()
)
_OPERATOR_OK = frozenset(
    "the a an our their human on-call night shift console night-shift duty day-shift".split()
)


@cache
def _token_re() -> re.Pattern[str]:
    return re.compile(r"@[\w.-]*\w|[^\W\d_][\w'’-]*")


# _token_re for ASCII text, about twice as fast: the same words there (\w and letters ASCII).
_ASCII_TOKEN = re.compile(r"@[\w.-]*\w|[A-Za-z][\w'-]*", re.ASCII)


def tokens(text: str) -> list[str]:
    """Words of `text`: @handles, and words with inner hyphens or apostrophes."""
    return (_ASCII_TOKEN if text.isascii() else _token_re()).findall(text)


def first_tokens(text: str, n: int = 40) -> list[str]:
    """The first `n` tokens of `text` (a rule that reads a clause's first words need not
    split a long sentence's whole rest)."""
    rx = _ASCII_TOKEN if text.isascii() else _token_re()
    return [m.group(0) for m in islice(rx.finditer(text), n)]


def _bare(word: str) -> str:
    return word.lower().replace("’", "'")


def is_possessive(word: str) -> bool:
    """True for "Bob's", "engineers'" and the like."""
    w = _bare(word)
    return w.endswith("'s") or w.endswith("s'")


def _strip_possessive(word: str) -> str:
    w = word.replace("’", "'")
    if w.lower().endswith("'s"):
        return w[:-2]
    return w[:-1] if w.endswith("'") else w


def word_is_person(word: str, *, allow_we: bool = False) -> bool:
    """True when one word alone names a person: an @handle, a given name or a pronoun."""
    if word.startswith("@"):
        return True
    low = _bare(word)
    if low in PRONOUNS or (allow_we and low == "we"):
        return True
    return word in NAMES


def np_is_person(
    np: list[str], *, allow_we: bool = False, possessive_ok: bool = False, guess_names: bool = True
) -> bool:
    """True when the noun phrase `np` (a list of words, head last) names a person or group;
    with `guess_names`, a capitalised word that is no English or technical word counts as a
    name (see agents.name_like)."""
    if not np:
        return False
    head = np[-1]
    if is_possessive(head):
        if not possessive_ok:
            return False
        head = _strip_possessive(head)
    low = _bare(head)
    if word_is_person(head, allow_we=allow_we):
        return True
    if any(w in NAMES for w in np[:-1]) and head[:1].isupper():
        return True  # "John Smith"
    if low in ("operator", "operators"):
        return len(np) == 1 or _bare(np[-2]) in _OPERATOR_OK
    if low in ROLE_NOUNS or low in TEAM_NOUNS:
        if low in ("lead", "leads", "tech", "owner", "owners", "member", "members", "ic"):
            return len(np) >= 2 or head.isupper()
        return True
    if low in ("group", "groups", "agent", "agents") and len(np) >= 2:
        return _bare(np[-2]) in _GROUP_MODIFIERS
    if low in GROUP_WORDS and len(np) <= 2:
        if low == "it":
            return head == "IT"
        return len(np) == 1 or _bare(np[0]) in ("the", "our", "their")
    return guess_names and _named(np, head)


_LEADING_WORDS = frozenset(
    """yet once again honestly frankly so and then because since as when after before while
    if although though but""".split()
)


def _named(np: list[str], head: str) -> bool:
    """A phrase that is a name: a name-like head ("Okonkwo", "@jdoe") after nothing but
    other name-like words or a leading adverb ("Li Na", "Unfortunately Wiremu"); never after
    an article ("the Jupyter" is a thing)."""
    if not name_like(head):
        return False
    for i, w in enumerate(np[:-1]):
        if name_like(w):
            continue
        low = _bare(w)
        if i == 0 and (low in FILLERS or (low.endswith("ly") and len(low) >= 5)):
            continue
        if low in _LEADING_WORDS:
            continue
        return False
    return True


def subject_of(prefix_words: list[str]) -> tuple[list[str], bool]:
    """The subject noun phrase that ends a clause prefix, and whether the prefix was empty
    (the verb has no subject of its own, e.g. the second verb of "X did A and broke B")."""
    words = list(prefix_words)
    while words and _bare(words[-1]) in FILLERS:
        words.pop()
    if not words:
        return [], True
    lowered = [_bare(w) for w in words]
    if "who" in lowered[1:]:
        words = words[: lowered.index("who", 1)]
        lowered = lowered[: len(words)]
    if lowered[-1] == "who":
        return [], True
    if len(words) >= 3 and lowered[0] in _QUANTIFIERS and lowered[1] == "of":
        words, lowered = words[2:], lowered[2:]
    for i, w in enumerate(lowered):
        if i > 0 and w in PREPOSITIONS:
            return words[:i], False
    # A second determiner starts a new phrase: keep the last one.
    for i in range(len(lowered) - 1, 0, -1):
        if lowered[i] in DETERMINERS:
            return words[i:], False
    return words, False


def person_after(words: list[str], *, allow_we: bool = False) -> bool:
    """True when the words right after a preposition ("by ...", "with ...") start with a
    noun phrase naming a person; the phrase stops at the next determiner or preposition."""
    np: list[str] = []
    for i, w in enumerate(words[:6]):
        low = _bare(w)
        if i > 0 and (
            low in DETERMINERS
            or low in PREPOSITIONS
            or low in ("who", "that", "which", "and", "or")
        ):
            break
        np.append(w)
        if np_is_person(np, allow_we=allow_we):
            return True
    return False


def is_capitalised_unknown(np: list[str]) -> bool:
    """A single capitalised plain word (no digits, no inner capitals): likely a name that is
    not in our list, when it is the subject of a verb only a person does."""
    if len(np) != 1:
        return False
    w = np[0]
    return bool(_SHORT_CAPITALISED.fullmatch(w))


_SHORT_CAPITALISED = re.compile(r"[A-Z][a-z]{1,14}")
