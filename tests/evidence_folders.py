"""Realistic evidence folders for the evidence-folder tests (#18), written into tmp dirs.

One incident, 2026-03-14 09:00-10:00 UTC (a checkout outage), as a responder would copy it
the morning after: logs from several hosts in several zones and layouts, a Kubernetes events
dump with a first start and a real restart, Alertmanager webhook captures with a flapping
alert, an amtool alert list, a PagerDuty export, an OpenMetrics dump, a GitHub Deployments
answer, a git log, a rules file, a Slack export whose bot posts keep their text only in
attachments and blocks, and files nobody can read. File names never give the kind away.
"""

from __future__ import annotations

import gzip
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

START = datetime(2026, 3, 14, 9, 0, tzinfo=UTC)
END = datetime(2026, 3, 14, 10, 0, tzinfo=UTC)
BERLIN = ZoneInfo("Europe/Berlin")
CHICAGO = ZoneInfo("America/Chicago")


def at(minutes: float) -> datetime:
    """START plus `minutes`."""
    return START + timedelta(minutes=minutes)


def repo_with_postmortem(tmp_path: Path, monkeypatch, title: str, start: datetime, end: datetime):
    """(repository, post-mortem): a new post-mortem repository in `tmp_path` holding one
    committed post-mortem, as `pm-tui collect ID --evidence DIR` finds it."""
    from pm_tui import postmortem_store
    from pm_tui.model import new_postmortem

    for key in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{key}_NAME", "Test Person")
        monkeypatch.setenv(f"GIT_{key}_EMAIL", "test@example.com")
    monkeypatch.setenv("PM_TUI_CONFIG", str(tmp_path / "no-config.toml"))
    repo = postmortem_store.Repository.open(tmp_path / "pm-repo")
    pm = new_postmortem(title, start, resolved=end)
    repo.save(pm)
    repo.commit(pm, "create")
    return repo, pm


def z(t: datetime) -> str:
    return t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# what each file is, as the tests expect it to be read (kind, lines of the file or None)
EXPECTED_KINDS = {
    "api-1.txt": "logs",
    "edge/error.txt": "logs",
    "db/postgres.out": "logs",
    "worker.gz": "logs",
    "cluster.json": "kube-events",
    "hooks.ndjson": "alertmanager-webhook",
    "silenced.json": "alertmanager-api-alerts",
    "incident.json": "pagerduty-log-entries",
    "scrape.txt": "openmetrics",
    "gh.json": "deploys",
    "shipit.csv": "deploys",
    "infra.txt": "git-log",
    "alerting.yaml": "alert-rules",
    "chat": "slack-export",
    "query.json": "prometheus-query-range",
}
UNREADABLE = {"core.bin": "binary", "notes.txt": "no known format", "empty.log": "empty"}


def write_api_log(path: Path, lines: int = 2000) -> None:
    """A Java service in Berlin time with an offset, stack traces under its errors."""
    out = []
    for i in range(lines):
        t = at(-30 + i * 0.05).astimezone(BERLIN)
        if i % 97 == 5:
            out.append(f"{t:%Y-%m-%dT%H:%M:%S}.{i % 1000:03d}{t:%z}"[:-2] + f":{t:%z}"[-2:]
                       + " ERROR 1 --- [nio-8080-exec-3] c.a.checkout.PayClient : payment call failed")  # fmt: skip
            out.append("java.net.SocketTimeoutException: Read timed out")
            out.append("\tat com.acme.checkout.PayClient.charge(PayClient.java:88)")
        else:
            out.append(f"{t:%Y-%m-%dT%H:%M:%S}.{i % 1000:03d}{t:%z}"[:-2] + f":{t:%z}"[-2:]
                       + "  INFO 1 --- [nio-8080-exec-1] c.a.checkout.Api : POST /checkout 200")  # fmt: skip
    path.write_text("\n".join(out) + "\n")


def write_apache_error(path: Path) -> None:
    """Apache 2.2 error log in Chicago local time (no offset in the file)."""
    rows = []
    for i in range(40):
        t = at(i * 1.5).astimezone(CHICAGO)
        level = "error" if i % 4 == 0 else "notice"
        rows.append(f"[{t:%a %b %d %H:%M:%S %Y}] [{level}] [client 10.1.2.{i}] upstream said {i}")
    path.write_text("\n".join(rows) + "\n")


def write_postgres(path: Path) -> None:
    rows = []
    for i in range(60):
        t = at(i).astimezone(BERLIN)
        abbr = "CET"
        word = "ERROR" if i % 10 == 3 else "LOG"
        rows.append(f"{t:%Y-%m-%d %H:%M:%S}.{i:03d} {abbr} [{4000 + i}] {word}:  checkpoint {i}")
    path.write_text("\n".join(rows) + "\n")


def write_worker_gz(path: Path) -> None:
    """Epoch milliseconds in the second column, gzipped."""
    rows = [
        f"worker-2 {int(at(i * 0.5).timestamp() * 1000)} WARN queue depth {i}" for i in range(120)
    ]
    path.write_bytes(gzip.compress(("\n".join(rows) + "\n").encode(), mtime=0))


def write_events(path: Path) -> None:
    """`kubectl get events -o json`: a first start of a new pod, then a real restart."""

    def ev(reason, minutes, obj, count=1, type_="Normal", message=""):
        return {
            "kind": "Event", "apiVersion": "v1", "reason": reason, "type": type_, "count": count,
            "message": message or reason, "firstTimestamp": z(at(minutes)),
            "lastTimestamp": z(at(minutes)), "metadata": {"namespace": "shop", "name": f"{obj}.{minutes}"},
            "involvedObject": {"kind": "Pod", "name": obj, "namespace": "shop"},
        }  # fmt: skip

    items = [
        ev("Scheduled", 5, "checkout-7d-new"),
        ev("Pulling", 5.1, "checkout-7d-new"),
        ev("Pulled", 5.2, "checkout-7d-new"),
        ev("Created", 5.3, "checkout-7d-new"),
        ev("Started", 5.4, "checkout-7d-new"),
        ev("Killing", 20, "checkout-7d-old", message="Container checkout failed liveness probe"),
        ev("Pulled", 20.5, "checkout-7d-old"),
        ev("Created", 20.6, "checkout-7d-old"),
        ev("Started", 20.7, "checkout-7d-old"),
        ev(
            "BackOff",
            25,
            "checkout-7d-old",
            count=4,
            type_="Warning",
            message="Back-off restarting failed container",
        ),  # fmt: skip
    ]
    path.write_text(json.dumps({"apiVersion": "v1", "kind": "List", "items": items}, indent=1))


def write_webhooks(path: Path) -> None:
    """JSON lines of webhook payloads: CheckoutDown flaps (fires, resolves, fires, resolves);
    the first firing was never captured, only its resolved notification."""

    def payload(status, starts, ends=None):
        alert = {"status": status, "labels": {"alertname": "CheckoutDown", "severity": "page"},
                 "annotations": {"summary": "checkout 5xx above 5%"}, "startsAt": z(starts),
                 "endsAt": z(ends) if ends else "0001-01-01T00:00:00Z", "fingerprint": "f00d"}  # fmt: skip
        return {"version": "4", "receiver": "pager", "status": status, "alerts": [alert]}

    rows = [
        payload("resolved", at(10), at(12)),
        payload("firing", at(14)),
        payload("firing", at(14)),  # re-sent after repeat_interval: the same transition
        payload("resolved", at(14), at(15)),
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")


def write_amtool(path: Path) -> None:
    """`amtool alert query -o json`: the API v2 alert list (one active, one silenced)."""
    alerts = [
        {"labels": {"alertname": "CheckoutLatencyHigh", "service": "checkout"},
         "annotations": {"summary": "p99 above 2s"}, "startsAt": z(at(8)), "endsAt": z(at(70)),
         "fingerprint": "a1", "receivers": [{"name": "pager"}], "updatedAt": z(at(30)),
         "status": {"state": "active", "silencedBy": [], "inhibitedBy": []}},
        {"labels": {"alertname": "NodeDiskFilling", "instance": "db-2"},
         "annotations": {"summary": "disk 85%"}, "startsAt": z(at(2)), "endsAt": z(at(70)),
         "fingerprint": "b2", "receivers": [{"name": "ops"}], "updatedAt": z(at(30)),
         "status": {"state": "suppressed", "silencedBy": ["s1"], "inhibitedBy": []}},
    ]  # fmt: skip
    path.write_text(json.dumps(alerts, indent=2))


def write_pagerduty(path: Path) -> None:
    """A log-entries export: escalation, reassignment, unacknowledged by timeout, a notified
    user with only a name."""
    entries = [
        {"type": "trigger_log_entry", "created_at": z(at(10)), "agent": {"summary": "Alertmanager"}},
        {"type": "notify_log_entry", "created_at": z(at(10.1)), "user": {"name": "Priya Raman"},
         "channel": {"type": "sms"}},
        {"type": "unacknowledge_log_entry", "created_at": z(at(25)),
         "summary": "Unacknowledged due to timeout", "channel": {"type": "timeout"}},
        {"type": "escalate_log_entry", "created_at": z(at(25.1)), "agent": {"summary": "Escalation policy"},
         "assignees": [{"summary": "Jonas Weber"}]},
        {"type": "reassign_log_entry", "created_at": z(at(27)), "agent": {"summary": "Jonas Weber"},
         "assignees": [{"summary": "DB on-call"}]},
        {"type": "acknowledge_log_entry", "created_at": z(at(28)), "agent": {"summary": "DB on-call"}},
        {"type": "resolve_log_entry", "created_at": z(at(55)), "agent": {"summary": "Jonas Weber"}},
    ]  # fmt: skip
    path.write_text(json.dumps({"log_entries": entries, "more": False}, indent=1))


def write_openmetrics(path: Path) -> None:
    rows = ["# TYPE http_requests counter", "# HELP http_requests Requests served.",
            "# TYPE queue_depth gauge", "# TYPE latency_seconds histogram"]  # fmt: skip
    total = 0
    for i in range(31):
        ts = at(i * 2).timestamp()
        total += 600 if i < 10 else 1800
        rows.append(f'http_requests_total{{code="200"}} {total} {ts:.3f}')
        rows.append(f"queue_depth {i * 3} {ts:.3f}")
        for le, share in (("0.1", 0.5), ("0.5", 0.9), ("1", 0.99), ("+Inf", 1.0)):
            rows.append(f'latency_seconds_bucket{{le="{le}"}} {int(total * share)} {ts:.3f}')
    rows.append("# EOF")
    path.write_text("\n".join(rows) + "\n")


def write_github_deployments(path: Path) -> None:
    deploys = [
        {"url": "https://api.github.com/repos/acme/checkout/deployments/1", "id": 1,
         "sha": "4f2a9c1d0e", "ref": "v3.8.0", "task": "deploy", "environment": "production",
         "description": "Deploy checkout v3.8.0", "creator": {"login": "mei-lin"},
         "created_at": z(at(3)), "repository_url": "https://api.github.com/repos/acme/checkout"},
        {"url": "https://api.github.com/repos/acme/checkout/deployments/2", "id": 2,
         "sha": "9ab01c2d3e", "ref": "v3.7.4", "task": "deploy", "environment": "production",
         "description": "Roll back checkout to v3.7.4", "creator": {"login": "jonas"},
         "created_at": z(at(40)), "repository_url": "https://api.github.com/repos/acme/checkout"},
    ]  # fmt: skip
    path.write_text(json.dumps(deploys, indent=2))


def write_shipit_csv(path: Path) -> None:
    path.write_text(
        "when;app;build;triggered_by;result\n"
        f"{z(at(-90))};search;b-771;ci-bot;ok\n"
        f"{z(at(33))};checkout-config;b-772;priya;ok\n"
    )


def write_git_log(path: Path) -> None:
    rows = [
        f"{'c0ffee1234'} {at(1).astimezone(BERLIN).isoformat()} Mei Lin checkout: raise pool to 80",
        f'{"deadbeef99"} {at(38).astimezone(BERLIN).isoformat()} Jonas Weber Revert "checkout: raise pool to 80"',
    ]
    path.write_text("\n".join(rows) + "\n")


def write_rules(path: Path) -> None:
    path.write_text(
        "groups:\n"
        "  - name: checkout\n"
        "    interval: 5s\n"
        "    rules:\n"
        "      - alert: CheckoutDown\n"
        '        expr: sum(rate(http_requests_total{code=~"5.."}[1m])) > 5\n'
        "        for: 30s\n"
        "        labels: {severity: page}\n"
        "        annotations:\n"
        "          summary: checkout 5xx above 5%\n"
    )


def write_query_range(path: Path) -> None:
    values = [[at(i).timestamp(), str(0.01 if i < 10 or i > 40 else 0.3)] for i in range(61)]
    body = {"status": "success", "data": {"resultType": "matrix", "result": [
        {"metric": {"__name__": "checkout_error_ratio", "service": "checkout"}, "values": values}]}}  # fmt: skip
    path.write_text(json.dumps(body))


def write_slack(root: Path) -> None:
    """Three channels: the incident channel (people), #alerts (bot posts whose text is only in
    attachments), #deploys (a bot post in blocks) and #random, quiet."""
    root.mkdir()
    channels = [{"id": "C1", "name": "alerts"}, {"id": "C2", "name": "inc-checkout-0314"},
                {"id": "C3", "name": "deploys"}, {"id": "C4", "name": "random"}]  # fmt: skip
    (root / "channels.json").write_text(json.dumps(channels))
    users = [{"id": "U1", "name": "priya", "real_name": "Priya Raman"},
             {"id": "U2", "name": "jonas", "profile": {"real_name": "Jonas Weber"}}]  # fmt: skip
    (root / "users.json").write_text(json.dumps(users))

    def ts(minutes):
        return f"{at(minutes).timestamp():.6f}"

    day = f"{START:%Y-%m-%d}.json"
    (root / "alerts").mkdir()
    (root / "alerts" / day).write_text(json.dumps([
        {"type": "message", "subtype": "bot_message", "text": "", "ts": ts(10), "username": "alertmanager",
         "bot_id": "B1", "attachments": [{"fallback": "[FIRING:1] CheckoutDown",
                                          "title": "[FIRING:1] CheckoutDown", "text": "checkout 5xx above 5%"}]},
        {"type": "message", "subtype": "bot_message", "text": "", "ts": ts(15), "username": "alertmanager",
         "bot_id": "B1", "attachments": [{"fallback": "[RESOLVED] CheckoutDown", "title": "[RESOLVED] CheckoutDown"}]},
    ]))  # fmt: skip
    (root / "inc-checkout-0314").mkdir()
    (root / "inc-checkout-0314" / day).write_text(json.dumps([
        {"type": "message", "user": "U1", "text": "checkout is throwing 5xx, looking", "ts": ts(11)},
        {"type": "message", "user": "U2", "text": "pool at 80 after the 09:01 change? rolling back", "ts": ts(36)},
        {"type": "message", "user": "U1", "text": "errors gone, monitoring", "ts": ts(45)},
    ]))  # fmt: skip
    (root / "deploys").mkdir()
    (root / "deploys" / day).write_text(json.dumps([
        {"type": "message", "text": "", "ts": ts(40), "bot_id": "B2",
         "bot_profile": {"name": "shipper"},
         "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "*checkout* v3.7.4 deployed to production"}}]},
    ]))  # fmt: skip
    (root / "random").mkdir()
    (root / "random" / day).write_text(json.dumps([
        {"type": "message", "user": "U2", "text": "lunch?", "ts": ts(-200)},
    ]))  # fmt: skip


def build_folder(root: Path) -> Path:
    """The whole evidence folder under `root/evidence`; returns it."""
    ev = root / "evidence"
    (ev / "edge").mkdir(parents=True)
    (ev / "db").mkdir()
    write_api_log(ev / "api-1.txt")
    write_apache_error(ev / "edge" / "error.txt")
    write_postgres(ev / "db" / "postgres.out")
    write_worker_gz(ev / "worker.gz")
    write_events(ev / "cluster.json")
    write_webhooks(ev / "hooks.ndjson")
    write_amtool(ev / "silenced.json")
    write_pagerduty(ev / "incident.json")
    write_openmetrics(ev / "scrape.txt")
    write_github_deployments(ev / "gh.json")
    write_shipit_csv(ev / "shipit.csv")
    write_git_log(ev / "infra.txt")
    write_rules(ev / "alerting.yaml")
    write_query_range(ev / "query.json")
    write_slack(ev / "chat")
    (ev / "core.bin").write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 8)
    (ev / "notes.txt").write_text("ask Priya about the pool change\nand the dashboard link\n")
    (ev / "empty.log").write_text("")
    # what content cannot tell: the Apache log and the Postgres log are in local time
    (ev / "evidence.toml").write_text(
        '[files."edge/error.txt"]\ntz = "America/Chicago"\n\n[files."db/*.out"]\ntz = "Europe/Berlin"\n'
    )
    return ev
