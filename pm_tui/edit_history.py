"""Undo for the wizard's edits: a copy of a section of the post-mortem taken before each
change, newest last, so ctrl+z can step back several edits. Pure model work, no screen."""

from __future__ import annotations

import copy

from pm_tui.model import PostMortem

# The sections a step edits as a whole (attribute names of PostMortem).
SECTIONS = ("sources", "timeline", "analysis", "actions")


class EditHistory:
    """Snapshots of sections of one post-mortem, at most `levels` of them."""

    def __init__(self, levels: int = 50) -> None:
        self.levels = levels
        # one entry per edit: the sections it changes, first the one it is about
        self._done: list[tuple[tuple[str, ...], tuple[object, ...]]] = []

    def record(self, pm: PostMortem, *sections: str) -> None:
        """Remember `sections` of `pm` as they are now, before one edit of them."""
        for section in sections:
            if section not in SECTIONS:
                raise ValueError(f"no undo for section {section!r}")
        values = tuple(copy.deepcopy(getattr(pm, s)) for s in sections)
        self._done.append((sections, values))
        del self._done[: -self.levels]

    def can_undo(self, sections: tuple[str, ...]) -> bool:
        """True when an edit of one of `sections` can be undone."""
        return any(done[0] in sections for done, _ in self._done)

    def undo(self, pm: PostMortem, sections: tuple[str, ...]) -> str | None:
        """Put back in `pm` what the newest edit of one of `sections` changed; the section it
        was about, or None when there is nothing to undo."""
        for i in range(len(self._done) - 1, -1, -1):
            done, values = self._done[i]
            if done[0] in sections:
                del self._done[i]
                for section, value in zip(done, values, strict=True):
                    setattr(pm, section, value)
                return done[0]
        return None

    def clear(self) -> None:
        """Forget everything (another post-mortem was opened)."""
        self._done.clear()
