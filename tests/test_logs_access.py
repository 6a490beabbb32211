"""Aggregated access logs: 10-second buckets, error samples, fast path equal to the slow path."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from pm_tui.collectors.evidence import CollectWindow
from pm_tui.collectors.logs import access_fast_scan
from pm_tui.collectors.logs.collect import collect_logs, merge_sources

T0 = datetime(2025, 2, 9, 10, 0, tzinfo=UTC)


def W(start: datetime, end: datetime) -> CollectWindow:
    return CollectWindow(start, end, timedelta(0))


def access_log(
    path, seconds: int, per_sec: int = 20, burst=(300, 360), seed: int = 1, tz: str = "+0000"
):
    """A time-sorted combined log with request times; a 5xx burst between `burst` seconds."""
    rnd = random.Random(seed)
    shift = timedelta(hours=int(tz[1:3]), minutes=int(tz[3:5])) * (1 if tz[0] == "+" else -1)
    out = []
    for s in range(seconds):
        stamp = (T0 + timedelta(seconds=s) + shift).strftime("%d/%b/%Y:%H:%M:%S ") + tz
        for _ in range(per_sec):
            status = (
                503
                if burst[0] <= s < burst[1] and rnd.random() < 0.5
                else rnd.choice([200] * 18 + [301, 404])
            )
            rt = 2.0 + rnd.random() if status == 503 else rnd.random() / 10
            out.append(
                f'10.0.{rnd.randrange(9)}.{rnd.randrange(250)} - - [{stamp}] "GET /api/{rnd.randrange(50)} HTTP/1.1" '
                f'{status} {rnd.randrange(100, 9000)} "-" "curl/8.5 token=abc{s}" {rt:.3f}'
            )
    path.write_text("\n".join(out) + "\n")
    return path


def buckets(res):
    return [e for e in res.evidence if e.attrs.get("bucket")]


def test_buckets_show_the_5xx_burst_and_return_to_normal(tmp_path):
    p = access_log(tmp_path / "access.log", 600)
    res = collect_logs(p, W(T0, T0 + timedelta(minutes=10)))
    bs = buckets(res)
    assert len(bs) == 60 and all(b.attrs["requests"] == 200 for b in bs)
    first_burst = next(b for b in bs if b.attrs["5xx"] > 10)
    assert first_burst.time == T0 + timedelta(seconds=300)
    normal_again = next(b for b in bs if b.time > first_burst.time and b.attrs["5xx"] == 0)
    assert normal_again.time == T0 + timedelta(seconds=360)
    assert first_burst.attrs["p99_ms"] > 2000 > bs[0].attrs["p99_ms"]
    assert sum(b.attrs["requests"] for b in bs) == res.counts["in_window"] == 12_000
    samples = [e for e in res.evidence if e.attrs.get("sample")]
    assert samples and all(e.attrs["status"] == 503 for e in samples)
    assert len(samples) <= 200 and samples[0].time >= first_burst.time


def test_fast_path_equals_per_line_path(tmp_path, monkeypatch):
    p = access_log(tmp_path / "access.log", 900, tz="+0530")
    w = W(T0 + timedelta(minutes=2), T0 + timedelta(minutes=9))
    fast = collect_logs(p, w)
    monkeypatch.setattr(access_fast_scan, "scan_chunk", lambda chunk, variant, total=None: None)
    slow = collect_logs(p, w)
    assert [(e.time, e.attrs) for e in buckets(fast)] == [(e.time, e.attrs) for e in buckets(slow)]
    assert buckets(fast)[0].time == T0 + timedelta(minutes=2)


def test_out_of_order_lines_fall_back_to_exact_counting(tmp_path):
    p = access_log(tmp_path / "access.log", 120)
    lines = p.read_text().splitlines()
    lines[500], lines[900] = lines[900], lines[500]  # 25 s vs 45 s: different buckets
    p.write_text("\n".join(lines) + "\n")
    res = collect_logs(p, W(T0, T0 + timedelta(minutes=2)))
    assert [b.attrs["requests"] for b in buckets(res)] == [200] * 12


def test_unparsed_lines_in_access_log(tmp_path):
    p = access_log(tmp_path / "access.log", 30)
    p.write_text(p.read_text() + "this is not an access log line\n\n")
    res = collect_logs(p, W(T0, T0 + timedelta(minutes=1)))
    assert res.counts["unparsed"] == 1 and res.counts["in_window"] == 600


def test_per_request_mode_keeps_every_request(tmp_path):
    p = access_log(tmp_path / "access.log", 400)
    res = collect_logs(p, W(T0, T0 + timedelta(minutes=10)), aggregate_access=False)
    assert len(res.evidence) == res.counts["in_window"] == 8000
    errs = [e for e in res.evidence if e.attrs["status"] == 503]
    assert errs and all(e.attrs["duration_ms"] >= 2000 for e in errs)


def test_merge_sources_interleaves_by_time(tmp_path):
    a = tmp_path / "a.log"
    b = tmp_path / "b.log"
    a.write_text("2025-02-09T10:00:01Z INFO a1\n2025-02-09T10:00:05Z INFO a2\n")
    b.write_text('{"ts": 1739095203, "msg": "b1"}\n{"ts": 1739095204000, "msg": "b2"}\n')
    w = W(T0, T0 + timedelta(minutes=1))
    merged = list(merge_sources([collect_logs(a, w), collect_logs(b, w)]))
    assert [e.text for e in merged] == ["a1", "b1", "b2", "a2"]


@pytest.mark.parametrize("variant", ["last", "key"])
def test_request_time_variants(tmp_path, variant):
    tail = " 0.250" if variant == "last" else " rt=0.250 uct=0.001"
    p = tmp_path / "a.log"
    p.write_text(
        "".join(
            f'1.2.3.4 - - [09/Feb/2025:10:00:0{i} +0000] "GET / HTTP/1.1" 200 5 "-" "ua"{tail}\n'
            for i in range(5)
        )
    )
    (b,) = buckets(collect_logs(p, W(T0, T0 + timedelta(minutes=1))))
    assert b.attrs["p50_ms"] == 250.0 and b.attrs["requests"] == 5
