"""The Five Whys editor: every chain of the analysis, one shown at a time.

It edits `analysis.five_whys` of the model it is given and posts `FiveWhysEditor.Edited`;
the screen announces the change to the app.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Input, Static, TextArea

from pm_tui.model import FiveWhys


class FiveWhysEditor(Vertical):
    """Problem, whys, add/remove a why; chains switched with [ and ], added with Add chain."""

    class Edited(Message):
        """A chain changed."""

    def __init__(self, chains: list[FiveWhys], **kwargs) -> None:
        super().__init__(**kwargs)
        self.chains = chains  # the model's own list: edits land in the model
        self.index = 0
        self.read_only = False

    def compose(self) -> ComposeResult:
        yield Static(id="chain-label")
        problem = Input(id="problem", placeholder="the problem the Five Whys start from")
        problem.border_title = "Five Whys: problem"
        yield problem
        whys = TextArea(id="whys", soft_wrap=True)
        whys.border_title = "Why? — one answer per line, each one editable"
        yield whys
        yield Static(id="why-warning")
        why = Input(id="why", placeholder="why? (enter adds it to the chain)")
        why.border_title = "Add a why"
        yield why
        with Horizontal(id="why-buttons"):
            yield Button("Remove last why", id="remove-why")
            yield Button("◀ Chain [", id="prev-chain")
            yield Button("Chain ] ▶", id="next-chain")
            yield Button("Add chain", id="add-chain")

    @property
    def chain(self) -> FiveWhys | None:
        return self.chains[self.index] if self.index < len(self.chains) else None

    def on_mount(self) -> None:
        self.show_chain()

    def show_chain(self) -> None:
        """Show the current chain: its number, problem and whys."""
        total = max(1, len(self.chains))
        label = Text(f"Five Whys chain {self.index + 1} of {total}", style="bold")
        label.append("  ([ ] switch · Add chain for another problem)", style="dim")
        self.query_one("#chain-label", Static).update(label)
        self.query_one("#problem", Input).value = self.chain.problem if self.chain else ""
        whys = self.query_one("#whys", TextArea)
        whys.load_text("\n".join(self.chain.whys if self.chain else []))
        whys.read_only = self.read_only

    def show_warning(self, text: Text) -> None:
        self.query_one("#why-warning", Static).update(text)

    def switch(self, step: int) -> None:
        """Show the previous (-1) or next (+1) chain."""
        if self.chains:
            self.index = (self.index + step) % len(self.chains)
            self.show_chain()

    def add_chain(self) -> None:
        """Start a new, empty chain and show it."""
        if self.read_only:
            return
        if self.chain is not None and not self.chain.problem and not self.chain.whys:
            return  # an empty chain is already there to fill
        self.chains.append(FiveWhys(problem=""))
        self.index = len(self.chains) - 1
        self.show_chain()
        self.query_one("#problem", Input).focus()
        self.post_message(self.Edited())

    def _ensure_chain(self) -> FiveWhys:
        if self.chain is None:
            self.chains.append(FiveWhys(problem=""))
            self.index = len(self.chains) - 1
        return self.chain

    @on(Input.Changed, "#problem")
    def _problem(self, event: Input.Changed) -> None:
        event.stop()
        value = event.value.strip()
        if (self.chain.problem if self.chain else "") != value and not self.read_only:
            self._ensure_chain().problem = value
            self.post_message(self.Edited())

    @on(TextArea.Changed, "#whys")
    def _whys_edited(self, event: TextArea.Changed) -> None:
        # Any answer of the chain edited in place: one line, one why.
        event.stop()
        new = [line.strip() for line in event.text_area.text.splitlines() if line.strip()]
        if (self.chain.whys if self.chain else []) != new and not self.read_only:
            self._ensure_chain().whys = new
            self.post_message(self.Edited())

    @on(Input.Submitted, "#why")
    def _add_why(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.strip() or self.read_only:
            return
        self._ensure_chain().whys.append(event.value.strip())
        event.input.value = ""
        self.show_chain()
        self.post_message(self.Edited())

    @on(Button.Pressed)
    def _button(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "remove-why":
            if self.chain and self.chain.whys and not self.read_only:
                self.chain.whys.pop()
                self.show_chain()
                self.post_message(self.Edited())
        elif event.button.id == "prev-chain":
            self.switch(-1)
        elif event.button.id == "next-chain":
            self.switch(1)
        elif event.button.id == "add-chain":
            self.add_chain()
