"""`pm-tui schedule ID -o review.ics [--weekly]`: the follow-up review as an iCalendar file."""

from __future__ import annotations

import sys

from pm_tui.cli.common import add_repo_option, open_repo
from pm_tui.cli.output import add_format_option, emit_json, wants_json


def register(sub) -> None:
    p = sub.add_parser(
        "schedule", help="the follow-up review (4 weeks on) and a weekly review, as iCalendar"
    )
    p.add_argument("id", metavar="ID", help="post-mortem id (or a unique part of it)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE (e.g. review.ics)")
    p.add_argument("--weekly", action="store_true", help="add a weekly review of the open items")
    p.add_argument("--time", metavar="HH:MM", help="time of day in UTC (default: all-day events)")
    add_repo_option(p)
    add_format_option(p)
    p.set_defaults(func=run)


def run(args) -> int:
    from pm_tui.model import now_utc
    from pm_tui.timeparse import parse_time_of_day
    from pm_tui.workflow.follow_up import schedule_follow_up

    at = parse_time_of_day(args.time) if args.time is not None else None
    repo = open_repo(args)
    pm = repo.load(args.id)
    done = schedule_follow_up(
        repo, pm, now_utc(), weekly=args.weekly, at=at, path=args.output or None
    )
    if done.changed:
        repo.save(pm)
        repo.commit(pm, done.changed[0])
        print(f"follow-up review set to {pm.follow_up_review.isoformat()}", file=sys.stderr)
    if wants_json(args):  # docs/json-output.md
        emit_json(
            {
                "id": pm.id,
                "follow_up_review": pm.follow_up_review,
                "weekly": args.weekly,
                "path": done.path.resolve() if done.path else None,
                "calendar": done.calendar,
                "changed": done.changed,
            }
        )
    elif args.output:
        print(f"wrote {args.output}", file=sys.stderr)
    else:
        sys.stdout.buffer.write(done.calendar.encode("utf-8"))
    return 0
