"""A session-wide real Prometheus and Alertmanager (../shared/rig) on free loopback ports.

Import the fixture into a test module with `from tests.fixtures_rig import rig  # noqa: F401`.
Every importing module shares ONE rig (pytest makes one fixture per module that imports it,
so the running rig is reference-counted here). Missing binaries FAIL the tests (CI installs
them): a skipped rig test proves nothing.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

# the rig lives in ../shared/rig next to the checkout; PM_TUI_RIG points elsewhere
RIG_SCRIPT = Path(
    os.environ.get("PM_TUI_RIG", Path(__file__).resolve().parents[2] / "shared" / "rig" / "rig.sh")
)
BINARIES = ("prometheus", "prometheus-alertmanager", "promtool", "curl", "bc")
_running: dict = {"users": 0}


def _free_ports(count: int) -> list[str]:
    # free ports, not fixed ones: other checkouts may run their own rig at the same time
    socks = [socket.socket() for _ in range(count)]
    try:
        for sock in socks:
            sock.bind(("127.0.0.1", 0))
        return [str(sock.getsockname()[1]) for sock in socks]
    finally:
        for sock in socks:
            sock.close()


def _start() -> None:
    missing = [b for b in BINARIES if shutil.which(b) is None]
    if missing:
        pytest.fail(
            f"rig binaries missing: {', '.join(missing)} "
            "(apt-get install prometheus prometheus-alertmanager curl bc)"
        )
    if not RIG_SCRIPT.exists():
        pytest.fail(f"rig script not found at {RIG_SCRIPT}: set PM_TUI_RIG to its path")
    rig_dir = Path(tempfile.mkdtemp(prefix="pm-tui-rig-"))
    prom, am, scratch = _free_ports(3)
    env = dict(os.environ, RIG_DIR=str(rig_dir), PROM_PORT=prom, AM_PORT=am, SCRATCH_PORT=scratch)
    started = subprocess.run(
        [str(RIG_SCRIPT), "start"], env=env, capture_output=True, text=True, timeout=90
    )
    if started.returncode != 0:
        subprocess.run([str(RIG_SCRIPT), "stop"], env=env, capture_output=True, timeout=30)
        shutil.rmtree(rig_dir, ignore_errors=True)
        pytest.fail(f"rig.sh start failed:\n{started.stderr[-2000:]}")
    _running["env"] = env
    _running["values"] = dict(line.split("=", 1) for line in (rig_dir / "env").read_text().split())


def _stop() -> None:
    env = _running.pop("env")
    _running.pop("values")
    subprocess.run([str(RIG_SCRIPT), "stop"], env=env, capture_output=True, timeout=30)
    shutil.rmtree(env["RIG_DIR"], ignore_errors=True)


@pytest.fixture(scope="session")
def rig() -> dict[str, str]:
    """The running rig: PROM_URL, AM_URL, DATA_START, DATA_END."""
    if "values" not in _running:
        _start()
    _running["users"] += 1
    try:
        yield _running["values"]
    finally:
        _running["users"] -= 1
        if _running["users"] == 0:
            _stop()
