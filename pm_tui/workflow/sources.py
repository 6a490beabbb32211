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


def specs_for(options: SourceOptions, config: dict | None = None) -> list[SourceSpec]:
    """The sources named in `options`, in a stable order; the config's `[prometheus]` url and
    token_env fill in what was not given. UsageError for PromQL without a Prometheus."""
    from pm_tui.config import config_section

    o = options
    http = {"ca_bundle": o.ca_bundle} if o.ca_bundle else {}
    kube = {k: v for k, v in (("context", o.context), ("namespace", o.namespace)) if v}
    specs = [SourceSpec("logs", f) for f in o.logs]
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
    refuse_credentials(specs)
    return specs


def refuse_credentials(specs: list[SourceSpec]) -> None:
    """A URL with user:password@ is refused (UsageError) before anything is printed or
    stored: the credentials would reach the post-mortem, its evidence and git."""
    from pm_tui.collectors.evidence import CollectorError
    from pm_tui.collectors.runner import check_no_credentials

    for spec in specs:
        for url in (spec.target, str(spec.options.get("base_url", ""))):
            try:
                check_no_credentials(url, spec.kind)
            except CollectorError as exc:
                raise UsageError(str(exc)) from None


def spec_for_record(source: EvidenceSource) -> SourceSpec:
    """The spec that reads a recorded source again, with the options it was first read with."""
    return SourceSpec(source.kind, source.target, source.query, dict(source.options))


def kept_options(spec: SourceSpec) -> dict:
    """The options a source's record keeps (the PromQL is kept as its query)."""
    return {k: v for k, v in spec.options.items() if k not in _NOT_KEPT and v not in ("", None)}
