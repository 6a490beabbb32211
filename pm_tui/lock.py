"""One editor per post-mortem: a lock file under `.git/pm-tui/locks/` (never committed).

The lock holds the pid, host and time of the wizard that edits. A second wizard on the
same post-mortem sees who holds it and opens read-only. A lock left by a process that is
gone (same host, dead pid) is stale and is taken over.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from pm_tui.errors import PmTuiError
from pm_tui.workstate import state_dir


def _hostname() -> str:
    """This machine's name (as socket.gethostname(), without importing socket)."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket

    return socket.gethostname()


@dataclass
class LockHolder:
    """Who holds a lock."""

    pid: int
    host: str
    since: str

    def describe(self) -> str:
        """`pid 1234 on host-a since 2025-02-10T09:00:00Z`."""
        return f"pid {self.pid} on {self.host} since {self.since}"


def lock_path(root: Path, pm_id: str) -> Path:
    """The lock file of post-mortem `pm_id` in the repository at `root` (a valid id only)."""
    from pm_tui.safepath import check_id, inside

    check_id(pm_id)
    return inside(state_dir(root), state_dir(root) / "locks" / f"{pm_id}.lock")


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's live process
    return True


def read_holder(path: Path) -> LockHolder | None:
    """The holder recorded in lock file `path`, or None if there is none or it is garbage."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return LockHolder(int(data["pid"]), str(data["host"]), str(data.get("since", "")))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _is_stale(holder: LockHolder | None) -> bool:
    if holder is None:
        return True
    return holder.host == _hostname() and not _pid_alive(holder.pid)


class PostMortemLock:
    """The lock on one post-mortem, for this process."""

    def __init__(self, root: Path, pm_id: str, *, pid: int | None = None):
        self.path = lock_path(root, pm_id)
        self.pid = os.getpid() if pid is None else pid
        self.held = False

    def acquire(self) -> LockHolder | None:
        """Take the lock; returns None on success, or the live holder that has it."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        for _ in range(2):
            try:
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                holder = read_holder(self.path)
                if holder is not None and holder.pid == self.pid:
                    self.held = True
                    return None
                if not _is_stale(holder):
                    return holder
                self.path.unlink(missing_ok=True)  # stale: the process is gone
                continue
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(
                    {
                        "pid": self.pid,
                        "host": _hostname(),
                        "since": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                    },
                    fh,
                )
            self.held = True
            return None
        return read_holder(self.path)

    def release(self) -> None:
        """Give the lock back (only if this process holds it)."""
        if not self.held:
            return
        holder = read_holder(self.path)
        if holder is None or holder.pid == self.pid:
            self.path.unlink(missing_ok=True)
        self.held = False


SHORT_WRITE = 3.0  # seconds: a lock held longer is a session (wizard, plain mode), not a save


def _held_for(path: Path) -> float:
    try:
        return time.time() - path.stat().st_mtime
    except OSError:
        return 0.0


class LockedError(PmTuiError):
    """Another live pm-tui edits this post-mortem: nothing was written."""

    exit_code = 1


@contextmanager
def writer_lock(root: Path, pm_id: str, *, wait: float = 10.0) -> Iterator[None]:
    """Hold the post-mortem's lock while writing it (the one the wizard holds for a whole
    session and plain mode for its steps). Waits up to `wait` seconds for another short
    writer; a wizard or plain session that keeps it is a LockedError saying who holds it.
    A lock this process already holds (the wizard saving) is used as it is."""
    lock = PostMortemLock(root, pm_id)
    holder = read_holder(lock.path)
    if holder is not None and holder.pid == lock.pid and holder.host == _hostname():
        yield  # ours already: the wizard or plain mode of this process
        return
    deadline = time.monotonic() + wait
    while (holder := lock.acquire()) is not None:
        if time.monotonic() >= deadline or _held_for(lock.path) > SHORT_WRITE:
            raise LockedError(
                f"{pm_id} is being edited by another pm-tui ({holder.describe()}): nothing "
                "was written; finish or close it there, then run this again"
            )
        time.sleep(0.05)
    try:
        yield
    finally:
        lock.release()
