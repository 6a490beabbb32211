"""Signals: what one detector saw in one source, before signals are merged into candidates.

Also the shared statistics: the baseline period before the incident and a cheap Poisson
tail bound, so every detector judges "sharply more than usual" the same way.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from pm_tui.collectors.evidence import CollectWindow

# Families group signals that can describe the same happening.
FAMILIES = (
    "symptom",
    "recovery",
    "alert_pending",
    "alert_fired",
    "alert_resolved",
    "paged",
    "acknowledged",
    "resolved",
    "change",
    "mitigation",
    "diagnosis",
    "communication",
)

CAPACITY_RE = re.compile(
    r"pool (?:limit|exhausted|is full|timeout)|queuepool|connection pool|too many connections|"
    r"max_connections|out of memory|\boom|oomkill|memory cgroup|no space left|disk (?:is )?full|"
    r"enospc|emfile|too many open files|throttl|rate.?limit|resource(?:s)? exhausted|"
    r"quota exceeded|exhausted|saturat",
    re.I,
)

# Infrastructure failing under the service, written by the kernel or a replicated store at no
# error level (a kernel line has none, a replica's reconnects are logged at info): a kernel table
# full or overflowing (conntrack, neighbour/ARP, routes) and dropping packets, or a replica losing
# its link to the primary (Redis, PostgreSQL's WAL stream, MySQL's I/O thread, a Kafka follower's
# fetches); and the network path down (PATH_DOWN_RE below). A warning whatever the line's
# level, and an event the first time it appears.
PRECURSOR_RE = re.compile(
    r"\btable (?:is )?(?:full|overflow)|\btable overflow|dropping packets?\b|"
    r"\bsyn flooding\b|out of socket memory|"
    r"connection (?:with|to) (?:the )?(?:master|primary|leader|source)\b[^\n]{0,20}?"
    r"\b(?:lost|closed|broken|timed out|failed|reset)|"
    r"\blost (?:the |its )?(?:connection|link) (?:with|to) (?:the )?(?:master|primary|leader|source)|"
    r"\b(?:master|primary|replication) link (?:is )?down|master_link_status:down|"
    r"\btimeout connecting to (?:the )?(?:master|primary)|\b(?:master|primary) timeout\b|"
    r"could not receive data from wal stream|error reconnecting to (?:master|source)|"
    r"\berror (?:in response for|sending|in|reading) fetch (?:request|response)|"
    r"\bfetch(?:er)? (?:request|connection|session)s? (?:to \S+ )?(?:failed|lost|timed out)",
    re.I,
)

# The network path under the service failing: a routing or liveness session to a peer going
# down (BGP, BFD, OSPF: a hold or detect timer expiring, a state falling from up), a link losing
# light or its line protocol, an optic's receive power out of range (not an admin's shutdown),
# or a sender on the path reporting network congestion or heavy loss (an encoder lowering its
# bitrate, retransmitting) before its connection drops.
# A path down is an outage of its own, not load: one such line leads the errors after it.
PATH_DOWN_RE = re.compile(
    r"\bstate (?:up|established|full|init) ?-> ?(?:down|idle|active|connect)\b|"
    r"\bneighbou?r \S+ (?:[\w ]{0,30} )?down\b(?![^\n]{0,12}admin)|"
    r"\bhold ?time(?:r)? expired\b|\bdetect(?:ion)? time(?:r)? expir|"
    r"\b[rt]x (?:optical )?power (?:is )?(?:too )?(?:low|high)\b|\bloss of (?:signal|light)\b|"
    r"\b(?:low|high) [rt]x (?:optical )?power\b|\blost (?:its )?light\b|"
    r"\blink (?:is )?down\b|\bchanged state to down\b|"
    # ... or degraded under load it cannot carry: a sender backing off on congestion or loss
    r"\bnetwork congestion\b|\bheavy (?:packet )?loss\b",
    re.I,
)
# A store or broker reaching its own resource limit and refusing work until it clears, logged at
# warning or info (RabbitMQ's memory or disk alarm blocking publishers, Elasticsearch's disk
# watermarks, a queue's high watermark): the infrastructure failing before its clients do.
RESOURCE_ALARM_RE = re.compile(
    r"\b(?:memory|disk|disk_free|mem)(?: resource)?(?: limit)? alarm (?:set|raised|triggered)\b|"
    r"\b(?:high|flood[ -]stage)(?: disk)? watermark\b[^\n]{0,40}?\b(?:exceeded|reached|breached)\b|"
    r"\b(?:publishers?|producers?|writes?) (?:will be |are |is |being )?blocked\b",
    re.I,
)
# The power under the hardware failing: a UPS on battery, the utility feed lost, a generator
# that did not start, a breaker tripped, a power supply losing its input (a UPS, ATS, PDU or
# BMC log): minutes before the machines go dark.
POWER_LOST_RE = re.compile(
    r"\b(?:switched|transferred|switching|transferring) to battery\b|\bon battery(?: power)?\b|"
    r"\butility (?:power|source|feed) (?:lost|loss|fail\w*|out of range)|"
    r"\binput voltage out of range\b|\bgenerator\b[^\n]{0,30}\b(?:failed|fails|did not start|"
    r"failed to start|not starting)\b|\b(?:mains|utility) power (?:lost|loss|failure)\b|"
    # a machine's power supply losing its input (IPMI's `Power Supply AC lost`, a PSU's
    # redundancy lost), a feed's breaker tripping (a PDU, a panel), a power failure logged
    r"\b(?:power supply|ac) (?:ac |input |power )?lost\b(?![^\n]*\bdeasserted\b)|"
    r"\binput (?:power|voltage) lost\b|"
    r"\b(?:power|psu|ps\d?)\w*\b[^\n]{0,40}\bredundancy (?:is )?lost\b(?![^\n]*\bdeasserted\b)|"
    r"\bbreaker\b[^\n]{0,30}\btrip(?:ped|s)?\b|\btripped\b[^\n]{0,20}\bbreaker\b|"
    r"\bpower (?:loss|lost|failure) (?:detected|on|at)\b",
    re.I,
)
# The storage under a filesystem running out (a thin pool or a volume group with no free
# extents left, LVM failing to extend it): the kernel then queues or fails every write, the
# filesystem above shuts down a minute later. The kernel says so at no error level.
STORAGE_FULL_RE = re.compile(
    r"\bout[- ]of[- ]data[- ]space\b|\bout[- ]of[- ]metadata[- ]space\b|"
    r"\b(?:thin )?pool\b[^\n]{0,60}\b100(?:\.0+)?% full\b|"
    r"\bautoextend failed\b|\binsufficient free (?:space|extents)\b",
    re.I,
)
PRECURSOR_RE = re.compile(
    f"{PRECURSOR_RE.pattern}|{PATH_DOWN_RE.pattern}|{RESOURCE_ALARM_RE.pattern}|"
    f"{POWER_LOST_RE.pattern}|{STORAGE_FULL_RE.pattern}",
    re.I,
)


@dataclass
class Signal:
    """One observation: a time, a family, a sentence, where it was seen and how sure we are.

    `authority` 2 is a machine record (its time is exact), 1 a person's message (said later).
    `key` names the service or alert, so unrelated changes or alerts are not merged.
    """

    time: datetime
    family: str
    text: str
    source: str
    excerpt: str
    confidence: float
    actor: str = ""
    authority: int = 2
    key: str = ""
    tags: tuple[str, ...] = ()
    weight: float = 1.0
    extra: dict = field(default_factory=dict)


@dataclass
class Periods:
    """The baseline (before the incident, with a guard gap) and where onsets are looked for."""

    base_start: datetime
    base_end: datetime

    @property
    def base_minutes(self) -> float:
        return max((self.base_end - self.base_start).total_seconds() / 60, 0.0)


def periods(window: CollectWindow) -> Periods:
    """Baseline = read start to a little before the incident start (early signs stay out of it)."""
    span = window.start - window.read_start
    guard = min(timedelta(minutes=10), span / 3)
    return Periods(window.read_start, window.start - guard)


def log10_tail(k: float, lam: float) -> float:
    """log10 of a Chernoff upper bound on P(X >= k) for X ~ Poisson(lam); 0 when k <= lam."""
    lam = max(lam, 1e-9)
    if k <= lam:
        return 0.0
    return (-lam + k - k * math.log(k / lam)) / math.log(10)


def hhmmss(t: datetime) -> str:
    """'10:05:00' (UTC)."""
    return t.strftime("%H:%M:%S")
