"""What git remembers of each post-mortem file: when it was committed, and first published.

`stats` needs, per file, the times of the commits that touched it (was the follow-up review
held on time?) and of the first commit whose file said `status = "published"` (was it
published within 48 hours, when no distribution is recorded?). Two `git log` runs give
that for the whole repository; the result is kept in `.git/pm-tui/history.pickle` with the
commit it describes, and the next run only reads the commits after it. Deleting it is safe.

git runs through `subprocess` here, not GitPython: importing GitPython costs 0.1 s, more
than this whole read takes when nothing changed.
"""

from __future__ import annotations

import os
import pickle
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from pm_tui.repo_index import _PlainUnpickler  # the same plain-values-only reader

HISTORY_FORMAT = 1
HISTORY_NAME = "history.pickle"
PUBLISHED_LINE = r'^status[[:space:]]*=[[:space:]]*"published"'
_LOG = ("log", "--format=%x00%ct", "--name-only", "--no-renames")


@dataclass
class FileHistory:
    """Commit times (Unix seconds, oldest first) of one file, and its first publication."""

    commits: list[int] = field(default_factory=list)
    first_published: int | None = None


def _git(root: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        ["git", "-C", str(root), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "LC_ALL": "C"},
    )


def _head(root: Path) -> str | None:
    """The commit HEAD names: read from the git directory's files when it is a plain branch
    or a detached HEAD (0.1 ms), else asked of git (a process: 6 ms)."""
    return _head_from_files(root) or _head_from_git(root)


def _is_commit_id(text: str) -> bool:
    return len(text) in (40, 64) and all(c in "0123456789abcdef" for c in text)


def _head_from_files(root: Path) -> str | None:
    from pm_tui.workstate import git_dir

    try:
        gdir = git_dir(root)
        head = (gdir / "HEAD").read_text(encoding="utf-8").strip()
        if _is_commit_id(head):
            return head  # detached
        if not head.startswith("ref: refs/heads/"):
            return None
        ref = head[5:].strip()
        common = gdir
        if (gdir / "commondir").is_file():  # a linked worktree: refs live in the main one
            common = gdir / (gdir / "commondir").read_text(encoding="utf-8").strip()
        loose = common / ref
        if loose.is_file():
            sha = loose.read_text(encoding="utf-8").strip()
            return sha if _is_commit_id(sha) else None
        packed = common / "packed-refs"
        if packed.is_file():
            for line in packed.read_text(encoding="utf-8").splitlines():
                sha, _sp, name = line.partition(" ")
                if name == ref and _is_commit_id(sha):
                    return sha
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    return None


def _head_from_git(root: Path) -> str | None:
    try:
        out = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "-q", "--verify", "HEAD"],
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return None
    return out.stdout.strip() or None


def _is_ancestor(root: Path, old: str, new: str) -> bool:
    out = subprocess.run(
        ["git", "-C", str(root), "merge-base", "--is-ancestor", old, new],
        capture_output=True,
        check=False,
    )
    return out.returncode == 0


def _parse(out: bytes) -> dict[str, list[int]]:
    """file name -> commit times, from `git log --format=%x00%ct --name-only`."""
    found: dict[str, list[int]] = {}
    when = 0
    for line in out.split(b"\n"):
        if not line:
            continue
        if line.startswith(b"\0"):
            when = int(line[1:])
            continue
        path = line.decode("utf-8", "replace")
        if path.startswith("postmortems/") and path.endswith(".toml") and path.count("/") == 1:
            found.setdefault(path[12:], []).append(when)
    return found


class HistoryReader:
    """Starts the `git log` runs at once (they overlap the index's reading of the files);
    `result()` waits for them and returns file name -> FileHistory."""

    def __init__(self, root: Path):
        self.root = Path(root)
        from pm_tui.workstate import state_dir

        self.path = state_dir(self.root) / HISTORY_NAME
        self.head = _head(self.root)
        self.kept, since = self._read()
        self.procs: tuple[subprocess.Popen, subprocess.Popen] | None = None
        if self.head and since != self.head:
            rng = f"{since}..{self.head}" if since else self.head
            try:
                self.procs = (
                    _git(self.root, *_LOG, rng, "--", "postmortems/"),
                    _git(self.root, *_LOG, "-G", PUBLISHED_LINE, rng, "--", "postmortems/"),
                )
            except OSError:
                self.procs = None  # no git: no history

    def _read(self) -> tuple[dict, str | None]:
        try:
            with open(self.path, "rb") as fh:
                data = _PlainUnpickler(fh).load()
        except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError):
            return {}, None
        if not (isinstance(data, tuple) and len(data) == 3 and data[0] == HISTORY_FORMAT):
            return {}, None
        _fmt, head, files = data
        if not isinstance(files, dict) or not head or not self.head:
            return {}, None
        if head != self.head and not _is_ancestor(self.root, head, self.head):
            return {}, None  # history rewritten: read it all again
        return files, head

    def result(self) -> dict[str, FileHistory]:
        files = dict(self.kept)  # name -> (commit times tuple, first published)
        if self.procs is not None:
            touched_out, published_out = (p.communicate()[0] for p in self.procs)
            if all(p.returncode == 0 for p in self.procs):
                for name, times in _parse(touched_out).items():
                    old_times, first = files.get(name, ((), None))
                    files[name] = (tuple(sorted({*old_times, *times})), first)
                for name, times in _parse(published_out).items():
                    old_times, first = files.get(name, ((), None))
                    earliest = min(times) if first is None else min(first, *times)
                    files[name] = (old_times, earliest)
                self._write(files)
        return {n: FileHistory(list(t), f) for n, (t, f) in files.items()}

    def _write(self, files: dict) -> None:
        from pm_tui.atomic_write import atomic_write_bytes

        try:
            atomic_write_bytes(
                self.path, pickle.dumps((HISTORY_FORMAT, self.head, files), pickle.HIGHEST_PROTOCOL)
            )
        except OSError:
            pass  # only costs speed next time


def file_histories(root: Path) -> dict[str, FileHistory]:
    """file name -> FileHistory for every post-mortem file git knows in `root`."""
    return HistoryReader(root).result()
