"""One HTTP client for every API collector: auth from the environment, TLS, retries, errors.

Secrets never live in files: options name the environment VARIABLES that hold a token or a
user/password, and the values are read only when the client is built. Every failure an
API call can meet becomes one `CollectorError` line here, naming the source and what to do.
"""

from __future__ import annotations

import json
import os
import re
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from pm_tui.collectors.common import check_cancel
from pm_tui.collectors.evidence import CollectorError

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_RETRY_AFTER = 30.0  # seconds: a server asking for longer is reported, not waited for
MAX_RESPONSE_BYTES = 16 << 20  # parsed, 16 MB of JSON is already ~200 MB of Python objects
_TITLE_RE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)


@dataclass
class HttpOptions:
    """How to reach an API: base URL, auth (by environment variable name), TLS, patience."""

    base_url: str
    token_env: str | None = None  # name of the variable holding a token
    token_format: str = "Bearer {token}"  # PagerDuty wants "Token token={token}"
    username_env: str | None = None  # basic auth: names of the variables
    password_env: str | None = None
    ca_bundle: str | None = None  # path to a PEM bundle for self-signed/private CAs
    verify: bool = True
    timeout: float = 10.0
    retries: int = 2  # extra attempts on connect errors and 5xx
    backoff: float = 0.25  # seconds, doubled on each retry
    headers: dict[str, str] = field(default_factory=dict)
    max_bytes: int = MAX_RESPONSE_BYTES  # a bigger answer is refused, not read into memory


class JsonClient:
    """A small JSON-over-HTTP client for one source; use as a context manager."""

    def __init__(self, source: str, options: HttpOptions, what: str = "API"):
        """`source` names the source in error lines; `what` is the kind of server expected."""
        self.source, self.options, self.what = source, options, what
        self.unset_credentials = credentials(options)[2]
        # the credentials sent: never shown, even when a server echoes them back
        self._secrets = [
            v
            for v in (
                os.environ.get(options.token_env or "", "").strip(),
                os.environ.get(options.password_env or "", "") if options.username_env else "",
            )
            if len(v) >= 4
        ]
        self._client = http_client(source, options)

    def __enter__(self) -> JsonClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Release the connections."""
        self._client.close()

    def get_json(
        self,
        path: str,
        params: Any = None,
        *,
        not_found: str = "",
        cancel: threading.Event | None = None,
    ) -> Any:
        """GET `path` and return its parsed JSON body, or raise one clear `CollectorError`.

        `not_found` is the hint shown on HTTP 404 (what the person probably got wrong).
        """
        return self._decode(self.send("GET", path, params=params, cancel=cancel), not_found)

    def post_json(
        self,
        path: str,
        body: Any,
        params: Any = None,
        *,
        not_found: str = "",
        cancel: threading.Event | None = None,
    ) -> Any:
        """POST `body` as JSON to `path` and return the parsed JSON answer (as `get_json`)."""
        response = self.send("POST", path, params=params, json_body=body, cancel=cancel)
        return self._decode(response, not_found)

    def send(
        self,
        method: str,
        path: str,
        *,
        params: Any = None,
        json_body: Any = None,
        content: str | bytes | None = None,
        headers: dict[str, str] | None = None,
        cancel: threading.Event | None = None,
    ) -> Any:
        """Send one request, retrying connect errors, 429 and 5xx (honouring `Retry-After`).

        Returns the last response whatever its status (see `check_status`); a transport
        failure is one `CollectorError`. The body is read at most `max_bytes` (decompressed
        too); a bigger answer is a CollectorError.
        """
        try:
            return self._send(method, path, params, json_body, content, headers, cancel)
        except CollectorError as exc:
            raise CollectorError(self.scrub(str(exc))) from exc.__cause__

    def scrub(self, text: str) -> str:
        """`text` (an error line, a server's words) with the credentials sent and any other
        recognisable secret removed: a server may reflect the Authorization header."""
        from pm_tui.redact import redact

        for secret in self._secrets:
            text = text.replace(secret, "[REDACTED:token]")
        return redact(text)[0]

    def _send(self, method, path, params, json_body, content, headers, cancel) -> Any:
        import httpx

        url = self._client.base_url.join(path) if path else self._client.base_url
        attempt = 0
        while True:
            check_cancel(cancel)
            wait = None
            try:
                response = self._request_capped(
                    method, path, params=params, json=json_body, content=content, headers=headers
                )
            except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
                if _is_tls(exc) or attempt >= self.options.retries:
                    raise CollectorError(self._describe_transport(exc, str(url))) from exc
            except httpx.TimeoutException as exc:
                raise CollectorError(
                    f"{self.source}: no answer from {url} within {self.options.timeout:g}s: "
                    "check the server or raise the timeout"
                ) from exc
            except httpx.UnsupportedProtocol as exc:
                raise CollectorError(
                    f"{self.source}: {self.options.base_url!r} is not an http(s) URL: "
                    "give e.g. http://host:9090"
                ) from exc
            except httpx.HTTPError as exc:
                raise CollectorError(f"{self.source}: request to {url} failed: {exc}") from exc
            else:
                status = response.status_code
                if status not in RETRY_STATUSES or attempt >= self.options.retries:
                    return response
                wait = retry_after(response.headers.get("retry-after"))
                if wait is not None and wait > MAX_RETRY_AFTER:
                    raise CollectorError(
                        f"{self.source}: {url} asks to wait {wait:.0f}s before trying again "
                        f"(HTTP {status}): collect again later"
                    )
            attempt += 1
            backoff = self.options.backoff * (2 ** (attempt - 1))
            time.sleep(max(backoff, wait or 0.0))

    def _request_capped(self, method: str, path: str, **kwargs: Any) -> Any:
        """One request whose body is read at most `max_bytes` (CollectorError beyond)."""
        request = self._client.build_request(method, path, **kwargs)
        response = self._client.send(request, stream=True)
        try:
            chunks, size = [], 0
            for chunk in response.iter_raw():
                size += len(chunk)
                if size > self.options.max_bytes:
                    raise CollectorError(
                        f"{self.source}: the answer from {request.url} is larger than "
                        f"{self.options.max_bytes >> 20} MB: narrow the query or the window"
                    )
                chunks.append(chunk)
        finally:
            response.close()
        raw = b"".join(chunks)
        encoding = response.headers.get("content-encoding", "").lower()
        if encoding and encoding != "identity":
            raw = _decompress(raw, encoding, self.options.max_bytes, self.source)
        response._content = raw  # what .text and .json() read
        return response

    def check_status(self, response: Any, not_found: str = "") -> None:
        """Raise the one-line `CollectorError` for a refused, missing or failed request."""
        try:
            self._check_status(response, not_found)
        except CollectorError as exc:
            raise CollectorError(self.scrub(str(exc))) from None

    def _check_status(self, response: Any, not_found: str = "") -> None:
        status, url = response.status_code, str(response.request.url)
        if status in (401, 403):
            if self.unset_credentials:
                fix = f"it needs credentials: ${self.unset_credentials} is not set"
            elif self.options.token_env:
                fix = f"check the token in ${self.options.token_env}"
            elif self.options.username_env:
                fix = f"check the user and password in ${self.options.username_env}/${self.options.password_env}"
            else:
                fix = "it needs credentials: name the environment variable that holds the token"
            raise CollectorError(f"{self.source}: {url} refused access (HTTP {status}): {fix}")
        if status == 404:
            hint = not_found or f"is this the {self.what} base URL?"
            raise CollectorError(f"{self.source}: {url} not found (HTTP 404): {hint}")
        if status == 429:
            raise CollectorError(
                f"{self.source}: {url} is rate-limiting (HTTP 429) after retries: collect again later"
            )

    # --- turning failures into one line ------------------------------------------
    def _describe_transport(self, exc: Exception, url: str) -> str:
        if _is_tls(exc):
            return (
                f"{self.source}: TLS verification failed for {url} ({_short(exc)}): "
                "give the server's CA bundle (ca_bundle) or fix its certificate"
            )
        return (
            f"{self.source}: cannot connect to {url} ({_short(exc)}): "
            "check the URL and that the server is running"
        )

    def _decode(self, response: Any, not_found: str) -> Any:
        try:
            return self._decode_checked(response, not_found)
        except CollectorError as exc:
            raise CollectorError(self.scrub(str(exc))) from None

    def _decode_checked(self, response: Any, not_found: str) -> Any:
        self.check_status(response, not_found)
        status, url = response.status_code, str(response.request.url)
        body = response.text
        if _looks_like_html(response, body):
            title = _TITLE_RE.search(body)
            what = f" ({title.group(1).strip()[:80]!r})" if title else ""
            raise CollectorError(
                f"{self.source}: got an HTML page{what} instead of JSON from {url} "
                f"(HTTP {status}): is this the {self.what} base URL, not a proxy or login page?"
            )
        try:
            data = json.loads(body) if body.strip() else None
        except ValueError as exc:
            raise CollectorError(
                f"{self.source}: bad JSON from {url} (HTTP {status}, {exc}): "
                f"is this the {self.what} base URL?"
            ) from exc
        if status >= 400:
            detail = _error_detail(data) or body.strip()[:200]
            raise CollectorError(
                f"{self.source}: {url} answered HTTP {status}: {detail}"
                + (": try again later" if status >= 500 else "")
            )
        return data


def http_client(source: str, options: HttpOptions):
    """The httpx client that reaches a source as collecting does: its base URL, headers (a
    tenant's X-Scope-OrgID), credentials, CA bundle, timeout and the --debug log. A missing
    CA bundle or a bad URL is a CollectorError naming `source`."""
    import httpx

    from pm_tui.httplog import event_hooks

    auth_headers, auth, _ = credentials(options)
    headers = {"Accept": "application/json", **options.headers, **auth_headers}
    verify: Any = options.verify
    if options.verify and options.ca_bundle:
        if not os.path.isfile(options.ca_bundle):
            raise CollectorError(
                f"{source}: CA bundle {options.ca_bundle} not found: give the path of a PEM file"
            )
        import ssl

        verify = ssl.create_default_context(cafile=options.ca_bundle)
    try:
        return httpx.Client(
            base_url=options.base_url.rstrip("/"),
            headers=headers,
            auth=auth,
            verify=verify,
            timeout=options.timeout,
            follow_redirects=True,
            event_hooks=event_hooks(),
        )
    except (httpx.InvalidURL, ValueError) as exc:
        raise CollectorError(
            f"{source}: {options.base_url!r} is not a valid URL: give e.g. http://host:9090"
        ) from exc


def _decompress(raw: bytes, encoding: str, limit: int, source: str) -> bytes:
    """Undo gzip/deflate with a cap on the result (a small bomb must not fill memory)."""
    import zlib

    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise CollectorError(
            f"{source}: answer compressed with {encoding!r}, which pm-tui cannot read"
        )
    wbits = 47 if encoding != "deflate" else 15  # 47: gzip or zlib header, detected
    d = zlib.decompressobj(wbits)
    try:
        out = d.decompress(raw, limit + 1)
    except zlib.error as exc:
        raise CollectorError(f"{source}: a corrupt compressed answer ({exc})") from None
    if len(out) > limit or d.unconsumed_tail:
        raise CollectorError(
            f"{source}: the answer decompresses to more than {limit >> 20} MB: narrow the query"
        )
    return out


def credentials(options: HttpOptions) -> tuple[dict[str, str], Any, str]:
    """(headers, httpx auth, name of an unset variable) for the options' credentials.

    A variable named in the config but not set means "no credentials", not an error (the
    default config names GITHUB_TOKEN, PROMETHEUS_TOKEN...): the request goes without them,
    and if the server then refuses it, the error names the unset variable.
    """
    import httpx

    from pm_tui.httplog import register_secret

    if options.token_env:
        token = os.environ.get(options.token_env, "").strip()
        register_secret(token)
        if not token:
            return {}, None, options.token_env
        return {"Authorization": options.token_format.format(token=token)}, None, ""
    if options.username_env:
        user = os.environ.get(options.username_env, "")
        password = os.environ.get(options.password_env or "", "")
        if not user:
            return {}, None, options.username_env
        if not password:
            return {}, None, options.password_env or "?"
        register_secret(password)
        return {}, httpx.BasicAuth(user, password), ""
    return {}, None, ""


def retry_after(value: str | None) -> float | None:
    """Seconds to wait from a `Retry-After` header (delta-seconds or an HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    from email.utils import parsedate_to_datetime

    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - time.time())


def _is_tls(exc: BaseException) -> bool:
    import ssl

    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLError) or "CERTIFICATE_VERIFY_FAILED" in str(seen):
            return True
        seen = seen.__cause__ or seen.__context__
    return "SSL" in str(exc) or "certificate" in str(exc).lower()


def _short(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    if "Connection refused" in text:
        return "connection refused"
    return text.splitlines()[0][:160]


def _looks_like_html(response: Any, body: str) -> bool:
    content_type = response.headers.get("content-type", "")
    return "html" in content_type or body.lstrip()[:15].lower().startswith(("<!doctype", "<html"))


def _error_detail(data: Any) -> str:
    if isinstance(data, dict):
        for key in ("error", "message"):
            value = data.get(key)
            if isinstance(value, str):
                return value
            if isinstance(value, dict):  # Elasticsearch/OpenSearch put it in error.reason
                for inner in ("message", "reason"):
                    if isinstance(value.get(inner), str):
                        return value[inner]
    return ""
