"""The word gate in front of the timeline's precursor pattern answers exactly as the pattern does.

`gated_search` skips the regex for a line holding none of the words every match needs; a line
the pattern matches must never be skipped (a kernel table full, a BGP neighbour down, a UPS on
battery would stop being the warning that opens the timeline)."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from pm_tui.collectors.evidence import Evidence
from pm_tui.regex_prefilter import gated_search
from pm_tui.timeline.signals import PRECURSOR_RE
from pm_tui.timeline.templates import severity

ROOT = Path(__file__).resolve().parent.parent

PRECURSOR_LINES = [
    "kernel: nf_conntrack: table full, dropping packet",
    "kernel: NF_CONNTRACK: TABLE FULL, DROPPING PACKET",
    "TCP: request_sock_TCP: Possible SYN flooding on port 443",
    "Connection with master lost.",
    "MASTER <-> REPLICA sync: Lost the connection with the Primary",
    "FATAL: could not receive data from WAL stream: server closed the connection",
    "[ReplicaFetcher replicaId=2] Error sending fetch request (sessionId=1) to node 1",
    "%BGP-5-ADJCHANGE: neighbor 10.0.0.2 Down BGP Notification sent",
    "BFD session 7: Detection Time expired",
    "Interface xe-0/0/1: Rx optical power too low",
    "Line protocol on Interface Gi0/1, changed state to down",
    "encoder: network congestion, lowering bitrate",
    "memory resource limit alarm set on node rabbit@mq-1",
    "high disk watermark [90%] exceeded on node-3",
    "publishers will be blocked",
    "UPS1: switched to battery",
    "Utility power lost on feed A",
    "generator 2 failed to start",
    "PSU2 redundancy lost",
    "breaker 4 tripped",
    "thin pool vg/pool is 100% full",
    "lvm: autoextend failed for pool",
    "Insufficient free space: 10 extents needed",
    "out-of-data-space on dm-3",
]


def _corpus() -> list[str]:
    """Every line of the sample and dev evidence, and the phrases above in several cases."""
    lines = [v for text in PRECURSOR_LINES for v in (text, text.upper(), text.title())]
    folders = [ROOT / "sample_incidents", ROOT / "tests" / "incidents" / "dev"]
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix in {".log", ".txt", ".jsonl", ".json", ".out", ""}:
                if path.stat().st_size < 2_000_000:
                    lines += path.read_text(encoding="utf-8", errors="replace").splitlines()
    return lines


def _same(a: re.Match | None, b: re.Match | None) -> bool:
    return (a is None) == (b is None) and (a is None or a.span() == b.span())


def test_gated_search_answers_as_the_pattern_on_every_line():
    gated = gated_search(PRECURSOR_RE)
    lines = _corpus()
    assert len(lines) > 1000
    assert all(_same(gated(line), PRECURSOR_RE.search(line)) for line in lines)
    assert all(gated(line) for line in PRECURSOR_LINES)


def test_a_letter_re_folds_but_lower_does_not_still_matches():
    # re's IGNORECASE reads a dotless ı as i and ſ as s; str.lower does not: such lines go to
    # the pattern itself
    gated = gated_search(PRECURSOR_RE)
    for line in ("eth0: lınk down", "UPS: ſwitched to battery"):
        assert PRECURSOR_RE.search(line)
        assert gated(line)


def test_case_sensitive_and_wordless_patterns():
    sensitive = re.compile(r"\bdisk (?:full|failed)\b")
    gated = gated_search(sensitive)
    assert gated("sda: disk failed") and not gated("sda: DISK FAILED")
    digits = re.compile(r"\d+")  # no word every match needs: the plain search
    assert gated_search(digits) == digits.search


def test_a_precursor_logged_at_info_is_still_a_warning():
    t = datetime(2026, 3, 14, 9, 0, tzinfo=UTC)
    quiet = Evidence(t, "kern.log", "log", "eth0: Link is Up 1000Mbps", {"level": "info"})
    loud = Evidence(
        t, "kern.log", "log", "nf_conntrack: Table Full, dropping packet", {"level": "info"}
    )
    assert severity(quiet) is None
    assert severity(loud) == "warning"
