"""What an evidence file is, told from its content (never its name).

`classify(path)` reads the head of a file (gzip or not), or looks inside a folder, and says
which kind of evidence it is: one of `EVIDENCE_FILE_KINDS`, or None with the reason it
cannot be read and what to do. Each kind maps to the source kind that reads it
(`SOURCE_FOR_KIND`), so an evidence folder is read by the very collectors the flags use.
"""

from __future__ import annotations

import csv
import gzip
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from pm_tui.collectors.kube_audit import audit_events

# the kinds a file can be, in the words a responder uses (tests/incidents/*/truth.toml too)
EVIDENCE_FILE_KINDS = (
    "logs",
    "openmetrics",
    "prometheus-query-range",
    "prometheus-query",
    "alertmanager-webhook",
    "alertmanager-api-alerts",
    "pagerduty-log-entries",
    "slack-export",
    "chat-export",
    "kube-events",
    "deploys",
    "git-log",
    "alert-rules",
)

# which collector reads each kind (pm_tui.collectors.runner's source kinds)
SOURCE_FOR_KIND = {
    "logs": "logs",
    "openmetrics": "openmetrics",
    "prometheus-query-range": "prometheus",
    "prometheus-query": "prometheus",
    "alertmanager-webhook": "alert-notifications",
    "alertmanager-api-alerts": "alert-notifications",
    "pagerduty-log-entries": "pagerduty",
    "slack-export": "slack",
    "chat-export": "slack",
    "kube-events": "kube-events",
    "deploys": "changes",
    "git-log": "changes",
    "alert-rules": "alert-rules",
}

HEAD_BYTES = 256 * 1024
JSON_WHOLE_MAX = 64 << 20  # a JSON document bigger than this is judged by its head
ARCHIVE_SUFFIXES = (".zip", ".tar.gz", ".tgz", ".tar")


@dataclass
class Classified:
    """A file's kind (None when it cannot be read) and one line saying why."""

    kind: str | None
    reason: str


def classify(path: Path) -> Classified:
    """The kind of evidence at `path`, from its content."""
    if path.is_dir():
        return _classify_folder(path)
    try:
        head, gz = read_head(path)
    except OSError as exc:
        return Classified(None, f"cannot read it ({exc.strerror or exc}): check permissions")
    if not head.strip():
        return Classified(None, "empty file: nothing to read; copy it again, or drop it")
    if b"\x00" in head[:8192]:
        return Classified(None, "binary file, not text: export it as text or JSON, or drop it")
    text = head.decode("utf-8", errors="replace")
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped[:1] in "[{":
        found = _classify_json(path, stripped, gz)
        if found is not None:
            return found
    for judge in (_openmetrics, _alert_rules_yaml, _git_log, _deploys_csv, _text_document, _logs,
                  _timed_table):  # fmt: skip
        found = judge(text, path)
        if found is not None:
            return found
    return Classified(
        None,
        "no known format and no timestamp in its first lines: if it is a log, give its "
        "time layout (time_format in evidence.toml, or --time-format), else drop it",
    )


def read_head(path: Path, size: int = HEAD_BYTES) -> tuple[bytes, bool]:
    """The first `size` bytes of a file, decompressed when it is gzip; and whether it was."""
    with open(path, "rb") as fh:
        magic = fh.read(2)
        fh.seek(0)
        if magic == b"\x1f\x8b":
            try:
                with gzip.open(fh) as gz:
                    return gz.read(size), True
            except (OSError, EOFError) as exc:
                raise OSError(f"broken gzip file ({exc})") from None
        return fh.read(size), False


def read_document(path: Path, limit: int = JSON_WHOLE_MAX) -> str:
    """A whole text file (gzip or not), at most `limit` bytes decompressed; OSError beyond."""
    with open(path, "rb") as fh:
        magic = fh.read(2)
        fh.seek(0)
        stream = gzip.open(fh) if magic == b"\x1f\x8b" else fh
        try:
            data = stream.read(limit + 1)
        except (EOFError, gzip.BadGzipFile) as exc:
            raise OSError(f"broken gzip file ({exc})") from None
    if len(data) > limit:
        raise OSError(f"larger than {limit >> 20} MB")
    return data.decode("utf-8", errors="replace")


# --- folders ---------------------------------------------------------------------------
_DAY_FILE = re.compile(r"^\d{4}-\d\d-\d\d\.json$")


def is_slack_export(folder: Path) -> bool:
    """A Slack export: channels.json (or users.json) beside folders of day files."""
    if (folder / "channels.json").is_file() or (folder / "groups.json").is_file():
        return True
    if not (folder / "users.json").is_file():
        return False
    return any(
        sub.is_dir() and any(_DAY_FILE.match(p.name) for p in sub.iterdir())
        for sub in folder.iterdir()
    )


def _classify_folder(folder: Path) -> Classified:
    if is_slack_export(folder):
        return Classified("slack-export", "Slack export (channels.json and day files)")
    if (folder / ".git").exists():
        return Classified("git-log", "git repository: its log is read")
    return Classified(None, "a folder: its files are read one by one")


# --- JSON ------------------------------------------------------------------------------
def _classify_json(path: Path, head: str, gz: bool) -> Classified | None:
    data = None
    try:
        data = json.loads(read_document(path))
    except OSError:
        data = None  # too big for a whole read: JSON lines, judged line by line below
    except ValueError:
        data = None
    if data is not None:
        found = json_kind(data)
        if found.kind is None:
            found = _document(path) or found
        return found
    lines = [ln for ln in head.splitlines()[:50] if ln.strip()]
    if len(lines) > 1:
        lines = lines[:-1]  # the head may cut the last line
    objects = []
    for line in lines:
        try:
            objects.append(json.loads(line))
        except ValueError:
            break
    if objects and len(objects) == len(lines):
        if (chat := _document(path, chat_only=True)) is not None:
            return chat
        first = objects[0]
        if webhook_payload(first) is not None:
            return Classified("alertmanager-webhook", "Alertmanager webhook payloads (JSON lines)")
        if isinstance(first, dict) and json_kind(first).kind == "pagerduty-log-entries":
            return Classified("pagerduty-log-entries", "PagerDuty webhook payloads (JSON lines)")
        dicts = [o for o in objects if isinstance(o, dict)]
        if audit_events(objects) is not None:
            return Classified("deploys", AUDIT_REASON + " (JSON lines)")
        records = _change_records(dicts) if len(dicts) == len(objects) else None
        if records and not any(_log_like(o) for o in dicts):
            return Classified("deploys", f"change records (JSON lines): {records}")
        return (
            _logs(head, path)
            or (records and Classified("deploys", f"change records (JSON lines): {records}"))
            or Classified(
                None,
                "JSON lines without a time field in their first lines: drop it or say its kind",
            )
        )
    if head[:1] == "{" and not objects:
        return Classified(None, "looks like JSON but does not parse: is it cut short?")
    return None


def json_kind(data: object) -> Classified:
    """The kind of a parsed JSON document."""
    if audit_events(data) is not None:
        return Classified("deploys", AUDIT_REASON)
    if isinstance(data, dict):
        if isinstance(data.get("log_entries"), list):
            return Classified("pagerduty-log-entries", "PagerDuty log entries (REST API)")
        messages = data.get("messages")
        if isinstance(messages, list) and any(
            isinstance(m, dict)
            and ("log_entries" in m or str(m.get("event", "")).startswith("incident."))
            for m in messages
        ):
            return Classified("pagerduty-log-entries", "PagerDuty webhook (v2 messages)")
        if isinstance(data.get("event"), dict) and str(
            data["event"].get("event_type", "")
        ).startswith("incident."):
            return Classified("pagerduty-log-entries", "PagerDuty webhook (v3 event)")
        body = data.get("data")
        if data.get("status") in ("success", "error") and isinstance(body, dict):
            kind = body.get("resultType")
            if kind == "matrix":
                return Classified("prometheus-query-range", "Prometheus query_range answer")
            if kind in ("vector", "scalar", "string"):
                return Classified("prometheus-query", "Prometheus instant query answer")
            if isinstance(body.get("groups"), list):
                return Classified("alert-rules", "Prometheus rules API answer")
        if data.get("status") == "success" and isinstance(body, list) and _alert_list(body):
            return Classified("alertmanager-api-alerts", "Alertmanager API alert list (v1)")
        if _is_webhook(data):
            return Classified("alertmanager-webhook", "Alertmanager webhook payload")
        if webhook_payload(data) is not None:
            return Classified("alertmanager-webhook", "Alertmanager webhook payload, as received")
        if data.get("kind") in ("List", "EventList") or _is_event(data):
            items = data.get("items") if "items" in data else [data]
            if isinstance(items, list) and (not items or any(_is_event(i) for i in items)):
                return Classified("kube-events", "Kubernetes events")
        if isinstance(data.get("groups"), list) and _rule_groups(data["groups"]):
            return Classified("alert-rules", "Prometheus alerting rules")
        records = _change_records(data)
        if records:
            return Classified("deploys", f"deploy/change records: {records}")
        if log_records(data) is not None:
            return Classified("logs", "log records in a JSON document (a time and a message each)")
        return Classified(None, "a JSON document of no known shape: say its kind in evidence.toml")
    if isinstance(data, list):
        dicts = [d for d in data[:50] if isinstance(d, dict)]
        if not data:
            return Classified(None, "an empty JSON list: nothing to read")
        if dicts and all(webhook_payload(d) is not None for d in dicts):
            return Classified("alertmanager-webhook", "Alertmanager webhook payloads (a list)")
        if dicts and _alert_list(dicts):
            return Classified("alertmanager-api-alerts", "Alertmanager API v2 alert list")
        if dicts and all(str(d.get("type", "")).endswith("_log_entry") for d in dicts):
            return Classified("pagerduty-log-entries", "PagerDuty log entries (a list)")
        if dicts and all("log_entries" in d for d in dicts):
            return Classified("pagerduty-log-entries", "PagerDuty log entries (saved pages)")
        if dicts and all(json_kind(d).kind == "pagerduty-log-entries" for d in dicts):
            return Classified("pagerduty-log-entries", "PagerDuty webhook payloads (a list)")
        if dicts and all(d.get("type") == "message" and "ts" in d for d in dicts[:20]):
            return Classified(
                None, "one day of one Slack channel: give the whole export folder (or its zip)"
            )
        if dicts and any(_is_event(d) for d in dicts):
            return Classified("kube-events", "Kubernetes events (a list)")
        records = _change_records(dicts) if dicts else ""
        if records:
            return Classified("deploys", f"deploy/change records: {records}")
        if log_records(data) is not None:
            return Classified("logs", "log records in a JSON list (a time and a message each)")
        return Classified(None, "a JSON list of no known shape: say its kind in evidence.toml")
    return Classified(None, "a JSON value of no known shape")


_MESSAGE_KEYS = ("message", "msg", "text", "description", "detail", "details", "summary")


def log_records(data: object) -> list[dict] | None:
    """The records of a JSON document that is a log saved whole (an API's list of events:
    AWS RDS `describe-events`' `{"Events": [{"Date", "Message", "SourceIdentifier"}]}`),
    oldest first; None unless its one list of records each has a time and a message."""
    from pm_tui.collectors.deploy_records import looks_like_time, record_list

    found = record_list(data)
    if found is None or not found[0] or (isinstance(data, dict) and not found[1]):
        return None
    records = found[0]
    sample = records[:50]

    def has(record: dict, names: tuple[str, ...], test) -> bool:
        return any(isinstance(k, str) and k.lower() in names and test(v) for k, v in record.items())

    timed = all(has(r, TIME_KEYS_LOWER, looks_like_time) for r in sample)
    said = all(has(r, _MESSAGE_KEYS, lambda v: isinstance(v, str) and v.strip()) for r in sample)
    if not (timed and said):
        return None
    return records


TIME_KEYS_LOWER = ("date", "time", "timestamp", "ts", "@timestamp", "datetime", "eventtime",
                   "event_time", "created_at", "createdat", "occurred_at", "when")  # fmt: skip


# an API server's audit log: its writes to workloads, CronJobs, config maps are changes
AUDIT_REASON = "Kubernetes audit log: its writes are changes"


def _change_records(data: object) -> str:
    """What the change records of `data` are read by ("time `at`, who `initiatedBy`, what
    `app`"), or "" when it holds none."""
    from pm_tui.collectors.deploy_records import read_deploys

    reading = read_deploys(data)
    if reading is None or not reading.records:
        return ""
    return reading.describe()


# a JSON line with a level or a message, an audit trail's operation or an HTTP status and
# request is a log record (read by the log collector: an audit log's writes by people become changes there)
_LOG_LEVEL_KEYS = {"level", "lvl", "severity", "loglevel", "levelname", "priority", "log.level",
                   "msg", "message", "log", "@message", "textpayload"}  # fmt: skip
# (the log reader's audit fields: collectors/logs/json_lines.py)
_AUDIT_KEYS = {"verb", "eventname", "objectref", "useridentity", "auth"}
_AUDIT_PAIR = ({"operation", "action", "request"}, {"actor", "user"})
_HTTP_KEYS = {"status", "status_code", "http_status", "response_code"}


# the thing a change record acted on: who did what to it, at a time, is a change record
# whatever the tool (a control plane's audit trail `{"ts", "actor", "action", "target"}`)
_TARGET_KEYS = {"target", "resource", "object", "subject", "entity"}


def _log_like(record: dict) -> bool:
    keys = {k.lower() for k in record if isinstance(k, str)}
    audit = keys & _AUDIT_KEYS or (
        keys & _AUDIT_PAIR[0] and keys & _AUDIT_PAIR[1] and not keys & _TARGET_KEYS
    )
    return bool(keys & _LOG_LEVEL_KEYS or audit or (
        keys & _HTTP_KEYS and keys & {"request", "method", "path", "uri", "request_uri", "url"}
    ))  # fmt: skip


def _is_webhook(d: dict) -> bool:
    return isinstance(d.get("alerts"), list) and (
        "receiver" in d or "groupKey" in d or d.get("version") == "4"
    )


def webhook_payload(d: object) -> dict | None:
    """An Alertmanager webhook payload as Alertmanager sent it, or as a receiver logged it:
    wrapped beside the time it came (`{"received_at": ..., "body": {...}}`), the body an
    object or the request's JSON text. None when `d` holds none."""
    if not isinstance(d, dict):
        return None
    if _is_webhook(d):
        return d
    for value in d.values():
        if isinstance(value, str) and value[:1] == "{" and '"alerts"' in value:
            try:
                value = json.loads(value)
            except ValueError:
                continue
        if isinstance(value, dict) and _is_webhook(value):
            return value
    return None


def _alert_list(items: list) -> bool:
    dicts = [d for d in items if isinstance(d, dict)]
    return bool(dicts) and all(isinstance(d.get("labels"), dict) and "startsAt" in d for d in dicts)


def _is_event(d: object) -> bool:
    return isinstance(d, dict) and (
        "involvedObject" in d or "regarding" in d or (d.get("kind") == "Event" and "reason" in d)
    )


def _rule_groups(groups: list) -> bool:
    return any(isinstance(g, dict) and isinstance(g.get("rules"), list) for g in groups)


# --- deploy records (JSON or CSV): fields that name a time and a service/revision/actor ----
TIME_FIELDS = (
    "time", "timestamp", "date", "created_at", "createdAt", "deployed_at", "deployedAt",
    "started_at", "startedAt", "finished_at", "finishedAt", "completed_at", "updated_at",
    "at", "when", "datetime", "ts", "@timestamp",
    # change calendars and change-management exports (ServiceNow, Jira Service Management,
    # Freshservice, Remedy): the change's actual start (when the work was done), else its
    # planned one (a record whose actual start is empty falls back to the next one present)
    "actual_start", "actual_start_date", "work_start",
    "start", "start_time", "start_date", "planned_start", "planned_start_date",
    "scheduled_start", "scheduled_start_date", "change_start_date", "begin",
)  # fmt: skip
SERVICE_FIELDS = (
    "service", "app", "application", "component", "project", "repo", "repository",
    "environment", "env", "target", "name", "cluster", "flag", "resource",
    # the configuration item a change record names
    "ci", "cmdb_ci", "configuration_item", "affected_ci", "business_service",
    "affected_service",
)  # fmt: skip
REVISION_FIELDS = (
    "revision", "version", "sha", "commit", "ref", "tag", "image", "release", "build",
    "git_sha", "commit_sha",
)  # fmt: skip
ACTOR_FIELDS = (
    "actor", "user", "author", "creator", "deployer", "triggered_by", "triggeredBy",
    "member", "by", "owner", "requested_by", "initiator",
    "assigned_to", "assignee", "implementer", "change_owner", "changed_by", "opened_by",
)  # fmt: skip
LIST_FIELDS = ("deployments", "deploys", "changes", "items", "records", "data", "events",
               "releases", "results", "entries")  # fmt: skip


def exact_fields(records: list[dict]) -> dict[str, str]:
    """The roles (time, service, revision, actor) that the usual field names above give these
    records' fields, matched exactly, else in any case with spaces or dashes for underscores;
    a role no field names is left out."""
    keys: dict[str, None] = {}
    for r in records:
        keys.update(dict.fromkeys(r))
    lowered = {plain_name(k): k for k in keys if isinstance(k, str)}
    found = {}
    for role, names in (("time", TIME_FIELDS), ("service", SERVICE_FIELDS),
                        ("revision", REVISION_FIELDS), ("actor", ACTOR_FIELDS)):  # fmt: skip
        for n in names:
            key = n if n in keys else lowered.get(plain_name(n))
            if key is not None:
                found[role] = key
                break
    return found


def plain_name(name: str) -> str:
    """A field name in any case, spaces and dashes as underscores (`Planned Start Date`)."""
    return re.sub(r"[\s-]+", "_", name.strip().lower())


def deploy_fields(records: list[dict]) -> dict[str, str] | None:
    """Which field of these records holds the time, service, revision and actor; None when
    no field names a time or none names any of the other three."""
    found = exact_fields(records[:50])
    if "time" not in found or len(found) < 2:
        return None
    return found


def _deploys_csv(text: str, path: Path) -> Classified | None:
    """A table whose header names its columns (CSV, TSV, `;` or `|` separated, after any
    `#` comment lines) holding change records, read by its columns' names as a JSON export
    is (`deploy_records.read_deploys`): records, not a log, wherever its time column sits."""
    from pm_tui.collectors.deploy_records import read_deploys

    rows = header_table(text)
    if rows is None:
        return None
    reading = read_deploys(rows[:SAMPLE_ROWS]) if rows else None
    if reading is not None and reading.records:
        return Classified("deploys", f"deploy/change records (table): {reading.describe()}")
    header = dict.fromkeys(rows[0] if rows else (), "")
    if deploy_fields([header]) and not _log_like(header):
        # (a log search's CSV download, `Date,Host,Service,Status,Message`, names a time and a
        # service too: its message column makes it a log, its rows no change records)
        return Classified("deploys", "deploy/change records (CSV)")
    return None


SAMPLE_ROWS = 50
_TABLE_SEPARATORS = ",;\t|"
_COMMENT = ("#", "//")


def header_table(text: str, limit: int = SAMPLE_ROWS) -> list[dict[str, str]] | None:
    """The rows of a table with a header line naming its columns, as dicts (`limit` rows at
    most), or None when `text` is no such table: leading blank and `#` comment lines are
    skipped; the header is one line of at least two names, none a time or a number, with a
    separator (`,` `;` tab `|`) that splits most of the next lines into as many fields."""
    from pm_tui.collectors.deploy_records import looks_like_time

    lines = text.splitlines()
    start = 0
    while start < len(lines) and (
        not lines[start].strip() or lines[start].lstrip().startswith(_COMMENT)
    ):
        start += 1
    if start >= len(lines) - 1 or start > 20:
        return None
    first = lines[start]
    sep = max(_TABLE_SEPARATORS, key=first.count)
    if first.count(sep) < 1:
        return None
    header = _cells(first, sep)
    if len(header) < 2 or not all(header) or len(set(header)) < len(header):
        return None
    if any(looks_like_time(h) or re.fullmatch(r"[\d.:/\-+ ]+", h) for h in header):
        return None  # a row of values: no header
    body = [ln for ln in lines[start + 1 : start + 1 + limit] if ln.strip()]
    rows = [dict(zip(header, cells, strict=True)) for ln in body
            if len(cells := _cells(ln, sep)) == len(header)]  # fmt: skip
    if len(rows) * 5 < len(body) * 4:
        return None
    return rows


def _cells(line: str, sep: str) -> list[str]:
    """A table line's fields, unquoted and stripped (`| a | b |`, as Markdown and psql draw
    a table, has no empty first and last field)."""
    cells = [c.strip() for c in next(csv.reader([line], delimiter=sep), [])]
    if sep == "|" and len(cells) > 2 and not cells[0] and not cells[-1]:
        cells = cells[1:-1]
    return cells


# --- documents saved whole: mail, feeds, event exports, tickets, chat (logs/documents.py) ---
def _document(path: Path, chat_only: bool = False) -> Classified | None:
    from pm_tui.collectors.logs.documents import chat_rows, document_rows

    try:
        text = read_document(path)
    except OSError:
        return None
    chat = chat_rows(path, text)
    if chat is not None:
        return Classified("chat-export", f"{chat[0]}: each message a chat message")
    if chat_only:
        return None
    found = document_rows(path, text)
    if found is not None:
        return Classified("logs", f"{found[0]}: each one a row")
    return None


def _timed_table(text: str, path: Path) -> Classified | None:
    """A headerless CSV with a time in one column (no log layout read it: tried last)."""
    from pm_tui.collectors.logs.documents import timed_table

    found = timed_table(text)
    return Classified("logs", f"{found[0]}: each row a record") if found else None


def _text_document(text: str, path: Path) -> Classified | None:
    """Mail (mbox, .eml), a feed or Windows events (XML), a ticket table (CSV)."""
    from pm_tui.collectors.logs.documents import sniff

    return _document(path) if sniff(text) else None


# --- text formats --------------------------------------------------------------------------
_METRIC_LINE = re.compile(
    r"^[a-zA-Z_:][a-zA-Z0-9_:]*(?:\{[^}]*\})?\s+[-+]?(?:[0-9.eE+-]+|NaN|Inf|\+Inf|-Inf)(?:\s+[0-9.]+)?\s*$"
)


def _openmetrics(text: str, path: Path) -> Classified | None:
    lines = [ln for ln in text.splitlines()[:200] if ln.strip()]
    if not lines:
        return None
    typed = sum(ln.startswith(("# TYPE ", "# HELP ", "# UNIT ", "# EOF")) for ln in lines)
    samples = sum(bool(_METRIC_LINE.match(ln)) for ln in lines)
    if (typed or samples > 3) and typed + samples >= 0.9 * len(lines) and samples:
        return Classified("openmetrics", "OpenMetrics / Prometheus text exposition")
    return None


_RULE_ALERT = re.compile(r"^\s*-?\s*alert:\s*\S", re.MULTILINE)


def _alert_rules_yaml(text: str, path: Path) -> Classified | None:
    if _RULE_ALERT.search(text) and re.search(r"^\s*(?:-\s*)?expr:", text, re.MULTILINE):
        return Classified("alert-rules", "Prometheus alerting rules (YAML)")
    return None


_GIT_DEFAULT = re.compile(r"^commit [0-9a-f]{7,40}\b", re.MULTILINE)
_GIT_AUTHOR = re.compile(r"^Author:\s", re.MULTILINE)
_GIT_ONELINE = re.compile(r"^[0-9a-f]{7,40}[\s|,;]")


def _git_log(text: str, path: Path) -> Classified | None:
    if _GIT_DEFAULT.search(text[:4096]) and _GIT_AUTHOR.search(text[:8192]):
        return Classified("git-log", "git log")
    lines = [ln for ln in text.splitlines()[:50] if ln.strip()]
    if lines and sum(bool(_GIT_ONELINE.match(ln)) for ln in lines) >= 0.8 * len(lines):
        from pm_tui.collectors.changes import git_line_record

        if sum(git_line_record(ln) is not None for ln in lines) >= 0.8 * len(lines):
            return Classified("git-log", "git log (one line per commit)")
    if lines and all(ln.count("\t") == 2 for ln in lines[:20]):
        from pm_tui.collectors.changes import git_line_record

        if all(git_line_record(ln) is not None for ln in lines[:20]):
            return Classified("git-log", "git log (time, author, subject)")
    return None


def _logs(text: str, path: Path) -> Classified | None:
    from pm_tui.collectors.logs.line_formats import skip_banner

    every = [ln for ln in text.splitlines()[:5000] if ln.strip()]
    if len(every) > 1 and len(text) >= HEAD_BYTES - 1:
        every.pop()  # the head may cut the last line
    found = _timed_lines(every[:200])
    if found is None and (later := skip_banner(every)[:200]) != every[:200]:
        # a start-up banner before the first timed line: judged from where times begin
        found = _timed_lines(later)
    if found is None and len(every) > 200:
        # records of many lines each (a Java stack trace of 30 frames under each timed line):
        # too few timed lines among the first 200 to tell, enough further on
        found = _timed_lines(every[:_RECORDS_SAMPLE])
    return found


def _timed_lines(lines: list[str]) -> Classified | None:
    from datetime import UTC, datetime

    from pm_tui.collectors.logs.line_formats import Context, detect

    if not lines:
        return None
    ctx = Context(anchor=datetime.now(UTC))
    parser = detect(lines, ctx)
    if not parser.formats:
        return None
    parsed = [(ln, rec) for ln in lines if (rec := parser.parse(ln)) is not None]
    timed = len(parsed)
    if timed >= max(1, 0.3 * len(lines)) or _record_starts(parsed):
        return Classified("logs", f"log ({parser.name}, {timed} of {len(lines)} first lines timed)")
    return None


# a log of multi-line records (a transfer tool's stats blocks, stack traces, dumped requests)
# has few timed lines; it is still a log when they are enough, start their line the same
# way and run forward in time: each one opens a record, the lines under it continue it
_RECORD_STARTS_MIN = 8
_RECORDS_SAMPLE = 2000  # the lines read for them when the first 200 hold too few


def _record_starts(parsed: list[tuple[str, object]]) -> bool:
    if len(parsed) < _RECORD_STARTS_MIN:
        return False
    shapes = Counter(_line_shape(ln) for ln, _ in parsed)
    if shapes.most_common(1)[0][1] < 0.9 * len(parsed):
        return False
    times = [rec[0] for _, rec in parsed]
    forward = sum(a <= b for a, b in zip(times, times[1:], strict=False))
    return forward >= 0.9 * (len(times) - 1)


def _line_shape(line: str) -> str:
    """How a line begins, digits as 9 and letters as a (`2026/03/04` → `9999/99/99`)."""
    head = line[:10]
    return re.sub(r"[A-Za-z]", "a", re.sub(r"\d", "9", head))
