"""Tracking action items as GitHub issues, against a local server speaking GitHub's REST API."""

from __future__ import annotations

import subprocess
from datetime import date

import pytest

from pm_tui.cli.main import main
from tests.conftest import SAMPLE_ID, run_cli
from tests.github_fake import TOKEN, FakeGitHub


@pytest.fixture(scope="session")
def fake_github():
    gh = FakeGitHub()
    gh.thread.start()
    yield gh
    gh.server.shutdown()
    gh.server.server_close()


@pytest.fixture
def github(fake_github, monkeypatch):
    fake_github.reset()
    monkeypatch.setenv("GITHUB_TOKEN", TOKEN)
    monkeypatch.setenv("GITHUB_API_URL", fake_github.url)
    return fake_github


@pytest.fixture
def untracked(sample_repo):
    """The sample post-mortem with no issue links and owners that are (or aren't) logins."""
    pm = sample_repo.load(SAMPLE_ID)
    owners = ["@alice", "marco", "bob.okafor", "nobody-here"]
    for item, owner in zip(pm.actions, owners, strict=True):
        item.tracker_url, item.owner, item.status = "", owner, "open"
    pm.actions[1].status = "done"  # a finished item gets no issue
    sample_repo.save(pm)
    sample_repo.commit(pm, "untracked for the test")
    return sample_repo


def _track(repo, *extra: str) -> int:
    return main(["--repo", str(repo.root), "track", SAMPLE_ID, "--github", "acme/api", *extra])


def _log(repo) -> list[str]:
    out = subprocess.run(
        ["git", "log", "--format=%s"], cwd=repo.root, capture_output=True, text=True
    )
    return out.stdout.splitlines()


def test_track_creates_one_issue_per_open_item_and_records_the_urls(github, untracked, capsys):
    assert _track(untracked) == 0
    out = capsys.readouterr().out
    issues = github.repos["acme/api"]
    assert [i["title"][:7] for i in issues] == ["AI-001:", "AI-003:", "AI-004:"]
    first = issues[0]
    assert first["title"].startswith("AI-001: Add a CI check that runs EXPLAIN")
    body = first["body"]
    assert f"postmortems/{SAMPLE_ID}.toml" in body and SAMPLE_ID in body
    assert "API service degradation" in body and "| Deadline | 2025-03-07 |" in body
    assert (
        "| Priority | High |" in body and "CF-1 (testing)" in body and "| Owner | @alice |" in body
    )
    assert [x["name"] for x in first["labels"]] == ["post-mortem", "testing"]
    assert first["assignees"] == [{"login": "alice"}]
    assert issues[1]["assignees"] == []  # 'bob.okafor' is a name, not a login: not tried
    assert issues[2]["assignees"] == []  # 'nobody-here' refused by GitHub (422), sent again
    assert github.count("POST") == 4
    pm = untracked.load(SAMPLE_ID)
    assert [a.tracker_url for a in pm.actions] == [
        f"{github.url}/acme/api/issues/1", "", f"{github.url}/acme/api/issues/2",
        f"{github.url}/acme/api/issues/3",
    ]  # fmt: skip
    assert "'nobody-here' cannot be assigned here, left unassigned" in out
    assert _log(untracked)[0] == f"{SAMPLE_ID}: action items tracked in GitHub (acme/api)"


def test_running_again_creates_nothing_and_updates_only_edited_items(github, untracked, capsys):
    assert _track(untracked) == 0
    posts = github.count("POST")
    assert _track(untracked) == 0
    assert github.count("POST") == posts and github.count("PATCH") == 0
    assert capsys.readouterr().out.count("unchanged") == 3

    pm = untracked.load(SAMPLE_ID)
    pm.actions[2].action = "Add the pool-exhaustion runbook section, reviewed by on-call"
    pm.actions[2].deadline = date(2025, 3, 14)
    untracked.save(pm)
    assert _track(untracked) == 0
    assert github.count("POST") == posts and github.count("PATCH") == 1
    issue = github.issue("acme/api", 2)
    assert issue["title"] == "AI-003: Add the pool-exhaustion runbook section, reviewed by on-call"
    assert "| Deadline | 2025-03-14 |" in issue["body"]


def test_a_lost_url_is_found_again_by_its_marker_across_pages(github, untracked, capsys):
    github.max_per_page = 1  # three issues → three pages, followed through Link headers
    assert _track(untracked) == 0
    pm = untracked.load(SAMPLE_ID)
    pm.actions[3].tracker_url = ""
    untracked.save(pm)
    posts = github.count("POST")
    assert _track(untracked) == 0
    assert github.count("POST") == posts
    assert untracked.load(SAMPLE_ID).actions[3].tracker_url == f"{github.url}/acme/api/issues/3"
    assert sum(1 for m, p in github.requests if m == "GET" and "page=3" in p) == 1


def test_dry_run_sends_nothing_and_needs_no_token(github, untracked, capsys, monkeypatch):
    monkeypatch.delenv("GITHUB_TOKEN")
    missing = run_cli("--repo", str(untracked.root), "track", SAMPLE_ID, "--github", "acme/api")
    assert missing.returncode == 4 and "no GitHub token: set GITHUB_TOKEN" in missing.stderr
    assert _track(untracked, "--dry-run") == 0
    out = capsys.readouterr().out
    assert github.requests == []
    assert "AI-001  would create" in out and "labels post-mortem, testing, assignee alice" in out
    assert "AI-002  skipped" in out


@pytest.mark.parametrize(
    "setup, expected",
    [
        (
            {"GITHUB_TOKEN": "wrong"},
            "GitHub refused the token (401 Bad credentials): check GITHUB_TOKEN",
        ),
        ({"rate_limited": True}, "GitHub rate limit reached (403): try again at "),
        ({"repo": "acme/nope"}, "GitHub has no repository acme/nope (404)"),
    ],
)
def test_errors_are_one_line(github, untracked, setup, expected):
    github.rate_limited = setup.get("rate_limited", False)
    env = {"GITHUB_TOKEN": setup.get("GITHUB_TOKEN", TOKEN), "GITHUB_API_URL": github.url}
    repo = setup.get("repo", "acme/api")
    out = run_cli("--repo", str(untracked.root), "track", SAMPLE_ID, "--github", repo, env=env)
    assert out.returncode == (4 if "GITHUB_TOKEN" in setup else 1)  # 4: credentials
    assert out.stderr.startswith("pm-tui: " + expected), out.stderr
    assert len(out.stderr.strip().splitlines()) == 1
    assert github.count("POST") == 0


def test_validation_error_shows_githubs_message(github):
    from pm_tui.trackers import TrackerError
    from pm_tui.trackers.github_api import GitHub

    with GitHub(github.url, TOKEN) as gh, pytest.raises(TrackerError) as err:
        gh.create_issue("acme/api", {"title": " "})
    assert str(err.value) == (
        "GitHub rejected the request for repository acme/api (422 Validation Failed: "
        "title missing_field)"
    )


def test_sync_brings_issue_states_back_and_commits(github, untracked, capsys):
    assert _track(untracked) == 0
    github.issue("acme/api", 1).update(state="closed", state_reason="completed")
    github.issue("acme/api", 3).update(state="closed", state_reason="not_planned")
    pm = untracked.load(SAMPLE_ID)
    pm.actions[2].status = "done"  # its issue (#2) is open again: reopened
    untracked.save(pm)
    untracked.commit(pm, "marked done by hand")
    capsys.readouterr()
    assert main(["--repo", str(untracked.root), "sync"]) == 0
    out = capsys.readouterr().out
    statuses = [a.status for a in untracked.load(SAMPLE_ID).actions]
    assert statuses == ["done", "done", "open", "wont-do"]
    assert "AI-004: open → wont-do" in out
    assert _log(untracked)[0] == f"{SAMPLE_ID}: action item statuses synced from GitHub"
    assert main(["--repo", str(untracked.root), "sync"]) == 0
    assert "everything already in sync" in capsys.readouterr().out


def test_an_error_part_way_keeps_the_issues_made_and_a_rerun_adds_no_duplicate(
    github, untracked, capsys
):
    github.posts_before_limit = 1  # the second creation hits the rate limit
    assert _track(untracked) == 1
    err = capsys.readouterr().err
    assert "GitHub rate limit reached (403): try again at" in err
    pm = untracked.load(SAMPLE_ID)
    assert pm.actions[0].tracker_url == f"{github.url}/acme/api/issues/1"
    assert _log(untracked)[0] == f"{SAMPLE_ID}: action items tracked in GitHub (acme/api) (partly)"
    github.posts_before_limit = None
    assert _track(untracked) == 0
    assert [i["title"][:6] for i in github.repos["acme/api"]] == ["AI-001", "AI-003", "AI-004"]


def test_track_stops_at_the_gate_and_force_records_who_which_and_why(
    github, untracked, capsys, monkeypatch
):
    # Blameful wording and an ownerless "improve monitoring": track refuses, naming them;
    # --force --reason files the owned items only and writes the override into the file.
    pm = untracked.load(SAMPLE_ID)
    pm.summary = "Bob forgot to add the index."
    pm.actions[3].owner, pm.actions[3].action = "", "improve monitoring"
    untracked.save(pm)
    untracked.commit(pm, "errors for the test")
    assert _track(untracked) == 1
    err = capsys.readouterr().err
    assert "cannot file tickets: 2 errors remain" in err and "AI-004 owner" in err
    assert github.count("POST") == 0
    assert _track(untracked, "--force") == 2  # no reason: refused, nothing sent
    assert github.count("POST") == 0 and "reason" in capsys.readouterr().err
    monkeypatch.setenv("GIT_AUTHOR_NAME", "Priya Nair")
    assert _track(untracked, "--force", "--reason", "tickets before the review") == 0
    out = capsys.readouterr().out
    titles = [i["title"][:6] for i in github.repos["acme/api"]]
    assert titles == ["AI-001", "AI-003"]  # AI-004 has no owner: never filed
    assert "AI-004" in out and "no owner" in out
    saved = untracked.load(SAMPLE_ID)
    assert saved.actions[3].tracker_url == ""
    overrides = {(o.rule, o.location) for o in saved.overrides}
    assert ("owner/missing", "actions/AI-004/owner") in overrides
    assert any(rule.startswith("blame/") and loc == "summary" for rule, loc in overrides)
    assert {(o.action, o.by, o.reason) for o in saved.overrides} == {
        ("tickets", "Priya Nair", "tickets before the review")
    }
    assert 'by = "Priya Nair"' in untracked.path_for(SAMPLE_ID).read_text()
