"""`pm-tui new`: create a draft post-mortem, commit it, print its id and path."""

from __future__ import annotations

from pm_tui.cli.common import add_repo_option, open_repo
from pm_tui.cli.output import add_format_option, emit_json, wants_json
from pm_tui.errors import PmTuiError, UsageError
from pm_tui.model import SEVERITIES, new_postmortem
from pm_tui.timeparse import parse_utc


def register(sub) -> None:
    p = sub.add_parser("new", help="create a draft post-mortem and commit it")
    p.add_argument("--title", help="what happened, in a few words")
    p.add_argument("--started", help="incident start, ISO 8601 (UTC if no offset)")
    p.add_argument("--resolved", help="incident end, ISO 8601 (UTC if no offset)")
    p.add_argument("--severity", default="P3", choices=list(SEVERITIES), help="P1 (worst) to P4")
    p.add_argument("--service", action="append", default=[], help="affected service (repeatable)")
    p.add_argument("--author", action="append", default=[], help="author (repeatable)")
    p.add_argument("--plain", action="store_true", help="ask every step as plain prompts")
    p.add_argument("--no-commit", action="store_true", help="save the file but do not commit")
    p.add_argument("--push", action="store_true", help="push the commit to the configured remote")
    add_format_option(p)
    from pm_tui.plain.options import add_step_options

    add_step_options(p, with_commit=False)  # the --plain steps' options, for scripts
    add_repo_option(p)
    p.set_defaults(func=run)


def run(args) -> int:
    if getattr(args, "plain", False):
        from pm_tui.cli import cmd_edit

        if hasattr(cmd_edit, "run_new_plain"):
            return cmd_edit.run_new_plain(args)
    if not args.title or not args.started:
        raise UsageError("new needs --title and --started (or use the wizard: pm-tui)")
    started = parse_utc(args.started, "--started")
    resolved = parse_utc(args.resolved, "--resolved") if args.resolved else None
    if resolved and resolved < started:
        raise UsageError("--resolved is before --started")
    authors = args.author
    if not authors:
        from pm_tui.config import load_config

        authors = list(load_config().get("authors", []))
    pm = new_postmortem(
        args.title,
        started,
        resolved=resolved,
        severity=args.severity,
        services=args.service,
        authors=authors,
    )
    from pm_tui.plain.options import apply_step_options

    for step in range(1, 7):  # --event, --action, --summary...: the same options as --plain
        apply_step_options(pm, step, args)
    repo = open_repo(args)
    if repo.exists(pm.id):
        raise PmTuiError(
            f"a post-mortem '{pm.id}' already exists: open it with 'pm-tui open {pm.id}' "
            "or choose another title"
        )
    path = repo.save(pm)
    if not args.no_commit:
        repo.commit(pm, "new draft", push=args.push)
    if wants_json(args):
        emit_json({"id": pm.id, "path": path})
        return 0
    print(pm.id)
    print(path)
    return 0
