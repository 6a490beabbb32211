"""The walls of the house: nothing under pm_tui imports Textual; data flows one way (the
core never imports the CLI or the screens; screens never reach git, the network or files)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

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


# --- one-way flow: static checks of what each layer imports and does ------------------------

# Modules screens must not use: they reach git, the network, processes or files themselves.
SCREENS_MAY_NOT_IMPORT = (
    "git", "httpx", "subprocess", "socket", "smtplib", "shutil", "tempfile", "tomlkit",
    "tomli", "tomllib", "rtoml", "pm_tui.gitstore", "pm_tui.atomic_write",
    "pm_tui.collectors.runner", "pm_tui.collectors.evidence_store", "pm_tui.trackers",
)  # fmt: skip
# Calls that read or write files: a screen asks the store or a workflow instead.
FILE_METHODS = {
    "read_text", "write_text", "read_bytes", "write_bytes", "unlink", "mkdir", "rmdir",
    "touch", "rename", "iterdir", "glob", "rglob", "open",
}  # fmt: skip
OS_FILE_CALLS = {"replace", "remove", "unlink", "rename", "makedirs", "mkdir", "listdir", "scandir"}


def imported_modules(tree: ast.AST) -> set[str]:
    """Every module an AST imports, at any depth (lazy imports in functions included)."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{a.name}" for a in node.names)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "lazy_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            names.add(node.args[0].value)  # pm_tui.lazy_import: imported at its first use
    return names


def file_io_calls(tree: ast.AST) -> list[str]:
    """`open(...)`, `path.read_text()`, `os.replace(...)` and the like, as `line: call`."""
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        f = node.func
        if isinstance(f, ast.Name) and f.id == "open":
            found.append(f"{node.lineno}: open()")
        elif isinstance(f, ast.Attribute):
            owner = f.value.id if isinstance(f.value, ast.Name) else ""
            if owner in ("os", "shutil") and f.attr in OS_FILE_CALLS | {"rmtree", "copy", "move"}:
                found.append(f"{node.lineno}: {owner}.{f.attr}()")
            elif f.attr in FILE_METHODS and owner not in ("self", "app"):
                found.append(f"{node.lineno}: .{f.attr}()")
    return found


def _uses(names: set[str], banned: str) -> bool:
    return any(n == banned or n.startswith(banned + ".") for n in names)


def _modules(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


def test_the_checks_catch_what_they_look_for():
    """The detectors find an upward import and a screen's own file I/O (no empty pass)."""
    tree = ast.parse(
        "import httpx\nfrom pm_tui.cli import cmd_collect\n"
        "def f(p):\n    import git\n    open(p)\n    p.write_text('x')\n    os.replace(p, p)\n"
        "_screens = lazy_module('screens.app')\n"
    )
    names = imported_modules(tree)
    assert _uses(names, "pm_tui.cli") and _uses(names, "git") and _uses(names, "httpx")
    assert _uses(names, "screens")  # a lazy import is an import too
    assert len(file_io_calls(tree)) == 3


def test_nothing_below_the_cli_imports_the_cli_or_the_screens():
    """Lower layers never import upper ones: pm_tui outside cli/ never imports pm_tui.cli,
    and only the CLI may open the screens (lazily, inside the command)."""
    bad = []
    for path in _modules("pm_tui"):
        rel = path.relative_to(ROOT).as_posix()
        names = imported_modules(ast.parse(path.read_text(encoding="utf-8")))
        if not rel.startswith("pm_tui/cli/") and _uses(names, "pm_tui.cli"):
            bad.append(f"{rel} imports pm_tui.cli")
        if not rel.startswith("pm_tui/cli/") and _uses(names, "screens"):
            bad.append(f"{rel} imports screens")
        if rel.startswith("pm_tui/workflow/") and _uses(names, "pm_tui.plain"):
            bad.append(f"{rel} imports pm_tui.plain")
    assert bad == []


def test_screens_reach_git_network_and_files_only_through_pm_tui():
    """No screens module imports git, httpx and the like, or reads and writes files itself:
    the store and the workflow layer do, and the screens show what they return."""
    bad = []
    for path in _modules("screens"):
        rel = path.relative_to(ROOT).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = imported_modules(tree)
        bad += [f"{rel} imports {m}" for m in SCREENS_MAY_NOT_IMPORT if _uses(names, m)]
        bad += [f"{rel}:{call}" for call in file_io_calls(tree)]
    assert bad == []
