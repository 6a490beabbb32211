"""Undo for the wizard's edits: a copy of a section of the post-mortem taken before each
change, newest last, so ctrl+z can step back several edits. Pure model work, no screen."""

from __future__ import annotations

import copy
from dataclasses import dataclass

from pm_tui.model import PostMortem

# The parts of a post-mortem a step edits as a whole (attribute paths of PostMortem): the
# factors alone, so undoing a factor's edit never takes back text typed in the causes.
SECTIONS = ("sources", "timeline", "window", "analysis", "analysis.factors", "actions")


def _get(pm: PostMortem, section: str):
    value = pm
    for name in section.split("."):
        value = getattr(value, name)
    return value


def _set(pm: PostMortem, section: str, value) -> None:
    *path, name = section.split(".")
    owner = pm
    for part in path:
        owner = getattr(owner, part)
    setattr(owner, name, value)


@dataclass
class Edit:
    """One edit that can be undone: `about` is the part a step files it under."""

    about: str
    sections: tuple[str, ...]
    values: tuple[object, ...]
    extra: object = None  # what the screen keeps beside the model (step 2's suggestions)


class EditHistory:
    """Snapshots of sections of one post-mortem, at most `levels` of them."""

    def __init__(self, levels: int = 50) -> None:
        self.levels = levels
        self._done: list[Edit] = []  # newest last

    def record(
        self, pm: PostMortem, *sections: str, about: str | None = None, extra: object = None
    ) -> None:
        """Remember `sections` of `pm` as they are now, before one edit of them; `about`
        (default: the first section) is what a step undoes; `extra` comes back with the
        undo (an edit of something beside the model, such as dismissing a suggestion)."""
        for section in sections:
            if section not in SECTIONS:
                raise ValueError(f"no undo for section {section!r}")
        if about is None:
            if not sections:
                raise ValueError("an edit is about a section")
            about = sections[0]
        values = tuple(copy.deepcopy(_get(pm, s)) for s in sections)
        self._done.append(Edit(about, sections, values, extra))
        del self._done[: -self.levels]

    def can_undo(self, sections: tuple[str, ...]) -> bool:
        """True when an edit of one of `sections` can be undone."""
        return any(edit.about in sections for edit in self._done)

    def undo_edit(self, pm: PostMortem, sections: tuple[str, ...]) -> Edit | None:
        """Put back in `pm` what the newest edit about one of `sections` changed and return
        that edit (its `extra` for the screen to put back), or None when there is none."""
        for i in range(len(self._done) - 1, -1, -1):
            edit = self._done[i]
            if edit.about in sections:
                del self._done[i]
                for section, value in zip(edit.sections, edit.values, strict=True):
                    _set(pm, section, value)
                return edit
        return None

    def undo(self, pm: PostMortem, sections: tuple[str, ...]) -> str | None:
        """`undo_edit`, returning only the section the edit was about."""
        edit = self.undo_edit(pm, sections)
        return edit.about if edit else None

    def forget(self, about: str) -> None:
        """Forget the edits about `about` (a collection replaced the sources they copied)."""
        self._done = [edit for edit in self._done if edit.about != about]

    def clear(self) -> None:
        """Forget everything (another post-mortem was opened)."""
        self._done.clear()
