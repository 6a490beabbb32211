"""User configuration: a TOML file in the user config directory (or $PM_TUI_CONFIG).

Reads use tomllib (fast). Tokens are never stored here, only the NAMES of the
environment variables that hold them.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

from pm_tui.errors import PmTuiError

APP_NAME = "pm-tui"


def config_path() -> Path:
    """Where the config file lives: $PM_TUI_CONFIG, else the platform's user config dir."""
    env = os.environ.get("PM_TUI_CONFIG")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_config_path

    return user_config_path(APP_NAME) / "config.toml"


def default_repo_path() -> Path:
    """The post-mortem repository used when nothing else chooses one."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME) / "postmortems-repo"


def load_config(path: Path | None = None, *, environment: bool = True) -> dict[str, Any]:
    """The config as a dict; an absent file is an empty config, a broken one an error.

    With `environment`, each key's PM_TUI_* variable wins over the file (pm_tui.settings).
    """
    if environment:
        from pm_tui.settings import apply_environment

        return apply_environment(load_config(path, environment=False))
    path = path or config_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise PmTuiError(f"{path}: cannot read the config file ({exc.strerror})") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PmTuiError(f"{path}: invalid TOML in the config file: {exc}") from None


def config_section(config: dict[str, Any], name: str) -> dict[str, Any]:
    """The table `[name]` of the config, or an empty one when absent or not a table."""
    section = config.get(name)
    return section if isinstance(section, dict) else {}


def resolve_repo_path(cli_value: str | os.PathLike | None = None) -> Path:
    """The repository chosen by --repo, then $PM_TUI_REPO, then config `repo`, then the default."""
    if cli_value:
        return Path(cli_value).expanduser()
    env = os.environ.get("PM_TUI_REPO")
    if env:
        return Path(env).expanduser()
    repo = load_config().get("repo")
    if isinstance(repo, dict):
        repo = repo.get("path")
    if repo:
        return Path(str(repo)).expanduser()
    return default_repo_path()
