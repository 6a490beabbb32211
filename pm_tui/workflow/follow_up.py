"""Use case: schedule the follow-up review (four weeks on) and write it as iCalendar."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time
from pathlib import Path
from typing import TYPE_CHECKING

from pm_tui.model import PostMortem
from pm_tui.workflow.outcome import Outcome

if TYPE_CHECKING:
    from pm_tui.postmortem_store import Repository

REVIEWS_DIR = "reviews"


@dataclass
class Scheduled(Outcome):
    """The calendar text, and where it was written (None: not written)."""

    calendar: str = ""
    path: Path | None = None


def default_calendar_path(repo: Repository, pm: PostMortem) -> Path:
    """`reviews/<id>.ics` in the repository: where the wizard writes the follow-up (a valid
    id, proven inside the repository)."""
    from pm_tui.safepath import check_id, inside

    return inside(repo.root, repo.root / REVIEWS_DIR / f"{check_id(pm.id)}.ics")


def schedule_follow_up(
    repo: Repository,
    pm: PostMortem,
    now: datetime,
    *,
    weekly: bool = False,
    at: time | None = None,
    path: str | Path | None = None,
) -> Scheduled:
    """Set `pm.follow_up_review` when unset, and make the calendar (written to `path` when given)."""
    from pm_tui.schedule import calendar, ensure_follow_up

    out = Scheduled()
    if ensure_follow_up(pm):
        out.changed.append(f"follow-up review scheduled for {pm.follow_up_review.isoformat()}")
    out.calendar = calendar(pm, now=now, weekly=weekly, at=at)
    if path is not None:
        from pm_tui.atomic_write import atomic_write_text

        out.path = Path(path)
        atomic_write_text(out.path, out.calendar)
    return out
