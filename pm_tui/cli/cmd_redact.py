"""`pm-tui redact [FILE|-]`: print text with its secrets redacted (before pasting it anywhere)."""

from __future__ import annotations

import argparse
import sys


def register(sub) -> None:
    """Add the `redact` subcommand to the CLI."""
    parser = sub.add_parser(
        "redact",
        help="print a file (or stdin) with secrets redacted",
        description="Print FILE (or standard input) with secrets replaced by [REDACTED:kind]; "
        "the count goes to standard error.",
    )
    parser.add_argument("file", nargs="?", default="-", metavar="FILE", help="file, or - for stdin")
    parser.set_defaults(func=run)


def _read(name: str) -> str | None:
    if name == "-":
        return sys.stdin.buffer.read().decode("utf-8", errors="replace")
    try:
        with open(name, "rb") as fh:
            return fh.read().decode("utf-8", errors="replace")
    except OSError as exc:
        reason = exc.strerror or str(exc)
        print(f"pm-tui: cannot read {name}: {reason}", file=sys.stderr)
        return None


def run(args: argparse.Namespace) -> int:
    """Redact the input to stdout; report the count on stderr. Exit 2 if unreadable."""
    from pm_tui.redact import redact

    text = _read(args.file)
    if text is None:
        return 2
    out, count = redact(text)
    sys.stdout.write(out)
    sys.stdout.flush()
    noun = "secret" if count == 1 else "secrets"
    print(f"pm-tui: {count} {noun} redacted", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run `redact` on its own (usable as `python -m pm_tui.cli.cmd_redact`)."""
    parser = argparse.ArgumentParser(prog="pm-tui")
    register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["redact", *(sys.argv[1:] if argv is None else argv)])
    try:
        return args.func(args)
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
