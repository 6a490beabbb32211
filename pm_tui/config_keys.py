"""The keys of config.toml: where each lives, what it holds, how `init` asks for it, its
default and its environment variable (`PM_TUI_` + the key in capitals, `.` as `_`).
Tokens are never values here, only the NAMES of the variables holding them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pm_tui.errors import UsageError

REPO_COMMENT = "The git repository holding the post-mortems (postmortems/<id>.toml)."


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
            (
                "language.sentence_model",
                "bool",
                "false: the blame check reads without the sentence encoder (hand features only).",
                True,
            ),
        )
    ),
)

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
