"""Textual's Header, safe while its screen is being replaced."""

from __future__ import annotations

from textual.css.query import NoMatches
from textual.widgets import Header


class WizardHeader(Header):
    """The header of every wizard screen.

    Textual's Header updates its title from a watcher of the app's title; when the title
    changes while the header's screen is being taken down (opening a post-mortem a frame
    after the start screen came up), its title widget is already gone and the watcher
    raises NoMatches. Here the watcher lets such a header go: the new screen's shows it.
    """

    def watch(self, obj, attribute_name, callback, init: bool = True) -> None:
        async def set_title() -> None:
            try:
                await callback()
            except NoMatches:
                pass  # this header's screen is closing

        super().watch(obj, attribute_name, set_title, init=init)
