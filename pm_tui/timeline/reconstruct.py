"""From evidence to candidate timeline rows: run the detectors, then merge the signals that
describe one happening (compatible family, close in time) into one candidate citing them all.

Linear in the evidence: each detector makes one pass, log records are folded into templates
and access logs arrive as 10-second buckets, never one record per request.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from pm_tui.collectors.evidence import CollectWindow, Evidence
from pm_tui.timeline.candidate import Candidate, EvidenceLink, candidate_id, source_label
from pm_tui.timeline.detect_events import alert_signals, change_signals, chat_signals, page_signals
from pm_tui.timeline.detect_logs import access_signals, template_signals
from pm_tui.timeline.detect_metrics import metric_signals
from pm_tui.timeline.signals import Signal, periods
from pm_tui.timeline.templates import mine

# How far from a cluster's first signal another signal may be and still join it.
JOIN = {
    "symptom": timedelta(seconds=60),
    "recovery": timedelta(minutes=3),
    "communication": timedelta(minutes=3),
}
DEFAULT_JOIN = timedelta(minutes=2)
MAX_LINKS = 8
MAX_TEXT = 420
MAX_SYMPTOM_CANDIDATES = 8

_KIND = {
    "recovery": "recovery",
    "alert_pending": "other",
    "alert_fired": "alert_fired",
    "alert_resolved": "alert_resolved",
    "paged": "paged",
    "acknowledged": "acknowledged",
    "resolved": "resolved",
    "change": "change",
    "mitigation": "mitigation",
    "diagnosis": "diagnosis",
    "communication": "communication",
}


@dataclass
class _Cluster:
    family: str
    signals: list[Signal] = field(default_factory=list)

    @property
    def anchor(self) -> datetime:
        return self.signals[0].time

    @property
    def key(self) -> str:
        return next((s.key for s in self.signals if s.key), "")

    @property
    def time(self) -> datetime:
        """The earliest machine record; for a recovery the latest (all symptoms gone)."""
        top = max(s.authority for s in self.signals)
        times = [s.time for s in self.signals if s.authority == top]
        if self.family != "recovery":
            return min(times)
        # back to normal is best judged by traffic and metrics, not by one kind of error ending
        normal = [s.time for s in self.signals if "normal" in s.tags]
        return max(normal or times)

    @property
    def machine(self) -> bool:
        return any(s.authority > 1 for s in self.signals)


def reconstruct(evidence: list[Evidence], window: CollectWindow) -> list[Candidate]:
    """Candidate timeline rows from normalised evidence, in time order, each citing its evidence."""
    p = periods(window)
    data_end = _data_ends(evidence)
    signals: list[Signal] = []
    signals += template_signals(mine(evidence), p, data_end.get("logs", window.end))
    signals += access_signals(evidence, p, data_end.get("logs", window.end))
    signals += metric_signals(evidence, p)
    signals += alert_signals(evidence)
    signals += page_signals(evidence)
    signals += change_signals(evidence, p)
    signals += chat_signals([e for e in evidence if e.kind == "message"])
    # only what happens after the baseline can be part of the incident (changes may be earlier)
    signals = [s for s in signals if s.family == "change" or s.time >= p.base_end]
    signals = [s for s in signals if s.time <= window.end + timedelta(hours=1)]

    symptoms = _merge([s for s in signals if s.family == "symptom"])
    symptoms = _keep_strongest(symptoms)
    recoveries = _merge([s for s in signals if s.family == "recovery"])
    first = min((c.time for c in symptoms if c.machine), default=None)
    # the main recovery: the best-supported one (several sources saying so), earliest on ties
    main = max(
        (c for c in recoveries if c.machine),
        key=lambda c: (round(_confidence(c), 2), -c.time.timestamp()),
        default=None,
    )
    last_recovery = main.time if main is not None else None
    for s in signals:
        if s.family == "change" and "commit" in s.tags:
            continue
        if s.family == "change" and first is not None and s.time > first:
            if last_recovery is None or s.time <= last_recovery + timedelta(minutes=2):
                s.family = "mitigation"
        elif s.family == "mitigation" and (
            first is None
            or s.time <= first
            or (last_recovery is not None and s.time > last_recovery + timedelta(minutes=2))
        ):
            s.family = "change"
    rest = _merge([s for s in signals if s.family not in ("symptom", "recovery")])
    # the first symptom: the first cluster showing failures (errors, 5xx, OOM kills), or if
    # there are none, the first of any; slowness or warnings before it are early signs
    failing = [c for c in symptoms if any("error" in s.tags for s in c.signals)]
    first_cluster = min(failing or symptoms, key=lambda c: c.time, default=None)
    candidates = []
    for cluster in [*symptoms, *recoveries, *rest]:
        if cluster.family == "symptom":
            kind = "first_symptom" if cluster is first_cluster else "other"
        else:
            kind = _KIND[cluster.family]
        candidates.append(_candidate(cluster, kind))
    candidates.sort(key=lambda c: (c.time, c.kind))
    return candidates


def _data_ends(evidence: list[Evidence]) -> dict[str, datetime]:
    ends: dict[str, datetime] = {}
    for item in evidence:
        key = "logs" if item.kind == "log" else item.kind
        if key not in ends or item.time > ends[key]:
            ends[key] = item.time
    return ends


def _merge(signals: list[Signal]) -> list[_Cluster]:
    """Greedy, in time order: a signal joins the open cluster of its family within reach."""
    clusters: list[_Cluster] = []
    open_by_family: dict[str, list[_Cluster]] = {}
    for s in sorted(signals, key=lambda s: (s.time, -s.authority)):
        reach = JOIN.get(s.family, DEFAULT_JOIN)
        home = None
        for cluster in reversed(open_by_family.get(s.family, [])):
            if s.time - cluster.anchor > reach:
                break
            if s.key and cluster.key and s.key != cluster.key:
                continue
            home = cluster
            break
        if home is None:
            home = _Cluster(s.family)
            clusters.append(home)
            open_by_family.setdefault(s.family, []).append(home)
        home.signals.append(s)
    # a message that only repeats what a machine record already shows joins it even if late
    return [c for c in clusters if c.signals]


def _keep_strongest(clusters: list[_Cluster]) -> list[_Cluster]:
    """Bound the symptom candidates a person must read: the strongest few, always the first."""
    if len(clusters) <= MAX_SYMPTOM_CANDIDATES:
        return clusters
    ranked = sorted(clusters, key=lambda c: -_confidence(c))
    keep = {id(c) for c in ranked[:MAX_SYMPTOM_CANDIDATES]}
    keep.add(id(min(clusters, key=lambda c: c.time)))
    return [c for c in clusters if id(c) in keep]


def _confidence(cluster: _Cluster) -> float:
    miss = 1.0
    for s in cluster.signals:
        miss *= 1.0 - s.confidence
    return min(0.99, 1.0 - miss)


def _candidate(cluster: _Cluster, kind: str) -> Candidate:
    ordered = sorted(cluster.signals, key=lambda s: (-s.authority, -s.confidence, s.time))
    lead = ordered[0]
    seen = {lead.text}
    also = []
    for s in ordered[1:]:
        if s.text not in seen and len(also) < 2:
            seen.add(s.text)
            also.append(s.text)
    text = lead.text + ("; also " + "; ".join(also) if also else "")
    if len(text) > MAX_TEXT:
        text = text[: MAX_TEXT - 1] + "…"
    by_time = sorted(cluster.signals, key=lambda s: s.time)
    sources = list(dict.fromkeys(source_label(s.source) for s in by_time))
    actor = next((s.actor for s in ordered if s.actor), "")
    tags = sorted({t for s in cluster.signals for t in s.tags})
    links = [EvidenceLink(source_label(s.source), s.time, s.excerpt) for s in by_time[:MAX_LINKS]]
    time = cluster.time
    return Candidate(
        id=candidate_id(kind, time, f"{lead.source}|{lead.text[:80]}"),
        kind=kind,
        time=time,
        text=text,
        sources=sources,
        actor=actor,
        confidence=round(_confidence(cluster), 2),
        evidence=links,
        tags=tags,
    )
