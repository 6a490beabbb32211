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
        "--remove forgets either decision. The file is saved and committed alone.",
    )
    p.add_argument("id", metavar="ID", help="post-mortem id (or a unique part of it)")
    p.add_argument("other", metavar="OTHER", help="the other post-mortem (earlier or later)")
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
