"""`pm-tui export ID --format json`: the whole model, stable and documented."""

from __future__ import annotations

import sys
from pathlib import Path

from pm_tui.cli.common import add_repo_option, open_repo

FORMATS = ["json"]


def register(sub) -> None:
    p = sub.add_parser("export", help="export a post-mortem (JSON: docs/json-export.md)")
    p.add_argument("id", metavar="ID")
    p.add_argument("--format", choices=FORMATS, default="json")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    add_repo_option(p)
    p.set_defaults(func=run)


def run(args) -> int:
    from pm_tui.export import export_json
    from pm_tui.timeline.storage import load_candidates

    repo = open_repo(args)
    pm = repo.load(args.id)
    text = export_json(pm, candidates=load_candidates(repo, pm.id)) + "\n"
    if args.output:
        from pm_tui.atomic_write import atomic_write_text

        atomic_write_text(Path(args.output), text)
    else:
        sys.stdout.write(text)
    return 0
