"""Driving the real questionary prompts through prompt_toolkit's pipe input, question by question.

`ScriptedPrompter` is the product's Prompter on a pipe input and a dummy output. Before
each question it checks the question is the one the script expects and types that
answer's keys into the pipe, so a test reads as the conversation a person would have.
"""

from __future__ import annotations

from contextlib import contextmanager

from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from pm_tui.plain.prompts import Prompter

ENTER = "\r"
DOWN = "\x1b[B"
UP = "\x1b[A"
CLEAR = "\x15"  # Ctrl-U: erase the pre-filled default
SPACE = " "
CTRL_C = "\x03"


def down(n: int) -> str:
    return DOWN * n + ENTER


def replace(text: str) -> str:
    """Erase the default and type `text`."""
    return CLEAR + text + ENTER


# Questions answered with Enter (their default) when the script does not mention them.
AUTO = ("Fix them now or continue?",)


class ScriptedPrompter(Prompter):
    def __init__(self, pipe, script: list[tuple[str, str]]):
        super().__init__(input=pipe, output=DummyOutput())
        self.pipe = pipe
        self.script = list(script)
        self.asked: list[str] = []
        self.said: list[str] = []

    def say(self, text: str = "") -> None:
        self.said.append(text)

    def _type(self, message: str) -> None:
        self.asked.append(message)
        if self.script and self.script[0][0] in message:
            self.pipe.send_text(self.script.pop(0)[1])
        elif message in AUTO:
            self.pipe.send_text(ENTER)
        elif not self.script:
            self.pipe.close()  # the script is over: the prompt sees end of input
        else:
            raise AssertionError(f"asked {message!r}, the script expected {self.script[0][0]!r}")

    def text(self, message, default="", *, check=None):
        self._type(message)
        return super().text(message, default, check=check)

    def path(self, message, default="", *, only_directories=False, check=None):
        self._type(message)
        return super().path(message, default, only_directories=only_directories, check=check)

    def select(self, message, choices, default=None):
        self._type(message)
        return super().select(message, choices, default)

    def confirm(self, message, default=True):
        self._type(message)
        return super().confirm(message, default)

    def checkbox(self, message, choices, checked=()):
        self._type(message)
        return super().checkbox(message, choices, checked)


@contextmanager
def scripted(script: list[tuple[str, str]]):
    """A ScriptedPrompter on a fresh pipe; asserts the whole script was used."""
    with create_pipe_input() as pipe:
        ask = ScriptedPrompter(pipe, script)
        yield ask
    assert not ask.script, f"unused answers: {ask.script}"
