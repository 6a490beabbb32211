"""Command-line options equivalent to the plain steps' questions, for scripts.

Each step's options are applied to the post-mortem before that step's questions, so the
questions then offer the scripted values as defaults (and `--yes` just keeps them).
"""

from __future__ import annotations

import argparse
from datetime import date

from pm_tui.errors import UsageError
from pm_tui.model import (
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
from pm_tui.timeparse import parse_event_time

_LISTS = {
    "immediate_cause": ("analysis", "immediate_causes"),
    "systemic_issue": ("analysis", "systemic_issues"),
    "went_well": ("retrospective", "went_well"),
    "went_wrong": ("retrospective", "went_wrong"),
    "lucky": ("retrospective", "lucky"),
    "lesson": ("retrospective", "lessons"),
}


def add_step_options(p: argparse.ArgumentParser, *, with_commit: bool = True) -> None:
    """Add the scripted equivalents of the six steps' questions to a parser."""
    p.add_argument("--yes", "-y", action="store_true", help="accept every default, ask nothing")
    p.add_argument("--step", type=int, choices=range(1, 7), help="only this step (1-6)")
    if with_commit:
        p.add_argument("--no-commit", action="store_true", help="save but do not commit")
        p.add_argument("--push", action="store_true", help="push each commit")
    g = p.add_argument_group("step 1 (sources)")
    g.add_argument(
        "--source",
        nargs="+",
        action="append",
        default=[],
        metavar="ARG",
        help=f"KIND TARGET [QUERY]: add an evidence source; KIND is one of {', '.join(SOURCE_KINDS)}",
    )
    g.add_argument(
        "--evidence",
        action="append",
        default=[],
        metavar="PATH",
        help="an evidence folder, file or .zip/.tar.gz: one source per file, by what it is",
    )
    g = p.add_argument_group("step 2 (timeline)")
    g.add_argument(
        "--event",
        nargs="+",
        action="append",
        default=[],
        metavar="ARG",
        help="TIME TEXT [KIND]: add a timeline row; TIME is 10:05:23, ISO 8601 or +5m",
    )
    g.add_argument(
        "--delete-event",
        action="append",
        default=[],
        metavar="ID",
        help="delete a timeline row by id (T-003)",
    )
    g = p.add_argument_group("step 3 (factors)")
    g.add_argument("--immediate-cause", action="append", default=[], metavar="TEXT")
    g.add_argument(
        "--factor",
        nargs="+",
        action="append",
        default=[],
        metavar="ARG",
        help=f"CATEGORY DESCRIPTION [EVENT_ID...]: add a contributing factor; CATEGORY: {', '.join(FACTOR_CATEGORIES)}",
    )
    g.add_argument("--systemic-issue", action="append", default=[], metavar="TEXT")
    g.add_argument(
        "--why",
        nargs="+",
        action="append",
        default=[],
        metavar="ARG",
        help="PROBLEM [WHY...]: add a Five Whys chain: the problem, then each answer",
    )
    g = p.add_argument_group("step 4 (actions)")
    g.add_argument(
        "--action",
        nargs="+",
        action="append",
        default=[],
        metavar="ARG",
        help="TEXT OWNER YYYY-MM-DD [PRIORITY [FACTOR_ID]]: add an action item",
    )
    g = p.add_argument_group("step 5 (report)")
    g.add_argument("--summary")
    g.add_argument("--impact")
    g.add_argument("--root-cause")
    for name in ("went-well", "went-wrong", "lucky", "lesson"):
        g.add_argument(f"--{name}", action="append", default=[], metavar="TEXT")
    g = p.add_argument_group("step 6 (track)")
    g.add_argument("--follow-up-review", metavar="YYYY-MM-DD")
    g.add_argument("--status", choices=STATUSES)


def _arity(values: list[str], low: int, high: int, option: str) -> None:
    if not low <= len(values) <= high:
        raise UsageError(f"{option} takes {low} to {high} values, got {len(values)}: {values}")


def _choice(value: str, allowed, option: str) -> str:
    if value not in allowed:
        raise UsageError(f"{option}: '{value}' is not one of {', '.join(allowed)}")
    return value


def _date(value: str, option: str) -> date:
    from pm_tui.timeparse import parse_date

    return parse_date(value, option)


def apply_step_options(pm: PostMortem, step: int, args: argparse.Namespace) -> None:
    """Apply the scripted options of `step` to `pm` (UsageError on a bad value)."""
    get = lambda name: getattr(args, name, None)  # noqa: E731
    if step == 1:
        for values in get("source") or []:
            _arity(values, 2, 3, "--source")
            kind = _choice(values[0], SOURCE_KINDS, "--source")
            pm.sources.append(
                EvidenceSource(
                    kind=kind, target=values[1], query=values[2:][0] if values[2:] else ""
                )
            )
        if get("evidence"):  # the same plan and records as collect --evidence and the wizard
            from pm_tui.workflow.collect import apply_sources
            from pm_tui.workflow.sources import evidence_plan, evidence_records

            apply_sources(pm, evidence_records(evidence_plan(list(get("evidence")))))
    elif step == 2:
        for event_id in get("delete_event") or []:
            if pm.event(event_id) is None:
                raise UsageError(f"--delete-event: no timeline row {event_id}")
            pm.timeline = [e for e in pm.timeline if e.id != event_id]
        for values in get("event") or []:
            _arity(values, 2, 3, "--event")
            previous = pm.timeline[-1].time if pm.timeline else None
            when = parse_event_time(
                values[0], previous=previous, default_date=(previous or pm.window.started).date()
            )
            kind = _choice(values[2], EVENT_KINDS, "--event") if len(values) > 2 else "other"
            pm.timeline.append(
                TimelineEvent(id=pm.next_event_id(), time=when, text=values[1], kind=kind)
            )
            pm.sort_timeline()
    elif step == 3:
        _extend_lists(pm, args, ("immediate_cause", "systemic_issue"))
        for values in get("factor") or []:
            _arity(values, 2, 50, "--factor")
            category = _choice(values[0], FACTOR_CATEGORIES, "--factor")
            events = values[2:]
            for event_id in events:
                if pm.event(event_id) is None:
                    raise UsageError(f"--factor: no timeline row {event_id}")
            pm.analysis.factors.append(
                ContributingFactor(pm.next_factor_id(), category, values[1], list(events))
            )
        for values in get("why") or []:
            pm.analysis.five_whys.append(FiveWhys(problem=values[0], whys=list(values[1:])))
    elif step == 4:
        for values in get("action") or []:
            _arity(values, 3, 5, "--action")
            item = ActionItem(id=pm.next_action_id(), action=values[0], owner=values[1])
            item.deadline = _date(values[2], "--action")
            if len(values) > 3:
                item.priority = _choice(values[3], PRIORITIES, "--action")
            if len(values) > 4:
                if pm.factor(values[4]) is None:
                    raise UsageError(f"--action: no contributing factor {values[4]}")
                item.factor = values[4]
            pm.actions.append(item)
    elif step == 5:
        for name, attr in (("summary", "summary"), ("root_cause", "root_cause")):
            if get(name) is not None:
                setattr(pm, attr, get(name))
        if get("impact") is not None:
            pm.impact.description = get("impact")
        _extend_lists(pm, args, ("went_well", "went_wrong", "lucky", "lesson"))
    elif step == 6:
        if get("follow_up_review"):
            pm.follow_up_review = _date(get("follow_up_review"), "--follow-up-review")
        if get("status"):
            pm.status = get("status")


def _extend_lists(pm: PostMortem, args: argparse.Namespace, names: tuple[str, ...]) -> None:
    for name in names:
        section, attr = _LISTS[name]
        getattr(getattr(pm, section), attr).extend(getattr(args, name, None) or [])
