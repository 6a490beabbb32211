"""`pm-tui doctor`: check the config, the repository, every configured server and token."""

from __future__ import annotations

import sys

from pm_tui.cli.common import add_repo_option
from pm_tui.cli.output import add_format_option, emit_json, wants_json

MARKS = {"ok": "ok  ", "warn": "warn", "fail": "FAIL", "skip": "skip"}


def register(sub) -> None:
    p = sub.add_parser(
        "doctor",
        help="check the config, the repository, each server and each token",
        description="Check that pm-tui is ready: the config file, the post-mortem repository "
        "(a writable git repository), each configured server (reachable, and its token set and "
        "accepted: a refused token is named as HTTP 401/403). Token values are never printed. "
        "Exit 0 when nothing failed, 4 when only credentials failed, 1 otherwise.",
    )
    add_repo_option(p)
    p.add_argument(
        "--timeout", type=float, default=5.0, metavar="SECONDS", help="per server (default 5)"
    )
    add_format_option(p)
    p.set_defaults(func=run)


def run(args) -> int:
    from pm_tui.config import resolve_repo_path
    from pm_tui.doctor import run_doctor

    as_json = wants_json(args)

    def show(check) -> None:
        if not as_json:
            print(f"{MARKS[check.status]}  {check.name:<12} {check.detail}", flush=True)

    report = run_doctor(
        resolve_repo_path(getattr(args, "repo", None)), timeout=args.timeout, progress=show
    )
    if as_json:
        emit_json(
            {
                "ok": report.exit_code == 0,
                "exit_code": report.exit_code,
                "checks": [
                    {"name": c.name, "status": c.status, "detail": c.detail,
                     "credentials": c.credentials}
                    for c in report.checks
                ],
            }
        )  # fmt: skip
    else:
        failed = sum(c.status == "fail" for c in report.checks)
        print(
            "pm-tui: ready" if not failed else f"pm-tui: {failed} check(s) failed",
            file=sys.stderr,
        )
    return report.exit_code
