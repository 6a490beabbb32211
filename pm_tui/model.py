"""The post-mortem model: plain dataclasses, no I/O, no UI.

Every time is an aware UTC datetime; every date is a `datetime.date`. The TOML store
(`pm_tui.postmortem_store`) turns files into these objects and back; everything else reads them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

SCHEMA_VERSION = 1

STATUSES = ("draft", "in-review", "published")

SEVERITIES: dict[str, str] = {
    "P1": "Critical: a core service down or data at risk for many customers",
    "P2": "Major: a core feature degraded for many customers, or down for some",
    "P3": "Minor: limited impact, a workaround exists",
    "P4": "Low: no customer impact, a near miss worth learning from",
}

EVENT_KINDS = (
    "change",
    "first_symptom",
    "alert_fired",
    "paged",
    "acknowledged",
    "diagnosis",
    "mitigation",
    "recovery",
    "alert_resolved",
    "resolved",
    "communication",
    "other",
)

FACTOR_CATEGORIES = (
    "monitoring",
    "testing",
    "runbook",
    "capacity",
    "change-management",
    "dependency",
    "communication",
    "process",
    "other",
)

PRIORITIES = ("High", "Medium", "Low")

ACTION_STATUSES = ("open", "in-progress", "done", "wont-do")

SOURCE_KINDS = (
    "logs",
    "kubectl",
    "kube-events",
    "prometheus",
    "alertmanager",
    "alert-notifications",
    "pagerduty",
    "slack",
    "changes",
    "openmetrics",
    "alert-rules",
    "loki",
    "elasticsearch",
    "opensearch",
    "clickhouse",
    "cloudwatch",
    "other",
)

_SLUG_RE = re.compile(r"[^a-z0-9]+")
ID_RE = re.compile(r"^\d{4}-\d{2}-\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$")
ACTION_ID_RE = re.compile(r"^AI-\d{3,}$")


def slugify(text: str, max_len: int = 60) -> str:
    """Lower-case ASCII slug of `text`: letters and digits joined by single hyphens."""
    slug = _SLUG_RE.sub("-", text.lower()).strip("-")
    if len(slug) > max_len:
        slug = slug[:max_len].rsplit("-", 1)[0] or slug[:max_len]
    return slug or "incident"


def make_id(started: datetime, title: str) -> str:
    """The post-mortem id: the incident's UTC start date and a slug of its title."""
    return f"{to_utc(started).date().isoformat()}-{slugify(title)}"


def to_utc(value: datetime) -> datetime:
    """Return `value` as an aware UTC datetime; a naive value is taken to be UTC already."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def now_utc() -> datetime:
    """The current time, aware, in UTC, to the second."""
    return datetime.now(UTC).replace(microsecond=0)


@dataclass
class IncidentWindow:
    """The incident's milestones. Only `started` is required."""

    started: datetime
    detected: datetime | None = None
    acknowledged: datetime | None = None
    mitigated: datetime | None = None
    resolved: datetime | None = None

    MILESTONES = ("started", "detected", "acknowledged", "mitigated", "resolved")


@dataclass
class Impact:
    """Who and what was hurt, in words and, where known, in figures."""

    description: str = ""
    failed_requests: int | None = None
    customers_affected: int | None = None
    estimated_cost: float | None = None
    cost_currency: str = "USD"


@dataclass
class EvidenceSource:
    """One source collected in step 1 and what came of it."""

    kind: str
    target: str
    query: str = ""
    window_start: datetime | None = None
    window_end: datetime | None = None
    collected_at: datetime | None = None
    counts: dict[str, int] = field(default_factory=dict)
    gaps: list[str] = field(default_factory=list)
    redactions: int = 0
    # How to read it again: selector, context, namespace, token_env (a variable's name, never
    # a token), ca_bundle... so a re-collect from any interface repeats the same query.
    options: dict[str, str | int | bool | list[str]] = field(default_factory=dict)


@dataclass
class TimelineEvent:
    """One row of the curated timeline."""

    id: str
    time: datetime
    text: str
    kind: str = "other"
    source: str = ""
    actor: str = ""


@dataclass
class ContributingFactor:
    """A condition that made the incident possible or worse, and the events that show it."""

    id: str
    category: str
    description: str
    events: list[str] = field(default_factory=list)


@dataclass
class FiveWhys:
    """A Five Whys chain: the problem, then each answer to 'why?' in turn."""

    problem: str
    whys: list[str] = field(default_factory=list)


@dataclass
class Analysis:
    """Step 3: immediate causes, contributing factors, systemic issues, Five Whys."""

    immediate_causes: list[str] = field(default_factory=list)
    factors: list[ContributingFactor] = field(default_factory=list)
    systemic_issues: list[str] = field(default_factory=list)
    five_whys: list[FiveWhys] = field(default_factory=list)


@dataclass
class ActionItem:
    """A follow-up with one owner and a deadline."""

    id: str
    action: str
    owner: str = ""
    deadline: date | None = None
    priority: str = "Medium"
    status: str = "open"
    tracker_url: str = ""
    factor: str = ""

    @property
    def is_open(self) -> bool:
        return self.status in ("open", "in-progress")


@dataclass
class Retrospective:
    """What went well, what went wrong, where we got lucky, lessons learned."""

    went_well: list[str] = field(default_factory=list)
    went_wrong: list[str] = field(default_factory=list)
    lucky: list[str] = field(default_factory=list)
    lessons: list[str] = field(default_factory=list)


@dataclass
class Distribution:
    """One sending of the report: when, through what, to whom."""

    sent_at: datetime
    channel: str
    recipients: list[str] = field(default_factory=list)


@dataclass
class Acknowledgement:
    """A reviewed finding that should stop nagging: which rule, where, and why it is fine."""

    rule: str
    location: str
    reason: str
    by: str = ""


@dataclass
class GateOverride:
    """A person went ahead (published, distributed, filed tickets) despite an error-level
    finding: which action, which finding, why, who and when (pm_tui.workflow.gate)."""

    action: str
    rule: str
    location: str
    finding: str
    reason: str
    by: str
    at: datetime


@dataclass
class Recurrence:
    """What people decided about this incident recurring: the earlier post-mortems (ids)
    whose immediate cause is the same as this one's (confirmed), and those suggested as the
    same cause that a person said are not (rejected: never suggested again)."""

    same_cause_as: list[str] = field(default_factory=list)
    not_same_cause_as: list[str] = field(default_factory=list)


@dataclass
class PostMortem:
    """A whole post-mortem, as kept in one TOML file."""

    id: str
    title: str
    window: IncidentWindow
    status: str = "draft"
    severity: str = "P3"
    services: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    reviewers: list[str] = field(default_factory=list)
    reviewed: date | None = None
    summary: str = ""
    root_cause: str = ""
    impact: Impact = field(default_factory=Impact)
    sources: list[EvidenceSource] = field(default_factory=list)
    timeline: list[TimelineEvent] = field(default_factory=list)
    analysis: Analysis = field(default_factory=Analysis)
    recurrence: Recurrence = field(default_factory=Recurrence)
    actions: list[ActionItem] = field(default_factory=list)
    retrospective: Retrospective = field(default_factory=Retrospective)
    distribution: list[Distribution] = field(default_factory=list)
    follow_up_review: date | None = None
    acknowledged: list[Acknowledgement] = field(default_factory=list)
    overrides: list[GateOverride] = field(default_factory=list)
    schema_version: int = SCHEMA_VERSION

    # --- small conveniences used by screens, reports and the CLI -----------------
    @property
    def date(self) -> date:
        return self.window.started.date()

    def open_actions(self) -> list[ActionItem]:
        return [a for a in self.actions if a.is_open]

    def event(self, event_id: str) -> TimelineEvent | None:
        return next((e for e in self.timeline if e.id == event_id), None)

    def factor(self, factor_id: str) -> ContributingFactor | None:
        return next((f for f in self.analysis.factors if f.id == factor_id), None)

    def next_event_id(self) -> str:
        return _next_id("T-", [e.id for e in self.timeline])

    def next_action_id(self) -> str:
        return _next_id("AI-", [a.id for a in self.actions])

    def next_factor_id(self) -> str:
        return _next_id("CF-", [f.id for f in self.analysis.factors], width=1)

    def sort_timeline(self) -> None:
        """Order the timeline by time; rows at the same time keep their order."""
        self.timeline.sort(key=lambda e: e.time)


def _next_id(prefix: str, existing: list[str], width: int = 3) -> str:
    numbers = [
        int(m.group(1)) for i in existing if (m := re.match(re.escape(prefix) + r"(\d+)$", i))
    ]
    return f"{prefix}{(max(numbers) + 1) if numbers else 1:0{width}d}"


def new_postmortem(
    title: str,
    started: datetime,
    *,
    resolved: datetime | None = None,
    severity: str = "P3",
    services: list[str] | None = None,
    authors: list[str] | None = None,
) -> PostMortem:
    """A fresh draft with its id made from the start date and the title."""
    started = to_utc(started)
    return PostMortem(
        id=make_id(started, title),
        title=title,
        window=IncidentWindow(started=started, resolved=to_utc(resolved) if resolved else None),
        severity=severity,
        services=list(services or []),
        authors=list(authors or []),
    )
