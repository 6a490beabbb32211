"""The command palette's wizard commands: go to a step, save, commit, validate, export, open."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from screens.widgets.step_indicator import step_title


class WizardCommands(Provider):
    """Offers every wizard action by name (ctrl+p)."""

    def _commands(self) -> list[tuple[str, str, object]]:
        app = self.app
        commands: list[tuple[str, str, object]] = []
        if getattr(app, "pm", None) is not None:
            commands += [
                (
                    f"Go to step {step_title(n)}",
                    "jump to this wizard step",
                    partial(app.action_goto_step, n),
                )
                for n in range(1, 7)
            ]
            commands += [
                ("Save", "write the post-mortem to its file (ctrl+s)", app.action_save),
                ("Commit", "save and commit this step (ctrl+g)", app.action_commit),
                ("Validate", "run every check now", app.action_validate),
                ("Export report", "write reports/<id>.md", app.action_export),
                ("Distribute report", "send the report (Slack, email)", app.action_distribute),
                ("Create tickets", "one tracker issue per action item", app.action_create_tickets),
            ]
        commands += [
            ("Open another post-mortem", "back to the list of post-mortems", app.action_open_other),
            ("New post-mortem", "start a new post-mortem", app.action_new_postmortem),
        ]
        return commands

    async def discover(self) -> Hits:
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
