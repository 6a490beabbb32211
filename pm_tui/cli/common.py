"""Helpers shared by the CLI commands: opening the repository, reading times."""

from __future__ import annotations

import argparse
import re
from datetime import UTC, date, datetime
from pathlib import Path

from pm_tui.errors import UsageError

_HHMM = re.compile(r"^\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$")


def parse_utc(text: str, what: str = "time") -> datetime:
    """An ISO 8601 time; with an offset it is converted to UTC, without one it is taken as UTC."""
    raw = text.strip()
    value = raw.replace("z", "Z")
    if value.endswith("Z"):
        value = value[:-1] + "+00:00"
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise UsageError(
            f"{what} '{raw}' is not a time: use ISO 8601 like 2025-02-09T10:05:00Z "
            "(UTC) or 2025-02-09T11:05:00+01:00"
        ) from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def parse_date(text: str, what: str = "date") -> date:
    """An ISO date (YYYY-MM-DD)."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(
            f"{what} '{text}' is not a date: use YYYY-MM-DD, e.g. 2025-03-01"
        ) from None


def open_repo(args, *, create: bool = True):
    """The Repository chosen by --repo, $PM_TUI_REPO, the config file or the default."""
    from pm_tui.postmortem_store import Repository

    return Repository.open(getattr(args, "repo", None), create=create)


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
