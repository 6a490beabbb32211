"""Small helpers every collector shares: time parsing, cancellation, redaction."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

from pm_tui.collectors.evidence import Cancelled
from pm_tui.collectors.logs.timestamps import record_time


def redact_text(text: str) -> tuple[str, int]:
    """Redact secrets in `text`; returns the text and how many secrets were replaced.

    The one place collectors reach the redactor, so it is wired in exactly once.
    """
    from pm_tui.redact import redact

    return redact(text)


def check_cancel(cancel: threading.Event | None) -> None:
    """Raise `Cancelled` if the person asked to stop."""
    if cancel is not None and cancel.is_set():
        raise Cancelled("collection cancelled")


def parse_time(value: str | float | int) -> datetime:
    """An RFC 3339 / ISO 8601 time (nanoseconds allowed) or an epoch time (seconds, or millis,
    micros, nanos told apart by magnitude) as aware UTC; a time without an offset is UTC.

    The definition is `pm_tui.collectors.logs.timestamps.machine_time` (with the short ISO
    forms of `record_time`); this raises ValueError when `value` is not a time.
    """
    t = record_time(value)
    if t is None:
        raise ValueError(f"not a time: {str(value)[:60]!r}")
    return t


def iso(value: datetime) -> str:
    """An aware datetime as a compact UTC ISO string (`2025-02-09T10:05:00Z`)."""
    value = value.astimezone(UTC)
    if value.microsecond:
        return value.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    return value.strftime("%Y-%m-%dT%H:%M:%SZ")


def source_name(kind: str, target: str) -> str:
    """The name a source's evidence carries: `kind:target`."""
    return f"{kind}:{target}"


class BadRecords:
    """Records of a source that could not be read (a wrong type, a missing key): each is
    counted and skipped, and together they become one gap; the source does not fail."""

    ERRORS = (KeyError, TypeError, ValueError, AttributeError, IndexError, OverflowError)

    def __init__(self, source: str):
        self.source, self.count, self.first = source, 0, ""

    def note(self, exc: BaseException, where: str = "") -> None:
        """Count one bad record (the first one's reason is kept for the gap)."""
        self.count += 1
        if not self.first:
            self.first = f"{where}{type(exc).__name__}: {exc}"[:160]

    def gap(self):
        """The gap saying how many records were skipped, or None."""
        from pm_tui.collectors.evidence import Gap

        if not self.count:
            return None
        return Gap(
            self.source,
            f"{self.count} record(s) could not be read and were skipped (first: {self.first})",
        )
