"""Factor hints for step 3: patterns in the curated timeline that often point to a contributing
factor, each citing the rows behind it. Suggestions only: nothing is added to the analysis."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import timedelta

from pm_tui.durations import format_duration
from pm_tui.model import PostMortem, TimelineEvent
from pm_tui.timeline.signals import CAPACITY_RE

CHANGE_BEFORE = timedelta(hours=2)
DETECTION_GAP = timedelta(minutes=5)
SLOW_ACK = timedelta(minutes=10)
AD_HOC_RE = re.compile(
    r"\b(manual(?:ly)?|ad[- ]hoc|by hand|kubectl|hotfix|flag|toggle[d]?|restart(?:ed)?|"
    r"scaled?|config(?:uration)?|enabled?|disabled?|ssh|killed|workaround)\b|=on\b|=off\b",
    re.I,
)
_SYSTEM_ACTORS = re.compile(r"argo|flux|jenkins|github|gitlab|spinnaker|ci\b|bot\b", re.I)


@dataclass
class FactorHint:
    """A suggested contributing factor: a category from FACTOR_CATEGORIES, why, and the rows."""

    category: str
    description: str
    events: list[str] = field(default_factory=list)
    confidence: float = 0.5

    def as_dict(self) -> dict:
        """JSON-ready form."""
        return {
            "category": self.category,
            "description": self.description,
            "events": list(self.events),
            "confidence": round(self.confidence, 2),
        }


def factor_hints(pm: PostMortem) -> list[FactorHint]:
    """Suggested factors from the curated timeline; the person decides which to keep."""
    rows = sorted(pm.timeline, key=lambda e: e.time)
    first = _first(rows, "first_symptom")
    detect = _first(rows, "alert_fired", "paged")
    hints: list[FactorHint] = []
    if first is not None:
        changes = [
            e
            for e in rows
            if e.kind == "change" and first.time - CHANGE_BEFORE <= e.time <= first.time
        ]
        if changes:
            last = changes[-1]
            gap = format_duration(first.time - last.time)
            hints.append(
                FactorHint(
                    "change-management",
                    f"A change came {gap} before the first symptom: “{_short(last)}”. Was it the trigger, "
                    "and would a canary or a staged rollout have caught it?",
                    [last.id, first.id],
                    0.6,
                )
            )
    capacity = [e for e in rows if CAPACITY_RE.search(e.text)]
    if capacity:
        hints.append(
            FactorHint(
                "capacity",
                f"Resource exhaustion shows in the timeline: “{_short(capacity[0])}”. Was the limit "
                "sized for this load, and is its usage watched?",
                [e.id for e in capacity[:5]],
                0.6,
            )
        )
    if first is not None and detect is not None and detect.time - first.time > DETECTION_GAP:
        hints.append(
            FactorHint(
                "monitoring",
                f"The first alert or page came {format_duration(detect.time - first.time)} after the "
                "first symptom: a detection gap. Which signal could have alerted sooner?",
                [first.id, detect.id],
                0.7,
            )
        )
    page = _first(rows, "paged")
    ack = _first(rows, "acknowledged")
    if page is not None and ack is not None and ack.time - page.time > SLOW_ACK:
        hints.append(
            FactorHint(
                "process",
                f"The page was acknowledged {format_duration(ack.time - page.time)} after it was sent: "
                "does the paging policy reach someone who can respond in time?",
                [page.id, ack.id],
                0.6,
            )
        )
    ad_hoc = [
        e
        for e in rows
        if e.kind == "mitigation"
        and (AD_HOC_RE.search(e.text) or "slack" in e.source.lower())
        and not _SYSTEM_ACTORS.search(e.actor or "")
    ]
    if ad_hoc:
        hints.append(
            FactorHint(
                "runbook",
                f"The mitigation looks like an ad-hoc action: “{_short(ad_hoc[0])}”. Is it written "
                "down in a runbook so the next on-call can do it quickly?",
                [e.id for e in ad_hoc[:3]],
                0.4,
            )
        )
    return hints


def _first(rows: list[TimelineEvent], *kinds: str) -> TimelineEvent | None:
    return next((e for e in rows if e.kind in kinds), None)


def _short(event: TimelineEvent, limit: int = 100) -> str:
    text = event.text.strip().split("\n", 1)[0]
    return text if len(text) <= limit else text[: limit - 1] + "…"
