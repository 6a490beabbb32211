"""What the wizard shows that is read from the repository, beside the post-mortem itself:
related incidents, the open action items by owner, the metric series kept as evidence."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from pm_tui.model import PostMortem

if TYPE_CHECKING:
    from pm_tui.postmortem_store import Repository


def related_incidents(repo: Repository, pm: PostMortem) -> list:
    """Past incidents sharing services or factor categories with `pm`."""
    from pm_tui.search import related

    return related(pm, repo)


def open_action_review(repo: Repository, today: date) -> dict[str, list]:
    """Open action items of every post-mortem in the repository, grouped by owner."""
    from pm_tui.catalog import load_all
    from pm_tui.review import by_owner, open_actions

    pms = [s.postmortem for s in load_all(repo) if s.postmortem is not None]
    return by_owner(open_actions(pms, today))


def metric_series(
    repo: Repository, pm: PostMortem
) -> list[tuple[str, list[tuple[datetime, float]]]]:
    """Named metric series from the kept evidence, for the step 2 chart ([] when none)."""
    from pm_tui.report.metrics import repo_series

    return [(s.name, s.points) for s in repo_series(repo, pm)]
