"""The keys of config.toml, and their values: a flag wins over the environment, the
environment over the file, the file over the default.

Every key has an environment variable, `PM_TUI_` + the key in capitals with `_` for `.`
(`prometheus.url` -> `PM_TUI_PROMETHEUS_URL`; `repo` -> `PM_TUI_REPO`). `load_config()`
applies them, so every reader of the config sees them; commands apply their flags on top.
Tokens are never values here, only the NAMES of the variables holding them.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pm_tui.errors import PmTuiError, UsageError


@dataclass(frozen=True)
class ConfigKey:
    """One key of config.toml: where it lives, what it is, how to ask for it."""

    key: str  # dotted path, e.g. "prometheus.url"
    kind: str  # text | url | env | list | int | bool | github-repo
    question: str
    comment: str
    default: Any = ""
    example: str = ""
    asked: bool = True  # False: not a question of init (set with `pm-tui config set`)

    @property
    def env(self) -> str:
        """The environment variable that overrides this key: PM_TUI_ + the key in capitals."""
        return "PM_TUI_" + self.key.upper().replace(".", "_")


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
        "prometheus.user_env",
        "env",
        "Name of the variable holding the Prometheus basic-auth user:",
        "NAME of the environment variable holding the basic-auth user (when Prometheus "
        "sits behind basic auth instead of a token).",
        "",
        asked=False,
    ),
    ConfigKey(
        "prometheus.password_env",
        "env",
        "Name of the variable holding the Prometheus basic-auth password:",
        "NAME of the environment variable holding the basic-auth password (never the password).",
        "",
        asked=False,
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
    *(
        ConfigKey(key, kind, f"{key}:", comment, default, asked=False)
        for key, kind, comment, default in (
            ("prometheus.tenant", "text", "X-Scope-OrgID for Mimir, Cortex or Thanos.", ""),
            ("loki.url", "url", "Loki base URL, for `collect --logql` without --loki.", ""),
            ("loki.token_env", "env", "NAME of the variable holding a Loki bearer token.", ""),
            ("loki.user_env", "env", "NAME of the variable holding the Loki basic-auth user.", ""),
            ("loki.password_env", "env", "NAME of the variable holding the Loki password.", ""),
            ("loki.tenant", "text", "X-Scope-OrgID sent to a multi-tenant Loki.", ""),
            ("elasticsearch.url", "url", "Elasticsearch base URL, for `collect --search`.", ""),
            ("elasticsearch.index", "text", "Elasticsearch index pattern of the logs.", ""),
            ("elasticsearch.token_env", "env", "NAME of the variable holding a bearer token.", ""),
            (
                "elasticsearch.token_format",
                "text",
                'How the token is sent: "ApiKey {token}" for API keys.',
                "",
            ),
            ("elasticsearch.user_env", "env", "NAME of the variable holding the user.", ""),
            ("elasticsearch.password_env", "env", "NAME of the variable holding the password.", ""),
            ("opensearch.url", "url", "OpenSearch base URL.", ""),
            ("opensearch.index", "text", "OpenSearch index pattern of the logs.", ""),
            ("opensearch.token_env", "env", "NAME of the variable holding a bearer token.", ""),
            ("opensearch.user_env", "env", "NAME of the variable holding the user.", ""),
            ("opensearch.password_env", "env", "NAME of the variable holding the password.", ""),
            (
                "clickhouse.url",
                "url",
                "ClickHouse HTTP URL (port 8123), for `collect --where`.",
                "",
            ),
            ("clickhouse.table", "text", "ClickHouse logs table (default otel_logs).", ""),
            ("clickhouse.user_env", "env", "NAME of the variable holding the ClickHouse user.", ""),
            ("clickhouse.password_env", "env", "NAME of the variable holding its password.", ""),
            ("cloudwatch.region", "text", "AWS region of the CloudWatch log groups.", ""),
            ("cloudwatch.profile", "text", "AWS profile (default: the AWS credentials chain).", ""),
            ("cloudwatch.log_groups", "list", "CloudWatch log groups read by default.", []),
            ("cloudwatch.endpoint_url", "url", "CloudWatch Logs endpoint (a VPC endpoint).", ""),
        )
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
    if values.get("repo"):
        doc.add("repo", values["repo"])
    else:
        doc.add(tomlkit.comment('repo = "~/src/postmortems"'))
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
        value = values.get(spec.key)
        if not spec.asked and value in ("", [], None):
            continue  # an advanced key appears once it is set
        node.add(tomlkit.comment(spec.comment))
        if value in ("", [], None):
            if spec.example:
                node.add(tomlkit.comment(spec.example))
        else:
            node.add(leaf, value)
    return doc


REPO_KEY = ConfigKey(
    "repo", "path", "Post-mortem repository:", REPO_COMMENT, "", asked=False
)  # asked by init through its own repository set-up
ALL_KEYS: tuple[ConfigKey, ...] = (REPO_KEY, *KEYS)
_BY_NAME = {spec.key: spec for spec in ALL_KEYS}


def key_spec(key: str) -> ConfigKey:
    """The spec of a config key; an unknown key is a usage error naming the known ones."""
    try:
        return _BY_NAME[key]
    except KeyError:
        raise UsageError(f"unknown config key '{key}': one of {', '.join(_BY_NAME)}") from None


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
    problem = _check(spec.kind)(text)
    if problem:
        raise UsageError(f"{where}: {problem}")
    return int(text) if spec.kind == "int" and text else text


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


def set_value(path: Path, key: str, text: str | None) -> Any:
    """Write one key into the config file at `path` (None or "" removes it), keeping the
    file's comments and other keys; returns the value written."""
    spec = key_spec(key)
    value = None if not text else parse_value(spec, text, f"config set {key}")
    write_config(path, {key: "" if value is None else value})
    return value
