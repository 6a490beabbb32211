"""kubectl: container logs and cluster events, live (run without a shell) or from saved files.

`kubectl logs` has `--since-time` but no `--until-time`, so the end of the window is
filtered here. Output is read line by line as kubectl writes it; cancelling or the timeout
kills the process.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from pm_tui.collectors.common import (
    BadRecords,
    check_cancel,
    iso,
    parse_time,
    redact_text,
    source_name,
)
from pm_tui.collectors.evidence import (
    Cancelled,
    CollectorError,
    CollectResult,
    CollectWindow,
    Evidence,
    Gap,
    Progress,
    no_progress,
)

MAX_LOG_RECORDS = (
    100_000  # beyond this, lines are counted, not kept (the raw logs stay in the cluster)
)
_PREFIX_RE = re.compile(r"^\[([^\]]+)\] ")
_LEVEL_RE = re.compile(r"\b(FATAL|CRITICAL|ERROR|ERR|WARNING|WARN|INFO|DEBUG)\b", re.IGNORECASE)
_LEVELS = {"fatal": "critical", "critical": "critical", "error": "error", "err": "error"}
_LEVELS |= {"warning": "warning", "warn": "warning", "info": "info", "debug": "debug"}

# event reason -> what it says about the system (these become kind "change")
CHANGE_REASONS = {
    "ScalingReplicaSet": "deploy",
    "DeploymentRollback": "deploy",
    "SuccessfulCreate": "scale",
    "SuccessfulDelete": "scale",
    "SuccessfulRescale": "scale",
    "Killing": "restart",
    "BackOff": "restart",
    "Pulled": "start",  # a first start unless a Killing came before (see _restarts)
    "Pulling": "start",
    "Created": "start",
    "Started": "start",
    "Scheduled": "start",
    "OOMKilling": "oom",
    "OOMKilled": "oom",
    "Evicted": "restart",
    "Suspended": "job",  # a Job suspended or resumed (kubectl patch ... suspend)
    "Resumed": "job",
}


@dataclass
class KubectlOptions:
    """Which cluster and namespace, and how long kubectl may take."""

    context: str = ""
    namespace: str = ""
    timeout: float = 120.0

    def flags(self) -> list[str]:
        """kubectl's global flags for these options."""
        flags = ["--context", self.context] if self.context else []
        return flags + (["--namespace", self.namespace] if self.namespace else [])


def kubectl_logs(
    target: str,
    window: CollectWindow,
    options: KubectlOptions | None = None,
    progress: Progress = no_progress,
    cancel: threading.Event | None = None,
) -> CollectResult:
    """Log lines of `target` (deployment/NAME, pod/NAME...) in the window, all containers."""
    options = options or KubectlOptions()
    source = source_name("kubectl", target)
    args = ["logs", target, f"--since-time={iso(window.read_start)}", "--timestamps"]
    args += ["--all-containers", "--prefix"]
    result = CollectResult(source=source, kind="kubectl", target=target, query=" ".join(args))
    collector = _LogCollector(source, window, result)
    run_kubectl(args, options, source, collector.line, cancel, progress)
    return collector.finish()


def read_kubectl_logs(
    path: str | Path,
    window: CollectWindow,
    progress: Progress = no_progress,
    cancel: threading.Event | None = None,
) -> CollectResult:
    """Log lines in the window from saved `kubectl logs --timestamps [--prefix]` output."""
    source = source_name("kubectl", str(path))
    result = CollectResult(source=source, kind="kubectl", target=str(path))
    collector = _LogCollector(source, window, result)
    with _open(path, source) as handle:
        for number, line in enumerate(handle):
            if number % 10_000 == 0:
                check_cancel(cancel)
                progress(number, None, "lines")
            collector.line(line)
    return collector.finish()


def kubectl_events(
    window: CollectWindow,
    options: KubectlOptions | None = None,
    progress: Progress = no_progress,
    cancel: threading.Event | None = None,
) -> CollectResult:
    """Cluster events (`kubectl get events -o json`) that happened in the window."""
    options = options or KubectlOptions()
    target = options.namespace or options.context or "current namespace"
    source = source_name("kube-events", target)
    lines: list[str] = []
    run_kubectl(["get", "events", "-o", "json"], options, source, lines.append, cancel, progress)
    return _events_result(source, target, "".join(lines), window, cancel)


def read_kube_events(
    path: str | Path,
    window: CollectWindow,
    progress: Progress = no_progress,
    cancel: threading.Event | None = None,
) -> CollectResult:
    """Events in the window from a saved `kubectl get events -o json` file."""
    source = source_name("kube-events", str(path))
    with _open(path, source) as handle:
        text = handle.read()
    progress(1, 1, "done")
    return _events_result(source, str(path), text, window, cancel)


def event_evidence(source: str, item: dict) -> Evidence | None:
    """One Kubernetes event as evidence (kind "change" for deploys, scaling, restarts, OOM)."""
    meta = item.get("metadata") or {}
    stamps = [
        item.get("eventTime"),
        item.get("firstTimestamp"),
        item.get("lastTimestamp"),
        item.get("deprecatedFirstTimestamp"),
        item.get("deprecatedLastTimestamp"),
        (item.get("series") or {}).get("lastObservedTime"),
        meta.get("creationTimestamp"),
    ]
    times = [parse_time(s) for s in stamps if s]
    if not times:
        return None
    obj = item.get("involvedObject") or item.get("regarding") or {}
    reason = item.get("reason", "")
    category = CHANGE_REASONS.get(reason, "")
    event_type = item.get("type", "Normal")
    attrs = {
        "reason": reason,
        "object": f"{obj.get('kind', '?')}/{obj.get('name', '?')}",
        "namespace": obj.get("namespace", meta.get("namespace", "")),
        "count": int(
            item.get("count")
            or (item.get("series") or {}).get("count")
            or item.get("deprecatedCount")
            or 1
        ),
        "type": event_type,
        "first": iso(min(times)),
        "last": iso(max(times)),
    }
    # who wrote the event: a controller acting on its own (horizontal-pod-autoscaler, an
    # operator) or the one that carried out a person's change (deployment-controller)
    component = (
        (item.get("source") or {}).get("component")
        or (item.get("deprecatedSource") or {}).get("component")
        or item.get("reportingController")
        or item.get("reportingComponent")
        or ""
    )
    if component:
        attrs["component"] = str(component)
    if category:
        attrs["category"] = category
    else:
        attrs["level"] = "warning" if event_type == "Warning" else "info"
    message = (item.get("message") or item.get("note") or "").strip()
    text = f"{attrs['object']}: {reason}: {message}"
    return Evidence(min(times), source, "change" if category else "log", text, attrs)


def run_kubectl(
    args: list[str],
    options: KubectlOptions,
    source: str,
    on_line: Callable[[str], None],
    cancel: threading.Event | None = None,
    progress: Progress = no_progress,
) -> None:
    """Run kubectl (no shell), handing each stdout line to `on_line`; one-line errors on failure."""
    binary = shutil.which("kubectl")
    if binary is None:
        raise CollectorError(
            f"{source}: kubectl not found on PATH: install it or pass a saved file"
        )
    command = [binary, *options.flags(), *args]
    stop = threading.Event()
    why: list[str] = []
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace") as stderr:
        proc = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=stderr, stdin=subprocess.DEVNULL,
            text=True, errors="replace",
        )  # fmt: skip
        watcher = threading.Thread(
            target=_watch, args=(proc, options.timeout, cancel, stop, why), daemon=True
        )
        watcher.start()
        try:
            assert proc.stdout is not None
            for number, line in enumerate(proc.stdout):
                if number % 10_000 == 0:
                    progress(number, None, "lines")
                on_line(line)
        except BaseException:
            proc.kill()
            raise
        finally:
            proc.wait()  # the watcher still enforces the timeout and cancellation meanwhile
            stop.set()
            if proc.stdout is not None:
                proc.stdout.close()
        if why == ["cancel"]:
            raise Cancelled("collection cancelled")
        if why == ["timeout"]:
            raise CollectorError(
                f"{source}: kubectl did not finish within {options.timeout:g}s: "
                "check the cluster connection or narrow the window"
            )
        if proc.returncode != 0:
            stderr.seek(0)
            lines = [line.strip() for line in stderr.read().splitlines() if line.strip()]
            detail = lines[-1] if lines else f"exit status {proc.returncode}"
            raise CollectorError(f"{source}: kubectl failed: {detail[:300]}")


def _watch(
    proc: subprocess.Popen,
    timeout: float,
    cancel: threading.Event | None,
    stop: threading.Event,
    why: list[str],
) -> None:
    deadline = time.monotonic() + timeout
    while not stop.wait(0.05):
        if proc.poll() is not None:
            return
        if cancel is not None and cancel.is_set():
            why.append("cancel")
        elif time.monotonic() > deadline:
            why.append("timeout")
        else:
            continue
        proc.kill()
        return


class _LogCollector:
    """Turns `kubectl logs --timestamps` lines into evidence, bounded to the window."""

    def __init__(self, source: str, window: CollectWindow, result: CollectResult):
        self.source, self.window, self.result = source, window, result
        self.unparseable = self.dropped = self.outside = 0

    def line(self, raw: str) -> None:
        raw = raw.rstrip("\n")
        if not raw.strip():
            return
        prefix = _PREFIX_RE.match(raw)
        rest = raw[prefix.end() :] if prefix else raw
        stamp, _, text = rest.partition(" ")
        try:
            when = parse_time(stamp)
        except ValueError:
            self.unparseable += 1
            return
        if not self.window.contains(when):
            self.outside += 1
            return
        if len(self.result.evidence) >= MAX_LOG_RECORDS:
            self.dropped += 1
            return
        text, count = redact_text(text)
        self.result.redactions += count
        attrs = {"container": prefix.group(1)} if prefix else {}
        level = _LEVEL_RE.search(text[:200])
        if level:
            attrs["level"] = _LEVELS[level.group(1).lower()]
        self.result.evidence.append(Evidence(when, self.source, "log", text, attrs))

    def finish(self) -> CollectResult:
        result = self.result
        result.evidence.sort(key=lambda e: e.time)
        if self.unparseable:
            result.gaps.append(Gap(self.source, f"{self.unparseable} lines without a timestamp"))
        if self.dropped:
            result.gaps.append(
                Gap(self.source, f"{self.dropped} lines past the first {MAX_LOG_RECORDS} not kept")
            )
        if not result.evidence:
            result.gaps.append(
                Gap(
                    self.source,
                    "no log lines in the window",
                    self.window.read_start,
                    self.window.end,
                )
            )
        result.counts = {
            "log": len(result.evidence),
            "outside_window": self.outside,
            "unparseable": self.unparseable,
        }
        return result


_START_REASONS = ("Scheduled", "Pulling", "Pulled", "Created", "Started")


def _restarts(evidence: list[Evidence]) -> None:
    """Tell a container's first start from a restart: `Pulled`/`Created`/`Started` are a
    restart only after a `Killing` of the same object, or when the event repeated (its count
    grows: the kubelet started the container again); `BackOff` is always one."""
    killed: set[str] = set()
    for e in evidence:  # in time order
        reason, obj = e.attrs.get("reason"), e.attrs.get("object", "")
        if reason in ("Killing", "OOMKilling", "Evicted"):
            killed.add(obj)
        elif reason in _START_REASONS and e.attrs.get("category") == "start":
            if reason != "Scheduled" and (obj in killed or e.attrs.get("count", 1) > 1):
                e.attrs["category"] = "restart"
            if reason == "Started":
                killed.discard(obj)


def _events_result(
    source: str, target: str, text: str, window: CollectWindow, cancel: threading.Event | None
) -> CollectResult:
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise CollectorError(f"{source}: not `kubectl get events -o json` output ({exc})") from exc
    items: Iterable = data.get("items", []) if isinstance(data, dict) else []
    result = CollectResult(source=source, kind="kube-events", target=target)
    bad = BadRecords(source)
    for item in items:
        try:
            check_cancel(cancel)
            evidence = event_evidence(source, item)
            if evidence is None:
                continue
            first, last = parse_time(evidence.attrs["first"]), parse_time(evidence.attrs["last"])
            if last < window.read_start or first > window.end:
                continue
            if not window.contains(
                evidence.time
            ):  # started before the window, still going on in it
                evidence.time = window.read_start
            evidence.text, count = redact_text(evidence.text)
            result.redactions += count
            result.evidence.append(evidence)
        except BadRecords.ERRORS as exc:
            bad.note(exc)
    if bad.count:
        result.gaps.append(bad.gap())
    result.evidence.sort(key=lambda e: e.time)
    _restarts(result.evidence)
    if not result.evidence:
        result.gaps.append(
            Gap(
                source,
                "no events in the window (the cluster keeps them about 1 h)",
                window.read_start,
                window.end,
            )
        )
    result.counts = {k: sum(e.kind == k for e in result.evidence) for k in ("change", "log")}
    return result


def _open(path: str | Path, source: str):
    try:
        return open(path, encoding="utf-8", errors="replace")
    except FileNotFoundError as exc:
        raise CollectorError(f"{source}: file not found: check the path") from exc
    except OSError as exc:
        raise CollectorError(f"{source}: cannot read the file ({exc.strerror})") from exc
