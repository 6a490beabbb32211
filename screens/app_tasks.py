"""The app's work beyond editing, as thin callers of `pm_tui.workflow`: gather the options,
run the use case in a worker on a copy of the model, then apply its outcome on the UI
thread (save, commit, notify). Mixed into PmTuiApp."""

from __future__ import annotations

import copy
from concurrent.futures import Future

from textual import work
from textual.worker import Worker, WorkerState

from pm_tui.errors import PmTuiError
from pm_tui.model import PostMortem
from pm_tui.workflow import views
from screens.messages import DistributionDone, ReportOpened, TicketsDone


class AppTasks:
    """Needs from the app: repo, pm, clock, read_only, notify, save_file, step, screen."""

    _candidates: dict[str, list]
    _insights_prefetch: Future | None = None

    # --- timeline candidates (steps 1 and 2) ----------------------------------------------
    def candidates_for(self, pm: PostMortem) -> list:
        """Timeline candidates for `pm` not dismissed, loaded once per session."""
        if pm.id not in self._candidates:
            # The timeline reconstruction's modules load with step 2, not with the first paint.
            from pm_tui.workflow import candidates as candidates_flow

            try:
                self._candidates[pm.id] = candidates_flow.pending_candidates(self.repo, pm)
            except PmTuiError as exc:
                self.notify(str(exc), severity="error")
                self._candidates[pm.id] = []
        return self._candidates[pm.id]

    def rebuild_candidates(self, pm: PostMortem) -> int:
        """Reconstruct and store the candidates from the kept evidence; safe in a worker thread.

        The cache is reset on the UI thread by `forget_candidates` when the worker reports.
        """
        from pm_tui.workflow import candidates as candidates_flow

        return len(candidates_flow.rebuild_candidates(self.repo, pm).candidates)

    def forget_candidates(self, pm_id: str) -> None:
        """Drop the cached candidates so step 2 reads the stored ones again."""
        self._candidates.pop(pm_id, None)

    def dismiss_candidates(self, pm: PostMortem, ids: list[str]) -> None:
        """Remember dismissed candidates across sessions (a failure is shown, not raised)."""
        from pm_tui.workflow import candidates as candidates_flow

        try:
            candidates_flow.dismiss_candidates(self.repo, pm.id, ids)
        except (PmTuiError, OSError) as exc:
            self.notify(f"Dismissal not kept: {exc}", severity="error")

    def undismiss_candidates(self, pm: PostMortem, ids: list[str]) -> None:
        """An undone dismissal: the candidates are listed again in every session."""
        from pm_tui.workflow import candidates as candidates_flow

        try:
            candidates_flow.undismiss_candidates(self.repo, pm.id, ids)
        except (PmTuiError, OSError) as exc:
            self.notify(f"Dismissal not taken back on disk: {exc}", severity="error")

    def metric_series_for(self, pm: PostMortem) -> list:
        """Metric series from the kept evidence ([] when none or unreadable)."""
        try:
            return views.metric_series(self.repo, pm)
        except PmTuiError:
            return []

    # --- repository-wide reads (called from screens' workers) -----------------------------
    def related_for(self, pm: PostMortem) -> list:
        """Past incidents related to `pm`; safe in a worker thread."""
        return views.related_incidents(self.repo, pm)

    def prefetch_insights(self) -> None:
        """Read the Insights screen's records and sum them for its first filters, in a thread,
        once the start screen has painted: `i` then shows them in the time the screen takes to
        draw (bench/bench_insights_screen.py). Taken once; the next opening reads again."""
        future: Future = Future()
        self._insights_prefetch = future
        today, repo = self.clock().date(), self.repo

        def read() -> None:
            try:
                future.set_result(views.insights_first_view(repo, today))
            except BaseException as exc:  # noqa: BLE001 - handed to whoever takes it
                future.set_exception(exc)

        self.run_worker(read, thread=True, exit_on_error=False, group="insights-prefetch")

    def insights_read_ahead(self) -> tuple | None:
        """What `prefetch_insights` read, when it is done (then taken), else None."""
        future = self._insights_prefetch
        if future is None or not future.done() or future.exception() is not None:
            return None
        self._insights_prefetch = None
        return future.result()

    def insights_records(self) -> tuple:
        """(catalog, file histories, the first filters' insights or None) of the repository
        for the Insights screen; safe in a worker thread."""
        future, self._insights_prefetch = self._insights_prefetch, None
        if future is not None:
            try:
                return future.result()
            except Exception:  # noqa: BLE001, S110 - read again below; its error is shown then
                pass
        catalog, history = views.insights_records(self.repo)
        return catalog, history, None

    def decide_recurrence(self, pairs: list[tuple[str, str]], decision: str):
        """Confirm, reject or remove suggested recurrences (`pm_tui.workflow.recurrence`, as
        `pm-tui link`): the newer files written and committed; safe in a worker thread."""
        from pm_tui.workflow.recurrence import decide_recurrence

        return decide_recurrence(self.repo, pairs, decision)

    def open_action_review(self) -> dict[str, list]:
        """Open action items of the whole repository by owner; safe in a worker thread."""
        return views.open_action_review(self.repo, self.clock().date())

    # --- report: preview, export and distribution (step 5) --------------------------------
    def report_preview(self, pm: PostMortem, graphs: dict[str, str] | None = None) -> str:
        """The Markdown report as exported (team template included; `graphs` says where the
        graphs are drawn), or why it cannot be made."""
        from pm_tui.workflow.report import render_report

        try:
            return render_report(self.repo, pm, graphs=graphs)
        except PmTuiError as exc:
            return f"**The report cannot be rendered:** {exc}"

    def report_paths(self, pm: PostMortem) -> dict:
        """Where the report, its graphs and the HTML report are written."""
        from pm_tui.workflow.report import report_paths

        return report_paths(self.repo, pm)

    def gated(self, action: str, go) -> None:
        """Run `go(force, reason)` when the publishing gate lets `action` through; else show
        the findings in the way and offer to go ahead with a reason (recorded in the file)."""
        from pm_tui.workflow import gate

        blocking = gate.blocking(self.pm, action, self.clock().date())
        if not blocking:
            go(False, "")
            return
        from screens.gate_modal import GateModal

        def answer(values: dict | None) -> None:
            if values:
                go(True, values["reason"])
            else:
                self.notify(
                    gate.blocked_message(action, blocking),
                    title="Not done",
                    severity="warning",
                    timeout=10,
                )

        self.push_screen(GateModal(gate.PublishBlocked(action, blocking)), answer)

    def action_export(self) -> None:
        if self.pm is None:
            return
        if self.pm.status == "published" and not self.read_only:  # exporting as published
            self.gated("publish", self._export)
        else:
            self._export(False, "")

    def _export(self, force: bool, reason: str) -> None:
        from pm_tui.workflow.report import export_report

        publish = self.pm.status == "published" and not self.read_only
        overrides = len(self.pm.overrides)
        try:
            written = export_report(self.repo, self.pm, publish=publish, force=force, reason=reason)
        except (PmTuiError, OSError) as exc:
            self.notify(f"Export failed: {exc}", severity="error")
            return
        if len(self.pm.overrides) != overrides:
            self._save_and_commit(written.commit_message("report published"))
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
        from pm_tui.workflow.report import open_report

        try:
            path, error = open_report(self.repo, pm)
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
        from pm_tui.config import load_config
        from pm_tui.workflow.distribute import DistributeOptions, default_slack_env
        from screens.distribute_modal import DistributeModal

        try:
            slack_env = default_slack_env(load_config())
        except PmTuiError as exc:
            self.notify(str(exc), severity="error")
            return

        def start(force: bool, reason: str) -> None:
            def answer(choice: dict | None) -> None:
                if not choice:
                    return
                options = DistributeOptions(
                    slack_env=slack_env if choice["slack"] else None,
                    emails=choice["recipients"],
                    force=force,
                    reason=reason,
                )
                self.notify("Sending the report…")
                self._distribute(copy.deepcopy(self.pm), options, self.clock())

            self.push_screen(DistributeModal(slack_env), answer)

        self.gated("distribute", start)

    @work(thread=True, exit_on_error=False, exclusive=True, group="distribute")
    def _distribute(self, pm: PostMortem, options, now) -> None:
        from pm_tui.config import load_config
        from pm_tui.workflow.distribute import Distributed, distribute_report

        before = len(pm.overrides)
        try:
            done = distribute_report(self.repo, pm, options, load_config(), now)
        except PmTuiError as exc:
            done = Distributed(failed=[str(exc)])
        self.post_message(DistributionDone(done, pm.overrides[before:]))

    # Named handlers, not @on: @on needs the class to be a MessagePump, and this is a mixin.
    def on_distribution_done(self, message: DistributionDone) -> None:
        done = message.outcome
        if done.late:
            self.notify(done.late.capitalize(), title="Late", severity="warning", timeout=10)
        if self.pm is not None and done.sent:
            self.pm.distribution.extend(copy.deepcopy(done.sent))
            self.pm.overrides.extend(copy.deepcopy(message.overrides))
            self._save_and_commit(done.commit_message("report distributed"))
            self.notify(f"Report sent ({', '.join(done.changed)}).")
        if done.failed:
            self.notify(done.failed[0], title="Not sent", severity="error", timeout=10)

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

        def start(force: bool, reason: str) -> None:
            self.notify("Creating tickets…")
            self._create_tickets(copy.deepcopy(self.pm), force, reason)

        self.gated("tickets", start)

    @work(thread=True, exit_on_error=False, exclusive=True, group="tickets")
    def _create_tickets(self, pm: PostMortem, force: bool = False, reason: str = "") -> None:
        from pm_tui.config import load_config
        from pm_tui.workflow.tickets import Ticketed, TicketOptions, create_tickets

        before = len(pm.overrides)
        try:
            options = TicketOptions(force=force, reason=reason)
            done = create_tickets(self.repo, pm, options, load_config())
        except PmTuiError as exc:
            done = Ticketed(failed=[str(exc)])
        self.post_message(TicketsDone(done, pm.overrides[before:]))

    def on_tickets_done(self, message: TicketsDone) -> None:
        done = message.outcome
        changed = bool(message.overrides)
        if self.pm is not None:
            self.pm.overrides.extend(copy.deepcopy(message.overrides))
            for item in self.pm.actions:
                url = done.urls.get(item.id)
                if url and item.tracker_url != url:
                    item.tracker_url, changed = url, True
        if changed:
            self._save_and_commit(done.tracked_message())
            self._refresh_screen("actions")
        made = sum(r.outcome == "created" for r in done.results)
        if done.failed:
            self.notify(done.failed[0], title="Tickets", severity="error", timeout=10)
        else:
            self.notify(f"{made} ticket(s) created in {done.target}; links recorded.")

    def action_schedule_follow_up(self) -> None:
        if self.pm is None:
            return
        if self.read_only:
            self.notify("Read-only window: nothing scheduled.", severity="warning")
            return
        from pm_tui.workflow.follow_up import default_calendar_path, schedule_follow_up

        before = self.pm.follow_up_review
        try:
            done = schedule_follow_up(
                self.repo, self.pm, self.clock(), path=default_calendar_path(self.repo, self.pm)
            )
        except (PmTuiError, OSError) as exc:
            done = None
            self.notify(f"Calendar not written: {exc}", severity="error")
        if self.pm.follow_up_review != before:
            self._dirty = True
            self.save_file()
            self._refresh_screen("follow_up_review")
        if done is None:
            return
        self.notify(
            f"Follow-up review on {self.pm.follow_up_review.isoformat()}: "
            f"{done.path.relative_to(self.repo.root)} (import it into your calendar)"
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
