"""Judgement over the merged candidates: which belong to this incident, which are noise.

An event belongs to the incident when it sits in the causal chain in time (from shortly
before the first symptom to the recovery) and shares the affected services, hosts or alert
labels with the symptoms and the paging alert. What repeats outside the incident (an alert
that also fired before the first symptom, a daily job's failure) is background, and so are
other teams' deploys: they stay candidates, below HIGH_CONFIDENCE, so `--accept-high` and `h`
never take them. Only the backbone of the story stays high: the first symptom, the trigger
change, the related alerts, the first page and its acknowledgement, the mitigation, the main
recovery and the resolution.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from pm_tui.timeline.candidate import Candidate

LOW = 0.45  # background: shown, never accepted by --accept-high
MEDIUM = 0.6  # plausible, for the person to judge
CAP_OTHER = 0.7  # extra symptoms and secondary recoveries: below HIGH_CONFIDENCE
# a failure that does not build up (a path down, errors at once) follows its trigger closely
QUICK = timedelta(minutes=15)
TRIGGER_BEFORE = timedelta(
    minutes=60
)  # a change this close before the first symptom may trigger it
EARLY = timedelta(minutes=2)  # clocks and scrape lag: an alert may lead the first symptom a bit
AFTER_RECOVERY = timedelta(minutes=10)
RECURRING_BEFORE = timedelta(minutes=5)

REVERT_RE = re.compile(
    r"\brevert(?:ed|ing)?\b|\broll(?:ed)?[ -]?back\b|\brollback\b|\bundo\b|turned off|"
    r"\bdisabled?\b|flag off|\bscaled? (?:down|up|out|in)\b(?! replica set)|\bfail(?:ed)? ?over\b|"
    r"\brouted?\b|\brouting\b|\bfallback\b|\bterminat|\bsuspend|\bcordon|\bdrain|^Stop of ",
    re.I,
)


# Words every log and alert uses: they say nothing about what failed.
_COMMON = frozenset(
    """error errors failed failure failing fails warning warnings critical exception exceptions
    request requests response timeout timeouts timed latency above below high rate ratio total
    count alert alerts firing fired service server process processing unable cannot could
    seconds minutes second minute millis value values baseline threshold usual
    while after before during other every there their these those which where with without
    under about more than less from into over time times level status message debug
    connect connection connections upstream downstream backend frontend client clients
    handler internal external unknown invalid success successful healthy unhealthy started
    starting stopped stopping received sending reached exceeded limit""".split()
)
_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
SHARED_STEMS = 2
STEM = 6


def stems(text: str) -> set[str]:
    """The distinctive words of `text` (CamelCase split), cut to their first STEM letters:
    `KafkaUnderReplicatedPartitions` and `replica [2] on partition` share `replic`, `partit`."""
    out = set()
    for w in _WORD.findall(text):
        w = w.lower()
        if len(w) >= 5 and w not in _COMMON and not w.isdigit():
            out.add(w[:STEM])
    return out


@dataclass
class Context:
    """What the judgement knows of the incident: its first symptom, its recovery, the alerts
    that fired before it, and the words (services, hosts, labels) that name what was hurt."""

    first: datetime | None
    recovery: datetime | None
    recurring_alerts: set[str] = field(default_factory=set)
    terms: set[str] = field(default_factory=set)
    trigger_keys: set[str] = field(default_factory=set)
    # the stems of what the failing records say (`stems`): an alert about the same thing
    # (a cluster's under-replicated partitions while a broker's replica fetches fail) is related
    # even when its labels name the cluster, not the failing host
    vocabulary: set[str] = field(default_factory=set)
    # the failure builds up (a resource filling: memory, disk, a heap, a cache, a lag): a change
    # long before it may have started it; else a failure follows its trigger within QUICK
    builds_up: bool = True
    # what responders said they were doing, in the incident's channels after the first
    # symptom ("disabling the api-syd1 pool", "going to modify the volume to gp3"):
    # (time, who as `person` keys it, text), in time order
    announced: list[tuple[datetime, str, str]] = field(default_factory=list)
    # what responders reported changing in those channels ("GA traffic dial for eu-west-1 set
    # to 0"): (time, who, text); the person who made a change saying so minutes after carries
    # it out as surely as announcing it
    said: list[tuple[datetime, str, str]] = field(default_factory=list)
    # who wrote in the incident's channels during it (`name_forms` of each, with when they
    # first did): a change one of them made after joining in is their attempt at a fix
    responders: dict[str, datetime] = field(default_factory=dict)
    # what people said they were doing in the channels kept as context (another team's
    # "deploying orders-svc 4.22.0" in its own channel): (time, who, text), in time order
    elsewhere: list[tuple[datetime, str, str]] = field(default_factory=list)

    def speaks_of(self, text: str) -> bool:
        """True when `text` shares SHARED_STEMS distinctive word stems with the failing records."""
        return len(stems(text) & self.vocabulary) >= SHARED_STEMS

    def related(self, *words: str) -> bool:
        """True when any word names something the incident touched."""
        for word in words:
            w = word.lower().strip()
            if len(w) < 4:
                continue
            for t in self.terms:
                if w == t or (len(t) >= 5 and (t in w or len(w) >= 5 and w in t)):
                    return True
        return False

    def in_chain(self, when: datetime) -> bool:
        """Between shortly before the first symptom and a little after the recovery."""
        if self.first is None:
            return True
        if when < self.first - EARLY:
            return False
        return self.recovery is None or when <= self.recovery + AFTER_RECOVERY


def judge(candidates: list[Candidate], ctx: Context, alert_labels: dict[str, dict]) -> None:
    """Set each candidate's confidence (and kind, for changes) by relatedness and recurrence."""
    seen_page = seen_ack = seen_resolved = False
    ctx.trigger_keys |= _named_in_diagnoses(candidates, ctx)
    ctx.trigger_keys |= _shipped_commits(candidates, ctx)
    trigger = _trigger(candidates, ctx)
    our_pages: set[str] = set()
    other_pages: set[str] = set()
    later_pages: set[str] = set()  # other pages after ours, about the same incident
    fired: set[str] = set()  # alerts whose firing is a high-confidence row
    detected = False
    last_resolve = {}
    for c in candidates:
        if c.kind == "alert_resolved":
            name = _alert_name(c)
            if name not in last_resolve or c.time > last_resolve[name].time:
                last_resolve[name] = c
    by_words = _related_by_words(candidates, ctx, alert_labels)
    carried_out = _carried_out(candidates, ctx)
    mitigated: list[Candidate] = []  # the high mitigations so far
    other_incidents = _other_incidents_pages(candidates, ctx, by_words) | _over_before(
        candidates, ctx
    )
    noticed = _noticed(candidates, ctx, by_words, other_incidents)
    for c in sorted(candidates, key=lambda c: c.time):
        name = _alert_name(c)
        if c.kind == "other":
            c.confidence = min(c.confidence, CAP_OTHER)
        elif c.kind in ("alert_fired", "alert_resolved"):
            labels = alert_labels.get(name, {})
            words = [name, *[str(v) for v in labels.values()]]
            if not labels:
                # known only from a chat post ([FIRING] SearchLatencyHigh ...): its name's words
                # and the post's are all there is to relate it by
                words += _CAMEL.findall(name) + [
                    w for link in c.evidence for w in re.findall(r"[\w.\-]+", link.excerpt)
                ]
            if (_informational(labels) or "suppressed" in c.tags) and "informational" not in c.tags:
                # notifies nobody (severity info, or silenced when it fired): never the detection
                c.tags = [*c.tags, "informational"]
            if name in ctx.recurring_alerts:
                c.confidence, c.tags = min(c.confidence, LOW), [*c.tags, "recurring"]
            elif c.kind == "alert_fired" and not ctx.in_chain(c.time):
                c.confidence = min(c.confidence, LOW)
            elif c.kind == "alert_resolved" and ctx.first is not None and c.time < ctx.first:
                c.confidence = min(c.confidence, LOW)
            else:
                # a paging alert is this incident's when nothing names what failed, or when it
                # shares a team, service or namespace with the alerts that do (another team's
                # page in the same hour is not)
                paging = _pages_someone(labels) and (
                    not by_words or _shares_owner(labels, by_words, alert_labels)
                )
                related = (
                    paging or ctx.related(*words) or ctx.speaks_of(_alert_words(c, labels))
                ) and not _informational(labels)
                if c.kind == "alert_fired":
                    # the backbone: the first related alert (the detection); the paging alert
                    # firing after it (the page itself is its own row), a flapping alert's
                    # refirings, other alerts and warnings add detail for the person to judge
                    if related and not detected and name not in fired:
                        fired.add(name)
                        detected = True
                    else:
                        c.confidence = min(c.confidence, MEDIUM)
                else:
                    # an alert's resolve trails the recovery by its own delays: detail, never
                    # the backbone (the impact's end is the recovery, shown on its own)
                    c.confidence = min(c.confidence, MEDIUM)
        elif c.kind == "paged" and id(c) in other_incidents:
            c.confidence = min(c.confidence, LOW)  # another team's page in the same hour
            other_pages.update(_pages(c))
        elif c.kind == "paged":
            if seen_page or not (ctx.in_chain(c.time) or _pages_ahead(c, ctx)):
                c.confidence = min(c.confidence, MEDIUM if seen_page else LOW)
                if not seen_page:
                    other_pages.update(_pages(c))
                elif not _pages(c) & our_pages:
                    later_pages.update(_pages(c))
            else:
                seen_page = True
                our_pages.update(_pages(c))
        elif (
            c.kind in ("acknowledged", "resolved")
            and _pages(c)
            and not (_pages(c) & our_pages)
            and _pages(c) & other_pages
        ):
            c.confidence = min(c.confidence, LOW)  # another incident's page
        elif (
            c.kind in ("acknowledged", "resolved")
            and _pages(c)
            and not (_pages(c) & our_pages)
            and _pages(c) & later_pages
        ):
            # a second page about it (the customers' errors paging after the database's volume
            # did): its acknowledgement and resolution are detail, the first page's are the
            # incident's
            c.confidence = min(c.confidence, MEDIUM)
        elif c.kind == "acknowledged" and "chat" in c.tags and not _pages(c):
            # a responder saying "ack" / "on it": the acknowledgement when no page record
            # says so (milestones prefer a recorded one), never the backbone by itself
            c.confidence = min(c.confidence, MEDIUM if seen_page else LOW)
        elif c.kind == "acknowledged":
            if seen_ack or not seen_page:
                c.confidence = min(c.confidence, MEDIUM if seen_ack else LOW)
            else:
                seen_ack = True
        elif c.kind == "resolved":
            if seen_resolved or not seen_page and ctx.first is not None and c.time < ctx.first:
                c.confidence = min(c.confidence, LOW)
            elif "chat" not in c.tags or any(t.startswith("page:") for t in c.tags):
                seen_resolved = True
                c.confidence = max(c.confidence, 0.9)
        elif c.kind in ("change", "mitigation") and "not-applied" in c.tags:
            c.kind, c.confidence = "change", min(c.confidence, LOW)  # changed nothing
        elif c.kind in ("change", "mitigation") and "requested" in c.tags:
            # asked for: the record of it being carried out is the change (or the fix)
            c.confidence = min(c.confidence, MEDIUM if _related_change(c, ctx) else LOW)
        elif c.kind in ("change", "mitigation") and "controller" in c.tags:
            # a controller acting on its own (an autoscaler resizing): the system changing
            # itself, never the trigger or a person's mitigation
            c.kind = "change"
            c.confidence = min(c.confidence, MEDIUM if _related_change(c, ctx) else LOW)
        elif c.kind == "change":
            if "job" in c.tags:
                # a batch job run: the schedule started it, what a person changed is elsewhere
                c.confidence = min(c.confidence, MEDIUM if _related_change(c, ctx) else LOW)
            elif c is trigger:
                c.confidence = max(c.confidence, 0.8)
            elif ctx.first is not None and c.time > ctx.first:
                c.confidence = min(c.confidence, LOW)  # after the start: not the trigger
            elif not _related_change(c, ctx):
                c.confidence = min(c.confidence, LOW)
            else:
                c.confidence = min(c.confidence, MEDIUM)
        elif c.kind == "mitigation":
            revert = bool(REVERT_RE.search(c.text))
            if "in-place" in c.tags:
                # the operator's word that a change runs: the fix's end, for the person to judge
                c.confidence = min(c.confidence, MEDIUM)
            elif "after-recovery" in c.tags:
                c.confidence = min(c.confidence, MEDIUM)  # the impact had already ended
            elif (
                "chat" not in c.tags
                and not revert
                and id(c) not in carried_out
                and noticed is not None
                and c.time < noticed
            ):
                # made before anyone could know of the failure (before its page, the first
                # alert naming what failed, the first message in its channels): nobody's
                # attempt at a fix, a change of the chain
                # (a pipeline scaling up the workload that then fails); an undo the system or
                # its author made unprompted (a rollback) stays a mitigation
                c.kind, c.confidence = "change", min(c.confidence, LOW)
            elif (
                "chat" not in c.tags
                and not revert
                and id(c) not in carried_out
                and _other_teams_work(c, ctx)
            ):
                # announced in another team's channel by someone not (yet) in the incident's:
                # that team's own work going on meanwhile, not this incident's fix
                c.kind, c.confidence = "change", min(c.confidence, LOW)
            elif "chat" not in c.tags and not (
                (revert and not _someone_elses(c, ctx))
                or _related_change(c, ctx)
                or id(c) in carried_out
            ):
                if _by_responder(c, ctx) or {"admin", "record"} <= set(c.tags):
                    # made during the impact by one of the responders, though nothing ties it
                    # to what failed by name (or a command an admin had a system of the chain
                    # carry out, as its own log records it): their attempt at a fix, for the
                    # person to judge
                    c.confidence = min(c.confidence, MEDIUM)
                else:
                    c.kind, c.confidence = "change", min(c.confidence, LOW)
            elif "commit" in c.tags and not any(t in c.tags for t in ("deploy", "config")):
                c.confidence = min(c.confidence, MEDIUM)  # a commit fixes nothing until shipped
            elif "admin" in c.tags and not any(t in c.tags for t in ("deploy", "config")):
                # a command seen only in a service's log: for the person to judge
                c.confidence = min(max(c.confidence, MEDIUM), CAP_OTHER)
            elif "chat" not in c.tags and _follows_up(c, mitigated):
                # the same thing changed again long after its mitigation (traffic moved back
                # after the repair, a second resize): a follow-up, for the person to judge
                c.confidence = min(c.confidence, MEDIUM)
            elif "chat" not in c.tags:
                c.confidence = max(c.confidence, 0.8)
                mitigated.append(c)
        elif c.kind == "diagnosis" and "chat" in c.tags:
            # what a responder says of the cause is for the person to judge, also when two
            # messages said within minutes of each other are one candidate: never the backbone
            c.confidence = min(max(c.confidence, MEDIUM), CAP_OTHER)
        elif c.kind == "communication":
            c.confidence = min(max(c.confidence, 0.5), CAP_OTHER)


_CAMEL = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
_PAGE_HEAD = re.compile(r"^Page triggered: (?:PagerDuty incident \S+|page #\d+ \([^)]*\))\s*")


def _page_about(c: Candidate) -> str:
    """What a page says it is about: the incident's title and service (PagerDuty), or the
    pager bot's post in chat; not the pager's own words (triggered, notified)."""
    head = c.text.split("; also ", 1)[0]
    about = _PAGE_HEAD.sub("", head).strip("() ")
    if "bot" in c.tags:
        about += " " + " ".join(link.excerpt for link in c.evidence)
    return about


def _other_incidents_pages(
    candidates: list[Candidate], ctx: Context, by_words: set[str]
) -> set[int]:
    """Pages in the causal chain that belong to another incident, judged as alerts are: by
    what they say they are about (the service paged, the incident's title naming its alert).
    A page is related when it names something the incident touched, speaks of what fails or
    names an alert related to it; it is another incident's when it is not and it names a
    background alert (one that fired before the incident too), or another page in the chain
    is related. A page that says nothing of itself is judged as before (the first one in the
    chain is this incident's)."""
    if ctx.first is None or not ctx.terms:
        return set()
    related: dict[int, bool] = {}
    background: set[int] = set()
    for c in candidates:
        if c.kind != "paged" or not ctx.in_chain(c.time):
            continue
        about = _page_about(c)
        if not about.strip():
            continue
        named = set(re.findall(r"[A-Za-z][\w.\-]+", about))
        related[id(c)] = bool(
            ctx.related(*re.findall(r"[\w.\-]+", about)) or ctx.speaks_of(about) or named & by_words
        )
        if named & ctx.recurring_alerts:
            background.add(id(c))
    some = any(related.values())
    return {i for i, ok in related.items() if not ok and (some or i in background)}


def _over_before(candidates: list[Candidate], ctx: Context) -> set[int]:
    """Pages resolved before the first symptom: another incident's, over before this one
    began (an allocation-latency page closed half an hour before the kicks started)."""
    if ctx.first is None:
        return set()
    closed = {
        p for c in candidates if c.kind == "resolved" and c.time < ctx.first for p in _pages(c)
    }
    return {id(c) for c in candidates if c.kind == "paged" and _pages(c) and _pages(c) <= closed}


def _pages_ahead(c: Candidate, ctx: Context) -> bool:
    """A page in the hour before the first symptom seen whose title names what the incident
    touched ("PostgresVolumeFullIn30m orders-db-01 /var/lib/postgresql" while the customers'
    errors begin half an hour later): the incident paged before its customers failed."""
    if ctx.first is None or not ctx.first - TRIGGER_BEFORE <= c.time < ctx.first - EARLY:
        return False
    about = _page_about(c)
    return bool(about.strip()) and (
        ctx.related(*re.findall(r"[\w.\-]+", about)) or ctx.speaks_of(about)
    )


_OWNER_KEYS = ("team", "service", "namespace", "app", "job")


def _related_by_words(
    candidates: list[Candidate], ctx: Context, alert_labels: dict[str, dict]
) -> set[str]:
    """The alerts firing in the causal chain that name what failed (not only by paging)."""
    out = set()
    for c in candidates:
        if c.kind != "alert_fired" or not ctx.in_chain(c.time):
            continue
        name = _alert_name(c)
        if name in ctx.recurring_alerts:
            continue
        labels = alert_labels.get(name, {})
        if ctx.related(name, *[str(v) for v in labels.values()]) or ctx.speaks_of(
            _alert_words(c, labels)
        ):
            out.add(name)
    return out


def _alert_words(c: Candidate, labels: dict) -> str:
    """What an alert says of itself: its name and its summary (the firing row's own text,
    not what merged with it)."""
    head = c.text.split("; also ", 1)[0]
    return f"{_alert_name(c)} {head.split(':', 1)[1] if ':' in head else ''}"


def _shares_owner(labels: dict, names: set[str], alert_labels: dict[str, dict]) -> bool:
    mine = {str(labels.get(k, "")).lower() for k in _OWNER_KEYS} - {""}
    for name in names:
        theirs = {str(alert_labels.get(name, {}).get(k, "")).lower() for k in _OWNER_KEYS}
        if mine & theirs:
            return True
    return False


def _trigger(candidates: list[Candidate], ctx: Context) -> Candidate | None:
    """The change closest before the first symptom (within TRIGGER_BEFORE) that touches what
    failed; another team's deploy is never the trigger at high confidence."""
    if ctx.first is None:
        return None
    before = [
        c
        for c in candidates
        if c.kind == "change"
        and ctx.first - TRIGGER_BEFORE <= c.time <= ctx.first
        # long before a failure that does not build up only when a responder names it
        and (ctx.builds_up or c.time >= ctx.first - QUICK or _named(c, ctx))
    ]
    related = [
        c
        for c in before
        if _related_change(c, ctx)
        and not {"job", "not-applied", "controller", "in-place", "requested"} & set(c.tags)
    ]
    return max(related, key=lambda c: c.time, default=None)


# A service, host or version as people name it: words joined by - _ or . (fluent-shipper,
# v2.3.0, orders_db), not a plain word.
_NAMED = re.compile(r"\b[a-z][a-z0-9]*(?:[-_.][a-z0-9]+)+\b", re.I)


def _named_in_diagnoses(candidates: list[Candidate], ctx: Context) -> set[str]:
    """What responders name when they state the cause in chat, after the first symptom: a
    change to it is related (the trigger candidate) even when its logs are not among the
    failing sources."""
    out: set[str] = set()
    for c in candidates:
        if c.kind != "diagnosis" or "chat" not in c.tags:
            continue
        if ctx.first is not None and c.time < ctx.first:
            continue
        text = _CLEARED_CLAUSE.sub(" ", c.text)
        out.update(w for w in _NAMED.findall(text) if len(w) >= 5)
        # a release named by its version ("started sending it with 5.12"): the deploy of 5.12.0
        out.update(f"{m.group(1)}." for m in _VERSION.finditer(c.text))
        out.update(m.group(1) for m in _VERSION.finditer(c.text) if m.group(1).count(".") >= 2)
    return out


# A clause that clears what it names ("harbor is up, reco-api and storefront pulled fine on the
# new nodes", "loyalty-api is unrelated"): what it names is ruled out, not the cause.
_CLEARED_CLAUSE = re.compile(
    r"[^,;.:\n]*\b(?:(?:is|are|was|were|looks?|seems?) (?:all )?(?:fine|ok|okay|healthy|up|"
    r"normal|green|flat|unchanged|good|unaffected|unrelated|not (?:it|the cause|related))|"
    r"(?:pulled|works?|worked|working|running|ran|deployed|started|came up) fine|ruled out|"
    r"(?:is|are|was|were)n'?t (?:it|the cause|related))\b[^,;.:\n]*",
    re.I,
)
# A version as people write it after "with", "in" or "since" (not a time, an IP or a size).
_VERSION = re.compile(
    r"\b(?:with|in|since|of|on|to)\s+v?(\d+\.\d+(?:\.\d+)?)\b(?![.\d]|\s*(?:%|ms|s\b|gb|mb))", re.I
)


_COMMIT = re.compile(r"^Commit ([0-9a-f]{7,40})\b")


def _shipped_commits(candidates: list[Candidate], ctx: Context) -> set[str]:
    """The hashes of the commits that touch what failed: a deploy or sync naming one ships it,
    so it is related too (the deploy, not the commit, changed what runs)."""
    out = set()
    for c in candidates:
        m = _COMMIT.match(c.text)
        if m and "commit" in c.tags and _related_change(c, ctx):
            out.add(m.group(1)[:7])
    return out


def _named(c: Candidate, ctx: Context) -> bool:
    """A change a responder names in a stated cause (or whose commit a deploy ships)."""
    return any(k and k in c.text for k in ctx.trigger_keys)


# the words a change tool says of every change ("Application *x* sync succeeded, revision"):
# they name no part of the system (a failing `picker-sync` is not related to a sync)
_CHANGE_TALK = {
    "application", "succeeded", "success", "successful", "failed", "revision", "started",
    "finished", "completed", "status", "version", "requested", "running", "pipeline",
}  # fmt: skip


_PATH_HEAD = re.compile(r"(?<![\w.\-/])[a-z0-9]+/(?=[\w.\-])", re.I)


def _related_change(c: Candidate, ctx: Context) -> bool:
    from pm_tui.collectors.deploy_records import CHANGE_VERBS, CHANGE_WORDS

    talk = _CHANGE_TALK | CHANGE_WORDS | CHANGE_VERBS
    # a path led by a plain word names its object after it: `shop/reco-api:v5.2.0` is reco-api,
    # whatever else lives in the project or namespace `shop` that failed (a named head is the
    # object itself: `profile-svc/kms-rate` is profile-svc's setting)
    text = _PATH_HEAD.sub("", c.text)
    words = [w for w in re.findall(r"[\w.\-]+", text) if w.lower().strip(".-") not in talk]
    if {"rollout", "scale"} & set(c.tags) and not {"record", "chat", "bot"} & set(c.tags):
        # a workload's rollout or scale is about that workload: its name and its replica sets',
        # not the words of the events ("Scaled up replica set" is no replica of a database)
        words = re.findall(r"[\w.\-]+", c.text.split(":", 1)[0])
        words += re.findall(r"replica set (\S+)", c.text)
    return ctx.related(*words) or any(k and k in c.text for k in ctx.trigger_keys)


def person(name: str) -> str:
    """A person's name as a key: `Farah Haddad`, `farah.haddad`, `farah.haddad@acme.com` and
    `arn:aws:sts::1:assumed-role/dba/farah.haddad` are all `farahhaddad`; `Tomáš Novák` and
    the login `tomas.novak` are both `tomasnovak` (accents fold to their letters)."""
    return "".join(_name_parts(name))


def _name_parts(name: str) -> list[str]:
    """The runs of letters of a person's name, login or address, lower case, accents folded
    (`Tomáš Novák` → tomas, novak; `k.osei@acme.com` → k, osei)."""
    name = name.strip().rsplit("/", 1)[-1].split("@", 1)[0]
    return re.findall(r"[a-z]+", unicodedata.normalize("NFKD", name.lower()))


def _noticed(
    candidates: list[Candidate], ctx: Context, by_words: set[str], other_incidents: set[int]
) -> datetime | None:
    """When someone could first have known of this incident: its first page, the first alert
    naming what failed, the first message in its channels; None when the evidence shows none
    of them (then nothing says when it was noticed)."""
    times = list(ctx.responders.values())
    for c in candidates:
        if not ctx.in_chain(c.time):
            continue
        if c.kind == "paged" and id(c) not in other_incidents:
            times.append(c.time)
        elif c.kind == "alert_fired" and _alert_name(c) in by_words:
            times.append(c.time)
    return min(times, default=None)


def _someone_elses(c: Candidate, ctx: Context) -> bool:
    """`c` is a change tool's record of a change a named person or tool made who never wrote in
    the incident's channels (a bot switching off a holiday banner's flag): disabling or scaling
    something is no fix of this incident by that alone. (A provider's status post saying it
    reverted its change is the provider's word, not a record of who made it.)"""
    if "record" not in c.tags or {"bot", "provider"} & set(c.tags):
        return False
    forms = name_forms(c.actor) if c.actor else set()
    return bool(forms) and not forms & set(ctx.responders)


def _other_teams_work(c: Candidate, ctx: Context) -> bool:
    """`c` carries out what someone announced in a channel kept as context in the minutes
    before (naming what it changes: "deploying orders-svc 4.22.0" before orders-svc's
    rollout), by that person or a record naming no one, who had not written in the
    incident's channels by then."""
    text = c.text.lower()
    who = person(c.actor) if c.actor else ""
    for when, speaker, said in ctx.elsewhere:
        if not c.time - ANNOUNCED_BEFORE <= when <= c.time or (who and who != speaker):
            continue
        if not _names_in(said, text):
            continue
        joined = _joined(ctx, speaker)
        if joined is None or joined > when:
            return True
    return False


def _by_responder(c: Candidate, ctx: Context) -> bool:
    """`c` was made by someone who had already written in the incident's channels."""
    joined = _joined(ctx, c.actor)
    return joined is not None and joined <= c.time


def _joined(ctx: Context, name: str) -> datetime | None:
    """When the person `name` first wrote in the incident's channels; None if they never did."""
    return min((ctx.responders[f] for f in name_forms(name) if f in ctx.responders), default=None)


def _names_in(said: str, text: str) -> bool:
    """`said` names (a name of five characters or more) something `text` speaks of."""
    return any(len(n) >= 5 and n.lower() in text for n in _NAMED.findall(said))


def name_forms(name: str) -> set[str]:
    """The keys a person goes by (`person`), and their initial with their surname: the login
    `k.osei`, the address `k.osei@acme.com` and the name `Kwame Osei` share `kosei`; keys
    shorter than five letters say too little to match on."""
    parts = _name_parts(name)
    forms = {"".join(parts)}
    if len(parts) >= 2:
        forms.add(parts[0][0] + "".join(parts[1:]))
    return {f for f in forms if len(f) >= 5}


FOLLOW_UP = timedelta(minutes=15)


def _target(c: Candidate) -> str:
    """What a change row changed: the first service or host its text names."""
    m = _NAMED.search(c.text)
    return m.group(0).lower() if m else ""


def _follows_up(c: Candidate, mitigated: list[Candidate]) -> bool:
    """`c` changes again what a high mitigation changed more than FOLLOW_UP before it."""
    target = _target(c)
    return bool(target) and any(
        _target(m) == target and c.time - m.time > FOLLOW_UP for m in mitigated
    )


ANNOUNCED_BEFORE = timedelta(minutes=10)
# a change its maker reports in the incident's channel at most this long after it was recorded
REPORTED_AFTER = timedelta(minutes=3)
# a change a machine recorded (a deploy tool, a rollout, an audit trail, an operator)
_MACHINE_CHANGE = {"record", "rollout", "deploy", "config", "scale", "audit", "admin", "failover",
                   "custom-resource", "stop", "bot"}  # fmt: skip


def _carried_out(candidates: list[Candidate], ctx: Context) -> set[int]:
    """The changes that carry out what a responder said they were doing in the minutes
    before: made by that very person, or (a record naming no one, an operator's event) sharing
    SHARED_STEMS word stems with what was said. Each announcement is carried out once, by the
    first such change after it: the same person's next change is other work. Also a change
    whose maker reports a change in the incident's channel within REPORTED_AFTER after it."""
    used: set[int] = set()
    out: set[int] = set()
    for c in sorted(candidates, key=lambda c: c.time):
        if c.kind != "mitigation" or "commit" in c.tags or not _MACHINE_CHANGE & set(c.tags):
            continue  # what was said, or a commit (not yet shipped): not the change itself
        who = person(c.actor) if c.actor else ""
        for i in range(len(ctx.announced) - 1, -1, -1):
            when, speaker, text = ctx.announced[i]
            if i in used or not c.time - ANNOUNCED_BEFORE <= when <= c.time:
                continue
            if (who and len(who) >= 5 and _same_person(who, speaker)) or (
                not c.actor and len(stems(text) & stems(c.text)) >= SHARED_STEMS
            ):
                used.add(i)
                out.add(id(c))
                break
        if (
            id(c) not in out
            and len(who) >= 5
            and any(
                speaker == who and c.time <= when <= c.time + REPORTED_AFTER
                for when, speaker, _ in ctx.said
            )
        ):
            out.add(id(c))
        elif id(c) not in out and not c.actor:
            # a record naming no one (an autoscaling group's activity) and a responder reporting
            # minutes after that they changed the thing it names ("edge-haproxy-use1 desired
            # 4 -> 8 requested"): their change
            text = c.text.lower()
            if any(
                c.time <= when <= c.time + REPORTED_AFTER and _names_in(said, text)
                for when, _, said in ctx.said
            ):
                out.add(id(c))
    return out


def _same_person(one: str, other: str) -> bool:
    """Two `person` keys of one person: equal, or a login of the first name and the surname's
    initial (`hannah.k`: hannahk) beginning the full name (`Hannah Kim`: hannahkim)."""
    short, full = sorted((one, other), key=len)
    return short == full or (
        len(short) >= 6 and full.startswith(short) and len(full) - len(short) <= 12
    )


_PAGING_RECEIVER = re.compile(r"pager|pd[-_]|opsgenie|victorops|oncall|on-call|\bpage", re.I)


def _pages_someone(labels: dict) -> bool:
    """The alert wakes someone: severity `page`, or routed to a paging receiver (a `critical`
    alert routed to a team's chat channel does not)."""
    severity = str(labels.get("severity", "")).lower()
    receiver = str(labels.get("receiver", ""))
    if receiver:
        return bool(_PAGING_RECEIVER.search(receiver)) or severity == "page"
    return severity in ("page", "critical")


def _informational(labels: dict) -> bool:
    """An alert of severity `info` (or none) notifies nobody: detail, never the detection."""
    return str(labels.get("severity", "")).lower() in ("info", "informational", "none")


def _pages(c: Candidate) -> set[str]:
    return {t for t in c.tags if t.startswith("page:")}


def _alert_name(c: Candidate) -> str:
    m = re.match(r"Alert (\S+)", c.text)
    return m.group(1) if m else ""
