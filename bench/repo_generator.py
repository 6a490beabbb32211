"""A realistic post-mortem repository, generated deterministically, with its truths recorded.

    from bench.repo_generator import generate
    truth = generate(Path("/tmp/pms"), count=10_000)

Several years of incidents over several services, each with a timeline, factors from a few
recurring causes, action items with owners and deadlines, and a git history written with
`git fast-import` (fast even for 10,000 files): the draft, the publication (a day to a
week after resolution) and, for some, the follow-up review. Time to resolve shrinks by a
known factor each year, some causes recur by design (a few come back after their fix was
closed, the others stay away for 90 days once fixed),
and a known number of action items are overdue on `truth.today`. People decided some
recurrences (`[recurrence]`): every recurrence of a cause whose fixes do not hold is linked to
the one before it, half of the others are, and some incidents reject a suggestion that an
earlier incident of their service with another cause is the same. The bench uses it at
10,000 post-mortems; the tests at a few dozen, checking the insights against `truth`.
"""

from __future__ import annotations

import random
import shutil
import subprocess
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

SERVICES = {
    "api": "platform",
    "checkout": "commerce",
    "payments": "commerce",
    "search": "discovery",
    "postgres-orders": "platform",
    "redis": "platform",
    "rabbitmq": "messaging",
    "cdn": "edge",
}
# Recurring causes: (service, factor category, wordings of one immediate cause with a number
# that varies, whether a done fix holds). A cause whose fix holds does not come back within
# RECURRENCE_DAYS after every action item addressing its first factor is done (the generator
# picks another cause meanwhile); the others (a dependency we do not control, a pool that keeps
# being sized by hand) come back whatever was done: the fixes that did not hold, by design.
CAUSES = [
    ("api", "capacity", ("The database connection pool of {n} connections was exhausted",
                         "All {n} connections in the API's database pool were in use"), False),
    ("api", "change-management", ("A config push set the gateway's request timeout to {n} ms",
                                  "The gateway's request timeout was misconfigured to {n} ms by "
                                  "a config push"), True),
    ("api", "capacity", ("The API pods were OOM-killed at the {n} Mi memory limit",
                         "API pods ran out of memory under {n}k requests a second"), True),
    ("payments", "dependency", ("The card processor timed out after {n} seconds",
                                "Calls to the card processor hit the {n} s timeout"), False),
    ("payments", "process", ("The payments gateway's TLS certificate expired after {n} days "
                             "without renewal", "The cert on the payments gateway lapsed; "
                             "auto-renewal had failed for {n} days"), True),
    ("checkout", "change-management", ("Release {n} shipped a migration without a rollback",
                                       "Migration {n} went out with no rollback"), True),
    ("checkout", "capacity", ("A retry storm of {n}k requests a second overloaded the cart "
                              "service", "Client retries ({n}k a second) overwhelmed the cart "
                              "service"), True),
    ("search", "monitoring", ("The index rebuild stalled for {n} minutes without an alert",
                              "The nightly index rebuild hung for {n} minutes and nothing "
                              "alerted"), True),
    ("search", "capacity", ("Search nodes ran out of disk space at {n}% of the volume",
                            "The search data volume filled up: no space left on device at "
                            "{n}%"), True),
    ("rabbitmq", "capacity", ("The broker's data disk filled with {n} GB of archives",
                              "{n} GB of archives filled the broker's disk and the disk alarm "
                              "blocked publishers"), True),
    ("rabbitmq", "monitoring", ("Consumers fell behind by {n}k messages after a deploy",
                                "The queue backed up with {n}k messages as consumers lagged"),
     True),
    ("redis", "runbook", ("The failover took {n} minutes: the runbook named an old host",
                          "The failover runbook pointed at a decommissioned host and the "
                          "failover took {n} minutes"), True),
    ("redis", "capacity", ("Redis hit maxmemory and evicted {n}k session keys",
                           "Redis ran out of memory and evicted {n}k session keys"), True),
    ("cdn", "dependency", ("The CDN provider served stale certificates for {n} minutes",
                           "For {n} minutes the CDN provider served outdated certificates"),
     False),
    ("cdn", "change-management", ("A purge of {n}k objects sent all traffic to the origin at "
                                  "once", "A cache purge of {n}k objects sent every request "
                                  "straight to the origin"), True),
    ("postgres-orders", "testing", ("A query missing an index scanned {n} million rows",
                                    "An unindexed query did a full table scan of {n} million "
                                    "rows"), True),
    ("postgres-orders", "capacity", ("Replication lag on the orders replica reached {n} "
                                     "seconds", "The orders read replica lagged {n} seconds "
                                     "behind"), True),
]  # fmt: skip
CAUSE_WEIGHTS = [5, 2, 2, 4, 1, 2, 2, 2, 1, 2, 1, 1, 1, 1, 1, 1, 1]
RECURRENCE_DAYS = 90  # pm_tui.insights.definitions.RECURRENCE_HORIZON
OWNERS = ["alice.chen", "bob.okafor", "priya.nair", "dana.ruiz", "marco.rossi", "lena.berg"]
# Time to resolve is multiplied by this each year after the first (the trend to find).
YEARLY_RESOLVE_FACTOR = 0.8
SEVERITY_MINUTES = {"P1": 120, "P2": 90, "P3": 60, "P4": 40}


@dataclass
class Incident:
    """What the generator decided for one post-mortem (the truth the tests check against)."""

    id: str
    started: datetime
    severity: str
    service: str
    category: str
    cause: str
    cause_key: int  # which of CAUSES: the same key is the same recurring cause, however worded
    category2: str  # the second factor's category
    detect_min: int
    ack_min: int
    mitigate_min: int
    resolve_min: int
    published_at: datetime
    distributed: bool  # publication recorded in [[distribution]] (else only in git history)
    follow_up: date
    follow_up_held: datetime | None
    actions: list[dict] = field(default_factory=list)
    same_cause_as: list[str] = field(default_factory=list)  # confirmed by a person
    not_same_cause_as: list[str] = field(default_factory=list)  # rejected by a person

    @property
    def resolved(self) -> datetime:
        return self.started + timedelta(minutes=self.resolve_min)


@dataclass
class Truth:
    """Everything generated, and `today`, the date the counts below are true on."""

    today: date
    incidents: list[Incident]

    def confirmed_groups(self) -> dict[str, str]:
        """Incident id -> the id of the oldest incident linked to it (transitively)."""
        group: dict[str, str] = {}
        for inc in self.incidents:  # links name earlier incidents only
            group[inc.id] = group[inc.same_cause_as[0]] if inc.same_cause_as else inc.id
        return group

    def closed_at(self, inc: Incident) -> datetime:
        """When the file reached its final state (its last commit)."""
        return inc.follow_up_held or inc.published_at

    def fixed_factors(self) -> list[tuple[Incident, str, str]]:
        """(incident, factor id, category) of every factor whose action items are all done."""
        out = []
        for p in self.incidents:
            for factor, category in (("CF-1", p.category), ("CF-2", p.category2)):
                fixes = [a for a in p.actions if a["factor"] == factor]
                if fixes and all(a["status"] == "done" for a in fixes):
                    out.append((p, factor, category))
        return out

    def recurred_after_fix(self) -> set[tuple[str, str, str]]:
        """(fixed incident id, factor id, recurring incident id): the later incident was
        confirmed as the same cause (linked, transitively) and names the factor's category
        again, and starts within 90 days after every action item of the factor was done."""
        out = set()
        horizon = timedelta(days=RECURRENCE_DAYS)
        group = self.confirmed_groups()
        for p, factor, category in self.fixed_factors():
            closed = self.closed_at(p)
            for q in self.incidents:
                if (
                    group[q.id] == group[p.id]
                    and category in (q.category, q.category2)
                    and closed < q.started <= closed + horizon
                ):
                    out.add((p.id, factor, q.id))
        return out

    def fixes_that_did_not_hold(self) -> dict[tuple[str, int], tuple[set, set]]:
        """(service, cause key) -> ({(fixed incident id, factor id)}, {recurring incident id})
        for each recurring cause that came back after a fix (one confirmed group each: the
        causes whose fixes do not hold are always linked)."""
        by_id = {i.id: i for i in self.incidents}
        out: dict[tuple[str, int], tuple[set, set]] = {}
        for p_id, factor, q_id in self.recurred_after_fix():
            p = by_id[p_id]
            fixes, recurred = out.setdefault((p.service, p.cause_key), (set(), set()))
            fixes.add((p_id, factor))
            recurred.add(q_id)
        return out

    def overdue(self) -> int:
        return sum(
            1
            for i in self.incidents
            for a in i.actions
            if a["status"] in ("open", "in-progress") and a["deadline"] < self.today
        )


def _end_of_day(value: datetime) -> datetime:
    # The history has one commit a day (fast-import writes a whole tree per commit), at 23:59.
    return datetime.combine(value.date(), time(23, 59), UTC)


def _cause(rng: random.Random, started: datetime, fixed: dict[int, list[datetime]]) -> int:
    """Which of CAUSES an incident starting at `started` has: one whose fix holds stays away
    for RECURRENCE_DAYS after its fix was closed (`fixed`: cause key -> when fixes closed)."""
    horizon = timedelta(days=RECURRENCE_DAYS)

    def away(key: int) -> bool:
        if not CAUSES[key][3]:
            return False
        closed = fixed.get(key, [])
        closed[:] = [c for c in closed if started <= c + horizon]  # starts only grow
        return any(c < started for c in closed)

    keys = range(len(CAUSES))
    key = rng.choices(keys, CAUSE_WEIGHTS)[0]
    if away(key):  # another cause of the kind whose fixes hold, while one is not away
        free = [k for k in keys if CAUSES[k][3] and not away(k)]
        free = free or [k for k in keys if not away(k)]
        key = rng.choices(free, [CAUSE_WEIGHTS[k] for k in free])[0]
    return key


def _incident(
    rng: random.Random, n: int, started: datetime, first_year: int, today: date, key: int
) -> Incident:
    service, category, wordings, _holds = CAUSES[key]
    cause = rng.choice(wordings)
    severity = rng.choices(["P1", "P2", "P3", "P4"], [1, 3, 4, 2])[0]
    years = started.year - first_year
    resolve = int(SEVERITY_MINUTES[severity] * YEARLY_RESOLVE_FACTOR**years * rng.uniform(0.8, 1.2))
    resolve = max(resolve, 12)
    detect = max(1, int(resolve * rng.uniform(0.08, 0.2)))
    ack = detect + rng.randint(1, 6)
    mitigate = max(ack + 1, int(resolve * rng.uniform(0.5, 0.8)))
    publish_hours = rng.choice([6, 20, 30, 40, 44, 60, 90, 150])
    follow_up = (started + timedelta(days=28)).date()
    held_delay = rng.choice([None, 0, 1, 3, 6, 12, 20])
    held = (
        _end_of_day(datetime.combine(follow_up + timedelta(days=held_delay), time(), UTC))
        if held_delay is not None
        else None
    )
    if held is not None and held.date() > today:
        held = None  # not held yet on the day the repository is seen
    slug = f"{service}-{category}-{n:05d}"
    return Incident(
        id=f"{started.date().isoformat()}-{slug}",
        started=started,
        severity=severity,
        service=service,
        category=category,
        cause=cause.format(n=rng.choice([20, 30, 50, 80, 120])),
        cause_key=key,
        category2=rng.choice(["monitoring", "runbook", "communication", "process", "testing"]),
        detect_min=detect,
        ack_min=ack,
        mitigate_min=mitigate,
        resolve_min=resolve,
        published_at=_end_of_day(started + timedelta(minutes=resolve, hours=publish_hours)),
        distributed=rng.random() < 0.5,
        follow_up=follow_up,
        follow_up_held=held,
    )


def _actions(rng: random.Random, inc: Incident, today: date) -> list[dict]:
    out = []
    for k in range(rng.randint(1, 4)):
        deadline = inc.started.date() + timedelta(days=rng.choice([7, 14, 21, 30, 45, 60, 90]))
        if deadline < today - timedelta(days=200):
            status = rng.choices(["done", "wont-do", "open"], [85, 5, 10])[0]
        else:
            status = rng.choices(["done", "open", "in-progress"], [40, 40, 20])[0]
        out.append(
            {
                "id": f"AI-{k + 1:03d}",
                "action": f"Alert on {inc.service} {inc.category} saturation above 80% for five "
                f"minutes, paging the {inc.service} on-call (step {k + 1})",
                "owner": rng.choice(OWNERS),
                "deadline": deadline,
                "priority": rng.choice(["High", "Medium", "Low"]),
                "status": status,
                "factor": "CF-1" if k == 0 else "CF-2",
            }
        )
    return out


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _t(value: datetime) -> str:
    return value.strftime("%Y-%m-%dT%H:%M:%SZ")


def render(inc: Incident, *, stage: str) -> str:
    """The TOML text of `inc` at a stage of its history: 'draft', 'published' or 'final'."""
    at = inc.started
    minute = timedelta(minutes=1)
    status = "draft" if stage == "draft" else "published"
    lines = [
        "schema_version = 1",
        f"id = {_q(inc.id)}",
        f"title = {_q(f'{inc.service} incident: {inc.cause.lower()}')}",
        f'status = "{status}"',
        f'severity = "{inc.severity}"',
        f'services = ["{inc.service}"]',
        f'authors = ["{OWNERS[len(inc.id) % len(OWNERS)]}"]',
        f"follow_up_review = {inc.follow_up.isoformat()}",
        f"summary = {_q(f'{inc.cause}; customers of {inc.service} saw errors until it was fixed.')}",
        f"root_cause = {_q(f'{inc.cause}, and nothing warned before customers noticed.')}",
        "",
        "[window]",
        f"started = {_t(at)}",
        f"detected = {_t(at + inc.detect_min * minute)}",
        f"acknowledged = {_t(at + inc.ack_min * minute)}",
        f"mitigated = {_t(at + inc.mitigate_min * minute)}",
        f"resolved = {_t(inc.resolved)}",
        "",
        "[impact]",
        f'description = "Requests to {inc.service} failed for {inc.resolve_min} minutes."',
        f"failed_requests = {inc.resolve_min * 137}",
    ]
    events = [
        ("first_symptom", 0, f"First errors from {inc.service}"),
        ("alert_fired", inc.detect_min, f"{inc.service} error ratio alert fires"),
        ("acknowledged", inc.ack_min, "Page acknowledged by the on-call"),
        ("diagnosis", (inc.ack_min + inc.mitigate_min) // 2, inc.cause),
        ("mitigation", inc.mitigate_min, f"Traffic to {inc.service} shed while it recovers"),
        ("resolved", inc.resolve_min, f"{inc.service} error ratio back to its baseline"),
    ]
    for k, (kind, mins, text) in enumerate(events, 1):
        lines += [
            "",
            "[[timeline]]",
            f'id = "T-{k:03d}"',
            f"time = {_t(at + mins * minute)}",
            f'kind = "{kind}"',
            f"text = {_q(text)}",
            'source = "Prometheus ALERTS"' if kind == "alert_fired" else 'source = "chat log"',
        ]
    lines += ["", "[analysis]", f"immediate_causes = [{_q(inc.cause)}]"]
    lines += [
        "",
        "[[analysis.factors]]",
        'id = "CF-1"',
        f'category = "{inc.category}"',
        f"description = {_q(f'{inc.service}: {inc.cause.lower()} before anyone noticed')}",
        'events = ["T-001", "T-004"]',
        "",
        "[[analysis.factors]]",
        'id = "CF-2"',
        f'category = "{inc.category2}"',
        f'description = "The {inc.category2} around {inc.service} did not catch it in time"',
        'events = ["T-002"]',
    ]
    for a in inc.actions:
        a_status = a["status"] if stage == "final" else "open"
        lines += [
            "",
            "[[actions]]",
            f'id = "{a["id"]}"',
            f"action = {_q(a['action'])}",
            f'owner = "{a["owner"]}"',
            f"deadline = {a['deadline'].isoformat()}",
            f'priority = "{a["priority"]}"',
            f'status = "{a_status}"',
            f'factor = "{a["factor"]}"',
        ]
    if stage != "draft" and inc.distributed:
        lines += [
            "",
            "[[distribution]]",
            f"sent_at = {_t(inc.published_at)}",
            'channel = "email"',
            'recipients = ["incidents@example.com"]',
        ]
    if stage != "draft" and (inc.same_cause_as or inc.not_same_cause_as):
        lines += ["", "[recurrence]"]
        for key in ("same_cause_as", "not_same_cause_as"):
            ids = getattr(inc, key)
            if ids:
                lines.append(f"{key} = [{', '.join(_q(i) for i in ids)}]")
    if stage == "final" and inc.follow_up_held is not None:
        lines += ["", f"# Follow-up review held on {inc.follow_up_held.date().isoformat()}."]
    return "\n".join(lines) + "\n"


def incidents(count: int, *, seed: int = 17, years: int = 5) -> Truth:
    """`count` incidents spread over `years` years from 2021-01-01, and the day they are seen on."""
    rng = random.Random(seed)
    first = datetime(2021, 1, 1, tzinfo=UTC)
    span = timedelta(days=365 * years)
    today = (first + span + timedelta(days=30)).date()
    out: list[Incident] = []
    fixed: dict[int, list[datetime]] = {}  # cause key -> when the fixes of its first factor closed
    truth = Truth(today, out)
    for n in range(count):
        started = first + span * (n + rng.random() * 0.9) / count
        started = started.replace(second=0, microsecond=0)
        key = _cause(rng, started, fixed)
        inc = _incident(rng, n, started, first.year, today, key)
        inc.actions = _actions(rng, inc, today)
        if all(a["status"] == "done" for a in inc.actions if a["factor"] == "CF-1"):
            fixed.setdefault(key, []).append(truth.closed_at(inc))
        out.append(inc)
    _decide_recurrences(out, random.Random(seed + 1))
    return truth


def _decide_recurrences(incidents: list[Incident], rng: random.Random) -> None:
    """What people decided, with its own random numbers (the incidents stay as they were):
    each recurrence of a cause whose fixes do not hold is linked to the one before it, half
    of the others are; one in seven rejects the service's latest incident of another cause."""
    last: dict[int, str] = {}  # cause key -> its latest incident
    latest: dict[str, tuple[int, str]] = {}  # service -> (cause key, id) of its latest
    for inc in incidents:
        before = last.get(inc.cause_key)
        if before is not None and (not CAUSES[inc.cause_key][3] or rng.random() < 0.5):
            inc.same_cause_as.append(before)
        other = latest.get(inc.service)
        if other is not None and other[0] != inc.cause_key and rng.random() < 1 / 7:
            inc.not_same_cause_as.append(other[1])
        last[inc.cause_key] = inc.id
        latest[inc.service] = (inc.cause_key, inc.id)


def _fast_import_stream(truth: Truth) -> bytes:
    # Each file's stages by day: the draft the day it is resolved, the publication, and the
    # follow-up review; one commit a day holds each file in its latest stage of that day.
    days: dict[date, dict[str, tuple[int, Incident, str]]] = {}
    for inc in truth.incidents:
        stages = [(_end_of_day(inc.resolved), 0, "draft"), (inc.published_at, 1, "published")]
        if inc.follow_up_held is not None:
            stages.append((inc.follow_up_held, 2, "final"))
        else:
            stages[-1] = (inc.published_at, 1, "final")  # no follow-up: final once published
        for when, order, stage in stages:
            slot = days.setdefault(when.date(), {})
            if inc.id not in slot or slot[inc.id][0] < order:
                slot[inc.id] = (order, inc, stage)
    out = []
    for mark, day in enumerate(sorted(days), 1):
        when = _end_of_day(datetime.combine(day, time(), UTC))
        files = sorted(days[day].values(), key=lambda s: s[1].id)
        message = f"{len(files)} post-mortems updated on {day.isoformat()}\n".encode()
        out.append(b"commit refs/heads/main\n")
        out.append(f"mark :{mark}\n".encode())
        out.append(f"committer pm-tui <pm-tui@localhost> {int(when.timestamp())} +0000\n".encode())
        out.append(b"data %d\n%s" % (len(message), message))
        if mark > 1:
            out.append(f"from :{mark - 1}\n".encode())
        for _order, inc, stage in files:
            data = render(inc, stage=stage).encode()
            out.append(f"M 100644 inline postmortems/{inc.id}.toml\n".encode())
            out.append(b"data %d\n%s\n" % (len(data), data))
    return b"".join(out)


def generate(target: Path, count: int, *, seed: int = 17, years: int = 5) -> Truth:
    """Write a git repository of `count` post-mortems at `target` (replacing it); its truth."""
    truth = incidents(count, seed=seed, years=years)
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    env_git = ["git", "-C", str(target)]
    subprocess.run([*env_git, "init", "-q", "-b", "main"], check=True)
    subprocess.run(
        [*env_git, "fast-import", "--quiet"], input=_fast_import_stream(truth), check=True
    )
    subprocess.run([*env_git, "checkout", "-q", "-f", "main"], check=True)
    return truth
