"""`pm-tui collect` end to end: a real repository, real files, a source that fails."""

from __future__ import annotations

import json
import socket
from datetime import datetime

from pm_tui import postmortem_store
from pm_tui.collectors.evidence_store import load_evidence
from pm_tui.model import new_postmortem


def at(hhmm: str) -> datetime:
    return datetime.fromisoformat(f"2025-02-09T{hhmm}:00+00:00")


def test_collect_command_records_sources_and_commits(tmp_path, monkeypatch, capsys):
    for key in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{key}_NAME", "Test Person")
        monkeypatch.setenv(f"GIT_{key}_EMAIL", "test@example.com")
    from pm_tui.cli.main import main

    repo = postmortem_store.Repository.open(tmp_path / "pm-repo")
    pm = new_postmortem("API errors", at("10:00"), resolved=at("11:00"))
    repo.save(pm)
    repo.commit(pm, "create")
    deploys = tmp_path / "deploys.json"
    deploys.write_text(
        json.dumps([{"time": "2025-02-09T10:02:00Z", "service": "api", "version": "v2"}])
    )
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        refused = f"http://127.0.0.1:{sock.getsockname()[1]}"

    code = main(["--repo", str(tmp_path / "pm-repo"), "collect", pm.id, "--changes", str(deploys),
                 "--alertmanager", refused])  # fmt: skip

    out, err = capsys.readouterr()
    assert code == 3  # one source failed; the other's evidence is still kept (exit 3: gaps)
    assert "FAILED" in out and "connection refused" in out and "changes" in out
    saved = repo.load(pm.id)
    assert sorted(s.kind for s in saved.sources) == ["alertmanager", "changes"]
    evidence = load_evidence(repo.evidence_dir(pm.id) / "evidence.jsonl")
    assert [e.text for e in evidence] == ["Deploy api v2"]
    assert not repo.has_uncommitted_changes(pm.id)


def test_a_configured_basic_auth_is_not_hidden_by_the_default_token_variable():
    """`init` writes token_env = PROMETHEUS_TOKEN; a user_env added to the config is what
    collect sends (it sent nothing and got 401), unless a token variable is given as a flag."""
    from pm_tui.workflow.sources import SourceOptions, specs_for

    config = {"prometheus": {"url": "http://prom:9090", "token_env": "PROMETHEUS_TOKEN",
                             "user_env": "PROM_USER", "password_env": "PROM_PASSWORD"}}  # fmt: skip
    (spec,) = specs_for(SourceOptions(prometheus="http://prom:9090"), config)
    assert spec.options["username_env"] == "PROM_USER" and "token_env" not in spec.options
    flagged = SourceOptions(prometheus="http://prom:9090", prometheus_token_env="MY_TOKEN")
    (spec,) = specs_for(flagged, config)
    assert spec.options["token_env"] == "MY_TOKEN" and "username_env" not in spec.options


def test_query_without_url_uses_the_configured_prometheus(tmp_path, monkeypatch):
    import argparse

    from pm_tui.cli.cmd_collect import register, source_options
    from pm_tui.config import load_config
    from pm_tui.workflow.sources import specs_for

    cfg = tmp_path / "config.toml"
    cfg.write_text('[prometheus]\nurl = "http://127.0.0.1:9"\ntoken_env = "PROM_TOKEN"\n')
    monkeypatch.setenv("PM_TUI_CONFIG", str(cfg))
    parser = argparse.ArgumentParser()
    register(parser.add_subparsers())
    args = parser.parse_args(["collect", "x", "--query", "up"])
    (spec,) = specs_for(source_options(args), load_config())
    assert spec.kind == "prometheus" and spec.target == "http://127.0.0.1:9"
    assert spec.options["token_env"] == "PROM_TOKEN"
