"""Each config key's value as the commands see it: a flag wins over the environment, the
environment over the file, the file over the default (the keys: pm_tui.config_keys).

Every key has an environment variable, `PM_TUI_` + the key in capitals with `_` for `.`
(`prometheus.url` -> `PM_TUI_PROMETHEUS_URL`; `repo` -> `PM_TUI_REPO`). `load_config()`
applies them, so every reader of the config sees them; commands apply their flags on top.
Tokens are never values here, only the NAMES of the variables holding them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from pm_tui.config_keys import ALL_KEYS, REPO_KEY
from pm_tui.config_values import parse_value


def _get(config: dict[str, Any], key: str) -> Any:
    node: Any = config
    for part in key.split("."):
        node = node.get(part) if isinstance(node, dict) else None
    if key == "repo" and isinstance(node, dict):  # an older form: [repo] path = "..."
        node = node.get("path")
    return None if node == "" else node


def _put(config: dict[str, Any], key: str, value: Any) -> None:
    *tables, leaf = key.split(".")
    node = config
    for part in tables:
        child = node.get(part)
        if not isinstance(child, dict):
            child = node[part] = {}
        node = child
    node[leaf] = value


def apply_environment(config: dict[str, Any], environ=None) -> dict[str, Any]:
    """A copy of `config` with every key whose PM_TUI_* variable is set taken from it."""
    import copy

    environ = os.environ if environ is None else environ
    merged = copy.deepcopy(config)
    for spec in ALL_KEYS:
        text = environ.get(spec.env)
        if text is not None and text.strip():
            _put(merged, spec.key, parse_value(spec, text, f"${spec.env}"))
    return merged


@dataclass(frozen=True)
class Setting:
    """One key's effective value and where it came from: env, file, default or unset."""

    key: str
    value: Any
    origin: str  # "env" | "file" | "default" | "unset"
    env: str  # the variable that would override it

    def text(self) -> str:
        """The value as a person writes it (lists comma-separated, booleans true/false)."""
        if isinstance(self.value, bool):
            return "true" if self.value else "false"
        if isinstance(self.value, list):
            return ", ".join(str(v) for v in self.value)
        return "" if self.value is None else str(self.value)


def effective(file_config: dict[str, Any] | None = None, environ=None) -> list[Setting]:
    """Every key's value as the commands see it (before their own flags), with its origin."""
    from pm_tui.config import load_config

    environ = os.environ if environ is None else environ
    raw = load_config(environment=False) if file_config is None else file_config
    out = []
    for spec in ALL_KEYS:
        text = environ.get(spec.env)
        if text is not None and text.strip():
            value, origin = parse_value(spec, text, f"${spec.env}"), "env"
        elif _get(raw, spec.key) is not None:
            value, origin = _get(raw, spec.key), "file"
        elif spec.default not in ("", [], None):
            value, origin = spec.default, "default"
        elif spec is REPO_KEY:
            from pm_tui.config import default_repo_path

            value, origin = str(default_repo_path()), "default"
        else:
            value, origin = None, "unset"
        out.append(Setting(spec.key, value, origin, spec.env))
    return out
