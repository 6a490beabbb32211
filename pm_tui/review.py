"""The review of open action items across every post-mortem: by owner, by deadline, overdue marked."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from pm_tui.model import PRIORITIES, ActionItem, PostMortem

NO_OWNER = "(no owner)"
# The --fail-on-overdue threshold: an overdue item at this priority or above fails.
PRIORITY_RANK = {p.lower(): n for n, p in enumerate(PRIORITIES)}  # high=0, medium=1, low=2


@dataclass
class OpenAction:
    """One open action item with the post-mortem it belongs to, seen on `today`."""

    pm_id: str
    pm_title: str
    item: ActionItem
    days_overdue: int | None

    @property
    def overdue(self) -> bool:
        return self.days_overdue is not None and self.days_overdue > 0

    @property
    def owner(self) -> str:
        return self.item.owner.strip() or NO_OWNER


def open_actions(postmortems: Iterable[PostMortem], today: date) -> list[OpenAction]:
    """Every open or in-progress action item, sorted by deadline (none last), then id."""
    found = []
    for pm in postmortems:
        for item in pm.open_actions():  # the index answers without decoding the rest
            late = (today - item.deadline).days if item.deadline else None
            found.append(OpenAction(pm.id, pm.title, item, late))
    found.sort(key=lambda a: (a.item.deadline or date.max, a.pm_id, a.item.id))
    return found


def by_owner(actions: list[OpenAction]) -> dict[str, list[OpenAction]]:
    """The actions grouped by owner (owners in alphabetical order, no owner last)."""
    groups: dict[str, list[OpenAction]] = {}
    for a in actions:
        groups.setdefault(a.owner, []).append(a)
    return dict(sorted(groups.items(), key=lambda kv: (kv[0] == NO_OWNER, kv[0].lower())))


def overdue_at_or_above(actions: list[OpenAction], priority: str) -> list[OpenAction]:
    """Overdue actions whose priority is `priority` ('high', 'medium', 'low') or higher."""
    limit = PRIORITY_RANK[priority.lower()]
    return [
        a
        for a in actions
        if a.overdue and PRIORITY_RANK.get(a.item.priority.lower(), len(PRIORITY_RANK)) <= limit
    ]


def _due(a: OpenAction) -> str:
    if a.item.deadline is None:
        return "no deadline"
    if a.overdue:
        return f"{a.item.deadline.isoformat()} OVERDUE {a.days_overdue}d"
    return a.item.deadline.isoformat()


def render_text(actions: list[OpenAction], today: date) -> str:
    """A plain report for the terminal."""
    if not actions:
        return f"No open action items (as of {today.isoformat()})."
    late = sum(a.overdue for a in actions)
    lines = [f"{len(actions)} open action items, {late} overdue (as of {today.isoformat()})"]
    for owner, items in by_owner(actions).items():
        lines.append("")
        lines.append(f"{owner} ({len(items)})")
        for a in items:
            mark = "!" if a.overdue else " "
            lines.append(
                f" {mark} {_due(a):<26} {a.item.priority:<6} {a.item.status:<11} "
                f"{a.pm_id} {a.item.id}: {a.item.action}"
            )
    return "\n".join(lines)


def render_markdown(actions: list[OpenAction], today: date) -> str:
    """Markdown for pasting into a standup or a chat: one section per owner."""
    from pm_tui.report.markdown import escape_inline

    if not actions:
        return f"No open action items (as of {today.isoformat()})."
    late = sum(a.overdue for a in actions)
    lines = [f"**{len(actions)} open action items, {late} overdue** (as of {today.isoformat()})"]
    for owner, items in by_owner(actions).items():
        lines += ["", f"### {escape_inline(owner)}", ""]
        for a in items:
            due = f"**overdue since {a.item.deadline}**" if a.overdue else _due(a)
            link = (
                f" ([ticket]({a.item.tracker_url}))"
                if a.item.tracker_url.startswith("http")
                else ""
            )
            lines.append(
                f"- {due} · {a.item.priority} · `{a.pm_id}` {a.item.id}: "
                f"{escape_inline(a.item.action)}{link}"
            )
    return "\n".join(lines)


def render_json(actions: list[OpenAction], today: date) -> str:
    """A JSON list (stable keys) for scripts and dashboards."""
    rows = [
        {
            "postmortem": a.pm_id,
            "postmortem_title": a.pm_title,
            "id": a.item.id,
            "action": a.item.action,
            "owner": a.item.owner,
            "deadline": a.item.deadline.isoformat() if a.item.deadline else None,
            "priority": a.item.priority,
            "status": a.item.status,
            "overdue": a.overdue,
            "days_overdue": a.days_overdue if a.overdue else 0,
            "tracker_url": a.item.tracker_url,
        }
        for a in actions
    ]
    return json.dumps({"today": today.isoformat(), "actions": rows}, indent=2, ensure_ascii=False)
