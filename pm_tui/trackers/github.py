"""Action items as GitHub issues: create or update one issue per item, and sync state back.

Each issue body ends with a marker `<!-- pm-tui:<pm id>/<item id>:<hash> -->`. The id
pair finds an issue whose URL was lost (no duplicates); the hash of the rendered title,
body and labels tells whether the item changed since the issue was last written.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pm_tui.model import ActionItem, PostMortem
from pm_tui.trackers import TrackerError
from pm_tui.trackers.github_api import GitHub, parse_issue_url

LOGIN_RE = re.compile(r"^@?([A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38})$")
MARKER_RE = re.compile(r"<!-- pm-tui:(\S+?)/(AI-\d+):([0-9a-f]+) -->")
LABEL = "post-mortem"


@dataclass
class IssueDraft:
    """What the issue for one action item should say."""

    title: str
    body: str
    labels: list[str]
    assignee: str | None
    digest: str


@dataclass
class TrackResult:
    """What happened to one action item: created, updated, unchanged, linked, skipped, planned."""

    item: str
    outcome: str
    url: str = ""
    note: str = ""


def github_login(owner: str) -> str | None:
    """The owner as a GitHub login ('@alice' or 'alice'), or None for a name or an e-mail."""
    m = LOGIN_RE.match(owner.strip())
    return m.group(1) if m else None


def draft_issue(pm: PostMortem, item: ActionItem, pm_path: str) -> IssueDraft:
    """The title, body, labels and assignee of the issue for `item`, and their hash."""
    title = f"{item.id}: {item.action}".replace("\n", " ")
    if len(title) > 200:
        title = title[:199].rstrip() + "…"
    factor = pm.factor(item.factor) if item.factor else None
    factor_text = f"{factor.id} ({factor.category}): {factor.description}" if factor else "—"
    rows = [
        ("Owner", item.owner or "—"),
        ("Deadline", item.deadline.isoformat() if item.deadline else "—"),
        ("Priority", item.priority),
        ("Factor", factor_text),
    ]
    from pm_tui.report.markdown import escape_cell

    table = "\n".join(f"| {k} | {escape_cell(v)} |" for k, v in rows)
    body = (
        f"Action item **{item.id}** from the post-mortem **{escape_cell(pm.title)}** "
        f"(`{pm.id}`, kept in `{pm_path}`).\n\n"
        f"{escape_cell(item.action).replace('<br>', chr(10))}\n\n"
        f"|   |   |\n| --- | --- |\n{table}\n"
    )
    labels = [LABEL] + ([factor.category] if factor else [])
    assignee = github_login(item.owner) if item.owner else None
    digest_src = "\x00".join([title, body, ",".join(labels), assignee or ""])
    digest = hashlib.sha256(digest_src.encode()).hexdigest()[:16]
    body += f"\n<!-- pm-tui:{pm.id}/{item.id}:{digest} -->\n"
    return IssueDraft(title, body, labels, assignee, digest)


def _marker(issue: dict[str, Any]) -> tuple[str, str, str] | None:
    m = MARKER_RE.search(issue.get("body") or "")
    return (m.group(1), m.group(2), m.group(3)) if m else None


def _is_assignee_error(exc: TrackerError) -> bool:
    return "422" in str(exc) and "assignee" in str(exc).lower()


class _Tracker:
    def __init__(self, gh: GitHub, repo: str, pm: PostMortem, pm_path: str):
        self.gh, self.repo, self.pm, self.pm_path = gh, repo, pm, pm_path
        self._by_marker: dict[tuple[str, str], dict[str, Any]] | None = None

    def find_by_marker(self, item_id: str) -> dict[str, Any] | None:
        if self._by_marker is None:
            self._by_marker = {}
            for issue in self.gh.iter_issues(self.repo, labels=LABEL):
                marker = _marker(issue)
                if marker and marker[0] == self.pm.id:
                    self._by_marker.setdefault((marker[0], marker[1]), issue)
        return self._by_marker.get((self.pm.id, item_id))

    def _send(self, send: Callable[[dict[str, Any]], dict], fields: dict, draft: IssueDraft):
        """Send with the assignee; if GitHub refuses the assignee, send again without it."""
        if draft.assignee:
            try:
                return send({**fields, "assignees": [draft.assignee]}), ""
            except TrackerError as exc:
                if not _is_assignee_error(exc):
                    raise
            return send(fields), f"'{draft.assignee}' cannot be assigned here, left unassigned"
        return send(fields), ""

    def track(self, item: ActionItem) -> TrackResult:
        draft = draft_issue(self.pm, item, self.pm_path)
        fields = {"title": draft.title, "body": draft.body, "labels": draft.labels}
        issue = None
        if item.tracker_url:
            parsed = parse_issue_url(item.tracker_url, self.gh.api)
            if parsed is None or parsed[0].lower() != self.repo.lower():
                return TrackResult(item.id, "skipped", item.tracker_url, "tracked elsewhere")
            issue = self.gh.get_issue(self.repo, parsed[1])
        else:
            issue = self.find_by_marker(item.id)
            if issue is None:
                if not item.is_open:
                    return TrackResult(item.id, "skipped", note=f"{item.status}, no issue needed")
                created, note = self._send(
                    lambda f: self.gh.create_issue(self.repo, f), fields, draft
                )
                item.tracker_url = created["html_url"]
                return TrackResult(item.id, "created", item.tracker_url, note)
            item.tracker_url = issue["html_url"]
        marker = _marker(issue)
        if marker and marker[2] == draft.digest:
            return TrackResult(item.id, "unchanged", item.tracker_url)
        number = issue["number"]
        _, note = self._send(lambda f: self.gh.update_issue(self.repo, number, f), fields, draft)
        return TrackResult(item.id, "updated", item.tracker_url, note)


NO_OWNER_NOTE = "no owner: name one (step 4) before it becomes a ticket"


def plan(pm: PostMortem, pm_path: str) -> list[TrackResult]:
    """What `track` would do, without a token or any request (for --dry-run)."""
    from pm_tui.workflow.gate import has_owner

    results = []
    for item in pm.actions:
        if not has_owner(item) and not item.tracker_url:
            results.append(TrackResult(item.id, "skipped", note=NO_OWNER_NOTE))
            continue
        draft = draft_issue(pm, item, pm_path)
        who = f", assignee {draft.assignee}" if draft.assignee else ""
        detail = f"'{draft.title}' labels {', '.join(draft.labels)}{who}"
        if item.tracker_url:
            results.append(
                TrackResult(item.id, "would update if changed", item.tracker_url, detail)
            )
        elif item.is_open:
            results.append(TrackResult(item.id, "would create", "", detail))
        else:
            results.append(TrackResult(item.id, "skipped", note=f"{item.status}, no issue needed"))
    return results


def track(gh: GitHub, repo: str, pm: PostMortem, pm_path: str) -> list[TrackResult]:
    """Create or update one issue per action item in `repo`; sets each item's tracker_url.

    On an error part-way, the URLs set so far stay on `pm` (so the caller can save them)
    and the error carries the results so far in `.results`.
    """
    gh.check_repo(repo)
    tracker = _Tracker(gh, repo, pm, pm_path)
    from pm_tui.workflow.gate import has_owner

    results: list[TrackResult] = []
    for item in pm.actions:
        if not has_owner(item) and not item.tracker_url:
            results.append(TrackResult(item.id, "skipped", note=NO_OWNER_NOTE))
            continue
        try:
            results.append(tracker.track(item))
        except TrackerError as exc:
            exc.results = results  # type: ignore[attr-defined]
            raise
    return results


# --- sync: issue state back into the post-mortems ---------------------------------------


def status_from_issue(issue: dict[str, Any], current: str) -> str:
    """The action status an issue implies: closed → done (not planned → wont-do), reopened → open."""
    if issue.get("state") == "closed":
        return "wont-do" if issue.get("state_reason") == "not_planned" else "done"
    return current if current in ("open", "in-progress") else "open"


def sync(gh: GitHub, pm: PostMortem) -> tuple[list[tuple[str, str, str]], list[str]]:
    """Update each tracked item's status from its issue.

    Returns the changes as (item, old, new) and one line per issue that could not be read
    (deleted or moved); token, rate-limit and network errors are raised.
    """
    changes, problems = [], []
    for item in pm.actions:
        parsed = parse_issue_url(item.tracker_url, gh.api) if item.tracker_url else None
        if parsed is None:
            continue
        try:
            issue = gh.get_issue(*parsed)
        except TrackerError as exc:
            if "(404)" not in str(exc):
                raise
            problems.append(f"{pm.id} {item.id}: {exc}")
            continue
        new = status_from_issue(issue, item.status)
        if new != item.status:
            changes.append((item.id, item.status, new))
            item.status = new
    return changes, problems
