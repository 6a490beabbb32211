"""The step indicator: 1 Collect · 2 Timeline · ... with the current step highlighted."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

STEP_NAMES = ("Collect", "Timeline", "Factors", "Actions", "Report", "Track")


def step_title(step: int) -> str:
    """`2 Timeline`."""
    return f"{step} {STEP_NAMES[step - 1]}"


class StepIndicator(Static):
    """One line naming the six steps; clicking a step goes there."""

    def __init__(self, step: int, **kwargs) -> None:
        super().__init__(**kwargs)
        self.step = step

    def on_mount(self) -> None:
        # Markup built from fixed step names only (no user text), so clicks can be actions.
        parts = []
        for n in range(1, 7):
            label = f" {step_title(n)} "
            if n == self.step:
                parts.append(f"[bold reverse]{label}[/]")
            else:
                parts.append(f"[@click=app.goto_step({n})]{label}[/]")
        self.update(Content.from_markup("[dim]·[/]".join(parts)))
