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
        pd = dict(http)  # defaults are left out: the record keeps what the person chose
        if o.pagerduty_url != DEFAULT_PAGERDUTY_URL:
            pd["base_url"] = o.pagerduty_url
        if o.pagerduty_token_env != DEFAULT_PAGERDUTY_TOKEN_ENV:
            pd["token_env"] = o.pagerduty_token_env
        specs.append(SourceSpec("pagerduty", o.pagerduty, options=pd))
    if o.slack:
        specs.append(SourceSpec("slack", o.slack, o.slack_channel))
    if o.changes:
        specs.append(SourceSpec("changes", o.changes))
    return specs


def spec_for_record(source: EvidenceSource) -> SourceSpec:
    """The spec that reads a recorded source again, with the options it was first read with."""
    return SourceSpec(source.kind, source.target, source.query, dict(source.options))


def kept_options(spec: SourceSpec) -> dict:
    """The options a source's record keeps (the PromQL is kept as its query)."""
    return {k: v for k, v in spec.options.items() if k not in _NOT_KEPT and v not in ("", None)}


# The options a person may give each kind of source, as the CLI's flags name them.
KIND_OPTIONS: dict[str, tuple[str, ...]] = {
    "logs": (),
    "kubectl": ("context", "namespace", "timeout"),
    "kube-events": ("context", "namespace", "timeout"),
    "prometheus": (
        "selector", "token_env", "username_env", "password_env", "ca_bundle", "timeout", "retries",
    ),
    "alertmanager": ("token_env", "username_env", "password_env", "ca_bundle", "timeout", "retries"),
    "alert-notifications": (),
    "pagerduty": ("base_url", "token_env", "ca_bundle", "timeout", "retries"),
    "slack": (),
    "changes": (),
}  # fmt: skip
_INTEGER_OPTIONS = ("timeout", "retries")
OPTIONS_HELP = (
    "key=value pairs, quoted as in a shell, e.g. selector='job=\"api\"' token_env=PROM_TOKEN"
)


def parse_source_options(text: str, kind: str | None = None) -> dict:
    """`selector='job="api"' namespace=shop` as a dict, checked against the options `kind`
    takes (any known option when `kind` is None); UsageError says what is wrong."""
    import shlex

    try:
        words = shlex.split(text)
    except ValueError as exc:
        raise UsageError(f"options '{text}': {exc}: use {OPTIONS_HELP}") from None
    allowed = (
        KIND_OPTIONS.get(kind, ()) if kind else tuple({k for v in KIND_OPTIONS.values() for k in v})
    )
    options: dict = {}
    for word in words:
        key, sep, value = word.partition("=")
        key = key.strip().replace("-", "_")
        if not sep or not key:
            raise UsageError(f"option '{word}' is not key=value: use {OPTIONS_HELP}")
        if key not in allowed:
            known = ", ".join(sorted(allowed)) or "none"
            raise UsageError(f"{kind or 'a'} source has no option '{key}' (it takes: {known})")
        if key in _INTEGER_OPTIONS:
            if not value.isdigit():
                raise UsageError(f"option {key} takes a whole number, not '{value}'")
            options[key] = int(value)
        else:
            options[key] = value
    return options


def format_source_options(options: dict) -> str:
    """The options as `parse_source_options` reads them back."""
    import shlex

    return " ".join(f"{k}={shlex.quote(str(v))}" for k, v in options.items() if k not in _NOT_KEPT)
