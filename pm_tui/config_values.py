"""A config value checked and read from text (an `init` answer, an option, a PM_TUI_*
variable, `config set`): variable names that are not tokens, URLs without credentials,
OWNER/REPO, ports, lists and booleans.
"""

from __future__ import annotations

import re
from typing import Any

from pm_tui.config_keys import ConfigKey
from pm_tui.errors import UsageError

_ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_TOKEN_PREFIXES = (
    "ghp_",
    "gho_",
    "ghu_",
    "ghs_",
    "ghr_",
    "github_pat_",
    "xoxb-",
    "xoxp-",
    "xoxa-",
    "xapp-",
    "glpat-",
    "sk-",
    "eyJ",
    "AKIA",
)
_GITHUB_REPO = re.compile(r"^[A-Za-z0-9-]+/[A-Za-z0-9._-]+$")


def check_env_name(text: str) -> str | None:
    """None if `text` is an environment variable name (or blank); refuses anything token-like."""
    if not text:
        return None
    looks_secret = (
        text.startswith(_TOKEN_PREFIXES)
        or "://" in text
        # Random-looking: mixed case with digits, or long without the underscores of a name.
        or (
            len(text) >= 20
            and re.search(r"[a-z]", text)
            and re.search(r"[A-Z]", text)
            and re.search(r"\d", text)
        )
        or (len(text) >= 32 and "_" not in text)
    )
    if looks_secret:
        # Never echo the text: it may be a real secret.
        return (
            "that looks like a token or secret itself, and pm-tui never stores secrets: "
            "give the NAME of the environment variable that holds it (e.g. GITHUB_TOKEN) "
            "and export the token in your shell"
        )
    if not _ENV_NAME.match(text):
        return f"'{text}' is not an environment variable name: use letters, digits and _"
    return None


def check_url(text: str) -> str | None:
    """None if `text` is an http(s) URL without credentials, or blank."""
    from pm_tui.redact import strip_url_credentials

    shown, had = strip_url_credentials(text or "")
    if had:
        return (
            f"{shown}: a URL with user:password@ would write the credentials into the config "
            "file: give the URL without them and the NAME of the environment variable that "
            "holds the token"
        )
    if not text or re.match(r"^https?://[^\s/]+", text):
        return None
    return f"'{text}' is not a URL: use http://host:port or https://host"


def value_check(kind: str):
    """The check of a value of `kind`: text -> None when good, else what is wrong."""

    def check(text: str) -> str | None:
        if kind == "env":
            return check_env_name(text)
        if kind == "url":
            return check_url(text)
        if kind == "github-repo" and text and not _GITHUB_REPO.match(text):
            return f"'{text}' is not OWNER/REPO, e.g. acme/platform"
        if kind == "int" and not (text.isdigit() and 0 < int(text) < 65536):
            return f"'{text}' is not a port number (1-65535)"
        return None

    return check


def parse_value(spec: ConfigKey, text: str, where: str) -> Any:
    """A value for `spec` from text (an option, a variable, `config set`), checked; `where`
    names the source in the error ("$PM_TUI_SMTP_PORT", "config set smtp.port")."""
    text = text.strip()
    if spec.kind == "list":
        return [part.strip() for part in text.split(",") if part.strip()]
    if spec.kind == "bool":
        lowered = text.lower()
        if lowered in ("1", "true", "yes", "on"):
            return True
        if lowered in ("0", "false", "no", "off"):
            return False
        raise UsageError(f"{where}: '{text}' is not true or false")
    problem = value_check(spec.kind)(text)
    if problem:
        raise UsageError(f"{where}: {problem}")
    return int(text) if spec.kind == "int" and text else text
