"""`pm-tui doctor`: is this machine ready? Config, repository, each server and each token.

Each check is one line a person can act on. Servers are asked one harmless read (Prometheus
build info, Alertmanager status, each log store, the GitHub repository), reached as
`collect` reaches them (`configured_servers`: tenant, credentials, CA bundle, region);
a refused token is named as such
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

    name: str  # config | repository | prometheus | alertmanager | a log store | github | ...
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


def _http_check(name: str, http: Any, path: str, describe: Callable[[Any], str]) -> Check:
    """GET `path` on a server reached as collecting reaches it (`http`, an HttpOptions:
    credentials, tenant header, CA bundle, timeout) and classify the answer."""
    import httpx

    from pm_tui.collectors.evidence import CollectorError
    from pm_tui.collectors.http import credentials, http_client
    from pm_tui.httplog import safe_url

    unset = credentials(http)[2]
    if http.token_env and not unset:
        how = f"token from ${http.token_env}"
    elif http.username_env and not unset:
        how = f"user and password from ${http.username_env}/${http.password_env}"
    elif unset:
        how = f"no credentials: ${unset} is not set"
    else:
        how = "no credentials configured"
    tenant = http.headers.get("X-Scope-OrgID")
    if tenant:
        how += f", tenant {tenant}"
    base_url = http.base_url
    shown = safe_url(base_url.rstrip("/") + path)
    try:
        with http_client(name, http) as client:
            response = client.get(path)
    except CollectorError as exc:  # a CA bundle that is not there
        return Check(name, FAIL, str(exc))
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
        elif http.token_env:
            fix = f"the token in ${http.token_env} was refused"
        elif http.username_env:
            fix = f"the user and password in ${http.username_env}/${http.password_env} were refused"
        else:
            fix = "it needs credentials: name the variable that holds them in the config"
        if name in ("loki", "prometheus") and not tenant:
            fix += f"; a multi-tenant server needs {name}.tenant (sent as X-Scope-OrgID)"
        return Check(name, FAIL, f"{shown}: HTTP {status} {word}: {fix}", credentials=True)
    if status >= 400:
        return Check(name, FAIL, f"{shown}: HTTP {status}: is this the right base URL?")
    try:
        body = response.json()
    except ValueError:
        return Check(name, FAIL, f"{shown} did not answer JSON: is this the right base URL?")
    try:
        what = describe(body)
    except (KeyError, TypeError, AttributeError, IndexError):
        return Check(name, FAIL, f"{shown} answered, but not like a {name} API")
    return Check(name, OK, f"{safe_url(base_url)}: {what} ({how})")


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

    from pm_tui.collectors.http import HttpOptions
    from pm_tui.workflow.sources import configured_servers

    servers = configured_servers(config)
    if not any(spec.kind == "prometheus" for spec in servers):
        add(Check("prometheus", SKIP, "no prometheus.url configured"))
    for spec in servers:
        if spec.kind == "prometheus":
            add(_server_check(spec, timeout))

    alertmanager = config_section(config, "alertmanager")
    if alertmanager.get("url"):
        add(_http_check(
            "alertmanager", HttpOptions(str(alertmanager["url"]), timeout=timeout),
            "/api/v2/status", lambda body: f"Alertmanager {body['versionInfo']['version']}",
        ))  # fmt: skip
    else:
        add(Check("alertmanager", SKIP, "no alertmanager.url configured"))

    for spec in servers:  # only the log stores configured
        if spec.kind != "prometheus":
            add(_server_check(spec, timeout))

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
                "github", HttpOptions(api, token_env=token_env, timeout=timeout),
                f"/repos/{github['repo']}",
                lambda body: f"repository {body['full_name']} is reachable",
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


# what each server is asked: one harmless read that goes where collecting goes (Loki's
# labels, not its build info, so a tenant and credentials are checked too)
_PROBES: dict[str, tuple[str, Callable[[Any], str]]] = {
    "prometheus": ("/api/v1/status/buildinfo", lambda b: f"Prometheus {b['data']['version']}"),
    "loki": ("/loki/api/v1/labels", lambda b: f"Loki answers ({len(b['data'])} labels)"),
    "elasticsearch": ("/", lambda b: f"Elasticsearch {b['version']['number']}"),
    "opensearch": ("/", lambda b: f"OpenSearch {b['version']['number']}"),
    "clickhouse": (
        "/?query=SELECT%20version()%20AS%20v%20FORMAT%20JSON",
        lambda b: f"ClickHouse {b['data'][0]['v']}",
    ),
}


def _server_check(spec: Any, timeout: float) -> Check:
    """One configured server, reached with the options collecting would use."""
    from dataclasses import replace

    from pm_tui.collectors.evidence import CollectorError
    from pm_tui.collectors.runner import check_no_credentials, http_options

    try:
        check_no_credentials(spec.target, spec.kind)
    except CollectorError as exc:
        return Check(spec.kind, FAIL, str(exc))
    if spec.kind == "cloudwatch":
        return _cloudwatch_check(spec, timeout)
    path, describe = _PROBES[spec.kind]
    http = replace(http_options(spec, spec.target), timeout=timeout)
    return _http_check(spec.kind, http, path, describe)


def _cloudwatch_check(spec: Any, timeout: float) -> Check:
    """Read at most one event of each configured log group over the last five minutes, as
    collecting does (the AWS credentials chain, the region, the endpoint)."""
    from datetime import timedelta

    from pm_tui.collectors.evidence import CollectorError, CollectWindow
    from pm_tui.collectors.runner import collect_one
    from pm_tui.model import now_utc

    spec.options.update(max_records=1, page_size=1, slice_minutes=10, timeout=timeout, retries=0)
    end = now_utc()
    try:
        collect_one(spec, CollectWindow(end - timedelta(minutes=5), end, timedelta(0)))
    except CollectorError as exc:
        text = str(exc)
        refused = "AWS credentials" in text or "AWS refused the credentials" in text
        return Check("cloudwatch", FAIL, text, credentials=refused)
    region = spec.options.get("region")
    where = f" in {region}" if region else ""
    groups = spec.target.replace(",", ", ")
    return Check(
        "cloudwatch", OK, f"log groups {groups} readable{where} (credentials from the AWS chain)"
    )


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
