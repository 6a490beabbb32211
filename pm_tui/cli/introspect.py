"""What the argument parser knows, for the man page and the shell completions.

argparse keeps its subcommands and options in private attributes; reading them here, once,
keeps the man page and the completions true to the parser without a second list to maintain.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Option:
    """One option or positional argument of a command."""

    flags: tuple[str, ...]  # ("-o", "--output"); empty for a positional
    dest: str
    metavar: str | None  # None: a flag that takes no value
    help: str
    choices: tuple[str, ...] = ()

    @property
    def positional(self) -> bool:
        return not self.flags


@dataclass(frozen=True)
class Command:
    """A subcommand (or the program itself, name ""), its help and its arguments."""

    name: str
    help: str
    usage: str
    options: tuple[Option, ...]
    subcommands: tuple[Command, ...] = field(default=())


def _options(parser: argparse.ArgumentParser) -> tuple[Option, ...]:
    out = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction) or action.help == argparse.SUPPRESS:
            continue
        takes_value = action.nargs != 0
        metavar = action.metavar or (action.dest.upper() if takes_value else None)
        if isinstance(metavar, tuple):
            metavar = " ".join(metavar)
        choices = tuple(str(c) for c in action.choices) if action.choices else ()
        help_text = (action.help or "").replace("%(default)s", str(action.default))
        help_text = help_text.replace("%(prog)s", parser.prog).replace("%%", "%")
        out.append(Option(tuple(action.option_strings), action.dest, metavar, help_text, choices))
    return tuple(out)


def describe(parser: argparse.ArgumentParser, name: str = "") -> Command:
    """The parser as a tree of Commands (subcommands in the order `--help` shows them)."""
    subcommands = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {a.dest: a.help or "" for a in action._choices_actions}
            for sub_name, sub_parser in action.choices.items():
                if sub_name in helps:  # aliases have no help entry of their own
                    sub = describe(sub_parser, sub_name)
                    subcommands.append(
                        Command(sub.name, helps[sub_name], sub.usage, sub.options, sub.subcommands)
                    )
    # a fixed width, not the terminal's: the man page must not depend on who built it
    formatter = parser.formatter_class(prog=parser.prog, width=78)
    formatter.add_usage(parser.usage, parser._actions, parser._mutually_exclusive_groups)
    usage = formatter.format_help().removeprefix("usage: ").strip("\n")
    return Command(name, parser.description or "", usage, _options(parser), tuple(subcommands))
