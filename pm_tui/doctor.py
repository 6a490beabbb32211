"""`pm-tui doctor`: is this machine ready? Config, repository, each server and each token.

Each check is one line a person can act on. Servers are asked one harmless read (Prometheus
build info, Alertmanager status, the GitHub repository); a refused token is named as such
(HTTP 401/403) and a token variable that is not set is named too. Token values are never
printed: only the NAMES of the variables that hold them. Nothing is posted anywhere (Slack
and mail are checked without sending).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

OK, WARN, FAIL, SKIP = "ok", "warn", "fail", "skip"


@dataclass(frozen=True)
class Check:
    """The outcome of one check: what was checked, how it went, and what to do."""

    name: str  # config | repository | prometheus | alertmanager | github | slack | smtp
    status: str  # ok | warn | fail | skip
    detail: str
    credentials: bool = False  # a failure caused by a missing or refused token


@dataclass(frozen=True)
class DoctorReport:
    """Every check, in order; `exit_code` 0 when nothing failed, 4 when only credentials
    failed, 1 otherwise."""

    checks: tuple[Check, ...]

    @property
    def exit_code(self) -> int:
        failed = [c for c in self.checks if c.status == FAIL]
        if not failed:
            return 0
        return 4 if all(c.credentials for c in failed) else 1


def _check_config(path: Path) -> tuple[Check, dict[str, Any]]:
    from pm_tui.config import load_config
    from pm_tui.errors import PmTuiError

    if not path.exists():
        return Check("config", WARN, f"no config file at {path}: `pm-tui init` writes one"), {}
    try:
        config = load_config(path)
    except PmTuiError as exc:
        return Check("config", FAIL, str(exc)), {}
    return Check("config", OK, str(path)), config


def _check_repository(repo: Path) -> Check:
    import tempfile

    if not repo.exists():
        parent = next((p for p in repo.parents if p.exists()), None)
        if parent is not None and os.access(parent, os.W_OK):
            return Check("repository", WARN, f"{repo} does not exist yet: made on first use")
        return Check("repository", FAIL, f"{repo} does not exist and cannot be made there")
    if not (repo / ".git").exists():
        return Check(
            "repository", FAIL, f"{repo} is not a git repository: `pm-tui init --repo {repo}`"
        )
    try:
        with tempfile.NamedTemporaryFile(dir=repo, prefix=".pm-tui-doctor-"):
            pass
    except OSError as exc:
        return Check("repository", FAIL, f"{repo} is not writable ({exc.strerror})")
    return Check("repository", OK, f"{repo} (git, writable)")


def _http_check(
    name: str,
    base_url: str,
    path: str,
    options: dict[str, Any],
    describe: Callable[[Any], str],
    timeout: float,
) -> Check:
    """GET base_url + path with the options' credentials and classify the answer."""
    import httpx

    from pm_tui.collectors.http import HttpOptions, credentials
    from pm_tui.httplog import event_hooks, safe_url

    http_options = HttpOptions(base_url=base_url, **options)
    headers, auth, unset = credentials(http_options)
    if http_options.token_env and not unset:
        how = f"token from ${http_options.token_env}"
    elif http_options.username_env and not unset:
        how = f"user and password from ${http_options.username_env}/${http_options.password_env}"
    elif unset:
        how = f"no credentials: ${unset} is not set"
    else:
        how = "no credentials configured"
    url = base_url.rstrip("/") + path
    shown = safe_url(url)
    try:
        with httpx.Client(
            headers={"Accept": "application/json", "User-Agent": "pm-tui", **headers},
            auth=auth,
            timeout=timeout,
            event_hooks=event_hooks(),
        ) as client:
            response = client.get(url)
    except (httpx.InvalidURL, httpx.UnsupportedProtocol, ValueError):
        return Check(name, FAIL, f"{base_url!r} is not an http(s) URL")
    except httpx.HTTPError as exc:
        reason = str(exc).splitlines()[0][:120] or type(exc).__name__
        return Check(name, FAIL, f"cannot reach {shown}: {reason}")
    status = response.status_code
    if status in (401, 403):
        word = "Unauthorized" if status == 401 else "Forbidden"
        if unset:
            fix = f"it needs credentials and ${unset} is not set"
        elif http_options.token_env:
            fix = f"the token in ${http_options.token_env} was refused"
        elif http_options.username_env:
            fix = (
                f"the user and password in ${http_options.username_env}/"
                f"${http_options.password_env} were refused"
            )
        else:
            fix = "it needs credentials: name the variable that holds them in the config"
        return Check(name, FAIL, f"{shown}: HTTP {status} {word}: {fix}", credentials=True)
    if status >= 400:
        return Check(name, FAIL, f"{shown}: HTTP {status}: is this the right base URL?")
    try:
        body = response.json()
    except ValueError:
        return Check(name, FAIL, f"{shown} did not answer JSON: is this the right base URL?")
    try:
        what = describe(body)
    except (KeyError, TypeError, AttributeError):
        return Check(name, FAIL, f"{shown} answered, but not like a {name} API")
    return Check(name, OK, f"{safe_url(base_url)}: {what} ({how})")


def _prometheus_options(section: dict[str, Any]) -> dict[str, Any]:
    if section.get("user_env"):
        return {"username_env": section["user_env"], "password_env": section.get("password_env")}
    return {"token_env": section.get("token_env") or "PROMETHEUS_TOKEN"}


def run_doctor(
    repo: Path,
    *,
    config_file: Path | None = None,
    timeout: float = 5.0,
    progress: Callable[[Check], None] | None = None,
) -> DoctorReport:
    """Check the config file, the repository and every configured server and credential."""
    from pm_tui.config import config_path, config_section

    checks: list[Check] = []

    def add(check: Check) -> None:
        checks.append(check)
        if progress:
            progress(check)

    config_check, config = _check_config(config_file or config_path())
    add(config_check)
    add(_check_repository(repo))

    prometheus = config_section(config, "prometheus")
    if prometheus.get("url"):
        add(_http_check(
            "prometheus", str(prometheus["url"]), "/api/v1/status/buildinfo",
            _prometheus_options(prometheus),
            lambda body: f"Prometheus {body['data']['version']}", timeout,
        ))  # fmt: skip
    else:
        add(Check("prometheus", SKIP, "no prometheus.url configured"))

    alertmanager = config_section(config, "alertmanager")
    if alertmanager.get("url"):
        add(_http_check(
            "alertmanager", str(alertmanager["url"]), "/api/v2/status", {},
            lambda body: f"Alertmanager {body['versionInfo']['version']}", timeout,
        ))  # fmt: skip
    else:
        add(Check("alertmanager", SKIP, "no alertmanager.url configured"))

    for check in _log_store_checks(config, timeout):  # only the stores configured
        add(check)

    github = config_section(config, "github")
    token_env = github.get("token_env") or "GITHUB_TOKEN"
    if github.get("repo"):
        api = str(github.get("api_url") or "https://api.github.com")
        if not os.environ.get(token_env, "").strip():
            add(Check(
                "github", FAIL,
                f"${token_env} is not set: step 6 cannot file issues in {github['repo']}",
                credentials=True,
            ))  # fmt: skip
        else:
            add(_http_check(
                "github", api, f"/repos/{github['repo']}", {"token_env": token_env},
                lambda body: f"repository {body['full_name']} is reachable", timeout,
            ))  # fmt: skip
    else:
        add(Check("github", SKIP, "no github.repo configured"))

    slack_env = config_section(config, "slack").get("webhook_env") or "PM_TUI_SLACK_WEBHOOK"
    if os.environ.get(slack_env, "").strip():
        add(Check("slack", OK, f"${slack_env} is set (not called: it would post a message)"))
    else:
        add(Check("slack", SKIP, f"${slack_env} is not set: reports are not sent to Slack"))

    smtp = config_section(config, "smtp")
    if smtp.get("host"):
        add(_check_smtp(smtp, timeout))
    else:
        add(Check("smtp", SKIP, "no smtp.host configured"))
    return DoctorReport(tuple(checks))


def _store_options(section: dict[str, Any]) -> dict[str, Any]:
    if section.get("user_env"):
        return {"username_env": section["user_env"], "password_env": section.get("password_env")}
    return {"token_env": section["token_env"]} if section.get("token_env") else {}


def _log_store_checks(config: dict[str, Any], timeout: float) -> list[Check]:
    """One check per log store with a URL in the config (Loki, Elasticsearch, OpenSearch,
    ClickHouse): reachable, the right product, credentials accepted."""
    from pm_tui.config import config_section

    probes = {
        "loki": ("/loki/api/v1/status/buildinfo", lambda b: f"Loki {b['version']}"),
        "elasticsearch": ("/", lambda b: f"Elasticsearch {b['version']['number']}"),
        "opensearch": ("/", lambda b: f"OpenSearch {b['version']['number']}"),
        "clickhouse": (
            "/?query=SELECT%20version()%20AS%20v%20FORMAT%20JSON",
            lambda b: f"ClickHouse {b['data'][0]['v']}",
        ),
    }
    checks = []
    for name, (path, describe) in probes.items():
        section = config_section(config, name)
        if section.get("url"):
            checks.append(
                _http_check(
                    name, str(section["url"]), path, _store_options(section), describe, timeout
                )
            )
    return checks


def _check_smtp(smtp: dict[str, Any], timeout: float) -> Check:
    import smtplib

    host, port = str(smtp["host"]), int(smtp.get("port") or 587)
    user_env = smtp.get("user_env") or "PM_TUI_SMTP_USER"
    password_env = smtp.get("password_env") or "PM_TUI_SMTP_PASSWORD"
    user, password = os.environ.get(user_env, ""), os.environ.get(password_env, "")
    try:
        with smtplib.SMTP(host, port, timeout=timeout) as server:
            server.ehlo()
            if smtp.get("tls", True) and server.has_extn("starttls"):
                server.starttls()
                server.ehlo()
            if user and password and server.has_extn("auth"):
                server.login(user, password)
                return Check("smtp", OK, f"{host}:{port} accepted the login from ${user_env}")
    except smtplib.SMTPAuthenticationError:
        return Check(
            "smtp", FAIL, f"{host}:{port} refused the login in ${user_env}/${password_env}",
            credentials=True,
        )  # fmt: skip
    except (TimeoutError, OSError, smtplib.SMTPException) as exc:
        return Check("smtp", FAIL, f"cannot talk to {host}:{port}: {exc}")
    return Check("smtp", OK, f"{host}:{port} answers")
