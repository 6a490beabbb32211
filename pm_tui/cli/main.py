"""`pm-tui`: the command-line entry point.

Each subcommand lives in its own module `pm_tui.cli.cmd_<name>` with a
`register(subparsers)` function that adds its parser and sets `func=run`.
Heavy imports (httpx, git, collectors, Textual) happen inside `run`, never here.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from pm_tui import __version__
from pm_tui.errors import PmTuiError

# Order is the order shown in --help.
COMMANDS = [
    "init",
    "new",
    "edit",
    "list",
    "show",
    "export",
    "report",
    "track",
    "sync",
    "review",
    "schedule",
    "search",
    "stats",
    "link",
    "distribute",
    "open",
    "demo",
    "validate",
    "collect",
    "timeline",
    "lint",
    "redact",
    "config",
    "doctor",
    "completion",
]


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line, or with `only` the parser of that one command (start-up time:
    each command's module imports what it needs; a script calls one command)."""
    parser = argparse.ArgumentParser(
        prog="pm-tui",
        description="Blameless incident post-mortems, kept as TOML files in git.",
    )
    parser.add_argument("--version", action="version", version=f"pm-tui {__version__}")
    parser.add_argument(
        "--repo",
        metavar="DIR",
        help="post-mortem repository (default: $PM_TUI_REPO, the config file, or the user data dir)",
    )
    parser.add_argument(
        "--debug",
        action="store_true",
        help="log every HTTP call to stderr, tokens and secrets removed (also: PM_TUI_DEBUG=1)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS if only is None else [only]:
        module = importlib.import_module(f"pm_tui.cli.cmd_{name}")
        module.register(sub)
    return parser


def command_named(argv: list[str]) -> str | None:
    """The command `argv` runs, when that is plain before parsing (`collect` in `pm-tui
    --repo DIR collect ID`); None for help, the version, the start screen or anything else."""
    words = iter(argv)
    for word in words:
        if word in COMMANDS:
            return word
        if word == "--repo":
            next(words, None)
        elif word not in ("--debug",) and not word.startswith("--repo="):
            return None
    return None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(command_named(argv))
    args = parser.parse_args(argv)
    if args.debug or os.environ.get("PM_TUI_DEBUG", "") not in ("", "0"):
        from pm_tui import httplog

        httplog.enable()
    func = getattr(args, "func", None)
    if func is None:
        from pm_tui.cli import cmd_open

        func = cmd_open.run_start
    from pm_tui.safetext import SafeStream

    # Everything printed may hold text from logs, chat or a committed file: control
    # sequences are shown, not obeyed (the wizard writes to the terminal on its own).
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = SafeStream(sys.stdout), SafeStream(sys.stderr)
    try:
        return int(func(args) or 0)
    except PmTuiError as exc:
        print(f"pm-tui: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("pm-tui: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    finally:
        sys.stdout, sys.stderr = saved


if __name__ == "__main__":
    sys.exit(main())
