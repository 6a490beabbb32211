"""`pm-tui collect ID --evidence FOLDER` (#18): every file read by what it is, nothing unread
in silence. A realistic folder (tests/evidence_folders.py), a real repository, the CLI."""

from __future__ import annotations

import shutil
import tarfile
import zipfile

import pytest

from pm_tui.collectors.evidence_folder import scan_evidence
from pm_tui.collectors.evidence_store import load_evidence
from tests.evidence_folders import (
    END,
    EXPECTED_KINDS,
    START,
    UNREADABLE,
    at,
    build_folder,
    repo_with_postmortem,
)


@pytest.fixture()
def repo(tmp_path, monkeypatch):
    return repo_with_postmortem(tmp_path, monkeypatch, "Checkout outage", START, END)


def _collect(repo_pm, *args):
    from pm_tui.cli.main import main

    repo, pm = repo_pm
    return main(["--repo", str(repo.root), "collect", pm.id, *args])


def test_every_file_is_classified_by_its_content(tmp_path):
    ev = build_folder(tmp_path)
    plan = scan_evidence([ev])
    kinds = {f.name.removeprefix("evidence/"): f.kind for f in plan.files}
    assert {k: kinds.get(k) for k in EXPECTED_KINDS} == EXPECTED_KINDS
    unread = {f.name.removeprefix("evidence/"): f.reason for f in plan.unread()}
    assert set(unread) == set(UNREADABLE)
    for name, word in UNREADABLE.items():
        assert word in unread[name]
    # evidence.toml: the zone content cannot tell, by name and by glob
    tz = {f.name.removeprefix("evidence/"): f.tz for f in plan.files}
    assert tz["edge/error.txt"] == "America/Chicago" and tz["db/postgres.out"] == "Europe/Berlin"


def test_collect_reads_the_folder_and_names_what_it_could_not(tmp_path, repo, capsys):
    ev = build_folder(tmp_path)
    code = _collect(repo, "--evidence", str(ev))
    out, _ = capsys.readouterr()
    assert code == 3  # collected, with files left unread (docs/cli.md: exit codes)
    for name, kind in EXPECTED_KINDS.items():
        row = next(line for line in out.splitlines() if line.split()[1].endswith(name))
        assert kind in row and "UNREAD" not in row and "FAILED" not in row, row
    for name, word in UNREADABLE.items():
        row = next(line for line in out.splitlines() if line.split()[1].endswith(name))
        assert "UNREAD" in row
        assert any(name in line and word in line for line in out.splitlines()), out
    assert "3 of 18 sources not read" in out
    # each unread file is named under that line with why and what to do, before other gaps
    after = out.split("3 of 18 sources not read (the rest was collected: exit 3)\n", 1)[1]
    named = after.splitlines()[: len(UNREADABLE)]
    for name, word in UNREADABLE.items():
        assert any(line.startswith(f"  {ev / name}: ") and word in line for line in named), after
    # honest counts: the whole 2,000-line log (plus its stack traces) was read
    row = next(line for line in out.splitlines() if "api-1.txt" in line)
    assert "2042 lines" in row

    r, pm = repo
    saved = r.load(pm.id)
    assert len(saved.sources) == 18
    unread = [s for s in saved.sources if s.kind == "other"]
    assert sorted(s.target.rsplit("/", 1)[-1] for s in unread) == sorted(UNREADABLE)
    assert all(s.gaps for s in unread)
    evidence = load_evidence(r.evidence_dir(pm.id) / "evidence.jsonl")
    by_source: dict[str, list] = {}
    for e in evidence:
        by_source.setdefault(e.source.split("/")[-1], []).append(e)

    # mixed zones: Apache in Chicago local time, api in Berlin with an offset, epoch ms
    apache = by_source["error.txt"]
    assert min(e.time for e in apache) == START and {e.attrs.get("level") for e in apache} <= {
        "error", "info"}  # fmt: skip
    assert min(e.time for e in by_source["worker.gz"]) == START

    # Kubernetes: a first start is not a restart; Killing then Started is
    kube = {
        (e.attrs["object"], e.attrs["reason"]): e.attrs.get("category")
        for e in by_source["cluster.json"]
    }
    assert kube[("Pod/checkout-7d-new", "Started")] == "start"
    assert kube[("Pod/checkout-7d-old", "Started")] == "restart"
    assert kube[("Pod/checkout-7d-old", "BackOff")] == "restart"

    # Alertmanager: the resolved-only first firing is there, and both flaps
    flaps = sorted((e.time, e.attrs["state"]) for e in by_source["hooks.ndjson"])
    assert flaps == [
        (at(10), "firing"),
        (at(12), "resolved"),
        (at(14), "firing"),
        (at(15), "resolved"),
    ]
    # ...and the rules file explains them, without events of its own
    assert all(e.attrs["rule"]["for"] == "30s" for e in by_source["hooks.ndjson"])
    assert "alerting.yaml" not in by_source
    # amtool's list: both alerts, the silenced one said so
    assert {e.attrs["api_state"] for e in by_source["silenced.json"]} == {"active", "suppressed"}

    # PagerDuty: the timeout, the escalation and the reassignment kept, a name-only user named
    actions = [e.attrs["action"] for e in by_source["incident.json"]]
    assert (
        "unacknowledged by timeout" in actions
        and "escalated" in actions
        and "reassigned" in actions
    )
    assert any(e.attrs["actor"] == "Priya Raman" for e in by_source["incident.json"])

    # OpenMetrics read natively: the counter as a rate, the gauge, the histogram's quantiles
    names = {e.attrs["name"] for e in by_source["scrape.txt"]}
    assert "rate(http_requests_total)" in names and "queue_depth" in names
    assert any(n.startswith("histogram_quantile(0.99") for n in names)
    rate = next(
        e for e in by_source["scrape.txt"] if e.attrs["name"] == "rate(http_requests_total)"
    )
    assert max(v for _, v in rate.attrs["points"]) == pytest.approx(15.0)  # 1800 per 2 min

    # deploys by their field names; the git log in its one-line shape
    deploys = {e.text for e in by_source["gh.json"]}
    assert deploys == {"Deploy checkout v3.8.0", "Roll back checkout to v3.7.4"}
    assert {e.attrs["actor"] for e in by_source["gh.json"]} == {"mei-lin", "jonas"}
    assert {e.attrs["service"] for e in by_source["shipit.csv"]} == {"checkout-config"}
    assert [e.attrs["actor"] for e in by_source["infra.txt"]] == ["Mei Lin", "Jonas Weber"]

    # saved query_range: __name__ stays the metric's name
    assert {e.attrs["name"] for e in by_source["query.json"]} == {"checkout_error_ratio"}


def test_slack_every_channel_bot_text_kept_incident_channel_picked(tmp_path, repo):
    ev = build_folder(tmp_path)
    assert _collect(repo, "--evidence", str(ev / "chat")) == 0
    r, pm = repo
    messages = load_evidence(r.evidence_dir(pm.id) / "evidence.jsonl")
    channels = {e.attrs["channel"] for e in messages}
    assert channels == {"alerts", "inc-checkout-0314", "deploys"}  # #random: nothing in the window
    bot = [e for e in messages if e.attrs.get("bot")]
    assert {(e.attrs["actor"], e.text.splitlines()[0]) for e in bot} == {
        ("alertmanager", "[FIRING:1] CheckoutDown"),
        ("alertmanager", "[RESOLVED] CheckoutDown"),
        ("shipper", "*checkout* v3.7.4 deployed to production"),
    }
    incident = {e.attrs["channel"] for e in messages if e.attrs["incident_channel"]}
    assert incident == {"inc-checkout-0314"}
    assert r.load(pm.id).sources[0].query == "#inc-checkout-0314"


def test_archives_are_read_like_folders(tmp_path, repo):
    ev = build_folder(tmp_path)
    slack_zip = tmp_path / "export.zip"
    with zipfile.ZipFile(slack_zip, "w") as zf:
        for p in (ev / "chat").rglob("*"):
            zf.write(p, p.relative_to(ev / "chat").as_posix())
    logs_tar = tmp_path / "logs.tar.gz"
    with tarfile.open(logs_tar, "w:gz") as tar:
        tar.add(ev / "api-1.txt", "host-a/api-1.txt")
        tar.add(ev / "cluster.json", "host-a/cluster.json")
    plan = scan_evidence([slack_zip, logs_tar])
    assert [(f.name, f.kind) for f in plan.files] == [
        ("export.zip", "slack-export"),
        ("logs.tar.gz/api-1.txt", "logs"),
        ("logs.tar.gz/cluster.json", "kube-events"),
    ]
    assert _collect(repo, "--evidence", str(slack_zip), str(logs_tar)) in (0, 3)
    r, pm = repo
    kept = load_evidence(r.evidence_dir(pm.id) / "evidence.jsonl")
    assert {e.kind for e in kept} >= {"message", "log", "change"}
    shutil.rmtree(ev)  # collecting again reads the archives themselves, not a leftover folder
    assert _collect(repo) in (0, 3)


def test_write_index_then_fix_it(tmp_path, repo, capsys):
    ev = build_folder(tmp_path)
    (ev / "evidence.toml").unlink()
    assert _collect(repo, "--evidence", str(ev), "--write-index") == 0
    out, _ = capsys.readouterr()
    index = (ev / "evidence.toml").read_text()
    assert '[files."api-1.txt"]\nkind = "logs"' in index
    assert '[files."notes.txt"]\n# not read: no known format' in index
    assert "notes.txt" in out and "UNREAD" in out
    # the person says what the notes are not, and drops the core dump
    index = index.replace('[files."core.bin"]', '[files."core.bin"]\ndrop = true')
    (ev / "evidence.toml").write_text(index)
    plan = scan_evidence([ev])
    assert {f.name for f in plan.unread()} == {"evidence/notes.txt", "evidence/empty.log"}
    assert next(f for f in plan.files if f.name == "evidence/core.bin").dropped


def test_bad_inputs_are_one_line(tmp_path, repo, capsys):
    ev = build_folder(tmp_path)
    assert _collect(repo, "--evidence", str(tmp_path / "nope")) == 2
    err = capsys.readouterr().err
    assert "no such file or folder" in err and "Traceback" not in err
    (ev / "evidence.toml").write_text('[files."api-1.txt"]\nkind = "logz"\n')
    assert _collect(repo, "--evidence", str(ev)) == 2
    err = capsys.readouterr().err
    assert "kind 'logz' is not one of" in err and len(err.strip().splitlines()) == 1
    assert _collect(repo, "--logs", str(ev / "api-1.txt"), "--tz", "Mars/Olympus") == 2
    assert "unknown time zone 'Mars/Olympus'" in capsys.readouterr().err


def test_every_file_unread_is_exit_1(tmp_path, repo, capsys):
    folder = tmp_path / "junk"
    folder.mkdir()
    (folder / "a.bin").write_bytes(b"\x00\x01" * 100)
    (folder / "b.txt").write_text("hello\n")
    assert _collect(repo, "--evidence", str(folder)) == 1
    out = capsys.readouterr().out
    assert "2 of 2 sources not read" in out
