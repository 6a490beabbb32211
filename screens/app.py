"""The wizard app: owns the working post-mortem, validation, autosave, commits and navigation.

Screens receive the model, edit it and post `PostMortemChanged`; only this module talks to
the repository (disk and git). `create_app` is the one factory for the CLI and the tests.
"""

from __future__ import annotations

import copy
import gc
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from textual import events, work
from textual.app import App
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.timer import Timer

from pm_tui import model, workstate
from pm_tui.errors import PmTuiError
from pm_tui.lock import PostMortemLock
from pm_tui.model import PostMortem
from pm_tui.postmortem_store import Repository
from pm_tui.safetext import neutralise, neutralise_model
from pm_tui.workflow import views
from screens.app_tasks import AppTasks
from screens.messages import PostMortemChanged, ReplayKeys, Validated
from screens.step_base import StepScreen
from screens.widgets.step_indicator import STEP_NAMES

if TYPE_CHECKING:
    from pm_tui.validation import Finding

VALIDATE_DELAY = 0.15  # validation is pure and fast; the delay only batches keystrokes


def _step_screen(step: int, pm: PostMortem) -> StepScreen:
    # Imported on demand: the first paint needs only the first step's module.
    if step == 1:
        from screens.step1_collect import CollectScreen as cls
    elif step == 2:
        from screens.step2_timeline import TimelineScreen as cls
    elif step == 3:
        from screens.step3_factors import FactorsScreen as cls
    elif step == 4:
        from screens.step4_actions import ActionsScreen as cls
    elif step == 5:
        from screens.step5_report import ReportScreen as cls
    else:
        from screens.step6_track import TrackScreen as cls
    return cls(pm)


def _wizard_commands():
    # The command palette provider loads when the palette first opens.
    from screens.commands import WizardCommands

    return WizardCommands


def _confirm(question: str, yes: str, no: str) -> ModalScreen[bool]:
    from screens.modals import ConfirmModal

    return ConfirmModal(question, yes=yes, no=no)


class PmTuiApp(AppTasks, App):
    """The six-step post-mortem wizard."""

    CSS_PATH = "app.tcss"
    TITLE = "pm-tui"
    COMMANDS = App.COMMANDS | {_wizard_commands}
    BINDINGS = [
        # Priority: a step change is decided before the keys typed after it are sent anywhere
        # (they wait for the next step, see on_event).
        Binding("ctrl+n", "next_step", "Next", priority=True),
        Binding("ctrl+b", "prev_step", "Back", priority=True),
        Binding("ctrl+s", "save", "Save"),
        Binding("ctrl+g", "commit", "Commit"),
        Binding("ctrl+q", "quit", "Quit", priority=True, show=False),  # in ? help
        Binding("question_mark,f1", "key_help", "Help", key_display="?"),
        # The palette's Keys panel closes on Esc like every other panel of the wizard.
        Binding("escape", "hide_help_panel", "Close keys", show=False),
    ]

    def __init__(
        self,
        repo: Repository,
        postmortem_id: str | None = None,
        *,
        clock: Callable[[], datetime] | None = None,
        autosave_delay: float = 3.0,
    ) -> None:
        super().__init__()
        self.repo = repo
        self.initial_id = postmortem_id
        self.clock = clock or model.now_utc
        self.autosave_delay = autosave_delay
        self.pm: PostMortem | None = None
        self.step = 0
        self.findings: list[Finding] = []
        self.read_only = False
        self.lock: PostMortemLock | None = None
        self._disk_bytes: bytes | None = None
        self._dirty = False  # edits not yet in the real file
        self._autosave_timer: Timer | None = None
        self._validate_timer: Timer | None = None
        self._candidates: dict[str, list] = {}
        self._gc_paused_for_start = False
        self.banner = ""  # shown in the header on every screen (the demo's scratch path)
        self.validated = False  # until the first validation, findings panels say so
        self._model_version = 0  # bumped by every edit and open: a late validation is stale
        self._validating: int | None = None  # the model version a validation worker has
        self._validation_pending = False  # validate once the step is on screen
        from pm_tui.edit_history import EditHistory

        self.history = EditHistory()  # ctrl+z in the steps' tables
        # Keys typed while a step loads, kept for it (None: no step is loading).
        self._held_keys: list[events.Key] | None = None

    def notify(self, message, *, title="", severity="information", timeout=None, markup=True):
        """Every notification shows its words as written: errors quote file names, titles
        and servers' answers, so they are never read as markup and their control
        characters are shown, not obeyed (no notification here uses markup)."""
        super().notify(
            neutralise(str(message)),
            title=neutralise(str(title)),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Step keys mean nothing on the start screen: hide them from its footer.
        if action in {"next_step", "prev_step", "save", "commit"} and self.pm is None:
            return False
        if action in {"next_step", "prev_step"} and isinstance(self.screen, ModalScreen):
            return None  # a dialog keeps its keys (shown, not run)
        if action == "hide_help_panel":  # Esc means something else when no panel is open
            return bool(self.screen.query("HelpPanel"))
        return True

    # --- start-up and opening -------------------------------------------------------------
    def on_load(self) -> None:
        # No garbage collection until the first frame: startup makes tens of thousands of
        # long-lived objects and no garbage cycles, and each collection would walk them.
        if gc.isenabled():
            gc.disable()
            self._gc_paused_for_start = True

    def _resume_gc(self) -> None:
        if self._gc_paused_for_start:
            self._gc_paused_for_start = False
            gc.enable()

    def on_mount(self) -> None:
        self.call_after_refresh(self._resume_gc)
        if self.initial_id:
            self.open_postmortem(self.initial_id)
        else:
            self.show_start()

    def show_start(self) -> None:
        from screens.start import StartScreen

        self.title, self.sub_title = "pm-tui", self.banner or str(self.repo.root)
        self.step = 0
        today = self.clock().date()
        self._show(StartScreen(views.repository_catalog(self.repo), today))
        self.call_after_refresh(self.prefetch_insights)

    def show_insights(self) -> None:
        """The Insights screen over every post-mortem: with what was read ahead when it is
        ready (its first paint then holds the figures), else it reads them in its worker."""
        from screens.insights import InsightsScreen

        self.push_screen(InsightsScreen(self.clock().date(), self.insights_read_ahead()))

    def _show(self, screen) -> None:
        # The default screen stays at the bottom; the wizard's screen replaces the one above it.
        if len(self.screen_stack) <= 1:
            self.push_screen(screen)
        else:
            self.switch_screen(screen)

    def open_postmortem(self, pm_id: str, step: int = 1) -> None:
        """Load `pm_id`, take its lock (or go read-only), offer autosave recovery, show `step`."""
        self.close_postmortem()
        try:
            path = self.repo.resolve(pm_id)
            pm = self.repo.load(str(path))
        except PmTuiError as exc:
            self.notify(str(exc), title="Cannot open", severity="error", timeout=10)
            self.show_start()
            return
        self.pm, self._dirty, self._disk_bytes = pm, False, self.repo.file_bytes(path)
        self.validated, self.findings = False, []
        self._model_version += 1
        self._validation_pending = True  # the step screen asks once it has painted
        if neutralise_model(pm):
            self.notify(
                "This post-mortem holds terminal control characters: they are shown as "
                "symbols (␛, ␍...) and saved that way if you edit it.",
                title="Control characters",
                severity="warning",
                timeout=10,
            )
        self.lock = PostMortemLock(self.repo.root, pm.id)
        holder = self.lock.acquire()
        self.read_only = holder is not None
        if self.read_only:
            self.notify(
                f"Another pm-tui ({holder.describe()}) is editing this post-mortem: "
                "opened read-only, nothing will be saved.",
                title="Read-only",
                severity="warning",
                timeout=15,
            )
        self.title = pm.title
        recovered = (
            None if self.read_only else workstate.recoverable_autosave(self.repo.root, pm.id, path)
        )
        if recovered is None:
            self.show_step(step)
            return

        def answer(yes: bool | None) -> None:
            if yes:
                neutralise_model(recovered)
                self.pm = recovered
                self._dirty = True
                self._model_version += 1
                self.notify("Recovered the autosaved edits (not saved to the file yet).")
            else:
                workstate.discard_autosave(self.repo.root, pm.id)
            self.show_step(step)

        self.push_screen(
            _confirm(
                f"{pm.id} has edits from an earlier session that never reached the file "
                "(autosaved). Recover them?",
                yes="Recover",
                no="Discard",
            ),
            answer,
        )

    def close_postmortem(self) -> None:
        """Forget the working post-mortem (saved first) and give its lock back."""
        if self.pm is not None and not self.read_only and self._dirty:
            self.save_file()
        if self.lock is not None:
            self.lock.release()
        self.lock, self.pm, self.read_only = None, None, False
        self.history.clear()
        self._stop_timers()

    # --- navigation ----------------------------------------------------------------------
    def show_step(self, step: int) -> None:
        """Leave the current step (saving the file) and show `step` (1-6)."""
        if self.pm is None or isinstance(self.screen, ModalScreen):
            return
        step = max(1, min(6, step))
        if isinstance(self.screen, StepScreen) and self._dirty and not self.save_file():
            return
        self.step = step
        self._update_sub_title()
        if self._held_keys is None:
            self._held_keys = []
        self._show(_step_screen(step, self.pm))

    async def on_event(self, event: events.Event) -> None:
        # Keys typed while a step loads would reach the step before its tables exist (or
        # the one being left): they wait, and go to the step once it has loaded.
        if (
            self._held_keys is not None
            and isinstance(event, events.Key)
            and not event.is_forwarded
            and not isinstance(self.screen, ModalScreen)
        ):
            self._held_keys.append(event)
            return
        await super().on_event(event)

    def step_loaded(self) -> None:
        """Called by a step screen once it has loaded and painted: the keys typed meanwhile
        are handled now, in order."""
        if self._held_keys is not None:
            self.post_message(ReplayKeys())

    async def on_replay_keys(self, message: ReplayKeys) -> None:
        keys, self._held_keys = self._held_keys or [], None
        for i, key in enumerate(keys):
            if not self.screen_stack:  # the app is closing
                return
            await super().on_event(key)
            if self._held_keys is not None:  # that key changed the step: the rest wait again
                self._held_keys[:0] = keys[i + 1 :]
                return

    def action_goto_step(self, step: int) -> None:
        self.show_step(step)

    def action_next_step(self) -> None:
        if self.pm is None or not isinstance(self.screen, StepScreen):
            return
        self.commit_step()
        if self.step < 6:
            self.show_step(self.step + 1)
        else:
            self.notify("All six steps done. Open items stay visible in step 6.")

    def action_prev_step(self) -> None:
        if self.step > 1:
            self.show_step(self.step - 1)

    # --- edits, validation, autosave ---------------------------------------------------------
    def on_post_mortem_changed(self, message: PostMortemChanged) -> None:
        self._dirty = True
        self._model_version += 1
        if self._validate_timer is not None:
            self._validate_timer.stop()
        self._validate_timer = self.set_timer(VALIDATE_DELAY, self._run_validation)
        if self._autosave_timer is not None:
            self._autosave_timer.stop()
        self._autosave_timer = self.set_timer(self.autosave_delay, self.autosave)

    def validate_when_pending(self) -> None:
        """Called by a step screen after its first paint: the opened post-mortem's first
        validation, on a copy in a worker thread (it loads the language checks' patterns
        and dictionary; the step takes keys meanwhile and shows the findings when done)."""
        if not self._validation_pending or self.pm is None or not self.screen_stack:
            return
        self._validation_pending = False
        self._validating = self._model_version
        self._validate_copy(copy.deepcopy(self.pm), self._model_version, self.clock().date())

    @work(thread=True, exclusive=True, exit_on_error=False, group="validate")
    def _validate_copy(self, pm: PostMortem, version: int, today) -> None:
        from pm_tui.validation import validate

        try:
            findings, error = validate(pm, today=today, known_ids=self._link_targets(pm)), ""
        except Exception as exc:  # noqa: BLE001 - shown, and the next edit validates again
            findings, error = [], f"{type(exc).__name__}: {exc}"
        self.post_message(Validated(pm.id, version, findings, error))

    def on_validated(self, message: Validated) -> None:
        if self._validating is not None and message.version >= self._validating:
            self._validating = None
        if self.pm is None or self.pm.id != message.pm_id or not self.screen_stack:
            return
        if message.error:
            self.notify(f"Validation failed: {message.error}", severity="error", timeout=10)
            return
        if message.version != self._model_version:  # edited meanwhile: validate what is there
            self._run_validation()
            return
        self._show_findings(message.findings)

    def _run_validation(self) -> None:
        if self.pm is None or not self.screen_stack:  # a timer can fire while the app closes
            return
        if self._validating is not None:  # its answer comes, and is checked against the model
            return
        from pm_tui.validation import validate  # its patterns load after the first paint

        today = self.clock().date()
        self._show_findings(validate(self.pm, today=today, known_ids=self._link_targets(self.pm)))

    def _link_targets(self, pm: PostMortem) -> frozenset[str] | None:
        """The ids recurrence links may name, read only when `pm` has links (a folder listing)."""
        links = pm.recurrence
        if not (links.same_cause_as or links.not_same_cause_as):
            return None
        return views.postmortem_ids(self.repo)

    def _show_findings(self, findings: list[Finding]) -> None:
        self.findings = findings
        self.validated = True
        if not self.screen_stack:  # the app is closing: a late timer has nothing to show
            return
        if isinstance(self.screen, StepScreen):
            self.screen.show_findings(self.findings_for(self.step))
        self._update_sub_title()

    def action_validate(self) -> None:
        if self._validating is not None:
            self.notify("Still validating: the findings panel shows them in a moment.")
            return
        self._run_validation()
        errors = sum(f.severity == "error" and not f.acknowledged for f in self.findings)
        from pm_tui.validation.labels import plural

        self.notify(f"{plural(len(self.findings), 'finding')}, {plural(errors, 'error')}.")

    def findings_for(self, step: int) -> list[Finding]:
        """The findings the findings panel of `step` shows."""
        return [f for f in self.findings if f.step == step]

    def _update_sub_title(self) -> None:
        if self.pm is None:
            return
        errors = sum(f.severity == "error" and not f.acknowledged for f in self.findings)
        parts = [
            self.pm.id,
            f"step {self.step} {STEP_NAMES[self.step - 1]}" if self.step else "",
            (f"{errors} error" + "s" * (errors != 1)) if errors else "✓",
            "READ-ONLY" if self.read_only else "",
            self.banner,
        ]
        self.sub_title = " · ".join(p for p in parts if p)

    def autosave(self) -> None:
        """Write the autosave copy (never the real file) if there are unsaved edits."""
        if self.pm is None or self.read_only or not self._dirty:
            return
        try:
            workstate.write_autosave(self.repo.root, self.pm, self.repo.path_for(self.pm.id))
        except (PmTuiError, OSError) as exc:
            self.notify(f"Autosave failed: {exc}", severity="error")

    def _stop_timers(self) -> None:
        for timer in (self._autosave_timer, self._validate_timer):
            if timer is not None:
                timer.stop()
        self._autosave_timer = self._validate_timer = None

    # --- saving and committing -----------------------------------------------------------------
    def save_file(self, *, force: bool = False) -> bool:
        """Save the working post-mortem to its file. False when it could not (read-only, conflict)."""
        if self.pm is None or self.read_only:
            return False
        path = self.repo.path_for(self.pm.id)
        if not force and self.repo.file_bytes(path) != self._disk_bytes:
            self._ask_conflict()
            return False
        try:
            self.repo.save(self.pm, force=force)
        except (PmTuiError, OSError) as exc:
            self.notify(f"Not saved: {exc}", severity="error", timeout=10)
            return False
        self._disk_bytes, self._dirty = self.repo.file_bytes(path), False
        workstate.discard_autosave(self.repo.root, self.pm.id)
        return True

    def _ask_conflict(self) -> None:
        self.autosave()  # the person's edits are safe whatever they answer

        def answer(overwrite: bool | None) -> None:
            if overwrite:
                self.save_file(force=True)
                self.notify("Saved over the file's newer contents.")
            else:
                pm_id = self.pm.id
                self._dirty = False
                self.open_postmortem(pm_id, self.step or 1)

        self.push_screen(
            _confirm(
                "The file changed on disk since this window loaded it (another editor or a git "
                "pull). Overwrite it with your version? No reloads the file; your edits stay in "
                "the autosave copy and are offered for recovery.",
                yes="Overwrite",
                no="Reload",
            ),
            answer,
        )

    def action_save(self) -> None:
        if self.read_only:
            self.notify("Read-only window: nothing saved.", severity="warning")
        elif self.save_file():
            self.notify(f"Saved {self.repo.path_for(self.pm.id).name}")

    def commit_step(self, what: str | None = None) -> str | None:
        """Save and commit, naming the step; returns the commit id (None if nothing changed)."""
        if self.pm is None or self.read_only:
            return None
        if self._dirty and not self.save_file():
            return None
        if not self.repo.exists(self.pm.id):
            self.save_file(force=True)
        step = self.step or 1
        try:
            commit = self.repo.commit(
                self.pm, what or f"step {step} {STEP_NAMES[step - 1].lower()}"
            )
        except PmTuiError as exc:
            self.notify(str(exc), title="Not committed", severity="error", timeout=10)
            return None
        return commit

    def action_commit(self) -> None:
        if self.read_only:
            self.notify("Read-only window: nothing committed.", severity="warning")
            return
        commit = self.commit_step()
        self.notify(f"Committed {commit[:8]}" if commit else "Nothing new to commit.")

    # --- new, open another, quit ---------------------------------------------------------------
    def action_new_postmortem(self) -> None:
        from screens.forms import NewPostMortemForm

        def done(values: dict | None) -> None:
            if not values:
                return
            pm = model.new_postmortem(**values)
            if self.repo.exists(pm.id):
                self.notify(f"{pm.id} exists already: choose another title.", severity="error")
                return
            try:
                self.repo.save(pm)
                self.repo.commit(pm, "created")
            except PmTuiError as exc:
                self.notify(str(exc), severity="error")
                return
            self.open_postmortem(pm.id)

        self.push_screen(NewPostMortemForm(), done)

    def action_key_help(self) -> None:
        """`?` / F1: the keys of the screen in view and, in a step, what it should produce."""
        from screens.key_help import KeyHelp, key_rows

        if isinstance(self.screen, ModalScreen):
            return
        screen = self.screen
        if isinstance(screen, StepScreen):
            title = f"Step {self.step}: {STEP_NAMES[self.step - 1]} — keys"
            guidance = screen.GUIDANCE
        else:
            title, guidance = "pm-tui — keys", ""
        self.push_screen(KeyHelp(title, key_rows(screen), guidance))

    def action_open_other(self) -> None:
        self.close_postmortem()
        self.show_start()

    async def action_quit(self) -> None:
        if self.pm is None or self.read_only:
            self._leave()
            return
        if self._dirty and not self.save_file():
            return
        if not self.repo.has_uncommitted_changes(self.pm.id):
            self._leave()
            return

        def answer(yes: bool | None) -> None:
            if yes:
                self._leave()

        self.push_screen(
            _confirm(
                f"{self.pm.id} has changes that are saved but not committed. Quit anyway? "
                "(ctrl+g commits)",
                yes="Quit",
                no="Stay",
            ),
            answer,
        )

    def _leave(self) -> None:
        self.close_postmortem()
        self.exit()

    def on_unmount(self) -> None:
        self._resume_gc()  # an app closed before its first frame leaves the collector on
        if self.lock is not None:
            self.lock.release()


_heap_frozen = False


def _freeze_startup_heap() -> None:
    # Textual, Rich and pm-tui leave a few hundred thousand long-lived objects behind their
    # imports. Every full garbage collection would walk them all (25-30 ms on this kind of
    # machine, one of them lands before the first paint, more during long loads); frozen,
    # collections walk only what the session makes. Once per process: later objects can
    # be cyclic garbage (a closed screen) and must stay collectable.
    global _heap_frozen
    if not _heap_frozen:
        _heap_frozen = True
        gc.freeze()


def create_app(
    repo: Repository,
    postmortem_id: str | None = None,
    *,
    clock: Callable[[], datetime] | None = None,
    autosave_delay: float = 3.0,
) -> PmTuiApp:
    """The wizard on `repo`, opened on `postmortem_id` (None: the start screen)."""
    _freeze_startup_heap()
    return PmTuiApp(repo, postmortem_id, clock=clock, autosave_delay=autosave_delay)
