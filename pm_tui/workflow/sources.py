"""Which sources to read: from what a person names (CLI options, a wizard form) or from the
records a post-mortem keeps, so collecting again repeats the very same query.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pm_tui.collectors.runner import SourceSpec
from pm_tui.errors import UsageError
from pm_tui.model import EvidenceSource

DEFAULT_PAGERDUTY_URL = "https://api.pagerduty.com"
DEFAULT_PAGERDUTY_TOKEN_ENV = "PAGERDUTY_TOKEN"

# Options a source keeps in the TOML: everything but the PromQL, which is its `query`.
_NOT_KEPT = ("queries",)


@dataclass
class SourceOptions:
    """The sources a person names, as `pm-tui collect` takes them (every field optional)."""

    logs: list[str] = field(default_factory=list)
    kubectl: list[str] = field(default_factory=list)
    kube_events: str | None = None
    context: str = ""
    namespace: str = ""
    prometheus: str | None = None
    queries: list[str] = field(default_factory=list)
    selector: str = ""
    prometheus_token_env: str | None = None
    alertmanager: str | None = None
    alert_notifications: str | None = None
    pagerduty: str | None = None
    pagerduty_url: str = DEFAULT_PAGERDUTY_URL
    pagerduty_token_env: str = DEFAULT_PAGERDUTY_TOKEN_ENV
    slack: str | None = None
    slack_channel: str = ""
    changes: str | None = None
    ca_bundle: str | None = None
    evidence: list[str] = field(default_factory=list)  # folders, files, .zip/.tar.gz (#18)
    tz: str = ""  # zone of log times written without an offset (--logs and evidence logs)
    time_format: str = ""  # strptime layout of log times pm-tui does not know


def specs_for(options: SourceOptions, config: dict | None = None) -> list[SourceSpec]:
    """The sources named in `options`, in a stable order; the config's `[prometheus]` url and
    token_env fill in what was not given. UsageError for PromQL without a Prometheus."""
    from pm_tui.config import config_section

    o = options
    http = {"ca_bundle": o.ca_bundle} if o.ca_bundle else {}
    kube = {k: v for k, v in (("context", o.context), ("namespace", o.namespace)) if v}
    log_options = {k: v for k, v in (("tz", o.tz), ("time_format", o.time_format)) if v}
    if o.tz:
        _check_zone(o.tz)
    specs = [SourceSpec("logs", f, options=dict(log_options)) for f in o.logs]
    specs += [SourceSpec("kubectl", t, options=dict(kube)) for t in o.kubectl]
    if o.kube_events:
        specs.append(SourceSpec("kube-events", o.kube_events, options=dict(kube)))
    prom_cfg = config_section(config or {}, "prometheus")
    prometheus = o.prometheus or (prom_cfg.get("url") if o.queries else None)
    if prometheus:
        prom = {**http, "queries": list(o.queries)}
        if o.selector:
            prom["selector"] = o.selector
        token_env = o.prometheus_token_env or prom_cfg.get("token_env")
        if token_env:
            prom["token_env"] = token_env
        elif prom_cfg.get("user_env"):  # Prometheus behind basic auth (docs/config.md)
            prom["username_env"] = prom_cfg["user_env"]
            prom["password_env"] = prom_cfg.get("password_env")
        specs.append(SourceSpec("prometheus", prometheus, "\n".join(o.queries), prom))
    elif o.queries:
        raise UsageError("--query needs --prometheus URL (or prometheus.url in the config)")
    if o.alertmanager:
        specs.append(SourceSpec("alertmanager", o.alertmanager, options=dict(http)))
    if o.alert_notifications:
        specs.append(SourceSpec("alert-notifications", o.alert_notifications))
    if o.pagerduty:
        pd = {**http, "base_url": o.pagerduty_url, "token_env": o.pagerduty_token_env}
        specs.append(SourceSpec("pagerduty", o.pagerduty, options=pd))
    if o.slack:
        specs.append(SourceSpec("slack", o.slack, o.slack_channel))
    if o.changes:
        specs.append(SourceSpec("changes", o.changes))
    if o.evidence:
        plan = evidence_plan(o.evidence, tz=o.tz, time_format=o.time_format)
        specs += specs_for_evidence(plan)
    return specs


def _check_zone(name: str) -> None:
    from pm_tui.collectors.logs.timestamps import zone_named

    try:
        zone_named(name)
    except ValueError as exc:
        raise UsageError(f"--tz: {exc}") from None


def evidence_plan(paths: list[str], *, tz: str = "", time_format: str = ""):
    """What each file under `paths` is (an `EvidencePlan`), before anything is collected: the
    CLI prints it (`--write-index`), the wizard shows it for the person to change a kind or
    drop a file. UsageError for a path that does not exist or a bad evidence.toml."""
    from pm_tui.collectors.evidence import CollectorError
    from pm_tui.collectors.evidence_folder import scan_evidence

    if tz:
        _check_zone(tz)
    try:
        return scan_evidence(paths, tz=tz, time_format=time_format)
    except CollectorError as exc:
        raise UsageError(str(exc)) from None


def specs_for_evidence(plan) -> list[SourceSpec]:
    """The sources that read an evidence plan (as the person left it): one per file, a
    failed one for each file that cannot be read, none for dropped files."""
    from pm_tui.collectors.evidence_folder import specs_for_files

    return specs_for_files(plan.files)


def spec_for_record(source: EvidenceSource) -> SourceSpec:
    """The spec that reads a recorded source again, with the options it was first read with."""
    return SourceSpec(source.kind, source.target, source.query, dict(source.options))


def kept_options(spec: SourceSpec) -> dict:
    """The options a source's record keeps (the PromQL is kept as its query)."""
    return {k: v for k, v in spec.options.items() if k not in _NOT_KEPT and v not in ("", None)}
