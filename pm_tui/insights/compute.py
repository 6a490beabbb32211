"""The arithmetic of the insights, on the repository index's records (see definitions.py).

Everything here takes records (`IndexedPostMortem`, or anything with the same attributes)
and plain options, and returns dataclasses the CLI, the HTML page and the screen show.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from pm_tui.insights.definitions import (
    DURATION_METRICS,
    FOLLOW_UP_EARLY,
    FOLLOW_UP_GRACE,
    RECURRENCE_HORIZON,
    TIME_GROUPINGS,
    publish_within,
)

NO_OWNER, NO_SERVICE = "(no owner)", "(no service)"
_EPOCH = date(1970, 1, 1)
CLOSED = ("done", "wont-do")
MAX_LISTED = 20
OPEN = ("open", "in-progress")


@dataclass
class InsightsQuery:
    """Which post-mortems count and how to group them; `today` decides what is overdue."""

    today: date
    since: date | None = None
    until: date | None = None
    services: list[str] = field(default_factory=list)
    severities: list[str] = field(default_factory=list)
    by: str = "quarter"


@dataclass
class MetricStats:
    """One duration metric over a group: how many had it, median and p90 in seconds."""

    count: int = 0
    median: float | None = None
    p90: float | None = None
    trend: float | None = None  # change of the median vs the previous period, in percent


@dataclass
class Period:
    """A group of incidents (a month, quarter, year, service or severity)."""

    key: str
    ids: list[str]
    metrics: dict[str, MetricStats]


@dataclass
class RecurrenceGroup:
    """Incidents sharing a service and a factor category (or a similar immediate cause)."""

    service: str
    kind: str  # "category" or "cause"
    label: str  # the category, or the cause as first written
    ids: list[str]  # oldest first


@dataclass
class CategoryRecurrence:
    category: str
    incidents: int
    services_recurring: int
    ids: list[str]


@dataclass
class FollowThrough:
    """Action items of one owner or team."""

    who: str
    opened: int = 0
    closed: int = 0
    open: int = 0
    overdue: int = 0
    median_age_days: float | None = None
    oldest_age_days: int | None = None
    ids: list[str] = field(default_factory=list)  # post-mortems with its open items


@dataclass
class Share:
    """How many of `eligible` post-mortems met a goal, and which missed it."""

    eligible: int = 0
    met: int = 0
    missed: list[str] = field(default_factory=list)

    @property
    def percent(self) -> float | None:
        return 100.0 * self.met / self.eligible if self.eligible else None


@dataclass
class FixThatDidNotHold:
    """A factor whose action items were all done, and the later incidents where it recurred."""

    id: str
    service: str
    category: str
    closed_at: datetime
    recurred: list[str]  # the first MAX_LISTED recurrences
    recurrences: int = 0  # all of them


@dataclass
class Insights:
    """Everything `pm-tui stats` shows, for the post-mortems the query selects."""

    query: InsightsQuery
    considered: list[str]
    periods: list[Period]
    recurrence: list[RecurrenceGroup]
    categories: list[CategoryRecurrence]
    owners: list[FollowThrough]
    teams: list[FollowThrough]
    published: Share
    follow_up: Share
    fixes: int
    fixes_that_did_not_hold: list[FixThatDidNotHold]
    unreadable: list[str] = field(default_factory=list)


# --- the arithmetic ---------------------------------------------------------------------------


def median(values: list[float]) -> float | None:
    """The middle value (mean of the two middle ones), None for no values."""
    return float(statistics.median(values)) if values else None


def p90(values: list[float]) -> float | None:
    """Nearest-rank 90th percentile: the value at rank ceil(0.9 n) of the sorted values."""
    if not values:
        return None
    ordered = sorted(values)
    return float(ordered[max(1, math.ceil(0.9 * len(ordered))) - 1])


def period_key(day: date, by: str) -> str:
    """'2025-03', '2025-Q1' or '2025' for the month, quarter or year of `day`."""
    if by == "month":
        return f"{day.year}-{day.month:02d}"
    if by == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    return str(day.year)


def selected(records: Iterable, q: InsightsQuery) -> list:
    """The records the query selects, oldest first."""
    services = {s.lower() for s in q.services}
    severities = {s.upper() for s in q.severities}
    out = []
    for r in records:
        d = r.date
        if q.since and d < q.since or q.until and d > q.until:
            continue
        if severities and r.severity.upper() not in severities:
            continue
        if services and not services & {s.lower() for s in r.services}:
            continue
        out.append(r)
    out.sort(key=lambda r: (r.started, r.id))
    return out


def _group_key(r, by: str) -> list[str]:
    if by in TIME_GROUPINGS:
        return [period_key(r.date, by)]
    if by == "service":
        return list(r.services) or [NO_SERVICE]
    return [r.severity]


def durations_by_period(records: list, by: str) -> list[Period]:
    """Count, median and p90 of each duration per group; trends against the previous period."""
    groups: dict[str, list] = defaultdict(list)
    for r in records:
        for key in _group_key(r, by):
            groups[key].append(r)
    periods = []
    for key in sorted(groups):
        metrics = {}
        for m in DURATION_METRICS:
            values = [v for r in groups[key] if (v := r.duration_seconds()[m]) is not None]
            metrics[m] = MetricStats(len(values), median(values), p90(values))
        periods.append(Period(key, [r.id for r in groups[key]], metrics))
    if by in TIME_GROUPINGS:
        for prev, cur in zip(periods, periods[1:], strict=False):
            for m in DURATION_METRICS:
                a, b = prev.metrics[m].median, cur.metrics[m].median
                if a and b is not None:
                    cur.metrics[m].trend = 100.0 * (b - a) / a
    return periods


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_WORD = re.compile(r"[a-z]+")
_STOP = frozenset("a an and the of to in on for by with was were is its it at from".split())


@functools.lru_cache(maxsize=4096)
def cause_signature(cause: str) -> str:
    """Words of an immediate cause, numbers and small words left out: similar causes match."""
    return " ".join(w for w in _WORD.findall(_NUMBER.sub(" ", cause.lower())) if w not in _STOP)


def recurrence(records: list) -> tuple[list[RecurrenceGroup], list[CategoryRecurrence]]:
    """Groups of two or more incidents sharing a service and a category or a similar cause
    (largest first), and every factor category with how often it recurs."""
    by_category: dict[tuple[str, str], list[str]] = defaultdict(list)
    by_cause: dict[tuple[str, str], list[str]] = defaultdict(list)
    first_words: dict[tuple[str, str], str] = {}
    cat_ids: dict[str, list[str]] = defaultdict(list)
    for r in records:
        cats = sorted(r.categories)
        for c in cats:
            cat_ids[c].append(r.id)
        causes = {cause_signature(c): c for c in r.immediate_causes if c.strip()}
        for service in r.services:
            for c in cats:
                by_category[(service, c)].append(r.id)
            for sig, text in causes.items():
                if sig:
                    by_cause[(service, sig)].append(r.id)
                    first_words.setdefault((service, sig), text)
    groups = [
        RecurrenceGroup(s, "category", c, ids)
        for (s, c), ids in by_category.items()
        if len(ids) > 1
    ]
    groups += [
        RecurrenceGroup(s, "cause", first_words[(s, sig)], ids)
        for (s, sig), ids in by_cause.items()
        if len(ids) > 1
    ]
    groups.sort(key=lambda g: (-len(g.ids), g.service, g.kind, g.label))
    recurring_services = Counter(c for (_s, c), ids in by_category.items() if len(ids) > 1)
    cats = [
        CategoryRecurrence(c, len(ids), recurring_services[c], ids) for c, ids in cat_ids.items()
    ]
    cats.sort(key=lambda c: (-c.services_recurring, -c.incidents, c.category))
    return groups, cats


def follow_through(records: list, today: date) -> tuple[list[FollowThrough], list[FollowThrough]]:
    """Action items per owner and per team: opened, closed, open, overdue, age of open ones."""
    tables: tuple[dict[str, FollowThrough], dict[str, FollowThrough]] = ({}, {})
    ages: dict[tuple[int, str], list[int]] = defaultdict(list)
    today_n = today.toordinal()
    for r in records:
        age = (today - r.date).days
        services = r.services
        team = services[0] if services else NO_SERVICE
        for _id, _text, owner, deadline, _prio, status, _url, _factor in r.action_rows:
            for n, name in enumerate((owner.strip() or NO_OWNER, team)):
                row = tables[n].get(name)
                if row is None:
                    row = tables[n][name] = FollowThrough(name)
                row.opened += 1
                if status in CLOSED:
                    row.closed += 1
                elif status in OPEN:
                    row.open += 1
                    ages[(n, name)].append(age)
                    if deadline is not None and deadline < today_n:
                        row.overdue += 1
                    if not row.ids or row.ids[-1] != r.id:
                        row.ids.append(r.id)
    out = []
    for n, rows in enumerate(tables):
        for name, row in rows.items():
            if ages[(n, name)]:
                row.median_age_days = median(ages[(n, name)])
                row.oldest_age_days = max(ages[(n, name)])
        out.append(sorted(rows.values(), key=lambda f: (-f.overdue, -f.open, f.who)))
    return out[0], out[1]


def _published_at(r, history) -> datetime | None:
    sent = r.first_distribution
    h = history.get(r.file_name)
    committed = datetime.fromtimestamp(h.first_published, UTC) if h and h.first_published else None
    return min((t for t in (sent, committed) if t is not None), default=None)


def published_share(records: list, history: dict) -> Share:
    """Post-mortems past draft published within 48 hours of resolution."""
    goal = publish_within()
    share = Share()
    for r in records:
        resolved = r.resolved
        if r.status == "draft" or resolved is None:
            continue
        share.eligible += 1
        at = _published_at(r, history)
        if at is not None and at - resolved <= goal:
            share.met += 1
        else:
            share.missed.append(r.id)
    return share


def follow_up_share(records: list, history: dict, today: date) -> Share:
    """Follow-up reviews due more than a week ago, held (a commit) around their date."""
    share = Share()
    for r in records:
        due = r.follow_up_due
        if due + FOLLOW_UP_GRACE >= today:
            continue
        share.eligible += 1
        # Commit times are Unix seconds: the window runs from the start of its first UTC day
        # to the end of its last.
        start = (due - FOLLOW_UP_EARLY - _EPOCH).days * 86400
        end = (due + FOLLOW_UP_GRACE - _EPOCH).days * 86400 + 86399
        h = history.get(r.file_name)
        if h and any(start <= t <= end for t in h.commits):
            share.met += 1
        else:
            share.missed.append(r.id)
    return share


def fixes_that_did_not_hold(records: list, history: dict) -> tuple[int, list[FixThatDidNotHold]]:
    """(number of fixed factors, those that recurred within the horizon after their action
    items were closed)."""
    later: dict[tuple[str, str], list] = defaultdict(list)  # (service, category) -> records
    for r in records:
        cats = {c for _i, c, _d in r.factor_rows}
        for s in r.services:
            for c in cats:
                later[(s, c)].append(r)
    starts = {k: [r.started for r in v] for k, v in later.items()}
    ids_of = {k: [r.id for r in v] for k, v in later.items()}
    fixes, failed = 0, []
    for r in records:
        actions = r.action_rows
        for factor_id, category, _text in r.factor_rows:
            items = [a for a in actions if a[7] == factor_id]
            if not items or any(a[5] != "done" for a in items):
                continue
            fixes += 1
            closed = _closed_at(r, [a[3] for a in items], history)
            spans = []
            for s in r.services:
                key = (s, category)
                lo = bisect.bisect_right(starts[key], closed)
                hi = bisect.bisect_right(starts[key], closed + RECURRENCE_HORIZON, lo)
                if hi > lo:
                    spans.append((key, lo, hi))
            if len(spans) == 1:  # the usual case: one service, already in start order
                key, lo, hi = spans[0]
                ids, count = ids_of[key][lo : min(hi, lo + MAX_LISTED)], hi - lo
            else:
                spans = [later[key][lo:hi] for key, lo, hi in spans]
                union = {x.id: x.started for span in spans for x in span}
                ordered = sorted(union, key=lambda i: (union[i], i))
                ids, count = ordered[:MAX_LISTED], len(ordered)
            if count:
                failed.append(
                    FixThatDidNotHold(r.id, ", ".join(r.services), category, closed, ids, count)
                )
    failed.sort(key=lambda x: (-x.recurrences, x.id))
    return fixes, failed


def _closed_at(r, deadlines: list[int | None], history) -> datetime:
    h = history.get(r.file_name)
    if h and h.commits:
        return datetime.fromtimestamp(h.commits[-1], UTC)
    known = [d for d in deadlines if d is not None]
    day = date.fromordinal(max(known)) if known else r.date
    return datetime.combine(day, datetime.max.time(), UTC)


def compute(records: Iterable, q: InsightsQuery, history: dict | None = None) -> Insights:
    """Every insight for the records `q` selects; `history` is file name -> FileHistory."""
    history = history or {}
    chosen = selected(records, q)
    groups, cats = recurrence(chosen)
    fixes, failed = fixes_that_did_not_hold(chosen, history)
    owners, teams = follow_through(chosen, q.today)
    return Insights(
        query=q,
        considered=[r.id for r in chosen],
        periods=durations_by_period(chosen, q.by),
        recurrence=groups,
        categories=cats,
        owners=owners,
        teams=teams,
        published=published_share(chosen, history),
        follow_up=follow_up_share(chosen, history, q.today),
        fixes=fixes,
        fixes_that_did_not_hold=failed,
    )
