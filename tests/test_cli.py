"""The CLI as a person runs it: a subprocess, its output and exit code, the repository."""

from __future__ import annotations

import json
import subprocess

from tests.conftest import DRAFT_ID, SAMPLE_ID, run_cli


def test_version_and_help():
    out = run_cli("--version")
    assert out.returncode == 0 and out.stdout.startswith("pm-tui ")
    from pm_tui.cli.main import COMMANDS

    top = run_cli("--help").stdout
    for cmd in COMMANDS:
        assert cmd in top
        h = run_cli(cmd, "--help")
        assert h.returncode == 0 and f"usage: pm-tui {cmd}" in h.stdout, h.stderr


def test_new_creates_commits_and_prints_id_and_path(tmp_path):
    root = tmp_path / "repo"
    out = run_cli(
        "--repo", str(root), "new", "--title", "Checkout errors after deploy",
        "--started", "2025-03-01T10:05:00+01:00", "--resolved", "2025-03-01T10:50:00+01:00",
        "--severity", "P2", "--service", "checkout", "--service", "payments", "--author", "Ana",
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    pm_id, path = out.stdout.split()
    assert pm_id == "2025-03-01-checkout-errors-after-deploy"
    text = open(path).read()
    assert (
        "started = 2025-03-01T09:05:00Z" in text and 'services = ["checkout", "payments"]' in text
    )
    log = subprocess.run(
        ["git", "log", "--format=%s"], cwd=root, capture_output=True, text=True
    ).stdout
    assert log.strip() == f"{pm_id}: new draft"


def test_repo_from_environment_variable(tmp_path):
    root = tmp_path / "env-repo"
    out = run_cli(
        "new", "--title", "t", "--started", "2025-01-01T00:00:00Z", env={"PM_TUI_REPO": str(root)}
    )
    assert out.returncode == 0, out.stderr
    assert (root / "postmortems" / "2025-01-01-t.toml").exists()


def test_repo_from_config_file(tmp_path):
    root = tmp_path / "cfg-repo"
    cfg = tmp_path / "config.toml"
    cfg.write_text(f'repo = "{root}"\n')
    out = run_cli(
        "new", "--title", "t", "--started", "2025-01-01T00:00:00Z", env={"PM_TUI_CONFIG": str(cfg)}
    )
    assert out.returncode == 0, out.stderr
    assert (root / "postmortems" / "2025-01-01-t.toml").exists()


def test_list_show_export_on_the_samples(sample_repo):
    r = str(sample_repo.root)
    listed = run_cli("--repo", r, "list", "--format", "json")
    assert listed.returncode == 0, listed.stderr
    rows = {row["id"]: row for row in json.loads(listed.stdout)}
    assert rows[SAMPLE_ID]["status"] == "published" and rows[SAMPLE_ID]["severity"] == "P1"
    assert rows[DRAFT_ID]["status"] == "draft" and rows[DRAFT_ID]["open_actions"] == 1
    text = run_cli("--repo", r, "list")
    assert SAMPLE_ID in text.stdout and DRAFT_ID in text.stdout

    show = run_cli("--repo", r, "show", "api-service")
    assert show.returncode == 0 and "detect 7m" in show.stdout and "resolve 1h 35m" in show.stdout

    exported = run_cli("--repo", r, "export", SAMPLE_ID, "--format", "json")
    data = json.loads(exported.stdout)
    assert data["id"] == SAMPLE_ID and data["export_format"] == 1
    assert data["timeline"][0]["time"] == "2025-02-09T09:41:30Z"
    assert data["durations"]["time_to_detect_seconds"] == 7 * 60
    assert data["actions"][0]["deadline"] == "2025-03-07"


def test_errors_are_one_line_with_non_zero_exit(tmp_path, sample_repo):
    cases = [
        (
            ("--repo", str(sample_repo.root), "show", "no-such-incident"),
            "no post-mortem 'no-such-incident'",
        ),
        (
            ("--repo", str(tmp_path / "r"), "new", "--title", "x", "--started", "yesterday"),
            "is not a time",
        ),
        (("--repo", str(tmp_path / "r"), "new", "--title", "x"), "needs --title and --started"),
    ]
    for args, words in cases:
        out = run_cli(*args)
        assert out.returncode != 0
        assert words in out.stderr
        assert len(out.stderr.strip().splitlines()) == 1 and "Traceback" not in out.stderr


def test_broken_file_is_reported_with_its_location(sample_repo):
    path = sample_repo.path_for(SAMPLE_ID)
    text = path.read_text().replace('severity = "P1"', 'severity = "P9"')
    path.write_text(text)
    out = run_cli("--repo", str(sample_repo.root), "show", SAMPLE_ID)
    assert out.returncode == 2
    line = text.splitlines().index('severity = "P9"') + 1
    assert out.stderr.strip().startswith(f"pm-tui: {path}:{line}:1: 'severity' is 'P9'")
    assert path.read_text() == text


def test_new_refuses_to_overwrite_an_existing_post_mortem(sample_repo):
    before = sample_repo.path_for(SAMPLE_ID).read_text()
    out = run_cli(
        "--repo", str(sample_repo.root), "new", "--title", "API service degradation",
        "--started", "2025-02-09T10:05:00Z",
    )  # fmt: skip
    assert out.returncode == 1 and "already exists" in out.stderr
    assert sample_repo.path_for(SAMPLE_ID).read_text() == before


def test_new_applies_step_options_without_plain(tmp_path):
    root = tmp_path / "repo"
    out = run_cli(
        "--repo", str(root), "new", "--title", "Queue backlog", "--started", "2025-06-14T22:10:00Z",
        "--event", "22:10", "Broker blocks publishers", "first_symptom",
        "--event", "+21m", "WebhookQueueDepth fires", "alert_fired",
        "--summary", "Webhooks were delayed.",
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    text = (root / "postmortems" / "2025-06-14-queue-backlog.toml").read_text()
    assert "time = 2025-06-14T22:31:00Z" in text and 'kind = "alert_fired"' in text
    assert "Webhooks were delayed." in text
    bad = run_cli("--repo", str(root), "new", "--title", "x", "--started", "2025-06-14T22:10:00Z",
                  "--event", "yesterday", "Something")  # fmt: skip
    assert bad.returncode == 2 and "is not a time" in bad.stderr and "Traceback" not in bad.stderr
