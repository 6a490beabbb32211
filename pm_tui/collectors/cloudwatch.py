"""CloudWatch Logs: `FilterLogEvents` over the window for one or more log groups.

Credentials come from the AWS chain (environment, shared config/profile, SSO, instance
role) through botocore, which also signs each request (SigV4); the request itself goes
through the shared HTTP client, so retries, TLS, --debug logging and errors are the same
as every other source. botocore is imported only here, when a CloudWatch source is read
(`pip install 'pm-tui[aws]'`). Each slice of the window is paged with `nextToken`.
"""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime

from pm_tui.collectors.common import source_name
from pm_tui.collectors.evidence import (
    CollectorError,
    CollectResult,
    CollectWindow,
    Progress,
    no_progress,
)
from pm_tui.collectors.http import JsonClient
from pm_tui.collectors.log_stores import LogSink, LogStoreOptions, slices

TARGET = "Logs_20140328.FilterLogEvents"
MAX_PAGE = 10_000  # the API's own limit per call


def _ms(t: datetime) -> int:
    return int(t.timestamp() * 1000)


class _Signer:
    """SigV4 headers for a request, from the AWS credentials chain (botocore, lazily)."""

    def __init__(self, source: str, region: str, profile: str | None):
        try:
            import botocore.session
        except ImportError:
            raise CollectorError(
                f"{source}: reading CloudWatch needs botocore: pip install 'pm-tui[aws]'"
            ) from None
        session = botocore.session.Session(profile=profile or None)
        try:
            credentials = session.get_credentials()
        except Exception as exc:  # botocore's profile/config errors have many types
            raise CollectorError(f"{source}: AWS credentials could not be read: {exc}") from exc
        if credentials is None:
            raise CollectorError(
                f"{source}: no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY "
                "(or AWS_PROFILE) in the environment"
            )
        self.credentials, self.region = credentials, region

    def headers(self, url: str, body: bytes) -> dict[str, str]:
        from botocore.auth import SigV4Auth
        from botocore.awsrequest import AWSRequest

        from pm_tui.httplog import register_secret

        frozen = self.credentials.get_frozen_credentials()
        register_secret(frozen.secret_key)
        if frozen.token:
            register_secret(frozen.token)
        request = AWSRequest(
            method="POST",
            url=url,
            data=body,
            headers={"Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": TARGET},
        )
        SigV4Auth(frozen, "logs", self.region).add_auth(request)
        return dict(request.headers.items())


def _default_region() -> str:
    """The region the AWS chain names ($AWS_REGION, $AWS_DEFAULT_REGION, the profile)."""
    import os

    for name in ("AWS_REGION", "AWS_DEFAULT_REGION"):
        if os.environ.get(name):
            return os.environ[name]
    try:
        import botocore.session
    except ImportError:
        return ""
    try:
        return botocore.session.Session().get_config_variable("region") or ""
    except Exception:  # a broken profile: the signer says what is wrong
        return ""


def collect_cloudwatch(
    options: LogStoreOptions,
    window: CollectWindow,
    progress: Progress = no_progress,
    cancel: threading.Event | None = None,
) -> CollectResult:
    """Every event of the log groups (matching the filter pattern) in the window, as evidence.

    `options.extra`: `log_groups` (list), `region`, `profile`; `options.http.base_url` is the
    endpoint (default `https://logs.REGION.amazonaws.com`); `options.query` a filter pattern.
    """
    groups = [g for g in options.extra.get("log_groups") or [] if g]
    if not groups:
        raise CollectorError("cloudwatch: name a log group (--cloudwatch-log-group NAME)")
    region = str(options.extra.get("region") or _default_region() or "us-east-1")
    if not options.http.base_url:
        options.http.base_url = f"https://logs.{region}.amazonaws.com"
    target = ",".join(groups)
    source = source_name("cloudwatch", target)
    signer = _Signer(source, region, options.extra.get("profile"))
    sink = LogSink(source, window, options.max_records)
    pieces = list(slices(window, options.slice_minutes))
    with JsonClient(source, options.http, what="CloudWatch Logs") as client:
        url = str(client._client.base_url).rstrip("/") + "/"
        total = len(pieces) * len(groups)
        for g, group in enumerate(groups):
            for done, (start, end, last) in enumerate(pieces):
                progress(g * len(pieces) + done, total, f"{group} {start:%H:%M}")
                _read_slice(client, signer, url, options, sink, group, start, end, last, cancel)
                if sink.full:
                    break
            if sink.full:
                break
        progress(total, total, "done")
    return sink.result("cloudwatch", target, options.query)


def _read_slice(client, signer, url, options, sink, group, start, end, last, cancel) -> None:
    request = {
        "logGroupName": group,
        "startTime": _ms(start),
        "endTime": _ms(end) if last else _ms(end) - 1,  # endTime is inclusive
        "limit": max(1, min(options.page_size, MAX_PAGE)),
    }
    if options.query.strip():
        request["filterPattern"] = options.query
    while True:
        body = json.dumps(request).encode()
        response = client.send(
            "POST", "/", content=body, headers=signer.headers(url, body), cancel=cancel
        )
        answer = _decode(client, response, group)
        sink.counts["pages"] += 1
        for event in answer.get("events") or []:
            try:
                t = datetime.fromtimestamp(int(event["timestamp"]) / 1000, UTC)
            except (KeyError, TypeError, ValueError):
                sink.counts["no_time"] = sink.counts.get("no_time", 0) + 1
                continue
            extra = {"log_group": group, "log_stream": event.get("logStreamName", "")}
            if not sink.add_line(t, str(event.get("message", "")), extra):
                return
        token = answer.get("nextToken")
        if not token or token == request.get("nextToken"):
            return
        request["nextToken"] = token


def _decode(client: JsonClient, response, group: str) -> dict:
    status = response.status_code
    try:
        data = response.json() if response.content else {}
    except ValueError:
        data = {}
    kind = str(data.get("__type", "")).rsplit("#", 1)[-1] if isinstance(data, dict) else ""
    message = (data.get("message") or data.get("Message") or "") if isinstance(data, dict) else ""
    if status == 400 and kind == "ResourceNotFoundException":
        raise CollectorError(
            f"{client.source}: log group {group!r} not found: check its name and region"
        )
    if status in (400, 403) and kind in (
        "UnrecognizedClientException",
        "InvalidSignatureException",
        "AccessDeniedException",
        "ExpiredTokenException",
    ):
        raise CollectorError(
            f"{client.source}: AWS refused the credentials ({kind}): check AWS_ACCESS_KEY_ID/"
            "AWS_SECRET_ACCESS_KEY or AWS_PROFILE"
        )
    if status == 400 and kind == "ThrottlingException":
        raise CollectorError(f"{client.source}: CloudWatch is throttling: collect again later")
    client.check_status(response, "is this the CloudWatch Logs endpoint?")
    if status >= 400:
        raise CollectorError(
            f"{client.source}: CloudWatch answered HTTP {status}: {kind or message or response.text[:200]}"
        )
    if not isinstance(data, dict):
        raise CollectorError(f"{client.source}: not a FilterLogEvents answer: check the endpoint")
    return data
