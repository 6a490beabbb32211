"""`--format json` on every command that prints results: one JSON document on stdout, in the
shapes of docs/json-output.md, with the same exit status as the text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_ID, run_cli
from tests.github_fake import TOKEN, FakeGitHub
from tests.test_distribute import webhook  # noqa: F401


def as_json(done) -> dict:
    assert done.stdout.lstrip().startswith(("{", "[")), done.stdout[:200] + done.stderr
    return json.loads(done.stdout)


def test_new_prints_id_and_path(repo):
    done = run_cli("--repo", str(repo.root), "new", "--title", "Disk full on db-2",
                   "--started", "2025-03-01T10:00", "--format", "json")  # fmt: skip
    assert done.returncode == 0, done.stderr
    got = as_json(done)
    assert got == {
        "id": "2025-03-01-disk-full-on-db-2",
        "path": str(repo.root / "postmortems" / "2025-03-01-disk-full-on-db-2.toml"),
    }
    assert Path(got["path"]).is_file()


def test_show_prints_the_export_document_and_its_path(sample_repo):
    done = run_cli("--repo", str(sample_repo.root), "show", "api-service", "--format", "json")
    assert done.returncode == 0, done.stderr
    got = as_json(done)
    assert got["id"] == SAMPLE_ID and got["severity"] == "P1"
    assert got["path"].endswith(f"postmortems/{SAMPLE_ID}.toml")
    assert got["durations"]["time_to_detect_seconds"] == 7 * 60  # as in docs/json-export.md
    assert got["open_actions"] == sum(
        a["status"] in ("open", "in-progress") for a in got["actions"]
    )
    assert [e["kind"] for e in got["timeline"]][:2] == ["change", "first_symptom"]
    missing = run_cli("--repo", str(sample_repo.root), "show", "no-such", "--format", "json")
    assert missing.returncode == 2 and missing.stdout == ""


# --- collect, timeline -------------------------------------------------------------------
def _raw(sample_repo, rel: str) -> str:
    return str(sample_repo.root / "postmortems" / f"{SAMPLE_ID}.evidence" / "raw" / rel)


def test_collect_summary_as_json_and_exit_3_with_an_unread_file(sample_repo, tmp_path):
    base = (
        "--repo",
        str(sample_repo.root),
        "collect",
        SAMPLE_ID,
        "--no-commit",
        "--format",
        "json",
    )
    nginx = _raw(sample_repo, "nginx/access.log.gz")
    done = run_cli(*base, "--logs", nginx)
    assert done.returncode == 0, done.stderr
    got = as_json(done)
    assert got["id"] == SAMPLE_ID and got["exit_code"] == 0
    assert got["window"]["start"] == "2025-02-09T10:05:00Z"
    (source,) = got["sources"]
    assert (source["kind"], source["status"], source["gaps"]) == ("logs", "ok", [])
    assert source["evidence"] > 100
    assert "Collecting 1 source(s)" in done.stderr  # progress stays on stderr

    partly = run_cli(*base, "--logs", nginx, str(tmp_path / "missing.log"))
    assert partly.returncode == 3
    got = as_json(partly)
    assert got["exit_code"] == 3
    assert [s["status"] for s in got["sources"]] == ["ok", "failed"]
    assert got["failed"] or got["gaps"]


def test_timeline_candidates_and_accepted_rows_as_json(sample_repo):
    base = ("--repo", str(sample_repo.root), "timeline", SAMPLE_ID, "--format", "json")
    built = run_cli(*base, "--rebuild", "--from-evidence", _raw(sample_repo, ""))
    assert built.returncode == 0, built.stderr
    got = as_json(built)
    assert got["id"] == SAMPLE_ID and len(got["candidates"]) >= 5
    first = got["candidates"][0]
    assert {"id", "time", "kind", "text", "confidence", "sources"} <= set(first)
    assert got["added"] == []
    accepted = as_json(run_cli(*base, "--accept-all"))
    assert accepted["added"], "the pending candidates become timeline rows"
    assert {"time", "kind", "text"} <= set(accepted["added"][0])


# --- track, sync (GitHub stand-in), distribute (webhook), schedule -----------------------
@pytest.fixture
def github(monkeypatch):
    gh = FakeGitHub()
    gh.thread.start()
    gh.reset()
    monkeypatch.setenv("GITHUB_TOKEN", TOKEN)
    monkeypatch.setenv("GITHUB_API_URL", gh.url)
    yield gh
    gh.server.shutdown()
    gh.server.server_close()


@pytest.fixture
def untracked(sample_repo):
    pm = sample_repo.load(SAMPLE_ID)
    for item in pm.actions:
        item.tracker_url, item.status = "", "open"
    sample_repo.save(pm)
    sample_repo.commit(pm, "untracked")
    return sample_repo


def test_track_dry_run_track_and_sync_as_json(github, untracked):
    base = ("--repo", str(untracked.root))
    track = (*base, "track", SAMPLE_ID, "--github", "acme/api", "--format", "json")
    plan = as_json(run_cli(*track, "--dry-run"))
    assert plan["dry_run"] is True and plan["repository"] == "acme/api"
    assert [i["outcome"] for i in plan["items"]] == ["would create"] * 4
    assert github.requests == []
    made = run_cli(*track)
    assert made.returncode == 0, made.stderr
    got = as_json(made)
    assert [i["outcome"] for i in got["items"]] == ["created"] * 4
    assert got["items"][0]["url"].endswith("/acme/api/issues/1") and got["failed"] == []

    github.issue("acme/api", 1).update(state="closed", state_reason="completed")
    synced = run_cli(*base, "sync", "--format", "json")
    assert synced.returncode == 0, synced.stderr
    got = as_json(synced)
    assert got["changes"] == [{"id": SAMPLE_ID, "item": "AI-001", "from": "open", "to": "done"}]
    assert got["updated"] == [SAMPLE_ID]

    refused = run_cli(*track, env={"GITHUB_TOKEN": "wrong"})
    assert refused.returncode == 4 and "check GITHUB_TOKEN" in refused.stderr


def test_distribute_as_json(sample_repo, webhook):
    done = run_cli("--repo", str(sample_repo.root), "distribute", SAMPLE_ID, "--format", "json",
                   "--slack-channel", "#incidents",
                   env={"PM_TUI_SLACK_WEBHOOK": f"{webhook}/ok"})  # fmt: skip
    assert done.returncode == 0, done.stderr
    got = as_json(done)
    (sent,) = got["sent"]
    assert (sent["channel"], sent["recipients"]) == ("slack", ["#incidents"])
    assert got["late"] and "hours after resolution" in got["late"]
    assert webhook not in done.stdout


def test_schedule_as_json(sample_repo, tmp_path):
    ics = tmp_path / "review.ics"
    done = run_cli("--repo", str(sample_repo.root), "schedule", SAMPLE_ID, "-o", str(ics),
                   "--weekly", "--format", "json")  # fmt: skip
    assert done.returncode == 0, done.stderr
    got = as_json(done)
    assert got["path"] == str(ics) and ics.read_bytes().decode() == got["calendar"]
    assert got["calendar"].startswith("BEGIN:VCALENDAR") and got["weekly"] is True
    assert got["follow_up_review"] == sample_repo.load(SAMPLE_ID).follow_up_review.isoformat()


def test_every_result_command_takes_format_json():
    from pm_tui.cli.introspect import describe
    from pm_tui.cli.main import build_parser

    root = describe(build_parser())
    with_json = {
        c.name
        for c in root.subcommands
        for o in c.options
        if o.flags == ("--format",) and "json" in o.choices
    }
    assert with_json >= {
        "new", "show", "collect", "timeline", "track", "sync", "distribute", "schedule",
        "list", "validate", "lint", "review", "doctor",
    }  # fmt: skip
