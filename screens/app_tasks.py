"""The app's work beyond editing: candidates, report export and distribution, tickets,
the follow-up calendar and repository-wide reads. Slow parts run in workers that post
messages; the handlers here change the model, save and commit. Mixed into PmTuiApp."""

from __future__ import annotations

import copy
from pathlib import Path

from textual import work
from textual.worker import Worker, WorkerState

from pm_tui.errors import PmTuiError
from pm_tui.model import PostMortem
from screens import integrations
from screens.messages import DistributionDone, ReportOpened, TicketsDone


class AppTasks:
    """Needs from the app: repo, pm, clock, read_only, notify, save_file, step, screen."""

    _candidates: dict[str, list]

    # --- timeline candidates (steps 1 and 2) ----------------------------------------------
    def candidates_for(self, pm: PostMortem) -> list:
        """Timeline candidates for `pm` not dismissed, loaded once per session."""
        if pm.id not in self._candidates:
            try:
                self._candidates[pm.id] = integrations.load_candidates(self.repo, pm)
            except PmTuiError as exc:
                self.notify(str(exc), severity="error")
                self._candidates[pm.id] = []
        return self._candidates[pm.id]

    def rebuild_candidates(self, pm: PostMortem) -> int:
        """Reconstruct and store the candidates from the kept evidence; safe in a worker thread.

        The cache is reset on the UI thread by `forget_candidates` when the worker reports.
        """
        return len(integrations.rebuild_candidates(self.repo, pm))

    def forget_candidates(self, pm_id: str) -> None:
        """Drop the cached candidates so step 2 reads the stored ones again."""
        self._candidates.pop(pm_id, None)

    def dismiss_candidates(self, pm: PostMortem, ids: list[str]) -> None:
        """Remember dismissed candidates across sessions (a failure is shown, not raised)."""
        try:
            integrations.dismiss_candidates(self.repo, pm.id, ids)
        except (PmTuiError, OSError) as exc:
            self.notify(f"Dismissal not kept: {exc}", severity="error")

    def evidence_dir_for(self, pm: PostMortem) -> Path:
        """Where the evidence collected in step 1 is kept."""
        return self.repo.evidence_dir(pm.id)

    def metric_series_for(self, pm: PostMortem) -> list:
        """Metric series from the kept evidence ([] when none or unreadable)."""
        try:
            return integrations.load_metric_series(self.repo, pm)
        except PmTuiError:
            return []

    # --- repository-wide reads (called from screens' workers) -----------------------------
    def related_for(self, pm: PostMortem) -> list:
        """Past incidents related to `pm`; safe in a worker thread."""
        return integrations.related_incidents(self.repo, pm)

    def open_action_review(self) -> dict[str, list]:
        """Open action items of the whole repository by owner; safe in a worker thread."""
        return integrations.open_action_review(self.repo, self.clock().date())

    # --- report: export and distribution (step 5) -----------------------------------------
    def action_export(self) -> None:
        if self.pm is None:
            return
        try:
            written = integrations.export_report(self.repo, self.pm)
        except (PmTuiError, OSError) as exc:
            self.notify(f"Export failed: {exc}", severity="error")
            return
        root = self.repo.root
        text = f"Report written to {written.path.relative_to(root)}"
        if written.graphs:
            folder = written.graphs[0].parent.relative_to(root)
            text += f", its graphs in {folder}/"
        self.notify(" ".join([text + ".", *written.notes]))

    def action_open_report(self) -> None:
        """Write the HTML report and open it in the person's browser (never waits for it)."""
        if self.pm is None:
            return
        self.notify("Opening the HTML report in your browser…")
        self._open_report(copy.deepcopy(self.pm))

    @work(thread=True, exit_on_error=False, exclusive=True, group="open-report")
    def _open_report(self, pm: PostMortem) -> None:
        try:
            path, error = integrations.open_report(self.repo, pm)
        except (PmTuiError, OSError) as exc:
            path, error = None, f"HTML report not written: {exc}"
        self.post_message(ReportOpened(path, error))

    def on_report_opened(self, message: ReportOpened) -> None:
        if message.error:
            self.notify(message.error, title="Not opened", severity="warning", timeout=10)
        elif message.path is not None:
            shown = message.path
            if shown.is_relative_to(self.repo.root):
                shown = shown.relative_to(self.repo.root)
            self.notify(f"Opened {shown} in your browser.")

    def action_distribute(self) -> None:
        if self.pm is None:
            return
        if self.read_only:
            self.notify("Read-only window: nothing sent.", severity="warning")
            return
        from screens.distribute_modal import DistributeModal

        try:
            slack_env = integrations.slack_channel_env()
        except PmTuiError as exc:
            self.notify(str(exc), severity="error")
            return

        def answer(choice: dict | None) -> None:
            if not choice:
                return
            recipients, slack = choice["recipients"], choice["slack"]
            now = self.clock()
            from pm_tui.distribute import late_warning

            warning = late_warning(self.pm, now)
            if warning:
                self.notify(warning.capitalize(), title="Late", severity="warning", timeout=10)
            self.notify("Sending the report…")
            self._distribute(copy.deepcopy(self.pm), recipients, slack_env if slack else None, now)

        self.push_screen(DistributeModal(slack_env), answer)

    @work(thread=True, exit_on_error=False, exclusive=True, group="distribute")
    def _distribute(self, pm: PostMortem, recipients: list[str], slack_env, now) -> None:
        sent, error = integrations.distribute(self.repo, pm, recipients, slack_env, now)
        self.post_message(DistributionDone(sent, error, now))

    # Named handlers, not @on: @on needs the class to be a MessagePump, and this is a mixin.
    def on_distribution_done(self, message: DistributionDone) -> None:
        from pm_tui import distribute as dist

        if self.pm is not None and message.sent:
            for channel, recipients in message.sent:
                dist.record(self.pm, channel, recipients, message.now)
            channels = ", ".join(channel for channel, _ in message.sent)
            self._save_and_commit(f"report distributed ({channels})")
            self.notify(f"Report sent ({channels}).")
        if message.error:
            self.notify(message.error, title="Not sent", severity="error", timeout=10)

    # --- tickets and the follow-up review (step 6) ----------------------------------------
    def action_create_tickets(self) -> None:
        if self.pm is None:
            return
        if self.read_only:
            self.notify("Read-only window: no tickets made.", severity="warning")
            return
        if not self.pm.actions:
            self.notify("No action items: nothing to file.")
            return
        self.notify("Creating tickets…")
        self._create_tickets(copy.deepcopy(self.pm))

    @work(thread=True, exit_on_error=False, exclusive=True, group="tickets")
    def _create_tickets(self, pm: PostMortem) -> None:
        self.post_message(TicketsDone(*integrations.create_tickets(self.repo, pm)))

    def on_tickets_done(self, message: TicketsDone) -> None:
        changed = False
        if self.pm is not None:
            for item in self.pm.actions:
                url = message.urls.get(item.id)
                if url and item.tracker_url != url:
                    item.tracker_url, changed = url, True
        if changed:
            what = f"action items tracked in GitHub ({message.target})"
            self._save_and_commit(what + (" (partly)" if message.error else ""))
            self._refresh_screen("actions")
        made = sum(r.outcome == "created" for r in message.results)
        if message.error:
            self.notify(message.error, title="Tickets", severity="error", timeout=10)
        else:
            self.notify(f"{made} ticket(s) created in {message.target}; links recorded.")

    def action_schedule_follow_up(self) -> None:
        if self.pm is None:
            return
        if self.read_only:
            self.notify("Read-only window: nothing scheduled.", severity="warning")
            return
        from pm_tui.schedule import ensure_follow_up

        if ensure_follow_up(self.pm):
            self._dirty = True
            self.save_file()
            self._refresh_screen("follow_up_review")
        try:
            path = integrations.write_follow_up_calendar(self.repo, self.pm, self.clock())
        except (PmTuiError, OSError) as exc:
            self.notify(f"Calendar not written: {exc}", severity="error")
            return
        self.notify(
            f"Follow-up review on {self.pm.follow_up_review.isoformat()}: "
            f"{path.relative_to(self.repo.root)} (import it into your calendar)"
        )

    # --- shared ---------------------------------------------------------------------------
    def _save_and_commit(self, what: str) -> None:
        self._dirty = True
        if self.save_file():
            try:
                self.repo.commit(self.pm, what)
            except PmTuiError as exc:
                self.notify(str(exc), title="Not committed", severity="error", timeout=10)

    def _refresh_screen(self, section: str) -> None:
        refresh = getattr(self.screen, "model_updated", None)
        if refresh is not None:
            refresh(section)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        # Screens report their own workers' failures; these are the app's.
        if event.state == WorkerState.ERROR and event.worker.node is self:
            self.notify(
                f"{event.worker.group or 'work'} failed: {event.worker.error}",
                severity="error",
                timeout=10,
            )
