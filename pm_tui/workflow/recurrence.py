"""Use case: a person decides whether two incidents recur, i.e. have the same immediate cause.

    decide_recurrence(repo, [(newer_or_older, other)], "confirm" | "reject" | "remove")

The decision is kept in the newer post-mortem's file (`[recurrence]`: `same_cause_as` for a
confirmed link, `not_same_cause_as` for a rejected suggestion), written atomically by the
store (comments and layout kept) and committed, the files alone, in one commit. `pm-tui link`
and the Insights screen's keys both call it; `pm_tui.insights` counts what it wrote.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pm_tui.errors import PmTuiError, UsageError
from pm_tui.model import PostMortem
from pm_tui.workflow.outcome import Outcome

if TYPE_CHECKING:
    from pm_tui.postmortem_store import Repository

DECISIONS = ("confirm", "reject", "remove")
_SAID = {
    "confirm": "same cause as {older}",
    "reject": "not the same cause as {older}",
    "remove": "no decision on {older}",
}


@dataclass
class RecurrenceDecided(Outcome):
    """What a decision wrote: the (newer, older) pairs it changed, the files and the commit
    (None: not committed, or nothing changed)."""

    decision: str = ""
    pairs: list[tuple[str, str]] = field(default_factory=list)  # (newer, older), changed
    unchanged: list[tuple[str, str]] = field(default_factory=list)  # already so
    paths: list[Path] = field(default_factory=list)
    commit: str | None = None

    def summary(self) -> str:
        """One line for a person: what was decided, written and committed."""
        if not self.pairs:
            pairs = ", ".join(f"{n} and {o}" for n, o in self.unchanged)
            return f"Nothing to write: {pairs} already {_state(self.decision)}."
        said = "; ".join(f"{n}: {_SAID[self.decision].format(older=o)}" for n, o in self.pairs)
        files = ", ".join(p.name for p in self.paths)
        done = f"committed {self.commit[:7]}" if self.commit else "not committed"
        return f"{said} (wrote {files}; {done})."


def _state(decision: str) -> str:
    return {"confirm": "confirmed", "reject": "rejected", "remove": "undecided"}[decision]


def _newer_first(a: PostMortem, b: PostMortem) -> tuple[PostMortem, PostMortem]:
    """(newer, older) by the incidents' starts (then ids): as the insights order them."""
    if (a.window.started, a.id) >= (b.window.started, b.id):
        return a, b
    return b, a


def _apply(newer: PostMortem, older: PostMortem, decision: str) -> None:
    """Record `decision` about `older` in `newer`; a link `older` holds to `newer` (written by
    hand the other way round) goes, so the file of the newer one alone says what was decided."""
    links = newer.recurrence
    same = [i for i in links.same_cause_as if i != older.id]
    not_same = [i for i in links.not_same_cause_as if i != older.id]
    if decision == "confirm":
        same.append(older.id)
    elif decision == "reject":
        not_same.append(older.id)
    links.same_cause_as, links.not_same_cause_as = same, not_same
    back = older.recurrence
    back.same_cause_as = [i for i in back.same_cause_as if i != newer.id]
    back.not_same_cause_as = [i for i in back.not_same_cause_as if i != newer.id]


def _links(pm: PostMortem) -> tuple:
    return tuple(pm.recurrence.same_cause_as), tuple(pm.recurrence.not_same_cause_as)


def decide_recurrence(
    repo: Repository, pairs: list[tuple[str, str]], decision: str, *, commit: bool = True
) -> RecurrenceDecided:
    """Confirm, reject or remove the recurrence link of each pair of post-mortems (ids, or
    unique parts of ids), in the newer one's file; every file saved, then one commit.

    Nothing is written when an id is unknown, a pair names one post-mortem twice, or (when
    committing) a file to write has changes not committed: each is one PmTuiError line."""
    if decision not in DECISIONS:
        raise UsageError(f"decision '{decision}': use one of {', '.join(DECISIONS)}")
    if not pairs:
        raise UsageError("no pair of post-mortems to decide on")
    from pm_tui import gitstore

    loaded: dict[str, PostMortem] = {}

    def load(id_or_part: str) -> PostMortem:
        path = repo.resolve(id_or_part)
        if path.parent != repo.postmortems_dir:
            raise UsageError(f"{id_or_part}: name a post-mortem of the repository by its id")
        pm = loaded.get(path.stem)
        if pm is None:
            pm = loaded[path.stem] = repo.load(path.stem)
        return pm

    ordered = []
    for a, b in pairs:
        first, second = load(a), load(b)
        if first.id == second.id:
            raise UsageError(f"{first.id} twice: a recurrence links two different post-mortems")
        ordered.append(_newer_first(first, second))
    before = {pm_id: _links(pm) for pm_id, pm in loaded.items()}
    out = RecurrenceDecided(decision=decision)
    for newer, older in ordered:
        was = _links(newer), _links(older)
        _apply(newer, older, decision)
        if (_links(newer), _links(older)) == was:
            out.unchanged.append((newer.id, older.id))
        else:
            out.pairs.append((newer.id, older.id))
            out.changed.append(f"{newer.id}: {_SAID[decision].format(older=older.id)}")
    to_write = [pm for pm_id, pm in loaded.items() if _links(pm) != before[pm_id]]
    out.paths = [repo.path_for(pm.id) for pm in to_write]
    if commit:
        dirty = [p for p in out.paths if gitstore.has_uncommitted_changes(repo.root, [p])]
        if dirty:
            raise PmTuiError(
                f"{dirty[0].relative_to(repo.root)} has changes not committed: commit or "
                "discard them first, so that the recurrence decision is committed alone"
            )
    for pm in to_write:
        repo.save(pm)
    if commit and to_write:
        out.commit = gitstore.commit_paths(repo.root, out.paths, _message(out, loaded))
    return out


@dataclass
class RecurrenceView:
    """One post-mortem's recurrence as people and the model see it: its own links, the
    confirmed group it is in (transitively), and the suggestions still to decide."""

    pm: PostMortem
    group: list[str]  # the confirmed group (ids, oldest first), [] when in none
    suggested: list[tuple[str, str, str]]  # (the other id, its cause, why) to decide


def recurrence_view(repo: Repository, id_or_part: str, today) -> RecurrenceView:
    """What `pm-tui link ID` shows: the post-mortem's links, its confirmed group and the
    suggested recurrences that involve it (the same figures as `stats`, unfiltered)."""
    from pm_tui.insights import InsightsQuery, insights_for

    pm = repo.load(id_or_part)
    ins = insights_for(repo.root, InsightsQuery(today=today))
    group = next((g.ids for g in ins.recurrence if g.kind == "confirmed" and pm.id in g.ids), [])
    suggested = []
    for g in ins.suggested:
        for newer, older in g.pairs:
            if pm.id in (newer, older):
                other = older if newer == pm.id else newer
                suggested.append((other, g.label, g.why))
    return RecurrenceView(pm, list(group), suggested)


def _message(out: RecurrenceDecided, loaded: dict[str, PostMortem]) -> str:
    """`<newer>: recurrence: same cause as <older>`, as the store's commits name their
    post-mortem; several pairs: one line each in the body."""
    if len(out.pairs) == 1:
        newer, older = out.pairs[0]
        what = _SAID[out.decision].format(older=older)
        return f"{newer}: recurrence: {what}\n\nPost-mortem: {loaded[newer].title}"
    head = f"recurrence: {len(out.pairs)} links {_state(out.decision)}"
    return head + "\n\n" + "\n".join(out.changed)
