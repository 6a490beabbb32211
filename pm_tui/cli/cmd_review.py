"""`pm-tui review`: every open action item in the repository, by owner, overdue ones marked."""

from __future__ import annotations

import sys

from pm_tui.cli.common import add_repo_option, load_catalog, open_repo
from pm_tui.timeparse import parse_date


def register(sub) -> None:
    p = sub.add_parser("review", help="open action items of every post-mortem, by owner")
    p.add_argument("--format", choices=["text", "markdown", "json"], default="text")
    p.add_argument(
        "--fail-on-overdue",
        choices=["high", "medium", "low"],
        metavar="PRIORITY",
        help="exit 1 if an item of this priority or higher is overdue (high|medium|low)",
    )
    p.add_argument(
        "--today", metavar="DATE", help="review as of DATE (YYYY-MM-DD; default: today, UTC)"
    )
    add_repo_option(p)
    p.set_defaults(func=run)


def run(args) -> int:
    from pm_tui import review
    from pm_tui.model import now_utc

    today = parse_date(args.today, "--today") if args.today else now_utc().date()
    catalog = load_catalog(open_repo(args, create=False), badges=False)
    actions = review.open_actions(catalog.postmortems, today)
    render = {"text": review.render_text, "markdown": review.render_markdown}.get(
        args.format, review.render_json
    )
    print(render(actions, today))
    if args.fail_on_overdue:
        late = review.overdue_at_or_above(actions, args.fail_on_overdue)
        if late:
            print(
                f"pm-tui: {len(late)} overdue action item(s) at {args.fail_on_overdue} priority "
                "or above",
                file=sys.stderr,
            )
            return 1
    return 0
