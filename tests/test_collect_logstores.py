"""Logs where they live: the same incident in a file, Loki, Elasticsearch, OpenSearch,
ClickHouse and CloudWatch gives the same evidence and the same timeline candidates.

ClickHouse, VictoriaMetrics and CloudWatch (moto) are real servers (tests/logstore_servers.py);
Loki and Elasticsearch/OpenSearch are fakes written from their API docs (tests/logstore_fakes.py).
The incident is built relative to now (moto refuses events older than 14 days).
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta

import pytest

from pm_tui.collectors.evidence import CollectorError, CollectWindow
from pm_tui.collectors.http import HttpOptions
from pm_tui.collectors.log_stores import LogStoreOptions
from pm_tui.collectors.logs.collect import collect_logs
from pm_tui.timeline.reconstruct import reconstruct
from tests.logstore_fakes import FakeLoki, FakeSearch, serve
from tests.logstore_servers import clickhouse_sql

SECRET = "hunter2hunter2"
PAGE = 100  # small pages and 20-minute slices: many page and slice boundaries
SLICE = 20.0
BURST = 120  # records in ONE second, more than a page: a tie across page boundaries

BASE = (datetime.now(UTC) - timedelta(hours=4)).replace(second=0, microsecond=0)
WINDOW = CollectWindow(
    start=BASE + timedelta(minutes=60),
    end=BASE + timedelta(minutes=150),
    baseline=timedelta(hours=1),
)


def _iso(t: datetime) -> str:
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def incident() -> list[dict]:
    """A payments incident as JSON-line records (whole seconds), some outside the window."""
    records = []

    def add(seconds: int, level: str, msg: str, service: str) -> None:
        records.append(
            {
                "ts": BASE + timedelta(seconds=seconds),
                "level": level,
                "msg": msg,
                "service": service,
            }
        )

    for i, s in enumerate(range(-600, 170 * 60, 20)):
        add(s, "info", f"GET /api/orders 200 in {40 + i % 7} ms", "checkout")
    for s in range(3600, 3600 + 1800, 5):
        add(s, "error", "payment authorize failed: upstream timeout after 10000 ms", "payments")
    for k in range(BURST):
        add(3900, "error", f"connection pool exhausted (waiters={k})", "payments")
    add(3610, "warning", f"retrying with password={SECRET} on db-1", "payments")
    add(5400, "info", "feature flag payments.fallback enabled by alice", "checkout")
    records.sort(key=lambda r: r["ts"])  # stable: the burst keeps its order
    return records


RECORDS = incident()


def _line(r: dict) -> str:
    return json.dumps(
        {"ts": _iso(r["ts"]), "level": r["level"], "msg": r["msg"], "service": r["service"]}
    )


def _ns(t: datetime) -> int:
    return int(t.timestamp()) * 1_000_000_000


@pytest.fixture(scope="module")
def from_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("logs") / "app.log"
    path.write_text("".join(_line(r) + "\n" for r in RECORDS))
    return collect_logs(path, WINDOW)


def records(result) -> list[tuple]:
    return [(e.time, e.text, e.attrs.get("level"), e.attrs.get("service")) for e in result.evidence]


def candidates(result) -> list[tuple]:
    """The candidates, the source's name in their text put aside (`in app.log`, `in loki ...`)."""
    from pm_tui.timeline.candidate import source_label

    label = source_label(result.source)
    return [
        (c.kind, c.time, c.text.replace(label, "SOURCE"))
        for c in reconstruct(result.evidence, WINDOW)
    ]


def options(url: str, query: str = "", **extra) -> LogStoreOptions:
    limits = {k: extra.pop(k) for k in ("max_records",) if k in extra}
    return LogStoreOptions(
        HttpOptions(url, backoff=0.01, **extra.pop("http", {})),
        query=query, page_size=PAGE, slice_minutes=SLICE, extra=extra, **limits,
    )  # fmt: skip


def assert_same_as_file(result, from_file, mask=None) -> None:
    got, want = records(result), records(from_file)
    # no loss, no duplicate (the same multiset), same text, level and service, in time order;
    # records of one second may come in another order than the file's (two streams, a hash)
    assert sorted(got) == sorted(want)
    assert [r[0] for r in got] == [r[0] for r in want]
    assert not any(SECRET in e.text for e in result.evidence)  # redacted before kept
    assert result.redactions >= 1
    if mask:
        assert [(k, t, re.sub(*mask, x)) for k, t, x in candidates(result)] == [
            (k, t, re.sub(*mask, x)) for k, t, x in candidates(from_file)
        ]
    else:
        assert candidates(result) == candidates(from_file)
    assert result.counts["pages"] > 10  # it did page (and slice)


def test_the_file_reference_is_what_the_incident_says(from_file):
    assert len(from_file.evidence) == sum(WINDOW.contains(r["ts"]) for r in RECORDS)
    assert sum("waiters" in e.text for e in from_file.evidence) == BURST
    kinds = {c[0] for c in candidates(from_file)}
    assert kinds  # the incident gives candidates to compare


# --- Loki (fake written from the docs) ---------------------------------------------------
@pytest.fixture(scope="module")
def loki():
    fake = FakeLoki(multi_tenant=True)
    for service in ("checkout", "payments"):
        entries = [(_ns(r["ts"]), _line(r)) for r in RECORDS if r["service"] == service]
        # one nanosecond apart inside a second, as Loki keeps a burst's order
        bumped, last, n = [], None, 0
        for ns, line in entries:
            n = n + 1 if ns == last else 0
            last = ns
            bumped.append((ns + n, line))
        fake.push({"service": service, "env": "prod"}, bumped, tenant="team-a")
    with serve(fake) as url:
        yield fake, url


def test_loki_gives_the_same_evidence_and_candidates_as_the_file(loki, from_file):
    from pm_tui.collectors.loki import collect_loki

    fake, url = loki
    result = collect_loki(options(url, '{env="prod"}', tenant="team-a"), WINDOW)
    assert_same_as_file(result, from_file)
    assert result.evidence[0].attrs["env"] == "prod"  # stream labels kept
    assert result.query == '{env="prod"}'


def test_loki_line_filter_and_tenant(loki):
    from pm_tui.collectors.loki import collect_loki

    fake, url = loki
    result = collect_loki(
        options(url, '{service="payments"} |= "pool exhausted"', tenant="team-a"), WINDOW
    )
    assert len(result.evidence) == BURST
    with pytest.raises(CollectorError, match="HTTP 401"):
        collect_loki(options(url, '{env="prod"}'), WINDOW)  # no X-Scope-OrgID


def test_loki_500_then_200_is_retried_and_429_honours_retry_after(loki, from_file):
    from pm_tui.collectors.loki import collect_loki

    fake, url = loki
    fake.fail_next(500, "internal error")
    fake.fail_next(429, "slow down", {"Retry-After": "0"})
    before = len(fake.requests)
    result = collect_loki(options(url, '{env="prod"}', tenant="team-a"), WINDOW)
    assert sorted(records(result)) == sorted(records(from_file))
    assert len(fake.requests) - before == result.counts["pages"] + 2


def test_loki_401_names_the_variable_to_set(loki, monkeypatch):
    from pm_tui.collectors.loki import collect_loki

    fake, url = loki
    fake.token = "loki-token-123"
    monkeypatch.delenv("LOKI_TOKEN", raising=False)
    try:
        with pytest.raises(CollectorError) as caught:
            collect_loki(
                options(url, '{env="prod"}', tenant="team-a", http={"token_env": "LOKI_TOKEN"}),
                WINDOW,
            )
        message = str(caught.value)
        assert "\n" not in message and "$LOKI_TOKEN is not set" in message and "401" in message
        monkeypatch.setenv("LOKI_TOKEN", "loki-token-123")
        result = collect_loki(
            options(url, '{service="checkout"}', tenant="team-a", http={"token_env": "LOKI_TOKEN"}),
            WINDOW,
        )
        assert result.evidence
    finally:
        fake.token = None


def test_records_cap_is_a_gap(loki):
    from pm_tui.collectors.loki import collect_loki

    fake, url = loki
    result = collect_loki(options(url, '{env="prod"}', tenant="team-a", max_records=150), WINDOW)
    assert len(result.evidence) == 150
    (gap,) = result.gaps
    assert "records cap of 150" in gap.reason and gap.end == WINDOW.end


def test_loki_metric_query_is_one_line(loki):
    from pm_tui.collectors.loki import collect_loki

    fake, url = loki
    with pytest.raises(CollectorError, match="HTTP 400"):
        collect_loki(options(url, "rate(nothing[5m])", tenant="team-a"), WINDOW)


# --- Elasticsearch / OpenSearch (fakes written from the docs) -------------------------------
def _ecs(r: dict) -> dict:
    return {
        "@timestamp": _iso(r["ts"]),
        "log": {"level": r["level"]},
        "message": r["msg"],
        "service": {"name": r["service"]},
    }


@pytest.fixture(scope="module", params=["elasticsearch", "opensearch"])
def search(request):
    fake = FakeSearch(request.param)
    half = len(RECORDS) // 2  # two daily indices, read through one pattern
    fake.add("logs-app-1", [_ecs(r) for r in RECORDS[:half]])
    fake.add("logs-app-2", [_ecs(r) for r in RECORDS[half:]])
    fake.add(
        "metrics-x", [{"@timestamp": _iso(BASE + timedelta(minutes=70)), "message": "not a log"}]
    )
    with serve(fake) as url:
        yield request.param, fake, url


def test_search_gives_the_same_evidence_and_candidates_as_the_file(search, from_file):
    from pm_tui.collectors.elasticsearch import collect_elasticsearch

    kind, fake, url = search
    result = collect_elasticsearch(options(url, index="logs-app-*"), WINDOW, kind=kind)
    assert_same_as_file(result, from_file)
    assert not fake.pits  # the point in time was closed
    assert result.evidence[0].attrs["index"].startswith("logs-app-")


def test_search_with_an_api_key(search, monkeypatch):
    from pm_tui.collectors.elasticsearch import collect_elasticsearch

    kind, fake, url = search
    fake.token = "ApiKey a2V5OnNlY3JldA=="  # Elasticsearch API keys are not bearer tokens
    monkeypatch.setenv("ES_API_KEY", "a2V5OnNlY3JldA==")
    http = {"token_env": "ES_API_KEY", "token_format": "ApiKey {token}"}
    try:
        result = collect_elasticsearch(
            options(url, "exhausted", index="logs-app-*", http=http), WINDOW, kind=kind
        )
        assert len(result.evidence) == BURST
        with pytest.raises(CollectorError, match=r"HTTP 401.*\$ES_API_KEY"):
            collect_elasticsearch(
                options(url, index="logs-app-*", http={"token_env": "ES_API_KEY"}),
                WINDOW,
                kind=kind,
            )
    finally:
        fake.token = None


def test_search_query_string_and_missing_index(search):
    from pm_tui.collectors.elasticsearch import collect_elasticsearch

    kind, fake, url = search
    result = collect_elasticsearch(
        options(url, "service.name:payments AND exhausted", index="logs-*"), WINDOW, kind=kind
    )
    assert len(result.evidence) == BURST
    with pytest.raises(CollectorError, match="no index matches 'nope-\\*'"):
        collect_elasticsearch(options(url, index="nope-*"), WINDOW, kind=kind)


# --- ClickHouse (real server) ----------------------------------------------------------------
@pytest.fixture(scope="module")
def clickhouse_logs(clickhouse):
    clickhouse_sql(clickhouse, "DROP TABLE IF EXISTS app_logs")
    clickhouse_sql(
        clickhouse,
        "CREATE TABLE app_logs (Timestamp DateTime, SeverityText String, ServiceName String, "
        "Body String) ENGINE = MergeTree ORDER BY Timestamp",
    )
    rows = "\n".join(
        json.dumps(
            {
                "Timestamp": r["ts"].strftime("%Y-%m-%d %H:%M:%S"),
                "SeverityText": r["level"],
                "ServiceName": r["service"],
                "Body": r["msg"],
            }
        )  # fmt: skip
        for r in RECORDS
    )
    clickhouse_sql(clickhouse, "INSERT INTO app_logs FORMAT JSONEachRow", rows.encode())
    return clickhouse


def test_clickhouse_gives_the_same_evidence_and_candidates_as_the_file(clickhouse_logs, from_file):
    from pm_tui.collectors.clickhouse import collect_clickhouse

    result = collect_clickhouse(options(clickhouse_logs, table="app_logs"), WINDOW)
    # a table has no insertion order: which line of the one-second burst a candidate quotes
    # may differ from the file's first one
    assert_same_as_file(result, from_file, mask=(r"waiters=\d+", "waiters=N"))


def test_clickhouse_filter_and_old_server_without_query_parameters(clickhouse_logs):
    from pm_tui.collectors import clickhouse as ch
    from pm_tui.collectors.http import JsonClient

    result = ch.collect_clickhouse(
        options(
            clickhouse_logs,
            "ServiceName = 'payments' AND Body LIKE '%exhausted%'",
            table="app_logs",
        ),
        WINDOW,
    )
    assert len(result.evidence) == BURST
    # 18.16 has no {name:Type} parameters: detected, and values sent as quoted literals
    hostile = ["it's", "back\\slash", "quote\\'); DROP TABLE app_logs; --", "ünï\tcode\n"]
    with JsonClient("clickhouse:test", HttpOptions(clickhouse_logs)) as client:
        server = ch._Server(client, None)
        for value in hostile:
            (row,) = server.rows("SELECT <<v>> AS v FORMAT JSONEachRow", {"v": value})
            assert row["v"] == value
        assert server.parameters is False
    assert "app_logs" in clickhouse_sql(clickhouse_logs, "SHOW TABLES")


def test_clickhouse_bad_names_and_credentials(clickhouse_logs, monkeypatch):
    from pm_tui.collectors.clickhouse import collect_clickhouse

    with pytest.raises(CollectorError, match="not a plain name"):
        collect_clickhouse(options(clickhouse_logs, table="logs; DROP TABLE x"), WINDOW)
    with pytest.raises(CollectorError, match="has no column 'ts'"):
        collect_clickhouse(options(clickhouse_logs, table="app_logs", time_column="ts"), WINDOW)
    monkeypatch.setenv("CH_USER", "reader")
    monkeypatch.setenv("CH_PASSWORD", "wrong")
    auth = {"username_env": "CH_USER", "password_env": "CH_PASSWORD"}
    with pytest.raises(CollectorError, match=r"HTTP 401.*\$CH_USER/\$CH_PASSWORD"):
        collect_clickhouse(options(clickhouse_logs, table="app_logs", http=auth), WINDOW)
    monkeypatch.setenv("CH_PASSWORD", "reader-secret")
    assert collect_clickhouse(
        options(clickhouse_logs, table="app_logs", http=auth), WINDOW
    ).evidence


# --- CloudWatch Logs (moto's real local server) ----------------------------------------------
@pytest.fixture(scope="module")
def cloudwatch(moto_server, monkeypatch_module):
    import boto3

    for key, value in {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
                       "AWS_DEFAULT_REGION": "us-east-1"}.items():  # fmt: skip
        monkeypatch_module.setenv(key, value)
    logs = boto3.client("logs", endpoint_url=moto_server, region_name="us-east-1")
    group = "/pm-tui/payments"
    logs.create_log_group(logGroupName=group)
    for service in ("checkout", "payments"):
        logs.create_log_stream(logGroupName=group, logStreamName=service)
        events = [
            {"timestamp": int(r["ts"].timestamp() * 1000), "message": _line(r)}
            for r in RECORDS
            if r["service"] == service
        ]
        logs.put_log_events(logGroupName=group, logStreamName=service, logEvents=events)
    return moto_server, group


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as mp:
        yield mp


def test_cloudwatch_gives_the_same_evidence_and_candidates_as_the_file(cloudwatch, from_file):
    from pm_tui.collectors.cloudwatch import collect_cloudwatch

    url, group = cloudwatch
    result = collect_cloudwatch(options(url, log_groups=[group], region="us-east-1"), WINDOW)
    assert_same_as_file(result, from_file)
    assert result.evidence[0].attrs["log_group"] == group


def test_cloudwatch_unknown_group_and_no_credentials(cloudwatch, monkeypatch):
    from pm_tui.collectors.cloudwatch import collect_cloudwatch

    url, group = cloudwatch
    with pytest.raises(CollectorError, match="log group '/nope' not found"):
        collect_cloudwatch(options(url, log_groups=["/nope"]), WINDOW)
    for key in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_PROFILE"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent")
    monkeypatch.setenv("AWS_CONFIG_FILE", "/nonexistent")
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    with pytest.raises(CollectorError, match="set AWS_ACCESS_KEY_ID"):
        collect_cloudwatch(options(url, log_groups=[group]), WINDOW)


def test_doctor_checks_the_configured_cloudwatch_log_groups(cloudwatch, tmp_path, monkeypatch):
    """doctor reads the configured log groups as collect does (region, endpoint, the AWS
    chain): a readable group is ok, an unknown one and missing credentials are named."""
    from tests.conftest import run_cli
    from tests.test_doctor import configure, lines

    url, group = cloudwatch
    configure(
        tmp_path,
        ("cloudwatch.endpoint_url", url),
        ("cloudwatch.region", "us-east-1"),
        ("cloudwatch.log_groups", group),
    )
    good = run_cli("doctor")
    assert good.returncode == 0, good.stdout
    assert lines(good)["cloudwatch"].startswith("ok") and f"{group} readable" in good.stdout
    assert run_cli("config", "set", "cloudwatch.log_groups", "/nope").returncode == 0
    missing = run_cli("doctor")
    assert missing.returncode == 1
    assert "log group '/nope' not found" in lines(missing)["cloudwatch"]
    for key in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_PROFILE"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent")
    monkeypatch.setenv("AWS_CONFIG_FILE", "/nonexistent")
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    unset = run_cli("doctor")
    assert unset.returncode == 4
    assert "set AWS_ACCESS_KEY_ID" in lines(unset)["cloudwatch"]


# --- VictoriaMetrics: the Prometheus collector against a long-term store ---------------------
@pytest.fixture(scope="module")
def vm_loaded(victoria_metrics):
    """VictoriaMetrics holding the rig's incident metrics (imported as Prometheus text, ms)."""
    import urllib.request

    from tests.rig import fixture

    lines = []
    for line in fixture.openmetrics().splitlines():
        if line and not line.startswith("#"):
            head, value, seconds = line.rsplit(" ", 2)
            lines.append(f"{head} {value} {int(seconds) * 1000}")
    request = urllib.request.Request(
        victoria_metrics + "/api/v1/import/prometheus", data="\n".join(lines).encode()
    )
    urllib.request.urlopen(request, timeout=60).close()
    urllib.request.urlopen(victoria_metrics + "/internal/force_flush", timeout=60).close()
    return victoria_metrics


def test_prometheus_collector_reads_victoria_metrics_under_a_path_prefix(vm_loaded):
    from pm_tui.collectors.prometheus import PrometheusOptions, collect_prometheus

    victoria_metrics = vm_loaded
    at = lambda hm: datetime(2025, 2, 9, int(hm[:2]), int(hm[3:]), tzinfo=UTC)  # noqa: E731
    window = CollectWindow(start=at("10:00"), end=at("11:00"), baseline=timedelta(hours=1))
    http = HttpOptions(victoria_metrics + "/prometheus", headers={"X-Scope-OrgID": "team-a"})
    result = collect_prometheus(
        PrometheusOptions(http=http, selector='job="api"', alerts=False), window
    )
    (ratio,) = [e for e in result.evidence if e.attrs["name"] == "error_ratio"]
    values = dict(ratio.attrs["points"])
    assert values["2025-02-09T09:30:00Z"] < 0.01  # baseline before the incident
    assert values["2025-02-09T10:20:00Z"] == pytest.approx(12 / 52, rel=1e-2)  # as Prometheus
    assert values["2025-02-09T10:50:00Z"] < 0.01
    (rate,) = [e for e in result.evidence if e.attrs["name"] == "request_rate"]
    assert dict(rate.attrs["points"])["2025-02-09T09:30:00Z"] == pytest.approx(2 * 50.05, rel=1e-2)


def test_collect_cli_against_a_long_term_store_with_a_tenant(vm_loaded, tmp_path, monkeypatch):
    from pm_tui import postmortem_store
    from pm_tui.cli.main import main
    from pm_tui.collectors.evidence_store import load_evidence
    from pm_tui.collectors.runner import http_options
    from pm_tui.model import new_postmortem
    from pm_tui.workflow.sources import SourceOptions, specs_for

    (spec,) = specs_for(SourceOptions(prometheus="http://mimir/prometheus", prometheus_tenant="t1"))
    assert http_options(spec, spec.target).headers == {"X-Scope-OrgID": "t1"}

    start = datetime(2025, 2, 9, 10, 0, tzinfo=UTC)
    repo = postmortem_store.Repository.open(tmp_path / "pm-repo")
    pm = new_postmortem("API errors", start, resolved=start + timedelta(hours=1))
    repo.save(pm)
    repo.commit(pm, "create")
    url = vm_loaded + "/prometheus"
    code = main(["--repo", str(repo.root), "collect", pm.id, "--prometheus", url,
                 "--prometheus-tenant", "team-a", "--selector", 'job="api"', "--no-commit"])  # fmt: skip
    assert code in (0, 3)  # 3: the latency preset has no histogram here (a gap)
    (source,) = repo.load(pm.id).sources
    assert source.target == url and source.options["tenant"] == "team-a"
    kept = load_evidence(repo.evidence_dir(pm.id) / "evidence.jsonl")
    assert any(e.kind == "metric" and e.attrs["name"] == "error_ratio" for e in kept)


def test_a_prometheus_source_with_a_query_is_collected_again(vm_loaded, tmp_path, capsys):
    """`collect ID` repeats a recorded --query (the record kept the presets joined by '; ',
    which the store refused as one query)."""
    from pm_tui import postmortem_store
    from pm_tui.cli.main import main
    from pm_tui.model import new_postmortem

    start = datetime(2025, 2, 9, 10, 0, tzinfo=UTC)
    repo = postmortem_store.Repository.open(tmp_path / "pm-repo")
    pm = new_postmortem("API errors", start, resolved=start + timedelta(hours=1))
    repo.save(pm)
    repo.commit(pm, "create")
    argv = ["--repo", str(repo.root), "collect", pm.id, "--no-commit"]
    query = 'sum(rate(http_requests_total{job="api"}[5m]))'
    url = vm_loaded + "/prometheus"
    assert main([*argv, "--prometheus", url, "--query", query]) in (0, 3)
    (source,) = repo.load(pm.id).sources
    assert source.query == query and source.counts.get("metric")
    first = source.counts
    capsys.readouterr()
    assert main(argv) in (0, 3)
    out = capsys.readouterr().out
    (source,) = repo.load(pm.id).sources
    assert "FAILED" not in out and not any("failed" in g for g in source.gaps), out
    assert source.counts == first


def test_a_prometheus_source_recorded_by_an_earlier_version_is_collected_again(
    vm_loaded, tmp_path, capsys
):
    """An earlier version kept the presets it ran, joined by '; ', as the source's query and
    named its evidence `prometheus:URL`: collecting again reads the person's query alone,
    mends the record and replaces that evidence (nothing kept twice)."""
    import json

    from pm_tui import postmortem_store
    from pm_tui.cli.main import main
    from pm_tui.collectors.evidence_store import load_evidence
    from pm_tui.collectors.prometheus import PrometheusOptions, choose_step, preset_queries
    from pm_tui.model import new_postmortem

    start = datetime(2025, 2, 9, 10, 0, tzinfo=UTC)
    repo = postmortem_store.Repository.open(tmp_path / "pm-repo")
    pm = new_postmortem("API errors", start, resolved=start + timedelta(hours=1))
    repo.save(pm)
    repo.commit(pm, "create")
    argv = ["--repo", str(repo.root), "collect", pm.id, "--no-commit"]
    query = 'sum(rate(http_requests_total{job="api"}[5m]))'
    url = vm_loaded + "/prometheus"
    assert main([*argv, "--prometheus", url, "--query", query]) in (0, 3)
    path = repo.evidence_dir(pm.id) / "evidence.jsonl"
    first = load_evidence(path)
    old = repo.load(pm.id)  # as an earlier version wrote it
    (source,) = old.sources
    step = choose_step(source.window_start, source.window_end)
    presets = [q for _, q in preset_queries(PrometheusOptions(HttpOptions(url)), step)]
    source.query = "; ".join([*presets, query])
    repo.save(old)
    lines = [json.loads(line) for line in path.read_text().splitlines()]
    path.write_text("".join(json.dumps({**d, "source": f"prometheus:{url}"}) + "\n" for d in lines))
    capsys.readouterr()
    assert main(argv) in (0, 3)
    out = capsys.readouterr().out
    assert "FAILED" not in out, out
    (source,) = repo.load(pm.id).sources
    assert source.query == query
    again = load_evidence(path)
    assert sorted((e.source, e.time, e.text) for e in again) == sorted(
        (e.source, e.time, e.text) for e in first
    )
