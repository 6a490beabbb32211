"""Hostile servers on 127.0.0.1: every failure is one line, no token is ever shown or sent
to another host, and no answer can fill memory."""

from __future__ import annotations

import json
import time

import pytest

from pm_tui.collectors.evidence import CollectorError
from pm_tui.collectors.http import HttpOptions, JsonClient
from tests.hostile_http import Answer, endless, gzip_bomb, hostile_server

TOKEN = "tok-4f1c9a7e2b8d4e60a1f3c5d7e9b2a4c6"  # no known token shape: only scrubbing hides it


def _client(base: str, monkeypatch, **kw) -> JsonClient:
    monkeypatch.setenv("TRUST_TOKEN", TOKEN)
    options = HttpOptions(base_url=base, token_env="TRUST_TOKEN", retries=0, timeout=2, **kw)
    return JsonClient("prometheus:test", options, what="Prometheus")


def _fail(base, monkeypatch, **kw) -> str:
    with _client(base, monkeypatch, **kw) as client, pytest.raises(CollectorError) as info:
        client.get_json("/api/v1/query_range")
    message = str(info.value)
    assert "\n" not in message and TOKEN not in message
    return message


def _reflect(status: int, html: bool = False):
    def answer(method, path, headers):
        auth = headers.get("authorization", "")
        if html:
            body = f"<html><title>Denied {auth}</title></html>".encode()
            return Answer(status, body, {"Content-Type": "text/html"})
        return Answer(status, json.dumps({"error": f"bad header {auth} / raw {auth[7:]}"}).encode())

    return answer


@pytest.mark.parametrize("status", [400, 500, 502])
def test_a_server_reflecting_the_authorization_header_never_shows_the_token(monkeypatch, status):
    with hostile_server(_reflect(status)) as (base, seen):
        message = _fail(base, monkeypatch)
    assert seen.requests[0][2]["authorization"] == f"Bearer {TOKEN}"
    assert f"HTTP {status}" in message and "REDACTED" in message


def test_an_html_error_page_reflecting_the_token_is_one_clean_line(monkeypatch):
    with hostile_server(_reflect(500, html=True)) as (base, _):
        message = _fail(base, monkeypatch)
    assert "HTML page" in message


def test_truncated_json_is_one_line(monkeypatch):
    body = b'{"status":"success","data":{"resultType":"matrix","result":[{"metric":'
    with hostile_server(lambda *a: Answer(200, body)) as (base, _):
        assert "bad JSON" in _fail(base, monkeypatch)


def test_a_slow_server_times_out_within_bounds(monkeypatch):
    with hostile_server(lambda *a: Answer(200, b"{}", delay=5)) as (base, _):
        t0 = time.monotonic()
        message = _fail(base, monkeypatch)
    assert time.monotonic() - t0 < 4.5 and "no answer" in message


def test_a_huge_answer_is_refused_while_reading(monkeypatch):
    import tracemalloc

    tracemalloc.start()
    with hostile_server(lambda *a: Answer(200, endless(total=64 << 20))) as (base, _):
        message = _fail(base, monkeypatch, max_bytes=4 << 20)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert "larger than 4 MB" in message
    assert peak < 32 << 20


def test_a_gzip_bomb_is_refused(monkeypatch):
    bomb = gzip_bomb(64 << 20)
    headers = {"Content-Type": "application/json", "Content-Encoding": "gzip"}
    with hostile_server(lambda *a: Answer(200, bomb, headers)) as (base, _):
        message = _fail(base, monkeypatch, max_bytes=4 << 20)
    assert "decompresses to more than 4 MB" in message


def test_a_gzip_answer_within_the_cap_is_read(monkeypatch):
    import gzip

    body = gzip.compress(json.dumps({"status": "success", "data": [1, 2]}).encode())
    headers = {"Content-Type": "application/json", "Content-Encoding": "gzip"}
    with hostile_server(lambda *a: Answer(200, body, headers)) as (base, _):
        with _client(base, monkeypatch) as client:
            assert client.get_json("/x") == {"status": "success", "data": [1, 2]}


# --- GitHub ---------------------------------------------------------------------------------


def test_github_never_sends_the_token_to_another_host_named_in_link_next():
    from pm_tui.trackers import TrackerError
    from pm_tui.trackers.github_api import GitHub

    with hostile_server(lambda *a: Answer(200, b"[]")) as (other, other_seen):
        # "localhost" is another host than "127.0.0.1" for the client, same machine for us
        other = other.replace("127.0.0.1", "localhost")

        def first(method, path, headers):
            return Answer(
                200,
                b'[{"number": 1, "title": "a"}]',
                {"Content-Type": "application/json", "Link": f'<{other}/page2>; rel="next"'},
            )

        with hostile_server(first) as (api, seen), GitHub(api, TOKEN) as gh:
            with pytest.raises(TrackerError) as info:
                list(gh.iter_issues("o/r"))
    assert "another host" in str(info.value) and TOKEN not in str(info.value)
    assert other_seen.requests == []
    assert seen.requests[0][2]["authorization"] == f"Bearer {TOKEN}"


@pytest.mark.parametrize(
    "body, expected",
    [
        (b'{"number": 3, "html_url": "http', "no valid JSON"),
        (b"<html><body>proxy login</body></html>", "HTML page"),
        (b'"a string"', "not an object"),
    ],
)
def test_github_bad_bodies_are_one_line(body, expected):
    from pm_tui.trackers import TrackerError
    from pm_tui.trackers.github_api import GitHub

    with hostile_server(lambda *a: Answer(201, body)) as (api, _), GitHub(api, TOKEN) as gh:
        with pytest.raises(TrackerError) as info:
            gh.create_issue("o/r", {"title": "t"})
    assert expected in str(info.value) and "\n" not in str(info.value)


def test_github_error_bodies_reflecting_the_token_are_scrubbed():
    from pm_tui.trackers import TrackerError
    from pm_tui.trackers.github_api import GitHub

    def answer(method, path, headers):
        return Answer(500, json.dumps({"message": f"echo {headers['authorization']}"}).encode())

    with hostile_server(answer) as (api, _), GitHub(api, TOKEN) as gh:
        with pytest.raises(TrackerError) as info:
            gh.get_issue("o/r", 1)
    assert TOKEN not in str(info.value) and "500" in str(info.value)


# --- credentials in configured URLs ---------------------------------------------------------


def test_collect_refuses_a_prometheus_url_with_credentials(sample_repo):
    from tests.conftest import SAMPLE_ID, run_cli
    from tests.hostile import assert_clean_failure, git_history

    out = run_cli(
        "--repo", str(sample_repo.root), "collect", SAMPLE_ID,
        "--prometheus", "http://admin:Sup3rS3cretPw@127.0.0.1:1/",
    )  # fmt: skip
    assert_clean_failure(out, "carries credentials", "environment variable")
    assert "Sup3rS3cretPw" not in out.stdout + out.stderr
    assert "Sup3rS3cretPw" not in git_history(sample_repo.root)
    assert "Sup3rS3cretPw" not in sample_repo.path_for(SAMPLE_ID).read_text()


def test_the_runner_refuses_credentials_and_keeps_none_in_the_failed_record():
    from datetime import UTC, datetime, timedelta

    from pm_tui.collectors.evidence import CollectWindow
    from pm_tui.collectors.runner import SourceSpec, collect_all, to_evidence_source

    start = datetime(2025, 1, 1, tzinfo=UTC)
    window = CollectWindow(start, start + timedelta(hours=1))
    spec = SourceSpec("alertmanager", "http://am:Pw0rd12345@127.0.0.1:1")
    (result,) = collect_all([spec], window)
    record = to_evidence_source(result, window)
    assert "Pw0rd12345" not in repr(result) + repr(record)
    assert "carries credentials" in record.gaps[0]
