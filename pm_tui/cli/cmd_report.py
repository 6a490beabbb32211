"""`pm-tui report ID [--format markdown|html|pdf] [-o FILE]`: the post-mortem as a document."""

from __future__ import annotations

import sys
from pathlib import Path

from pm_tui.cli.common import add_repo_option, open_repo


def register(sub) -> None:
    p = sub.add_parser(
        "report",
        help="render the report: Markdown (from templates/report.md if the repository has one), "
        "HTML or PDF, with the incident graph and the timeline at a glance",
    )
    p.add_argument("id", metavar="ID", help="post-mortem id (or a unique part of it), or a path")
    p.add_argument("--format", choices=["markdown", "html", "pdf"], default="markdown")
    p.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write to FILE instead of stdout (Markdown: the graphs go in FILE's folder, "
        "under ID/; PDF needs a FILE)",
    )
    p.add_argument(
        "--metric",
        action="append",
        metavar="NAME",
        help="draw the collected series whose name contains NAME (repeatable; default: the "
        "series the timeline cites, else all, at most 4)",
    )
    p.add_argument(
        "--page-size", choices=["A4", "Letter"], default="A4", help="paper size of HTML and PDF"
    )
    add_repo_option(p)
    p.set_defaults(func=run)


def render(repo, pm, fmt: str) -> str:
    """The report text for an e-mail body, as the wizard sends it: Markdown from the team
    template, HTML without the graphs (many mail readers drop inline SVG)."""
    from pm_tui.report import render_html, render_markdown, team_template

    if fmt == "html":
        return render_html(pm)
    return render_markdown(pm, team_template(repo.root))


def run(args) -> int:
    from pm_tui.errors import UsageError
    from pm_tui.report import team_template
    from pm_tui.report.files import render_report, write_report
    from pm_tui.report.metrics import repo_series

    if args.format == "pdf" and not args.output:
        raise UsageError("a PDF report needs a file: add -o FILE.pdf")
    repo = open_repo(args)
    pm = repo.load(args.id)
    template = team_template(repo.root) if args.format == "markdown" else None
    series = repo_series(repo, pm)
    options = {"series": series, "template": template, "metrics": args.metric}
    if not args.output:
        text = render_report(pm, args.format, page_size=args.page_size, **options)
        sys.stdout.write(text)
        return 0
    written = write_report(pm, Path(args.output), args.format, page_size=args.page_size, **options)
    print(f"wrote {args.output}", file=sys.stderr)
    for graph in written.graphs:
        print(f"wrote {graph}", file=sys.stderr)
    for note in written.notes:
        print(f"note: {note}", file=sys.stderr)
    return 0
