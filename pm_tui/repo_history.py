"""What git remembers of each post-mortem file: when it was committed, and first published.

`stats` needs, per file, the times of the commits that touched it (was the follow-up review
held on time?) and, for the files that record no distribution, the time of the first commit
whose file said `status = "published"` (was it published within 48 hours?). One `git log
--raw` gives the commit times and each version's blob id; `git cat-file --batch` then reads
the versions, oldest first, of only the files asked about, until one says it is published.
The result is kept in `.git/pm-tui/history.pickle` with the commit it describes, and the
next run only reads the commits after it. Deleting it is safe.

git runs through `subprocess` here, not GitPython: importing GitPython costs 0.1 s, more
than this whole read takes when nothing changed.
"""

from __future__ import annotations

import os
import pickle
import re
import subprocess
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pm_tui.repo_index import _PlainUnpickler  # the same plain-values-only reader

HISTORY_FORMAT = 2  # 2: name -> (commit times, first published, versions not yet looked at)
HISTORY_NAME = "history.pickle"
PUBLISHED_LINE = re.compile(rb'^status[ \t]*=[ \t]*"published"', re.MULTILINE)
# One token a commit (C and its time), then per file changed its raw line and its path.
_LOG = ("log", "--format=C%ct", "--raw", "--no-abbrev", "--no-renames", "-z")
_NO_BLOB = "0" * 40


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


def _parse(out: bytes) -> dict[str, list[tuple[int, bytes | None]]]:
    """file name -> (commit time, blob id or None when deleted) of each change, newest first,
    from `git log --format=C%ct --raw --no-abbrev -z`."""
    found: dict[str, list[tuple[int, bytes | None]]] = {}
    when, blob = 0, None
    tokens = iter(out.split(b"\0"))
    for token in tokens:
        token = token.lstrip(b"\n")
        if token.startswith(b"C"):
            when = int(token[1:])
            continue
        if not token.startswith(b":"):
            continue
        fields = token.split()  # :old-mode new-mode old-blob new-blob status
        new = fields[3].decode("ascii") if len(fields) > 3 else _NO_BLOB
        blob = None if new.strip("0") == "" else bytes.fromhex(new)
        path = next(tokens, b"").decode("utf-8", "replace")
        if path.startswith("postmortems/") and path.endswith(".toml") and path.count("/") == 1:
            found.setdefault(path[12:], []).append((when, blob))
    return found


def _first_published(root: Path, versions: dict[str, list[tuple[int, bytes]]]) -> dict:
    """name -> commit time of its first version that says it is published, or None when none
    does; each file's versions (oldest first) read by one `git cat-file --batch`, a round per
    version, only until one says so."""
    found: dict[str, int | None] = dict.fromkeys(versions)
    pending = {n: list(v) for n, v in versions.items() if v}
    while pending:
        asked = [(n, v.pop(0)) for n, v in pending.items()]
        for (name, (when, _blob)), data in zip(asked, _blobs(root, (b for _n, (_w, b) in asked)),
                                               strict=True):  # fmt: skip
            if data is not None and PUBLISHED_LINE.search(data):
                found[name] = when
                pending[name] = []
        pending = {n: v for n, v in pending.items() if v}
    return found


def _blobs(root: Path, ids: Iterable[bytes]) -> list[bytes | None]:
    """The contents of blobs `ids` (None for one git does not have), in order."""
    ids = list(ids)
    try:
        proc = subprocess.Popen(
            ["git", "-C", str(root), "cat-file", "--batch"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
    except OSError:
        return [None] * len(ids)
    request = b"".join(b.hex().encode() + b"\n" for b in ids)

    def feed() -> None:  # written beside the reading: both pipes have bounded buffers
        try:
            proc.stdin.write(request)
            proc.stdin.close()
        except OSError:
            pass

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    out: list[bytes | None] = []
    try:
        for _id in ids:
            header = proc.stdout.readline().split()
            if len(header) != 3:  # "<id> missing", or git ended
                out.append(None)
                if not header:
                    break
                continue
            size = int(header[2])
            data = proc.stdout.read(size + 1)[:size]
            out.append(data if header[1] == b"blob" else None)
    finally:
        proc.stdout.close()
        writer.join()
        proc.wait()
    return out + [None] * (len(ids) - len(out))


class HistoryReader:
    """Starts `git log` at once (it overlaps the index's reading of the files); `result()`
    waits for it and returns file name -> FileHistory."""

    def __init__(self, root: Path):
        self.root = Path(root)
        from pm_tui.workstate import state_dir

        self.path = state_dir(self.root) / HISTORY_NAME
        self.head = _head(self.root)
        self.kept, since = self._read()
        self.proc: subprocess.Popen | None = None
        if self.head and since != self.head:
            rng = f"{since}..{self.head}" if since else self.head
            try:
                self.proc = _git(self.root, *_LOG, rng, "--", "postmortems/")
            except OSError:
                self.proc = None  # no git: no history

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
        if not all(isinstance(v, tuple) and len(v) == 3 for v in files.values()):
            return {}, None
        if head != self.head and not _is_ancestor(self.root, head, self.head):
            return {}, None  # history rewritten: read it all again
        return files, head

    def result(self, published_of: Iterable[str] | None = None) -> dict[str, FileHistory]:
        """Every file's history; its first publication is looked for only in the files named
        by `published_of` (all when None): the others' stays None."""
        # name -> (commit times, first published, (time, blob) of versions not looked at yet)
        files = dict(self.kept)
        changed = False
        if self.proc is not None:
            out = self.proc.communicate()[0]
            if self.proc.returncode == 0:
                for name, changes in _parse(out).items():
                    times, first, unseen = files.get(name, ((), None, ()))
                    times = tuple(sorted({*times, *(when for when, _blob in changes)}))
                    if first is None:  # the newer versions, oldest first
                        unseen = (*unseen, *((w, b) for w, b in reversed(changes) if b))
                    files[name] = (times, first, unseen)
                changed = True
        wanted = files.keys() if published_of is None else set(published_of) & files.keys()
        look = {n: files[n][2] for n in wanted if files[n][1] is None and files[n][2]}
        if look:
            for name, first in _first_published(self.root, look).items():
                files[name] = (files[name][0], first, ())
            changed = True
        if changed and self.head:
            self._write(files)
        return {n: FileHistory(list(t), f) for n, (t, f, _u) in files.items()}

    def _write(self, files: dict) -> None:
        from pm_tui.atomic_write import atomic_write_bytes

        try:
            atomic_write_bytes(
                self.path, pickle.dumps((HISTORY_FORMAT, self.head, files), pickle.HIGHEST_PROTOCOL)
            )
        except OSError:
            pass  # only costs speed next time


def file_histories(root: Path) -> dict[str, FileHistory]:
    """file name -> FileHistory for every post-mortem file git knows in `root` (the first
    publication of each too)."""
    return HistoryReader(root).result()
