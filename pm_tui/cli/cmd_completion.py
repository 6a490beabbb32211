"""`pm-tui completion bash|zsh|fish`: print the shell's completion script."""

from __future__ import annotations

import sys

INSTALL = {
    "bash": "add to ~/.bashrc:  source <(pm-tui completion bash)",
    "zsh": 'pm-tui completion zsh > "${fpath[1]}/_pm-tui"  (or in ~/.zshrc: '
    "source <(pm-tui completion zsh))",
    "fish": "pm-tui completion fish > ~/.config/fish/completions/pm-tui.fish",
}


def register(sub) -> None:
    from pm_tui.cli.completion import SHELLS

    p = sub.add_parser(
        "completion",
        help="print the shell completion script for bash, zsh or fish",
        description="Print a completion script for commands, options and their values. "
        + " ".join(f"{shell}: {how}." for shell, how in INSTALL.items()),
    )
    p.add_argument("shell", choices=SHELLS, metavar="{bash,zsh,fish}")
    p.set_defaults(func=run)


def run(args) -> int:
    from pm_tui.cli.completion import script
    from pm_tui.cli.introspect import describe
    from pm_tui.cli.main import build_parser

    sys.stdout.write(script(args.shell, describe(build_parser())))
    if sys.stdout.isatty():
        print(f"# install: {INSTALL[args.shell]}", file=sys.stderr)
    return 0
