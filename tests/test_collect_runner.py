"""Running several sources: one failure never stops the others; the CLI's core, collect_into."""

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
from tests.fixtures_rig import rig  # noqa: F401


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


def test_collect_into_records_sources_and_keeps_evidence(changes_file, tmp_path):
    pm = new_postmortem("API errors", at("10:00"), resolved=at("11:00"))
    specs = [SourceSpec("changes", str(changes_file)), SourceSpec("alertmanager", refused_url())]
    evidence_dir = tmp_path / "evidence"
    results = cmd_collect.collect_into(pm, specs, WINDOW, evidence_dir)
    by_kind = {s.kind: s for s in pm.sources}
    assert by_kind["changes"].counts["change"] == 1 and by_kind["changes"].gaps == []
    assert by_kind["changes"].window_start == at("09:00")
    assert "connection refused" in by_kind["alertmanager"].gaps[0]
    saved = load_evidence(evidence_dir / "evidence.jsonl")
    assert [e.text for e in saved] == ["Deploy api v1.42.0"]
    table = cmd_collect.summary_table(results)
    assert "FAILED" in table and "changes" in table

    # collecting one source again replaces its record and evidence, and keeps the others
    (tmp_path / "git.log").write_text("2025-02-09T10:40:00Z\tSam\tRoll back api\n")
    cmd_collect.collect_into(
        pm, [SourceSpec("changes", str(tmp_path / "git.log"))], WINDOW, evidence_dir
    )
    assert sorted(s.kind for s in pm.sources) == ["alertmanager", "changes", "changes"]
    saved = load_evidence(evidence_dir / "evidence.jsonl")
    assert [e.text for e in saved] == ["Deploy api v1.42.0", "Roll back api"]
    cmd_collect.collect_into(pm, [SourceSpec("changes", str(changes_file))], WINDOW, evidence_dir)
    assert len(pm.sources) == 3 and len(load_evidence(evidence_dir / "evidence.jsonl")) == 2


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
    specs = cmd_collect.specs_from_args(args)
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
    assert specs[4].options["token_env"] == "PAGERDUTY_TOKEN"


def test_window_from_the_postmortem():
    pm = new_postmortem("API errors", at("10:00"), resolved=at("11:00"))
    window = cmd_collect.incident_window(pm, baseline_minutes=30)
    assert (window.read_start, window.end) == (at("09:30"), at("11:00"))
    window = cmd_collect.incident_window(pm, end="2025-02-09T10:45:00Z")
    assert window.end == at("10:45")
    from pm_tui.errors import UsageError

    with pytest.raises(UsageError, match="ends before it starts"):
        cmd_collect.incident_window(pm, end="2025-02-09T09:00:00Z")
