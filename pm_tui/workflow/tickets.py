"""Use cases of step 6: one GitHub issue per action item (created or updated, never twice),
and issue states synced back into every post-mortem's action items."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pm_tui.errors import PmTuiError, UsageError
from pm_tui.model import PostMortem
from pm_tui.workflow.outcome import Outcome

if TYPE_CHECKING:
    from pm_tui.postmortem_store import Repository

NO_GITHUB_REPO = (
    "which GitHub repository? set github.repo with pm-tui init "
    "or run pm-tui track ID --github OWNER/REPO"
)


@dataclass
class TicketOptions:
    """`github_repo` OWNER/REPO (default: config github.repo); `api_url` for GitHub
    Enterprise (default: $GITHUB_API_URL, config github.api_url, api.github.com)."""

    github_repo: str | None = None
    api_url: str | None = None
    dry_run: bool = False
    # The publishing gate: see DistributeOptions.
    force: bool = False
    reason: str = ""
    by: str = ""


@dataclass
class Ticketed(Outcome):
    """Per-item results, the repository used, and item id → issue URL now recorded."""

    target: str = ""
    results: list = field(default_factory=list)
    urls: dict[str, str] = field(default_factory=dict)

    def tracked_message(self) -> str:
        """The commit message for the links recorded (" (partly)" after an error)."""
        return f"action items tracked in GitHub ({self.target})" + (
            " (partly)" if self.failed else ""
        )


@dataclass
class Synced(Outcome):
    """Per post-mortem: the status changes made, as (pm id, item, old, new)."""

    changes: list[tuple[str, str, str, str]] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)


def github_repo(options: TicketOptions, config: dict) -> str:
    """The OWNER/REPO to file issues in; UsageError when none is known."""
    from pm_tui.config import config_section

    target = options.github_repo or config_section(config, "github").get("repo")
    if not target:
        raise UsageError(NO_GITHUB_REPO)
    return str(target)


def create_tickets(
    repo: Repository, pm: PostMortem, options: TicketOptions, config: dict
) -> Ticketed:
    """Create or update one issue per action item; each item's `tracker_url` is set on `pm`.

    An error part-way keeps the links made so far on `pm` and is returned in `failed`. With
    `dry_run`, nothing is sent and `results` says what would be done.
    """
    from pm_tui.trackers.github import plan, track
    from pm_tui.trackers.github_api import GitHub, api_url, token

    target = github_repo(options, config)
    out = Ticketed(target=target)
    rel = _pm_path(repo, pm)
    if not pm.actions:
        return out
    if options.dry_run:
        out.results = plan(pm, rel)
        return out
    from pm_tui.model import now_utc
    from pm_tui.workflow import gate

    if gate.enforce(
        pm, "tickets", now_utc(), force=options.force, reason=options.reason, by=options.by
    ):
        out.changed.append("errors overridden")
    before = {a.id: a.tracker_url for a in pm.actions}
    try:
        with GitHub(api_url(options.api_url, config), token(config)) as gh:
            out.results = track(gh, target, pm, rel)
    except PmTuiError as exc:
        out.results = list(getattr(exc, "results", []))
        out.failed.append(str(exc))
        out.error = exc
    out.urls = {a.id: a.tracker_url for a in pm.actions if a.tracker_url}
    if any(before.get(i) != u for i, u in out.urls.items()) or any(
        r.outcome in ("created", "updated") for r in out.results
    ):
        out.changed.append(f"GitHub {target}" + (", partly" if out.failed else ""))
    return out


def sync_tickets(repo: Repository, config: dict, api: str | None = None) -> Synced:
    """Bring the issue states back into every post-mortem with tracked items; each changed
    post-mortem is saved and committed. Unreadable files and issues are listed in `gaps`."""
    from pm_tui.trackers.github import sync
    from pm_tui.trackers.github_api import GitHub, api_url, token

    out = Synced()
    base = api_url(api, config)
    gh = None
    try:
        for summary in repo.summaries():
            pm = summary.postmortem
            if pm is None:
                out.gaps.append(f"skipped {summary.path.name}: {summary.error}")
                continue
            if not any(a.tracker_url for a in pm.actions):
                continue
            if gh is None:
                gh = GitHub(base, token(config))
            changes, problems = sync(gh, pm)
            out.gaps += problems
            if not changes:
                continue
            out.changes += [(pm.id, item, old, new) for item, old, new in changes]
            repo.save(pm)
            repo.commit(pm, "action item statuses synced from GitHub")
            out.updated.append(pm.id)
    finally:
        if gh is not None:
            gh.close()
    if out.updated:
        out.changed.append(f"{len(out.updated)} post-mortem(s) updated")
    return out


def _pm_path(repo: Repository, pm: PostMortem) -> str:
    path = repo.resolve(pm.id)
    return path.relative_to(repo.root).as_posix() if path.is_relative_to(repo.root) else path.name
