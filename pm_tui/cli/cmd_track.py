"""`pm-tui track ID --github OWNER/REPO`: one GitHub issue per action item, idempotently."""

from __future__ import annotations

import sys

from pm_tui.cli.common import add_repo_option, open_repo


def register(sub) -> None:
    p = sub.add_parser(
        "track",
        help="create or update one GitHub issue per action item (token: $GITHUB_TOKEN)",
    )
    p.add_argument("id", metavar="ID", help="post-mortem id (or a unique part of it)")
    p.add_argument(
        "--github",
        metavar="OWNER/REPO",
        help="repository for the issues (default: config github.repo, set by pm-tui init)",
    )
    p.add_argument(
        "--github-api",
        metavar="URL",
        help="API base for GitHub Enterprise (default: $GITHUB_API_URL, config github.api_url, "
        "or https://api.github.com)",
    )
    p.add_argument("--dry-run", action="store_true", help="say what would be done; send nothing")
    add_repo_option(p)
    p.set_defaults(func=run)


def _print(results) -> None:
    for r in results:
        line = f"{r.item}  {r.outcome}"
        if r.url:
            line += f"  {r.url}"
        if r.note:
            line += f"  ({r.note})"
        print(line)


def run(args) -> int:
    from pm_tui.config import config_section, load_config
    from pm_tui.errors import UsageError
    from pm_tui.trackers import TrackerError
    from pm_tui.trackers.github import plan, track
    from pm_tui.trackers.github_api import GitHub, api_url, token

    if not args.github:
        args.github = config_section(load_config(), "github").get("repo")
        if not args.github:
            raise UsageError(
                "which GitHub repository? pass --github OWNER/REPO or set it with pm-tui init"
            )
    repo = open_repo(args)
    path = repo.resolve(args.id)
    pm = repo.load(args.id)
    rel = path.relative_to(repo.root).as_posix() if path.is_relative_to(repo.root) else path.name
    if not pm.actions:
        print(f"{pm.id} has no action items: nothing to track")
        return 0
    if args.dry_run:
        _print(plan(pm, rel))
        return 0
    config = load_config()
    with GitHub(api_url(args.github_api, config), token(config)) as gh:
        try:
            results = track(gh, args.github, pm, rel)
        except TrackerError as exc:
            done = getattr(exc, "results", [])
            _print(done)
            if any(r.outcome in ("created", "updated") or r.url for r in done):
                repo.save(pm)
                repo.commit(pm, "action items tracked in GitHub (partly)")
                print("the issues made before the error are recorded", file=sys.stderr)
            raise
    _print(results)
    repo.save(pm)
    if repo.commit(pm, f"action items tracked in GitHub ({args.github})"):
        print(f"recorded the issue links in {rel} and committed")
    return 0
