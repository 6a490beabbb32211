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


def render(repo, pm, fmt: str) -> str:
    """The report text in `fmt`, using the repository's team template for Markdown."""
    from pm_tui.report import render_html, render_markdown, team_template

    if fmt == "html":
        return render_html(pm)
    return render_markdown(pm, team_template(repo.root))


def run(args) -> int:
    repo = open_repo(args)
    pm = repo.load(args.id)
    text = render(repo, pm, args.format)
    if args.output:
        from pm_tui.atomic_write import atomic_write_text

        atomic_write_text(Path(args.output), text)
        print(f"wrote {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0
