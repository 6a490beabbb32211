"""Fixtures shared by the whole suite: sample incidents, temporary repositories, the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

# the real servers, one of each per session, for any test module that names them
from tests.fixtures_rig import rig  # noqa: F401
from tests.logstore_servers import clickhouse, moto_server, victoria_metrics  # noqa: F401

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_incidents"
SAMPLE_ID = "2025-02-09-api-service-degradation"
DRAFT_ID = "2025-06-14-payment-webhook-backlog"


FULL_ENV = "PM_TUI_TESTS_FULL"


def beyond_default(*values, why: str):
    """A parameter set the default run leaves out (marked `full`): the expensive floors that
    retrain a model per writer run on a fixed, named set by default, on every writer with
    PM_TUI_TESTS_FULL=1 (or `-m full` for just these)."""
    return pytest.param(*values, marks=pytest.mark.full(reason=why))


def pytest_collection_modifyitems(config, items):
    """Leave out the `full` tests unless PM_TUI_TESTS_FULL=1 or a -m expression names them:
    they are reported as deselected, never skipped."""
    if os.environ.get(FULL_ENV) == "1" or "full" in (config.getoption("markexpr") or ""):
        return
    left = [item for item in items if item.get_closest_marker("full") is not None]
    if left:
        config.hook.pytest_deselected(items=left)
        items[:] = [item for item in items if item.get_closest_marker("full") is None]


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch):
    """No test reads or writes the real user's config or data directories."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("PM_TUI_CONFIG", str(home / "pm-tui-config.toml"))
    monkeypatch.delenv("PM_TUI_REPO", raising=False)
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(home / ".gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    (home / ".gitconfig").write_text("[user]\n\tname = Test Person\n\temail = test@example.com\n")


@pytest.fixture
def sample_text() -> str:
    return (SAMPLES / f"{SAMPLE_ID}.toml").read_text(encoding="utf-8")


@pytest.fixture
def repo(tmp_path):
    """An empty post-mortem repository (git, no commits yet) in a temporary folder."""
    from pm_tui.postmortem_store import Repository

    return Repository.open(tmp_path / "pm-repo")


@pytest.fixture
def sample_repo(tmp_path):
    """A repository holding the bundled sample post-mortems, committed."""
    from pm_tui.cli.cmd_demo import make_demo_repo
    from pm_tui.postmortem_store import Repository

    return Repository(make_demo_repo(tmp_path / "sample-repo"))


@pytest.fixture(scope="session")
def collected_repo(tmp_path_factory):
    """The sample repository with its evidence collected as step 1 leaves it (metric series
    included). Shared by the session: tests write only their own files (reports/...)."""
    from pm_tui.cli.cmd_demo import make_demo_repo
    from pm_tui.postmortem_store import Repository

    return Repository(make_demo_repo(tmp_path_factory.mktemp("collected") / "repo", rebuild=True))


@pytest.fixture(scope="session")
def reconstructed(tmp_path_factory):
    """`reconstructed(folder, capsys)`: an incident folder (tests/incidents/...) collected and
    rebuilt through the CLI once per session, as tests.test_timeline_story._collected does it:
    (repo, pm, truth, argv, rows). For tests that only read it (the rows, `timeline --window`);
    a test that accepts or edits rows makes its own with `_collected`."""
    import copy

    made: dict[Path, tuple] = {}

    def get(folder: Path, capsys):
        from tests.test_timeline_story import _collected

        if folder not in made:
            made[folder] = _collected(tmp_path_factory.mktemp(folder.name), folder, capsys)
        repo, pm, truth, argv, rows = made[folder]
        return repo, pm, truth, argv, copy.deepcopy(rows)

    return get


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None, input: str | None = None):
    """Run `pm-tui` in a subprocess, as a person would, and return the CompletedProcess."""
    return subprocess.run(
        [sys.executable, "-m", "pm_tui.cli.main", *args],
        cwd=cwd or ROOT,
        env={**os.environ, "NO_COLOR": "1", **(env or {})},
        capture_output=True,
        text=True,
        input=input,
        timeout=120,
    )
