"""Masking text that must never be flagged, and splitting the rest into sentences.

Masking keeps offsets: every masked character becomes "_" (newlines stay), so a span in the
masked text is the same span in the original.
"""

from __future__ import annotations

import re
from functools import cache

MASK = "_"

_ABBREVIATIONS = frozenset(
    "e.g i.e etc vs mr mrs ms dr st approx incl no fig cf al jr sr inc ltd co eng ing prof".split()
)


# A question asking who is to blame, up to its question marks: sentences are split after it only
# when no short answer follows (split_sentences), and its answer reads as a cause label's value
# (blame's "label" pattern).
BLAME_QUESTION = (
    r"(?:who(?:'s| is| was)? (?:to blame|responsible|at fault)|"
    r"whose (?:fault|mistake|doing|screw-?up)|"
    r"who (?:broke|caused|did|took down|brought down|messed up|dropped|deleted|pushed)\b)"
    r"[^?.!\n]{0,40}\?+"
)


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    return {
        "fence": re.compile(
            r"^[ \t]{0,3}(`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t]{0,3}\1[ \t]*$|\Z)", re.M | re.S
        ),
        "inline": re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.S),
        "url": re.compile(r"\b(?:https?|ftp)://[^\s<>\"'`)\]]+|\bwww\.[^\s<>\"'`)\]]+"),
        "quoted": re.compile(r"\"([^\"\n]{3,300})\"|“([^”\n]{3,300})”"),
        "quote_line": re.compile(r"^[ \t]*>[^\n]*$", re.M),
        "loglike": re.compile(
            r"\b(?:ERROR|WARN(?:ING)?|INFO|DEBUG|FATAL|CRIT(?:ICAL)?|TRACE|PANIC|Exception|"
            r"Traceback|errno|stderr|stdout|E\d{4})\b|\d{1,2}:\d{2}(?::\d{2})?|\[[^\]]*\]|"
            r"\w+=\S|\w+\(\)|^\s*\w[\w. -]{0,40}:\s|\b(?:failed|error|refused|denied|timeout|"
            r"timed out|exit(?:ed)? (?:code|status)|status \d|code \d)\b",
            re.I,
        ),
        # a sentence's end: marks then closing quotes or brackets before a blank, or a newline;
        # written to open with one character class, which the engine scans for quickly (an
        # alternation opening with a repeat was tried at every position: two thirds of
        # splitting a long text)
        "boundary": re.compile(r"[.!?\n](?:(?<=\n)|[.!?]*[\"')\]]*(?=\s))"),
        # a question asking who is to blame, answered right after it ("Who broke it? Tomasz."):
        # question and answer are one sentence, so the answer reads as the question's value
        "blame_question": re.compile(
            r"\W*(?:(?:so|and|ok|okay)\W+)?" + BLAME_QUESTION + r"$",
            re.I,
        ),
        "short_answer": re.compile(r"[ \t]*(?:[^\s.!?]+[ \t,]*){1,4}(?:[.!]+(?=\s|$)|(?=\n|$))"),
        # any question asking who (or whose), after a label ("PR comment: who ...?", "Q: who
        # ...?"), answered on the same line in a clause ("Lucía did, from her laptop."): the
        # answer is read with its question, so the person stands as the question's value
        "who_question": re.compile(
            r"\W*(?:[^?.!\n]{0,40}?:\s*)?(?:(?:so|and|ok|okay|but)\W+)?(?:who|whose)\b"
            r"[^?.!\n]{0,60}\?+[\"”’')]*$",
            re.I,
        ),
        "answer": re.compile(
            r"[ \t]*(?:A\s*:\s*)?(?:[^\s.!?]+[ \t,;—–-]*){1,12}"
            r"(?:[.!]+[\"”’')]*(?=\s|$)|(?=\n|$))"
        ),
    }


def looks_like_log(snippet: str) -> bool:
    """True when a quoted snippet reads like a log line or machine output, not speech."""
    return bool(_patterns()["loglike"].search(snippet))


def mask_prose(text: str) -> str:
    """Return `text` with code (fenced, indented, inline), URLs and quoted log lines masked."""
    if not _may_need_masking(text):
        return text  # most fields: nothing any pattern below could match
    p = _patterns()
    ranges: list[tuple[int, int]] = []  # the ranges to mask, in any order
    if "`" in text or "~" in text:
        for m in p["fence"].finditer(text):
            ranges.append((m.start(), m.end()))
    if "    " in text or "\t" in text:
        _mask_indented_code(text, ranges)
    if "`" in text:
        for m in p["inline"].finditer(text):
            ranges.append((m.start(), m.end()))
    if "://" in text or "www." in text:
        for m in p["url"].finditer(text):
            end = m.end()
            while end > m.start() and text[end - 1] in ".,;:!?":
                end -= 1
            ranges.append((m.start(), end))
    if ">" in text:
        for m in p["quote_line"].finditer(text):
            body = m.group(0).lstrip(" \t>")
            if looks_like_log(body):
                ranges.append((m.start(), m.end()))
    if '"' in text or "“" in text:
        for m in p["quoted"].finditer(text):
            body = m.group(1) or m.group(2) or ""
            if looks_like_log(body):
                ranges.append((m.start(), m.end()))
    return _masked(text, ranges) if ranges else text


def _masked(text: str, ranges: list[tuple[int, int]]) -> str:
    """`text` with every character of `ranges` but newlines made MASK."""
    out: list[str] = []
    at = 0
    for start, end in sorted(ranges):
        start = max(start, at)
        if end <= start:
            continue
        out.append(text[at:start])
        piece = text[start:end]
        if "\n" in piece:
            out.append("\n".join(MASK * len(line) for line in piece.split("\n")))
        else:
            out.append(MASK * len(piece))
        at = end
    out.append(text[at:])
    return "".join(out)


def _may_need_masking(text: str) -> bool:
    """False when no masking pattern can match: a fence or inline code needs a backtick or
    tilde, indented code four spaces or a tab, a URL "://" or "www.", a quoted log line ">"
    and a quoted snippet a double quote."""
    return (
        "`" in text
        or "~" in text
        or '"' in text
        or ">" in text
        or "    " in text
        or "\t" in text
        or "://" in text
        or "www." in text
        or "“" in text
    )


def _mask_indented_code(text: str, ranges: list[tuple[int, int]]) -> None:
    """Indented code: a block of lines indented 4+ spaces (or a tab) after a blank line,
    unless it continues a list item (Markdown list continuation is prose)."""
    offset = 0
    prev_blank = True
    in_code = False
    in_list = False
    for line in text.split("\n"):
        stripped = line.strip(" \t\r" + MASK)  # a masked line (an HTML comment) is blank
        indented = line.startswith(("    ", "\t")) and bool(stripped)
        if in_code and (indented or not stripped):
            ranges.append((offset, offset + len(line)))
        elif indented and prev_blank and not in_list:
            in_code = True
            ranges.append((offset, offset + len(line)))
        else:
            in_code = False
            if stripped and not indented:
                in_list = bool(re.match(r"(?:[-*+]|\d+[.)])\s", stripped))
        prev_blank = not stripped
        offset += len(line) + 1


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Split (masked) text into sentence spans [start, end), trimmed of surrounding blanks.

    A newline ends a sentence unless the next line starts in lower case (a hard-wrapped
    paragraph); abbreviations, decimals and file names do not end one.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    if "." not in text and "\n" not in text and "!" not in text and "?" not in text:
        _add_span(text, 0, n, spans)  # no boundary can be in it: one sentence (most fields)
        return spans
    next_char = _NEXT_CHAR.match
    for m in _patterns()["boundary"].finditer(text):
        end = m.end()
        # the first character after the boundary and its blanks (no copy of the text's rest:
        # that made splitting quadratic in the text's length)
        nxt = next_char(text, end).group(1)
        if m.group(0) == "\n":
            if nxt.islower() and text[start:end].strip():
                continue
        else:
            if "?" in m.group(0) and _answers_blame_question(text, start, end):
                continue
            word = _WORD_BEFORE_DOT.search(text[max(start, m.start() - 12) : m.start() + 1])
            if word and word.group(1).lower().rstrip(".") in _ABBREVIATIONS:
                continue
            if nxt.islower():
                continue
        _add_span(text, start, end, spans)
        start = end
    if start < n:
        _add_span(text, start, n, spans)
    return spans


_NEXT_CHAR = re.compile(r"[ \t]*(.?)", re.S)
_WORD_BEFORE_DOT = re.compile(r"([A-Za-z.]+)\.$")  # the word a dot ends (an abbreviation?)


def _answers_blame_question(text: str, start: int, end: int) -> bool:
    """The sentence text[start:end] asks who is to blame and a short answer (at most four
    words, then the sentence's end) follows it on the same line, or asks who did something
    and an answer of a clause (at most twelve words) follows."""
    p = _patterns()
    if end - start >= 120:
        return False
    if (
        end - start < 80
        and p["blame_question"].match(text, start, end) is not None
        and p["short_answer"].match(text, end) is not None
    ):
        return True
    return (
        p["who_question"].match(text, start, end) is not None
        and p["answer"].match(text, end) is not None
    )


_LEADING_BLANKS = " \t\n\r" + MASK


def _add_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start] in _LEADING_BLANKS:
        start += 1
    while end > start and text[end - 1] in " \t\n\r":
        end -= 1
    if end > start:
        spans.append((start, end))
