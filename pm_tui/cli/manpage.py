"""The pm-tui(1) man page, written from the argument parser (at build time, by setup.py).

python -m pm_tui.cli.manpage [-o FILE]
"""

from __future__ import annotations

import sys
from pathlib import Path

from pm_tui.cli.introspect import Command, Option, describe

EXIT_STATUS = (
    ("0", "success"),
    (
        "1",
        "failure: the command could not do what was asked (findings at error level for validate)",
    ),
    ("2", "usage: a wrong option or argument, an unknown or unreadable post-mortem"),
    (
        "3",
        "collected with gaps: evidence was collected but some sources or files could not be read",
    ),
    ("4", "missing credentials: a token or password variable the command needs is not set"),
    ("130", "interrupted (Ctrl-C)"),
)
ENVIRONMENT = (
    ("PM_TUI_CONFIG", "path of the config file (default: the user config directory's pm-tui/config.toml)"),
    ("PM_TUI_REPO", "the post-mortem repository (overridden by --repo)"),
    ("PM_TUI_<SECTION>_<KEY>", "any config key, e.g. PM_TUI_PROMETHEUS_URL for prometheus.url: "
     "a flag wins over the variable, the variable over the file (see pm-tui config list)"),
    ("NO_COLOR", "no colours in the output"),
)  # fmt: skip


def _roff(text: str) -> str:
    """Text safe in a roff line: backslashes and hyphens escaped, no leading dot."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "\\&" + text if text.startswith((".", "'")) else text


def _option(opt: Option) -> list[str]:
    if opt.positional:
        head = f"\\fI{_roff(opt.metavar or opt.dest)}\\fR"
    else:
        flags = ", ".join(f"\\fB{_roff(f)}\\fR" for f in opt.flags)
        head = flags + (f" \\fI{_roff(opt.metavar)}\\fR" if opt.metavar else "")
    body = opt.help or ""
    if opt.choices and not opt.positional and "{" not in (opt.metavar or ""):
        body += f" (one of: {', '.join(opt.choices)})"
    return [".TP", head, _roff(body.strip())]


def render(command: Command, version: str, date: str = "") -> str:
    """The whole man page as roff text."""
    out = [
        f'.TH PM\\-TUI 1 "{date}" "pm\\-tui {_roff(version)}" "User Commands"',
        ".SH NAME",
        f"pm\\-tui \\- {_roff(command.help)}",
        ".SH SYNOPSIS",
        ".B pm\\-tui",
        "[\\fIGLOBAL OPTIONS\\fR] \\fICOMMAND\\fR [\\fIOPTIONS\\fR]",
        ".SH DESCRIPTION",
        "Without a command, pm\\-tui opens the wizard's start screen. Every command has",
        "\\fB\\-\\-help\\fR; errors are one line on standard error and a non\\-zero exit.",
        ".SH GLOBAL OPTIONS",
    ]
    for opt in command.options:
        out += _option(opt)
    out.append(".SH COMMANDS")
    for sub in command.subcommands:
        out += [f'.SS "pm\\-tui {_roff(sub.name)}"', _roff(sub.help), ".PP", ".nf"]
        out += [_roff(line.strip()) for line in sub.usage.splitlines()] + [".fi"]
        for opt in sub.options:
            if opt.flags != ("-h", "--help"):
                out += _option(opt)
        for nested in sub.subcommands:
            out += [".TP", f"\\fB{_roff(nested.name)}\\fR", _roff(nested.help)]
    out.append(".SH EXIT STATUS")
    for code, meaning in EXIT_STATUS:
        out += [".TP", f"\\fB{code}\\fR", _roff(meaning)]
    out.append(".SH ENVIRONMENT")
    for name, meaning in ENVIRONMENT:
        out += [".TP", f"\\fB{_roff(name)}\\fR", _roff(meaning)]
    out += [
        ".SH FILES",
        ".TP",
        "\\fIpostmortems/<id>.toml\\fR",
        "one post\\-mortem, in the post\\-mortem git repository",
        ".SH SEE ALSO",
        "\\fBgit\\fR(1), \\fBpromtool\\fR(1)",
        "",
    ]
    return "\n".join(out)


def write_manpage(target: Path) -> Path:
    """Write pm-tui.1 for the current parser to `target` (directories made as needed)."""
    from pm_tui import __version__
    from pm_tui.cli.main import build_parser

    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render(describe(build_parser()), __version__), encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m pm_tui.cli.manpage")
    parser.add_argument("-o", "--output", metavar="FILE", help="write here (default: stdout)")
    args = parser.parse_args(argv)
    if args.output:
        write_manpage(Path(args.output))
    else:
        from pm_tui import __version__
        from pm_tui.cli.main import build_parser

        sys.stdout.write(render(describe(build_parser()), __version__))
    return 0


if __name__ == "__main__":
    sys.exit(main())
