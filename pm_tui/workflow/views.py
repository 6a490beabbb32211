"""What the wizard shows that is read from the repository, beside the post-mortem itself:
related incidents, the open action items by owner, the metric series kept as evidence, the
list of post-mortems and the records behind the Insights screen."""

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
    from pm_tui import repo_index
    from pm_tui.review import by_owner, open_actions

    return by_owner(open_actions(repo_index.load(repo.root, badges=False).postmortems, today))


def postmortem_ids(repo: Repository) -> frozenset[str]:
    """The ids of the repository's post-mortems, from the file names (what links may name)."""
    from pm_tui.validation.engine import ids_beside

    return ids_beside(repo.postmortems_dir / "x.toml") or frozenset()


def repository_catalog(repo: Repository):
    """Every post-mortem as the repository index sees it (the start screen's list)."""
    from pm_tui import repo_index

    return repo_index.load(repo.root)


def insights_records(repo: Repository) -> tuple:
    """(catalog, file histories) for the Insights screen."""
    from pm_tui.insights import load_records

    return load_records(repo.root)


def insights_first_view(repo: Repository, today: date) -> tuple:
    """(catalog, file histories, the insights for the Insights screen's first filters: every
    post-mortem, by quarter, as of `today`)."""
    from pm_tui.insights import InsightsQuery, compute, load_records

    catalog, history = load_records(repo.root)
    return catalog, history, compute(catalog.postmortems, InsightsQuery(today=today), history)


def metric_series(
    repo: Repository, pm: PostMortem
) -> list[tuple[str, list[tuple[datetime, float]]]]:
    """Named metric series from the kept evidence, for the step 2 chart ([] when none)."""
    from pm_tui.report.metrics import repo_series

    return [(s.name, s.points) for s in repo_series(repo, pm)]
