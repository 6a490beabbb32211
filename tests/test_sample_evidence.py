"""The bundled evidence of the 2025-02-09 incident: generated deterministically, never
drifting from its generator, and showing each event of the timeline at its time."""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
import urllib.parse
import urllib.request
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.rig.rig import Rig, RigError

ROOT = Path(__file__).resolve().parent.parent
GENERATOR = ROOT / "sample_incidents" / "generate_evidence.py"
EVIDENCE = ROOT / "sample_incidents" / "2025-02-09-api-service-degradation" / "evidence"


def utc(hhmmss: str) -> datetime:
    return datetime.fromisoformat(f"2025-02-09T{hhmmss}+00:00")


def read(rel: str) -> str:
    path = EVIDENCE / rel
    if path.suffix == ".gz":
        return gzip.decompress(path.read_bytes()).decode()
    return path.read_text()


def generate(out: Path, *args: str) -> None:
    subprocess.run(
        [sys.executable, str(GENERATOR), "-o", str(out), *args],
        check=True,
        capture_output=True,
        timeout=120,
    )


def tree(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def test_generator_is_deterministic(tmp_path: Path) -> None:
    generate(tmp_path / "a", "--scale", "0.1")
    generate(tmp_path / "b", "--scale", "0.1")
    a, b = tree(tmp_path / "a"), tree(tmp_path / "b")
    assert len(a) >= 14 and a == b


def test_shipped_evidence_equals_generator_output(tmp_path: Path) -> None:
    generate(tmp_path)
    generated = tree(tmp_path)
    shipped = {k: v for k, v in tree(EVIDENCE).items() if k != "README.md"}
    assert sorted(generated) == sorted(shipped)
    for rel, data in generated.items():
        if rel.endswith(".gz"):  # compare content: another zlib may compress differently
            assert gzip.decompress(data) == gzip.decompress(shipped[rel]), rel
        else:
            assert data == shipped[rel], rel
    assert sum(len(v) for v in shipped.values()) < 4_000_000


NGINX = re.compile(
    r'^(\S+) - \S+ \[(\d\d/\w{3}/\d{4}:\d\d:\d\d:\d\d) ([+-]\d{4})\] "(\S+) (\S+) [^"]*" (\d{3}) (\d+) "[^"]*" "[^"]*" ([\d.]+)$'
)


@pytest.fixture(scope="module")
def access_per_minute() -> dict[str, list[int]]:
    """HH:MM -> [requests, 5xx] from the nginx access log."""
    per: dict[str, list[int]] = {}
    last = ""
    for line in read("nginx/access.log.gz").splitlines():
        m = NGINX.match(line)
        assert m, line
        stamp = datetime.strptime(f"{m[2]} {m[3]}", "%d/%b/%Y:%H:%M:%S %z").astimezone(UTC)
        key = stamp.strftime("%H:%M:%S")
        assert key >= last, "access log must be time-sorted"
        last = key
        row = per.setdefault(key[:5], [0, 0])
        row[0] += 1
        row[1] += m[6].startswith("5")
    return per


def test_access_log_first_5xx_burst_at_1005_and_back_to_baseline_at_1058(access_per_minute) -> None:
    baseline = max(n5 for hm, (_, n5) in access_per_minute.items() if hm < "10:05")
    assert baseline <= 4  # the ~0.1 % of 500s all day
    burst = [hm for hm, (_, n5) in sorted(access_per_minute.items()) if n5 > 3 * max(baseline, 2)]
    assert burst[0] == "10:05"
    assert burst[-1] == "10:58"
    assert all(
        access_per_minute[f"10:{m:02d}"][1] / access_per_minute[f"10:{m:02d}"][0] > 0.1
        for m in range(6, 59)
    )
    after = [n5 for hm, (_, n5) in access_per_minute.items() if hm >= "10:59"]
    assert max(after) <= 4 and len(after) == 181
    share_after = sum(n5 for hm, (_, n5) in access_per_minute.items() if hm >= "10:59") / sum(
        n for hm, (n, _) in access_per_minute.items() if hm >= "10:59"
    )
    assert share_after < 0.005
    assert access_per_minute["06:00"][0] > 60 and access_per_minute["13:59"][0] > 60


def _app_records() -> list[dict]:
    return [json.loads(line) for line in read("app/api.jsonl.gz").splitlines()]


def test_app_log_pool_exhaustion_from_1005_and_slow_queries_from_1003() -> None:
    recs = _app_records()
    times = [r["ts"] for r in recs]
    assert times == sorted(times)
    pool = [
        r["ts"]
        for r in recs
        if r["msg"].startswith("QueuePool limit of size 20 overflow 10 reached")
    ]
    assert pool[0].startswith("2025-02-09T10:05:0") and pool[-1] < "2025-02-09T10:58:31"
    assert len(pool) > 500
    slow = Counter(r["ts"][11:16] for r in recs if r["msg"].startswith("slow query"))
    assert min(slow) == "10:03" and slow["10:04"] > slow["10:03"]
    assert "slow query" in "".join(
        r["msg"] for r in recs if r["ts"] < "2025-02-09T11:25"
    ) and not any(
        r["msg"].startswith("slow query") for r in recs if r["ts"] > "2025-02-09T11:25:01"
    )
    assert any(
        r["msg"].startswith("migration applied: 0143") and r["ts"].startswith("2025-02-09T11:25:00")
        for r in recs
    )
    # benign noise spread over the whole day
    for msg in (
        "deprecated endpoint /v1/legacy-orders called",
        "upstream timed out calling recommendations-svc (timeout 2s)",
    ):
        hours = Counter(r["ts"][11:13] for r in recs if r["msg"] == msg)
        assert set(hours) == {f"{h:02d}" for h in range(6, 14)}, msg


def test_worker_log_uses_python_logging_format_with_tracebacks() -> None:
    text = read("app/worker.log")
    first = text.splitlines()[0]
    assert re.match(r"^2025-02-09 06:\d\d:\d\d,\d{3} INFO worker: ", first)
    errors = re.findall(
        r"^(2025-02-09 \d\d:\d\d:\d\d,\d{3}) ERROR worker: order sync failed: QueuePool", text, re.M
    )
    assert errors[0].startswith("2025-02-09 10:05") and errors[-1] < "2025-02-09 10:59"
    assert text.count("Traceback (most recent call last):") == len(errors)


def test_kubectl_logs_have_rfc3339_nano_prefix() -> None:
    lines = read("kubectl/api-logs.txt.gz").splitlines()
    assert all(re.match(r"^2025-02-09T\d\d:\d\d:\d\d\.\d{9}Z \{", line) for line in lines)
    assert all(
        json.loads(line.split(" ", 1)[1])["pod"] == "api-6f9c7d8b5-wr7jt" for line in lines[:50]
    )


def test_kube_events_show_deploy_and_cache_mitigation() -> None:
    doc = json.loads(read("kubectl/events.json"))
    assert doc["kind"] == "List"
    scaling = [
        (e["firstTimestamp"], e["involvedObject"]["name"], e["message"])
        for e in doc["items"]
        if e["reason"] == "ScalingReplicaSet"
    ]
    assert ("2025-02-09T09:41:30Z", "api", "Scaled up replica set api-6f9c7d8b5 to 1") in scaling
    assert (
        "2025-02-09T09:43:00Z",
        "api",
        "Scaled down replica set api-5b8f6c9d7 to 0 from 1",
    ) in scaling
    assert any(t.startswith("2025-02-09T10:51:20") and n == "order-cache" for t, n, _ in scaling)
    assert ("2025-02-09T10:52:00Z", "api", "Scaled up replica set api-7c8d4b9f6 to 1") in scaling
    started = [
        e["involvedObject"]["name"]
        for e in doc["items"]
        if e["reason"] == "Started" and e["firstTimestamp"] < "2025-02-09T10:53"
    ]
    assert any(n.startswith("order-cache-") for n in started) and "api-7c8d4b9f6-m3k8s" in started


def test_change_records() -> None:
    deploys = json.loads(read("changes/deployments.json"))
    assert all(set(d) == {"time", "service", "version", "actor", "description"} for d in deploys)
    assert {
        "time": "2025-02-09T09:41:30Z",
        "service": "api",
        "version": "v2.3.0",
        "actor": "argo-cd",
        "description": "api v2.3.0: order lookup by customer_ref",
    } in deploys
    cache = [d for d in deploys if "ORDER_LOOKUP_CACHE=on" in d["description"]]
    assert [(d["time"], d["actor"]) for d in cache] == [("2025-02-09T10:52:00Z", "Bob Okafor")]
    log = [line.split("\t") for line in read("changes/git-log.txt").splitlines()]
    assert all(len(parts) == 3 and datetime.fromisoformat(parts[0]).tzinfo for parts in log)
    merge = [p for p in log if "Merge pull request #1287" in p[2]]
    assert (
        merge[0][1] == "Dana Ruiz"
        and datetime.fromisoformat(merge[0][0]).astimezone(UTC).date().isoformat() == "2025-02-08"
    )


def test_alert_notifications_fire_1012_and_resolve_1104() -> None:
    payloads = json.loads(read("alertmanager/notifications.json"))
    assert [p["status"] for p in payloads] == ["firing", "resolved"]
    fired, resolved = (p["alerts"][0] for p in payloads)
    assert fired["labels"] == {"alertname": "HighErrorRate", "job": "api", "severity": "page"}
    assert fired["startsAt"] == "2025-02-09T10:12:00Z" and fired["endsAt"] == "0001-01-01T00:00:00Z"
    assert resolved["endsAt"] == "2025-02-09T11:04:00Z"


def test_pagerduty_log_entries() -> None:
    doc = json.loads(read("pagerduty/log_entries.json"))
    assert {"limit", "offset", "more", "total"} <= set(doc) and doc["more"] is False
    entries = sorted(doc["log_entries"], key=lambda e: e["created_at"])
    got = [(e["type"], e["created_at"], e["agent"]["summary"]) for e in entries]
    assert got[0][:2] == ("trigger_log_entry", "2025-02-09T10:12:20Z")
    assert ("acknowledge_log_entry", "2025-02-09T10:16:05Z", "Alice Chen") in got
    assert ("resolve_log_entry", "2025-02-09T11:40:00Z", "Alice Chen") in got
    notes = [e for e in entries if e["type"] == "notify_log_entry"]
    assert {n["notification"]["type"] for n in notes} == {"phone_notification", "push_notification"}
    assert all(
        n["user"]["summary"] == "Alice Chen" and n["created_at"] == "2025-02-09T10:12:21Z"
        for n in notes
    )
    assert all(
        e["incident"]["id"] == "Q1ABCDEF2GHIJK" and e["service"]["summary"] == "api-production"
        for e in entries
    )


def test_slack_export() -> None:
    users = {u["id"]: u["real_name"] for u in json.loads(read("slack/users.json"))}
    (channel,) = json.loads(read("slack/channels.json"))
    msgs = json.loads(read(f"slack/{channel['name']}/2025-02-09.json"))
    said = [
        (
            datetime.fromtimestamp(float(m["ts"]), UTC).strftime("%H:%M:%S"),
            users.get(m.get("user")),
            m["text"],
        )
        for m in msgs
        if "subtype" not in m
    ]
    assert said[0] == (
        "10:18:30",
        "Alice Chen",
        "Investigating elevated 5xx on api, paged at 10:12",
    )
    by_time = {t: (who, text) for t, who, text in said}
    assert by_time["10:24:10"][0] == "Bob Okafor" and "pool exhausted" in by_time["10:24:10"][1]
    assert "Seq Scan on orders" in by_time["10:31:00"][1]
    assert by_time["10:45:00"][0] == "Priya Nair" and "cache" in by_time["10:45:00"][1]
    assert (
        by_time["10:52:10"][0] == "Bob Okafor" and "cache layer deployed" in by_time["10:52:10"][1]
    )
    assert by_time["11:25:00"][0] == "Dana Ruiz" and "index created" in by_time["11:25:00"][1]
    assert by_time["11:40:00"] == ("Priya Nair", "Resolved. Cache stays on; post-mortem tomorrow.")


def test_planted_secrets_are_where_the_readme_says() -> None:
    readme = read("README.md")
    for secret, rel in (
        ("S3cr3tP4ss", "app/api.jsonl.gz"),
        ("Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.", "app/api.jsonl.gz"),
        (
            "xoxb-2741389650-5938271046235-Zq8HnR2vLk4TyW7mPc3XsJ1d",
            "slack/inc-api-2025-02-09/2025-02-09.json",
        ),
    ):
        assert secret in read(rel) and secret.rstrip(".") in readme


def _get(url: str, **params: str) -> dict:
    with urllib.request.urlopen(url + "?" + urllib.parse.urlencode(params), timeout=10) as r:
        return json.load(r)


@pytest.fixture(scope="module")
def sample_rig(tmp_path_factory):
    """The sample's metrics and alerting rules in the test rig's real Prometheus."""
    rig = Rig(
        tmp_path_factory.mktemp("sample-rig"),
        metrics=EVIDENCE / "prometheus" / "metrics.om.gz",
        rules=EVIDENCE / "prometheus" / "rules.yml",
        seed=None,
    )
    try:
        env = rig.start()
    except RigError as exc:  # a skipped rig test proves nothing: fail clearly instead
        pytest.fail(f"the test rig did not start (bash dev.sh test installs its servers): {exc}")
    try:
        yield env
    finally:
        rig.stop()


@pytest.mark.rig
def test_metrics_and_rules_give_the_alert_history_in_the_real_prometheus(sample_rig) -> None:
    body = _get(
        sample_rig["PROM_URL"] + "/api/v1/query",
        query='ALERTS{alertname="HighErrorRate"}[4h]',
        time="2025-02-09T12:30:00Z",
    )
    runs = {}
    for s in body["data"]["result"]:
        ts = [int(t) for t, _ in s["values"]]
        assert all(b - a == 60 for a, b in zip(ts, ts[1:], strict=False)), "one uninterrupted run"
        runs[s["metric"]["alertstate"]] = (ts[0], ts[-1])
    assert runs == {
        "pending": (utc("10:07:00").timestamp(), utc("10:11:00").timestamp()),
        "firing": (
            utc("10:12:00").timestamp(),
            utc("11:03:00").timestamp(),
        ),  # resolved at the 11:04 evaluation
    }
    pool = _get(
        sample_rig["PROM_URL"] + "/api/v1/query",
        query='max(max_over_time(db_pool_connections_in_use{job="api"}[1h]))',
        time="2025-02-09T10:30:00Z",
    )
    assert float(pool["data"]["result"][0]["value"][1]) == 30
