"""A session-wide real Prometheus and Alertmanager (tests/rig) on free loopback ports.

tests/conftest.py offers the fixture to every test module: ask for `rig` by name. Should a
module import it anyway (pytest then makes that module its own fixture), it still shares ONE
rig: the running rig is reference-counted here. Missing binaries FAIL the tests (CI installs
them): a skipped rig test proves nothing.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

from tests.rig.rig import Rig, RigError

_running: dict = {"users": 0}


def _start() -> None:
    workdir = Path(tempfile.mkdtemp(prefix="pm-tui-rig-"))
    rig = Rig(workdir)
    try:
        _running["values"] = rig.start()
    except RigError as exc:
        shutil.rmtree(workdir, ignore_errors=True)
        pytest.fail(f"the test rig did not start (bash dev.sh test installs its servers): {exc}")
    _running["rig"] = rig


def _stop() -> None:
    rig = _running.pop("rig")
    _running.pop("values")
    rig.stop()
    shutil.rmtree(rig.workdir, ignore_errors=True)


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
