"""#20: a log rotated by time is one log. An edge's access log written as one file an hour
(`edge.2026-03-01-10.3fa9c2e1.log`, the way a CDN or a load balancer ships its logs), with a
steady trickle of 403s from scanners all day and a burst of 403s on the site's own assets from
10:40:20: the hour before is the baseline of the hour of the incident, so the start is the
burst, not the first scanner's 403 of the hour. Collected and rebuilt through the CLI in a real
repository."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from tests.timeline_clock import at, every, z
from tests.timeline_proposal import propose

BURST, FIXED = at(10, 40, 20), at(11, 20)
HASHES = {9: "3fa9c2e1", 10: "b71d04aa", 11: "0c5e9f3d", 12: "9e2a6b70"}


def _hour(ev: Path, hour: int) -> None:
    start, end = at(hour, 0, 4), at(hour, 59, 59)
    lines = [
        f"{z(t)} INFO edge GET /index.html 200 OK" for t in every(start, end, timedelta(seconds=15))
    ]
    lines += [f"{z(t)} WARN edge GET /.env 403 Forbidden"
              for t in every(at(hour, 0, 33), end, timedelta(seconds=47))]  # fmt: skip
    lines += [f"{z(t)} WARN edge GET /assets/checkout-3f9a.js 403 Forbidden"
              for t in every(max(BURST, start), min(FIXED, end), timedelta(seconds=4))
              if t >= start]  # fmt: skip
    lines.sort()
    name = f"edge.2026-03-01-{hour:02d}.{HASHES[hour]}.log"
    (ev / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_the_files_of_a_log_rotated_by_the_hour_are_one_log(tmp_path, capsys):
    ev = tmp_path / "incident" / "evidence"
    ev.mkdir(parents=True)
    for hour in HASHES:
        _hour(ev, hour)
    w = propose(tmp_path, ev, capsys, "Assets", at(10, 0), at(12, 30))
    assert BURST <= w.times["started"] <= BURST + timedelta(seconds=60)
    assert "edge.2026-03-01-10.b71d04aa.log" in w.got["started"]["why"]
    assert "usual rate" in w.got["started"]["why"]  # compared with the hour before
    assert abs(w.times["mitigated"] - FIXED) <= timedelta(seconds=30)
