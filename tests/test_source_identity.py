"""Each source its own identity (#18): one deployment in two namespaces, two channels of one
Slack export are two sources, each kept beside the other; reading one again replaces only it."""

from __future__ import annotations

import json
import os
import stat
import sys
from datetime import UTC, datetime

from pm_tui.collectors.evidence_store import load_evidence
from pm_tui.postmortem_store import Repository
from tests.conftest import SAMPLE_ID, run_cli

# a stand-in kubectl: the log lines name the namespace it was asked for
KUBECTL = """#!{python}
import sys
args = sys.argv[1:]
ns = args[args.index("--namespace") + 1] if "--namespace" in args else "default"
for minute in range(10, 20):
    sys.stdout.write(f"2025-02-09T10:{{minute}}:00Z ERROR {{ns}}: upstream timed out\\n")
"""


def _kubectl_on_path(tmp_path) -> dict:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    script = bin_dir / "kubectl"
    script.write_text(KUBECTL.format(python=sys.executable))
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return {"PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}


def _collect(repo, *args, env=None):
    done = run_cli("--repo", str(repo.root), "collect", SAMPLE_ID, "--no-commit", *args, env=env)
    assert done.returncode in (0, 3), done.stderr
    assert "Traceback" not in done.stderr
    return done


def _evidence(repo):
    return load_evidence(repo.evidence_dir(SAMPLE_ID) / "evidence.jsonl")


def test_one_deployment_in_two_namespaces_is_two_sources(sample_repo, tmp_path):
    env = _kubectl_on_path(tmp_path)
    for ns in ("payments", "checkout", "payments"):  # payments read twice: replaced, not doubled
        _collect(sample_repo, "--kubectl", "deployment/api", "--namespace", ns, env=env)
    pm = Repository(sample_repo.root).load(SAMPLE_ID)
    records = [s for s in pm.sources if s.kind == "kubectl"]
    assert sorted(s.options.get("namespace") for s in records) == ["checkout", "payments"]
    texts = [e.text for e in _evidence(sample_repo) if e.source.startswith("kubectl:")]
    for ns in ("payments", "checkout"):
        mine = [t for t in texts if f"{ns}: upstream timed out" in t]
        assert mine, f"the {ns} namespace's lines were not kept"
    sources = {e.source for e in _evidence(sample_repo) if e.source.startswith("kubectl:")}
    assert len(sources) == 2


def _slack_export(root):
    root.mkdir()
    channels = [{"id": "C1", "name": "inc-api"}, {"id": "C2", "name": "ops-chat"}]
    (root / "channels.json").write_text(json.dumps(channels))
    (root / "users.json").write_text(json.dumps([{"id": "U1", "name": "dana"}]))
    t = datetime(2025, 2, 9, 10, 20, tzinfo=UTC).timestamp()
    for channel, text in (("inc-api", "rolling back api"), ("ops-chat", "db failover done")):
        (root / channel).mkdir()
        day = [{"type": "message", "user": "U1", "text": text, "ts": f"{t:.6f}"}]
        (root / channel / "2025-02-09.json").write_text(json.dumps(day))


def test_two_channels_of_one_slack_export_are_two_sources(sample_repo, tmp_path):
    export = tmp_path / "slack-export"
    _slack_export(export)
    for channel in ("inc-api", "ops-chat", "#inc-api"):
        _collect(sample_repo, "--slack", str(export), "--slack-channel", channel)
    pm = Repository(sample_repo.root).load(SAMPLE_ID)
    records = [s for s in pm.sources if s.kind == "slack" and s.target.endswith("slack-export")]
    assert sorted(s.query for s in records) == ["#inc-api", "#ops-chat"]
    texts = {e.text for e in _evidence(sample_repo) if e.kind == "message"}
    assert any("rolling back api" in t for t in texts)
    assert any("db failover done" in t for t in texts)
    # read three times, the first channel's message is kept once
    assert sum("rolling back api" in e.text for e in _evidence(sample_repo)) == 1
