"""A candidate timeline row: what the evidence suggests happened, and where it shows."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import PurePath

from pm_tui.collectors.common import iso, parse_time

MAX_EXCERPT = 240


@dataclass
class EvidenceLink:
    """One piece of evidence behind a candidate: its source, time and a short excerpt."""

    source: str
    time: datetime
    excerpt: str

    def as_dict(self) -> dict:
        """JSON-ready form (time as UTC ISO text)."""
        return {"source": self.source, "time": iso(self.time), "excerpt": self.excerpt}


@dataclass
class Candidate:
    """A proposed timeline row. `kind` is one of pm_tui.model.EVENT_KINDS; `time` aware UTC."""

    id: str
    kind: str
    time: datetime
    text: str
    sources: list[str] = field(default_factory=list)
    actor: str = ""
    confidence: float = 0.5
    evidence: list[EvidenceLink] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        """JSON-ready form, stable keys (docs/json-export.md)."""
        return {
            "id": self.id,
            "kind": self.kind,
            "time": iso(self.time),
            "text": self.text,
            "sources": list(self.sources),
            "actor": self.actor,
            "confidence": round(self.confidence, 2),
            "evidence": [link.as_dict() for link in self.evidence],
            "tags": list(self.tags),
        }

    @classmethod
    def from_dict(cls, data: dict) -> Candidate:
        """The inverse of `as_dict`; raises KeyError/ValueError on a malformed record."""
        return cls(
            id=str(data["id"]),
            kind=str(data["kind"]),
            time=parse_time(data["time"]),
            text=str(data["text"]),
            sources=[str(s) for s in data.get("sources", [])],
            actor=str(data.get("actor", "")),
            confidence=float(data.get("confidence", 0.5)),
            evidence=[
                EvidenceLink(str(e["source"]), parse_time(e["time"]), str(e.get("excerpt", "")))
                for e in data.get("evidence", [])
            ],
            tags=[str(t) for t in data.get("tags", [])],
        )


def candidate_id(kind: str, time: datetime, key: str) -> str:
    """A stable id: the same evidence gives the same id on every rebuild."""
    digest = hashlib.sha1(f"{kind}|{iso(time)}|{key}".encode()).hexdigest()
    return f"C-{digest[:10]}"


def source_label(source: str) -> str:
    """A short, readable name for an evidence source: `kind:/long/path/file.log` -> `file.log`."""
    kind, _, target = source.partition(":")
    if not target or kind not in _KINDS:
        kind, target = "", source
    if "/" in target or "\\" in target:
        target = PurePath(target.split("#")[0]).name + (
            f" #{target.split('#', 1)[1]}" if "#" in target else ""
        )
    if kind in ("pagerduty", "slack", "kube-events", "alert-notifications", "changes") or (
        kind in ("loki", "elasticsearch", "opensearch", "clickhouse", "cloudwatch")
    ):
        return f"{kind} {target}".strip()
    return target or kind


def excerpt(text: str, limit: int = MAX_EXCERPT) -> str:
    """The first line of `text`, cut to `limit` characters."""
    line = text.strip().split("\n", 1)[0]
    return line if len(line) <= limit else line[: limit - 1] + "…"


_KINDS = {
    "logs",
    "kubectl",
    "kube-events",
    "prometheus",
    "alertmanager",
    "alert-notifications",
    "pagerduty",
    "slack",
    "changes",
    "loki",
    "elasticsearch",
    "opensearch",
    "clickhouse",
    "cloudwatch",
}
