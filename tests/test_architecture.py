"""The one wall in the house: nothing under pm_tui imports Textual."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_no_pm_tui_module_imports_textual():
    code = (
        "import pkgutil, importlib, sys, pm_tui\n"
        "names = [m.name for m in pkgutil.walk_packages(pm_tui.__path__, 'pm_tui.')]\n"
        "for n in names: importlib.import_module(n)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(len(names), bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
    assert int(out.stdout.split()[0]) >= 10  # really walked the package


def test_cli_startup_does_not_import_heavy_modules():
    code = (
        "import sys; from pm_tui.cli.main import build_parser; build_parser()\n"
        "heavy = [m for m in ('textual', 'httpx', 'git', 'tomlkit', 'questionary') if m in sys.modules]\n"
        "print(heavy); sys.exit(1 if heavy else 0)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
