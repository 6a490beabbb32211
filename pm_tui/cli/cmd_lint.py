"""`pm-tui lint`: the language checks (blameful wording, vague actions) on any document."""

from __future__ import annotations

import argparse
import sys

from pm_tui.cli.output import emit_json
from pm_tui.errors import PmTuiError, UsageError


def register(sub: argparse._SubParsersAction) -> None:
    """Add the `lint` subcommand to the pm-tui parser."""
    parser = sub.add_parser(
        "lint",
        help="check a Markdown or text document for blameful language and vague actions",
        description="Check a Markdown or text document for blameful language and vague "
        "action items. Exit 0 when clean, 1 on error-level findings (warnings too with "
        "--strict), 2 on usage errors or unreadable input.",
    )
    add_arguments(parser)
    parser.set_defaults(func=run)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of `lint` (shared by `pm-tui lint` and `python -m pm_tui.cli.cmd_lint`)."""
    parser.add_argument(
        "path",
        nargs="?",
        default="-",
        metavar="PATH",
        help="document to check, or - for standard input (default)",
    )
    parser.add_argument(
        "--as",
        dest="as_",
        choices=("prose", "actions"),
        default="prose",
        help="prose (default), or actions: each non-empty line is one action item",
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument(
        "--strict", action="store_true", help="warnings count as failures for the exit code"
    )


def _read(path: str) -> str:
    try:
        if path == "-":
            return sys.stdin.read()
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except FileNotFoundError:
        raise UsageError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise UsageError(f"{path}: is a directory, give a file or -") from None
    except UnicodeDecodeError:
        raise UsageError(f"{path}: not UTF-8 text") from None
    except OSError as exc:
        raise UsageError(f"{path}: cannot read ({exc.strerror or exc})") from None


def run(args: argparse.Namespace) -> int:
    """Lint one document and print the findings; return the exit code."""
    from pm_tui.language.document import lint_document

    text = _read(args.path)
    findings = lint_document(text, as_=args.as_)
    shown = "<stdin>" if args.path == "-" else args.path
    if args.format == "json":
        rows = [
            {
                "path": shown,
                "line": f.line,
                "column": f.column,
                "severity": f.severity,
                "rule": f.rule,
                "message": f.message,
                "suggestion": f.suggestion,
                "excerpt": f.excerpt,
            }
            for f in findings
        ]
        emit_json(rows)
    else:
        for f in findings:
            print(f"{shown}:{f.line}:{f.column}: {f.severity} {f.rule} {f.message}")
            print(f"    {f.suggestion}")
    failing = {"error", "warning"} if args.strict else {"error"}
    return 1 if any(f.severity in failing for f in findings) else 0


class _OneLineParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line on stderr, exit 2, like the rest
        print(f"pm-tui lint: {message}", file=sys.stderr)
        raise SystemExit(2)


def main(argv: list[str] | None = None) -> int:
    """Stand-alone entry point (`python -m pm_tui.cli.cmd_lint`)."""
    parser = _OneLineParser(prog="pm-tui lint")
    add_arguments(parser)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    try:
        return run(args)
    except PmTuiError as exc:
        print(f"pm-tui: {exc}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
