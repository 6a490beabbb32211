"""JSON-lines records: decoding a line, its fields as a record, and its time read early.

Most JSON logs start every line with their time key (`{"ts":"2025-02-09T10:05:01.123Z",...`).
`time_reader` makes a reader of that value from the raw line, before any decoding, and returns the very
time full decoding would find, or None when it cannot be sure (then the line is decoded as
usual). The log collector uses it to skip decoding lines outside the incident window, which
in a long file are most lines, and to skip the time keys' search for lines inside it.

Sure means: the key is the object's first key (so top level, not in a string), it is the
highest-ranked time key present, it appears once (JSON keeps the last of duplicate keys),
no key can hide behind a `\\u00XX` escape of a printable ASCII character, the value needs no
unescaping, and the line ends with `}`. A line that passes these checks yet is malformed further on is counted as a
record, not as unparsed, when it lies outside the window (its time is all that is used).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import datetime

import orjson

from pm_tui.collectors.logs.timestamps import normalise_level, status_level, zulu_time

TIME_KEYS = (
    "ts",
    "time",
    "timestamp",
    "@timestamp",
    "t",
    "datetime",
    "date",
    "asctime",
    "requestReceivedTimestamp",
    "eventTime",  # Kubernetes, CloudTrail audit
    "__REALTIME_TIMESTAMP",
)  # fmt: skip  (journalctl -o json)
LEVEL_KEYS = ("level", "lvl", "severity", "log.level", "levelname", "loglevel", "PRIORITY")
MSG_KEYS = (
    "msg",
    "message",
    "log",
    "event",
    "text",
    "MESSAGE",
    "Message",  # AWS APIs' events (RDS, ElastiCache, DMS describe-events)
    "@message",
    "textPayload",
    "jsonPayload.message",
)  # fmt: skip  (journald, CloudWatch Insights, Cloud Logging)
# journald's PRIORITY is the syslog severity, a digit as a string
_SYSLOG_SEVERITY = {"0": "critical", "1": "critical", "2": "critical", "3": "error",
                    "4": "warning", "5": "info", "6": "info", "7": "debug"}  # fmt: skip
_RECORD_KEYS = frozenset(TIME_KEYS + LEVEL_KEYS + MSG_KEYS)
_SCALARS = (str, int, float, bool)
_SCALAR_TYPES = frozenset(_SCALARS)

# JSON whitespace only (Python's \s accepts more than json.loads does); JSON number grammar
# with ASCII digits only (Python's \d accepts other scripts' digits, json.loads does not).
_HEAD = re.compile(
    r'\{[ \t]*"('
    + "|".join(re.escape(k) for k in TIME_KEYS)
    + r')"[ \t]*:[ \t]*(?:"([^"\\\x00-\x1f]*)"'
    r"|(-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)[ \t]*[,}])"
)
# an escaped printable ASCII character: the only way a key could be spelt without its letters
# (escaped accents, CJK and emoji are common with ensure_ascii writers and hide nothing)
_ASCII_ESCAPE = re.compile(r"\\u00[2-7][0-9a-fA-F]")
# for each time key, the quoted keys that the time keys' search would prefer to it
_HIGHER = {k: tuple(f'"{h}"' for h in TIME_KEYS[:i]) for i, k in enumerate(TIME_KEYS)}

_scan = json.JSONDecoder().scan_once
# orjson, a dependency, decodes about four times faster (see decode_object); a test sets
# this to None to check that both paths give the same records
_orjson_loads = orjson.loads
# 19 digits: may not fit 64 bits. After a colon (an object's value; whitespace as JSON allows)
# a literal-led search costs little; anywhere (in an array) only for lines with an array.
_BIG_VALUE = re.compile(r":[ \t\r\n]*-?[0-9]{19}")
_BIG = re.compile(r"[0-9]{19}")


def decode_object(line: str) -> object:
    """`json.loads(line)`, cheaper for a line that is just `{...}`; ValueError when not JSON.

    orjson decodes it about four times faster. It refuses NaN, infinities
    and lone surrogates (then json.loads decodes the line) and gives integers beyond 64 bits
    as floats, so a line that may hold one (19 digits after a colon, or in an array) goes to
    json.loads as well. Nesting too deep for json.loads is not JSON either.
    """
    if line[:1] == "{" and line[-1:] == "}":
        if _orjson_loads is not None:
            if _BIG_VALUE.search(line) is None and ("[" not in line or not _BIG.search(line)):
                try:
                    return _orjson_loads(line)
                except ValueError:
                    pass
        else:
            try:
                value, end = _scan(line, 0)
            except (StopIteration, ValueError, RecursionError):
                end = -1
            if end == len(line):
                return value
    try:
        return json.loads(line)
    except RecursionError:
        raise ValueError("nested too deeply") from None


# An access log written as JSON (ingress-nginx, Envoy, Caddy, ECS): no level and no message,
# an HTTP status and the request instead. Its record reads as the access layout's does
# ("POST /pay HTTP/2.0 503", an error for 5xx), so its 5xx are errors like any other log's.
_STATUS_KEYS = (
    "status",
    "status_code",
    "http_status",
    "response_code",
    "http.response.status_code",
)
_REQUEST_KEYS = ("request", "request_uri", "uri", "path", "url", "http.request.path")
_METHOD_KEYS = ("method", "request_method", "http.request.method")


# An audit log written as JSON (Vault, Kubernetes, CloudTrail, most SaaS audit trails): no level
# and no message, who did what to which object. Its record reads "update
# database/rotate-role/billing-app by oidc-teodor.petrov", with the three kept apart as
# `audit_op`, `audit_target` and `audit_actor` (pm_tui.timeline reads writes by people as changes).
_AUDIT_OP_KEYS = ("request.operation", "verb", "eventName", "operation", "action")
_AUDIT_ACTOR_KEYS = (
    "auth.display_name",
    "user.username",
    "userIdentity.arn",
    "userIdentity.userName",
    "actor.email",
    "actor.name",
    "actor",
    "user",
)
_AUDIT_TARGET_KEYS = (
    "request.path",
    "requestURI",
    "requestParameters.dBInstanceIdentifier",
    "resource",
    "target",
    "object",
)


def _audit_record(fields: dict) -> tuple[str, dict] | None:
    op = next((v for v in map(lambda k: _field(fields, k), _AUDIT_OP_KEYS) if v), None)
    actor = next((v for v in map(lambda k: _field(fields, k), _AUDIT_ACTOR_KEYS) if v), None)
    if not isinstance(op, str) or not isinstance(actor, str):
        return None
    ref = fields.get("objectRef")
    if isinstance(ref, dict) and ref.get("name"):  # Kubernetes: resource namespace/name
        where = "/".join(str(ref[k]) for k in ("namespace", "name") if ref.get(k))
        target = f"{ref.get('resource', '')} {where}".strip()
    else:
        target = next((v for v in map(lambda k: _field(fields, k), _AUDIT_TARGET_KEYS) if v), "")
    target = target if isinstance(target, str) else ""
    if fields.get("type") == "response":  # Vault logs each request twice: its answer is the echo
        return None
    words = " ".join(x for x in (op, target, f"by {actor}") if x)
    return words, {"audit_op": op, "audit_actor": actor, "audit_target": target}


def _event_error(fields: dict, level: str | None, msg: str) -> tuple[str | None, str]:
    """A client's event beacon (a player's or an app's analytics: `"event": "error"` with an
    `error` object) says what failed in that object: "error: CKC request failed: HTTP 429
    (6007)", an error when it was fatal, a warning when the client carried on."""
    err = fields["error"]
    said = next(
        (str(err[k]) for k in ("message", "msg", "type", "name", "reason") if err.get(k)), ""
    )
    if not said:
        return level, msg
    code = err.get("code")
    msg = f"{msg}: {said}" + (f" ({code})" if code not in (None, "") else "")
    if level is None:
        fatal = fields.get("fatal", err.get("fatal"))
        level = "warning" if fatal is False else "error"
    return level, msg


def _field(fields: dict, key: str) -> object:
    if key in fields:
        return fields[key]
    if "." in key:  # ECS nesting: {"http": {"response": {"status_code": 503}}}
        v: object = fields
        for part in key.split("."):
            v = v.get(part) if isinstance(v, dict) else None
        return v
    return None


def _access_record(fields: dict, level: str | None, msg: str) -> tuple[str | None, str]:
    status = next(
        (v for v in map(lambda k: _field(fields, k), _STATUS_KEYS) if v is not None), None
    )
    if isinstance(status, str) and status.isdigit():
        status = int(status)
    if type(status) is not int or not 100 <= status <= 599:
        return level, msg
    request = next(
        (v for v in map(lambda k: _field(fields, k), _REQUEST_KEYS) if isinstance(v, str)), ""
    )
    if not request:
        return level, msg
    method = next(
        (v for v in map(lambda k: _field(fields, k), _METHOD_KEYS) if isinstance(v, str)), ""
    )
    if method and not request.startswith(method):
        request = f"{method} {request}"
    level = status_level(status)
    return level, f"{request} {status}"


def fields_record(fields: dict) -> tuple[str | None, str, dict]:
    """Level (normalised), message and the other scalar fields of a decoded record.

    The other fields are `fields` itself, the record's keys taken out: pass a dict you own.
    """
    level = None
    for k in LEVEL_KEYS:
        v = fields.get(k)
        if v is None and "." in k:
            outer, inner = k.split(".")
            v = fields.get(outer, {}).get(inner) if isinstance(fields.get(outer), dict) else None
        if v is not None:
            level = _SYSLOG_SEVERITY.get(str(v)) if k == "PRIORITY" else normalise_level(v)
            break
    msg = ""
    for k in MSG_KEYS:
        if k in fields:
            msg = str(fields[k])
            break
        if "." in k and isinstance(fields.get(k.split(".")[0]), dict):
            inner = fields[k.split(".")[0]].get(k.split(".")[1])
            if inner is not None:
                msg = str(inner)
                break
    if isinstance(fields.get("error"), dict) and msg == str(fields.get("event", "")):
        level, msg = _event_error(fields, level, msg)
    audit = None
    if level is None and not msg:
        level, msg = _access_record(fields, level, msg)
        if not msg:
            audit = _audit_record(fields)
            if audit is not None:
                msg = audit[0]
    for k in _RECORD_KEYS.intersection(fields):
        del fields[k]
    if not _SCALAR_TYPES.issuperset(map(type, fields.values())):
        # nested objects, lists and nulls stay out; the usual record has none
        fields = {k: v for k, v in fields.items() if isinstance(v, _SCALARS)}
    if audit is not None:
        fields.update(audit[1])
    return level, msg, fields


def time_reader(
    value_time: Callable[[object, object], datetime | None], ctx: object
) -> Callable[[str], datetime | None]:
    """A reader of JSON lines' times before decoding (see the module doc); one per file.

    `value_time(value, ctx)` must be the function full parsing applies to a time value.
    """
    # the file's usual shape, learnt from its lines: '{"ts":"', its length, '"ts"', its rivals
    prefix, size, quoted, higher = "", 0, "", ()

    def read(line: str) -> datetime | None:
        nonlocal prefix, size, quoted, higher
        if prefix and line.startswith(prefix):
            # a plain slice and a cache lookup, no regex (a closure: no attribute lookups)
            end = line.find('"', size)
            t = zulu_time(line[size:end]) if end > 0 else None
            if (
                t is not None
                and line[-1:] == "}"
                and ("\\u" not in line or not _ASCII_ESCAPE.search(line))
                and line.count(quoted) == 1
                and not (higher and any(h in line for h in higher))
            ):
                return t
        if line[-1:] != "}" or ("\\u" in line and _ASCII_ESCAPE.search(line)):
            return None
        m = _HEAD.match(line)
        if m is None:
            return None
        key, text = m.group(1), m.group(2)
        rivals = _HIGHER[key]
        if line.count(f'"{key}"') != 1 or any(h in line for h in rivals):
            return None
        if text is None:
            # json gives an int or a float; value_time applies float() to either alike
            return value_time(float(m.group(3)), ctx)
        t = value_time(text, ctx)
        if t is not None and prefix != line[: m.start(2)]:
            prefix, size = line[: m.start(2)], m.start(2)
            quoted, higher = f'"{key}"', rivals
        return t

    return read
