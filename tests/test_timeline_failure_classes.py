"""#20: classes of first symptom the reader never produced, each from a small evidence folder
written here, collected and rebuilt through the CLI in a real repository.

- A broker or store reaching its own resource limit (RabbitMQ's memory alarm blocking
  publishers, Elasticsearch's flood-stage watermark) logs one warning, minutes before its
  clients fail: the first observable failure, and the page about it is this incident's page.
- A structured request log whose message names only the kind of record ("request") keeps what
  went wrong in a field (`auth_err`, `error`, `reason`): a new value there is a new failure, not
  more of the steady one sharing its message; the change just before it is a `change`.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

from pm_tui.timeline import load_candidates
from tests.timeline_clock import at, every, z
from tests.timeline_proposal import rebuilt


def _near(candidates, when: datetime, kind: str, within: float = 30.0):
    return [
        c
        for c in candidates
        if c.kind == kind and abs((c.time - when).total_seconds()) <= within
    ]


def _broker_folder(root: Path, alarm_line: str) -> tuple[Path, datetime, datetime]:
    ev = root / "evidence"
    ev.mkdir(parents=True)
    alarm, errors = at(10, 36, 12), at(10, 39, 31)
    broker = [
        f"{t:%Y-%m-%d %H:%M:%S}.000000+00:00 [warning] <0.{k}.0> client unexpectedly closed "
        f"TCP connection from 10.0.3.{k % 200}"
        for k, t in enumerate(every(at(8, 0, 7), at(12, 0), timedelta(minutes=7)))
    ]
    broker.append(f"{alarm:%Y-%m-%d %H:%M:%S}.000000+00:00 [warning] <0.489.0> {alarm_line}")
    broker.sort()
    (ev / "mq-1.log").write_text("\n".join(broker) + "\n", encoding="utf-8")
    app = [f"{z(t)} INFO checkout POST /v1/orders 200 12ms"
           for t in every(at(9, 0), at(12, 0), timedelta(seconds=15))]  # fmt: skip
    app += [f"{z(t)} ERROR checkout POST /v1/orders 503 publish buffer full"
            for t in every(errors, at(11, 0), timedelta(seconds=5))]  # fmt: skip
    (ev / "checkout.log").write_text("\n".join(sorted(app)) + "\n", encoding="utf-8")
    return ev, alarm, errors


def test_a_brokers_memory_alarm_before_the_errors_is_the_first_symptom(tmp_path):
    ev, alarm, errors = _broker_folder(
        tmp_path / "incident", "memory resource limit alarm set on node 'rabbit@mq-1'."
    )
    repo, pm_id, _ = rebuilt(tmp_path, ev, "Checkout 503", at(10, 0), at(12, 0))
    candidates = load_candidates(repo, pm_id)
    first = _near(candidates, alarm, "first_symptom", 1)
    assert first and "memory resource limit alarm" in first[0].text
    assert _near(candidates, errors, "first_symptom", 60)  # the customers' errors still shown


def test_a_flood_stage_watermark_is_a_precursor_too(tmp_path):
    ev, alarm, _ = _broker_folder(
        tmp_path / "incident",
        "flood stage disk watermark [95%] exceeded on [es-data-2], all indices on this node "
        "will be marked read-only",
    )
    repo, pm_id, _ = rebuilt(tmp_path, ev, "Checkout 503", at(10, 0), at(12, 0))
    assert _near(load_candidates(repo, pm_id), alarm, "first_symptom", 1)


def test_a_broker_warning_that_is_no_resource_alarm_starts_nothing(tmp_path):
    ev, alarm, _ = _broker_folder(
        tmp_path / "incident", "connection closed: heartbeat missed on channel 3"
    )
    repo, pm_id, _ = rebuilt(tmp_path, ev, "Checkout 503", at(10, 0), at(12, 0))
    assert not _near(load_candidates(repo, pm_id), alarm, "first_symptom", 60)


def _request(t: datetime, status: int, err: str = "") -> str:
    record = {"ts": t.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z",
              "level": "warn" if status >= 400 else "info", "msg": "request", "svc": "edge-gw",
              "method": "GET", "path": "/v2/feed", "status": status, "dur_ms": 3}  # fmt: skip
    if err:
        record["auth_err"] = err
    return json.dumps(record)


def test_a_new_error_field_value_under_a_generic_message_is_the_first_symptom(tmp_path):
    ev = tmp_path / "incident" / "evidence"
    ev.mkdir(parents=True)
    pushed, broken, fixed = at(10, 32, 10), at(10, 32, 41), at(10, 57, 47)
    rows = [(t, _request(t, 200)) for t in every(at(9, 0), at(12, 0), timedelta(seconds=2))]
    # the steady background: an expired token now and then, all day, with bursts of its own
    rows += [(t, _request(t, 401, "token_expired"))
             for t in every(at(9, 0, 13), at(12, 0), timedelta(seconds=47))]  # fmt: skip
    rows += [(t, _request(t, 401, "token_expired"))
             for t in every(at(10, 28, 21), at(10, 31), timedelta(seconds=9))]  # fmt: skip
    # the incident: every app request now fails another way
    rows += [(t, _request(t, 401, "invalid_audience"))
             for t in every(broken, fixed, timedelta(seconds=1))]  # fmt: skip
    (ev / "requests.jsonl").write_text(
        "\n".join(r for _, r in sorted(rows, key=lambda tr: tr[0])) + "\n", encoding="utf-8"
    )
    (ev / "deploys.csv").write_text(
        "when;app;build;triggered_by;result\n"
        f"{z(at(9, 20))};search;b-771;ci-bot;ok\n"
        f"{z(pushed)};edge-auth;b-772;omar;ok\n"
        f"{z(at(10, 57, 5))};edge-auth;b-773;omar;ok\n",
        encoding="utf-8",
    )
    repo, pm_id, _ = rebuilt(tmp_path, ev, "App users signed out", at(10, 0), at(12, 0))
    candidates = load_candidates(repo, pm_id)
    first = [c for c in candidates if c.kind == "first_symptom"]
    assert first and min(c.time for c in first) == broken
    assert "invalid_audience" in min(first, key=lambda c: c.time).text
    push = [c for c in candidates if abs((c.time - pushed).total_seconds()) <= 1 and "b-772" in c.text]
    assert push and push[0].kind == "change"
