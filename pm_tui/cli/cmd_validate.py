"""`pm-tui validate`: the checklist and the blameless-language checks, for people and CI."""

from __future__ import annotations

import sys
from pathlib import Path

from pm_tui.cli.common import add_repo_option
from pm_tui.cli.output import emit_json
from pm_tui.errors import PmTuiError, UsageError
from pm_tui.validation.labels import finding_place


def register(sub) -> None:
    p = sub.add_parser(
        "validate",
        help="check post-mortems: blameless language, owners, the whole checklist",
        description="Exit 0: clean; 1: findings at error level (warnings too with --strict); "
        "2: usage error or unreadable input.",
    )
    p.add_argument("targets", nargs="*", metavar="ID|PATH", help="post-mortem ids or TOML files")
    p.add_argument("--all", action="store_true", help="every post-mortem in the repository")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--strict", action="store_true", help="warnings fail too")
    p.add_argument(
        "--show-acknowledged", action="store_true", help="list acknowledged findings too"
    )
    add_repo_option(p)
    p.set_defaults(func=run)


def _paths(args) -> list[Path]:
    targets = list(args.targets)
    if not targets and not args.all:
        raise UsageError("name post-mortems to validate (ID or PATH), or pass --all")
    direct = [Path(t) for t in targets if t.endswith(".toml") or "/" in t]
    ids = [t for t in targets if not (t.endswith(".toml") or "/" in t)]
    paths = []
    for p in direct:
        if not p.is_file():
            raise UsageError(f"{p}: no such file")
        paths.append(p)
    if ids or args.all:
        from pm_tui.postmortem_store import Repository

        repo = Repository.open(getattr(args, "repo", None), create=False)
        paths += [repo.resolve(i) for i in ids]
        if args.all:
            paths += [p for p in repo.files() if p not in paths]
    return paths


def _described(f) -> str:
    """`immediate cause 1: message`: the place in the wizard's words, never the file's
    internal names (`immediate_causes[0]`, `tracker_url`)."""
    place = finding_place(f)
    ack = f" (acknowledged: {f.acknowledged})" if f.acknowledged else ""
    return f"{place}: {f.message}{ack}" if place else f"{f.message}{ack}"


def run(args) -> int:
    from pm_tui.validation import validate_file

    results = []
    unreadable = False
    beside: dict = {}  # each folder's post-mortem ids, listed once for the whole run
    for path in _paths(args):
        try:
            _, findings = validate_file(path, beside=beside)
        except PmTuiError as exc:
            unreadable = True
            results.append((path, None, str(exc)))
            continue
        except OSError as exc:
            unreadable = True
            results.append((path, None, f"{path}: cannot read ({exc.strerror})"))
            continue
        except Exception as exc:  # one file must never stop the others (validate --all)
            unreadable = True
            results.append(
                (
                    path,
                    None,
                    f"{path}: could not be checked ({type(exc).__name__}: {exc}); please report it",
                )
            )
            continue
        results.append((path, findings, None))

    failing = ("error", "warning") if args.strict else ("error",)
    exit_code = 0
    if args.format == "json":
        out = []
        for path, findings, error in results:
            item = {"path": str(path), "error": error, "findings": []}
            for f in findings or []:
                if f.acknowledged and not args.show_acknowledged:
                    continue
                item["findings"].append(
                    {"path": str(path), **f.as_dict(), "place": finding_place(f)}
                )
            out.append(item)
        emit_json(out)
    for path, findings, error in results:
        if error:
            if args.format == "text":
                print(f"pm-tui: {error}", file=sys.stderr)
            continue
        for f in findings:
            if f.acknowledged and not args.show_acknowledged:
                continue
            if f.severity in failing and not f.acknowledged:
                exit_code = 1
            if args.format == "text":
                print(f"{path}:{f.line}:{f.column}: {f.severity} {f.rule} {_described(f)}")
                if f.suggestion:
                    print(f"    → {f.suggestion}")
    if args.format == "text" and exit_code == 0 and not unreadable:
        n = len(results)
        print(
            f"{n} post-mortem{'s' if n != 1 else ''} checked: no {'findings' if args.strict else 'errors'}.",
            file=sys.stderr,
        )
    return 2 if unreadable else exit_code
