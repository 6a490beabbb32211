"""Deploy and change records in any tool's JSON: which list holds them, which field says what.

A deploy tool's export (AWX/Tower jobs, Argo CD history, Spinnaker executions, Jenkins builds,
Octopus deployments, GitLab or GitHub deployments, Heroku releases, feature-flag audit logs...)
is a list of records, at the top, under a list field (`results`, `Items`, `builds`) or one
level down (`status.history`). Each record's fields are read by their names' words, at any
depth up to four (`summary_fields.created_by.username`, `trigger.user`,
`actions.lastBuiltRevision.SHA1`), and a time must read as a time:

- time: a field named by a time word (`deployedAt`, `started`, `Created`, `timestamp`...)
  whose values are ISO/RFC 2822 times or epoch seconds/milliseconds;
- revision: revision, version, sha, commit, ref, tag, image, release, build, hash, digest;
- actor: user, actor, author, creator, deployer, owner, member, login, email, `..._by`;
- service: service, app, application, component, project, repo, name, job, pipeline, flag,
  feature, stack, workload, environment, cluster, namespace, target, resource.

A field ending in `id`, `url`, `type`... names the thing's handle, not the thing. Exact
field names (`classify.exact_fields`) are tried first, the words after.

The records are deploys when a time is found and a revision with a service or an actor, or
a service or an actor with a change word (deploy, release, rollout, sync, build, job,
pipeline, execution, flag, feature, audit, history...) in the list's name, the fields'
names, the document's type or the records' type/kind/task. A change record of a tool that is
no deploy tool (a quota or access request history, a cloud audit trail, a change ticket
export) is one too: a field saying what was done (`action`, `operation`, `verb`, `event`) or
to which value (`desired`, `requested`, `previous`/`old`/`new`), not the actor's own field
(`requested_by` names a person), or a verb of changing in its type/action/event value
(`UpdateService`, `quota.increase`). A list of users or of tickets has times and names but
neither: it stays unread.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MAX_DEPTH = 4
SAMPLE = 50
_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
_SPLIT = re.compile(r"[._\-\s@/:]+")
_ISO = re.compile(r"^\d{4}-\d\d-\d\d[T ]\d\d:\d\d")
_VERSION = re.compile(r"^v?\d+\.\d+")
_RFC2822 = re.compile(r"^(?:[A-Z][a-z]{2}, )?\d{1,2} [A-Z][a-z]{2} \d{4} \d\d:\d\d")
# a JavaScript Date's toString (a browser's CSV download): `Tue Jun 02 2026 09:31:07 GMT+0000 (...)`
JS_DATE = re.compile(
    r"^(?:[A-Z][a-z]{2} )?([A-Z][a-z]{2}) (\d{1,2}) (\d{4}) (\d\d:\d\d:\d\d) GMT([+-]\d{4})"
)

TIME_WORDS = {
    "deployed": 0, "started": 1, "start": 1, "created": 2, "creation": 2, "timestamp": 3,
    "time": 3, "date": 3, "datetime": 3, "ts": 3, "at": 3, "when": 3, "finished": 4, "end": 4,
    "completed": 4, "updated": 5, "modified": 5,
}  # fmt: skip
REVISION_WORDS = {
    "revision": 0, "sha": 0, "sha1": 0, "commit": 0, "ref": 0, "version": 1, "tag": 1,
    "image": 1, "release": 1, "hash": 1, "digest": 1, "changeset": 1, "build": 2,
    "definition": 2,
    # what a fleet rollout ships: a package, an artifact, a bundle (`storeagent-3.8.0`)
    "package": 2, "pkg": 2, "artifact": 2, "artefact": 2, "bundle": 2,
}  # fmt: skip
ACTOR_WORDS = {
    "actor", "user", "username", "author", "creator", "deployer", "by", "owner", "initiator",
    "requester", "member", "login", "email", "launched", "triggered", "initiated", "requested",
    "who", "caller", "principal", "performer", "performed", "executor", "operator", "modifier",
}  # fmt: skip
# the last word a person's field ends with: its name or handle, not its id or avatar
ACTOR_LAST = ACTOR_WORDS | {"name", "display", "mail", "value"}
SERVICE_WORDS = {
    "service": 0, "app": 0, "application": 0, "component": 0, "project": 1, "repo": 1,
    "repository": 1, "name": 2, "job": 2, "pipeline": 2, "flag": 2, "feature": 2, "stack": 2,
    "workload": 2, "deployment": 2, "environment": 3, "env": 3, "cluster": 3, "namespace": 3,
    "target": 3, "resource": 3,
}  # fmt: skip
# a field ending with one of these holds a handle or a description of the thing
HANDLE_LAST = {"id", "ids", "uid", "url", "uri", "href", "link", "links", "type", "count",
               "avatar", "path", "number", "state", "status", "class", "size", "description"}  # fmt: skip
CHANGE_WORDS = {
    "deploy", "deploys", "deployment", "deployments", "deployed", "deployer", "release",
    "releases", "rollout", "rollouts", "rollback", "sync", "synced", "build", "builds", "job",
    "jobs", "pipeline", "pipelines", "execution", "executions", "change", "changes",
    "changeset", "flag", "flags", "feature", "features", "audit", "auditlog", "promotion",
    "upgrade", "revision", "revisions", "history", "helm", "migration", "run", "runs",
}  # fmt: skip
# a field named so says what a record did or to which value: a change of some tool
ACTION_WORDS = {
    "action", "actions", "operation", "operations", "verb", "desired", "requested", "previous",
    "old", "new", "applied", "approved",
}  # fmt: skip
# a verb of changing in a record's type/kind/action/event value (`UpdateService`,
# `quota.increase`, `on-sync-running`)
CHANGE_VERBS = {
    "update", "updated", "create", "created", "delete", "deleted", "patch", "patched", "put",
    "set", "modify", "modified", "apply", "applied", "approve", "approved", "increase",
    "increased", "decrease", "decreased", "enable", "enabled", "disable", "disabled", "rotate",
    "rotated", "scale", "scaled", "restart", "restarted", "revert", "reverted", "commit",
    "committed", "toggle", "toggled", "migrate", "upgrade", "upgraded", "grant", "revoke",
    "resize", "resized", "replace", "replaced", "promote", "promoted", "attach", "detach",
}  # fmt: skip
# a time field saying when a request was done with (approved, applied, closed...)
END_WORDS = {"finished", "completed", "end", "ended", "closed", "resolved", "applied",
             "approved", "updated", "modified", "done", "fulfilled"}  # fmt: skip
# a time field saying when something was asked for, not done: a request's
REQUEST_TIME_WORDS = {"created", "creation", "requested", "submitted", "opened", "filed"}
# the field saying what a record did, and the value it asked for
ACTION_LAST = {"action", "operation", "verb", "event", "activity", "method", "change", "log"}
VALUE_WORDS = {"desired", "requested", "new"}
LIST_WORDS = {"builds", "history", "executions", "jobs", "runs", "pipelines", "audit", "log"}
CATEGORY_KEYS = {"type", "kind", "task", "category", "action", "event", "job_type", "itemtype",
                 "operation", "operationname", "verb", "eventname", "event_name", "activity"}  # fmt: skip


def words(name: str) -> list[str]:
    """The lower-case words of a field name or path (`scm_revision` -> scm, revision;
    `DeployedBy` -> deployed, by; `actions.lastBuiltRevision.SHA1` -> ..., sha, 1)."""
    return [w.lower() for part in _SPLIT.split(name) for w in _WORD.findall(part)]


def at(record: dict, path: str):
    """The value at a dotted path; a list on the way gives its first element holding the rest."""
    value: object = record
    for key in path.split("."):
        if isinstance(value, list):
            value = next((v[key] for v in value if isinstance(v, dict) and v.get(key)), None)
        elif isinstance(value, dict):
            value = value.get(key)
        else:
            return None
        if value is None:
            return None
    return value


def looks_like_time(value: object) -> bool:
    """An ISO or RFC 2822 time, or epoch seconds or milliseconds (2001-2096)."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return 1e9 <= value < 4e9 or 1e12 <= value < 4e12
    if isinstance(value, str):
        text = value.strip()
        if text.isdigit():
            return looks_like_time(int(text))
        return bool(
            _ISO.match(text) or _RFC2822.match(text) or JS_DATE.match(text) or spoken_time(text)
        )
    return False


# a time as a console's CSV download writes it for people: `6/2/2026, 9:31:07 AM`,
# `06/02/2026 09:31:07`, `Jun 2, 2026, 9:31:07 AM`, `2 Jun 2026 09:31`
_SPOKEN = (
    (re.compile(r"^\d{1,2}/\d{1,2}/\d{4},? \d{1,2}:\d\d(?::\d\d)? ?[AP]M\b", re.I),
     ("%m/%d/%Y %I:%M:%S %p", "%m/%d/%Y %I:%M %p")),
    (re.compile(r"^\d{1,2}/\d{1,2}/\d{4},? \d\d:\d\d(?::\d\d)?$"),
     ("%m/%d/%Y %H:%M:%S", "%m/%d/%Y %H:%M")),
    (re.compile(r"^[A-Z][a-z]{2} \d{1,2},? \d{4},? \d{1,2}:\d\d(?::\d\d)?(?: ?[AP]M)?$", re.I),
     ("%b %d %Y %I:%M:%S %p", "%b %d %Y %I:%M %p", "%b %d %Y %H:%M:%S", "%b %d %Y %H:%M")),
    (re.compile(r"^\d{1,2} [A-Z][a-z]{2} \d{4},? \d\d:\d\d(?::\d\d)?$"),
     ("%d %b %Y %H:%M:%S", "%d %b %Y %H:%M")),
)  # fmt: skip


def spoken_time(text: str):
    """The UTC time of a console's human-written time (`_SPOKEN`), or None; a day over 12 in
    the first place reads day/month."""
    from datetime import UTC, datetime

    for pattern, layouts in _SPOKEN:
        if not pattern.match(text):
            continue
        plain = " ".join(text.replace(",", " ").split())
        if "/" in plain and int(plain.split("/", 1)[0]) > 12:
            layouts = tuple(f.replace("%m/%d", "%d/%m") for f in layouts)
        for layout in layouts:
            try:
                return datetime.strptime(plain, layout).replace(tzinfo=UTC)
            except ValueError:
                continue
    return None


@dataclass
class DeployReading:
    """The records of a deploy export, the path of each role's field, and the document's own
    name (an Argo CD Application's) for records that do not name their service."""

    records: list[dict]
    fields: dict[str, str]
    service: str = ""
    list_path: str = ""
    notes: list[str] = field(default_factory=list)

    def describe(self) -> str:
        """Which field gave each role, as `collect` says what it read: "time `at`, who
        `initiatedBy`, what `app`, version `targetRevision`" (a record list's name first)."""
        said = [
            f"{word} `{self.fields[role]}`"
            for role, word in (
                ("time", "time"),
                ("actor", "who"),
                ("service", "what"),
                ("action", "did"),
                ("revision", "version"),
                ("value", "to"),
                ("end", "done"),
            )  # fmt: skip
            if role in self.fields
        ]
        if "service" not in self.fields and self.service:
            said.append(f"what {self.service!r}")
        where = f"`{self.list_path}`: " if self.list_path else ""
        return f"{len(self.records)} in {where}{', '.join(said)}" if where else ", ".join(said)


def record_list(data: object) -> tuple[list[dict], str, dict | None] | None:
    """(records, where, the document holding them) of a deploy export; None when there is no
    list of records: the document itself, its first list field of a known name (any case),
    one level down (`status.history`), or its only list of objects."""
    from pm_tui.collectors.classify import LIST_FIELDS

    if isinstance(data, list):
        return [d for d in data if isinstance(d, dict)], "", None
    if not isinstance(data, dict):
        return None
    resources = json_api_records(data)
    if resources is not None:
        return resources, "data", data
    names = [*LIST_FIELDS, *sorted(LIST_WORDS)]
    found = _named_list(data, names)
    if found is not None:
        return found[0], found[1], data
    for key, inner in data.items():
        if isinstance(inner, dict):
            found = _named_list(inner, names)
            if found is not None:
                return found[0], f"{key}.{found[1]}", data
    lists = [
        (k, v) for k, v in data.items() if isinstance(v, list) and v and isinstance(v[0], dict)
    ]
    if len(lists) == 1:
        return [d for d in lists[0][1] if isinstance(d, dict)], lists[0][0], data
    grouped = _grouped(data, lists)
    if grouped is not None:
        return grouped, "", data
    deeper = _descend(data) if not lists else None
    if deeper is not None:
        return deeper
    keyed = [v for v in data.values() if isinstance(v, dict)]
    if not lists and len(keyed) >= 2 and len(keyed) == len(data):
        # records keyed by their id (`{"run-41": {...}, "run-42": {...}}`), each with a time
        timed = [k for k, v in data.items() if _has_time(v)]
        if len(timed) * 2 > len(data):
            return [{"id": k, **v} for k, v in data.items()], "", data
    if not lists:
        return [data], "", None  # one record alone (JSON lines of one line)
    return None


def _grouped(data: dict, lists: list[tuple[str, list]]) -> list[dict] | None:
    """Records of one shape grouped under the names of what they belong to (a deploy API's
    answer saved per project: `{"payments/settlement-writer": [...], "risk/risk-api": [...]}`),
    each with its group's name as its `service`; None unless every value is such a list and
    the lists' records share their fields (different lists of one answer, a service's
    `deployments` beside its `environments`, are no groups)."""
    if len(lists) < 2 or len(lists) != len(data):
        return None
    shapes = [set(v[0]) for _, v in lists]
    common = set.intersection(*shapes)
    if any(len(common) * 2 < len(shape) for shape in shapes):
        return None
    return [
        {"service": name, **r} if "service" not in r else r
        for name, group in lists
        for r in group
        if isinstance(r, dict)
    ]


def _descend(data: dict, depth: int = 3) -> tuple[list[dict], str, dict] | None:
    """The records further down a chain of single objects (a GraphQL answer's
    `data.stack.runs`, `data.repository.deployments.edges`): at each level the one object
    beside only plain values, until a level holds a list of objects."""
    from pm_tui.collectors.classify import LIST_FIELDS

    path: list[str] = []
    holder = data
    for _ in range(depth):
        inner = [(k, v) for k, v in holder.items() if isinstance(v, dict)]
        if len(inner) != 1:
            return None
        key, holder = inner[0]
        path.append(key)
        found = _named_list(holder, [*LIST_FIELDS, *sorted(LIST_WORDS)])
        lists = [
            (k, v)
            for k, v in holder.items()
            if isinstance(v, list) and v and isinstance(v[0], dict)
        ]
        if found is None and len(lists) == 1:
            found = ([d for d in lists[0][1] if isinstance(d, dict)], lists[0][0])
        if found is not None and found[0]:
            return found[0], ".".join([*path, found[1]]), holder
        if lists:
            return None
    return None


def json_api_records(data: dict) -> list[dict] | None:
    """The resources of a JSON:API document (`{"data": [{"id", "type", "attributes",
    "relationships"}], "included": [...]}`, as HCP Terraform and other APIs answer), each
    as one record: its attributes, its id and type, and each relationship by its name, as
    the related resource's attributes when the document includes it (`created-by.username`,
    `workspace.name`); None when `data` is no such document."""
    items = data.get("data")
    if isinstance(items, dict):
        items = [items]
    if not (isinstance(items, list) and items and all(
        isinstance(i, dict) and isinstance(i.get("attributes"), dict) and "type" in i
        for i in items
    )):  # fmt: skip
        return None
    included = {
        (i.get("type"), i.get("id")): i.get("attributes")
        for i in data.get("included") or []
        if isinstance(i, dict) and isinstance(i.get("attributes"), dict)
    }
    records = []
    for item in items:
        record = {**item["attributes"], "id": item.get("id"), "type": item.get("type")}
        for name, rel in (item.get("relationships") or {}).items():
            ref = rel.get("data") if isinstance(rel, dict) else None
            if isinstance(ref, dict) and (ref.get("type"), ref.get("id")) in included:
                record.setdefault(name, included[ref.get("type"), ref.get("id")])
        records.append(record)
    return records


def unwrap(records: list[dict]) -> list[dict]:
    """Records that each hold one object under one name (`{"update": {...}}`, as an API's
    describe answer wraps what it describes) as that object."""
    if records and all(
        len(r) == 1 and isinstance(next(iter(r.values())), dict) for r in records
    ):  # fmt: skip
        return [next(iter(r.values())) for r in records]
    wrapped = _wrapper_key(records)
    if wrapped is not None:
        # the object described beside the names of what it belongs to (EKS's
        # `describe-update` saved per node group: `{"update": {...}, "nodegroupName": ...,
        # "clusterName": ...}`): the object, with those names beside its own fields
        return [
            {**{k: v for k, v in r.items() if k != wrapped and k not in r[wrapped]}, **r[wrapped]}
            for r in records
        ]
    if records and all(isinstance(r.get("node"), dict) for r in records):
        return [r["node"] for r in records]  # a GraphQL connection's edges (`cursor`, `node`)
    return records


def _wrapper_key(records: list[dict]) -> str | None:
    """The one field under which every record holds an object with a time of its own, its
    other fields plain values (names, ids) and none of them a time; None otherwise."""
    sample = records[:SAMPLE]
    if not sample:
        return None
    keys = set()
    for r in sample:
        inner = [k for k, v in r.items() if isinstance(v, dict)]
        if len(inner) != 1 or any(isinstance(v, list) for v in r.values()):
            return None
        if not _has_time(r[inner[0]]) or _has_time(r):
            return None
        keys.add(inner[0])
    return keys.pop() if len(keys) == 1 else None


def _has_time(record: dict) -> bool:
    return any(
        looks_like_time(v) and set(words(k)) & set(TIME_WORDS)
        for k, v in record.items()
        if isinstance(k, str)
    )


def explode(records: list[dict]) -> tuple[list[dict], str]:
    """Records without a time of their own, each holding a list of timed records (a
    service's `deployments`), as those inner records, each with its holder's names and
    values beside its own (`serviceName`); and the inner list's name."""
    sample = records[:SAMPLE]
    if not sample or any(_has_time(r) for r in sample):
        return records, ""
    from pm_tui.collectors.classify import LIST_FIELDS

    names = [*LIST_FIELDS, *sorted(LIST_WORDS)]
    key = _timed_list(sample[0], names, deeper=_kube_objects(sample))
    if key is None:
        return records, ""
    out = []
    for holder in records:
        inner = at(holder, key) if "." in key else holder.get(key)
        outer = {k: v for k, v in holder.items() if isinstance(v, str | int | float)}
        if "." in key and (name := _document_name(holder)):
            # a list of objects each holding its own history (an Argo CD ApplicationList's
            # `items[].status.history`): each record is its object's, named in its metadata
            outer.setdefault("service", name)
        for item in inner if isinstance(inner, list) else []:
            if isinstance(item, dict):
                out.append({**{k: v for k, v in outer.items() if k not in item}, **item})
    return out, key


def _timed_list(holder: dict, names: list[str], deeper: bool) -> str | None:
    """The name of the list of timed records `holder` holds, at its top or, with `deeper`
    (Kubernetes objects: what runs, each with its own history), one object down
    (`status.history`)."""
    first = _named_list(holder, names)
    if first is not None and first[0] and _has_time(first[0][0]):
        return first[1]
    if first is not None or not deeper:
        return None
    for outer, inner in holder.items():
        if isinstance(outer, str) and isinstance(inner, dict):
            found = _named_list(inner, names)
            if found is not None and found[0] and _has_time(found[0][0]):
                return f"{outer}.{found[1]}"
    return None


def _kube_objects(records: list[dict]) -> bool:
    """Kubernetes objects (apiVersion, kind, metadata): an inventory of what runs, not changes
    (a HelmRelease's or an Argo CD Application's history is read from its history list)."""
    return bool(records) and all(
        "kind" in r
        and isinstance(r.get("metadata"), dict)
        and ("name" in r["metadata"] or "creationTimestamp" in r["metadata"])
        for r in records[:SAMPLE]
    )


def _named_list(data: dict, names: list[str]) -> tuple[list[dict], str] | None:
    lowered = {k.lower(): k for k in data if isinstance(k, str)}
    for name in names:
        key = name if name in data else lowered.get(name.lower())
        if key is not None and isinstance(data[key], list):
            return [d for d in data[key] if isinstance(d, dict)], key
    return None


def _leaves(
    value: object, prefix: str, depth: int, out: dict[str, object], listed: set | None = None
) -> None:
    """The record's values by their dotted paths; `listed` gets the paths reached through a
    list (a pipeline's `jobs.name`: one of its steps', not the record's own)."""
    if isinstance(value, dict):
        if depth >= MAX_DEPTH:
            return
        for k, v in value.items():
            if isinstance(k, str):
                _leaves(v, f"{prefix}.{k}" if prefix else k, depth + 1, out, listed)
    elif isinstance(value, list):
        inner: dict[str, object] = {}
        for item in value[:20]:
            if isinstance(item, dict):
                _leaves(item, prefix, depth, inner, listed)
        for path, v in inner.items():
            out.setdefault(path, v)
            if listed is not None and any(isinstance(i, dict) for i in value):
                listed.add(path)
    elif value is not None and value != "" and not isinstance(value, bool):
        out.setdefault(prefix, value)


def _by_words(records: list[dict]) -> tuple[dict[str, str], dict[str, list[str]]]:
    """Roles found by the words of every field path (nested too), and each path's words."""
    seen: dict[str, list[object]] = {}
    listed: set[str] = set()
    for r in records:
        leaves: dict[str, object] = {}
        _leaves(r, "", 0, leaves, listed)
        for path, value in leaves.items():
            seen.setdefault(path, []).append(value)
    all_words: dict[str, list[str]] = {}
    candidates: dict[str, list[tuple[tuple, str]]] = {}
    for order, (path, values) in enumerate(seen.items()):
        w = words(path)
        all_words[path] = w
        if not w:
            continue
        last, depth = w[-1], path.count(".")
        text = [v for v in values if isinstance(v, str)]
        if any(x in ACTOR_WORDS for x in w) and last in ACTOR_LAST and len(text) == len(values):
            if all(_handle_like(t) for t in text) is False:
                candidates.setdefault("actor", []).append(((depth, order), path))
                continue
        ranks = [TIME_WORDS[x] for x in w if x in TIME_WORDS]
        if ranks and sum(map(looks_like_time, values)) * 2 >= len(values):
            # one time shared by every record (a release's `firstDeployed`) is none's own
            same = len(values) > 1 and len({str(v) for v in values}) == 1
            candidates.setdefault("time", []).append(((same, min(ranks), depth, order), path))
            if set(w) & END_WORDS:
                candidates.setdefault("end", []).append(((depth, order), path))
            continue
        if len(text) == len(values) and (
            last in ACTION_LAST
            or (last in ("name", "value", "type", "kind") and set(w) & ACTION_LAST)
        ):  # `operationType`, `operationName.value`, `action.type`
            # a log's name (Cloud Logging's `logName`) says where a record was written, a
            # method or an operation what it did (`protoPayload.methodName`)
            logged = not set(w) & (ACTION_LAST - {"log"})
            candidates.setdefault("action", []).append(((logged, depth, order), path))
            continue
        if (
            set(w) & VALUE_WORDS
            and last not in HANDLE_LAST
            and not set(w) & {"by", "avatar"}
            and all(isinstance(v, str | int | float) for v in values)
            and not any("://" in t for t in text)
        ):
            candidates.setdefault("value", []).append(((depth, order), path))
            continue
        if last in HANDLE_LAST:
            continue
        ranks = [REVISION_WORDS[x] for x in w if x in REVISION_WORDS]
        if ranks and all(isinstance(v, str | int) for v in values):
            # a version people say (`v7.41.0`) reads better than a hash of the same rank
            hashed = not any(_VERSION.search(str(v)) for v in values)
            candidates.setdefault("revision", []).append(((min(ranks), hashed, depth, order), path))
            continue
        ranks = [SERVICE_WORDS[x] for x in w if x in SERVICE_WORDS]
        if (
            ranks
            and path not in listed  # a step's name (`jobs.name`) names no record
            and len(text) == len(values)
            and not any(map(_handle_like, text))
        ):
            candidates.setdefault("service", []).append(((min(ranks), depth, order), path))
    return {role: min(c)[1] for role, c in candidates.items()}, all_words


def _handle_like(text: str) -> bool:
    """A number (`#412`), a path or a URL: a handle, not a person's or a service's name."""
    text = text.strip()
    return not any(c.isalpha() for c in text) or text.startswith("/") or "://" in text


def _document_name(doc: dict | None) -> str:
    if not isinstance(doc, dict):
        return ""
    meta = doc.get("metadata")
    for value in (meta.get("name") if isinstance(meta, dict) else None, doc.get("name"),
                  doc.get("application"), doc.get("app"), doc.get("project"),
                  doc.get("repository"), doc.get("service")):  # fmt: skip
        if isinstance(value, dict):  # `"project": {"path_with_namespace": "search/synonyms"}`
            value = next(
                (value[k] for k in ("name", "path_with_namespace", "full_name", "slug")
                 if isinstance(value.get(k), str)),
                None,
            )  # fmt: skip
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def _change_words(where: str, doc: dict | None, records: list[dict], names: set[str]) -> bool:
    """A change word in the list's name or the fields' names (`names`: not the actor's), a
    field saying what was done or to which value, or a verb of changing in a record's
    type/kind/action/event value."""
    found = set(words(where)) | names
    if not found.isdisjoint(CHANGE_WORDS) or not found.isdisjoint(ACTION_WORDS):
        return True
    said: set[str] = set()
    for holder in [doc or {}, *records]:
        for key, value in holder.items():
            if isinstance(key, str) and key.lower() in CATEGORY_KEYS and isinstance(value, str):
                said.update(words(value))
    return (
        not said.isdisjoint(CHANGE_WORDS)
        or not said.isdisjoint(CHANGE_VERBS)
        or _category_changes(records)
    )


# a record's own state (`ResourceStatus`, `rolloutState`): a verb of changing there
# (`UPDATE_IN_PROGRESS`, `CREATE_COMPLETE`) says the record is a change's step
STATE_LAST = {"status", "state", "phase"}


def _category_changes(records: list[dict]) -> bool:
    """A verb of changing in a record's type/kind/action/event value or in its own state's
    (`VersionUpdate`, `UPGRADE_NODES`, `UPDATE_IN_PROGRESS`), at its top level."""
    for r in records:
        for key, value in r.items():
            if not isinstance(key, str) or not isinstance(value, str):
                continue
            w = words(key)
            if key.lower() in CATEGORY_KEYS or (w and (w[-1] in STATE_LAST or (
                w[-1] in ("type", "kind", "name") and set(w) & ACTION_LAST
            ))):  # fmt: skip
                if set(words(value)) & CHANGE_VERBS:
                    return True
    return False


def read_deploys(data: object) -> DeployReading | None:
    """The deploy records of a parsed JSON document with their fields, or None when it holds
    none (see the module's docstring for the rule)."""
    found = record_list(data)
    if found is None:
        return None
    records, where, doc = found
    lone = isinstance(data, dict) and not where and doc is None
    records = unwrap(records)
    records, inner = explode(records)
    if inner:
        where = f"{where}[].{inner}" if where else f"[].{inner}"
    if not records:
        return DeployReading([], {}, list_path=where)
    if _kube_objects(records):
        return None
    from pm_tui.collectors.classify import exact_fields

    sample = records[:SAMPLE]
    fields = exact_fields(sample)
    if "time" in fields and not any(looks_like_time(r.get(fields["time"])) for r in sample):
        del fields["time"]  # a field called `time` that holds no time ("time": "3m")
    by_words, path_words = _by_words(sample)
    document = _document_name(doc) if where else ""
    if document and "service" not in fields:
        by_words.pop("service", None)  # a Jenkins job's builds, an Argo CD app's history
    revision = fields.get("revision")
    if (
        revision
        and by_words.get("revision", revision) != revision
        and all(isinstance(r.get(revision), int) for r in sample)
        and any(_VERSION.search(str(at(r, by_words["revision"]) or "")) for r in sample)
    ):
        # a counter (`"version": 9`) beside a version people say (`chartVersion` 4.7.1)
        fields["revision"] = by_words["revision"]
    for role, path in by_words.items():
        fields.setdefault(role, path)
    if "time" not in fields:
        return None
    started = _started_field(sample, fields["time"], path_words)
    if started:
        fields["time"] = started  # a deploy is dated by its start (the sync began then)
    end = fields.pop("end", "")
    if (
        end
        and end != fields["time"]
        and "revision" not in fields
        and set(words(fields["time"])) & REQUEST_TIME_WORDS
    ):
        fields["end"] = end  # a request: asked for at its time, done with at its end
    if not ("service" in fields or "actor" in fields or document) and not (
        "action" in fields or _category_changes(records[:SAMPLE])
    ):
        # neither what nor who: a change only when it says what was done
        return None
    actor = fields.get("actor", "")
    names = {
        w
        for path, ws in path_words.items()
        if not actor or (path != actor and not path.startswith(actor + "."))
        for w in ws
    }
    if lone:
        # one object alone is a thing's description (a node group, a cluster), unless it
        # says what was done to it (`"type": "VersionUpdate"`)
        if not (
            _said_changes(sample, fields.get("action", ""))
            or _category_changes(sample)
            or ("action" in fields and ("actor" in fields or "value" in fields))
        ):
            return None
    elif (
        "revision" not in fields
        and not _change_words(where, doc, sample, names)
        and not _said_changes(sample, fields.get("action", ""))
        and not _change_tickets(sample)
    ):
        return None
    if _telemetry(sample, fields) or _alarm_transitions(where, fields):
        return None
    if job_history(sample, fields, path_words, where, document) is not None:
        return None
    # an audit trail's reads (get, list, describe...) changed nothing: not change records
    records = [r for r in records if not _a_read(r, fields.get("action", ""))]
    records = _writes_only(records, fields.get("action", ""))
    return DeployReading(records, fields, document, where)


# what a run of a job ended as (`Succeeded`, `FAILED`, `completed_with_errors`, `TimedOut`)
RUN_OUTCOMES = {
    "succeeded", "success", "successful", "ok", "passed", "complete", "completed", "done",
    "finished", "failed", "failure", "fail", "error", "errored", "errors", "cancelled",
    "canceled", "aborted", "running", "skipped", "timedout", "timeout", "timed", "out",
    "warning", "warnings", "partial", "with", "in", "progress", "queued", "waiting", "stopped",
    "terminated", "killed",
}  # fmt: skip
FAILED_RUN = {"failed", "failure", "fail", "error", "errored", "errors", "aborted", "timedout",
              "timeout", "timed", "terminated", "killed", "partial"}  # fmt: skip
OUTCOME_LAST = {"status", "state", "result", "conclusion", "outcome", "phase"}
# a job named so ships code each time it runs (a data `sync` or a `build` ships nothing)
DEPLOY_JOB = {"deploy", "deployment", "deployments", "release", "releases", "rollout",
              "rollback", "upgrade", "promote", "promotion"}  # fmt: skip
RUN_WORDS = {"run", "runs", "execution", "executions", "job", "jobs", "flow", "flows",
             "process", "integration", "recipe", "workflow", "workflows", "task", "tasks"}  # fmt: skip


def job_history(
    sample: list[dict],
    fields: dict[str, str],
    path_words: dict[str, list[str]],
    where: str,
    document: str = "",
) -> dict[str, str] | None:
    """The fields of a job's run history (an integration platform's runs: Azure Logic Apps'
    `value[].properties`, Workato's jobs, Boomi's execution records; Airflow's DAG runs): each
    record a run, with when it began, how it ended (`status` Succeeded/Failed/ERROR) and a span
    (an end time or a duration) or run words in its names, and neither a version shipped nor a
    person who acted. A failed run is a symptom, not a change: the history is a log. None
    when the records are no such runs; else {"time", "status", "name"?, "error"?}."""
    if "revision" in fields or "actor" in fields or "time" not in fields:
        return None
    if _category_changes(sample):
        return None  # `"type": "VersionUpdate"`: what was done to a thing
    named = set(words(document)) | set(words(where))
    if "service" in fields:
        named.update(w for r in sample for w in words(str(at(r, fields["service"]) or "")))
    if named & DEPLOY_JOB:
        return None  # a deploy job's builds (Jenkins' `deploy-prod`): each one ships
    holder = fields["time"].rpartition(".")[0]  # the run's own status, not one of its steps'
    status = next(
        (
            path
            for path, ws in path_words.items()
            if ws and ws[-1] in OUTCOME_LAST and path.rpartition(".")[0] == holder
        ),
        None,
    )
    if status is None:
        return None
    said = [at(r, status) for r in sample]
    outcomes = [set(words(v)) for v in said if isinstance(v, str) and v.strip()]
    if not outcomes or sum(o <= RUN_OUTCOMES for o in outcomes) * 10 < len(outcomes) * 9:
        return None
    names = set(words(where)) | {w for ws in path_words.values() for w in ws}
    for r in sample:
        for key in ("type", "kind", "@type"):
            if isinstance(r.get(key), str):
                names.update(words(r[key]))
    spans = any(
        path != fields["time"] and (set(ws) & END_WORDS or set(ws) & {"duration", "elapsed"})
        for path, ws in path_words.items()
    )
    if not (spans or names & RUN_WORDS):
        return None
    out = {"time": fields["time"], "status": status}
    if "service" in fields:
        out["name"] = fields["service"]
    told = [
        path
        for path, ws in path_words.items()
        if ws and set(ws) & {"error", "errors", "message", "reason", "failure"}
        and any(isinstance(at(r, path), str) for r in sample)
    ]  # fmt: skip
    # what went wrong in words (`error.message`) before its code (`error.code`)
    error = min(told, key=lambda p: path_words[p][-1] not in ("message", "reason"), default=None)
    if error:
        out["error"] = error
    return out


# the values an event field of a change record may hold beside the verbs of changing
_CHANGING = CHANGE_VERBS | CHANGE_WORDS | {"write", "insert", "remove", "add", "turned",
                                           "changed", "rolled", "reverted", "merge", "merged", "push",
                                           "pushed", "workflow", "dispatch", "trigger", "schedule"}  # fmt: skip
TELEMETRY_MIN = 20  # records in the sample before their event types can be called repetitive


def _telemetry(sample: list[dict], fields: dict[str, str]) -> bool:
    """Records that say what happened (`event`, `action`) in words that change nothing
    (`heartbeat`, `start`, `error`, `page_view`): a client's analytics beacon or a player's
    events, whatever version field they carry (`app_version` is the app's, not a release).
    They are telemetry when no one is named as having acted, or when a few event types repeat
    over most of the records (a beacon's many sessions may name a `user`)."""
    action = fields.get("action", "")
    said = [v for r in sample for v in _actions(r, action)]
    if not said or any(set(words(v)) & _CHANGING for v in said):
        return False
    named = [at(r, fields["service"]) for r in sample] if "service" in fields else []
    if any(set(words(str(v))) & _CHANGING for v in named if v):
        return False  # what the records name is a deploy job or a pipeline
    if "actor" not in fields:
        return True
    return len(sample) >= TELEMETRY_MIN and len(set(said)) * 5 <= len(said)


def _alarm_transitions(where: str, fields: dict[str, str]) -> bool:
    """An alarm's or an alert's history (CloudWatch's `AlarmHistoryItems`, a list named for
    alerts), by no one: transitions of a monitor, not changes."""
    named = set(words(where)) | set(words(fields.get("service", "")))
    return bool(named & {"alarm", "alarms", "alert", "alerts"}) and "actor" not in fields


_START_WORDS = {"started", "start", "begin", "began"}
_DONE_WORDS = {"deployed", "finished", "completed", "ended", "done"}


def _started_field(sample: list[dict], time: str, path_words: dict[str, list[str]]) -> str:
    """The field saying when a deploy began, when its time field says when it was done (Argo CD
    history's `deployStartedAt` beside `deployedAt`, minutes apart): a change is dated by its
    start, when its pods began to roll and its errors could begin (and a rollback started to
    undo them), not by when the tool marked it complete; "" when the records have no such
    field or it does not come before the done time (at most a day before) in every record."""
    from datetime import timedelta

    from pm_tui.collectors.changes import _record_time

    if not set(words(time)) & _DONE_WORDS or set(words(time)) & _START_WORDS:
        return ""
    head = time.rsplit(".", 1)[0] if "." in time else ""
    for path, ws in path_words.items():
        if path == time or not set(ws) & _START_WORDS or set(ws) & _DONE_WORDS:
            continue
        if (path.rsplit(".", 1)[0] if "." in path else "") != head:
            continue  # a field of the same record, not of one of its steps
        pairs = [(at(r, path), at(r, time)) for r in sample]
        pairs = [(a, b) for a, b in pairs if a is not None and b is not None]
        if not pairs:
            continue
        try:
            spans = [_record_time(b) - _record_time(a) for a, b in pairs]
        except (ValueError, OverflowError, OSError, TypeError):
            continue
        if all(timedelta(0) <= s <= timedelta(days=1) for s in spans):
            return path
    return ""


READ_VERBS = {
    "get", "list", "describe", "read", "watch", "head", "lookup", "query", "search", "view",
    "fetch", "download", "login", "logout", "authenticate", "check", "validate", "preview",
}  # fmt: skip


def _actions(record: dict, action: str) -> list[str]:
    """What a record says it did: its action field's value and its action/operation/verb/event."""
    said = []
    if action:
        value = at(record, action)
        if isinstance(value, str):
            said.append(value)
    for key, value in record.items():
        if isinstance(key, str) and key.lower() in CATEGORY_KEYS and isinstance(value, str):
            if key.lower() not in ("type", "kind", "category", "task"):
                said.append(value)
    return said


def _a_read(record: dict, action: str) -> bool:
    """A record whose action is a read (`GetObject`, `storage.objects.list`, `read`)."""
    for value in _actions(record, action):
        said = set(words(value))
        if said & READ_VERBS and not said & CHANGE_VERBS:
            return True
    return False


# the last word of an action that records a step of work (`tenant.migration.phase`,
# `...complete`, `...schedule`, `job.started`): progress of a change, not a change of its own
PROGRESS_LAST = {
    "phase", "step", "stage", "progress", "complete", "completed", "finish", "finished",
    "done", "start", "started", "begin", "schedule", "scheduled", "cleanup", "heartbeat",
    "status", "verify", "verified", "check", "checked", "pending", "queued", "running",
}  # fmt: skip


# a deploy's own steps (`DEPLOYMENT_COMPLETED`, `phased_release_started`) are its record
SHIPS = {"deploy", "deployment", "release", "rollout", "rollback", "upgrade", "sync", "build"}


def _writes_only(records: list[dict], action: str) -> list[dict]:
    """An audit trail's changes without its steps: when its action field names the object
    and then what happened to it (`tenant.routing.update`, `tenant.migration.phase`), a
    record whose action ends in a step of work (phase, complete, schedule, start...) and
    holds no verb of changing records the progress of a change, not one of its own."""
    if not action:
        return records

    def step(record: dict) -> bool:
        said = [words(v) for v in _actions(record, action)]
        return bool(said) and all(
            len(w) > 1 and w[-1] in PROGRESS_LAST and not set(w) & (CHANGE_VERBS | SHIPS)
            for w in said
        )

    return [r for r in records if not step(r)]


def _said_changes(records: list[dict], action: str) -> bool:
    """Records whose action field says they changed something (`v1.compute.firewalls.patch`,
    `Microsoft.Network/.../write`)."""
    verbs = CHANGE_VERBS | {"write", "insert", "remove", "add", "turned", "changed"}
    return any(set(words(v)) & verbs for r in records for v in _actions(r, action))


# a change ticket's number as change-management tools write it (CHG0040012, CRQ000123,
# CR-1182, CHANGE-77, RFC-12)
_CHANGE_NUMBER = re.compile(r"^(?:CHG|CRQ|CHN|CR|CHANGE|RFC)[-_ ]?\d{2,}$", re.I)


def _change_tickets(records: list[dict]) -> bool:
    """Change tickets: numbered as changes, or each with a span of work (a start and an end
    time) and a description of it."""
    if any(
        isinstance(v, str) and _CHANGE_NUMBER.match(v.strip())
        for r in records
        for k, v in r.items()
        if isinstance(k, str) and words(k)[-1:] in (["number"], ["id"], ["key"], ["ref"])
    ):
        return True
    for r in records:
        ws = {w for k in r if isinstance(k, str) for w in words(k)}
        if not (ws & {"start", "begin", "started"} and ws & {"end", "finish", "finished"}):
            return False
        if not ws & {"description", "summary", "title", "subject"}:
            return False
    return bool(records)
