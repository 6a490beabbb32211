"""`pm-tui report ID [--format markdown|html] [-o FILE]`: the post-mortem as a document."""

from __future__ import annotations

import sys
from pathlib import Path

from pm_tui.cli.common import add_repo_option, open_repo


def register(sub) -> None:
    p = sub.add_parser(
        "report",
        help="render the report (Markdown from templates/report.md if the repository has one, or HTML)",
    )
    p.add_argument("id", metavar="ID", help="post-mortem id (or a unique part of it), or a path")
    p.add_argument("--format", choices=["markdown", "html"], default="markdown")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    add_repo_option(p)
    p.set_defaults(func=run)


def run(args) -> int:
    from pm_tui.workflow.report import export_report, render_report

    repo = open_repo(args)
    pm = repo.load(args.id)
    if args.output:
        export_report(repo, pm, args.format, Path(args.output))
        print(f"wrote {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(render_report(repo, pm, args.format))
    return 0
