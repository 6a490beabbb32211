"""Access logs read fast (chunk scans) and in parallel (reader processes) give what a plain
line-by-line read gives, on a file full of awkward lines."""

from __future__ import annotations

import random
import threading
from datetime import UTC, datetime, timedelta

import pytest

from pm_tui.collectors.evidence import Cancelled, CollectWindow
from pm_tui.collectors.logs import access_fast_scan, access_range
from pm_tui.collectors.logs import collect as logs_collect
from pm_tui.collectors.logs.collect import collect_logs

T0 = datetime(2025, 2, 9, 4, 0, tzinfo=UTC)
SHIFT = timedelta(hours=5, minutes=30)  # the log is written in +05:30


def W(start: datetime, end: datetime) -> CollectWindow:
    return CollectWindow(start, end, timedelta(0))


def _stamp(t: datetime) -> str:
    return (t + SHIFT).strftime("%d/%b/%Y:%H:%M:%S +0530")


def _line(
    rnd: random.Random, t: datetime, status: int, rt: str, url: str = "", ua: str = ""
) -> str:
    stamp = _stamp(t)
    url = url or f"/api/{rnd.randrange(50)}"
    ua = ua or rnd.choice(["curl/8.5", "Mozilla/5.0 (X11)", "kube-probe/1.29"])
    return f'10.0.{rnd.randrange(9)}.{rnd.randrange(250)} - - [{stamp}] "GET {url} HTTP/1.1" {status} {rnd.randrange(100, 9000)} "-" "{ua}" {rt}'


@pytest.fixture(scope="module")
def tricky(tmp_path_factory):
    """~4.5 MB, 35 minutes: a 5xx burst, a gap, lines out of order, garbage, long lines..."""
    rnd = random.Random(5)
    lines = []
    for s in range(2100):
        if 700 <= s < 790:  # no traffic at all for 90 s
            continue
        t = T0 + timedelta(seconds=s)
        for _ in range(12 + rnd.randrange(-4, 5)):
            if 1200 <= s < 1300 and rnd.random() < 0.4:
                status, rt = 503, 2 + rnd.random()
            else:
                status, rt = (
                    rnd.choice([200] * 30 + [201, 204, 301, 304, 404, 418, 500]),
                    rnd.random() / 5,
                )
            lines.append(_line(rnd, t, status, f"{rt:.3f}"))
    for _ in range(60):  # out of order by up to ~40 s, often across buckets
        i = rnd.randrange(len(lines) - 600)
        j = i + rnd.randrange(1, 500)
        lines[i], lines[j] = lines[j], lines[i]
    garbage = ["garbage: this is not an access log line", "", "   "]
    timed = [  # (second, line): put near their own time, as a real log would have them
        (100, _line(rnd, T0 + timedelta(seconds=100), 200, "0.5", url="/x" * 40_000)),  # cut
        (300, _line(rnd, T0 + timedelta(seconds=300), 502, "1.250", ua="A" * 40_000)),
        (900, _line(rnd, T0 + timedelta(seconds=900), 200, "")),  # no request time
        (901, _line(rnd, T0 + timedelta(seconds=901), 200, "12")),  # whole seconds
        (902, _line(rnd, T0 + timedelta(seconds=902), 599, "0.100")),
        (903, _line(rnd, T0 + timedelta(seconds=903), 999, "0.100")),
        (1250, _line(rnd, T0 + timedelta(seconds=1250), 503, "0.100 extra")),
        (1500, _line(rnd, T0 + timedelta(seconds=1500), 200, "0.001", url="/[09/Feb/2025:09:5")),
    ]
    for k in range(4):
        for line in garbage:
            lines.insert(rnd.randrange(len(lines)), line)
        for sec, line in timed:
            near = next(i for i, x in enumerate(lines) if _stamp(T0 + timedelta(seconds=sec)) in x)
            lines.insert(near + rnd.randrange(-30, 30), line.replace("10.0.", f"10.{k}."))
    p = tmp_path_factory.mktemp("par") / "access.log"
    p.write_text("\n".join(lines) + "\n")
    return p


def _view(res):
    keep = ("lines_read", "records", "in_window", "unparsed", "cut_lines")
    return (
        [(e.time, e.text, e.attrs) for e in res.evidence],
        {k: res.counts[k] for k in keep},
    )


WINDOWS = {
    "whole file": W(T0 - timedelta(minutes=5), T0 + timedelta(hours=1)),
    "middle, bisected": W(T0 + timedelta(minutes=14), T0 + timedelta(minutes=23)),
}


@pytest.mark.parametrize("name", list(WINDOWS))
def test_fast_and_parallel_paths_equal_the_line_by_line_path(tricky, monkeypatch, name):
    w = WINDOWS[name]
    monkeypatch.setattr(access_range, "CHUNK", 256 << 10)  # many chunks, buckets cut across them
    fast = collect_logs(tricky, w)
    monkeypatch.setattr(logs_collect, "worker_count", lambda nbytes: 3)
    parallel = collect_logs(tricky, w)
    monkeypatch.setattr(access_fast_scan, "scan_chunk", lambda chunk, variant, total=None: None)
    monkeypatch.setattr(logs_collect, "worker_count", lambda nbytes: 1)
    simple = collect_logs(tricky, w)

    buckets = [e for e in simple.evidence if e.attrs.get("bucket")]
    samples = [e for e in simple.evidence if e.attrs.get("sample")]
    assert len(buckets) > 40 and any(b.attrs["5xx"] > 5 for b in buckets)
    assert 0 < len(samples) <= 200 and all(e.attrs["status"] >= 500 for e in samples)
    assert parallel.counts["parallel_readers"] == 2  # really read by 2 reader processes
    assert fast.gaps == parallel.gaps == simple.gaps
    assert _view(fast)[0] == _view(simple)[0]
    assert _view(parallel)[0] == _view(simple)[0]
    lines = tricky.read_bytes().count(b"\n")
    for res in (fast, parallel, simple):  # honest counts: the file's lines, however read
        assert res.counts["lines_read"] == lines
        assert (res.counts["lines_scanned"] < lines) == bool(res.counts.get("bisected"))
    if name == "whole file":  # every line read: the counts agree too
        # 4 garbage lines and the 4 cut lines (blank ones are not "unparsed")
        assert simple.counts["unparsed"] == 8 and simple.counts["cut_lines"] == 4
        assert _view(fast)[1] == _view(parallel)[1] == _view(simple)[1]


def test_parallel_reading_reports_progress_and_can_be_cancelled(tricky, monkeypatch):
    monkeypatch.setattr(access_range, "CHUNK", 256 << 10)
    monkeypatch.setattr(logs_collect, "worker_count", lambda nbytes: 3)
    seen = []
    w = WINDOWS["whole file"]
    collect_logs(tricky, w, progress=lambda d, t, n: seen.append((d, t)))
    size = tricky.stat().st_size
    assert seen[-1] == (size, size)
    assert all(a[0] <= b[0] for a, b in zip(seen, seen[1:], strict=False))
    stop = threading.Event()

    def cancel_soon(done, total, note):
        stop.set()

    with pytest.raises(Cancelled):
        collect_logs(tricky, w, progress=cancel_soon, cancel=stop)


@pytest.mark.parametrize("name", list(WINDOWS))
def test_gzip_log_read_aside_equals_reading_it_here(tricky, tmp_path, monkeypatch, name):
    """A gzip access log read whole by a reader process gives what reading it here gives."""
    import gzip

    w = WINDOWS[name]
    gz = tmp_path / "access.log.gz"
    gz.write_bytes(gzip.compress(tricky.read_bytes()))
    monkeypatch.setattr(access_range, "CHUNK", 256 << 10)
    monkeypatch.setattr(logs_collect, "read_aside", lambda size: False)
    here = collect_logs(gz, w)
    monkeypatch.setattr(logs_collect, "read_aside", lambda size: True)
    notes = []
    aside = collect_logs(gz, w, progress=lambda d, t, n: notes.append(n))
    assert "reading in a reader process" in notes  # really read by a reader process
    assert [(e.time, e.text, e.attrs) for e in aside.evidence] == [
        (e.time, e.text, e.attrs) for e in here.evidence
    ]
    assert aside.counts == here.counts and aside.gaps == here.gaps
    assert len([e for e in here.evidence if e.attrs.get("bucket")]) > 40
