"""A Kubernetes API server's audit log (`audit.k8s.io` Events) read as the change record it is.

Each line of the log is one API request: who (`user.username`), what was done (`verb`, with
`objectRef.subresource`), to which object (`objectRef`: resource, namespace, name), whether it
was allowed (`responseStatus.code`) and, at the Request level, what was asked for
(`requestObject`). A person's or a delivery tool's write to a workload, a CronJob, a config
map or a secret is a change to the system; the rest of the log is the cluster talking to
itself (reads, watches, leader leases, controllers writing status, kubelets) and is dropped.
"""

from __future__ import annotations

import re

# the verbs that change an object (reads are get, list, watch)
WRITE_VERBS = {"create", "update", "patch", "delete", "deletecollection"}
# objects the control plane rewrites all day: leader leases, events, endpoints, reviews
_CHURN = {
    "leases", "events", "endpoints", "endpointslices", "tokenreviews", "subjectaccessreviews",
    "selfsubjectaccessreviews", "selfsubjectrulesreviews", "localsubjectaccessreviews",
    "componentstatuses", "bindings",
}  # fmt: skip
# a request on these parts of an object reads or talks to it, or reports its state
_NOT_A_CHANGE = {"status", "exec", "attach", "portforward", "proxy", "log", "token", "binding"}
# the control plane acting on its own: controllers, the scheduler, kubelets, the API server
_CONTROL_PLANE = re.compile(
    r"^system:(?:kube-|node:|apiserver|serviceaccount:kube-system:|volume-scheduler|"
    r"anonymous|unsecured)"
)
# a Job a CronJob created is named after it with the scheduled minute (`rating-29012340`)
_CRON_SUFFIX = re.compile(r"-\d{8,}$")
# the values of a request body worth saying, by their last field's name
_SAID = ("image", "replicas", "suspend", "paused", "schedule", "concurrencyPolicy",
         "parallelism", "minReplicas", "maxReplicas")  # fmt: skip


def is_audit_event(record: object) -> bool:
    """An `audit.k8s.io` Event: an API request as the API server's audit log writes it."""
    if not isinstance(record, dict):
        return False
    api = str(record.get("apiVersion") or "")
    if api.startswith("audit.k8s.io/"):
        return True
    return "verb" in record and isinstance(record.get("objectRef"), dict) and "auditID" in record


def audit_events(data: object) -> list[dict] | None:
    """The audit Events of a parsed document (JSON lines as a list, a list, an `EventList`),
    or None when it is no audit log (most of its first records are not audit Events)."""
    if isinstance(data, dict) and isinstance(data.get("items"), list):
        data = data["items"]
    if not isinstance(data, list) or not data:
        return None
    sample = data[:50]
    if sum(map(is_audit_event, sample)) * 2 <= len(sample):
        return None
    return [r for r in data if is_audit_event(r)]


def audit_changes(events: list[dict]) -> list[dict]:
    """The writes that changed the cluster, as change records in the changes collector's
    words (time, service, version, actor, action, description, category, status): allowed
    (`code` under 400), once per request (its `ResponseComplete` stage when the log has it),
    not a status report, a read of logs or an exec, and not the control plane's own."""
    complete = {e.get("auditID") for e in events if e.get("stage") == "ResponseComplete"}
    seen: set[object] = set()
    out = []
    for event in events:
        verb = str(event.get("verb") or "").lower()
        ref = event.get("objectRef") if isinstance(event.get("objectRef"), dict) else {}
        user = event.get("user") if isinstance(event.get("user"), dict) else {}
        actor = str(user.get("username") or "")
        as_user = event.get("impersonatedUser")
        if isinstance(as_user, dict) and as_user.get("username"):
            actor = str(as_user["username"])
        audit_id = event.get("auditID")
        if (
            verb not in WRITE_VERBS
            or str(ref.get("resource") or "") in _CHURN
            or str(ref.get("subresource") or "") in _NOT_A_CHANGE
            or _CONTROL_PLANE.match(actor)
            or _refused(event)
            or (audit_id in complete and event.get("stage") != "ResponseComplete")
            or (audit_id is not None and audit_id in seen)
        ):
            continue
        seen.add(audit_id)
        out.append(_record(event, verb, ref, actor))
    return out


def _refused(event: dict) -> bool:
    status = event.get("responseStatus")
    code = status.get("code") if isinstance(status, dict) else None
    return isinstance(code, int) and code >= 400


def _record(event: dict, verb: str, ref: dict, actor: str) -> dict:
    resource = str(ref.get("resource") or "")
    name = str(ref.get("name") or "")
    namespace = str(ref.get("namespace") or "")
    sub = str(ref.get("subresource") or "")
    values = _request_values(event.get("requestObject"))
    image = next((v for k, v in values if k == "image"), "")
    what = f"{resource}/{name}" if name else resource
    text = f"{verb} {what}{'/' + sub if sub else ''}"
    if namespace:
        text += f" in {namespace}"
    if values:
        text += ": " + ", ".join(f"{k}={v}" for k, v in values)
    category = (
        "deploy" if image else "config" if resource in ("configmaps", "secrets") else "change"
    )
    return {
        "time": event.get("requestReceivedTimestamp") or event.get("stageTimestamp") or "",
        "service": _CRON_SUFFIX.sub("", name) if resource == "jobs" else name,
        "version": image.rsplit(":", 1)[-1] if ":" in image.rsplit("/", 1)[-1] else "",
        "actor": actor,
        "action": f"{verb} {sub}".strip(),
        "description": text,
        "category": category,
    }


def _request_values(body: object, depth: int = 0) -> list[tuple[str, str]]:
    """What a request body set that people say (`image`, `replicas`, `suspend`...), in order."""
    found: list[tuple[str, str]] = []
    if depth > 8:
        return found
    if isinstance(body, dict):
        for key, value in body.items():
            if key in _SAID and isinstance(value, str | int | bool) and value is not None:
                said = str(value).lower() if isinstance(value, bool) else str(value)
                if (key, said) not in found:
                    found.append((key, said))
            else:
                found += [v for v in _request_values(value, depth + 1) if v not in found]
    elif isinstance(body, list):
        for item in body[:10]:
            found += [v for v in _request_values(item, depth + 1) if v not in found]
    return found[:4]
