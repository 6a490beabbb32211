"""`pm-tui link ID OTHER [--reject|--remove]`: decide that two incidents recur (the same
immediate cause), or not; kept in the newer post-mortem's file and committed."""

from __future__ import annotations

from pm_tui.cli.common import add_repo_option, open_repo
from pm_tui.cli.output import add_format_option, emit_json, outcome_fields, wants_json


def register(sub) -> None:
    p = sub.add_parser(
        "link",
        help="confirm (or reject) that two incidents have the same immediate cause",
        description="Record in the newer post-mortem that OTHER had the same immediate cause "
        "(recurrence.same_cause_as), so stats counts them as one recurring cause; --reject "
        "records that a suggested pair is not the same cause (never suggested again); "
        "--remove forgets either decision. The file is saved and committed alone. Without "
        "OTHER: the post-mortem's links, its confirmed group and the suggestions to decide.",
    )
    p.add_argument("id", metavar="ID", help="post-mortem id (or a unique part of it)")
    p.add_argument(
        "other", metavar="OTHER", nargs="?",
        help="the other post-mortem (earlier or later); without it, list what is decided and "
        "what is suggested for ID",
    )  # fmt: skip
    which = p.add_mutually_exclusive_group()
    which.add_argument(
        "--reject", action="store_true", help="not the same cause: never suggest this pair again"
    )
    which.add_argument(
        "--remove", action="store_true", help="forget the decision on this pair (either one)"
    )
    p.add_argument("--no-commit", action="store_true", help="save but do not commit")
    add_repo_option(p)
    add_format_option(p)
    p.set_defaults(func=run)


def run(args) -> int:
    from pm_tui.workflow.recurrence import decide_recurrence

    decision = "reject" if args.reject else "remove" if args.remove else "confirm"
    repo = open_repo(args, create=False)
    if args.other is None:
        if args.reject or args.remove or args.no_commit:
            from pm_tui.errors import UsageError

            raise UsageError("name the other post-mortem: pm-tui link ID OTHER [--reject|--remove]")
        return _show(repo, args)
    done = decide_recurrence(repo, [(args.id, args.other)], decision, commit=not args.no_commit)
    if wants_json(args):  # docs/json-output.md
        emit_json(
            {
                "decision": decision,
                "pairs": [{"newer": n, "older": o} for n, o in done.pairs],
                "unchanged": [{"newer": n, "older": o} for n, o in done.unchanged],
                "paths": [str(p) for p in done.paths],
                "commit": done.commit,
                **outcome_fields(done),
            }
        )
    else:
        print(done.summary())
    return 0


def _show(repo, args) -> int:
    """The post-mortem's recurrence: what people decided and what is suggested."""
    from datetime import UTC, datetime

    from pm_tui.workflow.recurrence import recurrence_view

    view = recurrence_view(repo, args.id, datetime.now(UTC).date())
    pm, links = view.pm, view.pm.recurrence
    if wants_json(args):
        emit_json(
            {
                "id": pm.id,
                "same_cause_as": links.same_cause_as,
                "not_same_cause_as": links.not_same_cause_as,
                "confirmed_group": view.group,
                "suggested": [
                    {"id": other, "group_cause": cause, "why": why}
                    for other, cause, why in view.suggested
                ],
            }
        )
        return 0
    out = [f"{pm.id}: {pm.title}"]
    out.append(f"  same cause as        {', '.join(links.same_cause_as) or '—'}")
    out.append(f"  not the same cause   {', '.join(links.not_same_cause_as) or '—'}")
    if view.group:
        out.append(f"  confirmed group      {len(view.group)} incidents: {', '.join(view.group)}")
    out.append(f"Suggested, to decide ({len(view.suggested)}):")
    for other, cause, why in view.suggested:
        out.append(f'  {other}  (the group\'s first cause: "{cause}"; {why})')
        out.append(f"      pm-tui link {pm.id} {other}    (or --reject)")
    print("\n".join(out))
    return 0
