"""PagerDuty collector against a local server speaking the documented REST API v2."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest

from pm_tui.collectors.evidence import CollectorError, CollectWindow
from pm_tui.collectors.pagerduty import collect_pagerduty, pagerduty_options
from tests.local_http import serve

TOKEN = "y_NbAkKc66ryYTWUXYEu"


def at(hhmm: str) -> datetime:
    return datetime.fromisoformat(f"2025-02-09T{hhmm}:00+00:00")


WINDOW = CollectWindow(start=at("10:00"), end=at("11:00"), baseline=timedelta(hours=1))


def entry(kind: str, hhmm: str, **extra) -> dict:
    base = {
        "id": f"R{kind[:3].upper()}{hhmm.replace(':', '')}",
        "type": kind,
        "created_at": f"2025-02-09T{hhmm}:00Z",
        "agent": {"type": "service_reference", "summary": "API Service"},
        "channel": {"type": "api"},
        "incident": {"id": "Q1ABCDEF"},
    }
    base.update(extra)
    return base


ENTRIES = [
    entry("trigger_log_entry", "10:12", summary="Triggered through the API"),
    entry(
        "notify_log_entry",
        "10:12",
        user={"summary": "Dana Ortiz"},
        channel={"type": "sms"},
        summary="Notified Dana Ortiz by SMS",
    ),
    entry(
        "acknowledge_log_entry",
        "10:16",
        agent={"type": "user_reference", "summary": "Dana Ortiz"},
        summary="Acknowledged by Dana Ortiz",
    ),
    entry("escalate_log_entry", "10:25", summary="Escalated to level 2"),
    entry(
        "annotate_log_entry",
        "10:30",
        agent={"type": "user_reference", "summary": "Sam Lee"},
        channel={"type": "note", "summary": "rolled back api to v1.41"},
        summary="Note added",
    ),
    entry(
        "resolve_log_entry",
        "10:40",
        agent={"type": "user_reference", "summary": "Sam Lee"},
        summary="Resolved by Sam Lee",
    ),
    entry("resolve_log_entry", "13:00", summary="outside the window"),
]

requests: list[dict] = []


def route(path, query, headers):
    requests.append({"path": path, "query": query, "headers": headers})
    if headers.get("authorization") != f"Token token={TOKEN}":
        body = {"error": {"message": "Unauthorized", "code": 2006}}
        return 401, "application/json", json.dumps(body).encode()
    if path != "/incidents/Q1ABCDEF/log_entries":
        return 404, "application/json", b'{"error": {"message": "Not Found", "code": 2100}}'
    offset, limit = int(query["offset"][0]), int(query["limit"][0])
    limit = min(limit, 3)  # the server may return fewer than asked: follow `more`, not `limit`
    page = ENTRIES[offset : offset + limit]
    body = {
        "log_entries": page,
        "offset": offset,
        "limit": limit,
        "more": offset + limit < len(ENTRIES),
    }
    return 200, "application/vnd.pagerduty+json;version=2", json.dumps(body).encode()


@pytest.fixture(scope="module")
def api():
    with serve(route) as url:
        yield url


def test_log_entries_over_several_pages(api, monkeypatch):
    monkeypatch.setenv("PAGERDUTY_TOKEN", TOKEN)
    requests.clear()
    result = collect_pagerduty("Q1ABCDEF", WINDOW, pagerduty_options(api))
    got = [(e.time, e.attrs["type"], e.attrs["actor"]) for e in result.evidence]
    assert got == [
        (at("10:12"), "trigger_log_entry", "API Service"),
        (at("10:12"), "notify_log_entry", "Dana Ortiz"),
        (at("10:16"), "acknowledge_log_entry", "Dana Ortiz"),
        (at("10:25"), "escalate_log_entry", "API Service"),
        (at("10:30"), "annotate_log_entry", "Sam Lee"),
        (at("10:40"), "resolve_log_entry", "Sam Lee"),
    ]
    assert len(requests) == 3  # 7 entries in pages of 3
    assert [r["query"]["offset"] for r in requests] == [["0"], ["3"], ["6"]]
    first = requests[0]
    assert first["headers"]["accept"] == "application/vnd.pagerduty+json;version=2"
    assert first["query"]["is_overview"] == ["false"]
    assert "rolled back api to v1.41" in result.evidence[4].text
    assert all(e.kind == "page" for e in result.evidence)
    assert TOKEN not in repr(result)


def test_wrong_token_is_one_line_naming_the_variable(api, monkeypatch):
    monkeypatch.setenv("PD_TOKEN_TEST", "expired")
    with pytest.raises(
        CollectorError,
        match=r"pagerduty:Q1ABCDEF: .*HTTP 401\): check the token in \$PD_TOKEN_TEST",
    ):
        collect_pagerduty("Q1ABCDEF", WINDOW, pagerduty_options(api, token_env="PD_TOKEN_TEST"))


def test_unknown_incident(api, monkeypatch):
    monkeypatch.setenv("PAGERDUTY_TOKEN", TOKEN)
    with pytest.raises(CollectorError, match="no incident QNOPE1: check the id"):
        collect_pagerduty("QNOPE1", WINDOW, pagerduty_options(api))


def test_saved_response_file(tmp_path):
    path = tmp_path / "log_entries.json"
    path.write_text(json.dumps({"log_entries": ENTRIES, "more": False}))
    result = collect_pagerduty(str(path), WINDOW)
    assert [e.attrs["action"] for e in result.evidence] == [
        "triggered", "notified", "acknowledged", "escalated", "note added", "resolved",
    ]  # fmt: skip
    assert result.counts == {"page": 6, "log_entries": 7}


def test_neither_file_nor_id():
    with pytest.raises(CollectorError, match="neither a file nor a PagerDuty incident id"):
        collect_pagerduty("../etc/passwd", WINDOW)
