"""`pm-tui timeline ID`: step 2 from the command line: proposed timeline rows from the evidence.

`--rebuild` reconstructs the candidates from the kept evidence (or, with `--from-evidence
DIR`, collects that folder first) and stores them; `--accept-all` adds them to the timeline.
"""

from __future__ import annotations

import argparse
import sys

from pm_tui.cli.common import add_repo_option, open_repo
from pm_tui.cli.output import add_format_option, emit_json, wants_json
from pm_tui.errors import UsageError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "timeline",
        help="propose timeline rows from the collected evidence (and accept them)",
        description="Print the candidate timeline rows of a post-mortem. --rebuild makes them "
        "again from the evidence kept by 'pm-tui collect' (or from --from-evidence DIR).",
    )
    p.add_argument("id", help="post-mortem id")
    p.add_argument("--rebuild", action="store_true", help="reconstruct the candidates again")
    p.add_argument("--from-evidence", metavar="DIR",
                   help="collect the standard evidence files in DIR first (implies --rebuild)")  # fmt: skip
    p.add_argument(
        "--baseline", type=int, default=60, metavar="MIN", help="minutes of baseline (60)"
    )
    p.add_argument(
        "--accept-all",
        action="store_true",
        help="add every candidate not dismissed to the timeline and save",
    )
    p.add_argument(
        "--accept-high",
        action="store_true",
        help="add the high-confidence candidates (not repeating a curated row) and set the "
        "proposed window milestones, then save",
    )
    p.add_argument(
        "--window",
        action="store_true",
        help="print the window milestones proposed from the evidence (started, detected, "
        "acknowledged, mitigated, resolved), each with its rows and confidence",
    )
    p.add_argument("--no-commit", action="store_true", help="save but do not commit")
    add_repo_option(p)
    add_format_option(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from pm_tui.collectors.common import iso
    from pm_tui.timeline import load_candidates
    from pm_tui.timeline.milestones import TYPED, milestones_table, typed_milestones
    from pm_tui.workflow.candidates import (
        accept_candidates,
        accept_high_confidence,
        pending_candidates,
        proposed_milestones,
        rebuild_candidates,
    )

    if args.accept_all and args.accept_high:
        raise UsageError("--accept-all and --accept-high: choose one")

    repo = open_repo(args)
    pm = repo.load(args.id)
    as_json = wants_json(args)
    changed, notes, added = [], [], []
    if args.rebuild or args.from_evidence:
        built = rebuild_candidates(
            repo, pm, from_evidence=args.from_evidence, baseline_minutes=args.baseline
        )
        candidates = built.candidates
        notes = built.notes
        for note in built.notes:
            print(f"  {note}", file=sys.stderr)
        if args.from_evidence:
            repo.save(pm)
        changed += built.changed
    else:
        candidates = load_candidates(repo, pm.id)
        if not candidates and not as_json:
            print(f"No candidates for {pm.id}: run 'pm-tui timeline {pm.id} --rebuild'.")
            return 0
    milestones = proposed_milestones(repo, pm) if (args.window or args.accept_high) else []
    if not as_json:
        if args.window:
            print(milestones_table(milestones, pm.window))
        elif not args.accept_high or args.rebuild or args.from_evidence:
            print(candidates_table(candidates))
    skipped: list[str] = []
    if args.accept_all:
        accepted = accept_candidates(pm, pending_candidates(repo, pm))
        pm = accepted.pm
        repo.save(pm)
        print(f"Added {len(accepted.added)} row(s) to the timeline of {pm.id}.", file=sys.stderr)
        for line in accepted.gaps:  # near-duplicates: said, for a person to decide
            print(f"  {line}", file=sys.stderr)
        changed += accepted.changed
        added = accepted.added
    if args.accept_high:
        accepted = accept_high_confidence(repo, pm)
        pm = accepted.pm
        repo.save(pm)
        skipped = accepted.skipped
        for line in skipped:
            print(f"  {line}", file=sys.stderr)
        set_ = ", ".join(f"{k} {v:%H:%M:%S}" for k, v in accepted.milestones.items())
        kept = ", ".join(
            f"{k} {v:%H:%M:%S}" for k, v in typed_milestones(milestones, pm.window).items()
        )
        print(
            f"Added {len(accepted.added)} high-confidence row(s) to the timeline of {pm.id}"
            + (f"; window: {set_}" if set_ else "")
            + (f"; {TYPED}: {kept}" if kept else "")
            + (f"; {len(skipped)} skipped as repeats of curated rows" if skipped else "")
            + ".",
            file=sys.stderr,
        )
        changed += accepted.changed
        added = accepted.added
    if changed and not args.no_commit:
        repo.commit(pm, "timeline: " + ", ".join(changed))
    if as_json:  # docs/json-output.md
        emit_json(
            {
                "id": pm.id,
                "candidates": [c.as_dict() for c in candidates],
                "added": added,
                "notes": notes,
                "changed": changed,
                "milestones": [m.as_dict() for m in milestones],
                "typed_milestones": {
                    k: iso(v) for k, v in typed_milestones(milestones, pm.window).items()
                }
                if (args.window or args.accept_high)
                else {},
                "skipped": skipped,
            }
        )
    return 0


def candidates_table(candidates) -> str:
    """One line per candidate: time, kind, confidence, text, then its sources indented."""
    lines = [f"{'TIME (UTC)':<19}  {'KIND':<14} CONF  TEXT"]
    for c in candidates:
        text = c.text if len(c.text) <= 140 else c.text[:139] + "…"
        actor = f" [{c.actor}]" if c.actor else ""
        lines.append(f"{c.time:%Y-%m-%d %H:%M:%S}  {c.kind:<14} {c.confidence:.2f}  {text}{actor}")
        lines.append(f"{'':<36}from: {', '.join(c.sources)}")
    return "\n".join(lines)
