"""Run several sources at once; one failed source never stops the others.

A `SourceSpec` says what to read (kind, target, options); `collect_all` runs each in a
thread and turns any failure into a `CollectResult` whose gap carries the one-line error.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

from pm_tui.collectors.common import source_name
from pm_tui.collectors.evidence import (
    ARCHIVE_MARK,
    Cancelled,
    CollectorError,
    CollectResult,
    CollectWindow,
    Gap,
    Progress,
    no_progress,
)
from pm_tui.model import EvidenceSource, now_utc

HTTP_OPTION_KEYS = (
    "token_env",
    "token_format",
    "username_env",
    "password_env",
    "ca_bundle",
    "verify",
    "timeout",
    "retries",
)


@dataclass
class SourceSpec:
    """One source to collect: `kind` from pm_tui.model.SOURCE_KINDS, a target (URL, file,
    folder, deployment/NAME, incident id), a query (PromQL, Slack channel) and options."""

    kind: str
    target: str
    query: str = ""
    options: dict = field(default_factory=dict)

    @property
    def name(self) -> str:
        return source_name(self.kind, self.target, self.query, self.options)


def collect_one(
    spec: SourceSpec,
    window: CollectWindow,
    progress: Progress = no_progress,
    cancel: threading.Event | None = None,
) -> CollectResult:
    """Run the collector for one spec. Raises CollectorError or Cancelled."""
    reader = _READERS.get(spec.kind)
    if reader is None:
        if spec.options.get("unread"):  # an evidence file no collector can read (#18)
            raise CollectorError(f"{spec.target}: {spec.options['unread']}")
        raise CollectorError(f"{spec.name}: no collector for sources of kind {spec.kind!r}")
    check_no_credentials(spec.target, spec.kind)
    if ARCHIVE_MARK in spec.target:  # a member of a .zip/.tar.gz evidence archive
        from dataclasses import replace

        from pm_tui.collectors.evidence_folder import materialize

        spec = replace(spec, target=materialize(spec.target))
    return seal(reader(spec, window, progress, cancel))


def check_no_credentials(target: str, what: str = "source") -> None:
    """Refuse a URL that carries a user or password: it would be stored in the post-mortem,
    its evidence and git. Credentials belong in environment variables (token_env...)."""
    from pm_tui.redact import strip_url_credentials

    shown, had = strip_url_credentials(target)
    if had:
        raise CollectorError(
            f"{what} {shown}: the URL carries credentials, which would be kept in the "
            "post-mortem and in git: remove them and name the environment variable that "
            "holds the token (token_env / --prometheus-token-env)"
        )


def seal(result: CollectResult) -> CollectResult:
    """Last redaction before a result is kept, printed or committed: the structured
    attributes of every record (JSON-log fields, labels), the target, query and gaps."""
    from pm_tui.redact import redact, redact_fields_many, redact_url
    from pm_tui.safetext import neutralise_texts

    result.redactions += redact_fields_many([e.attrs for e in result.evidence if e.attrs])
    # terminal control sequences from logs are kept as visible symbols, never replayed
    texts, changed = neutralise_texts([e.text for e in result.evidence])
    if changed:
        for e, text in zip(result.evidence, texts, strict=True):
            e.text = text
    result.target = redact_url(result.target)
    result.query, n = redact(result.query)
    result.redactions += n
    for gap in result.gaps:
        gap.reason, n = redact(gap.reason)
        result.redactions += n
    return result


def collect_all(
    specs: list[SourceSpec],
    window: CollectWindow,
    progress_for_source: Callable[[SourceSpec], Progress] | None = None,
    cancel: threading.Event | None = None,
    max_workers: int = 4,
    on_result: Callable[[SourceSpec, CollectResult], None] | None = None,
) -> list[CollectResult]:
    """Collect every spec (in threads); results come back in the order of `specs`.

    A source that fails becomes a result with no evidence and a gap holding its error line.
    `on_result` hears of each source as soon as it ends (read or failed), from its thread.
    Raises Cancelled as soon as `cancel` is set: a source still waiting on a slow server is
    left to end on its own, and its result is thrown away.
    """

    def run(spec: SourceSpec) -> CollectResult:
        progress = progress_for_source(spec) if progress_for_source else no_progress
        try:
            result = collect_one(spec, window, progress, cancel)
        except Cancelled:
            raise
        except CollectorError as exc:
            result = failed_result(spec, str(exc))
        except Exception as exc:  # a bug in one collector must not lose the others' evidence
            result = failed_result(
                spec, f"{spec.name}: unexpected {type(exc).__name__}: {exc} (please report it)"
            )
        if on_result is not None and not (cancel is not None and cancel.is_set()):
            on_result(spec, result)
        return result

    if not specs:
        return []
    pool = ThreadPoolExecutor(max_workers=max(1, min(max_workers, len(specs))))
    try:
        futures = [pool.submit(run, spec) for spec in specs]
        pending = set(futures)
        while pending:
            _, pending = wait(pending, timeout=0.1)
            if cancel is not None and cancel.is_set():
                raise Cancelled("collection cancelled")
        results = [f.result() for f in futures]
    finally:
        # On a cancel, sources not started never start and running ones are not waited for.
        pool.shutdown(wait=not (cancel is not None and cancel.is_set()), cancel_futures=True)
    return results


def failed_result(spec: SourceSpec, message: str) -> CollectResult:
    """The result of a source that could not be read at all: one gap with the error line."""
    from pm_tui.redact import redact, redact_url

    query = redact(spec.query)[0]
    name = source_name(spec.kind, redact_url(spec.target), query, spec.options)
    return CollectResult(
        source=name,
        kind=spec.kind,
        target=redact_url(spec.target),
        query=query,
        gaps=[Gap(name, redact(message.replace(spec.target, redact_url(spec.target)))[0])],
        counts={"failed": 1},
    )


def is_failed(result: CollectResult) -> bool:
    """True when the source could not be read at all."""
    return bool(result.counts.get("failed"))


def to_evidence_source(result: CollectResult, window: CollectWindow) -> EvidenceSource:
    """What the post-mortem keeps about one collected source."""
    return EvidenceSource(
        kind=result.kind,
        target=result.target,
        query=result.query,
        window_start=window.read_start,
        window_end=window.end,
        collected_at=now_utc(),
        counts=dict(result.counts),
        gaps=[str(g) for g in result.gaps],
        redactions=result.redactions,
    )


# --- one reader per kind: spec -> collector call ------------------------------------
def http_options(spec: SourceSpec, base_url: str, **defaults):
    """How collecting reaches the server of `spec` at `base_url`: its credentials' variable
    names, TLS, patience and a tenant's X-Scope-OrgID (`pm-tui doctor` checks the same)."""
    from pm_tui.collectors.http import HttpOptions

    values = {**defaults, **{k: spec.options[k] for k in HTTP_OPTION_KEYS if k in spec.options}}
    if spec.options.get("tenant"):  # Loki, Mimir, Cortex, Thanos receive: multi-tenant
        values["headers"] = {"X-Scope-OrgID": str(spec.options["tenant"])}
    return HttpOptions(base_url=base_url, **values)


LOG_STORE_KEYS = ("index", "time_field", "table", "time_column", "log_groups", "region", "profile")


def _log_store(spec: SourceSpec, base_url: str):
    from pm_tui.collectors.log_stores import LogStoreOptions

    limits = {
        k: spec.options[k]
        for k in ("max_records", "page_size", "slice_minutes")
        if k in spec.options
    }
    extra = {k: spec.options[k] for k in LOG_STORE_KEYS if k in spec.options}
    return LogStoreOptions(http_options(spec, base_url), query=spec.query, extra=extra, **limits)


def _loki(spec, window, progress, cancel):
    from pm_tui.collectors.loki import collect_loki

    return collect_loki(_log_store(spec, spec.target), window, progress, cancel)


def _elasticsearch(spec, window, progress, cancel):
    from pm_tui.collectors.elasticsearch import collect_elasticsearch

    options = _log_store(spec, spec.target)
    return collect_elasticsearch(options, window, progress, cancel, kind=spec.kind)


def _clickhouse(spec, window, progress, cancel):
    from pm_tui.collectors.clickhouse import collect_clickhouse

    return collect_clickhouse(_log_store(spec, spec.target), window, progress, cancel)


def _cloudwatch(spec, window, progress, cancel):
    from pm_tui.collectors.cloudwatch import collect_cloudwatch

    options = _log_store(spec, spec.options.get("endpoint_url", ""))
    options.extra.setdefault("log_groups", [g for g in spec.target.split(",") if g])
    return collect_cloudwatch(options, window, progress, cancel)


def _logs(spec, window, progress, cancel):
    from pm_tui.collectors.logs.collect import collect_logs
    from pm_tui.collectors.logs.timestamps import zone_named

    try:
        zone = zone_named(spec.options.get("tz") or "UTC")
    except ValueError as exc:
        raise CollectorError(f"{spec.target}: {exc}") from None
    return collect_logs(
        spec.target,
        window,
        tz=zone,
        time_format=spec.options.get("time_format") or None,
        progress=progress,
        cancel=cancel,
    )


def _openmetrics(spec, window, progress, cancel):
    from pm_tui.collectors.openmetrics import read_openmetrics

    return read_openmetrics(spec.target, window, progress, cancel)


def _alert_rules(spec, window, progress, cancel):
    from pm_tui.collectors.alert_rules import read_alert_rules

    return read_alert_rules(spec.target, window, progress, cancel)


def _kubectl(spec, window, progress, cancel):
    from pm_tui.collectors import kubectl

    if Path(spec.target).is_file():
        return kubectl.read_kubectl_logs(spec.target, window, progress, cancel)
    options = kubectl.KubectlOptions(
        **{k: v for k, v in spec.options.items() if k in ("context", "namespace", "timeout")}
    )
    return kubectl.kubectl_logs(spec.target, window, options, progress, cancel)


def _kube_events(spec, window, progress, cancel):
    from pm_tui.collectors import kubectl

    if spec.target and spec.target != "live":
        return kubectl.read_kube_events(spec.target, window, progress, cancel)
    options = kubectl.KubectlOptions(
        **{k: v for k, v in spec.options.items() if k in ("context", "namespace", "timeout")}
    )
    return kubectl.kubectl_events(window, options, progress, cancel)


def _prometheus(spec, window, progress, cancel):
    from pm_tui.collectors import prometheus

    if Path(spec.target).is_file():
        return prometheus.read_query_range_file(
            spec.target, window, progress=progress, cancel=cancel
        )
    keys = (
        "selector",
        "requests_metric",
        "error_matcher",
        "latency_metric",
        "alerts",
        "eval_interval",
    )
    extra = {k: spec.options[k] for k in keys if k in spec.options}
    if "presets" in spec.options:
        extra["presets"] = tuple(spec.options["presets"])
    queries = list(spec.options.get("queries", [])) or [
        q for q in spec.query.splitlines() if q.strip()
    ]
    options = prometheus.PrometheusOptions(
        http=http_options(spec, spec.target), queries=queries, **extra
    )
    return prometheus.collect_prometheus(options, window, progress, cancel)


def _alertmanager(spec, window, progress, cancel):
    from pm_tui.collectors.alertmanager import collect_alertmanager

    return collect_alertmanager(http_options(spec, spec.target), window, progress, cancel)


def _alert_notifications(spec, window, progress, cancel):
    from pm_tui.collectors.alertmanager import read_alert_notifications

    return read_alert_notifications(spec.target, window, progress, cancel)


def _pagerduty(spec, window, progress, cancel):
    from pm_tui.collectors import pagerduty

    base = spec.options.get("base_url", pagerduty.DEFAULT_BASE_URL)
    options = pagerduty.pagerduty_options(
        base, spec.options.get("token_env", pagerduty.DEFAULT_TOKEN_ENV)
    )
    for key in ("ca_bundle", "timeout", "retries"):
        if key in spec.options:
            setattr(options, key, spec.options[key])
    return pagerduty.collect_pagerduty(spec.target, window, options, progress, cancel)


def _slack(spec, window, progress, cancel):
    from pm_tui.collectors.slack import collect_slack

    channel = spec.options.get("channel") or spec.query
    return collect_slack(spec.target, window, channel, progress, cancel)


def _changes(spec, window, progress, cancel):
    from pm_tui.collectors.changes import collect_changes

    return collect_changes(spec.target, window, progress, cancel)


_READERS: dict[str, Callable[..., CollectResult]] = {
    "logs": _logs,
    "kubectl": _kubectl,
    "kube-events": _kube_events,
    "prometheus": _prometheus,
    "alertmanager": _alertmanager,
    "alert-notifications": _alert_notifications,
    "pagerduty": _pagerduty,
    "slack": _slack,
    "changes": _changes,
    "openmetrics": _openmetrics,
    "alert-rules": _alert_rules,
    "loki": _loki,
    "elasticsearch": _elasticsearch,
    "opensearch": _elasticsearch,
    "clickhouse": _clickhouse,
    "cloudwatch": _cloudwatch,
}
