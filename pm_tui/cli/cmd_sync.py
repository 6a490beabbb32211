"""`pm-tui sync`: bring GitHub issue states back into every post-mortem's action items."""

from __future__ import annotations

import sys

from pm_tui.cli.common import add_repo_option, open_repo


def register(sub) -> None:
    p = sub.add_parser(
        "sync",
        help="update action item statuses from their GitHub issues (closed → done), all post-mortems",
    )
    p.add_argument("--github-api", metavar="URL", help="API base for GitHub Enterprise")
    add_repo_option(p)
    p.set_defaults(func=run)


def run(args) -> int:
    from pm_tui.config import load_config
    from pm_tui.trackers.github import sync
    from pm_tui.trackers.github_api import GitHub, api_url, token

    repo = open_repo(args)
    config = load_config()
    api = api_url(args.github_api, config)
    changed = 0
    gh = None
    try:
        for summary in repo.summaries():
            pm = summary.postmortem
            if pm is None:
                print(f"pm-tui: skipped {summary.path.name}: {summary.error}", file=sys.stderr)
                continue
            if not any(a.tracker_url for a in pm.actions):
                continue
            if gh is None:
                gh = GitHub(api, token(config))
            changes, problems = sync(gh, pm)
            for line in problems:
                print(f"pm-tui: {line}", file=sys.stderr)
            if not changes:
                continue
            for item, old, new in changes:
                print(f"{pm.id} {item}: {old} → {new}")
            repo.save(pm)
            repo.commit(pm, "action item statuses synced from GitHub")
            changed += 1
    finally:
        if gh is not None:
            gh.close()
    print(f"{changed} post-mortem(s) updated" if changed else "everything already in sync")
    return 0
