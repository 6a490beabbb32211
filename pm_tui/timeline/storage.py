"""Candidates kept beside the post-mortem: `<id>.evidence/candidates.json`, written atomically."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from pm_tui.errors import PmTuiError
from pm_tui.timeline.candidate import Candidate

if TYPE_CHECKING:
    from pm_tui.postmortem_store import Repository

CANDIDATES_FILE = "candidates.json"
FORMAT_VERSION = 1


def save_candidates(repo: Repository, pm_id: str, candidates: list[Candidate]) -> None:
    """Write the candidates for `pm_id` (replacing earlier ones), atomically."""
    from pm_tui.atomic_write import atomic_write_text

    data = {"format": FORMAT_VERSION, "candidates": [c.as_dict() for c in candidates]}
    text = json.dumps(data, indent=1, ensure_ascii=False) + "\n"
    atomic_write_text(repo.evidence_dir(pm_id) / CANDIDATES_FILE, text)


def load_candidates(repo: Repository, pm_id: str) -> list[Candidate]:
    """The stored candidates for `pm_id`; none when the timeline was never rebuilt."""
    path = repo.evidence_dir(pm_id) / CANDIDATES_FILE
    if not path.exists():
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return [Candidate.from_dict(item) for item in data["candidates"]]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise PmTuiError(
            f"{path}: not a candidates file ({exc}): run 'pm-tui timeline {pm_id} --rebuild'"
        ) from exc


DISMISSED_FILE = "dismissed.json"


def load_dismissed(repo: Repository, pm_id: str) -> set[str]:
    """The ids of candidates the person dismissed for `pm_id` (empty when none)."""
    path = repo.evidence_dir(pm_id) / DISMISSED_FILE
    if not path.exists():
        return set()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {str(i) for i in data["dismissed"]}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise PmTuiError(
            f"{path}: not a dismissed-candidates file ({exc}): delete it to show all candidates"
        ) from exc


def save_dismissed(repo: Repository, pm_id: str, ids: set[str] | list[str]) -> None:
    """Keep the dismissed candidate ids for `pm_id` (sorted, replacing earlier ones), atomically."""
    from pm_tui.atomic_write import atomic_write_text

    data = {"format": FORMAT_VERSION, "dismissed": sorted(set(ids))}
    text = json.dumps(data, indent=1, ensure_ascii=False) + "\n"
    atomic_write_text(repo.evidence_dir(pm_id) / DISMISSED_FILE, text)


def dismiss(repo: Repository, pm_id: str, ids: list[str]) -> set[str]:
    """Add `ids` to the dismissed candidates of `pm_id`; returns the whole set now kept."""
    kept = load_dismissed(repo, pm_id) | set(ids)
    save_dismissed(repo, pm_id, kept)
    return kept


def undismiss(repo: Repository, pm_id: str, ids: list[str]) -> set[str]:
    """Take `ids` out of the dismissed candidates of `pm_id`; returns the set now kept."""
    kept = load_dismissed(repo, pm_id) - set(ids)
    save_dismissed(repo, pm_id, kept)
    return kept
