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


# Stores read by a query: beside the target (a URL, log groups), the query and these options
# choose what is read, so two LogQL queries against one Loki are two sources.
QUERY_OPTIONS: dict[str, tuple[str, ...]] = {
    "loki": ("tenant",),
    "elasticsearch": ("index",),
    "opensearch": ("index",),
    "clickhouse": ("table",),
    "cloudwatch": ("region", "profile", "endpoint_url"),
    "prometheus": ("tenant", "selector"),
}
# Sources whose options (not their query: kubectl's is its command line, with the window)
# tell two of them apart: one deployment in two namespaces or clusters is two sources.
IDENTITY_OPTIONS: dict[str, tuple[str, ...]] = {
    "kubectl": ("context", "namespace"),
    "kube-events": ("context", "namespace"),
}
_TAG_LIMIT = 60


def source_name(kind: str, target: str, query: str = "", options: dict | None = None) -> str:
    """The name a source's evidence carries: `kind:target`, and for a store read by a query,
    `#` and what makes it distinct (`loki:http://loki:3100#{app="api"} |= "error"`); a
    Slack export's channel (`slack:export#inc-42`) and kubectl's context and namespace
    (`kubectl:deployment/api#namespace=payments`) likewise. A source with no query and no
    such option keeps the plain `kind:target` it always had."""
    tag = _query_tag(kind, query, options or {})
    return f"{kind}:{target}#{tag}" if tag else f"{kind}:{target}"


def source_key(source) -> str:
    """The identity of a recorded source (an `EvidenceSource` or a spec): two records with
    one key are the same source read again; different queries are different sources."""
    return source_name(source.kind, source.target, source.query, source.options)


def _query_tag(kind: str, query: str, options: dict) -> str:
    if kind == "slack":  # one channel of an export (`#inc-42`): each channel its own source
        return " ".join(query.split()).lstrip("#")
    if kind in IDENTITY_OPTIONS:
        keys, query = IDENTITY_OPTIONS[kind], ""
    elif kind in QUERY_OPTIONS:
        keys = QUERY_OPTIONS[kind]
    else:
        return ""
    parts = [f"{k}={options[k]}" for k in keys if options.get(k) not in (None, "")]
    parts += [" ".join(query.split())] if query.strip() else []
    tag = " ".join(parts)
    if len(tag) <= _TAG_LIMIT:
        return tag
    # a long query is cut for people to read; the digest keeps two long ones apart
    import hashlib

    return f"{tag[: _TAG_LIMIT - 10]}…{hashlib.sha256(tag.encode()).hexdigest()[:8]}"


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
