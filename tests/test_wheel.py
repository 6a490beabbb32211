"""The built wheel, installed into a fresh venv, is a working pm-tui (what `pipx install .`
gives a user): the version, the demo from the bundled samples, validate, the man page."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# what the wheel is not built from: copying them would only cost time
NOT_BUILT_FROM = shutil.ignore_patterns(
    ".git", ".venv", "venv", "build", "dist", "*.egg-info", "__pycache__", "tests", "bench"
)


def _run(*cmd, cwd: Path, timeout: int = 300) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    done = subprocess.run(
        [str(c) for c in cmd],
        cwd=cwd,
        env={**env, "NO_COLOR": "1"},
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert done.returncode == 0, f"{cmd} exited {done.returncode}:\n{done.stdout}\n{done.stderr}"
    return done


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh venv (nothing from this checkout on its path) with the built wheel installed."""
    tmp = tmp_path_factory.mktemp("wheel")
    source = tmp / "source"
    shutil.copytree(ROOT, source, ignore=NOT_BUILT_FROM)
    # no build isolation and no dependencies: the dev venv has setuptools and wheel, and
    # the dependencies come from pip's cache when the venv installs the wheel
    _run(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
         "-w", tmp / "dist", source, cwd=tmp)  # fmt: skip
    (wheel,) = (tmp / "dist").glob("pm_tui-*.whl")
    venv = tmp / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp)
    _run(sys.executable, "-m", "pip", "--python", venv / "bin" / "python", "install", "-q",
         "--disable-pip-version-check", wheel, cwd=tmp)  # fmt: skip
    return venv


def test_installed_pm_tui_is_the_wheel_not_this_checkout(installed, tmp_path):
    version = _run(installed / "bin" / "pm-tui", "--version", cwd=tmp_path)
    from pm_tui import __version__

    assert version.stdout.strip() == f"pm-tui {__version__}"
    where = _run(
        installed / "bin" / "python", "-c",
        "import pm_tui, screens; print(pm_tui.__file__); print(screens.__file__)", cwd=tmp_path,
    ).stdout.split()  # fmt: skip
    assert all(Path(p).is_relative_to(installed) for p in where), where
    # the wizard's stylesheet ships with the screens
    assert (Path(where[1]).parent / "app.tcss").is_file()


def test_demo_and_validate_from_the_wheel(installed, tmp_path):
    demo = _run(installed / "bin" / "pm-tui", "demo", "--no-open", "--dir", tmp_path / "demo",
                cwd=tmp_path)  # fmt: skip
    repo = Path(demo.stdout.strip())
    assert repo == tmp_path / "demo"
    assert (repo / "postmortems" / "2025-02-09-api-service-degradation.toml").is_file()
    # the raw evidence came along, and the demo reconstructed the timeline candidates from it
    evidence = repo / "postmortems" / "2025-02-09-api-service-degradation.evidence"
    assert (evidence / "raw" / "nginx" / "access.log.gz").is_file()
    assert '"first_symptom"' in (evidence / "candidates.json").read_text()
    checked = _run(installed / "bin" / "pm-tui", "--repo", repo, "validate", "--all", cwd=tmp_path)
    assert "2 post-mortems checked: no errors." in checked.stdout + checked.stderr
    completion = _run(installed / "bin" / "pm-tui", "completion", "bash", cwd=tmp_path)
    assert "complete -o default -o bashdefault -F _pm_tui pm-tui" in completion.stdout


def test_man_page_is_installed_and_lists_every_command(installed):
    from pm_tui.cli.main import COMMANDS

    page = (installed / "share" / "man" / "man1" / "pm-tui.1").read_text()
    assert page.startswith(".TH PM\\-TUI 1")
    for name in COMMANDS:
        assert f'.SS "pm\\-tui {name.replace("-", chr(92) + "-")}"' in page, name
    assert ".SH EXIT STATUS" in page


def test_installed_language_checks_ship_their_word_list_and_indexes(installed, tmp_path):
    """The blame checks' data files (pm_tui/language/data) are in the wheel: a name no list
    holds and a name the dictionary spells capitalised are both found as people."""
    code = (
        "from pm_tui.language import check_prose, prefilter; "
        "print(len(check_prose('Okonkwo deleted the production bucket.')), "
        "len(check_prose('Bill skipped the dry run and truncated the ledger table.')), "
        "bool(prefilter._stored()))"
    )
    out = _run(installed / "bin" / "python", "-c", code, cwd=tmp_path)
    assert out.stdout.split() == ["1", "1", "True"]


def test_installed_recurrence_ships_the_similar_cause_model(installed, tmp_path):
    """The pair model's weights (pm_tui/insights/data) are in the wheel: two wordings of one
    cause are one recurring cause, a look-alike is not."""
    code = (
        "from pm_tui.insights.causes import similar_causes as s; "
        "print(s('Pods were OOMKilled at the memory limit', 'The pods ran out of memory'), "
        "s('Pods were OOMKilled at the memory limit', 'Pods were CPU throttled'))"
    )
    out = _run(installed / "bin" / "python", "-c", code, cwd=tmp_path)
    assert out.stdout.split() == ["True", "False"]
