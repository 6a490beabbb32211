"""A session-wide real Prometheus and Alertmanager (../shared/rig) on non-default ports.

Import the fixture into a test module with `from tests.fixtures_rig import rig  # noqa: F401`.
Missing binaries FAIL the tests (CI installs them): a skipped rig test proves nothing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

# the rig lives in ../shared/rig next to the checkout; PM_TUI_RIG points elsewhere
RIG_SCRIPT = Path(
    os.environ.get("PM_TUI_RIG", Path(__file__).resolve().parents[2] / "shared" / "rig" / "rig.sh")
)
PORTS = {"PROM_PORT": "29090", "AM_PORT": "29093", "SCRATCH_PORT": "29091"}
BINARIES = ("prometheus", "prometheus-alertmanager", "promtool", "curl", "bc")


@pytest.fixture(scope="session")
def rig(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Start the rig once per session; yields PROM_URL, AM_URL, DATA_START, DATA_END."""
    missing = [b for b in BINARIES if shutil.which(b) is None]
    if missing:
        pytest.fail(
            f"rig binaries missing: {', '.join(missing)} "
            "(apt-get install prometheus prometheus-alertmanager curl bc)"
        )
    if not RIG_SCRIPT.exists():
        pytest.fail(f"rig script not found at {RIG_SCRIPT}: set PM_TUI_RIG to its path")
    rig_dir = tmp_path_factory.mktemp("rig")
    env = dict(os.environ, RIG_DIR=str(rig_dir), **PORTS)
    started = subprocess.run(
        [str(RIG_SCRIPT), "start"], env=env, capture_output=True, text=True, timeout=90
    )
    if started.returncode != 0:
        subprocess.run([str(RIG_SCRIPT), "stop"], env=env, capture_output=True, timeout=30)
        pytest.fail(f"rig.sh start failed:\n{started.stderr[-2000:]}")
    values = dict(line.split("=", 1) for line in (rig_dir / "env").read_text().split())
    try:
        yield values
    finally:
        subprocess.run([str(RIG_SCRIPT), "stop"], env=env, capture_output=True, timeout=30)
