"""Changes: deploy and config-change records that happened in the window.

Reads `git log --date=iso-strict --format='%ad%x09%an%x09%s'` output (or runs it on a git
repository folder), or a deployment list in JSON or CSV with the columns
time, service, version, actor, description (see docs/collectors.md).
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import threading
from pathlib import Path

from pm_tui.collectors.common import BadRecords, check_cancel, parse_time, redact_text, source_name
from pm_tui.collectors.evidence import (
    CollectorError,
    CollectResult,
    CollectWindow,
    Evidence,
    Gap,
    Progress,
    no_progress,
)

GIT_FORMAT = "%ad%x09%an%x09%s"
FIELDS = ("time", "service", "version", "actor", "description")


def collect_changes(
    target: str | Path,
    window: CollectWindow,
    progress: Progress = no_progress,
    cancel: threading.Event | None = None,
) -> CollectResult:
    """Change evidence from a git log file, a JSON/CSV deployment list, or a git repository."""
    path = Path(target)
    source = source_name("changes", str(path))
    result = CollectResult(source=source, kind="changes", target=str(path))
    if path.is_dir():
        text = _git_log(path, source)
        result.query = f"git log --date=iso-strict --format='{GIT_FORMAT}'"
    else:
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError as exc:
            raise CollectorError(f"{source}: file not found: check the path") from exc
        except OSError as exc:
            raise CollectorError(f"{source}: cannot read the file ({exc.strerror})") from exc
    check_cancel(cancel)
    stripped = text.lstrip()
    if path.suffix.lower() == ".json" or stripped[:1] in ("[", "{"):
        records, bad = _from_json(text, source), 0
    elif path.suffix.lower() == ".csv" or stripped.split("\n", 1)[0].lower().startswith("time,"):
        records, bad = _from_csv(text, source)
    else:
        records, bad = _from_git_log(text)
    broken = BadRecords(source)
    for number, record in enumerate(records):
        try:
            if number % 1000 == 0:
                check_cancel(cancel)
                progress(number, len(records), "changes")
            item = change_evidence(source, record)
            if item is None:
                bad += 1
            elif window.contains(item.time):
                text, count = redact_text(item.text)
                item.text = text
                result.redactions += count
                result.evidence.append(item)
        except BadRecords.ERRORS as exc:
            broken.note(exc)
    if bad:
        result.gaps.append(Gap(source, f"{bad} records without a readable time"))
    if broken.count:
        result.gaps.append(broken.gap())
    if not result.evidence:
        result.gaps.append(Gap(source, "no changes in the window", window.read_start, window.end))
    result.evidence.sort(key=lambda e: e.time)
    result.counts = {"change": len(result.evidence), "records": len(records)}
    progress(len(records), len(records), "done")
    return result


def change_evidence(source: str, record: dict) -> Evidence | None:
    """One deployment/commit record (time, service, version, actor, description) as evidence."""
    try:
        when = parse_time(str(record.get("time", "")))
    except ValueError:
        return None
    service, version = str(record.get("service") or ""), str(record.get("version") or "")
    description = str(record.get("description") or "").strip()
    if not description:
        description = " ".join(p for p in ("Deploy", service, version) if p)
    attrs = {k: str(record.get(k) or "") for k in ("service", "version", "actor")}
    attrs["category"] = str(
        record.get("category") or ("commit" if record.get("_git") else "deploy")
    )
    return Evidence(when, source, "change", description, attrs)


def _from_json(text: str, source: str) -> list[dict]:
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise CollectorError(
            f"{source}: not valid JSON ({exc}): see docs/collectors.md for the shape"
        ) from exc
    if isinstance(data, dict):
        data = data.get("deployments", data.get("changes"))
    if not isinstance(data, list) or not all(isinstance(d, dict) for d in data):
        raise CollectorError(
            f'{source}: expected a list of {{"time", "service", "version", "actor", "description"}} objects'
        )
    return data


def _from_csv(text: str, source: str) -> tuple[list[dict], int]:
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip().lower() for h in reader.fieldnames or []]
    if "time" not in header:
        raise CollectorError(
            f"{source}: the CSV header needs a 'time' column ({', '.join(FIELDS)})"
        )
    reader.fieldnames = header
    return [{k: (v or "").strip() for k, v in row.items() if k} for row in reader], 0


def _from_git_log(text: str) -> tuple[list[dict], int]:
    records, bad = [], 0
    for line in text.splitlines():
        if not line.strip():
            continue
        parts = line.split("\t", 2)
        if len(parts) != 3:
            bad += 1
            continue
        records.append({"time": parts[0], "actor": parts[1], "description": parts[2], "_git": True})
    return records, bad


def _git_log(repo: Path, source: str) -> str:
    git = shutil.which("git")
    if git is None:
        raise CollectorError(f"{source}: git not found on PATH: install it or pass a saved git log")
    # no --since/--until: git stops walking at the first commit older than --since, and
    # rebased or cherry-picked history is not date-ordered; the window is filtered afterwards
    command = [git, "-C", str(repo), "log", "--all", "--date=iso-strict", f"--format={GIT_FORMAT}"]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=60, errors="replace")
    except subprocess.TimeoutExpired as exc:
        raise CollectorError(f"{source}: git log did not finish within 60s") from exc
    if done.returncode != 0:
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        raise CollectorError(f"{source}: git log failed: {lines[-1] if lines else done.returncode}")
    return done.stdout
