"""`--debug`: every HTTP call pm-tui makes, logged to stderr with its secrets removed.

Every httpx client of pm-tui is made with `event_hooks()`; the hooks cost one level check
until `enable()` is called. A logged line shows the method, the URL, the request headers and
then the status and time, with the secrets removed three ways: the values of credential
headers (Authorization, cookies, API keys), secret-looking URL parts (user:password@, query
parameters such as token= or key=, a Slack webhook's path), and, on every line, the literal
value of any environment variable that holds a credential (*TOKEN, *PASSWORD, *SECRET,
*WEBHOOK*, *KEY) and of the variables the config names (`*_env`).
"""

from __future__ import annotations

import logging
import os
import re
import sys
import time
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

LOG = logging.getLogger("pm_tui.http")
MASK = "***"
_SECRET_HEADERS = re.compile(
    r"^(authorization|proxy-authorization|cookie|set-cookie|x-[\w-]*(token|key|secret|auth)[\w-]*"
    r"|[\w-]*api[-_]?key)$",
    re.IGNORECASE,
)
_SECRET_PARAMS = re.compile(
    r"(token|key|secret|password|passwd|pwd|sig|signature|auth|credential|session)",
    re.IGNORECASE,
)
_SECRET_VARS = re.compile(r"(TOKEN|PASSWORD|PASSWD|SECRET|HOOK|API_?KEY|_KEY$)", re.IGNORECASE)
_PATH_SECRETS = (  # URLs whose path is itself the credential (incoming webhooks)
    (re.compile(r"^hooks\.slack\.com$"), re.compile(r"^(/services)/.*$")),
    (re.compile(r"(^|\.)webhook\.office\.com$"), re.compile(r"^(/webhookb2)/.*$")),
    (re.compile(r""), re.compile(r"^(/services)/T[A-Z0-9]+/B[A-Z0-9]+/.*$")),  # Slack's shape
)
_REGISTERED: set[str] = set()  # credentials pm-tui read this run (register_secret)


def safe_url(url: str) -> str:
    """`url` without the password of user:password@, secret query values and webhook paths."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return MASK
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, host = netloc.rsplit("@", 1)
        user = userinfo.split(":", 1)[0]
        netloc = f"{user}:{MASK}@{host}" if ":" in userinfo else f"{MASK}@{host}"
    path = parts.path
    for host_rx, path_rx in _PATH_SECRETS:
        if host_rx.search(parts.hostname or ""):
            path = path_rx.sub(lambda m: f"{m.group(1)}/{MASK}", path)
    query = parts.query
    if query:
        pairs = parse_qsl(query, keep_blank_values=True)
        query = urlencode(
            [(k, MASK if _SECRET_PARAMS.search(k) else v) for k, v in pairs], safe="*"
        )
    return urlunsplit((parts.scheme, netloc, path, query, parts.fragment))


def safe_headers(headers) -> str:
    """The headers as `Name: value; ...`, credential values masked (the scheme is kept)."""
    shown = []
    for name, value in headers.items():
        if _SECRET_HEADERS.match(name):
            scheme = value.split(" ", 1)[0] if " " in value else ""
            value = f"{scheme} {MASK}" if scheme else MASK
        shown.append(f"{name}: {value}")
    return "; ".join(shown)


class _ScrubSecrets(logging.Filter):
    """Last line of defence: the value of any credential variable never reaches the log."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        for secret in _secret_values():
            message = message.replace(secret, MASK)
        record.msg, record.args = message, None
        return True


def register_secret(value: str) -> None:
    """Never log `value` (a credential just read from the environment)."""
    if value:
        _REGISTERED.add(value)


def _secret_values() -> list[str]:
    names = {n for n in os.environ if _SECRET_VARS.search(n)}
    try:
        from pm_tui.config import load_config

        config = load_config()
    except Exception:  # a broken config must not break logging; doctor reports it
        config = {}
    for section in config.values():
        if isinstance(section, dict):
            names |= {str(v) for k, v in section.items() if k.endswith("_env") and v}
    values = [os.environ.get(n, "") for n in names] + list(_REGISTERED)
    # longest first, so a secret containing another is masked whole; short values are
    # not secrets worth the false matches
    return sorted({v for v in values if len(v) >= 6}, key=len, reverse=True)


class _CurrentStderr(logging.StreamHandler):
    """Writes to whatever sys.stderr is when a line is logged: the full-screen wizard swaps
    it for its own capture, and a line on the real terminal would garble the screen."""

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, value) -> None:
        pass


def enable(stream=None) -> None:
    """Log every HTTP call at debug level to `stream`, else to the file named by
    $PM_TUI_DEBUG_FILE (appended; for the wizard), else to stderr."""
    path = os.environ.get("PM_TUI_DEBUG_FILE")
    if stream is not None:
        handler: logging.Handler = logging.StreamHandler(stream)
    elif path:
        handler = logging.FileHandler(path, encoding="utf-8")
    else:
        handler = _CurrentStderr()
    handler.setFormatter(logging.Formatter("pm-tui: debug: %(message)s"))
    handler.addFilter(_ScrubSecrets())
    LOG.addHandler(handler)
    LOG.setLevel(logging.DEBUG)
    LOG.propagate = False


def _on_request(request) -> None:
    if LOG.isEnabledFor(logging.DEBUG):
        request.extensions["pm_tui_started"] = time.perf_counter()
        LOG.debug(
            "> %s %s [%s]", request.method, safe_url(str(request.url)),
            safe_headers(request.headers),
        )  # fmt: skip


def _on_response(response) -> None:
    if LOG.isEnabledFor(logging.DEBUG):
        request = response.request
        started = request.extensions.get("pm_tui_started", time.perf_counter())
        LOG.debug(
            "< %s %s %s %s (%.0f ms)", response.status_code, response.reason_phrase,
            request.method, safe_url(str(request.url)), (time.perf_counter() - started) * 1000,
        )  # fmt: skip


def event_hooks() -> dict[str, list]:
    """httpx `event_hooks` that log each request and response when debugging is on."""
    return {"request": [_on_request], "response": [_on_response]}
