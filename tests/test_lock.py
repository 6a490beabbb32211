"""The one-editor lock: a second holder is refused, a dead holder's lock is taken over."""

from __future__ import annotations

import json
import socket
import subprocess
import sys

from pm_tui.lock import PostMortemLock, lock_path
from pm_tui.workstate import git_dir


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_second_window_sees_the_live_holder(repo):
    first = PostMortemLock(repo.root, "2025-02-09-x")
    assert first.acquire() is None
    path = lock_path(repo.root, "2025-02-09-x")
    assert path.is_relative_to(git_dir(repo.root))  # never in the work tree, never committed
    # the second window, another live process on this host
    holder = PostMortemLock(repo.root, "2025-02-09-x", pid=first.pid + 1).acquire()
    assert holder is not None and holder.pid == first.pid
    first.release()
    assert PostMortemLock(repo.root, "2025-02-09-x", pid=1).acquire() is None
    holder = PostMortemLock(repo.root, "2025-02-09-x").acquire()
    assert holder is not None and holder.pid == 1
    assert "pid 1" in holder.describe()


def test_stale_lock_of_a_dead_process_is_taken_over(repo):
    path = lock_path(repo.root, "2025-02-09-x")
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"pid": _dead_pid(), "host": socket.gethostname(), "since": "t"}))
    lock = PostMortemLock(repo.root, "2025-02-09-x")
    assert lock.acquire() is None
    assert json.loads(path.read_text())["pid"] == lock.pid
    lock.release()
    assert not path.exists()


def test_lock_on_another_host_is_respected(repo):
    path = lock_path(repo.root, "2025-02-09-x")
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"pid": _dead_pid(), "host": "elsewhere", "since": "t"}))
    holder = PostMortemLock(repo.root, "2025-02-09-x").acquire()
    assert holder is not None and holder.host == "elsewhere"


def test_release_leaves_someone_elses_lock_alone(repo):
    mine = PostMortemLock(repo.root, "2025-02-09-x")
    assert mine.acquire() is None
    path = lock_path(repo.root, "2025-02-09-x")
    path.write_text(json.dumps({"pid": 1, "host": socket.gethostname(), "since": "t"}))
    mine.release()
    assert path.exists()
