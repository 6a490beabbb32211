"""`pm-tui list`: the post-mortems in the repository."""

from __future__ import annotations

from pm_tui.cli.common import add_repo_option, load_catalog, open_repo
from pm_tui.cli.output import emit_json


def register(sub) -> None:
    p = sub.add_parser("list", help="list the post-mortems in the repository")
    p.add_argument("--format", choices=["text", "json"], default="text")
    add_repo_option(p)
    p.set_defaults(func=run)


def run(args) -> int:
    from datetime import UTC, datetime

    repo = open_repo(args)
    today = datetime.now(UTC).date()
    catalog = load_catalog(repo, warn=False)
    rows = []
    for bad in catalog.unreadable:
        rows.append({"id": bad.id, "path": str(bad.path), "error": bad.error})
    for pm in catalog.postmortems:
        badge = pm.badge(today)
        rows.append(
            {
                "id": pm.id,
                "title": pm.title,
                "date": pm.date.isoformat(),
                "severity": pm.severity,
                "status": pm.status,
                "open_actions": pm.open_action_count,
                "path": pm.path_text,
                "findings": {"errors": badge.errors, "warnings": badge.warnings},
            }
        )
    rows.sort(key=lambda r: r["path"], reverse=True)  # newest first, like the files
    if args.format == "json":
        emit_json(rows)
        return 0
    if not rows:
        print(f"No post-mortems in {repo.root} yet: create one with 'pm-tui new' or 'pm-tui'.")
        return 0
    lines = [f"{'ID':<48} {'SEV':<4} {'STATUS':<10} {'OPEN':>4}  CHECKS"]
    for r in rows:
        if "error" in r:
            lines.append(f"{r['id']:<48} {'?':<4} {'unreadable':<10} {'':>4}  {r['error']}")
            continue
        f = r["findings"]
        badge = (
            "ok" if not f["errors"] and not f["warnings"]
            else f"{f['errors']} errors, {f['warnings']} warnings"
        )  # fmt: skip
        lines.append(
            f"{r['id']:<48} {r['severity']:<4} {r['status']:<10} {r['open_actions']:>4}  {badge}"
        )
    print("\n".join(lines))
    return 0
