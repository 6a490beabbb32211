"""`pm-tui init`: set up the post-mortem repository and write a commented config.toml.

Tokens are never written: only the NAMES of the environment variables holding them, and
an answer that looks like a token where a name is expected is refused. Running init again
offers the current values as defaults and edits them in place, so the person's own
comments and keys survive (tomlkit round-trip, atomic write).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pm_tui.errors import PmTuiError, UsageError
from pm_tui.plain.prompts import Prompter, split_list


@dataclass(frozen=True)
class ConfigKey:
    """One key of config.toml: where it lives, what it is, how to ask for it."""

    key: str  # dotted path, e.g. "prometheus.url"
    kind: str  # text | url | env | list | int | bool | github-repo
    question: str
    comment: str
    default: Any = ""
    example: str = ""


KEYS: tuple[ConfigKey, ...] = (
    ConfigKey(
        "authors",
        "list",
        "Default authors of new post-mortems (comma-separated):",
        "Default authors of new post-mortems.",
        [],
        'authors = ["Ana Lima", "SRE team"]',
    ),
    ConfigKey(
        "prometheus.url",
        "url",
        "Prometheus URL (blank for none):",
        "Prometheus HTTP API base URL, for metrics in step 1.",
        "",
        'url = "http://prometheus.internal:9090"',
    ),
    ConfigKey(
        "prometheus.token_env",
        "env",
        "Name of the variable holding a Prometheus bearer token:",
        "NAME of the environment variable holding a bearer token (never the token).",
        "PROMETHEUS_TOKEN",
    ),
    ConfigKey(
        "alertmanager.url",
        "url",
        "Alertmanager URL (blank for none):",
        "Alertmanager base URL, for the alerts of step 1.",
        "",
        'url = "http://alertmanager.internal:9093"',
    ),
    ConfigKey(
        "github.repo",
        "github-repo",
        "GitHub repository for action items (OWNER/REPO, blank for none):",
        "Where step 6 opens issues for action items (OWNER/REPO).",
        "",
        'repo = "acme/platform"',
    ),
    ConfigKey(
        "github.api_url",
        "url",
        "GitHub API URL:",
        "GitHub API base URL (change it for GitHub Enterprise).",
        "https://api.github.com",
    ),
    ConfigKey(
        "github.token_env",
        "env",
        "Name of the variable holding the GitHub token:",
        "NAME of the environment variable holding the GitHub token (never the token).",
        "GITHUB_TOKEN",
    ),
    ConfigKey(
        "slack.webhook_env",
        "env",
        "Name of the variable holding the Slack webhook URL:",
        "NAME of the environment variable holding the Slack incoming-webhook URL.",
        "PM_TUI_SLACK_WEBHOOK",
    ),
    ConfigKey(
        "smtp.host",
        "text",
        "SMTP host for sending reports (blank for none):",
        "Mail server for distributing reports.",
        "",
        'host = "smtp.example.com"',
    ),
    ConfigKey("smtp.port", "int", "SMTP port:", "Mail server port (587 for STARTTLS).", 587),
    ConfigKey(
        "smtp.tls", "bool", "Use STARTTLS?", "true: upgrade the connection with STARTTLS.", True
    ),
    ConfigKey(
        "smtp.from",
        "text",
        "Sender address (From:):",
        "The From: address of reports.",
        "",
        'from = "postmortems@example.com"',
    ),
    ConfigKey(
        "smtp.user_env",
        "env",
        "Name of the variable holding the SMTP user:",
        "NAME of the environment variable holding the SMTP user name.",
        "PM_TUI_SMTP_USER",
    ),
    ConfigKey(
        "smtp.password_env",
        "env",
        "Name of the variable holding the SMTP password:",
        "NAME of the environment variable holding the SMTP password (never the password).",
        "PM_TUI_SMTP_PASSWORD",
    ),
)

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
REPO_COMMENT = "The git repository holding the post-mortems (postmortems/<id>.toml)."
HEADER = (
    "pm-tui configuration, written by 'pm-tui init' (run it again to change values; your own\n"
    "comments and keys are kept). Tokens are never stored here: only the NAMES of the\n"
    "environment variables that hold them. Documented in docs/config.md."
)


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

    if text and strip_url_credentials(text)[1]:
        return (
            f"{strip_url_credentials(text)[0]}: a URL with user:password@ would write the "
            "credentials into the config file: give the URL without them and the NAME of "
            "the environment variable that holds the token"
        )
    if not text or re.match(r"^https?://[^\s/]+", text):
        return None
    return f"'{text}' is not a URL: use http://host:port or https://host"


def _check(kind: str):
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


def flatten(config: dict[str, Any]) -> dict[str, Any]:
    """The current values of the known keys, by dotted name."""
    values: dict[str, Any] = {}
    for k in (("repo",), *(tuple(c.key.split(".")) for c in KEYS)):
        node: Any = config
        for part in k:
            node = node.get(part) if isinstance(node, dict) else None
        if node is not None:
            values[".".join(k)] = node
    return values


def ask_values(ask: Prompter, current: dict[str, Any], given: dict[str, Any]) -> dict[str, Any]:
    """Ask each key (the option's value, else the current one, else the default, pre-filled)."""
    values: dict[str, Any] = {}
    for spec in KEYS:
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
            answer = ask.text(spec.question, str(default), check=_check(spec.kind))
            values[spec.key] = int(answer) if spec.kind == "int" else answer
    return values


def check_given(given: dict[str, Any]) -> None:
    """Refuse bad option values (a token where a variable name belongs, a bad URL) up front."""
    for spec in KEYS:
        value = given.get(spec.key)
        if value is None or spec.kind in ("list", "bool"):
            continue
        problem = _check(spec.kind)(str(value))
        if problem:
            option = "--" + spec.key.replace(".", "-").replace("_", "-")
            raise UsageError(f"{option}: {problem}")


def write_config(path: Path, values: dict[str, Any]) -> None:
    """Write `values` into config.toml at `path`, in place, keeping comments and other keys."""
    import tomlkit

    from pm_tui.atomic_write import atomic_write_text

    if path.exists():
        try:
            doc = tomlkit.parse(path.read_text(encoding="utf-8"))
        except Exception as exc:  # tomlkit raises several parse error types
            raise PmTuiError(
                f"{path}: not valid TOML ({exc}); fix or move it, then run init"
            ) from None
    else:
        doc = _template(values)
    for key, value in values.items():
        *tables, leaf = key.split(".")
        node = doc
        for part in tables:
            if part not in node:
                node[part] = tomlkit.table()
            node = node[part]
        if value in ("", [], None):
            if leaf in node:
                del node[leaf]
        elif node.get(leaf) != value:
            node[leaf] = value
    atomic_write_text(path, tomlkit.dumps(doc))


def _template(values: dict[str, Any]):
    """A new config document: every key with a comment saying what it is."""
    import tomlkit

    doc = tomlkit.document()
    for line in HEADER.splitlines():
        doc.add(tomlkit.comment(line))
    doc.add(tomlkit.nl())
    doc.add(tomlkit.comment(REPO_COMMENT))
    doc.add("repo", values.get("repo", ""))
    tables: dict[str, Any] = {}
    for spec in KEYS:
        *parent, leaf = spec.key.split(".")
        node = doc
        if parent:
            if parent[0] not in tables:
                tables[parent[0]] = tomlkit.table()
                doc.add(tomlkit.nl())
                doc.add(parent[0], tables[parent[0]])
            node = tables[parent[0]]
        else:
            doc.add(tomlkit.nl())
        node.add(tomlkit.comment(spec.comment))
        value = values.get(spec.key)
        if value in ("", [], None):
            if spec.example:
                node.add(tomlkit.comment(spec.example))
        else:
            node.add(leaf, value)
    return doc
