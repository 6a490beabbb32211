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
    prometheus_tenant: str = ""
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
    # evidence files left out on purpose (hidden, the OS's own, dropped in evidence.toml):
    # (name, why), filled by specs_for so that `collect` names them too
    left_out: list[tuple[str, str]] = field(default_factory=list)
    tz: str = ""  # zone of log times written without an offset (--logs and evidence logs)
    time_format: str = ""  # strptime layout of log times pm-tui does not know
    # log stores (see log_store_specs)
    loki: str | None = None
    logql: str = ""
    loki_tenant: str = ""
    elasticsearch: str | None = None
    opensearch: str | None = None
    index: str = ""
    search: str = ""
    clickhouse: str | None = None
    table: str = ""
    where: str = ""
    cloudwatch_log_groups: list[str] = field(default_factory=list)
    cloudwatch_region: str = ""
    filter_pattern: str = ""
    max_records: int | None = None


def specs_for(options: SourceOptions, config: dict | None = None) -> list[SourceSpec]:
    """The sources named in `options`, in a stable order; the config's `[prometheus]` url and
    token_env fill in what was not given. UsageError for PromQL without a Prometheus."""
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
    prometheus = prometheus_spec(o, config or {}, http)
    if prometheus:
        specs.append(prometheus)
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
    specs += log_store_specs(o, config or {}, http)
    if o.evidence:
        plan = evidence_plan(o.evidence, tz=o.tz, time_format=o.time_format)
        specs += specs_for_evidence(plan)
        o.left_out = [(f.name, f.reason) for f in plan.files if f.dropped]
    refuse_credentials(specs)
    return specs


def prometheus_spec(o: SourceOptions, config: dict, http: dict) -> SourceSpec | None:
    """The Prometheus source in `o` (the config's url when only queries are given), with the
    config's credentials' variable names and tenant; None when there is none."""
    from pm_tui.config import config_section

    prom_cfg = config_section(config, "prometheus")
    prometheus = o.prometheus or (prom_cfg.get("url") if o.queries else None)
    if not prometheus:
        return None
    prom = {**http, "queries": list(o.queries)}
    if o.selector:
        prom["selector"] = o.selector
    # a token variable named on the command line, else the config's basic auth, else its
    # token variable (`init` names PROMETHEUS_TOKEN, which must not hide a user_env)
    if o.prometheus_token_env:
        prom["token_env"] = o.prometheus_token_env
    elif prom_cfg.get("user_env"):  # Prometheus behind basic auth (docs/config.md)
        prom["username_env"] = prom_cfg["user_env"]
        prom["password_env"] = prom_cfg.get("password_env")
    elif prom_cfg.get("token_env"):
        prom["token_env"] = prom_cfg["token_env"]
    tenant = o.prometheus_tenant or prom_cfg.get("tenant")
    if tenant:  # a multi-tenant long-term store (Mimir, Cortex, Thanos receive)
        prom["tenant"] = tenant
    return SourceSpec("prometheus", str(prometheus), "\n".join(o.queries), prom)


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


def evidence_records(plan) -> list[EvidenceSource]:
    """The records a post-mortem keeps for an evidence plan (the wizard's step 1 adds these,
    then collects them as recorded): the same kinds, targets and options as the CLI's specs."""
    return [
        EvidenceSource(kind=s.kind, target=s.target, query=s.query, options=kept_options(s))
        for s in specs_for_evidence(plan)
    ]


def specs_for_evidence(plan) -> list[SourceSpec]:
    """The sources that read an evidence plan (as the person left it): one per file, a
    failed one for each file that cannot be read, none for dropped files."""
    from pm_tui.collectors.evidence_folder import specs_for_files

    return specs_for_files(plan.files)


# config table -> option of the spec, for every log store (docs/config.md)
_STORE_CONFIG = {
    "token_env": "token_env",
    "token_format": "token_format",
    "user_env": "username_env",
    "password_env": "password_env",
    "ca_bundle": "ca_bundle",
    "timeout": "timeout",
    "tenant": "tenant",
    "index": "index",
    "time_field": "time_field",
    "table": "table",
    "time_column": "time_column",
    "region": "region",
    "profile": "profile",
    "endpoint_url": "endpoint_url",
    "max_records": "max_records",
    "page_size": "page_size",
    "slice_minutes": "slice_minutes",
}


def log_store_specs(o: SourceOptions, config: dict, http: dict) -> list[SourceSpec]:
    """The Loki, Elasticsearch/OpenSearch, ClickHouse and CloudWatch sources in `o`; the
    config's table of each store gives credentials (variable NAMES) and defaults."""
    from pm_tui.config import config_section

    def spec(kind: str, target: str, query: str, given: dict) -> SourceSpec:
        given = {**http, **given}
        if o.max_records is not None:
            given["max_records"] = o.max_records
        return store_spec(kind, target, query, config, given)

    specs = []
    loki_url = o.loki or (config_section(config, "loki").get("url") if o.logql else None)
    if loki_url:
        if not o.logql.strip():
            raise UsageError("--loki needs --logql '{app=\"NAME\"}' (a LogQL log query)")
        specs.append(spec("loki", loki_url, o.logql, {"tenant": o.loki_tenant}))
    elif o.logql:
        raise UsageError("--logql needs --loki URL (or loki.url in the config)")
    searches = [
        (k, u) for k, u in (("elasticsearch", o.elasticsearch), ("opensearch", o.opensearch)) if u
    ]
    if not searches and (o.index or o.search):
        searches = [
            (k, config_section(config, k)["url"])
            for k in ("elasticsearch", "opensearch")
            if config_section(config, k).get("url")
        ][:1]
        if not searches:
            raise UsageError(
                "--index/--search need --elasticsearch URL or --opensearch URL "
                "(or elasticsearch.url in the config)"
            )
    for kind, url in searches:
        specs.append(spec(kind, url, o.search, {"index": o.index}))
    clickhouse = o.clickhouse or (
        config_section(config, "clickhouse").get("url") if (o.table or o.where) else None
    )
    if clickhouse:
        specs.append(spec("clickhouse", clickhouse, o.where, {"table": o.table}))
    elif o.table or o.where:
        raise UsageError("--table/--where need --clickhouse URL (or clickhouse.url in the config)")
    if o.cloudwatch_log_groups:
        given = {"region": o.cloudwatch_region}
        specs.append(spec("cloudwatch", ",".join(o.cloudwatch_log_groups), o.filter_pattern, given))
    elif o.filter_pattern or o.cloudwatch_region:
        raise UsageError("--filter-pattern/--cloudwatch-region need --cloudwatch-log-group NAME")
    return specs


LOG_STORE_KINDS = ("loki", "elasticsearch", "opensearch", "clickhouse", "cloudwatch")


def store_spec(
    kind: str, target: str, query: str, config: dict, given: dict | None = None
) -> SourceSpec:
    """A log store's source: the config's table of the store gives credentials (variable
    NAMES) and defaults (a CloudWatch target: its log_groups), what was `given` wins."""
    from pm_tui.config import config_section

    section = config_section(config, kind)
    options = {opt: section[key] for key, opt in _STORE_CONFIG.items() if section.get(key)}
    if kind == "cloudwatch" and section.get("log_groups") and not target:
        target = ",".join(section["log_groups"])
    options.update({k: v for k, v in (given or {}).items() if v not in ("", None, [])})
    return SourceSpec(kind, target, query, options)


def configured_servers(config: dict) -> list[SourceSpec]:
    """The servers the config names (Prometheus, then each log store with a url, CloudWatch
    with log_groups), each as collecting reads it: the options and credentials' variable
    names it would be read with (`pm-tui doctor` checks these)."""
    from pm_tui.config import config_section

    url = config_section(config, "prometheus").get("url")
    prometheus = prometheus_spec(SourceOptions(prometheus=str(url)), config, {}) if url else None
    specs = [prometheus] if prometheus else []
    for kind in LOG_STORE_KINDS:
        section = config_section(config, kind)
        if kind == "cloudwatch" and section.get("log_groups"):
            specs.append(store_spec(kind, "", "", config))
        elif kind != "cloudwatch" and section.get("url"):
            specs.append(store_spec(kind, str(section["url"]), "", config))
    return specs


def record_for(
    kind: str, target: str, query: str = "", config: dict | None = None
) -> EvidenceSource:
    """A new source as a form names it (kind, target, query): a log store gets the options
    its config table gives (credential variable NAMES, index, table, region), as on the CLI."""
    if kind not in LOG_STORE_KINDS:
        return EvidenceSource(kind=kind, target=target, query=query)
    if config is None:
        from pm_tui.config import load_config

        config = load_config()
    o = SourceOptions()
    if kind == "loki":
        o.loki, o.logql = target, query
    elif kind in ("elasticsearch", "opensearch"):
        setattr(o, kind, target)
        o.search = query
    elif kind == "clickhouse":
        o.clickhouse, o.where = target, query
    else:
        o.cloudwatch_log_groups = [g.strip() for g in target.split(",") if g.strip()]
        o.filter_pattern = query
    specs = log_store_specs(o, config, {})
    if not specs:
        raise UsageError(f"{kind}: give the log group name(s), comma-separated")
    (spec,) = specs
    return EvidenceSource(
        kind=kind, target=spec.target, query=spec.query, options=kept_options(spec)
    )


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
    query = _without_old_presets(source) if source.kind == "prometheus" else source.query
    return SourceSpec(source.kind, source.target, query, dict(source.options))


def _without_old_presets(source: EvidenceSource) -> str:
    """A live Prometheus source recorded by an earlier version keeps as its query the presets
    it ran joined by '; ' (which Prometheus refuses as one query): only the person's own
    queries are read again. Any other query is returned as it is."""
    if "; " not in source.query or not (source.window_start and source.window_end):
        return source.query
    from pm_tui.collectors.http import HttpOptions
    from pm_tui.collectors.prometheus import PRESETS, PrometheusOptions, choose_step, preset_queries

    keys = ("selector", "requests_metric", "error_matcher", "latency_metric")
    given = {k: source.options[k] for k in keys if k in source.options}
    presets = tuple(source.options.get("presets", PRESETS))
    options = PrometheusOptions(HttpOptions(source.target), presets=presets, **given)
    step = choose_step(source.window_start, source.window_end)
    ran = [query for _, query in preset_queries(options, step)]
    parts = source.query.split("; ")
    return "\n".join(parts[len(ran) :]) if parts[: len(ran)] == ran else source.query


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
    **{
        kind: (
            "token_env", "username_env", "password_env", "ca_bundle", "timeout", "retries",
            "max_records", "page_size", "slice_minutes", *extra,
        )
        for kind, extra in (
            ("loki", ("tenant",)),
            ("elasticsearch", ("index", "time_field")),
            ("opensearch", ("index", "time_field")),
            ("clickhouse", ("table", "time_column")),
            ("cloudwatch", ("region", "profile", "endpoint_url")),
        )
    },
}  # fmt: skip
_INTEGER_OPTIONS = ("timeout", "retries", "max_records", "page_size", "slice_minutes")
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
