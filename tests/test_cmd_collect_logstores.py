"""`pm-tui collect` with log stores: flags, the query kept on the source so collecting again
repeats it, credentials named in the config, a refused token as one line."""

from __future__ import annotations

from datetime import timedelta

import pytest

from pm_tui import postmortem_store
from pm_tui.collectors.evidence_store import load_evidence
from pm_tui.model import new_postmortem
from tests.logstore_fakes import FakeLoki, FakeSearch, serve
from tests.test_collect_logstores import RECORDS, WINDOW, _ecs, _line, _ns


@pytest.fixture
def repo(tmp_path, monkeypatch):
    for key in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{key}_NAME", "Test Person")
        monkeypatch.setenv(f"GIT_{key}_EMAIL", "test@example.com")
    monkeypatch.setenv("PM_TUI_CONFIG", str(tmp_path / "config.toml"))
    repo = postmortem_store.Repository.open(tmp_path / "pm-repo")
    pm = new_postmortem(
        "Payments failing", WINDOW.start, resolved=WINDOW.end - timedelta(minutes=30)
    )
    repo.save(pm)
    repo.commit(pm, "create")
    return repo, pm


@pytest.fixture(scope="module")
def loki():
    fake = FakeLoki()
    for service in ("checkout", "payments"):
        entries = [
            (_ns(r["ts"]) + i, _line(r)) for i, r in enumerate(RECORDS) if r["service"] == service
        ]
        fake.push({"service": service}, entries)
    with serve(fake) as url:
        yield fake, url


def run(repo, *argv):
    from pm_tui.cli.main import main

    return main(["--repo", str(repo.root), "collect", *argv, "--baseline", "60", "--end",
                 WINDOW.end.strftime("%Y-%m-%dT%H:%M:%SZ")])  # fmt: skip


def test_loki_flags_record_the_query_and_collecting_again_repeats_it(repo, loki, capsys):
    repo, pm = repo
    fake, url = loki
    code = run(repo, pm.id, "--loki", url, "--logql", '{service="payments"} |= "exhausted"')
    out, err = capsys.readouterr()
    assert code == 0, out + err
    saved = repo.load(pm.id)
    (source,) = saved.sources
    assert (source.kind, source.target, source.query) == (
        "loki",
        url,
        '{service="payments"} |= "exhausted"',
    )
    kept = load_evidence(repo.evidence_dir(pm.id) / "evidence.jsonl")
    assert kept and all("exhausted" in e.text for e in kept)

    fake.requests.clear()
    assert run(repo, pm.id) == 0  # no source named: the recorded ones, as recorded
    assert fake.requests and all(
        q["query"] == '{service="payments"} |= "exhausted"' for _, _, q in fake.requests
    )


def _kept(repo, pm) -> list:
    return load_evidence(repo.evidence_dir(pm.id) / "evidence.jsonl")


def test_two_logql_queries_against_one_loki_are_two_sources(repo, loki, capsys):
    """The second query adds a source beside the first; collecting both again keeps each
    query's evidence once (before, the second replaced the first and its evidence)."""
    repo, pm = repo
    fake, url = loki
    exhausted, checkout = '{service="payments"} |= "exhausted"', '{service="checkout"}'
    assert run(repo, pm.id, "--loki", url, "--logql", exhausted) == 0
    assert run(repo, pm.id, "--loki", url, "--logql", checkout) == 0, capsys.readouterr().out
    sources = repo.load(pm.id).sources
    assert [(s.kind, s.target, s.query) for s in sources] == [
        ("loki", url, exhausted),
        ("loki", url, checkout),
    ]
    first = _kept(repo, pm)
    assert any("exhausted" in e.text for e in first)  # the first query's evidence is still there
    assert any(e.attrs.get("service") == "checkout" for e in first)
    assert len({e.source for e in first}) == 2  # each query's evidence named apart
    assert run(repo, pm.id) == 0  # both again, as recorded
    assert len(repo.load(pm.id).sources) == 2
    again = _kept(repo, pm)
    assert sorted((e.source, e.time, e.text) for e in again) == sorted(
        (e.source, e.time, e.text) for e in first
    )  # nothing lost, nothing twice


def test_evidence_kept_under_the_old_name_is_replaced_not_doubled(repo, loki, capsys):
    """A post-mortem collected before sources were named by their query (`loki:URL`) reads
    the same and collecting it again replaces that evidence."""
    import json

    repo, pm = repo
    fake, url = loki
    assert run(repo, pm.id, "--loki", url, "--logql", '{service="payments"}') == 0
    path = repo.evidence_dir(pm.id) / "evidence.jsonl"
    lines = [json.loads(line) for line in path.read_text().splitlines()]
    path.write_text("".join(json.dumps({**d, "source": f"loki:{url}"}) + "\n" for d in lines))
    assert {e.source for e in _kept(repo, pm)} == {f"loki:{url}"}  # as an old file holds it
    assert run(repo, pm.id) == 0
    kept = _kept(repo, pm)
    assert len(kept) == len(lines)
    assert {e.source for e in kept} == {d["source"] for d in lines}


def test_a_refused_token_is_one_line_naming_the_variable(repo, loki, capsys, tmp_path, monkeypatch):
    repo, pm = repo
    fake, url = loki
    (tmp_path / "config.toml").write_text('[loki]\ntoken_env = "LOKI_TOKEN"\n')
    monkeypatch.delenv("LOKI_TOKEN", raising=False)
    fake.token = "secret-loki-token"
    try:
        code = run(repo, pm.id, "--loki", url, "--logql", '{service="payments"}')
    finally:
        fake.token = None
    out, err = capsys.readouterr()
    assert code == 1
    lines = [ln for ln in out.splitlines() if "HTTP 401" in ln]
    assert len(lines) == 1 and "$LOKI_TOKEN is not set" in lines[0]
    assert "Traceback" not in out + err


def test_search_flags_and_usage_errors(repo, capsys):
    repo, pm = repo
    fake = FakeSearch("opensearch")
    fake.add("logs-1", [_ecs(r) for r in RECORDS])
    with serve(fake) as url:
        code = run(repo, pm.id, "--opensearch", url, "--index", "logs-*", "--search", "exhausted")
    out, err = capsys.readouterr()
    assert code == 0, out + err
    (source,) = repo.load(pm.id).sources
    assert source.kind == "opensearch" and source.options["index"] == "logs-*"
    from pm_tui.cli.main import main

    for argv, words in (
        (["--logql", '{a="b"}'], "--logql needs --loki"),
        (["--where", "1"], "--table/--where need --clickhouse"),
        (["--search", "x"], "--index/--search need"),
    ):
        assert main(["--repo", str(repo.root), "collect", pm.id, *argv]) == 2
        assert words in capsys.readouterr().err


def test_doctor_checks_a_configured_clickhouse_and_its_password(clickhouse, tmp_path, monkeypatch):
    from tests.conftest import run_cli
    from tests.test_doctor import configure, lines

    configure(
        tmp_path,
        ("clickhouse.url", clickhouse),
        ("clickhouse.user_env", "CH_USER"),
        ("clickhouse.password_env", "CH_PASSWORD"),
    )
    monkeypatch.setenv("CH_USER", "reader")
    monkeypatch.setenv("CH_PASSWORD", "reader-secret")
    good = run_cli("doctor")
    assert "ClickHouse 18." in lines(good)["clickhouse"], good.stdout
    assert "user and password from $CH_USER/$CH_PASSWORD" in lines(good)["clickhouse"]
    monkeypatch.setenv("CH_PASSWORD", "wrong-password")
    bad = run_cli("doctor")
    assert bad.returncode == 4
    line = lines(bad)["clickhouse"]
    assert line.startswith("FAIL") and "$CH_USER/$CH_PASSWORD were refused" in line
    assert "wrong-password" not in bad.stdout + bad.stderr


def test_doctor_reaches_loki_with_its_tenant_and_token(tmp_path, monkeypatch):
    """doctor sends loki.tenant as X-Scope-OrgID and the token, as collect does; a missing
    tenant or a refused token is named, the token never printed."""
    from tests.conftest import run_cli
    from tests.test_doctor import configure, lines

    fake = FakeLoki(multi_tenant=True)
    fake.push({"service": "payments", "env": "prod"}, [(1, "x")], tenant="team-a")
    fake.token = "loki-doctor-token"
    with serve(fake) as url:
        configure(tmp_path, ("loki.url", url), ("loki.token_env", "LOKI_TOKEN"))
        monkeypatch.setenv("LOKI_TOKEN", "loki-doctor-token")
        no_tenant = run_cli("doctor")
        assert no_tenant.returncode == 4, no_tenant.stdout
        line = lines(no_tenant)["loki"]
        assert line.startswith("FAIL") and "HTTP 401" in line and "loki.tenant" in line
        assert run_cli("config", "set", "loki.tenant", "team-a").returncode == 0
        good = run_cli("doctor")
        assert good.returncode == 0, good.stdout
        line = lines(good)["loki"]
        assert "Loki answers (2 labels)" in line
        assert "token from $LOKI_TOKEN, tenant team-a" in line
        monkeypatch.setenv("LOKI_TOKEN", "wrong-loki-token")
        bad = run_cli("doctor")
    assert bad.returncode == 4
    assert "the token in $LOKI_TOKEN was refused" in lines(bad)["loki"]
    for done in (no_tenant, good, bad):
        for secret in ("loki-doctor-token", "wrong-loki-token"):
            assert secret not in done.stdout + done.stderr


def test_doctor_sends_an_api_key_as_collect_does(tmp_path, monkeypatch):
    """An Elasticsearch API key (token_format "ApiKey {token}") is sent as collect sends it."""
    from tests.conftest import run_cli
    from tests.test_doctor import configure, lines

    fake = FakeSearch("elasticsearch")
    fake.token = "ApiKey es-key-123"
    with serve(fake) as url:
        configure(
            tmp_path,
            ("elasticsearch.url", url),
            ("elasticsearch.token_env", "ES_API_KEY"),
            ("elasticsearch.token_format", "ApiKey {token}"),
        )
        monkeypatch.setenv("ES_API_KEY", "es-key-123")
        done = run_cli("doctor")
    assert done.returncode == 0, done.stdout
    assert "Elasticsearch 8." in lines(done)["elasticsearch"]
    assert "es-key-123" not in done.stdout + done.stderr


def test_plain_mode_adds_a_log_store_with_the_config_options(tmp_path, monkeypatch):
    from pm_tui.model import SOURCE_KINDS, new_postmortem
    from pm_tui.plain.steps import step_sources
    from tests.plain_script import ENTER, down, scripted

    cfg = tmp_path / "config.toml"
    cfg.write_text('[clickhouse]\nuser_env = "CH_USER"\npassword_env = "CH_PASSWORD"\n')
    monkeypatch.setenv("PM_TUI_CONFIG", str(cfg))
    pm = new_postmortem("Payments failing", WINDOW.start)
    script = [
        ("Evidence sources: what next?", down(1)),  # Add a source
        ("Kind of source", down(SOURCE_KINDS.index("clickhouse"))),  # from "logs", the first
        ("Target", "http://ch.internal:8123" + ENTER),
        ("Query", "ServiceName = 'payments'" + ENTER),
        ("Evidence sources: what next?", ENTER),  # Done
    ]
    with scripted(script) as ask:
        step_sources(pm, ask)
    (source,) = pm.sources
    assert (source.kind, source.query) == ("clickhouse", "ServiceName = 'payments'")
    assert source.options == {"username_env": "CH_USER", "password_env": "CH_PASSWORD"}
