"""The repository in git: one post-mortem per commit, the person's other work untouched."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime

import pytest

from pm_tui import gitstore
from pm_tui.errors import GitError
from pm_tui.model import new_postmortem
from pm_tui.postmortem_store import Repository


def git(root, *args):
    return subprocess.run(
        ["git", *args], cwd=root, capture_output=True, text=True, check=True
    ).stdout


def draft(title="Disk full on db-3"):
    return new_postmortem(title, datetime(2025, 4, 2, 9, 0, tzinfo=UTC), severity="P2")


def test_first_use_creates_and_initialises_the_repository(tmp_path):
    root = tmp_path / "new-repo"
    repo = Repository.open(root)
    assert (root / ".git").is_dir() and (root / "postmortems").is_dir()
    pm = draft()
    repo.save(pm)
    assert repo.commit(pm, "new draft")  # works with no commits yet
    assert git(root, "log", "--format=%s").splitlines() == [f"{pm.id}: new draft"]
    assert git(root, "status", "--porcelain").strip() == ""


def test_commit_takes_only_the_post_mortem_and_leaves_other_changes_alone(repo):
    root = repo.root
    (root / "README.md").write_text("ours\n")
    git(root, "add", "README.md")
    git(root, "commit", "-qm", "readme")
    (root / "README.md").write_text("ours, edited but unstaged\n")
    (root / "staged.txt").write_text("staged, not ours to commit\n")
    git(root, "add", "staged.txt")
    (root / "untracked.txt").write_text("untracked\n")

    pm = draft()
    repo.save(pm)
    commit = repo.commit(pm, "new draft")
    files = git(root, "show", "--name-only", "--format=", commit).split()
    assert files == [f"postmortems/{pm.id}.toml"]
    status = git(root, "status", "--porcelain").splitlines()
    assert " M README.md" in status and "A  staged.txt" in status and "?? untracked.txt" in status
    assert not any(pm.id in line for line in status)
    assert (root / "README.md").read_text() == "ours, edited but unstaged\n"


def test_commit_includes_the_evidence_folder(repo):
    pm = draft()
    repo.save(pm)
    ev = repo.evidence_dir(pm.id)
    ev.mkdir()
    (ev / "evidence.jsonl").write_text("{}\n")
    commit = repo.commit(pm, "evidence collected")
    files = sorted(git(repo.root, "show", "--name-only", "--format=", commit).split())
    assert files == [f"postmortems/{pm.id}.evidence/evidence.jsonl", f"postmortems/{pm.id}.toml"]


def test_nothing_to_commit_makes_no_commit(repo):
    pm = draft()
    repo.save(pm)
    assert repo.commit(pm, "new draft")
    assert repo.commit(pm, "again") is None
    assert len(git(repo.root, "log", "--format=%s").splitlines()) == 1


def test_no_git_identity_falls_back_to_a_clear_default(repo, monkeypatch, tmp_path):
    empty = tmp_path / "empty-gitconfig"
    empty.write_text("")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(empty))
    for var in (
        "GIT_AUTHOR_NAME",
        "GIT_AUTHOR_EMAIL",
        "GIT_COMMITTER_NAME",
        "GIT_COMMITTER_EMAIL",
        "EMAIL",
    ):
        monkeypatch.delenv(var, raising=False)
    pm = draft()
    repo.save(pm)
    commit = repo.commit(pm, "new draft")
    author = git(repo.root, "log", "-1", "--format=%an <%ae>", commit).strip()
    assert author == f"{gitstore.DEFAULT_NAME} <{gitstore.DEFAULT_EMAIL}>"


def test_uses_the_persons_identity_when_configured(repo):
    pm = draft()
    repo.save(pm)
    commit = repo.commit(pm, "new draft")
    assert git(repo.root, "log", "-1", "--format=%an", commit).strip() == "Test Person"


def test_refuses_to_commit_during_a_merge(repo):
    root = repo.root
    (root / "f.txt").write_text("base\n")
    git(root, "add", "f.txt")
    git(root, "commit", "-qm", "base")
    git(root, "checkout", "-qb", "other")
    (root / "f.txt").write_text("other\n")
    git(root, "commit", "-qam", "other")
    git(root, "checkout", "-q", "main")
    (root / "f.txt").write_text("main\n")
    git(root, "commit", "-qam", "main")
    subprocess.run(["git", "merge", "other"], cwd=root, capture_output=True)
    assert (root / ".git" / "MERGE_HEAD").exists()
    pm = draft()
    repo.save(pm)
    with pytest.raises(GitError, match="middle of a merge"):
        repo.commit(pm, "new draft")
    assert (root / ".git" / "MERGE_HEAD").exists()  # the merge is left as it was


def test_push_sends_to_the_remote(repo, tmp_path):
    remote = tmp_path / "remote.git"
    git(tmp_path, "init", "-q", "--bare", str(remote))
    git(repo.root, "remote", "add", "origin", str(remote))
    pm = draft()
    repo.save(pm)
    repo.commit(pm, "new draft", push=True)
    assert git(remote, "log", "--format=%s", "main").strip() == f"{pm.id}: new draft"


def test_push_without_remote_says_what_to_do(repo):
    pm = draft()
    repo.save(pm)
    with pytest.raises(GitError, match="git remote add"):
        repo.commit(pm, "new draft", push=True)


def test_save_is_atomic_and_leaves_no_temporary_files(repo, monkeypatch):
    pm = draft()
    path = repo.save(pm)
    before = path.read_bytes()
    pm.title = "Changed"

    def boom(*a, **k):
        raise OSError("disk full")

    monkeypatch.setattr("os.replace", boom)
    with pytest.raises(OSError):
        repo.save(pm)
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir()] == [path.name]


def test_sources_are_recorded_relative_to_the_repository_without_duplicates(repo, tmp_path):
    from pm_tui.model import EvidenceSource

    inside = repo.root / "evidence" / "app.log"
    pm = draft()
    pm.sources = [
        EvidenceSource("logs", "evidence/app.log", counts={"records": 1}),
        EvidenceSource("prometheus", "http://127.0.0.1:9090"),
        EvidenceSource("logs", str(inside), counts={"records": 2}),  # collected again
        EvidenceSource("logs", str(tmp_path / "outside.log")),
    ]
    repo.record_sources(pm)
    assert [(s.kind, s.target, s.counts.get("records")) for s in pm.sources] == [
        ("logs", "evidence/app.log", 2),
        ("prometheus", "http://127.0.0.1:9090", None),
        ("logs", str(tmp_path / "outside.log"), None),
    ]
    inside.parent.mkdir()
    inside.write_text("x\n")
    assert repo.resolve_target("evidence/app.log") == str(repo.root / "evidence/app.log")
    assert repo.resolve_target("http://127.0.0.1:9090") == "http://127.0.0.1:9090"
