"""Changes collector: git log output, a git repository, JSON and CSV deployment lists."""

from __future__ import annotations

import json
import os
import subprocess
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from pm_tui.collectors.changes import collect_changes
from pm_tui.collectors.evidence import CollectorError, CollectWindow


def at(hhmm: str) -> datetime:
    return datetime.fromisoformat(f"2025-02-09T{hhmm}:00+00:00")


WINDOW = CollectWindow(start=at("10:00"), end=at("11:00"), baseline=timedelta(hours=1))


def test_git_log_output_with_offsets(tmp_path):
    path = tmp_path / "changes.log"
    path.write_text(
        "2025-02-09T11:02:11+01:00\tDana Ortiz\tDeploy api v1.42.0 (connection pool 50 -> 5)\n"
        "2025-02-09T08:00:00+00:00\tSam Lee\tolder than the baseline\n"
        "not a git log line\n"
    )
    result = collect_changes(path, WINDOW)
    (change,) = result.evidence
    assert change.time == at("10:02:11"[:5]) + timedelta(seconds=11)  # +01:00 normalised to UTC
    assert change.attrs["actor"] == "Dana Ortiz" and change.attrs["category"] == "commit"
    assert change.text.startswith("Deploy api v1.42.0")
    assert "1 records without a readable time" in result.gaps[0].reason


def test_json_deployment_list(tmp_path):
    path = tmp_path / "deploys.json"
    rows = [
        {"time": "2025-02-09T10:02:00Z", "service": "api", "version": "v1.42.0", "actor": "dana"},
        {"time": "2025-02-09T10:31:00Z", "service": "api", "version": "v1.41.3", "actor": "sam",
         "description": "Roll back api to v1.41.3"},
    ]  # fmt: skip
    path.write_text(json.dumps({"deployments": rows}))
    result = collect_changes(path, WINDOW)
    assert [(e.time, e.text, e.attrs["version"]) for e in result.evidence] == [
        (at("10:02"), "Deploy api v1.42.0", "v1.42.0"),
        (at("10:31"), "Roll back api to v1.41.3", "v1.41.3"),
    ]


def test_csv_deployment_list(tmp_path):
    path = tmp_path / "deploys.csv"
    path.write_text(
        "time,service,version,actor,description\n"
        '2025-02-09T10:02:00Z,api,v1.42.0,dana,"Deploy api, pool size 5"\n'
        "yesterday,api,v1,x,bad time\n"
    )
    result = collect_changes(path, WINDOW)
    (change,) = result.evidence
    assert change.text == "Deploy api, pool size 5" and change.attrs["service"] == "api"
    assert result.gaps and "1 records" in result.gaps[0].reason


def test_git_repository_folder(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    env = dict(os.environ, GIT_AUTHOR_NAME="Dana Ortiz", GIT_AUTHOR_EMAIL="d@example.com",
               GIT_COMMITTER_NAME="Dana Ortiz", GIT_COMMITTER_EMAIL="d@example.com")  # fmt: skip
    subprocess.run(["git", "init", "-q", str(repo)], check=True, env=env)
    for when, message in (
        ("2025-02-09T10:02:00Z", "Lower pool size"),
        ("2025-02-09T07:00:00Z", "old"),
    ):
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = when
        subprocess.run(
            ["git", "-C", str(repo), "commit", "-q", "--allow-empty", "-m", message],
            check=True,
            env=env,
        )
    result = collect_changes(repo, WINDOW)
    assert [(e.time, e.text, e.attrs["actor"]) for e in result.evidence] == [
        (at("10:02"), "Lower pool size", "Dana Ortiz")
    ]


def test_bad_json_shape(tmp_path):
    path = tmp_path / "deploys.json"
    path.write_text('{"something": 1}')
    with pytest.raises(CollectorError, match="expected a list of"):
        collect_changes(path, WINDOW)


DEPLOY_EXPORTS = Path(__file__).parent / "incidents" / "own-kinds" / "deploy-exports" / "evidence"
EXPORT_WINDOW = CollectWindow(
    datetime.fromisoformat("2026-06-02T08:00:00+00:00"),
    datetime.fromisoformat("2026-06-02T12:00:00+00:00"),
)


@pytest.mark.parametrize(
    ("name", "service", "version", "actor"),
    [
        ("awx-jobs.json", "checkout-api deploy", "8c41e0b", "dana.w"),
        ("argocd-app.json", "payments", "3f2a9d1c0b7e", "admin"),
        ("spinnaker-executions.json", "search", "2.14.0", "lena@acme.example"),
        (
            "jenkins-builds.json",
            "deploy-checkout",
            "0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d",
            "alice",
        ),
        ("octopus-deployments.json", "Deploy to Production", "", "sam.okafor"),
        ("heroku-releases.json", "acme-web", "311", "ravi@acme.example"),
    ],
)
def test_deploy_tools_exports_read_by_their_fields_words(name, service, version, actor):
    # each tool names its fields its own way (started, startTime, deployedAt, Created,
    # timestamp; launched_by, trigger.user, initiatedBy, DeployedBy...): read as deploys
    from pm_tui.collectors.evidence_folder import scan_evidence

    plan = scan_evidence([DEPLOY_EXPORTS / name])
    assert [f.kind for f in plan.files] == ["deploys"]
    result = collect_changes(DEPLOY_EXPORTS / name, EXPORT_WINDOW)
    first = result.evidence[0]
    assert first.kind == "change"
    assert (first.attrs["service"], first.attrs["version"], first.attrs["actor"]) == (
        service,
        version,
        actor,
    )
    assert len(result.evidence) >= 2 and not result.gaps


@pytest.mark.parametrize("name", ["gitlab-users.json", "github-issues.json", "grafana-search.json"])
def test_lists_with_times_and_names_that_are_not_deploys_stay_unread(name):
    from pm_tui.collectors.evidence_folder import scan_evidence

    plan = scan_evidence([DEPLOY_EXPORTS / name])
    assert [f.kind for f in plan.files] == [None]
    assert "say its kind" in plan.files[0].reason
