"""The six wizard steps as plain questions. Each step edits the post-mortem in place.

Every question offers the current value as its default, so Enter keeps it. Collecting
the evidence itself is `pm-tui collect`; step 1 here records what to collect.
"""

from __future__ import annotations

from collections.abc import Callable

from pm_tui.model import (
    ACTION_STATUSES,
    EVENT_KINDS,
    FACTOR_CATEGORIES,
    PRIORITIES,
    SOURCE_KINDS,
    STATUSES,
    ActionItem,
    ContributingFactor,
    EvidenceSource,
    FiveWhys,
    PostMortem,
    TimelineEvent,
)
from pm_tui.plain.prompts import Prompter, check_date, check_required
from pm_tui.plain.rows import edit_list, row_menu
from pm_tui.timeparse import parse_date, parse_event_time

# Sources read from files get a path prompt with completion; the others take a URL or name.
_FILE_KINDS = {"logs", "slack", "changes", "alert-notifications", "kube-events"}


def _utc_text(value) -> str:
    return value.strftime("%Y-%m-%dT%H:%M:%SZ")


# --- step 1: sources -------------------------------------------------------------------
def _source_label(s: EvidenceSource) -> str:
    query = f"  query: {s.query}" if s.query else ""
    state = "collected" if s.collected_at else "not collected yet"
    return f"{s.kind:<12} {s.target}{query}  ({state})"


def _ask_source(ask: Prompter, source: EvidenceSource) -> None:
    source.kind = ask.select("Kind of source:", SOURCE_KINDS, default=source.kind)
    if source.kind in _FILE_KINDS:
        source.target = ask.path("File or folder:", source.target, check=check_required)
    else:
        source.target = ask.text(
            "Target (URL, namespace, service or channel):", source.target, check=check_required
        )
    source.query = ask.text("Query or filter (blank for none):", source.query)


def step_sources(pm: PostMortem, ask: Prompter) -> None:
    """Step 1: the evidence sources of this incident (what `pm-tui collect` will read)."""

    def add() -> None:
        from pm_tui.errors import UsageError
        from pm_tui.workflow.sources import record_for

        source = EvidenceSource(kind="logs", target="")
        _ask_source(ask, source)
        try:  # a log store takes its credentials' variable names from the config, as on the CLI
            source = record_for(source.kind, source.target, source.query)
        except UsageError as exc:
            ask.say(f"Not added: {exc}")
            return
        pm.sources.append(source)

    row_menu(
        ask,
        "Evidence sources",
        pm.sources,
        _source_label,
        add=add,
        edit=lambda s: _ask_source(ask, s),
        noun="source",
    )
    if any(s.collected_at is None for s in pm.sources):
        ask.say(f"Collect them with: pm-tui collect {pm.id}")


# --- step 2: timeline ------------------------------------------------------------------
def _event_label(e: TimelineEvent) -> str:
    actor = f" [{e.actor}]" if e.actor else ""
    return f"{e.id}  {_utc_text(e.time)}  {e.kind:<14} {e.text}{actor}"


def _ask_event(ask: Prompter, pm: PostMortem, event: TimelineEvent | None) -> TimelineEvent:
    # "+5m" counts from the row before this one (the last row, for a new one).
    before = pm.timeline[: pm.timeline.index(event)] if event else pm.timeline
    previous = before[-1].time if before else None
    default_date = (previous or pm.window.started).date()

    def check(text: str) -> str | None:
        try:
            parse_event_time(text, previous=previous, default_date=default_date)
        except ValueError as exc:
            return str(exc)
        return None

    when = ask.text(
        "Time (10:05:23 UTC, ISO 8601 with offset, or +5m after the previous row):",
        _utc_text(event.time) if event else "",
        check=check,
    )
    time = parse_event_time(when, previous=previous, default_date=default_date)
    kind = ask.select("Kind:", EVENT_KINDS, default=event.kind if event else "other")
    text = ask.text("What happened:", event.text if event else "", check=check_required)
    actor = ask.text(
        "Who or what acted (a role or system; blank for none):", event.actor if event else ""
    )
    source = ask.text("Source (blank for none):", event.source if event else "")
    if event is None:
        event = TimelineEvent(id=pm.next_event_id(), time=time, text=text)
        pm.timeline.append(event)
    event.time, event.kind, event.text, event.actor, event.source = time, kind, text, actor, source
    pm.sort_timeline()
    return event


def step_timeline(pm: PostMortem, ask: Prompter) -> None:
    """Step 2: the timeline, row by row (add, edit, delete), kept in time order."""
    from pm_tui.durations import durations, format_duration

    row_menu(
        ask,
        "Timeline (UTC)",
        pm.timeline,
        _event_label,
        add=lambda: _ask_event(ask, pm, None),
        edit=lambda e: _ask_event(ask, pm, e),
    )
    d = durations(pm)
    ask.say(
        f"Time to detect {format_duration(d.detect)}, acknowledge {format_duration(d.acknowledge)}, "
        f"mitigate {format_duration(d.mitigate)}, resolve {format_duration(d.resolve)}"
    )


# --- step 3: factors -------------------------------------------------------------------
def _factor_label(f: ContributingFactor) -> str:
    events = f" ({', '.join(f.events)})" if f.events else ""
    return f"{f.id}  [{f.category}] {f.description}{events}"


def _ask_factor(ask: Prompter, pm: PostMortem, factor: ContributingFactor | None) -> None:
    category = ask.select(
        "Category:", FACTOR_CATEGORIES, default=factor.category if factor else "other"
    )
    description = ask.text(
        "The condition that made it possible or worse:",
        factor.description if factor else "",
        check=check_required,
    )
    events = ask.checkbox(
        "Timeline events that show it (Space to tick, Enter to accept):",
        [(e.id, _event_label(e)) for e in pm.timeline],
        checked=factor.events if factor else [],
    )
    if factor is None:
        factor = ContributingFactor(id=pm.next_factor_id(), category=category, description="")
        pm.analysis.factors.append(factor)
    factor.category, factor.description, factor.events = category, description, events


def _ask_why_chain(ask: Prompter, chain: FiveWhys | None, chains: list[FiveWhys]) -> None:
    problem = ask.text("The problem:", chain.problem if chain else "", check=check_required)
    whys = edit_list(ask, "Why?", chain.whys if chain else [])
    if chain is None:
        chains.append(FiveWhys(problem=problem, whys=whys))
    else:
        chain.problem, chain.whys = problem, whys


def step_factors(pm: PostMortem, ask: Prompter) -> None:
    """Step 3: immediate causes, contributing factors, systemic issues and Five Whys."""
    a = pm.analysis
    a.immediate_causes = edit_list(ask, "Immediate cause", a.immediate_causes)
    row_menu(
        ask,
        "Contributing factors",
        a.factors,
        _factor_label,
        add=lambda: _ask_factor(ask, pm, None),
        edit=lambda f: _ask_factor(ask, pm, f),
        noun="factor",
    )
    a.systemic_issues = edit_list(ask, "Systemic issue", a.systemic_issues)
    row_menu(
        ask,
        "Five Whys chains",
        a.five_whys,
        lambda c: f"{c.problem} ({len(c.whys)} whys)",
        add=lambda: _ask_why_chain(ask, None, a.five_whys),
        edit=lambda c: _ask_why_chain(ask, c, a.five_whys),
        noun="chain",
    )


# --- step 4: actions -------------------------------------------------------------------
def _action_label(a: ActionItem) -> str:
    deadline = a.deadline.isoformat() if a.deadline else "no deadline"
    owner = a.owner or "no owner"
    return f"{a.id}  {a.action}  ({owner}, {deadline}, {a.priority}, {a.status})"


def _ask_action(ask: Prompter, pm: PostMortem, item: ActionItem | None) -> None:
    text = ask.text(
        "Action (a concrete change):", item.action if item else "", check=check_required
    )
    owner = ask.text("Owner (one person or team):", item.owner if item else "")
    deadline = ask.text(
        "Deadline (YYYY-MM-DD):",
        item.deadline.isoformat() if item and item.deadline else "",
        check=check_date,
    )
    priority = ask.select("Priority:", PRIORITIES, default=item.priority if item else "Medium")
    factors = [("", "(no factor)")] + [(f.id, _factor_label(f)) for f in pm.analysis.factors]
    factor = ask.select("Addresses which factor?", factors, default=item.factor if item else "")
    status = item.status if item else "open"
    if item is not None:
        status = ask.select("Status:", ACTION_STATUSES, default=item.status)
    if item is None:
        item = ActionItem(id=pm.next_action_id(), action=text)
        pm.actions.append(item)
    item.action, item.owner, item.priority, item.factor, item.status = (
        text,
        owner,
        priority,
        factor,
        status,
    )
    item.deadline = parse_date(deadline) if deadline else None


def step_actions(pm: PostMortem, ask: Prompter) -> None:
    """Step 4: action items, each with an owner, a deadline, a priority and a factor."""
    row_menu(
        ask,
        "Action items",
        pm.actions,
        _action_label,
        add=lambda: _ask_action(ask, pm, None),
        edit=lambda a: _ask_action(ask, pm, a),
        noun="action",
    )


# --- step 5: report --------------------------------------------------------------------
def step_report(pm: PostMortem, ask: Prompter) -> None:
    """Step 5: the report's texts: summary, impact, root cause, and the retrospective."""
    pm.summary = ask.text("Summary (what happened, in two or three sentences):", pm.summary)
    pm.impact.description = ask.text("Impact (who was hurt, how much):", pm.impact.description)
    pm.root_cause = ask.text("Root cause:", pm.root_cause)
    r = pm.retrospective
    r.went_well = edit_list(ask, "Went well", r.went_well)
    r.went_wrong = edit_list(ask, "Went wrong", r.went_wrong)
    r.lucky = edit_list(ask, "Where we got lucky", r.lucky)
    r.lessons = edit_list(ask, "Lesson learned", r.lessons)


# --- step 6: track ---------------------------------------------------------------------
def step_track(pm: PostMortem, ask: Prompter) -> None:
    """Step 6: the follow-up review date and the post-mortem's status."""
    open_items = pm.open_actions()
    ask.say(f"{len(open_items)} open action item(s):")
    for item in open_items:
        ask.say(f"  {_action_label(item)}")
    review = ask.text(
        "Follow-up review date (YYYY-MM-DD):",
        pm.follow_up_review.isoformat() if pm.follow_up_review else "",
        check=check_date,
    )
    pm.follow_up_review = parse_date(review) if review else None
    pm.status = ask.select("Status:", STATUSES, default=pm.status)


STEPS: dict[int, tuple[str, Callable[[PostMortem, Prompter], None]]] = {
    1: ("collect", step_sources),
    2: ("timeline", step_timeline),
    3: ("factors", step_factors),
    4: ("actions", step_actions),
    5: ("report", step_report),
    6: ("track", step_track),
}
