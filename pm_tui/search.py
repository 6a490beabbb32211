"""Searching past post-mortems, and finding the ones related to an incident (recurrences)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from pm_tui.model import PostMortem


@dataclass
class SearchQuery:
    """What to look for; every criterion given must match (empty ones match everything)."""

    text: str = ""
    service: str = ""
    category: str = ""
    severity: str = ""
    since: date | None = None
    until: date | None = None


def searchable_text(pm: PostMortem) -> str:
    """Every human-written text of a post-mortem, lower-cased, for substring search."""
    a, r = pm.analysis, pm.retrospective
    parts = [pm.id, pm.title, pm.summary, pm.root_cause, pm.impact.description, *pm.services]
    parts += [e.text for e in pm.timeline]
    parts += [*a.immediate_causes, *a.systemic_issues, *(f.description for f in a.factors)]
    parts += [w for chain in a.five_whys for w in (chain.problem, *chain.whys)]
    parts += [x.action for x in pm.actions]
    parts += [*r.went_well, *r.went_wrong, *r.lucky, *r.lessons]
    return "\n".join(parts).lower()


def categories(pm) -> set[str]:
    """The factor categories of a post-mortem (or of its record in the repository index)."""
    kept = getattr(pm, "categories", None)
    if kept is not None:
        return set(kept)
    return {f.category for f in pm.analysis.factors}


def matches(pm, q: SearchQuery, text: str | None = None) -> bool:
    """True when `pm` meets every criterion of `q` (text: every word, case-insensitive).

    `pm` is a PostMortem or an index record; for a record, pass its searchable `text`."""
    if q.severity and pm.severity.upper() != q.severity.upper():
        return False
    if q.since and pm.date < q.since:
        return False
    if q.until and pm.date > q.until:
        return False
    if q.service and q.service.lower() not in {s.lower() for s in pm.services}:
        return False
    if q.category and q.category.lower() not in categories(pm):
        return False
    if q.text:
        haystack = text if text is not None else searchable_text(pm)
        return all(word in haystack for word in q.text.lower().split())
    return True


def search(postmortems: Iterable[PostMortem], q: SearchQuery) -> list[PostMortem]:
    """The matching post-mortems, newest first."""
    found = [pm for pm in postmortems if matches(pm, q)]
    found.sort(key=lambda pm: (pm.window.started, pm.id), reverse=True)
    return found


def search_catalog(catalog, q: SearchQuery) -> list:
    """The matching records of a repository index catalog (loaded with its texts), newest first."""
    found = [pm for pm in catalog.postmortems if matches(pm, q, catalog.text_of(pm))]
    found.sort(key=lambda pm: (pm.started, pm.id), reverse=True)
    return found


@dataclass
class Related:
    """A past incident that shares services or factor categories with this one."""

    id: str
    title: str
    date: date
    severity: str
    shared_services: list[str]
    shared_categories: list[str]

    @property
    def score(self) -> int:
        # A shared service says more about recurrence than a shared category.
        return 2 * len(self.shared_services) + len(self.shared_categories)


def related_in(pm: PostMortem, others: Iterable[PostMortem], limit: int = 10) -> list[Related]:
    """The post-mortems among `others` most related to `pm`, strongest first (then newest)."""
    services = {s.lower() for s in pm.services}
    cats = categories(pm)
    found = []
    for other in others:
        if other.id == pm.id:
            continue
        shared_s = sorted(s for s in other.services if s.lower() in services)
        shared_c = sorted(categories(other) & cats)
        if shared_s or shared_c:
            found.append(
                Related(other.id, other.title, other.date, other.severity, shared_s, shared_c)
            )
    found.sort(key=lambda r: (r.score, r.date), reverse=True)
    return found[:limit]


def related(pm: PostMortem, repo, limit: int = 10) -> list[Related]:
    """Past incidents in the repository sharing services or factor categories with `pm`."""
    from pm_tui import repo_index

    return related_in(pm, repo_index.load(repo.root, badges=False).postmortems, limit)
