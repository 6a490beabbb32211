"""`pm-tui report ID [--format markdown|html|pdf] [-o FILE]`: the post-mortem as a document."""

from __future__ import annotations

import sys
from pathlib import Path

from pm_tui.cli.common import add_gate_options, add_repo_option, open_repo


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
    p.add_argument(
        "--publish",
        action="store_true",
        help="mark the post-mortem published (with -o): refused while error-level findings "
        "remain, unless --force --reason",
    )
    add_gate_options(p)
    add_repo_option(p)
    p.set_defaults(func=run)


def run(args) -> int:
    from pm_tui.errors import UsageError
    from pm_tui.workflow.report import export_report, render_report

    if args.format == "pdf" and not args.output:
        raise UsageError("a PDF report needs a file: add -o FILE.pdf")
    repo = open_repo(args)
    pm = repo.load(args.id)
    options = {"metrics": args.metric, "page_size": args.page_size}
    if not args.output:
        sys.stdout.write(render_report(repo, pm, args.format, **options))
        return 0
    publish = args.publish or pm.status == "published"
    written = export_report(
        repo,
        pm,
        args.format,
        Path(args.output),
        publish=publish,
        force=args.force,
        reason=args.reason,
        **options,
    )
    if len(written.changed) > 1 or args.publish:  # published now, or over errors: say so
        repo.save(pm)
        repo.commit(pm, written.commit_message("report published"))
    print(f"wrote {args.output}", file=sys.stderr)
    for graph in written.graphs:
        print(f"wrote {graph}", file=sys.stderr)
    for note in written.notes:
        print(f"note: {note}", file=sys.stderr)
    return 0
