"""`pm-tui collect ID ...`: step 1 from the command line: read every source for the window.

Gathers the options, calls `pm_tui.workflow.collect`, prints a progress line per source as
it goes and a summary table at the end. With no source named, the recorded sources are
read again with the options they keep.
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
from typing import TYPE_CHECKING

from pm_tui.cli.output import add_format_option, emit_json, outcome_fields, wants_json
from pm_tui.errors import UsageError

if TYPE_CHECKING:
    from pm_tui.collectors.evidence import CollectResult
    from pm_tui.workflow.collect import SourceProgress
    from pm_tui.workflow.sources import SourceOptions


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "collect",
        help="collect evidence for a post-mortem (logs, kubectl, Prometheus, Alertmanager, ...)",
        description="Read each source for the incident window (with a baseline before it), "
        "record what was read and what could not be, and keep the evidence beside the post-mortem. "
        "Tokens are read from environment variables, never from files.",
    )
    p.add_argument("id", help="post-mortem id")
    p.add_argument(
        "--repo", metavar="DIR", default=argparse.SUPPRESS, help="post-mortem repository"
    )
    p.add_argument(
        "--logs", nargs="+", action="extend", default=[], metavar="FILE", help="log files"
    )
    p.add_argument("--kubectl", nargs="+", action="extend", default=[], metavar="TARGET",
                   help="deployment/NAME or pod/NAME (runs kubectl logs), or a saved `kubectl logs --timestamps` file")  # fmt: skip
    p.add_argument(
        "--kube-events", metavar="FILE", help="saved `kubectl get events -o json`, or 'live'"
    )
    p.add_argument("--context", default="", help="kubectl context")
    p.add_argument("--namespace", default="", help="kubectl namespace")
    p.add_argument(
        "--prometheus", metavar="URL", help="Prometheus base URL (or a saved query_range JSON)"
    )
    p.add_argument(
        "--query", action="append", default=[], metavar="PROMQL", help="extra PromQL (repeatable)"
    )
    p.add_argument(
        "--selector", default="", help="label matchers for the preset queries, e.g. 'job=\"api\"'"
    )
    p.add_argument(
        "--prometheus-token-env",
        metavar="VAR",
        help="variable holding a bearer token for Prometheus",
    )
    p.add_argument(
        "--prometheus-tenant",
        metavar="ORG",
        help="X-Scope-OrgID for a multi-tenant store (Mimir, Cortex, Thanos); give the URL "
        "with its path prefix, e.g. http://mimir:8080/prometheus",
    )
    p.add_argument("--alertmanager", metavar="URL", help="Alertmanager base URL")
    p.add_argument(
        "--alert-notifications", metavar="FILE", help="recorded Alertmanager webhook payloads"
    )
    p.add_argument(
        "--pagerduty", metavar="INCIDENT|FILE", help="PagerDuty incident id or saved log entries"
    )
    p.add_argument("--pagerduty-url", default="https://api.pagerduty.com", metavar="URL")
    p.add_argument("--pagerduty-token-env", default="PAGERDUTY_TOKEN", metavar="VAR")
    p.add_argument("--slack", metavar="DIR", help="Slack export folder")
    p.add_argument(
        "--slack-channel", default="", metavar="NAME", help="channel in the Slack export"
    )
    p.add_argument(
        "--changes", metavar="FILE", help="git log output, git repository, or JSON/CSV deployments"
    )
    stores = p.add_argument_group(
        "log stores",
        "logs where they live; credentials and defaults come from the config's [loki], "
        "[elasticsearch], [opensearch], [clickhouse] and [cloudwatch] tables (docs/config.md)",
    )
    stores.add_argument("--loki", metavar="URL", help="Loki base URL (with --logql)")
    stores.add_argument("--logql", metavar="LOGQL", help="LogQL log query, e.g. '{app=\"checkout\"} |= \"error\"'")  # fmt: skip
    stores.add_argument("--loki-tenant", metavar="ORG", help="X-Scope-OrgID of a multi-tenant Loki")
    stores.add_argument("--elasticsearch", metavar="URL", help="Elasticsearch base URL")
    stores.add_argument("--opensearch", metavar="URL", help="OpenSearch base URL")
    stores.add_argument("--index", metavar="PATTERN", help="index pattern (default logs-*)")
    stores.add_argument("--search", metavar="QUERY", help="query string for Elasticsearch/OpenSearch, e.g. 'service.name:checkout AND error'")  # fmt: skip
    stores.add_argument("--clickhouse", metavar="URL", help="ClickHouse HTTP interface URL (port 8123)")  # fmt: skip
    stores.add_argument(
        "--table", metavar="TABLE", help="ClickHouse logs table (default otel_logs)"
    )
    stores.add_argument("--where", metavar="SQL", help="ClickHouse condition, e.g. \"ServiceName = 'checkout'\"")  # fmt: skip
    stores.add_argument("--cloudwatch-log-group", action="append", default=[], metavar="NAME", help="CloudWatch Logs group (repeatable)")  # fmt: skip
    stores.add_argument(
        "--cloudwatch-region", metavar="REGION", help="AWS region of the log groups"
    )
    stores.add_argument("--filter-pattern", metavar="PATTERN", help="CloudWatch filter pattern")
    stores.add_argument("--max-records", type=int, metavar="N", help="records kept per log store (50000); the cut is a gap")  # fmt: skip
    p.add_argument(
        "--ca-bundle", metavar="PEM", help="CA bundle for HTTPS sources with a private CA"
    )
    p.add_argument(
        "--evidence", nargs="+", action="extend", default=[], metavar="PATH",
        help="an evidence folder, files, or a .zip/.tar.gz: each file read by what its content "
        "is (logs, OpenMetrics, Prometheus JSON, Alertmanager, PagerDuty, Slack export, "
        "Kubernetes events, deploys, git log, alert rules); evidence.toml in the folder may "
        "set kind, tz, time_format or drop per file or glob",
    )  # fmt: skip
    p.add_argument(
        "--write-index", action="store_true",
        help="with --evidence DIR: write the detected DIR/evidence.toml for you to fix, collect nothing",
    )  # fmt: skip
    p.add_argument(
        "--tz", default="", metavar="ZONE",
        help="zone of log times written without an offset (Europe/Berlin, +01:00; default UTC)",
    )  # fmt: skip
    p.add_argument(
        "--time-format", default="", metavar="STRPTIME",
        help="layout of log times pm-tui does not recognise, e.g. '%%d.%%m.%%Y %%H:%%M:%%S'",
    )  # fmt: skip
    p.add_argument("--start", metavar="TIME", help="window start (default: the incident's start)")
    p.add_argument(
        "--end",
        metavar="TIME",
        help="window end (default: 30 min after resolved or mitigated; open: now, 24 h at most)",
    )
    p.add_argument(
        "--baseline", type=int, default=60, metavar="MIN", help="minutes read before the start (60)"
    )
    p.add_argument("--no-commit", action="store_true", help="save but do not commit")
    add_format_option(p)
    p.set_defaults(func=run)


def source_options(args: argparse.Namespace) -> SourceOptions:
    """The sources named on the command line."""
    from pm_tui.workflow.sources import SourceOptions

    return SourceOptions(
        logs=list(args.logs),
        kubectl=list(args.kubectl),
        kube_events=args.kube_events,
        context=args.context,
        namespace=args.namespace,
        prometheus=args.prometheus,
        queries=list(args.query),
        selector=args.selector,
        prometheus_token_env=args.prometheus_token_env,
        prometheus_tenant=args.prometheus_tenant or "",
        alertmanager=args.alertmanager,
        alert_notifications=args.alert_notifications,
        pagerduty=args.pagerduty,
        pagerduty_url=args.pagerduty_url,
        pagerduty_token_env=args.pagerduty_token_env,
        slack=args.slack,
        slack_channel=args.slack_channel,
        changes=args.changes,
        ca_bundle=args.ca_bundle,
        evidence=list(args.evidence),
        tz=args.tz,
        time_format=args.time_format,
        loki=args.loki,
        logql=args.logql or "",
        loki_tenant=args.loki_tenant or "",
        elasticsearch=args.elasticsearch,
        opensearch=args.opensearch,
        index=args.index or "",
        search=args.search or "",
        clickhouse=args.clickhouse,
        table=args.table or "",
        where=args.where or "",
        cloudwatch_log_groups=list(args.cloudwatch_log_group),
        cloudwatch_region=args.cloudwatch_region or "",
        filter_pattern=args.filter_pattern or "",
        max_records=args.max_records,
    )


def run(args: argparse.Namespace) -> int:
    from pm_tui.config import load_config
    from pm_tui.postmortem_store import Repository
    from pm_tui.timeparse import parse_utc
    from pm_tui.workflow.collect import collect_sources, recollect_sources
    from pm_tui.workflow.sources import specs_for
    from pm_tui.workflow.window import collection_window

    if args.write_index:
        return _write_index(args)
    options = source_options(args)
    specs = specs_for(options, load_config())
    repo = Repository.open(getattr(args, "repo", None))
    pm = repo.load(args.id)
    if not specs and not pm.sources:
        raise UsageError(
            "name at least one source (--logs, --prometheus, --loki, --pagerduty, ...; see --help)"
        )
    window = collection_window(
        pm,
        start=parse_utc(args.start, "--start") if args.start else None,
        end=parse_utc(args.end, "--end") if args.end else None,
        baseline_minutes=args.baseline,
    )
    count = len(specs) or len(pm.sources)
    again = "" if specs else " again, as recorded"
    print(
        f"Collecting {count} source(s){again} for {pm.id}: "
        f"{window.read_start:%Y-%m-%d %H:%M} to {window.end:%Y-%m-%d %H:%M} UTC "
        f"(baseline {args.baseline} min)",
        file=sys.stderr,
    )
    cancel = threading.Event()
    try:
        if specs:
            done = collect_sources(repo, pm, specs, window, progress=_line_progress, cancel=cancel)
        else:
            done = recollect_sources(repo, pm, None, window, progress=_line_progress, cancel=cancel)
    except KeyboardInterrupt:
        cancel.set()
        raise
    repo.save(pm)
    if not args.no_commit:
        repo.commit(pm, done.commit_message("collect evidence"))
    code = collect_exit_code(done.results)
    kinds = [spec.options.get("evidence_kind", "") for spec in specs] if specs else None
    if wants_json(args):
        emit_json(collected_json(pm.id, window, done, code, kinds))
    else:
        print(summary_table(done.results, kinds))
        if options.left_out:  # never a file skipped in silence
            print(f"{len(options.left_out)} evidence files left out on purpose:")
            for name, why in options.left_out:
                print(f"  {name}: {why}")
    return code


def collected_json(
    pm_id: str, window, done, exit_code: int, kinds: list[str] | None = None
) -> dict:
    """`collect --format json` (docs/json-output.md): the window and one entry per source."""
    from pm_tui.collectors.runner import is_failed

    return {
        "id": pm_id,
        "window": {"read_start": window.read_start, "start": window.start, "end": window.end},
        "sources": [
            {
                "kind": r.kind,
                "read_as": (kinds[i] if kinds and i < len(kinds) else "") or r.kind,
                "target": r.target,
                "counts": dict(r.counts),
                "evidence": len(r.evidence),
                "gaps": [str(g) for g in r.gaps],
                "redactions": r.redactions,
                "status": "failed" if is_failed(r) else ("gaps" if r.gaps else "ok"),
            }
            for i, r in enumerate(done.results)
        ],
        **outcome_fields(done),
        "exit_code": exit_code,
    }


def _write_index(args: argparse.Namespace) -> int:
    """`--write-index`: classify the evidence folder, write its evidence.toml, list it."""
    from pm_tui.collectors.evidence import CollectorError
    from pm_tui.collectors.evidence_folder import write_index
    from pm_tui.workflow.sources import evidence_plan

    if not args.evidence:
        raise UsageError("--write-index needs --evidence DIR")
    plan = evidence_plan(list(args.evidence), tz=args.tz, time_format=args.time_format)
    try:
        where = write_index(plan)
    except CollectorError as exc:
        raise UsageError(str(exc)) from None
    print(plan_table(plan))
    print(f"Wrote {where}: fix what the content could not tell, then collect again.")
    return 0


def plan_table(plan) -> str:
    """One line per evidence file: its name, the kind it will be read as, and why."""
    rows = [("FILE", "KIND", "WHY")]
    for f in plan.files:
        kind = "dropped" if f.dropped else (f.kind or "UNREAD")
        rows.append((f.name, kind, f.reason))
    widths = [max(len(r[i]) for r in rows) for i in range(2)]
    return "\n".join(
        f"{r[0].ljust(widths[0])}  {r[1].ljust(widths[1])}  {r[2]}".rstrip() for r in rows
    )


def collect_exit_code(results: list[CollectResult]) -> int:
    """1 when no source could be read, 3 when evidence was kept but some source failed or
    has gaps (unread files, missing points), 0 when everything was read (docs/cli.md)."""
    from pm_tui.collectors.runner import is_failed

    failed = sum(is_failed(r) for r in results)
    if results and failed == len(results):
        return 1
    return 3 if failed or any(r.gaps for r in results) else 0


def summary_table(results: list[CollectResult], kinds: list[str] | None = None) -> str:
    """A plain-text table: one row per source with what it was read as, its counts, evidence,
    gaps, redactions and status. `kinds` names each evidence file's kind (#18)."""
    from pm_tui.collectors.runner import is_failed

    rows = [("SOURCE", "EVIDENCE", "GAPS", "REDACTED", "STATUS", "READ AS", "COUNTS")]
    for i, r in enumerate(results):
        name = f"{r.kind} {r.target}"
        name = name if len(name) <= 56 else name[:27] + "..." + name[-26:]
        kind = (kinds[i] if kinds and i < len(kinds) else "") or r.kind
        failed = is_failed(r)
        status = (
            "UNREAD"
            if failed and r.kind == "other"
            else "FAILED"
            if failed
            else ("gaps" if r.gaps else "ok")
        )
        rows.append((name, str(len(r.evidence)), str(len(r.gaps)), str(r.redactions), status,
                     "-" if failed and r.kind == "other" else kind, _counts_text(r)))  # fmt: skip
    widths = [max(len(row[i]) for row in rows) for i in range(7)]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]
    # change records of any tool are read by what their fields' names say: which field gave
    # the time, who, what, what was done... so a person sees a wrong guess at once
    read_as = [
        f"  {r.target}: {r.query.removeprefix('change records: ')}"
        for r in results
        if r.kind == "changes" and r.query.startswith("change records:") and not is_failed(r)
    ]
    if read_as:
        lines += ["Change records read by their fields:", *read_as]
    unread = [r for r in results if is_failed(r)]
    if unread:  # each one named, with why and what to do, before the gaps of the rest
        lines.append(
            f"{len(unread)} of {len(results)} sources not read"
            + (" (the rest was collected: exit 3)" if len(unread) < len(results) else " (exit 1)")
        )
        lines += [f"  {r.target}: {_reason(r)}" for r in unread]
    read = [r for r in results if r.gaps and not is_failed(r)]
    if read:
        lines.append("Gaps in what was read:")
    for r in read:
        for gap in r.gaps[:3]:
            text = str(gap)  # error lines already name their source
            lines.append(f"  {text}" if text.startswith(r.source) else f"  {r.source}: {text}")
        if len(r.gaps) > 3:
            lines.append(f"  {r.kind}: ... and {len(r.gaps) - 3} more gaps")
    return "\n".join(lines)


def _reason(result: CollectResult) -> str:
    """Why a source was not read, without the names its error line repeats."""
    text = "; ".join(str(g) for g in result.gaps) or "not read"
    for name in (result.source, result.target):
        text = text.removeprefix(f"{name}: ")
    return text


_print_lock = threading.Lock()
_last: dict[int, tuple[float, str]] = {}


_COUNT_WORDS = (
    ("lines_read", "lines"), ("records", "records"), ("in_window", "in window"),
    ("unparsed", "unparsed"), ("samples", "samples"), ("rules", "rules"),
    ("log_entries", "entries"), ("notifications", "payloads"), ("api_alerts", "API alerts"),
    ("channels", "channels"),
)  # fmt: skip


def _counts_text(result: CollectResult) -> str:
    """The counts a person checks first, in words (`2000 lines, 1980 records, 412 in window`;
    `2000 lines (200 scanned), ...` when the window was found by bisection, `≈` when the
    file's lines beyond 64 MB around the window were estimated)."""
    c = result.counts
    words = [f"{c[k]} {w}" for k, w in _COUNT_WORDS if c.get(k)]
    if c.get("lines_read"):  # a bisected log: the file's lines, and the ones read for the window
        lines = f"{'≈' if c.get('lines_estimated') else ''}{c['lines_read']} lines"
        if c.get("lines_scanned", c["lines_read"]) != c["lines_read"]:
            lines += f" ({c['lines_scanned']} scanned)"
        words[0] = lines
    return ", ".join(words[:4]) or "-"


def _line_progress(step: SourceProgress) -> None:
    """Print one line per step, at most twice a second per source."""
    now = time.monotonic()
    at, note = _last.get(step.index, (0.0, ""))
    if step.note == note and now - at < 0.5:
        return
    _last[step.index] = (now, step.note)
    count = f"{step.done}/{step.total}" if step.total is not None else str(step.done)
    with _print_lock:
        print(f"  [{step.source}] {step.note} {count}", file=sys.stderr, flush=True)
