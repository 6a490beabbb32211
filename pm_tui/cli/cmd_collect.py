"""`pm-tui collect ID ...`: step 1 from the command line: read every source for the window.

Prints a progress line per source as it goes and a summary table at the end; records each
source in the post-mortem and keeps the evidence beside it (evidence.jsonl, about 1 MB max).
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from pm_tui.errors import UsageError

if TYPE_CHECKING:
    from pm_tui.collectors.evidence import CollectResult, CollectWindow, Progress
    from pm_tui.collectors.runner import SourceSpec
    from pm_tui.model import PostMortem

EVIDENCE_FILE = "evidence.jsonl"
DEFAULT_OPEN_WINDOW = timedelta(hours=24)  # an unresolved incident: read at most this much


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
    p.add_argument(
        "--ca-bundle", metavar="PEM", help="CA bundle for HTTPS sources with a private CA"
    )
    p.add_argument("--start", metavar="TIME", help="window start (default: the incident's start)")
    p.add_argument(
        "--end", metavar="TIME", help="window end (default: resolved, or 24 h after start)"
    )
    p.add_argument(
        "--baseline", type=int, default=60, metavar="MIN", help="minutes read before the start (60)"
    )
    p.add_argument("--no-commit", action="store_true", help="save but do not commit")
    p.set_defaults(func=run)


def specs_from_args(args: argparse.Namespace) -> list[SourceSpec]:
    """The sources named on the command line, in a stable order."""
    from pm_tui.collectors.runner import SourceSpec
    from pm_tui.config import config_section, load_config

    http = {"ca_bundle": args.ca_bundle} if args.ca_bundle else {}
    kube = {k: v for k, v in (("context", args.context), ("namespace", args.namespace)) if v}
    specs = [SourceSpec("logs", f) for f in args.logs]
    specs += [SourceSpec("kubectl", t, options=dict(kube)) for t in args.kubectl]
    if args.kube_events:
        specs.append(SourceSpec("kube-events", args.kube_events, options=dict(kube)))
    prom_cfg = config_section(load_config(), "prometheus")
    if args.query and not args.prometheus and prom_cfg.get("url"):
        args.prometheus = prom_cfg["url"]  # the URL `pm-tui init` recorded
    if args.prometheus and not args.prometheus_token_env and prom_cfg.get("token_env"):
        args.prometheus_token_env = prom_cfg["token_env"]
    if args.prometheus:
        options = {**http, "queries": list(args.query)}
        if args.selector:
            options["selector"] = args.selector
        if args.prometheus_token_env:
            options["token_env"] = args.prometheus_token_env
        elif prom_cfg.get("user_env"):  # Prometheus behind basic auth (docs/config.md)
            options["username_env"] = prom_cfg["user_env"]
            options["password_env"] = prom_cfg.get("password_env")
        specs.append(SourceSpec("prometheus", args.prometheus, "\n".join(args.query), options))
    elif args.query:
        raise UsageError("--query needs --prometheus URL (or prometheus.url in the config)")
    if args.alertmanager:
        specs.append(SourceSpec("alertmanager", args.alertmanager, options=dict(http)))
    if args.alert_notifications:
        specs.append(SourceSpec("alert-notifications", args.alert_notifications))
    if args.pagerduty:
        options = {**http, "base_url": args.pagerduty_url, "token_env": args.pagerduty_token_env}
        specs.append(SourceSpec("pagerduty", args.pagerduty, options=options))
    if args.slack:
        specs.append(
            SourceSpec("slack", args.slack, args.slack_channel, {"channel": args.slack_channel})
        )
    if args.changes:
        specs.append(SourceSpec("changes", args.changes))
    _refuse_credentials(specs)
    return specs


def _refuse_credentials(specs: list[SourceSpec]) -> None:
    """A URL with user:password@ is refused before anything is printed or stored."""
    from pm_tui.collectors.evidence import CollectorError
    from pm_tui.collectors.runner import check_no_credentials

    for spec in specs:
        for url in (spec.target, str(spec.options.get("base_url", ""))):
            try:
                check_no_credentials(url, spec.kind)
            except CollectorError as exc:
                raise UsageError(str(exc)) from None


def incident_window(
    pm: PostMortem, start: str | None = None, end: str | None = None, baseline_minutes: int = 60
) -> CollectWindow:
    """The window to read: the incident's start to its resolution (or given times), plus a baseline."""
    from pm_tui.collectors.common import parse_time
    from pm_tui.collectors.evidence import CollectWindow
    from pm_tui.model import now_utc

    try:
        first = parse_time(start) if start else pm.window.started
        last = parse_time(end) if end else None
    except ValueError as exc:
        raise UsageError(f"not a time: {exc}: use e.g. 2025-02-09T10:00:00Z") from exc
    if last is None:
        ends = [t for t in (pm.window.resolved, pm.window.mitigated) if t]
        last = ends[0] if ends else min(now_utc(), first + DEFAULT_OPEN_WINDOW)
    if last <= first:
        raise UsageError(
            "the window ends before it starts: check --start/--end or the incident's times"
        )
    return CollectWindow(
        start=first, end=last, baseline=timedelta(minutes=max(0, baseline_minutes))
    )


def collect_into(
    pm: PostMortem,
    specs: list[SourceSpec],
    window: CollectWindow,
    evidence_dir: Path | None = None,
    progress_for_source: object = None,
    cancel: threading.Event | None = None,
) -> list[CollectResult]:
    """Collect `specs`, record each source in `pm.sources` and keep the evidence in `evidence_dir`.

    A source collected again replaces its earlier record and evidence; others are kept.
    """
    from pm_tui.collectors.evidence_store import load_evidence, merge_results, save_evidence
    from pm_tui.collectors.runner import collect_all, is_failed, to_evidence_source

    results = collect_all(specs, window, progress_for_source, cancel)  # type: ignore[arg-type]
    for result in results:
        record = to_evidence_source(result, window)
        key = (record.kind, record.target)
        earlier = next((s for s in pm.sources if (s.kind, s.target) == key), None)
        if is_failed(result) and earlier is not None and not earlier.counts.get("failed"):
            # all or nothing: a source that fails now keeps what it gave before, and says so
            note = f"collecting again on {record.collected_at:%Y-%m-%d %H:%M}Z failed: "
            earlier.gaps = [g for g in earlier.gaps if "collecting again on" not in g]
            earlier.gaps.append(note + "; ".join(record.gaps) + " (the earlier evidence is kept)")
            continue
        pm.sources = [s for s in pm.sources if (s.kind, s.target) != key]
        pm.sources.append(record)
    if evidence_dir is not None:
        from dataclasses import replace

        from pm_tui.timeline.templates import compact_logs

        path = Path(evidence_dir) / EVIDENCE_FILE
        # a failed source contributes no evidence: its earlier evidence stays
        merged = merge_results(load_evidence(path), [r for r in results if not is_failed(r)])
        # error/warning records folded per template and minute, so the kept evidence shows
        # when each kind of error starts, grows and stops however many lines there were
        save_evidence(path, [replace(r, evidence=compact_logs(r.evidence)) for r in merged])
    return results


def run(args: argparse.Namespace) -> int:
    from pm_tui.collectors.runner import is_failed
    from pm_tui.postmortem_store import Repository

    specs = specs_from_args(args)
    if not specs:
        raise UsageError(
            "name at least one source (--logs, --prometheus, --pagerduty, ...; see --help)"
        )
    repo = Repository.open(getattr(args, "repo", None))
    pm = repo.load(args.id)
    window = incident_window(pm, args.start, args.end, args.baseline)
    print(
        f"Collecting {len(specs)} source(s) for {pm.id}: "
        f"{window.read_start:%Y-%m-%d %H:%M} to {window.end:%Y-%m-%d %H:%M} UTC "
        f"(baseline {args.baseline} min)",
        file=sys.stderr,
    )
    cancel = threading.Event()
    try:
        results = collect_into(pm, specs, window, repo.evidence_dir(pm.id), _line_progress, cancel)
        repo.record_sources(pm)
    except KeyboardInterrupt:
        cancel.set()
        raise
    repo.save(pm)
    if not args.no_commit:
        read = sum(not is_failed(r) for r in results)
        repo.commit(pm, f"collect evidence ({read} of {len(results)} sources read)")
    print(summary_table(results))
    return collect_exit_code(results)


def collect_exit_code(results: list[CollectResult]) -> int:
    """1 when no source could be read, 3 when evidence was kept but some source failed or
    has gaps (unread files, missing points), 0 when everything was read (docs/cli.md)."""
    from pm_tui.collectors.runner import is_failed

    failed = sum(is_failed(r) for r in results)
    if results and failed == len(results):
        return 1
    return 3 if failed or any(r.gaps for r in results) else 0


def summary_table(results: list[CollectResult]) -> str:
    """A plain-text table: one row per source with evidence, gaps, redactions and status."""
    from pm_tui.collectors.runner import is_failed

    rows = [("SOURCE", "EVIDENCE", "GAPS", "REDACTED", "STATUS")]
    for r in results:
        name = f"{r.kind} {r.target}"
        name = name if len(name) <= 56 else name[:27] + "..." + name[-26:]
        status = "FAILED" if is_failed(r) else ("gaps" if r.gaps else "ok")
        rows.append((name, str(len(r.evidence)), str(len(r.gaps)), str(r.redactions), status))
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]
    for r in results:
        for gap in r.gaps[:3]:
            text = str(gap)  # error lines already name their source
            lines.append(f"  {text}" if text.startswith(r.source) else f"  {r.source}: {text}")
        if len(r.gaps) > 3:
            lines.append(f"  {r.kind}: ... and {len(r.gaps) - 3} more gaps")
    return "\n".join(lines)


_print_lock = threading.Lock()


def _line_progress(spec: SourceSpec) -> Progress:
    """A progress callback that prints one line per step, at most twice a second per source."""
    last = [0.0, ""]

    def progress(done: int, total: int | None, note: str) -> None:
        now = time.monotonic()
        if note == last[1] and now - last[0] < 0.5:
            return
        last[0], last[1] = now, note
        count = f"{done}/{total}" if total is not None else str(done)
        with _print_lock:
            print(f"  [{spec.kind} {spec.target}] {note} {count}", file=sys.stderr, flush=True)

    return progress
