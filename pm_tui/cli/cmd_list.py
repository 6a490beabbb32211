"""`pm-tui list`: the post-mortems in the repository."""

from __future__ import annotations

from pm_tui.cli.common import add_repo_option, open_repo
from pm_tui.cli.output import emit_json


def register(sub) -> None:
    p = sub.add_parser("list", help="list the post-mortems in the repository")
    p.add_argument("--format", choices=["text", "json"], default="text")
    add_repo_option(p)
    p.set_defaults(func=run)


def _badge(pm) -> dict:
    from pm_tui.validation import validate

    findings = validate(pm)
    return {
        "errors": sum(1 for f in findings if f.severity == "error"),
        "warnings": sum(1 for f in findings if f.severity == "warning"),
    }


def run(args) -> int:
    repo = open_repo(args)
    rows = []
    for s in repo.summaries():
        if s.postmortem is None:
            rows.append({"id": s.id, "path": str(s.path), "error": s.error})
            continue
        pm = s.postmortem
        rows.append(
            {
                "id": pm.id,
                "title": pm.title,
                "date": pm.date.isoformat(),
                "severity": pm.severity,
                "status": pm.status,
                "open_actions": len(pm.open_actions()),
                "path": str(s.path),
                "findings": _badge(pm),
            }
        )
    if args.format == "json":
        emit_json(rows)
        return 0
    if not rows:
        print(f"No post-mortems in {repo.root} yet: create one with 'pm-tui new' or 'pm-tui'.")
        return 0
    print(f"{'ID':<48} {'SEV':<4} {'STATUS':<10} {'OPEN':>4}  CHECKS")
    for r in rows:
        if "error" in r:
            print(f"{r['id']:<48} {'?':<4} {'unreadable':<10} {'':>4}  {r['error']}")
            continue
        f = r["findings"]
        badge = (
            "ok"
            if f and not f["errors"] and not f["warnings"]
            else (f"{f['errors']} errors, {f['warnings']} warnings" if f else "")
        )
        print(f"{r['id']:<48} {r['severity']:<4} {r['status']:<10} {r['open_actions']:>4}  {badge}")
    return 0
