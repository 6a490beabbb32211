"""`pm-tui show ID`: a post-mortem at a glance."""

from __future__ import annotations

from pm_tui.cli.common import add_repo_option, open_repo
from pm_tui.cli.output import add_format_option, emit_json, wants_json
from pm_tui.durations import durations, format_duration
from pm_tui.model import SEVERITIES


def register(sub) -> None:
    p = sub.add_parser("show", help="print a post-mortem at a glance")
    p.add_argument("id", metavar="ID", help="post-mortem id (or a unique part of it), or a path")
    add_repo_option(p)
    add_format_option(p)
    p.set_defaults(func=run)


def _t(value) -> str:
    return value.strftime("%Y-%m-%d %H:%M:%SZ") if value else "—"


def run(args) -> int:
    repo = open_repo(args)
    pm = repo.load(args.id)
    if wants_json(args):  # the export document (docs/json-export.md) and the file's path
        from pm_tui.export import to_export

        emit_json({**to_export(pm), "path": repo.resolve(pm.id)})
        return 0
    d = durations(pm)
    out = [
        f"{pm.title}",
        f"  id        {pm.id}",
        f"  status    {pm.status}",
        f"  severity  {pm.severity} ({SEVERITIES.get(pm.severity, '')})",
        f"  services  {', '.join(pm.services) or '—'}",
        f"  authors   {', '.join(pm.authors) or '—'}",
        f"  window    {_t(pm.window.started)} → {_t(pm.window.resolved)}",
        f"  durations detect {format_duration(d.detect)} · acknowledge {format_duration(d.acknowledge)}"
        f" · mitigate {format_duration(d.mitigate)} · resolve {format_duration(d.resolve)}",
    ]
    links = pm.recurrence
    if links.same_cause_as:
        out.append(f"  recurs    same cause as {', '.join(links.same_cause_as)}")
    if links.not_same_cause_as:
        out.append(f"  not as    {', '.join(links.not_same_cause_as)} (rejected suggestions)")
    out += [
        "",
        f"Timeline ({len(pm.timeline)} events)",
    ]
    for e in pm.timeline:
        actor = f" ({e.actor})" if e.actor else ""
        out.append(f"  {e.time:%H:%M:%S}  {e.kind:<15} {e.text}{actor}")
    out.append("")
    out.append(f"Contributing factors ({len(pm.analysis.factors)})")
    for f in pm.analysis.factors:
        out.append(f"  {f.id} [{f.category}] {f.description}")
    out.append("")
    out.append(f"Action items ({len(pm.actions)}, {len(pm.open_actions())} open)")
    for a in pm.actions:
        deadline = a.deadline.isoformat() if a.deadline else "no deadline"
        out.append(
            f"  {a.id} {a.priority:<6} {a.status:<11} {a.owner or '(no owner)'}, {deadline}: {a.action}"
        )
    print("\n".join(out))
    return 0
