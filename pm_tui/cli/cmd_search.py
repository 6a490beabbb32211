"""`pm-tui search [TEXT] [--service S] [--category C] [--severity P1] [--since] [--until]`."""

from __future__ import annotations

from pm_tui.cli.common import add_repo_option, load_catalog, open_repo
from pm_tui.cli.output import emit_json
from pm_tui.timeparse import parse_date


def register(sub) -> None:
    p = sub.add_parser(
        "search", help="find past post-mortems by text, service, category, severity, date"
    )
    p.add_argument("text", nargs="?", default="", metavar="TEXT", help="words that must all appear")
    p.add_argument("--service", metavar="S", default="")
    p.add_argument("--category", metavar="C", default="", help="a contributing factor category")
    p.add_argument("--severity", metavar="P1", default="")
    p.add_argument("--since", metavar="DATE", help="incidents on or after DATE (YYYY-MM-DD)")
    p.add_argument("--until", metavar="DATE", help="incidents on or before DATE (YYYY-MM-DD)")
    p.add_argument("--format", choices=["text", "json"], default="text")
    add_repo_option(p)
    p.set_defaults(func=run)


def run(args) -> int:
    from pm_tui.search import SearchQuery, categories, search_catalog

    q = SearchQuery(
        text=args.text,
        service=args.service,
        category=args.category,
        severity=args.severity,
        since=parse_date(args.since, "--since") if args.since else None,
        until=parse_date(args.until, "--until") if args.until else None,
    )
    found = search_catalog(
        load_catalog(open_repo(args, create=False), with_text=bool(q.text), badges=False), q
    )
    if args.format == "json":
        rows = [
            {
                "id": pm.id,
                "title": pm.title,
                "date": pm.date.isoformat(),
                "severity": pm.severity,
                "status": pm.status,
                "services": pm.services,
                "categories": sorted(categories(pm)),
            }
            for pm in found
        ]
        emit_json(rows)
        return 0
    if not found:
        print("No post-mortem matches.")
        return 0
    for pm in found:
        print(f"{pm.date.isoformat()}  {pm.severity:<3} {pm.id:<48} {', '.join(pm.services)}")
        print(f"            {pm.title}")
    print(f"{len(found)} match(es)")
    return 0
