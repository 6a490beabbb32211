"""Git operations on the post-mortem repository.

A commit by pm-tui contains exactly the paths it names: it is built in a temporary
index, so a person's other staged or unstaged changes are never swept in.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from pm_tui.errors import GitError

DEFAULT_NAME = "pm-tui"
DEFAULT_EMAIL = "pm-tui@localhost"


def _git(
    root: Path, *args: str, env: dict | None = None, check: bool = True, stdin: Path | None = None
) -> str:
    """Run git in `root` through GitPython (no shell) and return stdout; errors become GitError.
    `stdin`: a file whose bytes are fed to git's standard input."""
    try:
        import git  # GitPython: imported here, it costs ~0.1 s
    except ImportError as exc:  # GitPython raises ImportError when the git binary is missing
        raise GitError(f"git is not usable: {exc}; install git (apt-get install git)") from None
    cmd = git.Git(str(root))
    istream = open(stdin, "rb") if stdin else None  # noqa: SIM115 - closed below
    try:
        status, out, err = cmd.execute(
            ["git", *args],
            istream=istream,
            env={"LC_ALL": "C", **(env or {})},
            with_extended_output=True,
            with_exceptions=False,
            kill_after_timeout=60,
            strip_newline_in_stdout=False,
        )
    except git.exc.GitCommandNotFound:
        raise GitError("git is not installed: install git (apt-get install git)") from None
    finally:
        if istream:
            istream.close()
    if check and status != 0:
        lines = (err or out).strip().splitlines()
        raise GitError(f"git {args[0]} failed in {root}: {lines[-1] if lines else 'no message'}")
    return out


def is_repo(root: Path) -> bool:
    """True when `root` is the top of a git work tree."""
    return (root / ".git").exists()


def init_repo(root: Path) -> None:
    """Create `root` and make it a git repository (branch main) if it is not one yet."""
    root.mkdir(parents=True, exist_ok=True)
    if not is_repo(root):
        _git(root, "init", "-q", "-b", "main")


def git_dir(root: Path) -> Path:
    """The repository's .git directory (works for worktrees too)."""
    out = _git(root, "rev-parse", "--git-dir").strip()
    p = Path(out)
    return p if p.is_absolute() else root / p


def operation_in_progress(root: Path) -> str | None:
    """The name of a merge, rebase, cherry-pick or revert under way, or None."""
    gd = git_dir(root)
    for marker, name in (
        ("MERGE_HEAD", "a merge"),
        ("rebase-merge", "a rebase"),
        ("rebase-apply", "a rebase"),
        ("CHERRY_PICK_HEAD", "a cherry-pick"),
        ("REVERT_HEAD", "a revert"),
        ("BISECT_LOG", "a bisect"),
    ):
        if (gd / marker).exists():
            return name
    return None


def identity_env(root: Path) -> dict[str, str]:
    """Author/committer variables: the person's git identity, or a clear pm-tui default."""
    env: dict[str, str] = {}
    name = _git(root, "config", "user.name", check=False).strip()
    email = _git(root, "config", "user.email", check=False).strip()
    if not name and not os.environ.get("GIT_AUTHOR_NAME"):
        env["GIT_AUTHOR_NAME"] = env["GIT_COMMITTER_NAME"] = DEFAULT_NAME
    if not email and not os.environ.get("GIT_AUTHOR_EMAIL"):
        env["GIT_AUTHOR_EMAIL"] = env["GIT_COMMITTER_EMAIL"] = DEFAULT_EMAIL
    return env


def head_commit(root: Path) -> str | None:
    """The commit HEAD points at, or None in a repository with no commits yet."""
    out = _git(root, "rev-parse", "-q", "--verify", "HEAD^{commit}", check=False).strip()
    return out or None


def commit_paths(root: Path, paths: Sequence[Path], message: str) -> str | None:
    """Commit exactly `paths` (files or folders, as they are on disk) with `message`.

    Returns the new commit id, or None when nothing changed. Refuses during a merge or
    rebase. The person's index keeps their other staged changes.
    """
    root = Path(root)
    busy = operation_in_progress(root)
    if busy:
        raise GitError(
            f"{root} is in the middle of {busy}: finish or abort it, then commit again "
            "(your post-mortem is saved, just not committed)"
        )
    rel = _relative(root, paths)
    check_git_locks(root)  # before HEAD moves: the index must follow it, or hold a revert
    for _ in range(5):
        commit = _commit_once(root, rel, message)
        if commit is not _MOVED:
            break
    else:
        raise GitError(
            f"{root}: HEAD kept moving while committing (other commits at once): try again"
        )
    return commit


STALE_LOCK_SECONDS = 600  # git holds its locks for moments; older ones are left by a crash


_MOVED = "moved"
_ZERO = "0" * 40


def _commit_once(root: Path, rel: list[str], message: str) -> str | None:
    """Commit `rel` on top of HEAD: the commit id, None when nothing changed, or _MOVED when
    another commit moved HEAD meanwhile (update-ref checks the old value)."""
    head = head_commit(root)
    with tempfile.TemporaryDirectory(prefix="pm-tui-index-") as tmp:
        env = {"GIT_INDEX_FILE": str(Path(tmp) / "index")}
        if head:
            _git(root, "read-tree", head, env=env)
        # --all in the temp index: additions, modifications and deletions under these paths.
        _git(root, "add", "--all", "--force", "--", *rel, env=env)
        tree = _git(root, "write-tree", env=env).strip()
        if head and _git(root, "rev-parse", f"{head}^{{tree}}").strip() == tree:
            return None
        # The person's index takes these paths' new entries BEFORE HEAD moves (their other
        # entries stay). Killed in between, the index holds this change staged forward,
        # never the old version staged as a revert that a later `git commit` would record.
        _stage_in_real_index(root, rel, env, Path(tmp) / "index-info")
    ident = identity_env(root)
    parents = ["-p", head] if head else []
    commit = _git(root, "commit-tree", tree, *parents, "-m", message, env=ident).strip()
    try:
        _git(
            root,
            "update-ref",
            "-m",
            f"pm-tui: {message.splitlines()[0]}",
            "HEAD",
            commit,
            head or _ZERO,
        )
    except GitError as exc:
        if head_commit(root) != head:
            return _MOVED  # another commit landed first: build on it
        _git(root, "reset", "-q", "--", *rel, check=False)  # unstage what was not committed
        raise GitError(f"{exc} (nothing was committed; your post-mortem is saved)") from None
    return commit


def _stage_in_real_index(root: Path, rel: list[str], temp_env: dict, scratch: Path) -> None:
    """Make the real index's entries under `rel` those of the temporary index, in one index
    write (`update-index --index-info`): added and changed entries set, removed ones dropped."""
    new = _index_entries(root, rel, temp_env)
    old = _index_entries(root, rel, None)
    records = [f"{entry}\t{path}" for path, entry in new.items() if old.get(path) != entry]
    records += [f"0 {_ZERO}\t{path}" for path in old if path not in new]
    if not records:
        return
    scratch.write_bytes(b"".join(r.encode("utf-8", "surrogateescape") + b"\0" for r in records))
    try:
        _git(root, "update-index", "-z", "--index-info", stdin=scratch)
    except GitError as exc:
        raise GitError(
            f"{exc} (nothing was committed; your post-mortem is saved): commit again"
        ) from None


def _index_entries(root: Path, rel: list[str], env: dict | None) -> dict[str, str]:
    """path -> "mode sha" of the index's stage-0 entries under `rel` (conflict stages too)."""
    out = _git(root, "ls-files", "-s", "-z", "--", *rel, env=env)
    entries: dict[str, str] = {}
    for record in out.split("\0"):
        if not record:
            continue
        meta, _, path = record.partition("\t")
        mode, sha, _stage = meta.split(" ")
        entries[path] = f"{mode} {sha}"
    return entries


def check_git_locks(root: Path) -> None:
    """Recover or explain git's lock files before committing: one left by a crashed git
    (older than ten minutes) is removed; a fresh one is a GitError naming its path."""
    import time

    gd = git_dir(root)
    candidates = [gd / "index.lock", gd / "HEAD.lock"]
    ref = _git(root, "symbolic-ref", "-q", "HEAD", check=False).strip()
    if ref.startswith("refs/"):
        candidates.append(gd / f"{ref}.lock")
    for lock in candidates:
        try:
            age = time.time() - lock.stat().st_mtime
        except FileNotFoundError:
            continue
        if age > STALE_LOCK_SECONDS:
            lock.unlink(missing_ok=True)  # left by a git that died long ago
            continue
        raise GitError(
            f"git is busy in {root}: {lock} exists (another git command is running, or one "
            "crashed). Nothing was committed; your post-mortem is saved. If no git command "
            f"is running, delete {lock} and commit again"
        )


def _relative(root: Path, paths: Sequence[Path]) -> list[str]:
    """`paths` relative to `root`, each proven inside it (symlinks resolved)."""
    real_root = Path(root).resolve()
    out = []
    for p in paths:
        try:
            out.append(str(Path(p).resolve().relative_to(real_root)))
        except ValueError:
            raise GitError(
                f"{p} leads outside the repository {root}: pm-tui commits only files inside it"
            ) from None
    return out


def push(root: Path) -> None:
    """Push the current branch to its configured remote, or say what to set up."""
    remotes = _git(root, "remote").split()
    if not remotes:
        raise GitError(f"{root} has no remote to push to: add one with 'git remote add origin URL'")
    branch = _git(root, "rev-parse", "--abbrev-ref", "HEAD").strip()
    upstream = _git(
        root, "rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{u}", check=False
    ).strip()
    if upstream:
        _git(root, "push", "-q")
    else:
        _git(root, "push", "-q", "-u", remotes[0], branch)


def log_messages(root: Path, path: Path | None = None, limit: int = 50) -> list[str]:
    """Subjects of the most recent commits (touching `path`, if given), newest first."""
    if not head_commit(root):
        return []
    args = ["log", f"-{limit}", "--format=%s"]
    if path is not None:
        args += ["--", str(path)]
    return [line for line in _git(root, *args).splitlines() if line]


def has_uncommitted_changes(root: Path, paths: Sequence[Path]) -> bool:
    """True when any of `paths` differs from what HEAD holds (or is new)."""
    rel = _relative(root, paths)
    out = _git(root, "status", "--porcelain", "--untracked-files=all", "--", *rel, check=False)
    return bool(out.strip())
