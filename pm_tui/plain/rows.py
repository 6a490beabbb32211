"""Two question patterns the plain steps share: a list of sentences and a table of rows."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from pm_tui.plain.prompts import Prompter

Row = TypeVar("Row")


def edit_list(ask: Prompter, label: str, items: Sequence[str]) -> list[str]:
    """Each item offered for editing (blank removes it), then new ones until a blank answer."""
    result: list[str] = []
    for i, item in enumerate(items, 1):
        answer = ask.text(f"{label} {i} (blank removes it):", default=item)
        if answer:
            result.append(answer)
    while True:
        answer = ask.text(f"{label}: add one (blank when done):", default="")
        if not answer:
            return result
        result.append(answer)


def row_menu(
    ask: Prompter,
    title: str,
    rows: list[Row],
    label: Callable[[Row], str],
    *,
    add: Callable[[], None],
    edit: Callable[[Row], None],
    noun: str = "row",
) -> None:
    """List `rows`, then offer add / edit / delete until the person chooses Done.

    Done comes first and is the default, so Enter (or --yes) moves on without changes.
    """
    while True:
        ask.say(f"{title}:" if rows else f"{title}: none yet")
        for row in rows:
            ask.say(f"  {label(row)}")
        choices: list[Any] = [("done", "Done, next"), ("add", f"Add a {noun}")]
        if rows:
            choices += [("edit", f"Edit a {noun}"), ("delete", f"Delete a {noun}")]
        what = ask.select(f"{title}: what next?", choices, default="done")
        if what == "done":
            return
        if what == "add":
            add()
            continue
        index = ask.select(f"Which {noun}?", [(i, label(r)) for i, r in enumerate(rows)], default=0)
        if what == "edit":
            edit(rows[index])
        elif ask.confirm(f"Delete {label(rows[index])}?", default=False):
            del rows[index]
