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
        c for c in candidates if c.kind == kind and abs((c.time - when).total_seconds()) <= within
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
    push = [
        c for c in candidates if abs((c.time - pushed).total_seconds()) <= 1 and "b-772" in c.text
    ]
    assert push and push[0].kind == "change"


def test_a_json_field_named_bucket_is_no_access_log_bucket(tmp_path):
    """An upload service logs the S3 bucket of every stored object (`"bucket": "media-eu"`):
    its records are log records like any other, its new warnings the first symptom and its
    errors' end the recovery; they were read as access-log buckets, kept first and filling the
    kept evidence's bound, so the warnings and errors after them were dropped."""

    ev = tmp_path / "incident" / "evidence"
    ev.mkdir(parents=True)
    first, last = at(10, 6, 41), at(10, 45, 33)
    rows = []
    for k, t in enumerate(every(at(8, 30), at(12, 30), timedelta(seconds=3))):
        rows.append((t, {"level": "info", "message": "episode upload stored", "status": 201,
                         "bucket": "castwave-media-eu-west-1", "request_id": f"r{k:08x}",
                         "note": "x" * 160}))  # fmt: skip
    for t in every(first, last, timedelta(seconds=9)):
        rows.append((t, {"level": "warning", "message": "Refreshing temporary credentials "
                         "failed during advisory refresh period."}))  # fmt: skip
    for t in every(first + timedelta(minutes=5), last, timedelta(seconds=6)):
        rows.append((t, {"level": "error", "message": "episode upload failed", "status": 500}))
    lines = [
        json.dumps({"timestamp": t.isoformat(), **r}) for t, r in sorted(rows, key=lambda x: x[0])
    ]
    (ev / "upload-api.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    repo, pm_id, _ = rebuilt(tmp_path, ev, "Uploads failing", at(10, 0), at(12, 0))
    candidates = load_candidates(repo, pm_id)
    warned = [c for c in candidates if "advisory refresh" in c.text]
    assert warned and min(c.time for c in warned) == first
    failed = first + timedelta(minutes=5)
    assert any("upload failed" in c.text for c in _near(candidates, failed, "first_symptom", 1))
    assert any("upload failed" in c.text for c in _near(candidates, last, "recovery", 60))


def _slack(root: Path, messages: list[tuple[datetime, str, str]]) -> None:
    root.mkdir()
    (root / "channels.json").write_text(json.dumps([{"id": "C1", "name": "inc-upload-errors"}]))
    (root / "users.json").write_text(json.dumps([
        {"id": "U1", "name": "tomas", "real_name": "Tomáš Novák"},
        {"id": "U2", "name": "aoife", "real_name": "Aoife Byrne"}]))  # fmt: skip
    who = {"Tomáš Novák": "U1", "Aoife Byrne": "U2"}
    (root / "inc-upload-errors").mkdir()
    (root / "inc-upload-errors" / f"{at(0, 0):%Y-%m-%d}.json").write_text(json.dumps([
        {"type": "message", "user": who[name], "text": text, "ts": f"{t.timestamp():.6f}"}
        for t, name, text in messages]))  # fmt: skip


def _trail(path: Path, changes: list[tuple[datetime, str]]) -> None:
    events = [{"EventId": f"e{k}", "EventName": "UpdateEndpointGroup", "ReadOnly": "false",
               "EventTime": t.isoformat(), "EventSource": "globalaccelerator.amazonaws.com",
               "Username": user,
               "Resources": [{"ResourceType": "AWS::GlobalAccelerator::EndpointGroup",
                              "ResourceName": "arn:aws:globalaccelerator::1:accelerator/a/"
                                              "listener/l/endpoint-group/e0f1a2b3c4d5"}]}
              for k, (t, user) in enumerate(changes)]  # fmt: skip
    path.write_text(json.dumps({"Events": events}), encoding="utf-8")


def _upload_log(tmp_path: Path, errors: datetime, until: datetime, why: str) -> Path:
    """An evidence folder with an upload API's log: 201s all morning, 500s from `errors` to
    `until`."""
    ev = tmp_path / "incident" / "evidence"
    ev.mkdir(parents=True)
    app = [f"{z(t)} INFO upload-api PUT /episodes 201 40ms"
           for t in every(at(9, 0), at(12, 0), timedelta(seconds=10))]  # fmt: skip
    app += [f"{z(t)} ERROR upload-api PUT /episodes 500 {why}"
            for t in every(errors, until, timedelta(seconds=4))]  # fmt: skip
    (ev / "upload-api.log").write_text("\n".join(sorted(app)) + "\n", encoding="utf-8")
    return ev


def _traffic_moved(tmp_path: Path, report: str, by: str = "tomas.novak"):
    errors, moved = at(10, 11, 41), at(10, 44, 50)
    ev = _upload_log(tmp_path, errors, moved + timedelta(seconds=40), "credentials expired")
    _trail(ev / "trail.json", [(moved, by), (at(11, 52, 30), by)])
    _slack(ev / "slack", [
        (at(10, 20, 5), "Tomáš Novák", "uploads failing in eu-west-1, looking"),
        (at(10, 37, 50), "Aoife Byrne", "eu-central-1 has room; ok to move traffic"),
        (moved + timedelta(seconds=18), "Tomáš Novák", report),
    ])  # fmt: skip
    repo, pm_id, _ = rebuilt(tmp_path, ev, "Uploads failing", at(10, 0), at(12, 0))
    candidates = load_candidates(repo, pm_id)
    return [c for c in candidates if "UpdateEndpointGroup" in c.text]


def test_a_change_its_maker_reports_in_chat_right_after_is_the_mitigation(tmp_path):
    """The on-call moves the traffic away by hand (an audit record naming their login,
    tomas.novak) and says so in the incident channel under their display name with accents
    (Tomáš Novák) seconds later: the change is the mitigation. Moving it back an hour after
    the impact ended is a change."""
    rows = _traffic_moved(
        tmp_path, "GA traffic dial for eu-west-1 set to 0, eu-central-1 taking uploads"
    )
    kinds = {f"{c.time:%H:%M:%S}": c.kind for c in rows}
    assert kinds == {"10:44:50": "mitigation", "11:52:30": "change"}


def test_a_responders_change_during_the_impact_is_a_mitigation_to_judge(tmp_path):
    """Without a word in chat about it, the traffic moved by hand during the impact by the
    on-call, who had written in the incident channel before, is their attempt at a fix: a
    mitigation for the person to judge (never accepted by --accept-high on that alone)."""
    from pm_tui.timeline.accept import HIGH_CONFIDENCE

    rows = _traffic_moved(tmp_path, "still seeing 500s on two pods")
    moved = [c for c in rows if f"{c.time:%H:%M:%S}" == "10:44:50"]
    assert [c.kind for c in moved] == ["mitigation"]
    assert moved[0].confidence < HIGH_CONFIDENCE


def test_a_change_by_someone_not_responding_stays_a_change(tmp_path):
    """The same change by a login no responder goes by (another team's automation) is a change."""
    rows = _traffic_moved(tmp_path, "still seeing 500s on two pods", by="edge-automation")
    assert [c.kind for c in rows if f"{c.time:%H:%M:%S}" == "10:44:50"] == ["change"]


def test_a_metrics_slow_return_is_dated_back_in_its_usual_range(tmp_path):
    """A queue wait's p90 (a sawtooth of 10.5-17.5 s all day) climbs to minutes, then comes
    down over ten minutes as the fix takes: its recovery is where it is back in its usual range,
    not where it crossed the wide detection band on its way down, minutes earlier."""
    ev = tmp_path / "incident" / "evidence"
    ev.mkdir(parents=True)
    saw = (10.5, 17.5, 15.8, 14.0, 12.2)
    rise, peak, back = at(10, 30), at(11, 10), at(11, 29, 30)
    rows = ["# TYPE job_start_wait_seconds gauge"]
    for k, t in enumerate(every(at(9, 0), at(12, 30), timedelta(seconds=30))):
        v = saw[k % len(saw)]
        if rise <= t < peak:
            v = 14 + 300 * (t - rise) / (peak - rise)
        elif peak <= t < back - timedelta(minutes=4):
            v = 314 - 280 * (t - peak) / (back - timedelta(minutes=4) - peak)
        elif peak <= t < back:
            v = 36 - (k % 3)  # the last pods starting: still above the usual range
        rows.append(f'job_start_wait_seconds{{pool="linux"}} {v:.1f} {t.timestamp():.3f}')
    (ev / "scrape.txt").write_text("\n".join(rows) + "\n# EOF\n", encoding="utf-8")
    repo, pm_id, _ = rebuilt(tmp_path, ev, "Jobs slow to start", at(10, 0), at(12, 0))
    recovered = [c for c in load_candidates(repo, pm_id) if c.kind == "recovery"]
    assert recovered
    assert abs((recovered[0].time - back).total_seconds()) <= 60, recovered[0].text


def test_what_responders_report_done_in_chat_is_a_mitigation_at_its_own_time(tmp_path):
    """Responders' reports of actions: a command said done a minute and more after it was
    announced is its own row (whoever tells the story dates the action by one or the other),
    an action on a counted set of things ("removed the 12 oldest ...") is an action, and a
    message saying what was done and then its effect is both the mitigation and the recovery."""
    errors, back = at(10, 11, 41), at(10, 45, 30)
    ev = _upload_log(tmp_path, errors, back, "upstream gateway timeout")
    announced, done, removed, fixed = at(10, 30), at(10, 31, 45), at(10, 40), at(10, 46, 10)
    _slack(ev / "slack", [
        (at(10, 20, 5), "Tomáš Novák", "uploads failing in eu-west-1, looking"),
        (announced, "Aoife Byrne", "stopping upload-sweeper.timer on all upload nodes first"),
        (done, "Aoife Byrne",
         "`ansible uploaders -b -m systemd -a 'name=upload-sweeper.timer state=stopped'` done"),
        (removed, "Tomáš Novák", "removed the 12 oldest staging exports, disk at 40%"),
        (fixed, "Aoife Byrne",
         "vendor restarted their gateway in eu-west-1, uploads succeed since 10:45, no more 500s"),
    ])  # fmt: skip
    repo, pm_id, _ = rebuilt(tmp_path, ev, "Uploads failing", at(10, 0), at(12, 0))
    candidates = load_candidates(repo, pm_id)
    for when in (announced, done, removed, fixed):
        assert _near(candidates, when, "mitigation", 1), when
    assert _near(candidates, fixed, "recovery", 60) or _near(candidates, back, "recovery", 60)


def test_a_rare_scheduled_job_starting_before_the_failure_is_a_change(tmp_path):
    """Celery beat's log (`Scheduler: Sending due task NAME`) and cron's syslog line
    (`CRON[pid]: (user) CMD (...)`): a job that starts once in what was read (a campaign's
    launch) is a change the schedule made, before the failure it may have started; jobs
    started every few minutes are the background, never a row."""
    errors, back = at(10, 11, 41), at(10, 45, 30)
    ev = _upload_log(tmp_path, errors, back, "upstream gateway timeout")
    launch = at(10, 5, 0)
    beat = [(t, "Scheduler: Sending due task queue-stats (mailer.tasks.publish_queue_stats)")
            for t in every(at(9, 0, 13), at(12, 0), timedelta(minutes=5))]  # fmt: skip
    beat.append((launch, "Scheduler: Sending due task spring-launch (campaigns.tasks.launch)"))
    (ev / "celery.log").write_text("".join(
        f"[{t:%Y-%m-%d %H:%M:%S},000: INFO/MainProcess] {text}\n" for t, text in sorted(beat)
    ), encoding="utf-8")  # fmt: skip
    cron = [f"{t:%b %d %H:%M:%S} app-1 CRON[{4000 + k}]: (root) CMD (/usr/bin/logrotate -f)"
            for k, t in enumerate(every(at(9, 0), at(12, 0), timedelta(minutes=10)))]  # fmt: skip
    (ev / "syslog").write_text("\n".join(cron) + "\n", encoding="utf-8")
    repo, pm_id, _ = rebuilt(tmp_path, ev, "Uploads failing", at(10, 0), at(12, 0))
    candidates = load_candidates(repo, pm_id)
    runs = [c for c in candidates if c.text.startswith("Scheduled run of")]
    assert [(c.kind, c.time) for c in runs] == [("change", launch)]
    assert "spring-launch" in runs[0].text


def _hook(name: str, labels: dict, receiver: str, starts: datetime, ends=None) -> str:
    """One Alertmanager webhook payload (version 4) of one alert, firing or resolved."""
    alert = {"status": "resolved" if ends else "firing", "labels": {"alertname": name, **labels},
             "annotations": {"summary": name}, "startsAt": z(starts),
             "endsAt": z(ends) if ends else "0001-01-01T00:00:00Z", "fingerprint": name}  # fmt: skip
    return json.dumps({"version": "4", "receiver": receiver, "status": alert["status"],
                       "groupKey": name, "alerts": [alert]})  # fmt: skip


def test_another_teams_flapping_warning_is_not_the_detection(tmp_path):
    """While uploads fail, a database warning of another team flaps in that team's channel
    (firing, resolved, firing again), and the page about uploads comes late: the warning names
    nothing that fails and is no high-confidence detection; the page's alert is."""
    from pm_tui.timeline.accept import HIGH_CONFIDENCE

    errors, back = at(10, 11, 41), at(10, 45, 30)
    ev = _upload_log(tmp_path, errors, back, "upstream gateway timeout")
    db = {"severity": "warning", "team": "wms-db", "instance": "wms-pg-2:9187"}
    page = {"severity": "page", "team": "uploads", "service": "upload-api"}
    flap = [(at(10, 14), at(10, 19)), (at(10, 31), at(10, 33)), (at(10, 52), at(10, 58))]
    rows = []
    for starts, ends in flap:
        rows += [_hook("ReplicaLagHigh", db, "slack-wms", starts),
                 _hook("ReplicaLagHigh", db, "slack-wms", starts, ends)]  # fmt: skip
    late = at(10, 29, 40)
    rows += [_hook("UploadErrorRatio", page, "pd-uploads", late),
             _hook("UploadErrorRatio", page, "pd-uploads", late, at(10, 49))]  # fmt: skip
    (ev / "hooks.ndjson").write_text("\n".join(rows) + "\n", encoding="utf-8")
    repo, pm_id, _ = rebuilt(tmp_path, ev, "Uploads failing", at(10, 0), at(12, 0))
    candidates = load_candidates(repo, pm_id)
    warned = _near(candidates, at(10, 14), "alert_fired", 1)
    assert warned and warned[0].confidence < HIGH_CONFIDENCE
    paged = _near(candidates, late, "alert_fired", 1)
    assert paged and paged[0].confidence >= HIGH_CONFIDENCE
