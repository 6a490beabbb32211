"""Untrusted text made harmless to print: terminal control sequences shown, never obeyed.

Log lines, titles and chat messages can carry `ESC ]0;` (retitle the terminal), OSC 8
(hidden links), `ESC [2J` (clear the screen), a lone carriage return that overwrites what a
person reads, or bidirectional overrides that reorder it. `neutralise` replaces each C0/C1
control character (except newline and tab), DEL and the bidi controls by a visible stand-in.
"""

from __future__ import annotations

import re

# C0 except \t and \n, DEL, C1, and the bidirectional embedding/override/isolate controls
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _stand_in(m: re.Match) -> str:
    c = m.group(0)
    code = ord(c)
    if code < 0x20:
        return chr(0x2400 + code)  # control pictures: ␛ ␍ ␇ ...
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"<U+{code:04X}>"


def neutralise(text: str) -> str:
    """`text` with control characters (but newline and tab) shown as visible stand-ins;
    a CRLF line end stays a line end."""
    if not text:
        return text
    if "\r\n" in text:
        text = text.replace("\r\n", "\n")
    return _CONTROLS.sub(_stand_in, text)


def has_controls(text: str) -> bool:
    """True when `neutralise` would change `text`."""
    return _CONTROLS.search(text) is not None


class SafeStream:
    """A text stream that neutralises control characters in everything written to it."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(neutralise(text))
        return len(text)

    def writelines(self, lines) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def neutralise_model(obj: object, _depth: int = 0) -> bool:
    """Neutralise every string of a dataclass model in place (for showing it in the wizard,
    which draws text as given); True when something changed."""
    from dataclasses import fields, is_dataclass

    changed = False
    if _depth > 8 or not is_dataclass(obj):
        return False
    for f in fields(obj):
        value = getattr(obj, f.name)
        if isinstance(value, str):
            if has_controls(value):
                setattr(obj, f.name, neutralise(value))
                changed = True
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, str):
                    if has_controls(item):
                        value[i] = neutralise(item)
                        changed = True
                else:
                    changed |= neutralise_model(item, _depth + 1)
        elif isinstance(value, dict):
            for k, item in value.items():
                if isinstance(item, str) and has_controls(item):
                    value[k] = neutralise(item)
                    changed = True
        else:
            changed |= neutralise_model(value, _depth + 1)
    return changed


def neutralise_texts(texts: list[str]) -> tuple[list[str], int]:
    """Neutralise many texts (one search over them all when none holds a control)."""
    if not texts or not has_controls("".join(texts)):
        return texts, 0
    out, n = [], 0
    for text in texts:
        if has_controls(text):
            text = neutralise(text)
            n += 1
        out.append(text)
    return out, n
