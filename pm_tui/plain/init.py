"""`pm-tui init`: set up the post-mortem repository and write a commented config.toml.

Tokens are never written: only the NAMES of the environment variables holding them, and
an answer that looks like a token where a name is expected is refused. Running init again
offers the current values as defaults and edits them in place, so the person's own
comments and keys survive (tomlkit round-trip, atomic write).
"""

from __future__ import annotations

from typing import Any

# The keys, their checks and the writing of the file live in the core (pm_tui.config_*);
# re-exported here for the init command and its tests.
from pm_tui.config_keys import KEYS, REPO_COMMENT, ConfigKey  # noqa: F401
from pm_tui.config_values import check_env_name, check_url, value_check  # noqa: F401
from pm_tui.config_write import HEADER, flatten, write_config  # noqa: F401
from pm_tui.errors import UsageError
from pm_tui.plain.prompts import Prompter, split_list


def ask_values(ask: Prompter, current: dict[str, Any], given: dict[str, Any]) -> dict[str, Any]:
    """Ask each key (the option's value, else the current one, else the default, pre-filled)."""
    values: dict[str, Any] = {}
    for spec in KEYS:
        if not spec.asked:
            if spec.key in given:
                values[spec.key] = given[spec.key]
            continue
        default = given.get(spec.key, current.get(spec.key, spec.default))
        if spec.key.startswith("smtp.") and spec.key != "smtp.host" and not values["smtp.host"]:
            values[spec.key] = (
                current.get(spec.key, spec.default) if spec.key not in given else default
            )
            continue  # no mail server: its details are not asked
        if spec.kind == "bool":
            values[spec.key] = ask.confirm(spec.question, default=bool(default))
        elif spec.kind == "list":
            answer = ask.text(spec.question, ", ".join(default))
            values[spec.key] = split_list(answer)
        else:
            answer = ask.text(spec.question, str(default), check=value_check(spec.kind))
            values[spec.key] = int(answer) if spec.kind == "int" else answer
    return values


def check_given(given: dict[str, Any]) -> None:
    """Refuse bad option values (a token where a variable name belongs, a bad URL) up front."""
    for spec in KEYS:
        value = given.get(spec.key)
        if value is None or spec.kind in ("list", "bool"):
            continue
        problem = value_check(spec.kind)(str(value))
        if problem:
            option = "--" + spec.key.replace(".", "-").replace("_", "-")
            raise UsageError(f"{option}: {problem}")
