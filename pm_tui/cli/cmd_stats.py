"""`pm-tui stats`: durations per period, recurrence, follow-through and effectiveness."""

from __future__ import annotations

import sys

from pm_tui.cli.common import add_repo_option, open_repo
from pm_tui.cli.output import add_format_option
from pm_tui.timeparse import parse_date

GROUPINGS = ("month", "quarter", "year", "service", "severity")  # definitions.GROUPINGS


def register(sub) -> None:
    p = sub.add_parser(
        "stats", help="insights across incidents: durations, recurrence, follow-through"
    )
    p.add_argument("--since", metavar="DATE", help="incidents on or after DATE (YYYY-MM-DD)")
    p.add_argument("--until", metavar="DATE", help="incidents on or before DATE (YYYY-MM-DD)")
    p.add_argument("--service", metavar="S", action="append", default=[],
                   help="only incidents of this service (repeat or comma-separate)")  # fmt: skip
    p.add_argument("--severity", metavar="P1,P2", default="", help="only these severities")
    p.add_argument("--by", choices=GROUPINGS, default="quarter", help="group durations by")
    p.add_argument("--explain", action="store_true", help="print what each figure means")
    add_format_option(p, "html")  # json: one line (10,000 ids print 10x faster unindented)
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    p.add_argument("--fail-on", choices=["overdue"], metavar="overdue",
                   help="exit 1 when an action item is overdue (for CI)")  # fmt: skip
    p.add_argument("--today", metavar="DATE", help="as of DATE (YYYY-MM-DD; default: today, UTC)")
    add_repo_option(p)
    p.set_defaults(func=run)


def _split(values: list[str] | str) -> list[str]:
    items = values if isinstance(values, list) else [values]
    return [x.strip() for v in items for x in v.split(",") if x.strip()]


def run(args) -> int:
    from datetime import UTC, datetime

    from pm_tui.errors import UsageError
    from pm_tui.insights import InsightsQuery, insights_for

    if args.explain and args.format == "text" and not args.output:
        from pm_tui.insights.definitions import explain

        print(explain())
        return 0
    severities = [s.upper() for s in _split(args.severity)]
    bad = [s for s in severities if s not in ("P1", "P2", "P3", "P4")]
    if bad:
        raise UsageError(f"--severity {bad[0]}: use P1, P2, P3 or P4, comma-separated")
    today = parse_date(args.today, "--today") if args.today else datetime.now(UTC).date()
    q = InsightsQuery(
        today=today,
        since=parse_date(args.since, "--since") if args.since else None,
        until=parse_date(args.until, "--until") if args.until else None,
        services=_split(args.service),
        severities=severities,
        by=args.by,
    )
    repo = open_repo(args, create=False)
    ins = insights_for(repo.root, q)
    for bad_file in ins.unreadable:
        print(f"pm-tui: skipped {bad_file}", file=sys.stderr)
    if args.format == "json":
        from pm_tui.insights.render import render_json

        out = render_json(ins)
    elif args.format == "html":
        from pm_tui.insights.html import render_html

        out = render_html(ins)
    else:
        from pm_tui.insights.render import render_text

        out = render_text(ins)
        if args.explain:
            from pm_tui.insights.definitions import explain

            out += "\n\n" + explain()
    if args.output:
        from pm_tui.atomic_write import atomic_write_text

        atomic_write_text(args.output, out + "\n")
        print(f"wrote {args.output}", file=sys.stderr)
    else:
        print(out)
    if args.fail_on == "overdue":
        late = sum(f.overdue for f in ins.owners)
        if late:
            print(f"pm-tui: {late} overdue action item(s)", file=sys.stderr)
            return 1
    return 0
