"""The footer of every wizard screen: Textual's Footer, rebuilt only when its keys change.

Textual's Footer rebuilds all its keys after every bindings change it hears of, each
rebuild queued separately, even for a screen being replaced and even when the keys to
show are the same. Opening a step sets focus, cursors and stack reactives: five rebuilds
of 20-30 ms each, and the new screen stayed busy for a quarter of a second after its
first frame. A rebuild reads the bindings when it runs, so one already waiting shows the
latest state; a screen no longer in the stack shows nothing; and the same keys need no
rebuild.
"""

from __future__ import annotations

from textual.widgets import Footer


class WizardFooter(Footer):
    """A Footer that rebuilds once per burst of changes, and only for new keys."""

    _rebuild_waiting = False
    _shown_keys: tuple | None = None

    def __init__(self, **kwargs) -> None:
        # Compact: at 80 columns Save and Commit still fit beside the step's own keys.
        kwargs.setdefault("compact", True)
        super().__init__(**kwargs)

    def bindings_changed(self, screen) -> None:
        if self._rebuild_waiting:
            return
        super().bindings_changed(screen)
        if self.is_attached and screen is self.screen and screen.app.app_focus:
            self._rebuild_waiting = True

    def on_resize(self) -> None:
        # Below 100 columns the step's keys need the room; ctrl+p still opens the palette
        # (the ? help says so).
        self.show_command_palette = self.size.width >= 100

    def _keys_to_show(self) -> tuple:
        return (
            self.show_command_palette,
            tuple(
                (key, b.key, b.action, b.description, b.show, id(b.group), enabled, tooltip)
                for key, (_, b, enabled, tooltip) in self.screen.active_bindings.items()
            ),
        )

    async def recompose(self) -> None:
        self._rebuild_waiting = False
        if not self.is_attached or self.screen not in self.app.screen_stack:
            return  # the step was left while this rebuild waited
        keys = self._keys_to_show()
        if keys == self._shown_keys:
            return
        self._shown_keys = keys
        await super().recompose()
