"""A small client for the part of GitHub's REST API that tracking needs.

Endpoints: GET /repos/{o}/{r}, POST/GET /repos/{o}/{r}/issues, GET/PATCH
/repos/{o}/{r}/issues/{n}. Every HTTP error becomes one TrackerError line.
httpx is imported when a client is made, never at import time.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from pm_tui.config import config_section
from pm_tui.trackers import TrackerCredentialsError, TrackerError

DEFAULT_API_URL = "https://api.github.com"
REPO_RE = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")
_NEXT_RE = re.compile(r'<([^>]+)>;\s*rel="next"')


def api_url(cli_value: str | None, config: dict[str, Any]) -> str:
    """The API base: --github-api, then $GITHUB_API_URL, then config github.api_url, else github.com."""
    section = config_section(config, "github")
    url = cli_value or os.environ.get("GITHUB_API_URL") or section.get("api_url") or DEFAULT_API_URL
    url = str(url).rstrip("/")
    if not url.startswith(("https://", "http://")):
        raise TrackerError(f"GitHub API URL '{url}' must start with https:// (or http://)")
    return url


def token(config: dict[str, Any]) -> str:
    """The token from $GITHUB_TOKEN, or from the variable config github.token_env names."""
    section = config_section(config, "github")
    names = ["GITHUB_TOKEN"]
    if section.get("token_env"):
        names.insert(0, str(section["token_env"]))
    for name in names:
        if os.environ.get(name):
            return os.environ[name]
    raise TrackerCredentialsError(
        f"no GitHub token: set {' or '.join(names)} to a token that may write issues"
    )


def web_host(api: str) -> str:
    """The host that issue URLs use: github.com for api.github.com, else the API's own host."""
    host = urlsplit(api).netloc
    return "github.com" if host == "api.github.com" else host


def parse_issue_url(url: str, api: str) -> tuple[str, int] | None:
    """('owner/repo', number) when `url` is an issue on this GitHub, else None."""
    parts = urlsplit(url)
    m = re.fullmatch(r"/([^/]+)/([^/]+)/issues/(\d+)/?", parts.path)
    if not m or parts.netloc != web_host(api):
        return None
    return f"{m.group(1)}/{m.group(2)}", int(m.group(3))


class GitHub:
    """An authenticated session against one GitHub (github.com or Enterprise)."""

    def __init__(self, api: str, token: str, *, timeout: float = 20.0):
        import httpx

        from pm_tui.httplog import event_hooks

        self.api = api.rstrip("/")
        self._httpx = httpx
        self._token = token
        self._client = httpx.Client(
            timeout=timeout,
            headers={
                "Accept": "application/vnd.github+json",
                "Authorization": f"Bearer {token}",
                "X-GitHub-Api-Version": "2022-11-28",
                "User-Agent": "pm-tui",
            },
            event_hooks=event_hooks(),
        )

    def close(self) -> None:
        """Close the HTTP connection pool."""
        self._client.close()

    def __enter__(self) -> GitHub:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- transport and errors ----------------------------------------------------------
    def request(self, method: str, url: str, what: str, **kwargs: Any):
        """Send one request; any failure becomes a TrackerError naming `what`."""
        full = url if url.startswith(("http://", "https://")) else self.api + url
        if not same_origin(full, self.api):
            # a Link header (or a redirect) naming another host: the token stays here
            raise TrackerError(
                f"GitHub sent a link to another host ({self.scrub(urlsplit(full).netloc)}) "
                f"for {what}: not followed, the token is only sent to {self.api}"
            )
        try:
            request = self._client.build_request(method, full, **kwargs)
            response = self._client.send(request, stream=True)
            try:
                body = _read_capped(response, MAX_RESPONSE_BYTES)
            finally:
                response.close()
        except self._httpx.HTTPError as exc:
            raise TrackerError(
                self.scrub(
                    f"cannot reach the GitHub API at {self.api} ({type(exc).__name__}: {exc}): "
                    "check --github-api / GITHUB_API_URL and the network"
                )
            ) from None
        except TrackerError as exc:
            raise TrackerError(f"GitHub's answer for {what} {exc}") from None
        response._content = body
        if response.status_code >= 400:
            refused = response.status_code == 401
            raise (TrackerCredentialsError if refused else TrackerError)(
                self.scrub(error_message(response, what))
            )
        return response

    def json(self, response, what: str) -> Any:
        """The JSON body of `response`, or one TrackerError line (truncated, HTML, ...)."""
        try:
            return response.json()
        except ValueError:
            kind = "an HTML page" if "<html" in response.text[:500].lower() else "no valid JSON"
            raise TrackerError(
                f"GitHub answered {kind} for {what} (HTTP {response.status_code}): check "
                "--github-api / GITHUB_API_URL, or try again if the answer was cut short"
            ) from None

    def scrub(self, text: str) -> str:
        """`text` without the token (a server may echo it) or any other secret."""
        from pm_tui.redact import redact

        if self._token and len(self._token) >= 4:
            text = text.replace(self._token, "[REDACTED:token]")
        return redact(text)[0]

    # --- endpoints ---------------------------------------------------------------------
    def check_repo(self, repo: str) -> None:
        """Fail early, with one line, when the repository is missing or the token is refused."""
        if not REPO_RE.match(repo):
            raise TrackerError(f"'{repo}' is not OWNER/REPO")
        self.request("GET", f"/repos/{repo}", f"repository {repo}")

    def create_issue(self, repo: str, fields: dict[str, Any]) -> dict[str, Any]:
        """POST a new issue; returns GitHub's issue object (number, html_url, ...)."""
        what = f"repository {repo}"
        return self._object(self.request("POST", f"/repos/{repo}/issues", what, json=fields), what)

    def get_issue(self, repo: str, number: int) -> dict[str, Any]:
        """The issue object (state, state_reason, body, ...)."""
        what = f"issue {repo}#{number}"
        return self._object(self.request("GET", f"/repos/{repo}/issues/{number}", what), what)

    def update_issue(self, repo: str, number: int, fields: dict[str, Any]) -> dict[str, Any]:
        """PATCH the given fields of an issue; returns the updated issue."""
        what = f"issue {repo}#{number}"
        response = self.request("PATCH", f"/repos/{repo}/issues/{number}", what, json=fields)
        return self._object(response, what)

    def _object(self, response, what: str) -> dict[str, Any]:
        data = self.json(response, what)
        if not isinstance(data, dict):
            raise TrackerError(f"GitHub answered a {type(data).__name__} for {what}, not an object")
        return data

    def iter_issues(self, repo: str, **params: Any) -> Iterator[dict[str, Any]]:
        """Every issue (not pull request) of the repository, following Link: rel="next"."""
        url: str | None = f"/repos/{repo}/issues"
        query: dict[str, Any] | None = {"state": "all", "per_page": 100, **params}
        while url:
            response = self.request("GET", url, f"repository {repo}", params=query)
            page = self.json(response, f"repository {repo}")
            if not isinstance(page, list):
                raise TrackerError(
                    f"GitHub answered a {type(page).__name__} listing {repo}'s issues"
                )
            for issue in page:
                if isinstance(issue, dict) and "pull_request" not in issue:
                    yield issue
            m = _NEXT_RE.search(response.headers.get("link", ""))
            url, query = (m.group(1), None) if m else (None, None)


MAX_RESPONSE_BYTES = 16 << 20


def same_origin(url: str, api: str) -> bool:
    """True when `url` has the scheme, host and port of the API base `api`."""
    a, b = urlsplit(url), urlsplit(api)
    return (a.scheme, a.hostname, a.port) == (b.scheme, b.hostname, b.port)


def _read_capped(response, limit: int) -> bytes:
    """The body, or TrackerError when it is larger than `limit` (checked while reading)."""
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > limit:
            response.close()
            raise TrackerError(f"is larger than {limit >> 20} MB: not read")
        chunks.append(chunk)
    return b"".join(chunks)


def error_message(response, what: str) -> str:
    """One line for an HTTP error from GitHub, saying what to do about it."""
    status = response.status_code
    try:
        body = response.json()
    except ValueError:
        body = {}
    message = body.get("message", "") if isinstance(body, dict) else ""
    if status == 401:
        return f"GitHub refused the token (401 {message or 'Bad credentials'}): check GITHUB_TOKEN"
    if status in (403, 429) and (
        response.headers.get("x-ratelimit-remaining") == "0" or "rate limit" in message.lower()
    ):
        reset = response.headers.get("x-ratelimit-reset", "")
        when = "later"
        if reset.isdigit():
            when = "at " + datetime.fromtimestamp(int(reset), UTC).strftime("%Y-%m-%d %H:%M UTC")
        return f"GitHub rate limit reached ({status}): try again {when}"
    if status == 403:
        return (
            f"GitHub refused access to {what} (403 {message}): the token needs "
            "read and write access to issues there"
        )
    if status == 404:
        return f"GitHub has no {what} (404), or the token cannot see it: check OWNER/REPO"
    if status == 422:
        details = []
        for err in body.get("errors", []) if isinstance(body, dict) else []:
            if isinstance(err, dict):
                details.append(
                    err.get("message")
                    or f"{err.get('field', '?')} {err.get('code', 'invalid')}"
                    + (f" ({err['value']})" if err.get("value") else "")
                )
            else:
                details.append(str(err))
        extra = f": {'; '.join(details)}" if details else ""
        return (
            f"GitHub rejected the request for {what} (422 {message or 'Validation Failed'}{extra})"
        )
    return f"GitHub answered {status} for {what}: {message or response.text[:200]}"
