"""The arithmetic of the insights, on the repository index's records (see definitions.py).

Everything here takes records (`StatsRecord`, `IndexedPostMortem`, or anything with the same
attributes) and plain options, and returns dataclasses the CLI, the HTML page and the screen
show.
"""

from __future__ import annotations

import bisect
import gc
import math
import operator
from collections import Counter, defaultdict
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from pm_tui.insights.cause_model import STRONG
from pm_tui.insights.causes import SimilarCauses, similar_causes  # noqa: F401
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
_EPOCH_DAY = _EPOCH.toordinal()
_DAY = 86400
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
    """Incidents sharing a service and a factor category, or linked by people as one cause."""

    service: str  # for a confirmed cause: the services of its incidents, comma-separated
    kind: str  # "category", or "confirmed" (recurrence links, transitively)
    label: str  # the category, or the cause as first written
    ids: list[str]  # oldest first
    why: str = ""


@dataclass
class SuggestedRecurrence:
    """Incidents of a service whose immediate causes the pair model reads as one cause, not
    yet decided by a person: shown apart and never counted until confirmed (`pm-tui link`)."""

    service: str
    label: str  # the first incident's cause, as written
    ids: list[str]  # the first incident, then the undecided ones: oldest first
    why: str  # what the causes share (a mechanism, words)
    pairs: list[tuple[str, str]]  # (newer, older): the links confirming it would write
    confidence: str = "possible"  # its weakest pair's band (strong, possible): see DEFINITIONS


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
class FixesThatDidNotHold:
    """A recurring cause that came back after the action items of a factor it involved were
    all done: how many such fixes, how many incidents it came back in, and the latest of each."""

    service: str
    cause: str  # the cause as first written (the group's, as in recurrence)
    categories: list[str]  # the categories of the factors whose fix did not hold
    fixes: int  # fixed factors that did not hold
    recurrences: int  # later incidents in which the cause came back
    last_closed: datetime  # when the latest of those fixes was closed
    fixed_in: list[str]  # the post-mortems of those fixes: the latest MAX_LISTED, oldest first
    recurred: list[str]  # the incidents it came back in: the latest MAX_LISTED, oldest first


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
    fixes: int  # fixed factors
    fixes_not_held: int  # of those, how many did not hold
    fixes_that_did_not_hold: list[FixesThatDidNotHold]  # grouped per recurring cause
    suggested: list[SuggestedRecurrence] = field(default_factory=list)  # never counted
    unreadable: list[str] = field(default_factory=list)


# --- the arithmetic ---------------------------------------------------------------------------


def median(values: list[float]) -> float | None:
    """The middle value (mean of the two middle ones), None for no values."""
    return _middle(sorted(values)) if values else None


def p90(values: list[float]) -> float | None:
    """Nearest-rank 90th percentile: the value at rank ceil(0.9 n) of the sorted values."""
    return _rank90(sorted(values)) if values else None


def _middle(ordered: list[float]) -> float:
    n = len(ordered)  # statistics.median's arithmetic (importing statistics costs 2 ms)
    return float(ordered[n // 2] if n % 2 else (ordered[n // 2 - 1] + ordered[n // 2]) / 2)


def _rank90(ordered: list[float]) -> float:
    return float(ordered[max(1, math.ceil(0.9 * len(ordered))) - 1])


def _median_p90(values: list[float]) -> tuple[float | None, float | None]:
    """(median, p90) of `values`, sorting them once."""
    if not values:
        return None, None
    ordered = sorted(values)
    return _middle(ordered), _rank90(ordered)


def _day(epoch: int) -> int:
    """The UTC day of Unix seconds, as a date ordinal: 10,000 datetimes cost more than the sums."""
    return epoch // _DAY + _EPOCH_DAY


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
    since = q.since.toordinal() if q.since else None
    until = q.until.toordinal() if q.until else None
    out = []
    for r in records:
        if since or until:
            d = _day(r.started_epoch)
            if since and d < since or until and d > until:
                continue
        if severities and r.severity.upper() not in severities:
            continue
        if services and not services & {s.lower() for s in r.services}:
            continue
        out.append(r)
    out.sort(key=_START_AND_ID)
    return out


_START_AND_ID = operator.attrgetter("started_epoch", "id")


def _group_key(r, by: str) -> list[str]:
    if by in TIME_GROUPINGS:
        return [period_key(r.date, by)]
    if by == "service":
        return list(r.services) or [NO_SERVICE]
    return [r.severity]


def durations_by_period(records: list, by: str) -> list[Period]:
    """Count, median and p90 of each duration per group; trends against the previous period."""
    groups: dict[str, list] = defaultdict(list)
    if by in TIME_GROUPINGS:
        keys: dict[int, str] = {}  # day ordinal -> its period
        for r in records:
            day = _day(r.started_epoch)
            key = keys.get(day)
            if key is None:
                key = keys[day] = period_key(date.fromordinal(day), by)
            groups[key].append(r)
    else:
        for r in records:
            for key in _group_key(r, by):
                groups[key].append(r)
    periods = []
    for key in sorted(groups):
        columns: list[list[int]] = [[] for _m in DURATION_METRICS]
        for r in groups[key]:
            for column, v in zip(columns, r.duration_values, strict=True):
                if v is not None:
                    column.append(v)
        metrics = {
            m: MetricStats(len(values), *_median_p90(values))
            for m, values in zip(DURATION_METRICS, columns, strict=True)
        }
        periods.append(Period(key, [r.id for r in groups[key]], metrics))
    if by in TIME_GROUPINGS:
        for prev, cur in zip(periods, periods[1:], strict=False):
            for m in DURATION_METRICS:
                a, b = prev.metrics[m].median, cur.metrics[m].median
                if a and b is not None:
                    cur.metrics[m].trend = 100.0 * (b - a) / a
    return periods


class CauseIndex:
    """The records' immediate causes grouped per service by similarity (`SimilarCauses`):
    which groups each record is in, and the records of each group, in the records' order."""

    def __init__(self, records: list):
        self.similar = SimilarCauses()
        self.keys: list[list[tuple[str, int]]] = []  # per record: its (service, group)
        self.members: dict[tuple[str, int], list[int]] = defaultdict(list)  # -> record indexes
        add = self.similar.add
        for i, r in enumerate(records):
            keys: list[tuple[str, int]] = []
            for text, terms in r.cause_terms:
                for service in r.services:
                    n = add(service, text, terms, r.id)
                    if n >= 0 and (service, n) not in keys:
                        keys.append((service, n))
                        self.members[(service, n)].append(i)
            self.keys.append(keys)


class Links:
    """The recurrence links people decided, over every record (a link holds through a
    post-mortem a query leaves out): confirmed groups, transitively, and rejected pairs. A
    pair both confirmed and rejected (in one file or across two) counts as rejected."""

    def __init__(self, records: list):
        ids = {r.id for r in records}
        self.rejected: set[frozenset[str]] = {
            frozenset((r.id, other))
            for r in records
            for other in getattr(r, "not_same_cause_as", ())
            if other in ids and other != r.id
        }
        parent: dict[str, str] = {}

        def find(pm_id: str) -> str:
            root = pm_id
            while root in parent:
                root = parent[root]
            while pm_id != root:  # path compression keeps later look-ups short
                parent[pm_id], pm_id = root, parent[pm_id]
            return root

        rejected = self.rejected
        for r in records:
            links = getattr(r, "same_cause_as", ())
            if not links:
                continue
            for other in links:
                if other not in ids or other == r.id:
                    continue
                if rejected and frozenset((r.id, other)) in rejected:
                    continue
                a, b = find(r.id), find(other)
                if a != b:
                    parent[max(a, b)] = min(a, b)
        # id -> its group's name, for the linked ids only (a dict look-up, not a walk: the
        # arithmetic asks for every record's group)
        self._root = {pm_id: find(pm_id) for pm_id in list(parent)}
        # rejected pairs between groups: a suggestion across them never comes back either
        self._apart = {frozenset(map(self.group, pair)) for pair in rejected}

    def group(self, pm_id: str) -> str:
        """The confirmed group of `pm_id`, named by one of its ids (itself when unlinked)."""
        return self._root.get(pm_id, pm_id)

    def undecided(self, a: str, b: str) -> bool:
        """Whether no person decided that `a` and `b` are, or are not, the same cause."""
        root = self._root
        ga, gb = root.get(a, a), root.get(b, b)
        return ga != gb and not (self._apart and frozenset((ga, gb)) in self._apart)


def _first_cause(r) -> str:
    causes = r.cause_terms
    return causes[0][0] if causes else r.title


class ConfirmedGroups:
    """The records grouped by confirmed links (`Links`): the group of each record (a list of
    none or one key, as recurrence groups are used), and each group's record indexes."""

    def __init__(self, records: list, links: Links):
        self.records = records
        self.members: dict[str, list[int]] = defaultdict(list)
        group = links.group
        for i, r in enumerate(records):
            self.members[group(r.id)].append(i)
        self.keys: list[list[str]] = [[] for _r in records]
        for key, members in self.members.items():
            if len(members) > 1:
                for i in members:
                    self.keys[i] = [key]

    def label(self, key: str) -> str:
        """The group's cause: the first immediate cause of its oldest incident."""
        return _first_cause(self.records[self.members[key][0]])

    def services(self, key: str) -> str:
        """The services of the group's incidents, in the order they first appear."""
        found = (s for i in self.members[key] for s in self.records[i].services)
        return ", ".join(dict.fromkeys(found)) or NO_SERVICE

    def groups(self) -> list[RecurrenceGroup]:
        """Every group of two or more."""
        return [
            RecurrenceGroup(
                self.services(key), "confirmed", self.label(key),
                [self.records[i].id for i in members], "confirmed by people",
            )
            for key, members in self.members.items()
            if len(members) > 1
        ]  # fmt: skip


def recurrence(
    records: list, confirmed: ConfirmedGroups | None = None
) -> tuple[list[RecurrenceGroup], list[CategoryRecurrence]]:
    """Groups of two or more incidents sharing a service and a category, or confirmed as one
    cause by recurrence links (largest first), and every factor category with how often it
    recurs."""
    by_category: dict[tuple[str, str], list[str]] = defaultdict(list)
    cat_ids: dict[str, list[str]] = defaultdict(list)
    for r in records:
        cats = sorted(r.categories)
        for c in cats:
            cat_ids[c].append(r.id)
        for service in r.services:
            for c in cats:
                by_category[(service, c)].append(r.id)
    confirmed = confirmed or ConfirmedGroups(records, Links(records))
    groups = [
        RecurrenceGroup(s, "category", c, ids)
        for (s, c), ids in by_category.items()
        if len(ids) > 1
    ]
    groups += confirmed.groups()
    groups.sort(key=lambda g: (-len(g.ids), g.service, g.kind, g.label))
    recurring_services = Counter(c for (_s, c), ids in by_category.items() if len(ids) > 1)
    cats = [
        CategoryRecurrence(c, len(ids), recurring_services[c], ids) for c, ids in cat_ids.items()
    ]
    cats.sort(key=lambda c: (-c.services_recurring, -c.incidents, c.category))
    return groups, cats


def suggested_recurrences(causes: CauseIndex, links: Links) -> list[SuggestedRecurrence]:
    """The groups of similar immediate causes (per service, `CauseIndex`) less what people
    decided: a pair confirmed (already one group) or rejected is never suggested again. The
    strong ones first (`cause_model.confidence`), then the larger."""
    out, seen = [], set()
    for service, label, ids, why, n in causes.similar.groups():
        first = ids[0]
        undecided = [m for m in ids[1:] if m != first and links.undecided(first, m)]
        pairs = tuple((m, first) for m in undecided)
        if not pairs or pairs in seen:  # (an incident of two services: suggested once)
            continue
        seen.add(pairs)
        band = causes.similar.confidence(service, n, undecided)
        out.append(SuggestedRecurrence(service, label, [first, *undecided], why, list(pairs), band))
    out.sort(key=lambda g: (g.confidence != STRONG, -len(g.ids), g.service, g.label))
    return out


def follow_through(records: list, today: date) -> tuple[list[FollowThrough], list[FollowThrough]]:
    """Action items per owner and per team: opened, closed, open, overdue, age of open ones."""
    owners: dict[str, FollowThrough] = {}  # by the owner as written
    by_name: dict[str, FollowThrough] = {}  # by the owner, blanks stripped
    teams: dict[str, FollowThrough] = {}
    ages: dict[int, list[int]] = defaultdict(list)  # id() of a row -> ages of its open items
    today_n = today.toordinal()
    for r in records:
        age = today_n - _day(r.started_epoch)
        services = r.services
        team = services[0] if services else NO_SERVICE
        team_row = teams.get(team)
        if team_row is None:
            team_row = teams[team] = FollowThrough(team)
        for owner, deadline, status, _factor in r.action_facts:
            owner_row = owners.get(owner)
            if owner_row is None:
                name = owner.strip() or NO_OWNER
                owner_row = owners[owner] = by_name.setdefault(name, FollowThrough(name))
            for row in (owner_row, team_row):
                row.opened += 1
                if status in CLOSED:
                    row.closed += 1
                elif status in OPEN:
                    row.open += 1
                    ages[id(row)].append(age)
                    if deadline is not None and deadline < today_n:
                        row.overdue += 1
                    if not row.ids or row.ids[-1] != r.id:
                        row.ids.append(r.id)
    out = []
    for rows in (by_name.values(), teams.values()):
        for row in rows:
            if ages[id(row)]:
                row.median_age_days = median(ages[id(row)])
                row.oldest_age_days = max(ages[id(row)])
        out.append(sorted(rows, key=lambda f: (-f.overdue, -f.open, f.who)))
    return out[0], out[1]


def needs_git_publication(r) -> bool:
    """Whether `r`'s publication time must come from git: counted (past draft, resolved) and
    no distribution recorded."""
    return (
        r.first_distribution_epoch is None and r.status != "draft" and r.resolved_epoch is not None
    )


def _published_at(r, history) -> int | None:
    """When `r` was first published, in Unix seconds: its first distribution recorded in the
    file, else the first commit whose file said it was published (as the definition says, and
    as the file's own process/late-distribution badge measures it)."""
    sent = r.first_distribution_epoch
    if sent is not None:
        return sent
    h = history.get(r.file_name)
    return h.first_published if h and h.first_published else None


def published_share(records: list, history: dict) -> Share:
    """Post-mortems past draft published within 48 hours of resolution."""
    goal = publish_within().total_seconds()
    share = Share()
    for r in records:
        resolved = r.resolved_epoch
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
    today_n, grace, early = today.toordinal(), FOLLOW_UP_GRACE.days, FOLLOW_UP_EARLY.days
    for r in records:
        due = r.follow_up_due_ordinal
        if due + grace >= today_n:
            continue
        share.eligible += 1
        # Commit times are Unix seconds: the window runs from the start of its first UTC day
        # to the end of its last.
        start = (due - early - _EPOCH_DAY) * _DAY
        end = (due + grace - _EPOCH_DAY) * _DAY + _DAY - 1
        h = history.get(r.file_name)
        if h and any(start <= t <= end for t in h.commits):
            share.met += 1
        else:
            share.missed.append(r.id)
    return share


def fixes_that_did_not_hold(
    records: list, history: dict, causes: ConfirmedGroups | None = None
) -> tuple[int, int, list[FixesThatDidNotHold]]:
    """(fixed factors, how many did not hold, the recurring causes they did not hold against).

    A factor is fixed when every action item addressing it is done, closed by the last commit
    of its post-mortem. The fix did not hold when an incident confirmed as the same cause
    (the same confirmed group as in recurrence) that names the factor's category again
    started within the horizon after that. Suggested groups never count."""
    causes = causes or ConfirmedGroups(records, Links(records))
    # (confirmed group, category) -> record indexes in start order, and their starts
    columns: dict[tuple, list[int]] = defaultdict(list)
    for key, members in causes.members.items():
        if len(members) > 1:
            for j in members:
                for c in records[j].categories:
                    columns[(key, c)].append(j)
    starts = {k: [records[j].started_epoch for j in v] for k, v in columns.items()}
    horizon = int(RECURRENCE_HORIZON.total_seconds())
    right = bisect.bisect_right
    fixes, not_held = 0, 0
    # group -> (record, closed, column, lo, hi) of each fix that did not hold against it
    found: dict[tuple, list[tuple]] = defaultdict(list)
    for i, r in enumerate(records):
        actions = r.action_facts
        if not actions:
            continue
        keys = [k for k in causes.keys[i] if len(causes.members[k]) > 1]
        h = history.get(r.file_name)
        last_commit = h.commits[-1] if h and h.commits else None
        for factor_id, category in r.factor_facts:
            deadlines: list | None = []
            for _owner, deadline, status, factor in actions:  # the factor's items, all done
                if factor == factor_id:
                    if status != "done":
                        deadlines = None
                        break
                    deadlines.append(deadline)
            if not deadlines:
                continue
            fixes += 1
            if not keys:
                continue
            # Whole seconds: a start after the closing second is after the closing instant.
            closed = last_commit if last_commit is not None else _closed_epoch(r, deadlines)
            held = True
            for key in keys:
                column = starts.get((key, category))
                if column is None:
                    continue
                lo = right(column, closed)
                hi = right(column, closed + horizon, lo)
                if hi > lo:
                    found[key].append((i, closed, (key, category), lo, hi))
                    held = False
            not_held += not held
    out = [
        _did_not_hold(key, fixes_of, records, columns, causes) for key, fixes_of in found.items()
    ]
    out.sort(key=lambda x: (-x.fixes, -x.recurrences, x.service, x.cause))
    return fixes, not_held, out


def _did_not_hold(
    key: str, found: list[tuple], records: list, columns: dict, causes: ConfirmedGroups
) -> FixesThatDidNotHold:
    """The row of one recurring cause from the fixes that did not hold against it."""
    spans: dict[tuple, list[tuple[int, int]]] = defaultdict(list)
    for _i, _closed, column, lo, hi in found:
        spans[column].append((lo, hi))
    came_back: set[int] = set()
    for column, pairs in spans.items():  # overlapping spans merged: each slice taken once
        pairs.sort()
        start, end = pairs[0]
        for lo, hi in pairs[1:]:
            if lo > end:
                came_back.update(columns[column][start:end])
                start = lo
            end = max(end, hi)
        came_back.update(columns[column][start:end])
    back = sorted(came_back)
    fixed = sorted({x[0] for x in found})
    return FixesThatDidNotHold(
        service=causes.services(key),
        cause=causes.label(key),
        categories=sorted({column[1] for column in spans}),
        fixes=len(found),
        recurrences=len(back),
        last_closed=datetime.fromtimestamp(max(x[1] for x in found), UTC),
        fixed_in=[records[i].id for i in fixed[-MAX_LISTED:]],
        recurred=[records[j].id for j in back[-MAX_LISTED:]],
    )


def _closed_epoch(r, deadlines: list[int | None]) -> int:
    """When the factor of a file without commits was closed, in Unix seconds: the end of its
    items' latest deadline (else of the incident's day)."""
    known = [d for d in deadlines if d is not None]
    day = max(known) if known else _day(r.started_epoch)
    return (day - _EPOCH_DAY) * _DAY + _DAY - 1


@contextmanager
def gc_paused():
    """No garbage collection meanwhile: reading and summing 10,000 records makes about a
    million objects and no cycles, and in the wizard each collection also walks the app's
    own (the Insights screen opens 0.1 s sooner). Nothing is frozen: the app runs on."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def compute(records: Iterable, q: InsightsQuery, history: dict | None = None) -> Insights:
    """Every insight for the records `q` selects; `history` is file name -> FileHistory."""
    with gc_paused():
        return _compute(records, q, history or {})


def _compute(records: Iterable, q: InsightsQuery, history: dict) -> Insights:
    records = records if isinstance(records, list) else list(records)
    chosen = selected(records, q)
    links = Links(records)
    confirmed = ConfirmedGroups(chosen, links)
    groups, cats = recurrence(chosen, confirmed)
    fixes, not_held, failed = fixes_that_did_not_hold(chosen, history, confirmed)
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
        fixes_not_held=not_held,
        fixes_that_did_not_hold=failed,
        suggested=suggested_recurrences(CauseIndex(chosen), links),
    )
