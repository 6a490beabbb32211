"""`pm-tui sync`: bring GitHub issue states back into every post-mortem's action items."""

from __future__ import annotations

import sys

from pm_tui.cli.common import add_repo_option, open_repo
from pm_tui.cli.output import add_format_option, emit_json, outcome_fields, wants_json


def register(sub) -> None:
    p = sub.add_parser(
        "sync",
        help="update action item statuses from their GitHub issues (closed → done), all post-mortems",
    )
    p.add_argument("--github-api", metavar="URL", help="API base for GitHub Enterprise")
    add_repo_option(p)
    add_format_option(p)
    p.set_defaults(func=run)


def run(args) -> int:
    from pm_tui.config import load_config
    from pm_tui.workflow.tickets import sync_tickets

    repo = open_repo(args)
    done = sync_tickets(repo, load_config(), args.github_api)
    for line in done.gaps:
        print(f"pm-tui: {line}", file=sys.stderr)
    if wants_json(args):  # docs/json-output.md
        changes = [
            {"id": pm_id, "item": item, "from": old, "to": new}
            for pm_id, item, old, new in done.changes
        ]
        emit_json({"changes": changes, "updated": done.updated, **outcome_fields(done)})
        return 0
    for pm_id, item, old, new in done.changes:
        print(f"{pm_id} {item}: {old} → {new}")
    n = len(done.updated)
    print(f"{n} post-mortem(s) updated" if n else "everything already in sync")
    return 0
