"""Log templates: group error and warning records by their shape, Drain-style.

Variable parts (numbers, hex, ids, quoted strings, IPs, durations, paths' numeric parts)
are masked first; masked lines with the same length and first tokens that agree on most
tokens share a template, the differing tokens becoming `<*>`. Linear in the records: a
masked line seen before costs one dict lookup.

Why our own miner rather than drain3: we need only the first line of each record, a fixed
set of masks and per-minute counts; drain3 brings persistence, config files and its own
masking syntax, and is slower per line. About 80 lines here do the job.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache

from pm_tui.collectors.common import iso, parse_time
from pm_tui.collectors.evidence import Evidence, is_access_bucket, is_access_sample
from pm_tui.regex_prefilter import gated_search
from pm_tui.timeline.signals import PRECURSOR_RE

WILDCARD = "<*>"
SIMILARITY = 0.6
MAX_TEXT = 300

_MASKS = [
    # a time stamp the application wrote into its message (a journald or container record
    # quoting its own log line): one variable part, whatever its precision
    (
        re.compile(r"\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?"),
        WILDCARD,
    ),
    (re.compile(r"'[^']*'|\"[^\"]*\"|`[^`]*`"), WILDCARD),
    (
        re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b", re.I),
        WILDCARD,
    ),
    (re.compile(r"\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b"), WILDCARD),
    (re.compile(r"\b0x[0-9a-f]+\b|\b(?=[0-9a-f]*\d)[0-9a-f]{6,}\b", re.I), WILDCARD),
    (re.compile(r"\b[A-Za-z]+[-_]?\d[\w-]*\b"), WILDCARD),  # ids such as C-11132, pod-7f9c
    (re.compile(r"\b\d+(?:\.\d+)?(?:ms|us|µs|ns|s|m|h|kb|mb|gb|ki|mi|gi|b|%)?\b", re.I), WILDCARD),
    (re.compile(r"=\S+"), "=" + WILDCARD),
]
_SPLIT = re.compile(r"\s+")
# the attributes of a log record that name what wrote it: a JSON log's service or app, a
# syslog's host and app, a container's name (the file's name may say nothing: `app.out`)
NAME_KEYS = ("service", "service.name", "app", "application", "host", "hostname", "container",
             "container_name", "kubernetes.container_name", "component")  # fmt: skip
_NAMED = re.compile(r"[a-z]{2}", re.I)
# A structured record whose message says only what kind of record it is ("request", "handled
# request") carries what went wrong in a field of its own (`error`, `auth_err`, `reason`,
# `error_code`): the field's value is the record's shape, so a new kind of failure (401
# invalid_audience) is told from the steady one it shares its message with (401 token_expired).
_ERROR_FIELD = re.compile(
    r"(?:^|[._])(?:err|error|errors|error_code|error_type|err_code|errcode|reason|fault|"
    r"exception|exc_type|failure)$|_(?:err|error)$",
    re.I,
)
GENERIC_WORDS = 3  # a message of at most this many words, none of failure, says only its kind

_ERRORISH = re.compile(
    r"\b(error|err|fail(?:ed|ure)?|exception|fatal|panic|critical|timed? ?out|refused|"
    r"exhausted|oom|out of memory|killed|denied|unavailable|traceback)\b",
    re.I,
)
_PROBE = re.compile(r"\b(?:probe failed|probeResult=\"?failure)", re.I)
# searched in every info line: answered at once for a line with none of its words (half the
# time of reading an evidence folder otherwise, bench/bench_evidence_folder.py)
_precursor = gated_search(PRECURSOR_RE)
_LEVELS = {
    "error": "error",
    "err": "error",
    "critical": "error",
    "crit": "error",
    "fatal": "error",
    "emerg": "error",
    "alert": "error",
    "panic": "error",
    "warning": "warning",
    "warn": "warning",
}


def mask(line: str) -> str:
    """The line with its variable parts replaced by `<*>`."""
    for pattern, repl in _MASKS:
        line = pattern.sub(repl, line)
    return line


def severity(item: Evidence) -> str | None:
    """'error', 'warning' or None for a log record; records without a level are judged by words."""
    level = str(item.attrs.get("level") or "").lower()
    head = item.text[:MAX_TEXT]
    if level:
        if level == "info" and "robe" in item.text and _PROBE.search(head):
            return "warning"  # the kubelet logs a failing probe at info: the service failing
        found = _LEVELS.get(level)
    else:
        found = "error" if _ERRORISH.search(head) else None
    if found is None and level not in ("debug", "trace") and _precursor(head):
        # a kernel table full, a replica losing its primary: logged without a level or at info
        return "warning"
    return found


@dataclass
class Template:
    """One log template in one source: its tokens, counts per minute and first examples."""

    id: int
    source: str
    level: str
    tokens: list[str]
    minutes: Counter = field(default_factory=Counter)
    firsts: dict[datetime, datetime] = field(default_factory=dict)  # minute -> first time in it
    lasts: dict[datetime, datetime] = field(default_factory=dict)  # minute -> last time in it
    example: str = ""
    total: int = 0
    # the service, app or host its records name (a JSON log's `service`, a syslog's host)
    names: Counter = field(default_factory=Counter)

    @property
    def text(self) -> str:
        return " ".join(self.tokens)

    def add(self, t: datetime, n: int, text: str, last: datetime | None = None) -> None:
        minute = t.replace(second=0, microsecond=0)
        first = self.firsts.get(minute)
        if first is None or t < first:
            self.firsts[minute] = t
        latest = self.lasts.get(minute)
        last = last or t
        if latest is None or last > latest:
            self.lasts[minute] = last
        self.minutes[minute] += n
        self.total += n
        if not self.example:
            self.example = text


class TemplateMiner:
    """Assigns each error/warning record to a template of its source."""

    def __init__(self) -> None:
        self.templates: list[Template] = []
        self._exact: dict[tuple[str, str, str], Template] = {}
        self._masked: dict[str, str] = {}
        self._groups: dict[tuple[str, str, int, str], list[Template]] = {}

    def add(self, item: Evidence, level: str | None = None) -> Template | None:
        """File one record (its `attrs["repeat"]` counts as that many); None if not error/warning.
        `level` files it at that level whatever its words (pm_tui.timeline.onset)."""
        if is_access_bucket(item) or is_access_sample(item):
            return None
        level = level or severity(item)
        if level is None:
            return None
        first = item.text.strip().split("\n", 1)[0][:MAX_TEXT]
        if first.count(" ") < GENERIC_WORDS and not _ERRORISH.search(first):
            first = _with_error_fields(first, item.attrs)
        masked = self._masked.get(first)
        if masked is None:
            masked = mask(first)
            if len(self._masked) < 50_000:  # identical lines are common; bound the memory
                self._masked[first] = masked
        key = (item.source, level, masked)
        template = self._exact.get(key)
        if template is None:
            template = self._match(item.source, level, masked)
            self._exact[key] = template
        last = item.attrs.get("last")
        template.add(
            item.time, int(item.attrs.get("repeat", 1)), first, parse_time(last) if last else None
        )
        if len(template.names) < 20:
            for k in NAME_KEYS:
                value = item.attrs.get(k)
                if isinstance(value, str) and 4 <= len(value) <= 80 and _NAMED.search(value):
                    template.names[value.lower()] += 1
        return template

    def _match(self, source: str, level: str, masked: str) -> Template:
        tokens = _SPLIT.split(masked.strip()) or [""]
        group_key = (source, level, len(tokens), tokens[0])
        group = self._groups.setdefault(group_key, [])
        for template in group:
            same = sum(a == b for a, b in zip(template.tokens, tokens, strict=True))
            if same / len(tokens) >= SIMILARITY:
                template.tokens = [
                    a if a == b else WILDCARD for a, b in zip(template.tokens, tokens, strict=True)
                ]
                return template
        template = Template(len(self.templates), source, level, tokens)
        self.templates.append(template)
        group.append(template)
        return template


def _with_error_fields(message: str, attrs: dict) -> str:
    """`message` led by the value of the record's error field (`invalid_audience (auth_err):
    request`), the message alone when it has none. The value comes first: records share a
    template only when their first words agree (TemplateMiner._match)."""
    for k, v in attrs.items():
        if isinstance(v, str) and 0 < len(v) <= 80 and _error_field(k):
            return f"{v} ({k}): {message}"
    return message


@lru_cache(maxsize=4096)
def _error_field(key: str) -> bool:
    """A record's field that says what went wrong (`error`, `auth_err`, `reason`); the same few
    keys come back on every record, so each is judged once."""
    return _ERROR_FIELD.search(key) is not None


def mine(evidence: list[Evidence]) -> list[Template]:
    """Every error/warning template in the log evidence, with per-minute counts."""
    miner = TemplateMiner()
    for item in evidence:
        if item.kind == "log":
            miner.add(item)
    return miner.templates


def compact_logs(evidence: list[Evidence]) -> list[Evidence]:
    """Error/warning records folded to one record per template and minute (`attrs["repeat"]`).

    Keeps what the timeline needs (when each template starts, grows and stops) in a bounded
    size; info records and access-log buckets pass through unchanged.
    """
    out: list[Evidence] = []
    miner = TemplateMiner()
    kept: dict[tuple[int, datetime], Evidence] = {}
    # each kept record's latest time, and the text that wrote it (None: write it from the time)
    lasts: dict[tuple[int, datetime], tuple[datetime, str | None]] = {}
    for item in evidence:
        if item.kind != "log":
            out.append(item)
            continue
        template = miner.add(item)
        if template is None:
            out.append(item)
            continue
        key = (template.id, item.time.replace(second=0, microsecond=0))
        first = kept.get(key)
        n = int(item.attrs.get("repeat", 1))
        written = item.attrs.get("last")
        last = (parse_time(written), written) if written else (item.time, None)
        if first is None:
            attrs = {**item.attrs, "repeat": n, "last": ""}  # "last" written below
            if str(attrs.get("level") or "info").lower() == "info":
                attrs["level"] = template.level  # judged by its words (a failing probe)
            kept[key] = Evidence(item.time, item.source, "log", item.text, attrs)
            lasts[key] = last
            continue
        first.attrs["repeat"] = int(first.attrs["repeat"]) + n
        if last[0] > lasts[key][0]:
            lasts[key] = last
        if item.time < first.time:
            first.time, first.text = item.time, item.text
    for key, record in kept.items():
        t, written = lasts[key]
        record.attrs["last"] = written or iso(t)
    out.extend(kept.values())
    out.sort(key=lambda e: e.time)
    return out
