"""Changes: deploy and config-change records that happened in the window.

Reads `git log --date=iso-strict --format='%ad%x09%an%x09%s'` output (or runs it on a git
repository folder), or a deployment list in JSON or CSV with the columns
time, service, version, actor, description (see docs/collectors.md).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import threading
from datetime import timedelta
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
# where a record says what it changed (any case, spaces for underscores: `Short description`)
DESCRIPTION_FIELDS = ("description", "title", "message", "summary", "subject", "comment", "note",
                      "short_description", "details", "detail")  # fmt: skip


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
            from pm_tui.collectors.classify import read_document

            text = read_document(path)
        except FileNotFoundError as exc:
            raise CollectorError(f"{source}: file not found: check the path") from exc
        except OSError as exc:
            raise CollectorError(f"{source}: cannot read the file ({exc.strerror})") from exc
    check_cancel(cancel)
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped[:1] in ("[", "{"):
        records, read_as = _from_json(text, source)
        bad = 0
        result.query = f"change records: {read_as}"
    elif _csv_header(stripped):
        records, read_as = _from_csv(stripped, source)
        bad = 0
        result.query = f"change records: {read_as}"
    else:
        records, bad = _from_git_log(text)
        if records and not path.is_dir():
            result.query = "git log"
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
        when = _record_time(record.get("time", ""))
    except (ValueError, OverflowError, OSError):
        return None
    service, version = str(record.get("service") or ""), str(record.get("version") or "")
    description = str(record.get("description") or "").strip()
    if not description:
        description = " ".join(p for p in ("Deploy", service, version) if p)
    attrs = {k: str(record.get(k) or "") for k in ("service", "version", "actor")}
    if record.get("status"):
        attrs["status"] = str(record["status"])
    if record.get("_step"):
        attrs["step"] = str(record["_step"])
    if record.get("action"):
        attrs["action"] = str(record["action"])
    attrs["category"] = str(
        record.get("category") or ("commit" if record.get("_git") else "deploy")
    )
    return Evidence(when, source, "change", description, attrs)


def _record_time(value: object):
    """A record's time: RFC 3339 / ISO, RFC 2822 (git's default), or epoch s/ms."""
    from email.utils import parsedate_to_datetime

    from pm_tui.collectors.logs.timestamps import epoch_time

    if isinstance(value, int | float) and not isinstance(value, bool):
        return epoch_time(float(value))
    text = str(value).strip()
    if text.replace(".", "", 1).isdigit():
        return epoch_time(float(text))
    try:
        return parse_time(
            text.replace(" +", "+").replace(" -", "-") if _ISO_SPACED.match(text) else text
        )
    except ValueError:
        pass
    from pm_tui.collectors.deploy_records import JS_DATE, spoken_time

    spoken = spoken_time(text)
    if spoken is not None:  # `6/2/2026, 9:31:07 AM` (a console's CSV download, UTC)
        return parse_time(spoken.isoformat())
    js = JS_DATE.match(text)
    if js:  # `Tue Jun 02 2026 09:31:07 GMT+0000 (Coordinated Universal Time)`
        month, day, year, clock, offset = js.groups()
        text = f"{day} {month} {year} {clock} {offset}"
    try:
        t = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        raise ValueError(text) from None
    return parse_time(t.isoformat())


_ISO_SPACED = re.compile(r"^\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:\.\d+)? [+-]\d{4}$")


def _who(value: object) -> str:
    """A person as exports write them: a name, or an object with login/name/email."""
    if isinstance(value, dict):
        full = " ".join(str(value.get(k) or "") for k in ("firstName", "lastName")).strip()
        for k in ("name", "login", "username", "display_name", "summary"):
            if value.get(k):
                return str(value[k])
        return full or str(value.get("email") or "")
    return "" if value is None else str(value)


def normalise_record(record: dict, fields: dict[str, str], default_service: str = "") -> dict:
    """A deploy tool's record in the collector's words (time, service, version, actor,
    description, category), from the fields `deploy_records.read_deploys` found (dotted
    paths for nested fields); `default_service` names records that do not."""
    from pm_tui.collectors.classify import plain_name
    from pm_tui.collectors.deploy_records import at

    def get(role: str, default: object = None) -> object:
        return at(record, fields[role]) if role in fields else default

    out = {"time": get("time", record.get("time", ""))}
    if out["time"] is None:
        out["time"] = ""
    service = get("service")
    if isinstance(service, dict):  # GitHub's `repository`, ServiceNow's `cmdb_ci` objects
        service = (
            service.get("name") or service.get("full_name") or service.get("display_value") or ""
        )
    if fields.get("service") in ("repo", "repository") or (
        not service and record.get("repository_url")
    ):
        service = str(service or record.get("repository_url") or "").rstrip("/").rsplit("/", 1)[-1]
    out["service"] = str(service) if service not in (None, "") else default_service
    revision = get("revision", "")
    if isinstance(revision, dict):  # `"commit": {"hash": "4be1c09", "message": ...}`
        revision = next(
            (revision[k] for k in ("hash", "sha", "oid", "id", "version", "tag", "name")
             if isinstance(revision.get(k), str | int)),
            "",
        )  # fmt: skip
    if fields.get("revision") == "sha" and record.get("ref"):
        revision = record["ref"]  # GitHub Deployments: the ref (tag, branch) reads better
    revision = "" if revision is None else str(revision)
    if _PATH_LIKE.match(revision):  # an ARN's or a URL's last segment (`quote-api:57`)
        revision = revision.rstrip("/").rsplit("/", 1)[-1]
    out["version"] = revision
    out["actor"] = _who(get("actor")) if "actor" in fields else ""
    action = get("action")
    if isinstance(action, str) and action.strip():
        out["action"] = action.strip()  # what it did (`pull_request`, `rec_set`)
    description = ""
    plain = {plain_name(k): k for k in record if isinstance(k, str)}
    for name in DESCRIPTION_FIELDS:
        key = name if name in record else plain.get(name)
        if key is not None and isinstance(record[key], str) and record[key].strip():
            description = record[key].strip()
            break
    # a description one level down (`info.message`); a field of the record's own is said by
    # its name above (a `display_title` beside an `event` is no description)
    out["description"] = description or _nested_said(record, _DESCRIPTION_LAST, nested=True)

    def first(*names: str) -> object:
        return next((record[plain[n]] for n in names if record.get(plain.get(n, ""))), None)

    category = first("category", "kind", "type", "task")
    if isinstance(category, str) and category:
        out["category"] = category
    status = first("status", "state", "result")
    if status is None:  # `ResourceStatus`, `configurationItemStatus`, `info.result`
        status = _nested_said(record, _STATUS_LAST, depth=1) or None
    if isinstance(status, dict):  # {"value": "Succeeded"}, {"name": "Closed"}
        status = status.get("value") or status.get("name") or status.get("display_value")
    if isinstance(status, str) and status:
        out["status"] = status
    return out


_DESCRIPTION_LAST = {"message", "description", "summary", "title", "subject", "comment", "note"}
_STATUS_LAST = {"status", "state", "result"}
# what a record's errors or the reasons of its state say is not what it changed
_NOT_SAID = {"error", "errors", "reason", "failure", "failures", "conditions", "events", "log"}


def _nested_said(record: dict, last_words: set[str], depth: int = 2, nested: bool = False) -> str:
    """The first text of a field ending with one of `last_words` (`info.message`,
    `ResourceStatus`, `info.result`), at most `depth` levels down, not an error's or a
    reason's; the shallowest first."""
    from pm_tui.collectors.deploy_records import _leaves, words

    leaves: dict[str, object] = {}
    _leaves(record, "", 0, leaves)
    found = []
    for path, value in leaves.items():
        w = words(path)
        if (
            w
            and w[-1] in last_words
            and (1 if nested else 0) <= path.count(".") <= depth
            and isinstance(value, str)
            and value.strip()
            and not set(w) & _NOT_SAID
        ):
            found.append((path.count("."), value.strip()))
    return min(found, key=lambda f: f[0])[1] if found else ""


def _from_json(text: str, source: str) -> tuple[list[dict], str]:
    """The records of a JSON document or of JSON lines (one record a line), in the
    collector's words, and which field gave each role (`DeployReading.describe`)."""

    try:
        data = json.loads(text)
    except ValueError as exc:
        data = _json_lines(text)
        if data is None:
            raise CollectorError(
                f"{source}: not valid JSON ({exc}): see docs/collectors.md for the shape"
            ) from exc
    return _from_records(data, source)


def _from_records(data: object, source: str) -> tuple[list[dict], str]:
    """The change records of parsed JSON (or of a table's rows) in the collector's words."""
    from pm_tui.collectors.deploy_records import read_deploys
    from pm_tui.collectors.kube_audit import audit_changes, audit_events

    events = audit_events(data)
    if events is not None:
        return audit_changes(events), "Kubernetes audit log: writes (verb, objectRef, user)"
    reading = read_deploys(data)
    if reading is None:
        raise CollectorError(
            f"{source}: expected a list of deploy records with a time and a service, revision "
            "or actor field (see docs/collectors.md)"
        )
    out = []
    for r in reading.records:
        record = normalise_record(r, reading.fields, reading.service)
        if record["time"] in ("", None):
            record["time"] = _any_time(r)
        if "revision" not in reading.fields and not record.get("category"):
            record["category"] = "change"  # a change of some tool, not a deploy
        said = record["description"]
        action = record.get("action", "")
        if said and action and action.lower() not in said.lower() and len(action) <= 60:
            # what was done beside what it says (`UPGRADE_NODES: Upgrading pool-api to 1.30`)
            said = record["description"] = f"{action}: {said}"
        if not said:
            record["description"] = _what_was_done(r, reading.fields, record)
        out.append(record)
        done = _done_with(r, reading.fields, record) or _deployed_step(r, record)
        if done is not None:
            # asked for at its time, carried out at its end: two records, each saying which
            what = said or _what_was_done(r, reading.fields, {**record, "status": ""})
            record["description"] = f"{what} (requested)"
            record["_step"] = "requested"  # asked for: what it changed came at its end
            record.pop("status", None)
            done["description"] = f"{what} ({str(done['status']).lower()})"
            out.append(done)
    return out, reading.describe()


def _json_lines(text: str) -> list[dict] | None:
    """JSON lines (NDJSON): one object a line; None unless every non-blank line is one."""
    records = []
    for line in text.splitlines():
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except ValueError:
            return None
        if not isinstance(value, dict):
            return None
        records.append(value)
    return records or None


def _any_time(record: dict) -> str:
    """The first usual time field of a record holding a time (its actual start was empty)."""
    from pm_tui.collectors.classify import TIME_FIELDS, plain_name
    from pm_tui.collectors.deploy_records import looks_like_time

    plain = {plain_name(k): k for k in record if isinstance(k, str)}
    for name in TIME_FIELDS:
        key = plain.get(plain_name(name))
        if key is not None and looks_like_time(record[key]):
            return record[key]
    return ""


def _what_was_done(record: dict, fields: dict[str, str], out: dict) -> str:
    """A change record without a description, said from its fields (its service and version
    are said beside it): what was done (its action), to what (a name it gives beside its
    service), to which value, and its status: `Cryptographic operations -> 30000 (APPROVED)`."""
    from pm_tui.collectors.deploy_records import CHANGE_VERBS, at, words

    parts = []
    action = at(record, fields["action"]) if "action" in fields else None
    if isinstance(action, str) and action.strip():
        parts.append(action.strip())
    elif set(words(str(out.get("category") or ""))) & CHANGE_VERBS:
        parts.append(str(out["category"]))  # `"type": "VersionUpdate"`
    parts += _names_of(record, fields, [*parts, out.get("service") or ""])
    parts += _pairs(record)
    value = at(record, fields["value"]) if "value" in fields else None
    if isinstance(value, str | int | float) and not isinstance(value, bool) and str(value):
        parts.append(f"-> {value:g}" if isinstance(value, float) else f"-> {value}")
    if out.get("status"):
        parts.append(f"({out['status']})")
    return " ".join(parts)


def _pairs(record: dict) -> list[str]:
    """A record's list of name/value pairs (`params: [{"type": "Version", "value": "1.30"}]`)
    as `Version=1.30`; not its tags or labels."""
    for key, value in record.items():
        if not isinstance(value, list) or not value or str(key).lower() in ("tags", "labels"):
            continue
        pairs = []
        for item in value[:6]:
            if not isinstance(item, dict) or len(item) != 2:
                break
            lowered = {str(k).lower(): v for k, v in item.items()}
            name = next((lowered[k] for k in ("type", "name", "key") if k in lowered), None)
            if name is None or "value" not in lowered:
                break
            pairs.append(f"{name}={lowered['value']}")
        else:
            return pairs
    return []


_PATH_LIKE = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|arn:|/)\S*/\S+$")
# a name as people write one (`ApiTargetGroup`, `db-clients`): letters first, no long numbers
_NAME_LIKE = re.compile(r"^(?=.*[a-z])[A-Za-z][A-Za-z0-9_.-]*$")


def _last_segment(value: str) -> str:
    """The last segment of a path, URL or ARN (`.../nodePools/pool-api` -> pool-api)."""
    return (
        value.rstrip("/").rsplit("/", 1)[-1].rsplit(":", 1)[-1] if _PATH_LIKE.match(value) else ""
    )


def _names_of(record: dict, fields: dict[str, str], said: list[str]) -> list[str]:
    """The name of what a change record changed beside its service: a resource or target
    named (`protoPayload.resourceName`), else a title, else a name (`QuotaName`); not one
    of the service's own fields (`ServiceName` beside `ServiceCode`), nor a log's name."""
    from pm_tui.collectors.deploy_records import ACTOR_WORDS, _leaves, words

    leaves: dict[str, object] = {}
    _leaves(record, "", 0, leaves)
    taken = {fields.get(r) for r in ("service", "actor", "action", "time", "end", "value")}
    service_words = set(words(fields.get("service", "").rsplit(".", 1)[-1]))
    best: tuple[int, str] | None = None
    for path, value in leaves.items():
        w = words(path)
        if path in taken or not w or not isinstance(value, str) or not value.strip():
            continue
        if set(w) & {"resource", "target", "object"} and (
            (last := _last_segment(value.strip()))
            or (
                w[-1] == "id" and _NAME_LIKE.match(value.strip()) and not re.search(r"\d{3}", value)
            )
        ):
            # the changed thing named by its path (`targetLink`, an Azure `resourceId`) or
            # by a name it gives as its id (`LogicalResourceId`)
            name = last or value.strip()
            if name not in said and _NAME_LIKE.match(name) and (best is None or best[0] > 0):
                best = (0, name)
            continue
        if "://" in value or value in said or set(w) & (service_words | {"log", "id"}):
            continue
        if set(w) & ACTOR_WORDS:
            continue  # a person's name (`userName` beside `userEmail`) is who, not what
        rank = (
            0 if set(w) & {"resource", "target", "object"} and w[-1] in ("name", "resource", "target", "object")
            else 1 if w[-1] in ("title", "subject")
            else 2 if w[-1] in ("name", "record", "host", "domain", "setting", "key", "item")
            else None
        )  # fmt: skip
        if rank is not None and (best is None or rank < best[0]):
            best = (rank, value.strip())
    return [best[1]] if best else []


# a request's status saying it was carried out (approved, applied, closed...)
_DONE_STATUS = re.compile(
    r"approved|applied|complete|closed|done|success|succeeded|implemented|granted|"
    r"resolved|fulfilled|finished",
    re.I,
)


def _done_with(record: dict, fields: dict[str, str], out: dict) -> dict | None:
    """A request that was carried out later (a quota or access request approved, a change
    ticket closed): its own record at the time it was done with, beside the request's, when
    its status says so and that came 2 minutes to 7 days after it was asked for."""
    from pm_tui.collectors.deploy_records import at

    if "end" not in fields or not _DONE_STATUS.search(str(out.get("status") or "")):
        return None
    end = at(record, fields["end"])
    holder = at(record, fields["end"].rsplit(".", 1)[0]) if "." in fields["end"] else None
    if isinstance(holder, dict):
        # a record's timestamps of each step (`status-timestamps`): its last says when it was done
        stamps = []
        for value in holder.values():
            try:
                stamps.append((_record_time(value), value))
            except (ValueError, OverflowError, OSError, TypeError):
                continue
        end = max(stamps, key=lambda s: s[0])[1] if stamps else end
    try:
        asked, done = _record_time(out["time"]), _record_time(end)
    except (ValueError, OverflowError, OSError, TypeError):
        return None
    if not timedelta(minutes=2) <= done - asked <= timedelta(days=7):
        return None
    return {**out, "time": end}


# a pipeline's step that ships what the run built (`deploy:prod`, `apply`, `release`)
_SHIPPING = {"deploy", "deployment", "release", "rollout", "apply", "sync", "promote", "publish"}
_STEP_END = {"finished", "completed", "ended", "end", "done"}
_STEP_FAILED = re.compile(r"fail|error|cancel|skip|abort|manual|created|pending|running", re.I)


def _deployed_step(record: dict, out: dict) -> dict | None:
    """A run (a CI pipeline, a workflow) whose steps are listed with it, one of which ships
    (`deploy:prod`, stage `deploy`) and succeeded: the change took effect when that step
    finished, 30 s to a day after the run was created; that as its own record."""
    from pm_tui.collectors.deploy_records import looks_like_time, words

    best = None
    for value in record.values():
        if not isinstance(value, list):
            continue
        for step in value:
            if not isinstance(step, dict):
                continue
            said = {
                w
                for k in ("name", "stage", "type", "kind", "task")
                if isinstance(step.get(k), str)
                for w in words(step[k])
            }
            status = str(step.get("status") or step.get("state") or step.get("result") or "")
            if not said & _SHIPPING or _STEP_FAILED.search(status):
                continue
            for key, when in step.items():
                if isinstance(key, str) and set(words(key)) & _STEP_END and looks_like_time(when):
                    try:
                        t = _record_time(when)
                    except (ValueError, OverflowError, OSError):
                        continue
                    if best is None or t > best[0]:
                        best = (t, when, step, status)
    if best is None:
        return None
    try:
        created = _record_time(out["time"])
    except (ValueError, OverflowError, OSError, TypeError):
        return None
    if not timedelta(seconds=30) <= best[0] - created <= timedelta(days=1):
        return None
    name = str(best[2].get("name") or best[2].get("stage") or "deploy")
    return {**out, "time": best[1], "status": f"{name} {best[3]}".strip()}


def _csv_header(text: str) -> bool:
    from pm_tui.collectors.classify import header_table

    return header_table(text) is not None


def _from_csv(text: str, source: str) -> tuple[list[dict], str]:
    """A table's rows (CSV, TSV, `;` or `|` separated, with a header naming the columns)
    read by their columns' names as a JSON export's records are."""
    from pm_tui.collectors.classify import header_table

    rows = header_table(text, limit=text.count("\n") + 1) or []
    try:
        return _from_records(rows, source)
    except CollectorError:
        raise CollectorError(
            f"{source}: the table's header needs a time column and a service, revision or "
            f"actor column ({', '.join(FIELDS)})"
        ) from None


_HASH = re.compile(r"^[0-9a-f]{7,40}$")
_DATE_IN = re.compile(
    r"(\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:\.\d+)?(?: ?[+-]\d\d:?\d\d|Z)?"
    r"|(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?\d{1,2} [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d [+-]\d{4}"
    r"|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} \d{1,2} \d\d:\d\d:\d\d \d{4} [+-]\d{4}"
    r"|\b1\d{9}\b)"
)


def git_line_record(line: str) -> dict | None:
    """One commit from a one-line `git log --format=...`: a hash, a date (ISO, RFC 2822,
    git's default or epoch), the author and the subject, separated by tabs, pipes or spaces."""
    line = line.rstrip("\r\n")
    for sep in ("\t", "|", ";"):
        parts = [p.strip() for p in line.split(sep)]
        if len(parts) >= 3:
            break
    else:
        parts = []
    if parts:
        dated = [i for i, p in enumerate(parts) if _DATE_IN.fullmatch(p)]
        if dated:
            i = dated[0]
            rest = [p for j, p in enumerate(parts) if j != i and not _HASH.match(p)]
            commit = next((p for p in parts if _HASH.match(p)), "")
            if len(rest) >= 2:
                author, subject = rest[0], sep.join(rest[1:])
            else:
                author, subject = "", rest[0] if rest else ""
            return {"time": parts[i], "actor": author, "description": subject,
                    "version": commit[:10], "_git": True}  # fmt: skip
    m = _DATE_IN.search(line)
    if m is None:
        return None
    before, after = line[: m.start()].split(), line[m.end() :].split()
    commit = next((p for p in before if _HASH.match(p)), "")
    if not commit and not (after and _HASH.match(after[0])):
        return None
    if not commit:
        commit, after = after[0], after[1:]
    author_words = []
    for word in after:
        if len(author_words) >= 2 or not word[:1].isupper() or word.endswith(":"):
            break
        author_words.append(word)
    subject = " ".join(after[len(author_words) :]) or " ".join(after)
    return {"time": m.group(0), "actor": " ".join(author_words), "description": subject,
            "version": commit[:10], "_git": True}  # fmt: skip


def _from_git_log(text: str) -> tuple[list[dict], int]:
    if re.search(r"^commit [0-9a-f]{7,40}", text[:4096], re.MULTILINE):
        return _from_git_blocks(text)
    records, bad = [], 0
    for line in text.splitlines():
        if not line.strip():
            continue
        record = git_line_record(line)
        if record is None:
            bad += 1
        else:
            records.append(record)
    return records, bad


def _from_git_blocks(text: str) -> tuple[list[dict], int]:
    """`git log` in its default or --pretty=fuller/medium shape (commit, Author:, Date:, body)."""
    records: list[dict] = []
    current: dict | None = None
    for line in text.splitlines():
        if line.startswith("commit "):
            current = {"version": line.split()[1][:10], "_git": True, "description": ""}
            records.append(current)
        elif current is None:
            continue
        elif line.startswith(
            ("Author:", "Date:", "AuthorDate:", "CommitDate:", "Commit:", "Merge:")
        ):
            key, _, value = line.partition(":")
            value = value.strip()
            if key == "Author":
                current["actor"] = value.split(" <", 1)[0]
            elif key in ("Date", "AuthorDate") and "time" not in current:
                current["time"] = value
            elif key == "CommitDate" and value:
                # --pretty=fuller: when the commit entered the history (a pull request merged
                # on the forge, a rebase), which is when it could ship; the author wrote it
                # earlier (AuthorDate)
                current["time"] = value
        elif line.startswith("    ") and not current["description"] and line.strip():
            current["description"] = line.strip()
    bad = sum("time" not in r for r in records)
    return [r for r in records if "time" in r], bad


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
