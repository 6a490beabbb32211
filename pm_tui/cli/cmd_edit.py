"""`pm-tui edit ID [--plain]` and `pm-tui new --plain`: the six steps as plain prompts.

Without --plain, `edit` opens the full-screen wizard on the post-mortem.
"""

from __future__ import annotations

from pm_tui.cli.common import add_repo_option, open_repo
from pm_tui.errors import PmTuiError, UsageError


def register(sub) -> None:
    from pm_tui.plain.options import add_step_options

    p = sub.add_parser(
        "edit",
        help="edit a post-mortem (the wizard, or --plain for line-by-line prompts)",
        description="Edit a post-mortem. --plain asks the six steps as plain questions; every "
        "question has an option below for scripts, and --yes accepts the defaults.",
    )
    p.add_argument("id", metavar="ID")
    p.add_argument("--plain", action="store_true", help="plain prompts instead of the full screen")
    add_step_options(p)
    add_repo_option(p)
    p.set_defaults(func=run)


def _prompter(args, ask):
    from pm_tui.plain.prompts import Prompter

    return ask if ask is not None else Prompter(assume_yes=bool(getattr(args, "yes", False)))


def _steps(args) -> list[int]:
    step = getattr(args, "step", None)
    return [step] if step else list(range(1, 7))


def run(args, ask=None) -> int:
    """Edit one post-mortem: the wizard, or with --plain the six steps as prompts."""
    if not getattr(args, "plain", False):
        from pm_tui.cli import cmd_open

        return cmd_open.run(args)
    from pm_tui.plain.wizard import run_steps

    repo = open_repo(args, create=False)
    pm = repo.load(str(repo.resolve(args.id)))
    ask = _prompter(args, ask)
    ask.say(f"Editing {pm.id}: {pm.title}")
    return run_steps(
        pm,
        repo,
        ask,
        steps=_steps(args),
        options=args,
        commit=not args.no_commit,
        push=getattr(args, "push", False),
    )


def run_new_plain(args, ask=None) -> int:
    """`pm-tui new --plain`: ask for the incident's header, create the draft, walk the steps."""
    from pm_tui.model import new_postmortem
    from pm_tui.plain.wizard import run_steps

    ask = _prompter(args, ask)

    try:
        header = _ask_header(args, ask)
    except (KeyboardInterrupt, EOFError):
        ask.say("Stopped: no post-mortem was created.")
        return 130
    pm = new_postmortem(**header)
    repo = open_repo(args)
    if repo.exists(pm.id):
        raise PmTuiError(
            f"a post-mortem '{pm.id}' already exists: edit it with 'pm-tui edit {pm.id} --plain'"
        )
    path = repo.save(pm)
    commit = not args.no_commit
    if commit:
        repo.commit(pm, "new draft", push=args.push)
    ask.say(f"Created {pm.id} ({path})")
    return run_steps(pm, repo, ask, steps=_steps(args), options=args, commit=commit, push=args.push)


def _ask_header(args, ask) -> dict:
    """The incident's title, window, severity, services and authors, as new_postmortem takes them."""
    from pm_tui.config import load_config
    from pm_tui.model import SEVERITIES
    from pm_tui.plain.prompts import check_required, split_list
    from pm_tui.timeparse import parse_utc

    def check_time(text: str, required: bool = True) -> str | None:
        if not text:
            return "a time is needed (ISO 8601)" if required else None
        try:
            parse_utc(text)
        except UsageError as exc:
            return str(exc)
        return None

    title = ask.text(
        "Title (what happened, in a few words):", args.title or "", check=check_required
    )
    started_text = ask.text(
        "Incident start (ISO 8601, UTC unless an offset is given):",
        args.started or "",
        check=check_time,
    )
    resolved_text = ask.text(
        "Incident end (ISO 8601; blank if not over or unknown):",
        args.resolved or "",
        check=lambda t: check_time(t, required=False),
    )
    started = parse_utc(started_text, "start")
    resolved = parse_utc(resolved_text, "end") if resolved_text else None
    if resolved and resolved < started:
        raise UsageError("the incident end is before its start")
    severity = ask.select(
        "Severity:", [(k, f"{k}  {v}") for k, v in SEVERITIES.items()], default=args.severity
    )
    services = split_list(ask.text("Affected services (comma-separated):", ", ".join(args.service)))
    authors = args.author or list(load_config().get("authors", []))
    authors = split_list(ask.text("Authors (comma-separated):", ", ".join(authors)))
    return dict(
        title=title,
        started=started,
        resolved=resolved,
        severity=severity,
        services=services,
        authors=authors,
    )
