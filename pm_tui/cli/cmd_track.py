"""`pm-tui track ID --github OWNER/REPO`: one GitHub issue per action item, idempotently."""

from __future__ import annotations

import sys

from pm_tui.cli.common import add_gate_options, add_repo_option, open_repo
from pm_tui.cli.output import add_format_option, emit_json, outcome_fields, wants_json


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
    add_gate_options(p)
    add_repo_option(p)
    add_format_option(p)
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
    from pm_tui.config import load_config
    from pm_tui.errors import PmTuiError
    from pm_tui.workflow.tickets import TicketOptions, create_tickets, github_repo

    config = load_config()
    options = TicketOptions(
        args.github, args.github_api, args.dry_run, force=args.force, reason=args.reason
    )
    github_repo(options, config)  # a missing repository is said before anything is read
    repo = open_repo(args)
    pm = repo.load(args.id)
    as_json = wants_json(args)
    if not pm.actions and not as_json:
        print(f"{pm.id} has no action items: nothing to track")
        return 0
    done = create_tickets(repo, pm, options, config)
    if as_json:  # printed before any error is raised: the items done so far count
        emit_json(
            {
                "id": pm.id,
                "repository": done.target,
                "dry_run": options.dry_run,
                "items": done.results,
                **outcome_fields(done),
            }
        )
    else:
        _print(done.results)
    if options.dry_run:
        return 0
    if done.changed or not done.failed:
        repo.save(pm)
        committed = repo.commit(pm, done.tracked_message())
        if done.failed:
            print("the issues made before the error are recorded", file=sys.stderr)
        elif committed:
            path = repo.resolve(pm.id)
            rel = path.relative_to(repo.root).as_posix() if path.is_relative_to(repo.root) else path
            print(
                f"recorded the issue links in {rel} and committed",
                file=sys.stderr if as_json else sys.stdout,
            )
    if done.failed:
        raise done.error or PmTuiError(done.failed[0])
    return 0
