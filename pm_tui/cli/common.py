"""Helpers shared by the CLI commands: opening the repository, reading times."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

_HHMM = re.compile(r"^\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$")


def open_repo(args, *, create: bool = True):
    """The Repository chosen by --repo, $PM_TUI_REPO, the config file or the default."""
    from pm_tui.postmortem_store import Repository

    return Repository.open(getattr(args, "repo", None), create=create)


def add_gate_options(p) -> None:
    """--force/--reason: go ahead despite error-level findings (the publishing gate)."""
    p.add_argument(
        "--force",
        action="store_true",
        help="go ahead although error-level findings remain (needs --reason; recorded in the file)",
    )
    p.add_argument("--reason", metavar="TEXT", default="", help="why, with --force")


def add_repo_option(parser) -> None:
    """Accept --repo after the subcommand too (`pm-tui list --repo DIR`)."""
    parser.add_argument(
        "--repo", metavar="DIR", default=argparse.SUPPRESS, help="post-mortem repository"
    )


def sample_incidents_dir() -> Path:
    """The bundled sample incidents: inside the installed package (a wheel, pipx), else
    beside the pm_tui package in the source tree (a checkout, an editable install)."""
    package = Path(__file__).resolve().parents[1]
    installed = package / "sample_incidents"
    return installed if installed.is_dir() else package.parent / "sample_incidents"


def load_catalog(repo, *, with_text: bool = False, warn: bool = True, badges: bool = True):
    """Every post-mortem of `repo` through the repository index; with `warn`, each unreadable
    file is named on stderr (skipped, never fatal); without `badges`, files read afresh are
    not validated (for commands that show no validation badge)."""
    import sys

    from pm_tui import repo_index

    catalog = repo_index.load(repo.root, with_text=with_text, badges=badges)
    if warn:
        for bad in catalog.unreadable:
            print(f"pm-tui: skipped {bad.path.name}: {bad.error}", file=sys.stderr)
    return catalog
