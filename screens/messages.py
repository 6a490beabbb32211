"""Messages screens post to the app. Screens edit the model and say so; the app decides."""

from __future__ import annotations

from textual.message import Message


class PostMortemChanged(Message):
    """The working post-mortem was edited (`section` says where, e.g. "timeline")."""

    def __init__(self, section: str) -> None:
        super().__init__()
        self.section = section


class Validated(Message):
    """The validation worker ended: `findings` for version `version` of post-mortem `pm_id`."""

    def __init__(self, pm_id: str, version: int, findings: list, error: str = "") -> None:
        super().__init__()
        self.pm_id, self.version, self.findings, self.error = pm_id, version, findings, error


class ReplayKeys(Message):
    """A step has loaded: the keys typed while it loaded are handled now."""


class CollectProgress(Message):
    """Progress of one source in step 1 (posted from the collection worker)."""

    def __init__(
        self, index: int, state: str, done: int = 0, total: int | None = None, note: str = ""
    ) -> None:
        super().__init__()
        self.index, self.state, self.done, self.total, self.note = index, state, done, total, note


class CollectFinished(Message):
    """The collection worker ended; `sources` are the model records it produced (index → source)."""

    def __init__(self, sources: dict, cancelled: bool = False) -> None:
        super().__init__()
        self.sources = sources
        self.cancelled = cancelled


class CandidatesRebuilt(Message):
    """Timeline candidates were reconstructed from the kept evidence (`count` of them)."""

    def __init__(self, pm_id: str, count: int, error: str = "") -> None:
        super().__init__()
        self.pm_id, self.count, self.error = pm_id, count, error


class Loaded(Message):
    """A worker read something for a screen to show (`what` names it, `data` is it)."""

    def __init__(self, what: str, data: object, error: str = "") -> None:
        super().__init__()
        self.what, self.data, self.error = what, data, error


class DistributionDone(Message):
    """The distribution worker ended: its `pm_tui.workflow.distribute.Distributed` outcome."""

    def __init__(self, outcome, overrides: list | None = None) -> None:
        super().__init__()
        self.outcome = outcome
        self.overrides = overrides or []  # gate overrides recorded on the worker's copy


class ReportOpened(Message):
    """The open-report worker ended: the HTML report's path (None if not written), any error."""

    def __init__(self, path, error: str) -> None:
        super().__init__()
        self.path, self.error = path, error


class TicketsDone(Message):
    """The ticket worker ended: its `pm_tui.workflow.tickets.Ticketed` outcome."""

    def __init__(self, outcome, overrides: list | None = None) -> None:
        super().__init__()
        self.outcome = outcome
        self.overrides = overrides or []  # gate overrides recorded on the worker's copy


class EvidenceScanned(Message):
    """An evidence folder was classified (step 1's add evidence): its files, or the error."""

    def __init__(self, files: list, error: str = "") -> None:
        super().__init__()
        self.files = files
        self.error = error
