"""What every use case returns: what changed, what failed, and the gaps to tell the reader."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

# A use case reports progress as one short line at a time (the caller decides how to show it).
Notify = Callable[[str], None]


def no_notice(line: str) -> None:
    """A progress callback that ignores everything."""


@dataclass
class Outcome:
    """The common part of every use case's result.

    `changed`: one phrase per change made (to the model or beside it), fit for a commit message.
    `failed`: one line per thing that could not be done, saying what to do.
    `gaps`: what could not be read, kept with the post-mortem for the report.
    """

    changed: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    gaps: list[str] = field(default_factory=list)
    # The error that stopped the use case part-way, for a caller that re-raises it (its
    # exit code says what kind of failure it was); its message is failed[0].
    error: Exception | None = field(default=None, repr=False, compare=False)

    @property
    def ok(self) -> bool:
        """True when nothing failed."""
        return not self.failed

    def commit_message(self, what: str) -> str:
        """`what (change, change)`: the message a caller commits the post-mortem with."""
        return f"{what} ({', '.join(self.changed)})" if self.changed else what
