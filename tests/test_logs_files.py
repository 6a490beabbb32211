"""Log files as files: gzip, bad bytes, absurd lines, garbage, missing files, bisection."""

from __future__ import annotations

import gzip
import random
import threading
from datetime import UTC, datetime, timedelta

import pytest

from pm_tui.collectors.evidence import Cancelled, CollectorError, CollectWindow
from pm_tui.collectors.logs import collect as logs_collect
from pm_tui.collectors.logs.collect import collect_logs

T0 = datetime(2025, 2, 9, 10, 0, tzinfo=UTC)


def W(start: datetime, end: datetime) -> CollectWindow:
    return CollectWindow(start, end, timedelta(0))


def iso_lines(n: int, step: float = 1.0, start: datetime = T0) -> list[str]:
    return [
        f"{(start + timedelta(seconds=i * step)):%Y-%m-%dT%H:%M:%S.%fZ} INFO event {i}"
        for i in range(n)
    ]


def test_gzip_file_is_streamed(tmp_path):
    p = tmp_path / "app.log.gz"
    with gzip.open(p, "wt") as fh:
        fh.write("\n".join(iso_lines(500)) + "\n")
    res = collect_logs(p, W(T0 + timedelta(seconds=100), T0 + timedelta(seconds=199)))
    assert [e.text for e in res.evidence] == [f"event {i}" for i in range(100, 200)]
    assert res.counts["lines_read"] == 500 and "bisected" not in res.counts


def test_invalid_utf8_is_tolerated(tmp_path):
    p = tmp_path / "x.log"
    p.write_bytes(
        b"2025-02-09T10:00:01Z ERROR caf\xe9 \xff\xfe broken\n2025-02-09T10:00:02Z INFO fine\n"
    )
    res = collect_logs(p, W(T0, T0 + timedelta(minutes=1)))
    assert len(res.evidence) == 2 and "\ufffd" in res.evidence[0].text


def test_absurdly_long_line_is_cut_and_counted(tmp_path):
    p = tmp_path / "x.log"
    p.write_text(f"2025-02-09T10:00:01Z INFO {'x' * 300_000}\n2025-02-09T10:00:02Z INFO after\n")
    res = collect_logs(p, W(T0, T0 + timedelta(minutes=1)))
    assert res.counts["cut_lines"] == 1
    assert len(res.evidence[0].text) <= 64 * 1024 and res.evidence[1].text == "after"


def test_garbage_is_counted_not_fatal_and_a_gap_when_many(tmp_path):
    p = tmp_path / "x.log"
    rnd = random.Random(3)
    lines = iso_lines(50)
    garbage = ["".join(rnd.choice("abc;:{}#") for _ in range(30)) for _ in range(20)]
    p.write_text("\n".join(garbage[:10] + lines + garbage[10:]) + "\n")
    res = collect_logs(p, W(T0, T0 + timedelta(hours=1)))
    assert res.counts["records"] == 50
    # Garbage before the first record is unparsed; after a text record it is a continuation.
    assert res.counts["unparsed"] == 10
    assert any("could not be parsed" in g.reason for g in res.gaps)


def test_json_lines_garbage_is_unparsed_not_continuation(tmp_path):
    p = tmp_path / "x.jsonl"
    p.write_text(
        '{"ts": "2025-02-09T10:00:01Z", "msg": "a"}\nnot json at all\n{"ts": "2025-02-09T10:00:02Z", "msg": "b"}\n'
    )
    res = collect_logs(p, W(T0, T0 + timedelta(minutes=1)))
    assert [e.text for e in res.evidence] == ["a", "b"] and res.counts["unparsed"] == 1


def test_missing_file_is_one_clear_line(tmp_path):
    with pytest.raises(CollectorError) as err:
        collect_logs(tmp_path / "nope.log", W(T0, T0 + timedelta(hours=1)))
    assert "no such file" in str(err.value) and "\n" not in str(err.value)


def test_window_without_data_and_file_starting_late_are_gaps(tmp_path):
    p = tmp_path / "x.log"
    p.write_text("\n".join(iso_lines(10)) + "\n")
    res = collect_logs(p, W(T0 + timedelta(hours=2), T0 + timedelta(hours=3)))
    assert res.evidence == [] and any("no records" in g.reason for g in res.gaps)
    res = collect_logs(p, W(T0 - timedelta(hours=1), T0 + timedelta(hours=1)))
    assert any("starts after the window start" in g.reason for g in res.gaps)


@pytest.fixture(scope="module")
def big_sorted(tmp_path_factory):
    """A ~6 MB time-sorted app log with stack traces and junk near some probes."""
    p = tmp_path_factory.mktemp("big") / "app.log"
    rnd = random.Random(5)
    out = []
    t = T0
    for i in range(80_000):
        t += timedelta(milliseconds=rnd.randrange(0, 300))
        out.append(
            f"{t:%Y-%m-%d %H:%M:%S},{t.microsecond // 1000:03d} INFO app.web: request {i} done"
        )
        if i % 997 == 0:
            out += [
                "Traceback (most recent call last):",
                '  File "x.py", line 1',
                "ValueError: bad",
            ]
    p.write_text("\n".join(out) + "\n")
    return p


def test_bisection_matches_a_full_scan(big_sorted, monkeypatch):
    assert big_sorted.stat().st_size > logs_collect.BISECT_MIN
    lines = big_sorted.read_bytes().count(b"\n")
    for minutes in (0, 7, 55, 190):
        w = W(T0 + timedelta(minutes=minutes), T0 + timedelta(minutes=minutes + 3))
        fast = collect_logs(big_sorted, w)
        assert fast.counts.get("bisected") == 1
        assert fast.counts["lines_scanned"] < 40_000  # cost follows the window, not the file
        monkeypatch.setattr(logs_collect, "BISECT_MIN", 1 << 40)
        full = collect_logs(big_sorted, w)
        monkeypatch.undo()
        assert [(e.time, e.text) for e in fast.evidence] == [
            (e.time, e.text) for e in full.evidence
        ]
        assert fast.counts["in_window"] == full.counts["in_window"]
        # honest counts: the file's lines, though only the window's were read
        assert fast.counts["lines_read"] == full.counts["lines_read"] == lines
        assert "lines_estimated" not in fast.counts


def test_a_big_file_that_is_one_line_ends_at_once_with_a_clear_count(tmp_path):
    # big enough to be bisected; the bisection once looked for a line start forever
    p = tmp_path / "one-line.log"
    p.write_bytes(b"2025-02-09T10:10:00Z ERROR " + b"x" * (logs_collect.BISECT_MIN + 1) + b"\n")
    res = collect_logs(p, W(T0, T0 + timedelta(hours=1)))
    assert res.counts["lines_read"] == 1 and res.counts["cut_lines"] == 1
    assert [e.attrs["level"] for e in res.evidence] == ["error"]
    assert [g.reason for g in res.gaps] == [
        "1 line(s) longer than 64 KB: only their first 64 KB were read"
    ]


def test_file_lines_beyond_the_exact_limit_are_estimated(big_sorted, tmp_path):
    from pm_tui.collectors.logs.file_reader import file_lines

    data = big_sorted.read_bytes()
    lines, size = data.count(b"\n"), len(data)
    start = data.index(b"\n", size // 3) + 1
    stop = data.index(b"\n", size // 2) + 1
    scanned = data[start:stop].count(b"\n")
    assert file_lines(big_sorted, start, stop, scanned) == (lines, True)
    guess, exact = file_lines(big_sorted, start, stop, scanned, exact=1 << 20)
    assert not exact and abs(guess - lines) < lines * 0.05
    # the last line without a newline is a line too
    cut = tmp_path / "no-final-newline.log"
    cut.write_bytes(data[:-1])
    assert file_lines(cut, start, stop, scanned) == (lines, True)


def test_unsorted_big_file_is_read_in_full_and_says_so(tmp_path):
    lines = iso_lines(120_000, step=0.05)
    random.Random(1).shuffle(lines)
    p = tmp_path / "shuffled.log"
    p.write_text("\n".join(lines) + "\n")
    w = W(T0 + timedelta(minutes=10), T0 + timedelta(minutes=11))
    res = collect_logs(p, w)
    assert res.counts.get("unsorted") == 1 and any("not time-sorted" in g.reason for g in res.gaps)
    assert res.counts["in_window"] == 1201  # 60 s at 20 lines/s, both ends included
    assert [e.time for e in res.evidence] == sorted(e.time for e in res.evidence)


def test_progress_and_cancel(big_sorted):
    seen = []
    collect_logs(
        big_sorted, W(T0, T0 + timedelta(hours=9)), progress=lambda d, t, n: seen.append((d, t))
    )
    assert len(seen) >= 2 and seen[-1][1] == big_sorted.stat().st_size
    assert all(a[0] <= b[0] for a, b in zip(seen, seen[1:], strict=False))
    stop = threading.Event()
    stop.set()
    with pytest.raises(Cancelled):
        collect_logs(big_sorted, W(T0, T0 + timedelta(hours=9)), cancel=stop)
