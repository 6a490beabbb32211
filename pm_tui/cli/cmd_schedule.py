"""`pm-tui schedule ID -o review.ics [--weekly]`: the follow-up review as an iCalendar file."""

from __future__ import annotations

import re
import sys
from datetime import time
from pathlib import Path

from pm_tui.cli.common import add_repo_option, open_repo
from pm_tui.errors import UsageError


def register(sub) -> None:
    p = sub.add_parser(
        "schedule", help="the follow-up review (4 weeks on) and a weekly review, as iCalendar"
    )
    p.add_argument("id", metavar="ID", help="post-mortem id (or a unique part of it)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE (e.g. review.ics)")
    p.add_argument("--weekly", action="store_true", help="add a weekly review of the open items")
    p.add_argument("--time", metavar="HH:MM", help="time of day in UTC (default: all-day events)")
    add_repo_option(p)
    p.set_defaults(func=run)


def _time(text: str | None) -> time | None:
    if text is None:
        return None
    m = re.fullmatch(r"(\d{1,2}):(\d{2})", text.strip())
    if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        raise UsageError(f"--time '{text}' is not a time of day: use HH:MM (UTC), e.g. 14:30")
    return time(int(m.group(1)), int(m.group(2)))


def run(args) -> int:
    from pm_tui.model import now_utc
    from pm_tui.schedule import calendar, ensure_follow_up

    at = _time(args.time)
    repo = open_repo(args)
    pm = repo.load(args.id)
    if ensure_follow_up(pm):
        repo.save(pm)
        repo.commit(pm, f"follow-up review scheduled for {pm.follow_up_review.isoformat()}")
        print(f"follow-up review set to {pm.follow_up_review.isoformat()}", file=sys.stderr)
    text = calendar(pm, now=now_utc(), weekly=args.weekly, at=at)
    if args.output:
        from pm_tui.atomic_write import atomic_write_text

        atomic_write_text(Path(args.output), text)
        print(f"wrote {args.output}", file=sys.stderr)
    else:
        sys.stdout.buffer.write(text.encode("utf-8"))
    return 0
