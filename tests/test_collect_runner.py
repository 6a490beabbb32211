"""Running several sources: one failure never stops the others; the collect use case
(pm_tui.workflow.collect) records them and keeps the evidence; the one collection window."""

from __future__ import annotations

import argparse
import json
import socket
import threading
from datetime import datetime, timedelta

import pytest

from pm_tui.cli import cmd_collect
from pm_tui.collectors.evidence import Cancelled, CollectWindow
from pm_tui.collectors.evidence_store import load_evidence
from pm_tui.collectors.runner import SourceSpec, collect_all, is_failed
from pm_tui.model import new_postmortem
from pm_tui.postmortem_store import Repository
from pm_tui.workflow.collect import collect_sources, recollect_sources
from pm_tui.workflow.sources import specs_for
from pm_tui.workflow.window import collection_window


def at(hhmm: str) -> datetime:
    return datetime.fromisoformat(f"2025-02-09T{hhmm}:00+00:00")


WINDOW = CollectWindow(start=at("10:00"), end=at("11:00"), baseline=timedelta(hours=1))


def refused_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{sock.getsockname()[1]}"


@pytest.fixture()
def changes_file(tmp_path):
    path = tmp_path / "deploys.json"
    path.write_text(
        json.dumps([{"time": "2025-02-09T10:02:00Z", "service": "api", "version": "v1.42.0"}])
    )
    return path


def test_one_failed_source_never_stops_the_others(rig, changes_file, tmp_path):
    specs = [
        SourceSpec("prometheus", rig["PROM_URL"], options={"selector": 'job="api"'}),
        SourceSpec("alertmanager", refused_url()),
        SourceSpec("slack", str(tmp_path / "no-such-export")),
        SourceSpec("changes", str(changes_file)),
    ]
    seen = []
    results = collect_all(specs, WINDOW, lambda spec: lambda *a: seen.append(spec.kind))
    assert [r.kind for r in results] == ["prometheus", "alertmanager", "slack", "changes"]
    prom, am, slack, changes = results
    assert not is_failed(prom) and any(e.kind == "alert" for e in prom.evidence)
    assert is_failed(am) and "connection refused" in am.gaps[0].reason and not am.evidence
    assert is_failed(slack) and "not a folder" in slack.gaps[0].reason
    assert [e.text for e in changes.evidence] == ["Deploy api v1.42.0"]
    assert "prometheus" in seen


def test_cancel_stops_collection(changes_file):
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        collect_all([SourceSpec("changes", str(changes_file))], WINDOW, cancel=cancel)


def test_collect_records_sources_and_keeps_evidence(changes_file, tmp_path):
    repo = Repository.open(tmp_path / "repo")
    pm = new_postmortem("API errors", at("10:00"), resolved=at("11:00"))
    evidence_dir = repo.evidence_dir(pm.id)
    specs = [SourceSpec("changes", str(changes_file)), SourceSpec("alertmanager", refused_url())]
    done = collect_sources(repo, pm, specs, WINDOW)
    by_kind = {s.kind: s for s in pm.sources}
    assert by_kind["changes"].counts["change"] == 1 and by_kind["changes"].gaps == []
    assert by_kind["changes"].window_start == at("09:00")
    assert "connection refused" in by_kind["alertmanager"].gaps[0]
    assert done.changed == ["1 of 2 sources read"] and "connection refused" in done.failed[0]
    saved = load_evidence(evidence_dir / "evidence.jsonl")
    assert [e.text for e in saved] == ["Deploy api v1.42.0"]
    table = cmd_collect.summary_table(done.results)
    assert "FAILED" in table and "changes" in table

    # collecting one source again replaces its record and evidence, and keeps the others
    (tmp_path / "git.log").write_text("2025-02-09T10:40:00Z\tSam\tRoll back api\n")
    collect_sources(repo, pm, [SourceSpec("changes", str(tmp_path / "git.log"))], WINDOW)
    assert sorted(s.kind for s in pm.sources) == ["alertmanager", "changes", "changes"]
    saved = load_evidence(evidence_dir / "evidence.jsonl")
    assert [e.text for e in saved] == ["Deploy api v1.42.0", "Roll back api"]
    collect_sources(repo, pm, [SourceSpec("changes", str(changes_file))], WINDOW)
    assert len(pm.sources) == 3 and len(load_evidence(evidence_dir / "evidence.jsonl")) == 2


def test_source_options_are_kept_and_used_again(tmp_path, changes_file):
    """A source read with options keeps them in the TOML; reading it again repeats them."""
    repo = Repository.open(tmp_path / "repo")
    pm = new_postmortem("API errors", at("10:00"), resolved=at("11:00"))
    url = refused_url()
    spec = SourceSpec("prometheus", url, "up", {"queries": ["up"], "selector": 'job="api"',
                                                "token_env": "PROM_TOKEN", "ca_bundle": "ca.pem"})  # fmt: skip
    collect_sources(repo, pm, [spec], WINDOW)
    repo.save(pm)
    again = repo.load(pm.id)
    (source,) = again.sources
    assert source.query == "up"
    assert source.options == {
        "selector": 'job="api"',
        "token_env": "PROM_TOKEN",
        "ca_bundle": "ca.pem",
    }
    seen = []
    import pm_tui.collectors.runner as runner

    real = runner.collect_all

    def spy(specs, *args, **kwargs):
        seen.extend(specs)
        return real(specs, *args, **kwargs)

    runner.collect_all, saved = spy, runner.collect_all
    try:
        recollect_sources(repo, again, None, WINDOW)
    finally:
        runner.collect_all = saved
    assert seen[0].options["selector"] == 'job="api"' and seen[0].options["ca_bundle"] == "ca.pem"
    assert seen[0].query == "up"


def parse(argv):
    parser = argparse.ArgumentParser()
    cmd_collect.register(parser.add_subparsers())
    return parser.parse_args(argv)


def test_cli_arguments_become_specs():
    args = parse(
        ["collect", "2025-02-09-api-errors", "--logs", "a.log", "b.log", "--prometheus",
         "http://127.0.0.1:9090", "--query", "up", "--query", "sum(rate(x[5m]))", "--selector",
         'job="api"', "--pagerduty", "Q1ABC", "--slack", "export", "--slack-channel", "inc",
         "--kubectl", "deployment/api", "--namespace", "shop"]
    )  # fmt: skip
    specs = specs_for(cmd_collect.source_options(args))
    assert [(s.kind, s.target) for s in specs] == [
        ("logs", "a.log"),
        ("logs", "b.log"),
        ("kubectl", "deployment/api"),
        ("prometheus", "http://127.0.0.1:9090"),
        ("pagerduty", "Q1ABC"),
        ("slack", "export"),
    ]
    assert specs[2].options == {"namespace": "shop"}
    assert specs[3].options["queries"] == ["up", "sum(rate(x[5m]))"]
    assert specs[3].options["selector"] == 'job="api"'
    assert specs[4].options == {}  # the defaults (api.pagerduty.com, $PAGERDUTY_TOKEN) are not kept


def test_window_from_the_postmortem():
    """One window everywhere: baseline before the start, a 30-minute all-clear margin after
    the resolution (or the mitigation), an explicit end as given, an open incident to now."""
    pm = new_postmortem("API errors", at("10:00"), resolved=at("11:00"))
    window = collection_window(pm, baseline_minutes=30)
    assert (window.read_start, window.end) == (at("09:30"), at("11:30"))
    window = collection_window(pm, end=at("10:45"))
    assert window.end == at("10:45")
    pm.window.resolved, pm.window.mitigated = None, at("10:40")
    assert collection_window(pm).end == at("11:10")
    pm.window.mitigated = None
    assert collection_window(pm, now=at("12:00")).end == at("12:00")
    assert collection_window(pm, now=at("12:00") + timedelta(days=3)).end == at(
        "10:00"
    ) + timedelta(hours=24)
    from pm_tui.errors import UsageError

    with pytest.raises(UsageError, match="ends before it starts"):
        collection_window(pm, end=at("09:00"))


def test_source_options_as_typed_in_the_wizard():
    from pm_tui.errors import UsageError
    from pm_tui.workflow.sources import format_source_options, parse_source_options

    typed = 'selector=\'job="api",code=~"5.."\' token_env=PROM_TOKEN retries=3'
    options = parse_source_options(typed, "prometheus")
    assert options == {"selector": 'job="api",code=~"5.."', "token_env": "PROM_TOKEN", "retries": 3}
    assert parse_source_options(format_source_options(options), "prometheus") == options
    for text, kind, says in (
        ("namespace=shop", "logs", "logs source has no option 'namespace'"),
        ("selector", "prometheus", "is not key=value"),
        ("retries=many", "prometheus", "whole number"),
        ("selector='job", "prometheus", "No closing quotation"),
    ):
        with pytest.raises(UsageError, match=says):
            parse_source_options(text, kind)
