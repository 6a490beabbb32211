"""The checklist of a good post-mortem, as rules. Rule ids are stable and documented in
docs/validation-rules.md; each names its family (blame/, shallow/, vague-action/, owner/,
deadline/, timeline/, process/, recurrence/).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from datetime import date, timedelta

from pm_tui.deadlines import DISTRIBUTION_DEADLINE
from pm_tui.lazy_import import lazy_module
from pm_tui.model import PRIORITIES, PostMortem
from pm_tui.validation.finding import Finding

PLACEHOLDER_OWNERS = {
    "",
    "tbd",
    "tba",
    "tbc",
    "todo",
    "someone",
    "somebody",
    "anyone",
    "everyone",
    "the team",
    "team",
    "us",
    "we",
    "all",
    "n/a",
    "na",
    "none",
    "nobody",
    "unknown",
    "?",
    "??",
    "-",
    "owner",
    "unassigned",
}

FAR_DEADLINE = timedelta(days=183)
OUTSIDE_WINDOW = timedelta(hours=24)
FOLLOW_UP_MIN, FOLLOW_UP_MAX = timedelta(days=21), timedelta(days=42)

# Rules that only say "this is not finished yet": warnings in a draft.
_COMPLETENESS = (
    "shallow/",
    "owner/",
    "deadline/missing",
    "timeline/empty",
    "timeline/missing-milestone",
    "process/",
)


def run_all(
    pm: PostMortem, *, today: date | None = None, known_ids: frozenset[str] | None = None
) -> list[Finding]:
    """Run every rule; findings of completeness rules are warnings while `pm` is a draft.
    With `known_ids` (the repository's post-mortems), recurrence links are checked to name one."""
    findings: list[Finding] = []
    today = today or date.today()
    for rule in (_sources, _language, _shallow, _actions, _timeline, _process):
        findings.extend(rule(pm, today))
    findings.extend(recurrence_links(pm, known_ids))
    if pm.status == "draft":
        for f in findings:
            if f.severity == "error" and f.rule.startswith(_COMPLETENESS):
                f.severity = "warning"
    return findings


def _sources(pm: PostMortem, today: date) -> Iterator[Finding]:
    """A source that could not be read at all: said in step 1's findings, with what to do."""
    for i, s in enumerate(pm.sources):
        if not s.counts.get("failed"):
            continue
        reason = s.gaps[0] if s.gaps else "no reason recorded"
        yield Finding(
            "evidence/source-failed",
            "warning",
            f"{s.kind} source could not be read: {reason}",
            suggestion="Check its target (path, URL, token) and collect again (c in step 1), "
            "or ask its owner for an export; until then the report names it as a gap.",
            section="sources",
            row=f"S{i + 1}",
        )


# --- free text ---------------------------------------------------------------------


def prose_fields(pm: PostMortem) -> Iterator[tuple[str, str, str, str]]:
    """Every free-text field as (section, row id, field, text)."""
    yield "summary", "", "summary", pm.summary
    yield "root_cause", "", "root_cause", pm.root_cause
    yield "impact", "", "description", pm.impact.description
    for e in pm.timeline:
        yield "timeline", e.id, "text", e.text
    for i, c in enumerate(pm.analysis.immediate_causes):
        yield "analysis", "", f"immediate_causes[{i}]", c
    for f in pm.analysis.factors:
        yield "analysis", f.id, "description", f.description
    for i, s in enumerate(pm.analysis.systemic_issues):
        yield "analysis", "", f"systemic_issues[{i}]", s
    for i, chain in enumerate(pm.analysis.five_whys):
        yield "analysis", str(i + 1), "problem", chain.problem
        for j, why in enumerate(chain.whys):
            yield "analysis", str(i + 1), f"whys[{j}]", why
    for name in ("went_well", "went_wrong", "lucky", "lessons"):
        for i, item in enumerate(getattr(pm.retrospective, name)):
            yield "retrospective", "", f"{name}[{i}]", item


# imported at first use: the app opens without the language checks
_prose = lazy_module("pm_tui.language.prose")


@functools.lru_cache(maxsize=20_000)
def _prose_findings(text: str) -> tuple:
    # The wizard validates after every edit; with a long timeline nearly every text is
    # unchanged, and the language checks are pure functions of the text.
    return tuple(_prose().check_prose(text))


def _prose_findings_in(text: str, vocabulary) -> tuple:
    """The findings of `text` in a post-mortem whose own things are `vocabulary()`: the
    vocabulary can only take findings away (a word it holds is a thing, not a person), so it
    is built and used only for the few texts that have a blame finding without it."""
    found = _prose_findings(text)
    if not any(f.rule.startswith("blame/") for f in found):
        return found
    if not _may_use_vocabulary(text, vocabulary):
        return found
    return tuple(_prose().check_prose(text, vocabulary()))


def _may_use_vocabulary(text: str, vocabulary) -> bool:
    """Whether `vocabulary()` can change a finding of `text`: only a capitalised word shaped
    like a name and held by it can. The shape test comes first since it is cached per word
    and spares building the vocabulary (a third of the 1,000-file bench's re-checks)."""
    from pm_tui.language.agents import name_shaped

    capitalised = [w for w in _CAPITALISED.findall(text) if name_shaped(w)]
    if not capitalised:
        return False
    words = vocabulary()
    return any(w.lower() in words for w in capitalised)


_CAPITALISED = re.compile(r"\b[A-Z][\w-]*")
_TEAM_OWNER = re.compile(r"(the\s+)?\w+\s+team|some(one|body)\b.*")  # a team, not a person


def technical_vocabulary(pm: PostMortem) -> frozenset[str]:
    """The post-mortem's own things, lower case: its services and the kinds, targets and
    sources of its evidence ("Quillon dropped connections" names a service, not a person).
    Timeline actors are people and stay out."""
    names = [*pm.services, *(s.kind for s in pm.sources), *(s.target for s in pm.sources)]
    names += [e.source for e in pm.timeline if e.source]
    words: set[str] = set()
    for name in names:
        words.update(w for w in re.split(r"[^\w]+|_", name.lower()) if len(w) > 1)
    return frozenset(words)


def _language(pm: PostMortem, today: date) -> Iterator[Finding]:
    prose = _prose()
    check_vague, check_action = prose.check_vague, prose.check_action
    vocabulary = functools.cache(lambda: technical_vocabulary(pm))
    for section, row, field, text in prose_fields(pm):
        if not text.strip():
            continue
        found = _prose_findings(text)
        if found:  # rare: most texts have no finding, and then no vocabulary is needed
            found = _prose_findings_in(text, vocabulary)
        for lf in found:
            yield _from_language(lf, section, row, field)
    for a in pm.actions:
        if a.action.strip():
            # check_action, its prose findings memoised as every other text's are (the
            # wizard validates after every edit; action items rarely change)
            found = [*_prose_findings(a.action), *check_vague(a.action)]
            if any(f.rule.startswith("blame/") for f in found) and _may_use_vocabulary(
                a.action, vocabulary
            ):
                found = check_action(a.action, vocabulary())
            for lf in found:
                yield _from_language(lf, "actions", a.id, "action")


def _from_language(lf, section: str, row: str, field: str) -> Finding:
    return Finding(
        rule=lf.rule,
        severity=lf.severity,
        message=lf.message,
        suggestion=lf.suggestion,
        section=section,
        row=row,
        field=field,
        span=(lf.start, lf.end),
    )


# --- depth of analysis --------------------------------------------------------------


@functools.lru_cache(maxsize=20_000)
def _ends_at_person(text: str) -> bool:
    # Memoised as _prose_findings is: the wizard validates after every edit and a factor or
    # an answer rarely changes; ends_at_person is a function of the text alone (no
    # vocabulary is set around it here).
    return _prose().ends_at_person(text)


def _shallow(pm: PostMortem, today: date) -> Iterator[Finding]:
    ends_at_person = _ends_at_person
    a = pm.analysis
    if not any(c.strip() for c in a.immediate_causes):
        yield Finding(
            "shallow/no-immediate-cause",
            "error",
            "No immediate cause: what directly triggered the incident?",
            "Name the change or condition that set it off, e.g. 'the v2.3.0 query scanned the "
            "whole orders table'.",
            section="analysis",
            field="immediate_causes",
        )
    if len(a.factors) < 2:
        yield Finding(
            "shallow/too-few-factors",
            "error",
            f"{len(a.factors)} contributing factor(s): incidents almost always have several.",
            "Ask what made it possible, what made it worse, and what delayed detection or "
            "recovery; add one factor for each.",
            section="analysis",
            field="factors",
        )
    if not any(s.strip() for s in a.systemic_issues):
        yield Finding(
            "shallow/no-systemic-issue",
            "error",
            "No systemic issue: what about how we build or operate let this happen?",
            "Look past this incident: which practice, gap in tooling or incentive would let a "
            "similar incident happen elsewhere?",
            section="analysis",
            field="systemic_issues",
        )
    for f in a.factors:
        if ends_at_person(f.description):
            yield Finding(
                "shallow/factor-ends-at-person",
                "error",
                f"Factor {f.id} stops at a person or at 'human error'.",
                "Dig deeper: what allowed that mistake? Which safeguard, check or signal was missing?",
                section="analysis",
                row=f.id,
                field="description",
            )
    for i, chain in enumerate(a.five_whys):
        whys = [w for w in chain.whys if w.strip()]
        if len(whys) < 5:
            yield Finding(
                "shallow/five-whys-short",
                "error",
                f"Five Whys chain {i + 1} has {len(whys)} why(s); keep asking until you reach a systemic cause.",
                "Ask 'why?' of the last answer again; stop at something you can change in the system.",
                section="analysis",
                row=str(i + 1),
                field="whys",
            )
        if whys and ends_at_person(whys[-1]):
            yield Finding(
                "shallow/five-whys-ends-at-person",
                "error",
                f"Five Whys chain {i + 1} ends at a person or at 'human error'.",
                "Dig deeper: what allowed that mistake? Ask why the system made it easy.",
                section="analysis",
                row=str(i + 1),
                field=f"whys[{len(whys) - 1}]",
            )


# --- action items --------------------------------------------------------------------


def _actions(pm: PostMortem, today: date) -> Iterator[Finding]:
    start = pm.window.started.date()
    seen: set[str] = set()
    if not pm.actions:
        yield Finding(
            "process/no-actions",
            "error",
            "No action items: what will we change so this does not happen again?",
            "Add at least one action per contributing factor, each with an owner and a deadline.",
            section="actions",
        )
    for a in pm.actions:
        if a.id in seen:
            yield Finding(
                "process/duplicate-action-id",
                "error",
                f"Action id {a.id} is used twice.",
                "Give each action its own id (AI-001, AI-002, ...).",
                section="actions",
                row=a.id,
                field="id",
            )
        seen.add(a.id)
        owner = a.owner.strip()
        if not owner:
            yield Finding(
                "owner/missing",
                "error",
                f"{a.id} has no owner: actions without one person's name are rarely done.",
                "Name one person (a login or a name) who will drive it, even if a team does the work.",
                section="actions",
                row=a.id,
                field="owner",
            )
        elif owner.lower().strip(" .!") in PLACEHOLDER_OWNERS or _TEAM_OWNER.fullmatch(
            owner.lower()
        ):
            yield Finding(
                "owner/placeholder",
                "error",
                f"{a.id} is owned by '{owner}', which is not one person.",
                "Name one person who will drive it; a team can do the work, one person owns it.",
                section="actions",
                row=a.id,
                field="owner",
            )
        if a.deadline is None:
            yield Finding(
                "deadline/missing",
                "error",
                f"{a.id} has no deadline.",
                "Set a date: High priority within 2 weeks, Medium within 6, Low within a quarter.",
                section="actions",
                row=a.id,
                field="deadline",
            )
        elif a.deadline < start:
            yield Finding(
                "deadline/before-incident",
                "error",
                f"{a.id} is due {a.deadline}, before the incident ({start}).",
                "Check the year: deadlines come after the incident.",
                section="actions",
                row=a.id,
                field="deadline",
            )
        elif a.deadline - start > FAR_DEADLINE:
            yield Finding(
                "deadline/far-off",
                "warning",
                f"{a.id} is due {a.deadline}, more than six months after the incident.",
                "Split it: what first step can be done within a quarter?",
                section="actions",
                row=a.id,
                field="deadline",
            )
        if a.priority not in PRIORITIES:
            yield Finding(
                "process/action-priority",
                "error",
                f"{a.id} has priority '{a.priority}'; use High, Medium or Low.",
                "High: prevents a recurrence of this severity; Medium: shortens detection or "
                "recovery; Low: nice to have.",
                section="actions",
                row=a.id,
                field="priority",
            )
        if a.factor and pm.factor(a.factor) is None:
            yield Finding(
                "process/unknown-factor",
                "warning",
                f"{a.id} addresses factor {a.factor}, which does not exist.",
                "Link it to one of the contributing factors of step 3, or clear the link.",
                section="actions",
                row=a.id,
                field="factor",
            )


# --- timeline ------------------------------------------------------------------------


def _timeline(pm: PostMortem, today: date) -> Iterator[Finding]:
    tl = pm.timeline
    if not tl:
        yield Finding(
            "timeline/empty",
            "error",
            "The timeline is empty.",
            "Collect evidence in step 1 and accept the reconstructed events, or add rows by hand.",
            section="timeline",
        )
        return
    for prev, cur in zip(tl, tl[1:], strict=False):
        if cur.time < prev.time:
            yield Finding(
                "timeline/out-of-order",
                "warning",
                f"{cur.id} ({cur.time:%H:%M:%S}) comes before {prev.id} ({prev.time:%H:%M:%S}).",
                "Sort the timeline by time.",
                section="timeline",
                row=cur.id,
                field="time",
            )
    for e in tl:
        off = e.time.utcoffset()
        if off is None or off.total_seconds() != 0:
            yield Finding(
                "timeline/not-utc",
                "warning",
                f"{e.id} is written with offset {e.time:%z}, not UTC.",
                "Write times in UTC (Z): mixed offsets make timelines hard to read.",
                section="timeline",
                row=e.id,
                field="time",
            )
    lo = pm.window.started - OUTSIDE_WINDOW
    hi = (pm.window.resolved or pm.window.started) + OUTSIDE_WINDOW
    for e in tl:
        if not lo <= e.time <= hi:
            yield Finding(
                "timeline/outside-window",
                "warning",
                f"{e.id} at {e.time:%Y-%m-%d %H:%M} is more than a day outside the incident window.",
                "Check the date, or move background context to the summary.",
                section="timeline",
                row=e.id,
                field="time",
            )
    seen: dict[tuple, str] = {}
    ids: set[str] = set()
    for e in tl:
        key = (e.time, e.text.strip().lower())
        if e.id in ids or key in seen:
            yield Finding(
                "timeline/duplicate",
                "warning",
                f"{e.id} repeats {seen.get(key, e.id)}.",
                "Delete one of them, or say what differs.",
                section="timeline",
                row=e.id,
            )
        seen.setdefault(key, e.id)
        ids.add(e.id)
    kinds = {e.kind for e in tl}
    missing = []
    if "first_symptom" not in kinds and "change" not in kinds:
        missing.append(("first_symptom", "when did the problem start?"))
    if not kinds & {"alert_fired", "paged"} and pm.window.detected is None:
        missing.append(("alert_fired or paged", "when was it detected?"))
    if "resolved" not in kinds and pm.window.resolved is None:
        missing.append(("resolved", "when did it end?"))
    for kind, question in missing:
        yield Finding(
            "timeline/missing-milestone",
            "error",
            f"No '{kind}' event: {question}",
            "Add the milestone rows so time to detect and time to resolve can be measured.",
            section="timeline",
            field="kind",
        )


# --- process ---------------------------------------------------------------------------


def _process(pm: PostMortem, today: date) -> Iterator[Finding]:
    for field, what in (("summary", "summary"), ("root_cause", "root-cause narrative")):
        if not getattr(pm, field).strip():
            yield Finding(
                f"process/missing-{field.replace('_', '-')}",
                "error",
                f"The {what} is empty.",
                "Write a few sentences a reader outside the team can follow.",
                section=field,
                field=field,
            )
    if not pm.impact.description.strip():
        yield Finding(
            "process/missing-impact",
            "error",
            "Impact is not described: who was affected, how, for how long?",
            "Describe the impact, and add figures (failed requests, customers) where known.",
            section="impact",
            field="description",
        )
    resolved = pm.window.resolved
    if pm.status != "draft" and resolved is None:
        yield Finding(
            "process/missing-resolved",
            "error",
            "The incident has no resolution time.",
            "Set window.resolved (step 2).",
            section="window",
            field="resolved",
        )
    if resolved is not None and pm.status != "draft":
        first = min((d.sent_at for d in pm.distribution), default=None)
        limit = resolved + DISTRIBUTION_DEADLINE
        if first is None and today > limit.date():
            yield Finding(
                "process/not-distributed",
                "warning",
                "The report has not been distributed, and the incident was resolved more than 48 hours ago.",
                "Send it (step 5): people learn from post-mortems they read while they remember the incident.",
                section="distribution",
            )
        elif first is not None and first > limit:
            hours = int((first - resolved).total_seconds() // 3600)
            yield Finding(
                "process/late-distribution",
                "info",
                f"The report went out {hours} hours after resolution (goal: within 48).",
                "Next time, send a first version within two days and update it after review.",
                section="distribution",
            )
    if pm.status == "published":
        for a in pm.actions:
            if a.is_open and not a.tracker_url:
                yield Finding(
                    "process/untracked-action",
                    "warning",
                    f"{a.id} is not tracked in a ticketing system.",
                    "Create tickets in step 6 (pm-tui track) so the action is not forgotten.",
                    section="actions",
                    row=a.id,
                    field="tracker_url",
                )
    if pm.status != "draft":
        base = (resolved or pm.window.started).date()
        if pm.follow_up_review is None:
            yield Finding(
                "process/no-follow-up-review",
                "warning",
                "No follow-up review is scheduled.",
                "Schedule one about four weeks out (step 6) to check the actions were done and worked.",
                section="follow_up_review",
            )
        elif not FOLLOW_UP_MIN <= pm.follow_up_review - base <= FOLLOW_UP_MAX:
            days = (pm.follow_up_review - base).days
            yield Finding(
                "process/follow-up-timing",
                "warning",
                f"The follow-up review is {days} days after the incident; about four weeks works best.",
                "Move it to three to six weeks after the incident.",
                section="follow_up_review",
            )


# --- recurrence links ----------------------------------------------------------------------

_LINK_FIELDS = ("same_cause_as", "not_same_cause_as")


def recurrence_links(pm: PostMortem, known_ids: frozenset[str] | None = None) -> Iterator[Finding]:
    """A recurrence link to itself, to a post-mortem the repository does not hold (when
    `known_ids` is given), or both confirmed and rejected: each one finding with what to do."""
    links = pm.recurrence
    both = set(links.same_cause_as) & set(links.not_same_cause_as)
    for field in _LINK_FIELDS:
        for other in dict.fromkeys(getattr(links, field)):
            if other == pm.id:
                yield Finding(
                    "recurrence/self-link",
                    "warning",
                    f"recurrence.{field} names this post-mortem itself ({other}).",
                    f"Remove {other} from recurrence.{field}: a link joins two incidents.",
                    section="recurrence",
                    field=field,
                )
            elif known_ids is not None and other not in known_ids:
                yield Finding(
                    "recurrence/unknown-id",
                    "warning",
                    f"recurrence.{field} names {other}, which is no post-mortem of this "
                    "repository.",
                    "Correct the id (pm-tui list shows them) or remove the link "
                    f"(pm-tui link {pm.id} {other} --remove).",
                    section="recurrence",
                    field=field,
                )
            elif other in both and field == "same_cause_as":
                yield Finding(
                    "recurrence/confirmed-and-rejected",
                    "warning",
                    f"{other} is both confirmed (same_cause_as) and rejected "
                    "(not_same_cause_as); stats counts it as neither.",
                    f"Keep one: pm-tui link {pm.id} {other} to confirm, or with --reject.",
                    section="recurrence",
                    field=field,
                )
