"""The injectable prompt layer: every question pm-tui asks in plain mode goes through here.

One `Prompter` holds the prompt_toolkit input and output, so tests hand it a pipe input
and a dummy output and drive the real questionary prompts. With `assume_yes` every
question returns its default without asking (the `--yes` of scripts).
questionary is imported inside the methods so `pm-tui --help` stays fast.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import Any, TextIO

from pm_tui.errors import UsageError

# A check returns None when the answer is fine, or a message saying what is wrong.
Check = Callable[[str], str | None]
# A choice is a value shown as itself, or (value, title).
ChoiceSpec = Any


class Prompter:
    """Asks questions through questionary on one input/output; or answers defaults (`--yes`)."""

    def __init__(
        self,
        *,
        input: Any = None,
        output: Any = None,
        assume_yes: bool = False,
        out: TextIO | None = None,
    ):
        self.input = input
        self.output = output
        self.assume_yes = assume_yes
        self._out = out

    # --- printing --------------------------------------------------------------------
    def say(self, text: str = "") -> None:
        """Print a line for the person (not a question)."""
        out = self._out or sys.stdout
        print(text, file=out, flush=True)

    # --- questions -------------------------------------------------------------------
    def text(self, message: str, default: str = "", *, check: Check | None = None) -> str:
        """A line of text, the default pre-filled; `check` refuses bad answers where typed."""
        if self.assume_yes:
            return self._checked_default(message, default, check)
        import questionary

        shown = default.strip()
        # Text that already spans lines is edited as such (Esc then Enter accepts it).
        multiline = "\n" in shown
        while True:
            answer = self._ask(
                questionary.text(
                    message,
                    default=shown,
                    multiline=multiline,
                    instruction="(Esc then Enter to accept)" if multiline else None,
                    **self._io(),
                )
            ).strip()
            if self._accepted(answer, check):
                break
        # An unchanged answer keeps the stored text byte for byte (trailing newline and all).
        return default if answer == shown else answer

    def _accepted(self, answer: str, check: Check | None) -> bool:
        # A refused answer is said and the question asked afresh: checking inside the prompt
        # left the refused text in its line, and the next answer was typed after it
        # ("yesterday 9am2025-03-14T11:45").
        problem = check(answer) if check else None
        if problem:
            self.say(f"  ✗ {problem}: type it again")
        return not problem

    def path(
        self,
        message: str,
        default: str = "",
        *,
        only_directories: bool = False,
        check: Check | None = None,
    ) -> str:
        """A file or folder path, with tab completion."""
        if self.assume_yes:
            return self._checked_default(message, default, check)
        import questionary

        while True:
            question = questionary.path(
                message, default=default, only_directories=only_directories, **self._io()
            )
            answer = self._ask(question).strip()
            if self._accepted(answer, check):
                return answer

    def select(self, message: str, choices: Sequence[ChoiceSpec], default: Any = None) -> Any:
        """One of `choices` (arrow keys and Enter); the pointer starts on `default`."""
        values = [_value(c) for c in choices]
        if default not in values:
            default = values[0]
        if self.assume_yes:
            return default
        import questionary

        return self._ask(
            questionary.select(message, choices=_choices(choices), default=default, **self._io())
        )

    def confirm(self, message: str, default: bool = True) -> bool:
        """Yes or no (y/n, or Enter for the default)."""
        if self.assume_yes:
            return default
        import questionary

        return bool(self._ask(questionary.confirm(message, default=default, **self._io())))

    def checkbox(
        self, message: str, choices: Sequence[ChoiceSpec], checked: Sequence[Any] = ()
    ) -> list[Any]:
        """Any number of `choices` (Space toggles, Enter accepts); `checked` start ticked."""
        if self.assume_yes or not choices:
            return [_value(c) for c in choices if _value(c) in checked]
        import questionary

        return list(
            self._ask(
                questionary.checkbox(
                    message, choices=_choices(choices, checked=checked), **self._io()
                )
            )
            or []
        )

    # --- internals -------------------------------------------------------------------
    def _io(self) -> dict[str, Any]:
        kw: dict[str, Any] = {}
        if self.input is not None:
            kw["input"] = self.input
        if self.output is not None:
            kw["output"] = self.output
        elif hasattr(sys.stdout, "_stream"):
            # prompt_toolkit draws with escape sequences (and shows a control character in
            # the text as ^[): it gets the terminal itself, not the CLI's neutralising stream
            from prompt_toolkit.output import create_output

            kw["output"] = create_output(stdout=sys.stdout._stream)
        return kw

    @staticmethod
    def _ask(question: Any) -> Any:
        # unsafe_ask lets Ctrl-C through as KeyboardInterrupt, so callers save and leave.
        answer = question.unsafe_ask()
        if answer is None:
            raise KeyboardInterrupt
        return answer

    @staticmethod
    def _checked_default(message: str, default: str, check: Check | None) -> str:
        problem = check(default) if check else None
        if problem:
            raise UsageError(f"{message.rstrip(':?')}: {problem} (give it as an option)")
        return default


def _value(choice: ChoiceSpec) -> Any:
    return choice[0] if isinstance(choice, tuple) else choice


def _choices(choices: Sequence[ChoiceSpec], checked: Sequence[Any] = ()) -> list[Any]:
    from questionary import Choice

    out = []
    for c in choices:
        value, title = (c[0], c[1]) if isinstance(c, tuple) else (c, str(c))
        out.append(Choice(title=title, value=value, checked=value in checked))
    return out


# --- checks shared by the plain steps and init -------------------------------------------
def check_date(text: str, *, required: bool = False) -> str | None:
    """None if `text` is a YYYY-MM-DD date (or blank when not required), else what is wrong."""
    from pm_tui.errors import UsageError
    from pm_tui.timeparse import parse_date

    if not text:
        return "a date is needed (YYYY-MM-DD)" if required else None
    try:
        parse_date(text, "the date")
    except UsageError as exc:
        return str(exc)
    return None


def check_required(text: str) -> str | None:
    """None if `text` is not blank."""
    return None if text.strip() else "this cannot be blank"


def split_list(text: str) -> list[str]:
    """A comma-separated answer as a list of trimmed, non-blank items."""
    return [part.strip() for part in text.split(",") if part.strip()]
