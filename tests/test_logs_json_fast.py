"""The JSON-lines fast path (time read before decoding, lines outside the window never
decoded, cached times) gives exactly the evidence, counts and gaps of the plain path."""

from __future__ import annotations

import gzip
import json
import random
from datetime import UTC, datetime, timedelta

import pytest

from pm_tui.collectors.evidence import CollectWindow
from pm_tui.collectors.logs import collect as logs
from pm_tui.collectors.logs import json_lines, line_formats, timestamps
from pm_tui.collectors.logs.line_formats import Context, _from_fields

WINDOW = CollectWindow(
    datetime(2025, 2, 9, 10, 5, tzinfo=UTC),
    datetime(2025, 2, 9, 12, 10, tzinfo=UTC),
    timedelta(hours=1),
)
CTX = Context(anchor=WINDOW.end)

# Lines that could fool a reader looking for the time without decoding the line.
TRICKY = [
    '{"ts":"2025-02-09T10:05:01.123Z","level":"INFO","msg":"plain","status":200}',
    '{"ts":"2025-02-09T10:06:00Z","ctx":{"ts":"2030-01-01T00:00:00Z"},"msg":"nested ts"}',
    '{"meta":{"ts":"2025-02-09T10:07:00Z"},"time":"2025-02-09T07:00:00Z","msg":"nested first"}',
    '{"ts":"2025-02-09T10:08:00Z","msg":"he said \\"ts\\":\\"2020-01-01T00:00:00Z\\" twice"}',
    '{"level":"error","msg":"time key last","ts":"2025-02-09T10:09:00.5Z"}',
    '{"time":"2025-02-09T07:30:00Z","msg":"ts outranks time","ts":"2025-02-09T10:30:00Z"}',
    '{"ts":"2025-02-09T07:40:00Z","msg":"duplicate key: json keeps the last","ts":"2025-02-09T10:40:00Z"}',
    '{"ts":"2025-02-09T10:41:00Z","msg":"duplicate key out","ts":"2025-02-09T07:41:00Z"}',
    '{"ts":1739095500123,"level":"WARN","msg":"epoch ms"}',
    '{"time":1739095560.25,"level":40,"msg":"epoch s float, pino level"}',
    '{"ts":1.7390957e12,"msg":"epoch ms with exponent"}',
    '{"ts":"1739095620","msg":"epoch as text"}',
    '{"ts":1739084400,"msg":"epoch s before the window"}',
    '{"ts":01739095500,"msg":"leading zero: not JSON"}',
    '{"msg":"ts=2025-02-09T07:00:00Z in the message first","ts":"2025-02-09T10:11:00Z"}',
    '{"ts":"2025-02-09T10:12:00Z","msg":"bad "quote" inside the window"}',
    '{"ts":"2025-02-09T07:12:00Z","msg":"truncated before the window',
    '{"ts":"2025-02-09T10:13:00Z","msg":"truncated inside the window',
    '{"ts":"2025-02-09T12:05:01+02:00","msg":"offset +02:00"}',
    '{"ts":"2025-02-09T07:05:01.5-05:00","msg":"offset -05:00"}',
    '{"ts":"2025-02-09T10:14:00Z","msg":"caf\\u00e9 escaped"}',
    '{"\\u0074s":"2025-02-09T10:20:00Z","ts":"2025-02-09T08:00:00Z","msg":"escaped key"}',
    '{"ts":"2025-02-09T10:20:30Z","msg":"escaped duplicate","\\u0074s":"2025-02-09T08:00:00Z"}',
    '{"time":"2025-02-09T10:20:40Z","\\u0074s":"2025-02-09T07:00:00Z","msg":"escaped ts"}',
    '{"ts":"2025-02-09T10:20:50Z","msg":"x","\\u0074\\u0073":"2025-02-09T07:00:00Z"}',
    '{"ts":"2025-02-09T07:14:00Z","msg":"caf\\u00e9 \\u4e2d\\u6587 \\ud83d\\ude00 before"}',
    '{"ts":"2025-02-09T10:20:55Z","msg":"caf\\u00e9 in the window","\\u0074ime":"x"}',
    '{ "ts" : "2025-02-09T10:15:00Z" , "msg" : "json spaces" }',
    ' {"ts":"2025-02-09T10:16:00Z","msg":"leading space"}',
    '{"ts":"2025-02-09 10:17:00.250Z","msg":"space separator"}',
    '{"ts":"2025-02-09T10:18:00.123456789Z","msg":"nanoseconds"}',
    '{"ts":"2025-02-09T10:18:01.1234567890Z","time":"2025-02-09T10:18:02Z","msg":"10 digits"}',
    '{"ts":"2025-02-09T10:18:03.Z","time":"2025-02-09T10:18:04Z","msg":"dot no digits"}',
    '{"ts":"2025-02-09T24:00:00Z","time":"2025-02-09T10:18:05Z","msg":"no such hour"}',
    '{"ts":"2025-02-09T10:18:60Z","msg":"no such second"}',
    '{"ts":true,"time":"2025-02-09T10:19:00Z","msg":"bool ts"}',
    '{"ts":"","t":"2025-02-09T10:19:30Z","msg":"empty ts"}',
    '{"ts":NaN,"time":"2025-02-09T10:19:40Z","msg":"NaN"}',
    '{"ts":1e400,"time":"2025-02-09T10:19:50Z","msg":"huge"}',
    '{"ts":"2025-02-09T10:21:00Z","log":{"level":"error"},"msg":"nested level"}',
    '{"ts":"2025-02-09T10:22:00Z","level":"Error","msg":"lists and nulls","tags":[1,2],"user":null,"ok":true}',
    '{"ts":"2025-02-09T10:25:00Z","level":"error","msg":"boom"}\n  File "app.py", line 3, in x',
    "[1, 2, 3]",
    "",
    '{"@timestamp":"2025-02-09T10:23:00.5+00:00","severity":"critical","message":"other keys"}',
    '{"ts":"2025-02-09T10:24:00Z","msg":"ok"} trailing',
    '{"ts":"2025-02-09T10:24:30Z","msg":"bad control\tchar"}',
    '{"ts":"2025-02-09T13:00:00Z","msg":"after the window"}',
]


def _lines(seed: int = 7, n: int = 3000) -> list[str]:
    """Regular lines across 06:00-14:00 (key orders vary), the tricky ones among them."""
    rng = random.Random(seed)
    start = datetime(2025, 2, 9, 6, 0, tzinfo=UTC)
    out = []
    for i in range(n):
        t = start + timedelta(seconds=i * 9.6 + rng.random())
        stamp = t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"
        level = rng.choice(["INFO", "INFO", "INFO", "WARNING", "ERROR"])
        fields = {"level": level, "msg": f"request {i} done", "pod": f"api-{i % 3}", "ms": i % 97}
        key = rng.choice(["ts", "ts", "ts", "time", "@timestamp"])
        order = rng.random()
        record = {key: stamp, **fields} if order < 0.8 else {**fields, key: stamp}
        out.append(json.dumps(record, separators=(",", ":") if order < 0.5 else (", ", ": ")))
        if i % 70 == 0:
            out.append(TRICKY[(i // 70) % len(TRICKY)])
    return out


def _no_time_reader(*args):
    return lambda line: None


def _clear_caches() -> None:
    for cache in (
        timestamps._cache,
        timestamps._zulu,
        timestamps._zulu_minutes,
        timestamps._fractions,
    ):
        cache.clear()
    timestamps._level_words.clear()


def _plain(monkeypatch: pytest.MonkeyPatch, path):
    """The path before the fast one: every line decoded by json.loads, every time by regex."""
    _clear_caches()
    with monkeypatch.context() as m:
        m.setattr(logs, "time_reader", _no_time_reader)
        m.setattr(line_formats, "decode_object", json.loads)
        m.setattr(timestamps, "zulu_time", lambda text: None)  # machine_time's fast path
        return logs.collect_logs(path, WINDOW)


def _shape(result) -> tuple:
    evidence = [(e.time, e.source, e.kind, e.text, list(e.attrs.items())) for e in result.evidence]
    return evidence, result.counts, [str(g) for g in result.gaps], result.redactions


@pytest.mark.parametrize("gz", [False, True])
def test_fast_path_gives_the_plain_path_evidence_counts_and_gaps(tmp_path, monkeypatch, gz):
    text = "\n".join(_lines()) + "\n"
    path = tmp_path / ("app.jsonl.gz" if gz else "app.jsonl")
    path.write_bytes(gzip.compress(text.encode()) if gz else text.encode())
    plain = _plain(monkeypatch, path)
    _clear_caches()
    cold = logs.collect_logs(path, WINDOW)
    warm = logs.collect_logs(path, WINDOW)
    assert _shape(cold) == _shape(plain)
    assert _shape(warm) == _shape(plain)
    # the file really holds what the comparison is about
    texts = {e.text for e in plain.evidence}
    assert {"duplicate key: json keeps the last", "ts outranks time", "epoch ms"} <= texts
    assert "duplicate key out" not in texts and "offset +02:00" in texts
    assert plain.counts["unparsed"] >= 5 and plain.counts["continuation"] >= 1
    assert 0 < plain.counts["in_window"] < plain.counts["records"]


def test_quick_time_is_the_decoded_time_or_nothing():
    quick = json_lines.time_reader(line_formats.value_time, CTX)
    known = 0
    for line in "\n".join(TRICKY + _lines(3, 400)).split("\n"):
        try:
            fields = json.loads(line)
        except ValueError:
            assert "bad " in line or quick(line) is None, line  # malformed: see the module doc
            continue
        expected = _from_fields(fields, CTX) if isinstance(fields, dict) else None
        t = quick(line)
        if t is not None:
            known += 1
            # a line it reads decodes to a record with exactly that time...
            assert expected is not None and expected[0] == t, line
    assert known > 300  # ...and it reads the usual lines, escaped accents and emoji too
    assert quick(next(line for line in TRICKY if "before" in line and "caf" in line)) is not None


def test_a_malformed_line_outside_the_window_counts_as_a_record_not_unparsed(tmp_path, monkeypatch):
    """The one documented difference: such a line's time is all the fast path looks at."""
    lines = [
        '{"ts":"2025-02-09T07:00:00Z","msg":"bad "quote" before the window"}',
        '{"ts":"2025-02-09T10:30:00Z","level":"error","msg":"in the window"}',
    ]
    path = tmp_path / "app.jsonl"
    path.write_text("\n".join(lines) + "\n")
    plain = _plain(monkeypatch, path)
    fast = logs.collect_logs(path, WINDOW)
    assert _shape(fast)[0] == _shape(plain)[0]
    assert (plain.counts["unparsed"], plain.counts["records"]) == (1, 1)
    assert (fast.counts["unparsed"], fast.counts["records"]) == (0, 2)


@pytest.mark.parametrize(
    "text",
    [
        "2025-02-09T10:05:01Z",
        "2025-02-09T10:05:01.1Z",
        "2025-02-09T10:05:01,123456Z",
        "2025-02-09T10:05:59.123456789Z",
        "2025-02-09 10:05:02.5Z",
    ],
)
def test_cached_zulu_times_equal_the_regex_ones(text):
    _clear_caches()
    first = line_formats.value_time(text, CTX)  # parsed by the regex, its minute learnt
    assert timestamps.zulu_time(text) == first
    assert first is not None and first.tzinfo is UTC
    # another second of the same minute comes from the cache, and equals the regex's
    other = text[:17] + "33" + text[19:]
    cached = timestamps.zulu_time(other)
    _clear_caches()
    assert cached == line_formats.value_time(other, CTX)


@pytest.mark.parametrize(
    "text", ["2025-02-09T10:05:60Z", "2025-02-09T10:05:01.Z", "2025-02-09T10:05:01.1234567890Z"]
)
def test_cache_refuses_what_the_regex_refuses(text):
    _clear_caches()
    line_formats.value_time("2025-02-09T10:05:00.123Z", CTX)
    assert timestamps.zulu_time(text) is None
    assert line_formats.value_time(text, CTX) is None


DOCUMENTS = [
    '{"a":1,"a":2,"b":3}',
    '{"n":123456789012345678901234567890,"msg":"big int"}',
    '{"n":-9223372036854775809}',
    '{"n":18446744073709551615}',
    '{"n": \t18446744073709551616,"id":"12345678901234567890123"}',
    '{"msg":[1,18446744073709551616]}',
    '{"x":{"y":-18446744073709551616}}',
    '{"n":9223372036854775807,"f":-0.0,"z":-0}',
    '{"n":NaN}',
    '{"n":1e400}',
    '{"s":"\\ud800"}',
    '{"s":"\\ud83d\\ude00","e":"caf\\u00e9"}',
    '{"f":0.1000000000000000055511151231257827,"g":5e-324,"h":1.7976931348623157e308}',
    '{"x":' + "[" * 1100 + "]" * 1100 + "}",
    '{"a":"\\u0000","b":[1,{"c":null}],"d":true}',
    '{"a":1}{"b":2}',
    '{"a":1,}',
    "{}",
]


@pytest.mark.parametrize("orjson", [True, False])
@pytest.mark.parametrize("doc", DOCUMENTS)
def test_decode_object_is_json_loads(doc, orjson, monkeypatch):
    if not orjson:  # the installation without orjson
        monkeypatch.setattr(json_lines, "_orjson_loads", None)
    try:
        expected = json.loads(doc)
    except (ValueError, RecursionError):
        with pytest.raises(ValueError):
            json_lines.decode_object(doc)
        return
    got = json_lines.decode_object(doc)
    assert repr(got) == repr(expected)  # repr: int vs float, -0.0, key order
