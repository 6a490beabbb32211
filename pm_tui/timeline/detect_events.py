"""Detectors for discrete records: alert transitions, pages, changes (deploys, rollouts,
restarts, OOM kills) and chat messages that state a finding or an action."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import datetime, timedelta

from pm_tui.collectors.evidence import Evidence
from pm_tui.timeline.candidate import excerpt, source_label
from pm_tui.timeline.detect_bots import STATUS_CHANNEL
from pm_tui.timeline.signals import CAPACITY_RE, Periods, Signal, hhmmss

ROLLOUT_GAP = timedelta(minutes=5)
RESTART_GAP = timedelta(minutes=10)
STARTUP = timedelta(minutes=3)
DRAIN_SPAN = timedelta(minutes=10)  # a drain evicts the cordoned nodes' pods within minutes

_ALERT_FAMILY = {
    "pending": "alert_pending",
    "firing": "alert_fired",
    "active": "alert_fired",
    "resolved": "alert_resolved",
}
_ALERT_WORDS = {
    "pending": "goes pending",
    "firing": "fires",
    "active": "fires",
    "resolved": "resolved",
}


def alert_signals(evidence: list[Evidence]) -> list[Signal]:
    """Pending, fired and resolved, per alert (the same transition from two sources merges later)."""
    out = []
    for item in evidence:
        if item.kind != "alert":
            continue
        state = str(item.attrs.get("state", "")).lower()
        # suppressed by a silence or an inhibition (Alertmanager's own state, live or saved):
        # it fired, and notified no one
        suppressed = "suppressed" in (state, str(item.attrs.get("api_state", "")).lower())
        family = _ALERT_FAMILY.get("firing" if state == "suppressed" else state)
        if family is None:
            continue
        name = str(item.attrs.get("alertname") or "alert")
        summary = (item.attrs.get("annotations") or {}).get("summary", "")
        words = _ALERT_WORDS["firing" if state == "suppressed" else state]
        if suppressed and family == "alert_fired":
            words += ", silenced (notified no one)"
        text = f"Alert {name} {words}" + (f": {summary}" if summary else "")
        confidence = 0.9 if family != "alert_pending" else 0.6
        labels = item.attrs.get("labels") or {}
        if isinstance(labels, dict) and item.attrs.get("receiver"):
            labels = {**labels, "receiver": str(item.attrs["receiver"])}
        out.append(
            Signal(
                item.time,
                family,
                text,
                item.source,
                excerpt(item.text),
                confidence,
                key=name,
                tags=("suppressed",) if suppressed and family == "alert_fired" else (),
                extra=({"labels": labels} if isinstance(labels, dict) else {})
                | ({"history": True} if item.attrs.get("history") else {}),
            )
        )
    return out


_PAGE_FAMILY = {
    "trigger_log_entry": "paged",
    "notify_log_entry": "paged",
    "escalate_log_entry": "paged",
    "acknowledge_log_entry": "acknowledged",
    "resolve_log_entry": "resolved",
}


def page_signals(evidence: list[Evidence]) -> list[Signal]:
    """Triggered, notified, acknowledged (with who) and resolved; notes are read like chat."""
    out = []
    for item in evidence:
        if item.kind != "page":
            continue
        kind = item.attrs.get("type", "")
        actor = str(item.attrs.get("actor") or "")
        incident = item.attrs.get("incident") or ""
        family = _PAGE_FAMILY.get(kind)
        if kind == "annotate_log_entry":
            out.extend(chat_signals([item]))
            continue
        if family is None:
            continue
        about = ", ".join(str(item.attrs[k]) for k in ("title", "service") if item.attrs.get(k))
        if kind == "trigger_log_entry":
            text = f"Page triggered: PagerDuty incident {incident}".strip()
            text += f" ({about})" if about else ""
            actor = ""
        elif kind == "notify_log_entry":
            channel = item.attrs.get("channel") or ""
            text = f"{actor or 'on-call'} notified" + (f" ({channel})" if channel else "")
        elif kind == "escalate_log_entry":
            text = f"Page escalated: {excerpt(item.text, 120)}"
        elif family == "acknowledged":
            text = f"Page acknowledged by {actor or 'unknown'}"
        else:
            text = f"Incident resolved in PagerDuty by {actor or 'unknown'}"
        tags = (f"page:{incident}",) if incident else ()
        out.append(
            Signal(item.time, family, text, item.source, excerpt(item.text), 0.95, actor, tags=tags)
        )
    return out


# --- changes -------------------------------------------------------------------------------
_CREATED = re.compile(r"(?:Created|Deleted) pod: (\S+)")


def change_signals(evidence: list[Evidence], p: Periods) -> list[Signal]:
    """Deploys and rollouts (one per rollout, not per pod), config changes, restarts, OOM kills."""
    kube = [e for e in evidence if e.kind == "change" and e.attrs.get("reason")]
    listed = [e for e in evidence if e.kind == "change" and not e.attrs.get("reason")]
    out = [_listed(e) for e in _first_of_each(listed)]
    out.extend(_rollouts(kube, _autoscaled(evidence)))
    out.extend(_custom_resources(evidence))
    # a drain cordons nodes, then evicts their pods
    cordoned = [e.time for e in evidence if e.attrs.get("reason") == "NodeNotSchedulable"]
    out.extend(_restarts(kube, p, cordoned))
    out.extend(_jobs(kube))
    out.extend(_audited(evidence))
    out.extend(_controller_events(evidence))
    out.extend(_cordons(evidence))
    out.extend(_scheduled_runs(evidence))
    return out


# A scheduler's own record of starting a job (public log formats): Celery beat's "Scheduler:
# Sending due task NAME", an Airflow task log's "Executing <Task(Operator): NAME>", cron's
# "(user) CMD (command)".
_SCHEDULER_START = re.compile(
    r"\bScheduler: Sending due task (?P<beat>\S+)|"
    r"\bExecuting <Task\(\w+\): (?P<airflow>[\w.-]+)>|"
    r"\bCRON\[\d+\]: \(\S+\) CMD \((?P<cron>[^)]{1,120})\)"
)
_SCHEDULER_WORDS = ("Sending due task", "<Task(", "CMD (")  # a cheap test before the pattern


def _scheduled_runs(evidence: list[Evidence]) -> list[Signal]:
    """A scheduled job started that does not run all the time (a campaign's launch, a monthly
    resync): a change the schedule made, one per job. A job started more than once in what
    was read (a five-minute stats task, an hourly cleanup) is the background."""
    starts: dict[str, list[Evidence]] = defaultdict(list)
    for item in evidence:
        if item.kind != "log" or not any(w in item.text for w in _SCHEDULER_WORDS):
            continue
        m = _SCHEDULER_START.search(item.text)
        if m is not None:
            starts[next(v for v in m.groupdict().values() if v)].append(item)
    out = []
    for job, items in starts.items():
        if len(items) > 1:
            continue
        item = items[0]
        out.append(
            Signal(
                item.time,
                "change",
                f"Scheduled run of {job} started",
                item.source,
                excerpt(item.text),
                0.5,
                key=job,
                tags=("job", "automatic", "scheduled"),
            )
        )
    return out


# The components that act on nodes and workloads on their own (a node problem detector
# cordoning a node, an autoscaler, a descheduler, a remediation operator): what they do is the
# system changing itself, never a person's change or mitigation.
_CONTROLLER = re.compile(
    r"autoscal|problem-detector|karpenter|deschedul|draino|remediat|node-controller|"
    r"node-lifecycle|keda|vpa-|operator",
    re.I,
)
# A node cordoned (the first step of a drain) or made schedulable again: a person's change.
_CORDON = {"NodeNotSchedulable": "cordoned (drain)", "NodeSchedulable": "uncordoned"}


def _cordons(evidence: list[Evidence]) -> list[Signal]:
    """`NodeNotSchedulable` / `NodeSchedulable` events: a node cordoned or uncordoned, a change
    (pods drained off it are replaced elsewhere, so the cordon is what shows the drain)."""
    runs: dict[str, list[list[Evidence]]] = defaultdict(list)
    for item in sorted(evidence, key=lambda e: e.time):
        what = _CORDON.get(str(item.attrs.get("reason") or ""))
        if what is None or not str(item.attrs.get("object") or "").startswith("Node/"):
            continue
        component = str(item.attrs.get("component") or "")
        if _CONTROLLER.search(component):
            what = f"{what} by {component}"  # a controller acting on its own
        group = runs[what]
        if group and item.time - group[-1][-1].time <= NODE_GAP:
            group[-1].append(item)  # a pool drained node after node: one change
        else:
            group.append([item])
    out = []
    for what, groups in runs.items():
        for group in groups:
            nodes = list(dict.fromkeys(str(e.attrs["object"]).split("/", 1)[1] for e in group))
            who = f"Node {nodes[0]}" if len(nodes) == 1 else f"Nodes {', '.join(nodes[:4])}"
            more = f" and {len(nodes) - 4} more" if len(nodes) > 4 else ""
            out.append(
                Signal(
                    group[0].time,
                    "change",
                    f"{who}{more} {what} ({hhmmss(group[0].time)}–{hhmmss(group[-1].time)})",
                    group[0].source,
                    excerpt(group[0].text),
                    0.6,
                    key=nodes[0] if len(nodes) == 1 else "",
                    tags=("node", "config", "automatic", "controller")
                    if " by " in what
                    else ("node", "config"),
                )
            )
    return out


# What an audit log calls a write (Vault update/create/delete, Kubernetes patch/update/create/
# delete, CloudTrail Modify*/Update*/Put*/Delete*/Create*/Rotate*, "rotate", "apply").
_WRITE_OP = re.compile(
    r"^(?:update|create|delete|patch|write|put|rotate|apply|modify|replace|revoke|set|reset)",
    re.I,
)
# Machines act all day in audit logs: service accounts, controllers, tokens of a workload.
_MACHINE_ACTOR = re.compile(
    r"^system:|serviceaccount|^kubernetes-|controller|operator|external-secrets|-sa\b|"
    r"\bbot\b|automation|terraform-cloud|^arn:aws:sts::\d+:assumed-role/[\w-]*(?:service|lambda)",
    re.I,
)


def _audited(evidence: list[Evidence]) -> list[Signal]:
    """A person's write in an audit log (a secret rotated, a policy patched): a config change."""
    out = []
    for item in evidence:
        op = item.attrs.get("audit_op")
        if item.kind != "log" or not op or not _WRITE_OP.match(str(op)):
            continue
        actor = str(item.attrs.get("audit_actor") or "")
        if not actor or _MACHINE_ACTOR.search(actor):
            continue
        target = str(item.attrs.get("audit_target") or "")
        out.append(
            Signal(
                item.time,
                "change",
                f"Config change by {actor}: {op} {target}".rstrip(),
                item.source,
                excerpt(item.text),
                0.6,
                actor=actor,
                key=target.rstrip("/").rsplit("/", 1)[-1].split()[-1] if target.strip() else "",
                tags=("config", "audit"),
            )
        )
    return out


# A controller's log of the Kubernetes events it records (client-go's event recorder, as
# Argo Rollouts writes it): `Event(v1.ObjectReference{Kind:"Rollout", Namespace:"search",
# Name:"search-api", ...}): type: 'Normal' reason: 'RolloutUpdated' Rollout updated to revision
# 41`. What was changed on the object (its spec updated: a person's or a pipeline's change) and
# the controller's own steps of it (traffic weight shifted, promoted, aborted) are changes.
_RECORDED_EVENT = re.compile(
    r"Event\(v1\.ObjectReference\{Kind:\\?\"(\w+)\\?\", Namespace:\\?\"([\w.-]*)\\?\", "
    r"Name:\\?\"([\w.-]+)\\?\".*?reason: '(\w+)' ([^\"\n]{1,160})"
)
_SPEC_CHANGED = {"RolloutUpdated", "DeploymentUpdated", "ConfigUpdated", "SpecUpdated"}
_CONTROLLER_STEP = re.compile(r"^(?:TrafficWeight|Rollout|Canary|Analysis)?(?:Updated|Promoted|"
                              r"Aborted|Retried|Restarted)$")  # fmt: skip


def _controller_events(evidence: list[Evidence]) -> list[Signal]:
    """Changes a controller's log records as Kubernetes events (see above): one per object
    and reason within ROLLOUT_GAP (the same event logged again as it is retried)."""
    out: list[Signal] = []
    last: dict[tuple[str, str], datetime] = {}
    for item in sorted((e for e in evidence if e.kind == "log"), key=lambda e: e.time):
        if "ObjectReference" not in item.text:
            continue
        m = _RECORDED_EVENT.search(item.text)
        if m is None:
            continue
        kind, _, name, reason, said = m.groups()
        spec = reason in _SPEC_CHANGED
        if not (spec or _CONTROLLER_STEP.match(reason)):
            continue
        seen = last.get((name, reason))
        last[(name, reason)] = item.time
        if seen is not None and item.time - seen <= ROLLOUT_GAP:
            continue
        out.append(
            Signal(
                item.time,
                "change",
                f"{kind} {name}: {excerpt(said.strip(), 140)}",
                item.source,
                excerpt(item.text),
                0.6,
                key=name,
                tags=("rollout", "config") if spec else ("rollout", "automatic", "controller"),
            )
        )
    return out


_CREATED_JOB = re.compile(r"Created job (\S+)")


def _jobs(kube: list[Evidence]) -> list[Signal]:
    """A batch job run starting (a CronJob creating its Job, a Job creating its first pod or
    resumed) or suspended: a change to the system, one per job and minute of starting."""
    out: list[Signal] = []
    started: dict[str, datetime] = {}
    runs: dict[str, int] = defaultdict(int)
    for item in sorted(kube, key=lambda e: e.time):
        kind, _, name = str(item.attrs.get("object", "")).partition("/")
        reason = item.attrs.get("reason", "")
        if kind == "CronJob" and reason == "SuccessfulCreate":
            m = _CREATED_JOB.search(item.text)
            job, what = (m.group(1) if m else name), "started"
        elif kind == "Job" and reason in ("SuccessfulCreate", "Resumed"):
            job, what = name, "resumed" if reason == "Resumed" else "started"
        elif kind == "Job" and reason == "Suspended":
            job, what = name, "suspended"
        else:
            continue
        if what != "suspended":
            if job in started and item.time - started[job] <= ROLLOUT_GAP:
                continue  # the same run: the CronJob's Job, then the Job's pods
            started[job] = item.time
        else:
            started.pop(job, None)
        runs[re.sub(r"-\d+$", "", job)] += what == "started"
        out.append(
            Signal(
                item.time,
                "change",
                f"Job {job} {what}: {excerpt(item.text, 140)}",
                item.source,
                excerpt(item.text),
                0.6,
                key=job,
                tags=("job",),
            )
        )
    # a schedule that ran more than once in what was read is routine (an hourly export)
    return [s for s in out if runs[re.sub(r"-\d+$", "", s.key)] < 2]


DEPLOY_SPAN = timedelta(minutes=30)
_BRANCHES = {"main", "master", "head", "develop", "dev", "trunk", "staging", "production", "prod"}


def _first_of_each(listed: list[Evidence]) -> list[Evidence]:
    """One record per deploy: a tool that records each step of one (sync running, then
    deployed; started, then succeeded) writes the same service and version again within
    minutes; the first record is the deploy, the later ones its progress."""
    out: list[Evidence] = []
    last: dict[tuple[str, str, str], datetime] = {}
    for item in sorted(listed, key=lambda e: e.time):
        service, version = item.attrs.get("service", ""), item.attrs.get("version", "")
        key = (item.source, service, version)
        seen = last.get(key)
        if (
            service
            and version
            and version.lower() not in _BRANCHES  # each deploy of a branch ships anew
            and not re.search(r"roll-?back|revert", item.text, re.I)
            and seen is not None
            and item.time - seen <= DEPLOY_SPAN
        ):
            continue
        last[key] = item.time
        out.append(item)
    return out


# A deploy record's status saying it never ran (a failed or aborted one may have run in part).
NOT_APPLIED_RE = re.compile(
    r"^(?:cancell?ed|canceled|skipped|rejected|not[ _-]?started|pending|queued|waiting|"
    r"superseded|dismissed|declined)$",
    re.I,
)


_PROPOSED = re.compile(r"^(?:pull_request(?:_target)?|merge_request(?:_event)?|proposed)\b", re.I)


def _listed(item: Evidence) -> Signal:
    category = item.attrs.get("category", "deploy")
    service, version = item.attrs.get("service", ""), item.attrs.get("version", "")
    what = (
        "Commit"
        if category == "commit"
        else "Config change"
        if category == "config"
        else "Deploy"
        if version
        or re.search(r"deploy|release|rollout|sync|build|pipeline", str(category), re.I)
        or category in ("", "deploy")
        else "Change"  # a change record of some other tool: a quota raised, a flag turned on
    )
    if re.search(r"roll-?back|revert", str(category), re.I):
        what = "Rollback"  # the record says so: keep it in the words a person reads
    head = " ".join(x for x in (what, service, version) if x)
    said = re.sub(r"^(?:deploy(?:ed)?|rollout)\s+", "", item.text, flags=re.I)
    if not item.text or item.text in head or (said != item.text and said in head):
        text = head
    elif service and item.text.startswith(service):
        text = f"{what} {item.text}"
    else:
        text = f"{head}: {item.text}"
    confidence = 0.4 if category == "commit" else 0.75
    tags: tuple[str, ...] = (category, "record")
    status = str(item.attrs.get("status") or "")
    if any(
        _PROPOSED.match(str(said or ""))
        for said in (item.text, item.attrs.get("action"), item.attrs.get("category"))
    ):
        # a CI run on a pull/merge request (GitHub Actions' `pull_request` event, GitLab's
        # `merge_request_event`): it tested a proposed change, it shipped nothing
        text, confidence, tags = (
            f"{text} (checks of a proposed change)",
            0.3,
            (*tags, "not-applied"),
        )
    elif item.attrs.get("step") == "requested":
        # a request (a run queued, a quota asked for) whose record of being carried out is
        # its own row: that one changed things, this one is its context
        tags = (*tags, "requested")
    elif NOT_APPLIED_RE.search(status):
        # a deploy cancelled or rejected before it ran changed nothing: shown, never the story
        text, confidence, tags = (
            f"{text} ({status.lower()}, not applied)",
            0.3,
            (*tags, "not-applied"),
        )
    return Signal(
        item.time,
        "change",
        text,
        item.source,
        excerpt(item.text),
        confidence,
        actor=item.attrs.get("actor", ""),
        key=service,
        tags=tags,
    )


def _workload(obj: str) -> str:
    """Deployment/api -> api; Pod/api-6f9c7d8b5-wr7jt -> api; ReplicaSet/api-6f9c7d8b5 -> api."""
    kind, _, name = obj.partition("/")
    if kind == "Pod":
        name = re.sub(r"-[a-z0-9]{8,10}-[a-z0-9]{5}$|-[a-z0-9]{5}$", "", name)
    elif kind == "ReplicaSet":
        name = re.sub(r"-[a-z0-9]{8,10}$", "", name)
    return name


# A controller acting on its own: an autoscaler resizing a workload (the HPA, KEDA, the
# cluster autoscaler, an operator's autoscaler) is the system changing itself, never a
# person's change or mitigation; the deployment controller carries out what it asked for.
_AUTOSCALER = re.compile(r"autoscal|keda|karpenter|vpa-", re.I)  # resizing: see _CONTROLLER
_AUTOSCALE_REASONS = {"SuccessfulRescale"}
AUTOSCALE_LAG = timedelta(minutes=2)
_SCALED_SET = re.compile(r"Scaled (?:up|down) replica set (\S+)")
# a replica set resized from some pods to others, not started from none or stopped (a rollout
# or a rollback brings one up from 0 and the other down to 0)
_RESIZED = re.compile(r"(?:to [1-9]\d* from [1-9]\d*|from [1-9]\d* to [1-9]\d*)\s*$")


def _autoscaled(evidence: list[Evidence]) -> list[tuple[datetime, str, str]]:
    """(time, namespace, name) of each resize an autoscaler recorded (the HPA's
    SuccessfulRescale, any event an autoscaling component wrote)."""
    out = []
    for e in evidence:
        reason = str(e.attrs.get("reason") or "")
        if not reason or not (
            reason in _AUTOSCALE_REASONS or _AUTOSCALER.search(str(e.attrs.get("component") or ""))
        ):
            continue
        name = str(e.attrs.get("object") or "").partition("/")[2]
        out.append((e.time, str(e.attrs.get("namespace") or ""), name))
    return out


def _by_autoscaler(
    obj: str, namespace: str, when: datetime, resized: list[tuple[datetime, str, str]]
) -> bool:
    """An autoscaler resized this workload (an HPA named for it, in its namespace) within
    AUTOSCALE_LAG of `when`."""
    name = _workload(obj)
    return any(
        abs(when - t) <= AUTOSCALE_LAG
        and (not namespace or not ns or ns == namespace)
        and bool(n)
        and (n == name or name in n or n in name)
        for t, ns, n in resized
    )


def _rollouts(
    kube: list[Evidence], resized: list[tuple[datetime, str, str]] | None = None
) -> list[Signal]:
    groups: dict[str, list[list[Evidence]]] = defaultdict(list)
    for item in sorted(kube, key=lambda e: e.time):
        if item.attrs.get("category") != "deploy":
            continue
        runs = groups[item.attrs["object"]]
        if runs and item.time - runs[-1][-1].time <= ROLLOUT_GAP:
            runs[-1].append(item)
        else:
            runs.append([item])
    # the old pods stopped one by one: when the last one goes, the rollout is done
    stopped: dict[str, list[datetime]] = defaultdict(list)
    for item in kube:
        if item.attrs.get("reason") == "Killing":
            stopped[_workload(item.attrs.get("object", ""))].append(item.time)
    out = []
    for obj, runs in groups.items():
        for run in runs:
            first, last = run[0], run[-1]
            until = last.time
            for t in sorted(stopped.get(_workload(obj), [])):
                if until <= t <= until + ROLLOUT_GAP and t >= first.time:
                    until = t
            span = f"{hhmmss(first.time)}–{hhmmss(last.time)}" if last.time > first.time else ""
            body = excerpt(first.text.split(": ", 2)[-1], 100)
            if len(run) > 1:
                body += f" … {excerpt(last.text.split(': ', 2)[-1], 100)}"
            # one replica set resized, none replaced: a scale, not a new version rolled out
            sets = {m.group(1) for e in run if (m := _SCALED_SET.search(e.text))}
            scale = len(sets) == 1 and all(_SCALED_SET.search(e.text) for e in run)
            what, confidence, tags = "Rollout of", 0.8, ("rollout",)
            if scale and _by_autoscaler(
                obj, str(first.attrs.get("namespace") or ""), first.time, resized or []
            ):
                what, confidence, tags = "Autoscaled", 0.5, ("scale", "automatic", "controller")
            elif scale and all(_RESIZED.search(e.text) for e in run):
                what, tags = "Scale of", ("scale",)
            text = f"{what} {obj}: {body}" + (f" ({span})" if span else "")
            out.append(
                Signal(
                    first.time,
                    "change",
                    text,
                    first.source,
                    excerpt(first.text),
                    confidence,
                    key=_workload(obj),
                    tags=tags,
                    extra={"until": until},
                )
            )
    return out


# The kinds Kubernetes itself defines: an event about any other kind is about a custom
# resource, which an operator reconciles (a FlinkDeployment, a KafkaTopic, a Postgres cluster).
BUILTIN_KINDS = frozenset(
    """Pod Deployment ReplicaSet StatefulSet DaemonSet Job CronJob Node Service Endpoints
    EndpointSlice Ingress IngressClass ConfigMap Secret PersistentVolumeClaim PersistentVolume
    HorizontalPodAutoscaler PodDisruptionBudget NetworkPolicy Namespace ServiceAccount Lease
    Event VolumeAttachment StorageClass CertificateSigningRequest Role RoleBinding ClusterRole
    ClusterRoleBinding PriorityClass RuntimeClass LimitRange ResourceQuota ReplicationController
    PodTemplate ControllerRevision CSIDriver CSINode MutatingWebhookConfiguration
    ValidatingWebhookConfiguration APIService CustomResourceDefinition""".split()
)
# an operator saying the resource's spec changed: someone applied a new one
SPEC_CHANGE_RE = re.compile(
    r"spec[ _-]?chang|chang\w* detected|spec (?:was )?updated|updated? (?:the )?spec|"
    r"generation (?:changed|\d+ -> \d+)|differs from",
    re.I,
)
# ... and the change in place: the resource running or ready again
SPEC_DONE_RE = re.compile(
    r"\b(?:to|now|is|becomes?|became) (?:running|ready|deployed|stable|healthy|available)\b",
    re.I,
)
SPEC_SPAN = timedelta(minutes=15)


def _custom_resources(evidence: list[Evidence]) -> list[Signal]:
    """A custom resource's spec changed (an operator's SpecChanged event: someone applied it),
    a change like a deploy; and the operator's word that it runs again, the change in place."""
    out: list[Signal] = []
    changed: dict[str, datetime] = {}
    for e in sorted(evidence, key=lambda e: e.time):
        obj, reason = str(e.attrs.get("object") or ""), str(e.attrs.get("reason") or "")
        kind, _, name = obj.partition("/")
        if not reason or not name or kind in BUILTIN_KINDS or kind == "?":
            continue
        message = e.text.split(": ", 2)[-1]
        if SPEC_CHANGE_RE.search(reason) or SPEC_CHANGE_RE.search(message):
            changed[obj] = e.time
            out.append(
                Signal(
                    e.time,
                    "change",
                    f"Change of {obj}: {excerpt(message, 160)}",
                    e.source,
                    excerpt(e.text),
                    0.75,
                    key=name,
                    tags=("config", "custom-resource"),
                )
            )
        elif obj in changed and e.time - changed[obj] <= SPEC_SPAN and SPEC_DONE_RE.search(message):
            del changed[obj]
            out.append(
                Signal(
                    e.time,
                    "change",
                    f"{obj} in place: {excerpt(message, 160)}",
                    e.source,
                    excerpt(e.text),
                    0.55,
                    key=f"{name} (in place)",
                    tags=("config", "custom-resource", "in-place"),
                )
            )
    return out


def _restarts(kube: list[Evidence], p: Periods, cordoned: list[datetime]) -> list[Signal]:
    """Pod restarts and OOM kills that are not a rollout starting or stopping pods."""
    born: dict[str, datetime] = {}
    for item in kube:
        if item.attrs.get("reason") in ("SuccessfulCreate", "SuccessfulDelete"):
            m = _CREATED.search(item.text)
            if m:
                born[m.group(1)] = item.time
    runs: dict[str, list[list[Evidence]]] = defaultdict(list)
    for item in sorted(kube, key=lambda e: e.time):
        category, reason = item.attrs.get("category"), item.attrs.get("reason", "")
        if category not in ("restart", "oom") or _node_trouble(item):
            continue  # evictions and node OOM kills: node_signals
        pod = item.attrs["object"].partition("/")[2]
        expected = pod in born and abs(item.time - born[pod]) <= STARTUP
        if category == "restart" and (expected or reason in ("Pulling", "Pulled", "Created")):
            continue
        if reason == "Started" and int(item.attrs.get("count", 1)) < 2 and pod in born:
            continue
        group = runs[_workload(item.attrs["object"])]
        if group and item.time - group[-1][-1].time <= RESTART_GAP:
            group[-1].append(item)
        else:
            group.append([item])
    # a rollout stops its old pods itself: those stops are the rollout's (see _rollouts)
    rolled: dict[str, list[datetime]] = defaultdict(list)
    scheduled: dict[str, list[datetime]] = defaultdict(list)
    evicted: set[str] = set()
    for item in kube:
        reason, obj = item.attrs.get("reason"), item.attrs.get("object", "")
        if item.attrs.get("category") == "deploy":
            rolled[_workload(obj)].append(item.time)
        elif reason == "Scheduled":
            scheduled[_workload(obj)].append(item.time)
        elif reason == "Evicted":
            evicted.add(obj)
    out = []
    for workload, groups in runs.items():
        base = sum(len(g) for g in groups if g[0].time < p.base_end)
        for group in groups:
            if group[0].time < p.base_end:
                continue
            if all(e.attrs.get("reason") == "Killing" for e in group):
                # containers stopped: by a rollout (its own row), by the kubelet evicting
                # (node_signals) or replaced at once (a restart, below); otherwise someone
                # stopped the workload (a job deleted or suspended, a scale-down): a change
                last = group[-1].time
                if any(
                    t - ROLLOUT_GAP <= group[0].time <= t + ROLLOUT_GAP
                    for t in rolled.get(workload, [])
                ) or any(e.attrs.get("object") in evicted for e in group):
                    continue
                if any(t <= group[0].time <= t + DRAIN_SPAN for t in cordoned):
                    continue  # a drain moving the pods: the cordon is its row (change_signals)
                if not any(last <= t <= last + STARTUP for t in scheduled.get(workload, [])):
                    out.append(_stopped(workload, group))
                    continue
                pods = {e.attrs.get("object") for e in group}
                if (
                    len(pods) >= DELETED_PODS
                    and last - group[0].time <= DELETED_SPAN
                    and not any(_PROBE_KILL.search(e.text) for e in group)
                ):
                    # many pods stopped within seconds and replaced at once, no probe failing:
                    # someone deleted them (a `kubectl delete pods`, a restart): a change
                    out.append(_deleted(workload, group))
                    continue
            n = sum(int(e.attrs.get("count", 1)) for e in group)
            if base and n <= 3 * base:
                continue  # restarts as usual: noise, not an event
            oom = [
                e for e in group if e.attrs.get("category") == "oom" or CAPACITY_RE.search(e.text)
            ]
            # containers stopped with no failure given ("Killing: Stopping container", a node
            # drained or replaced) before the first that failed are no failure: the restarts
            # begin where one does (a back-off, a probe, an OOM kill)
            failed = next((i for i, e in enumerate(group) if not _quiet_stop(e)), 0)
            group = group[failed:]
            lead = oom[0] if oom else group[0]
            what = "OOM kill" if oom else "Restart"
            text = (
                f"{what} of {workload}: {excerpt(lead.text.split(': ', 1)[-1], 140)}"
                f" ({n} event{'s' if n > 1 else ''} {hhmmss(group[0].time)}–{hhmmss(group[-1].time)})"
            )
            tags = ("capacity", "oom", "error") if oom else ("restart", "error")
            out.append(
                Signal(
                    lead.time,
                    "symptom",
                    text,
                    lead.source,
                    excerpt(lead.text),
                    0.8 if oom else 0.6,
                    key="",
                    tags=tags,
                )
            )
    return out


def _quiet_stop(item: Evidence) -> bool:
    """A container stopped with no failure given: a Normal `Killing` that names no probe,
    OOM kill, eviction or preemption (the kubelet stopping a pod being deleted or moved)."""
    return (
        item.attrs.get("reason") == "Killing"
        and str(item.attrs.get("type", "Normal")) == "Normal"
        and not _PROBE_KILL.search(item.text)
    )


# pods of one workload stopped within this span, this many at least: deleted by someone
DELETED_PODS = 3
DELETED_SPAN = timedelta(seconds=30)
_PROBE_KILL = re.compile(r"liveness|startup probe|failed .*probe|OOM|evict|preempt", re.I)


def _deleted(workload: str, group: list[Evidence]) -> Signal:
    return _pods_changed(f"Pods of {workload} deleted and replaced", workload, group, 100,
                         ("restart-all", "admin"))  # fmt: skip


def _stopped(workload: str, group: list[Evidence]) -> Signal:
    return _pods_changed(f"Stop of {workload}", workload, group, 120, ("stop",))


def _pods_changed(
    title: str, workload: str, group: list[Evidence], width: int, tags: tuple[str, ...]
) -> Signal:
    """One change row for a group of a workload's pods stopped together: its first record's
    words, how many pods and over what span."""
    lead = group[0]
    pods = len({e.attrs.get("object") for e in group})
    span = f"{hhmmss(group[0].time)}–{hhmmss(group[-1].time)}"
    return Signal(
        lead.time,
        "change",
        f"{title}: {excerpt(lead.text.split(': ', 1)[-1], width)} "
        f"({pods} pod{'s' if pods > 1 else ''} {span})",
        lead.source,
        excerpt(lead.text),
        0.6,
        key=workload,
        tags=tags,
    )


# --- nodes: pressure, readiness and evictions ---------------------------------------------------
# Kubernetes says a node is short of memory, disk or PIDs, or not ready, and the kubelet evicts or
# the kernel kills to cope: infrastructure failing under the service, often minutes before the
# customers' errors, so these are symptoms (precursors) and their return to normal a recovery.
NODE_TROUBLE = {
    "NodeHasInsufficientMemory": "memory pressure",
    "NodeHasDiskPressure": "disk pressure",
    "NodeHasInsufficientPID": "PID pressure",
    "NodeNotReady": "node not ready",
    "EvictionThresholdMet": "eviction threshold met",
    "SystemOOM": "system OOM",
    "OOMKilling": "OOM kill",
    "FreeDiskSpaceFailed": "disk space low",
    "Evicted": "evicted",
}
NODE_NORMAL = {
    "NodeHasSufficientMemory": "memory pressure",
    "NodeHasNoDiskPressure": "disk pressure",
    "NodeHasSufficientPID": "PID pressure",
    "NodeReady": "node not ready",
}
NODE_GAP = timedelta(minutes=10)


def node_signals(evidence: list[Evidence], p: Periods) -> list[Signal]:
    """Node conditions and evictions as symptoms (one per object or workload and run), the node
    back to normal as a recovery. A trouble that also shows in the baseline is usual: left out."""
    trouble = [e for e in evidence if _node_trouble(e)]
    usual = {
        (e.attrs["reason"], _workload(e.attrs["object"])) for e in trouble if e.time < p.base_end
    }
    runs: dict[str, list[list[Evidence]]] = defaultdict(list)
    for item in sorted(trouble, key=lambda e: e.time):
        key = (item.attrs["reason"], _workload(item.attrs["object"]))
        if item.time < p.base_end or key in usual:
            continue
        group = runs[_node_key(item)]
        if group and item.time - group[-1][-1].time <= NODE_GAP:
            group[-1].append(item)
        else:
            group.append([item])
    out = []
    for who, groups in runs.items():
        for group in groups:
            lead = group[0]
            reasons = list(dict.fromkeys(e.attrs["reason"] for e in group))
            n = sum(int(e.attrs.get("count", 1)) for e in group)
            what = ", ".join(NODE_TROUBLE[r] for r in reasons)
            span = f"{hhmmss(group[0].time)}–{hhmmss(group[-1].time)}"
            text = (
                f"{who}: {what} ({', '.join(reasons)}; {n} event{'s' if n > 1 else ''} {span}): "
                f"{excerpt(lead.text.split(': ', 2)[-1], 120)}"
            )
            evicted = reasons == ["Evicted"]
            out.append(
                Signal(
                    lead.time,
                    "symptom",
                    text,
                    lead.source,
                    excerpt(lead.text),
                    0.7 if evicted else 0.75,
                    key="",
                    tags=("capacity", "infra", "error", "node")
                    + (("oom",) if {"OOMKilling", "SystemOOM"} & set(reasons) else ()),
                )
            )
    for item in evidence:
        condition = NODE_NORMAL.get(item.attrs.get("reason", ""))
        if condition is None or item.time < p.base_end or "object" not in item.attrs:
            continue
        if not any(
            _node_key(e) == _node_key(item) for group in runs.values() for g in group for e in g
        ):
            continue  # normal all along: nothing recovered
        out.append(
            Signal(
                item.time,
                "recovery",
                f"{_node_key(item)}: {condition} over ({item.attrs['reason']})",
                item.source,
                excerpt(item.text),
                0.6,
                tags=("node",),
            )
        )
    return out


def _node_trouble(item: Evidence) -> bool:
    reason, obj = item.attrs.get("reason", ""), str(item.attrs.get("object", ""))
    if reason not in NODE_TROUBLE or not obj:
        return False
    return obj.startswith("Node/") or reason == "Evicted"


def _node_key(item: Evidence) -> str:
    """`Node ip-10-4-7-21` for node events; `Pods of cart-api` for a workload's evictions."""
    kind, _, name = item.attrs["object"].partition("/")
    return f"Node {name}" if kind == "Node" else f"Pods of {_workload(item.attrs['object'])}"


# --- chat ---------------------------------------------------------------------------------------
# A responder explaining the cause: a diagnosis, whatever verbs the sentence also holds.
_CAUSE = re.compile(
    r"\blooks like\b|\bit'?s (?:the|a|an|on|our|their|in)\b|\broot cause\b|\bcaused by\b|"
    r"\bdue to\b|\bbecause\b|\bthe cause\b|\bculprit\b|\bturns out\b|\bon (?:their|our) side\b|"
    r"\bstopped responding\b|\bcaused (?:this|it|these|that)\b|"
    r"\b(?:is|are|was|were) (?:broken|malformed|truncated|corrupt(?:ed)?|out of|full|expired|down|dying|"
    r"failing|stuck|exhausted|saturated|unreachable|shunned|evicted|\S+ behind|"
    r"crash[ -]?looping|panicking|oom[ -]?killed)\b|"
    # owning the cause: "that's mine, sorry: ...", "that's our 0147 migration: ..."
    r"^\W*that'?s (?:mine|ours|on us|(?:our|my|their) [\w.-]+(?: [\w.-]+)?\s?[:\u2014\u2013])|"
    r"\b(?:is|are|was|were) (?:\d+\s?\w+ (?:fast|slow|ahead|behind)|skewed|off by)\b|"
    r"\bin the future\b|"
    r"\bran out of\b|\bfilled (?:up )?(?:the|our|its|their)\b|\bso (?:every|each|all)\b|"
    r"\bthe (?:problem|issue|trigger|reason) (?:is|was|here)\b|\bsmoking gun\b|"
    r"\bthat explains\b|\bexplains (?:it|the|why)\b|\bconfirmed\b|\bhitting (?:the |our )?[\w.-]+ limit\b|"
    r"\bbroke (?:the|our)\b|\bstarv(?:es|ing)\b|"
    r"\bkeeps? (?:evicting|crashing|restarting|killing|failing)\b|\bfell [\w ]{0,20}behind\b|"
    r"\bunder (?:disk|memory|pid|cpu) pressure\b|"
    r"\b(?:happened|ran|runs|run|fired|executed|started) twice\b|"
    r"\bsince the (?:migration|upgrade|cutover|switch|move|rollout|change|release)\b|"
    # what is not there ("the Sectigo intermediate is missing from the chain"), a limit passed
    # ("crossed autovacuum_freeze_max_age"), what a thing stopped doing ("no longer
    # invalidates index.html"), a conclusion drawn ("..., so a CLDAP reflection flood")
    r"\b(?:is|are|was|were) (?:missing|absent|not (?:sent|served|included))\b|"
    r"\b(?:crossed|exceeded|exceeds|exceeding|past|over|hit|hits|reached)\b (?:the |its |our |"
    r"their )?[\w.()-]*(?:max|limit|threshold|quota|ceiling)|"
    r"\bno longer [a-z]+s\b|\bso (?:a|an|it'?s an?|this is an?|that'?s an?)\b|"
    # what follows for the things that fail, drawn as a consequence ("..., so devices with v7
    # can't join", "so the compat libcuda doesn't match the 550 kernel module"), not what we
    # cannot do ("so we can't roll back")
    r"\bso (?!(?:we|i|you|let'?s|far)\b)(?:[\w<>/@'-]+(?:\.[\w<>/@'-]+)* ){1,5}"
    r"(?:can'?t|cannot|couldn'?t|doesn'?t|"
    r"don'?t|didn'?t|won'?t|never) (?!know\b|tell\b|see\b)[a-z]+\b|"
    # an error code said with its meaning ("error 803 = 'unsupported display driver ...'")
    r"\b(?:error|code|errno|exit code) [\w-]+ (?:=|means) ['\"\u201c]|"
    # by its shape: a message opening with "it's X:" (a name, then its explanation) or with
    # "found it" states the cause, whatever X is ("it's carrier A: mtr shows 25% loss at ...")
    r"^\W*(?:ok\W+|so\W+|yeah\W+)?it'?s (?!\w+ing\b|(?:fine|ok|okay|good|done|back|over|resolved|stable|quiet|green|not|still|just|now|all)\b)(?:[\w.-]+,? ){0,3}[\w.-]+\s?(?:[:\u2014\u2013]|\.(?=\s+\S{3}))\s|"
    r"^\W*found (?:it|the (?:cause|problem|issue|culprit))\b|"
    # "got it: PKIX path building failed ...", "got it from the symbolicated reports: ..."
    r"^\W*got it(?: from [^:\n]{1,60})?\s?:",
    re.I,
)
# A statement naming an earlier clock time explains what happened ("went out at 09:44").
_EARLIER_TIME = re.compile(
    r"\b(?:at|since|from) ~?(\d{1,2}):(\d{2})\b|"
    r"\bthe (\d{1,2}):(\d{2}) [\w-]+ ?(?:deploy|push|change|release|rollout|restart|run|job|"
    r"migration|upgrade|update|sync)\b"
)
# A responder taking the page in chat: "ack", "acked.", "on it", "got it", "I have the pager",
# "looking" at the start of a message (the page's own acknowledgement, when recorded, wins).
_ACK = re.compile(
    r"^\W*(?:ack(?:ed|ing|nowledged)?\b|on it\b|got it\b(?!\s?:| from\b)|i'?m on it\b|i(?:'ve| have) (?:got )?"
    r"(?:the )?(?:pager|page|it)\b|looking(?: into it| now)?\W*$|taking (?:it|this|the page)\b)",
    re.I,
)
# "done, both partitions are moving again": the action just announced is carried out
_DONE = re.compile(
    r"^\W*(?:ok(?:ay)?\W+)?(?:done|applied|executed|it'?s done)\b(?!\s+(?:with|for)\b)|"
    # a command quoted, then said done: "`ansible workers -m systemd -a '...'` done"; a
    # signal or statement named in capitals ("HUP done, Login OK"), a thing named ("rad-lon
    # reload done")
    r"^\W*(?:`[^`]+`|(?-i:[A-Z]{3,})|[A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)+)\W*"
    r"(?:is |was )?(?:done|applied|executed|finished|completed?)\b",
    re.I,
)
# A command pasted as run, in a code block opening the message (its output below it): one
# that changes something, by its subcommand (`kubectl scale`, `helm rollback`, `systemctl
# restart`, `aws ... update-service`) or by the flag that makes it act (`--execute`,
# `--apply`, `--yes`), not a look (`kubectl get`, `--dry-run`).
_PASTED = re.compile(
    r"^\s*```\s*(?:\$\s*)?(?=[^`\n]*?(?:\s--(?:execute|apply|yes|force|confirm)\b|"
    r"\s-y\b|\s(?:apply|delete|scale|rollout|patch|drain|cordon|uncordon|rollback|upgrade|"
    r"restart|reload|stop|start|kill|set|update|reset|resize|promote|failover|revoke|"
    r"(?:update|put|modify|delete|create|reboot|failover|promote|stop|start)-[a-z-]+)\b))"
    r"(?![^`\n]*--dry-run)([a-z][\w.-]*)([^`\n]*)",
    re.I,
)
# A command typed as the message itself, no code block ("kubectl rollout restart
# deploy/orders-api -n orders"): the same, when it opens with a tool's name.
_TYPED = re.compile(
    r"^\s*(?:\$\s*)?(?=(?:kubectl|helm|terraform|gcloud|ansible(?:-playbook)?|systemctl|argocd|"
    r"eksctl|redis-cli|aws [a-z0-9-]+ [a-z]+-[a-z-]+)\s)"
    # one line of a command, not a sentence about the tool ("kubectl is slow, restart it")
    r"(?![^\n]*(?:, |\?|\bis\b|\brollout (?:status|history)\b))"
    + _PASTED.pattern.split("(?:\\$\\s*)?", 1)[1],
    re.I,
)
# A provider's (or our) maintenance starting: "Maintenance started on lkc-prod: rolling restart".
_MAINTENANCE = re.compile(
    r"\bmaintenance (?:has )?(?:started|starting|begun|began|begins|kicked off|is (?:starting|"
    r"underway|in progress))\b|\b(?:started|starting|beginning|began) (?:the |our |a |scheduled "
    r"|planned )*maintenance\b",
    re.I,
)
_CHAT = [
    ("change", _MAINTENANCE),
    ("acknowledged", _ACK),
    ("mitigation", _DONE),
    (
        "resolved",
        re.compile(
            r"\b(resolved|resolving|fixed|all clear|incident (?:is )?(?:over|closed))\b", re.I
        ),
    ),
    (
        "recovery",
        re.compile(
            r"back to (?:normal|baseline)|\brecovered\b|healthy again|errors? (?:gone|stopped)|"
            r"\b(?:moving|flowing|consuming|processing|serving|working) again\b|"
            r"\b(?:lag|backlog|queue) (?:is )?(?:going down|draining|dropping|shrinking)\b|"
            r"\b5xx (?:gone|stopped)|no more (?:errors|5xx|50\d)",
            re.I,
        ),
    ),
    (
        "mitigation",
        re.compile(
            r"\b(deployed|rolled back|rolling back|rollback (?:done|complete)|mitigated|enabled|"
            r"disabled|restarted|restarting|scal(?:ed|ing) (?:up|out|down|in|[\w.-]+ \d+ ?(?:->|to) ?\d+)|"
            r"failed over|fail(?:ed)?over|applied|hotfix|is live|live|rolled out|flag (?:on|off)|"
            r"turned (?:it )?off|killed|drained|draining|revert(?:ed|ing)|terminated|"
            r"terminating|flipp(?:ed|ing)|switched|sighup|suspended|cordoned|paused|bumped|"
            r"unlink(?:ed)?|cleared|wiped|shut(?:ting)? (?:\w+ )?down|shutdown|"
            r"raised|lowered|rolled [\w-]+(?: [\w-]+)? back|turned [\w-]+(?: [\w-]+)? (?:off|on)|"
            r"failing over|rerouted|routing (?:traffic|reads|writes)|moved (?:traffic|reads|writes)|"
            r"deleted|truncated|purged|flushed|freed|shut (?:it )?down|"
            r"(?:re)?mounted|(?:re-?)?attached|re-?issued|reissued|restored|re-?enabled|reloaded|"
            r"started (?:on|now|again|back)|(?:is|are) (?:back )?up (?:now|again)|"
            # a command they ran: "ran `kubectl -n kube-system set env ds/aws-node ...`"
            r"(?:ran|executed|issued) (?:`|(?:kubectl|terraform|helm|aws|gcloud|az|ansible)\b))",
            re.I,
        ),
    ),
    (
        "diagnosis",
        re.compile(
            r"\b(identified|root cause|found|the cause|caused by|culprit|exhausted|saturated|"
            r"decision|decided|leak(?:ing)?|seq(?:uential)? scan|narrowed)\b",
            re.I,
        ),
    ),
    (
        "communication",
        re.compile(
            r"\b(investigating|status ?page|incident channel|declared|declaring|customers? "
            r"(?:are |were )?(?:notified|informed)|heads up|support says|status update|"
            r"next update|(?:posted|sent|posting|sending) (?:an? )?(?:update|note)|"
            r"(?:support )?macro (?:posted|sent)|(?:posted|sent) (?:to|on|in) (?:support|customers)|"
            r"announc(?:ed|ing|ement)|"
            r"update (?:for|to) (?:support|customers|stakeholders|leadership|the business)|"
            r"(?:told|informed|notified|updated) (?:support|customers|stakeholders|cs|leadership)|"
            r"macro (?:is )?(?:live|up|out|published)|"
            r"(?:support|customer care|customer support|customers|cs|stakeholders) "
            r"(?:told|informed|notified|updated)\b)\b",
            re.I,
        ),
    ),
]
# Said in a channel other than the incident's (kept as context): actions and "resolved" there
# are other work; causes found and what customers were told still count.
# A negation just before the verb: "nothing deployed on search-api today", "we haven't
# rolled back", "not back to normal yet".
_NEGATED = re.compile(
    r"\b(?:nothing|not|no|never|none|without|neither|nor|\w+n'?t)\s+(?:\w+\s+){0,1}$", re.I
)
_INCIDENT_CHANNEL_ONLY = ("mitigation", "recovery", "resolved", "acknowledged")


# A responder saying what they are doing or about to do: "changing it to gp3", "going to
# modify the volume", "disabling the api-syd1 pool", "applying the change now", "I'll restart"
_ANNOUNCE = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|so|now|and|then|i|we|i'?ll|we'?ll|i'?m|we'?re|am|are|just)\W+){0,3}"
    r"(?:(?:going to|gonna|about to|will)\s+([a-z]{3,})|([a-z]{3,}ing))\b",
    re.I,
)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def statements(text: str) -> str:
    """`text` without its questions: "so that's the cause: X. Tomasz, did the packager change
    today?" states the cause in its first sentence, whatever it asks in the second."""
    if "?" not in text and not _ASKED.match(text):
        return text
    kept = [s for s in _SENTENCE_END.split(text) if "?" not in s and not _ASKED.match(s)]
    return " ".join(kept).strip()


def asks(text: str) -> bool:
    """A question, with or without its question mark."""
    return "?" in text or _ASKED.search(text) is not None


# A responder reporting a change made, as "what, changed to what": "GA traffic dial for
# eu-west-1 set to 0", "rolled back matchmaker to 5e1f0b9", "failover record flipped to DR"
# (not an observation: "last new pod gone").
_REPORTED_CHANGE = re.compile(
    r"\b(?:set|changed|moved|switched|dial(?:l)?ed|flipped|scaled(?: up| down| out| in)?|"
    r"rolled back|reverted|raised|lowered|bumped|increased|decreased|reduced|pinned|drained|"
    r"failed over|(?:re)?pointed|shifted|cut over|resized)\s+(?:it\s+|them\s+|back\s+)?(?:to|from)\b|"
    # a setting's value from one number to the next ("edge-haproxy-use1 desired 4 -> 8 requested")
    r"\b[a-z_]{3,}\s+\d+(?:\.\d+)?\s?(?:->|→|=>)\s?\d+(?:\.\d+)?\b(?!\s?(?:%|ms|s\b|gb|mb|k\b))",
    re.I,
)


def reports_change(text: str) -> bool:
    """A responder reporting a change they made, "what, changed to what" (not a question)."""
    return not asks(text) and _REPORTED_CHANGE.search(text) is not None


def announces(text: str) -> bool:
    """A responder announcing an action (not a question, not looking or waiting)."""
    if asks(text):
        return False
    # in any of its first sentences: "oh no. the subscription group change on Tuesday.
    # stopping the campaign now"
    for sentence in _SENTENCE_END.split(text)[:4]:
        m = _ANNOUNCE.search(sentence)
        if m is None:
            continue
        verb = (m.group(1) or m.group(2) or "").lower()
        if verb not in _NOT_ACTING and verb not in ("be", "have", "need", "try", "look", "check"):
            return True
    return False


def other_channel(item: Evidence) -> bool:
    """Said in a channel kept as context, not the incident's (an incident-like name, inc-42 or
    outage-db, is the incident's even when another channel had more talk)."""
    if not item.attrs.get("context"):
        return False
    from pm_tui.collectors.slack import looks_like_incident_channel

    return not looks_like_incident_channel(str(item.attrs.get("channel") or ""))


# A question without its question mark ("should we roll back search-indexer", "any chance
# it's the flag"): asked, not done nor found.
_ASKED = re.compile(
    r"^\W*(?:@\w+\W+)?(?:should|shall|do|does|did|can|could|would|will|is|are|was|were|has|have)"
    r" (?:we|i|you|they|it|anyone|someone|somebody)\b|"
    r"^\W*(?:@\w+\W+)?(?:any chance|what if|how about|wonder(?:ing)? if|maybe we should)\b",
    re.I,
)
_BOT_ACTORS = re.compile(r"pagerduty|alertmanager|opsgenie|\bbot\b|slackbot|grafana", re.I)

# An action reported in the shape responders write it, whatever the verb: the message opens
# with a verb done or under way ("stopped replication on ledger-db-2", "running ALTER TABLE
# ...", "we've paused shipping on kafka-3") whose object names a thing (a host or service
# written with - _ or ., a command in capitals or in backticks).
_ACTION_SHAPE = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|so|now|and|then|i|we|i'?ve|we'?ve|i'?m|we'?re|just|also)\W+){0,3}"
    r"([a-z]{3,}(?:ed|ing))\b([^.;!\n]{0,120})",
    re.I,
)
_NAMED_THING = re.compile(r"\b[A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)+\b|\b[A-Z]{3,}\b|`[^`]+`")
# What opens a message but is not an action: looking, seeing, thinking, waiting, asking...
_NOT_ACTING = frozenset(
    """looking checking seeing investigating wondering thinking trying waiting watching reading
    digging going getting guessing noticed noticing talking asking asked pinging pinged paging
    paged hoping planning considering assuming suspecting suspected expecting expected seemed
    looked checked reported reporting confirmed confirming noted noting seeming feeling wanted
    wanting needing needed working happening happened showing showed saying lagging failing
    failed erroring timing spiking climbing dropping growing starting nothing something
    anything everything during morning evening string thing posting posted updating updated
    writing drafting drafted telling notifying notified announcing announced messaging
    emailing emailed""".split()
)


def chat_signals(evidence: list[Evidence]) -> list[Signal]:
    """Messages (and page notes) stating a finding or an action: low-confidence signals."""
    out = []
    for item in evidence:
        if item.kind not in ("message", "page"):
            continue
        actor = str(item.attrs.get("actor") or "")
        user = str(item.attrs.get("user", "U"))
        if item.kind == "message" and (not user or user[0] == "B" or _BOT_ACTORS.search(actor)):
            continue
        text = item.text.strip()
        if not text:
            continue
        told = _STATUS_TOLD if STATUS_CHANNEL.search(str(item.attrs.get("channel", ""))) else []
        addressed = _addressed(item, text)
        told = told or addressed
        said_here = [_SHAPED, _MEASURE] if not other_channel(item) else [_SHAPED]
        pasted = [("mitigation", p) for p in (_PASTED, _TYPED) if not told and p.match(text)][:1]
        tried = [*told, *pasted, *_family_of(text, item.time, _local(item)), *said_here]
        if ("?" in text or _ASKED.match(text)) and not addressed:
            # a question is never an action, and a hunch asked is not a finding; a cause
            # stated beside it is ("so that's the cause: X. did the packager change today?")
            text = statements(text)
            if not text or not _CAUSE.search(text):
                continue
            tried = [("diagnosis", _CAUSE)]
        for family, pattern in tried:
            m = pattern.search(text)
            if m and pattern is _ACTION_SHAPE and not _acts(m):
                continue
            if m and family in ("mitigation", "recovery") and _NEGATED.search(text[: m.start()]):
                continue  # "nothing deployed today", "not rolled back": no action was taken
            if m:
                if family in _INCIDENT_CHANNEL_ONLY and other_channel(item):
                    break  # another channel's chatter: what the responders did is said here
                tags = ("chat",) + (("capacity",) if CAPACITY_RE.search(text) else ())
                tags += ("measured",) if pattern is _MEASURED else ()
                tags += ("cause",) if pattern is _CAUSE else ()
                if family == "mitigation" and (
                    pattern in (_PASTED, _TYPED) or _reports_done(text, m)
                ):
                    tags += ("done",)
                confidence = 0.6 if family in ("diagnosis", "acknowledged") else 0.3
                said = f"{actor}: " if actor else ""
                out.append(
                    Signal(
                        item.time,
                        family,
                        f"{said}“{excerpt(text, 200)}”",
                        item.source,
                        excerpt(text),
                        confidence,
                        actor,
                        authority=1,
                        # what two people found are two findings: a diagnosis joins only
                        # what its own speaker said within minutes
                        key=f"said by {actor}" if family == "diagnosis" and actor else "",
                        tags=tags,
                    )
                )
                if family == "recovery":
                    out.extend(_action_before(text[: m.start()], item, actor))
                break
    return out


# the mitigation pattern of _CHAT: an action said in a message
_MITIGATION = next(p for f, p in _CHAT if f == "mitigation" and p is not _DONE)


def _action_before(head: str, item: Evidence, actor: str) -> list[Signal]:
    """The action a message reports before the effect it says it had ("vendor reverted the
    certs on b0 and b1, submits succeed since 10:05"): a mitigation row beside the recovery."""
    m = _MITIGATION.search(head)
    if m is None or _NEGATED.search(head[: m.start()]) or asks(head):
        return []
    said = f"{actor}: " if actor else ""
    tags = ("chat", "done") if _reports_done(head, m) else ("chat",)
    text = item.text.strip()
    return [
        Signal(
            item.time,
            "mitigation",
            f"{said}“{excerpt(text, 200)}”",
            item.source,
            excerpt(text),
            0.3,
            actor,
            authority=1,
            tags=tags,
        )  # fmt: skip
    ]


_SHAPED = ("mitigation", _ACTION_SHAPE)
# A measured fact stated as such: a quantity with its unit or of its things ("p99 is 4s",
# "32 slots backpressured", "9.8gb of it", "40% 5xx", "3 of 5 replicas", "503 on everything").
# Kept (as a diagnosis, for the person to judge) only when it is about what the incident
# touched (reconstruct drops the others once it knows the failing services and hosts).
_MEASURED = re.compile(
    r"\b\d+(?:[.,]\d+)?\s?(?:%|ms|s|secs?|seconds|[kmgt]i?b|[kmg]|x|rps|qps)(?![\w/])|"
    r"\b\d+(?:[.,]\d+)?\s?[a-z]{3,}s\b|\b\d+\s?(?:/|of|out of)\s?\d+\b|"
    r"\bp(?:50|75|90|95|99|999)\b|\b[45]\d\d(?:s|'s)?\b|\b[45]xx\b",
    re.I,
)
_MEASURE = ("diagnosis", _MEASURED)
# Whatever a person writes in the status channel (status, customer-updates, comms) is what
# customers were told.
_STATUS_TOLD = [("communication", re.compile(r"\w{3,}"))]

# A message addressed to the people the incident affects, not to its responders: a broadcast
# to a channel of stores, staff or partners ("@channel Card payments are failing at some
# stores ... ask for cash or another tender"), said outside the incident's channel; a report
# of having told someone by name ("told Northwind we've engaged engineering"); an apology for
# the trouble ("the issue on our side is fixed ... Sorry for the trouble").
_BROADCAST = re.compile(r"^\W*(?:@(?:channel|here|everyone)|<!(?:channel|here|everyone)\b)", re.I)
_TOLD_SOMEONE = re.compile(
    r"\b(?i:told|informed|notified) (?:the )?[A-Z][\w&.-]+(?: [A-Z][\w&.-]+)?,? "
    r"(?i:we|that|they|it|our|about)\b|\b(?i:let) [A-Z][\w&.-]+(?: [A-Z][\w&.-]+)? (?i:know)\b"
)
_APOLOGY = re.compile(
    r"\b(?:sorry|apologies) for (?:the|any) (?:trouble|inconvenience|disruption|delays?|issues?)\b|"
    r"\bwe apologi[sz]e\b",
    re.I,
)


# The affected telling the company what they go through, in a channel of theirs (support, a
# warehouse's ops channel), not the incident's: "Lots of chats coming in: guests can't confirm
# bookings ...", "MEM2: no labels printing since about midnight, every pack station gets ...".
_IMPACT_REPORT = re.compile(
    r"\b(?:guests|customers|users|shoppers|stores|drivers|riders|sellers|merchants|patients|"
    r"clients|members|players|tenants|agents|callers|pack stations|stations)\b[^.?!\n]{0,40}?"
    r"\b(?:can'?t|cannot|are unable|aren'?t able|are not able|are getting|keep getting|"
    r"are stuck|are reporting)\b|"
    r"\bno [a-z]+ (?:printing|loading|working|arriving|going out|coming in|syncing) since\b",
    re.I,
)


def _addressed(item: Evidence, text: str) -> list[tuple[str, re.Pattern]]:
    """[("communication", pattern)] when the message tells the affected what happens, or is
    the affected telling (see above), else []."""
    if _TOLD_SOMEONE.search(text) or _APOLOGY.search(text):
        return [("communication", re.compile(r"\w{3,}"))]
    if _IMPACT_REPORT.search(text) and other_channel(item):
        return [("communication", re.compile(r"\w{3,}"))]
    if _BROADCAST.match(text):
        from pm_tui.collectors.slack import looks_like_incident_channel

        if not looks_like_incident_channel(str(item.attrs.get("channel") or "")):
            return [("communication", re.compile(r"\w{3,}"))]
    return []


# An action said as carried out: "`ansible ... state=stopped` done", "completed", or opened by
# a verb in the past ("removed the 20 oldest snapshots"), not one under way ("stopping ...")
_DONE_WORD = re.compile(r"(?:^|[\s`'\",;:.])(?:done|complete[d]?|finished)\b", re.I)


def _reports_done(text: str, m: re.Match) -> bool:
    """The message reports its action carried out, not announced or under way."""
    said = (m.group(1) if m.re is _ACTION_SHAPE else m.group(0)).strip().split()
    verb = said[0].lower() if said else ""
    return bool(_DONE_WORD.search(text)) or (verb.endswith("ed") and verb.isalpha())


def _acts(m: re.Match) -> bool:
    """The verb opening the message is an act (not looking, waiting, failing...) and what it
    acts on is named."""
    verb, rest = m.group(1).lower(), m.group(2)
    return verb not in _NOT_ACTING and (
        _NAMED_THING.search(rest) is not None or _COUNTED.search(rest) is not None
    )


# things counted: an action on a number of them ("removed the 20 oldest snapshots")
# ("replaying 48k dropped west sale events")
_COUNTED = re.compile(r"\b\d+(?:[.,]\d+)?[km]?\s+(?:[a-z]+\s+){0,3}[a-z]{3,}s\b", re.I)


# A message that announces itself as an update ("Status update: ...", "Update for support -")
# is a communication, whatever actions it reports.
_UPDATE_HEAD = re.compile(
    r"^\W*(?:status |customer |stakeholder |comms )?update\b(?: (?:for|to) [\w ]{1,30})?\W*[:\-–—]|"
    r"^\W*(?:support|customer care|customer support|customers|cs|stakeholders) "
    r"(?:told|informed|notified|updated)\W*[:\-–—]|"
    r"^\W*(?:support )?macro (?:is )?(?:live|posted|sent|up|published)\b|"
    r"^\W*(?:(?:posted|posting|updated) (?:to |on )?(?:the )?)?status ?page\b",
    re.I,
)


def _local(item: Evidence) -> datetime:
    """When the message was said, on the speaker's own clock (the export's user zone): the
    clock times a person writes are theirs."""
    zone = item.attrs.get("tz")
    if not zone:
        return item.time
    try:
        from zoneinfo import ZoneInfo

        return item.time.astimezone(ZoneInfo(str(zone)))
    except (KeyError, ValueError, OSError):
        return item.time


# A notice quoted as sent to customers ("customer notice sent + status page: 'Live positions
# are delayed...'"): the quote says what customers read, not what the responders did.
_QUOTED = re.compile(r"(?:^|(?<=[\s:(]))['\"“‘][^'\"”’]{8,}['\"”’](?=[\s.,;:!?)]|$)")
_TOLD = re.compile(
    r"\bstatus ?page\b|\bcustomer (?:notice|notification|email|update|comms)\b|"
    r"\b(?:support )?macro\b|\bnotice (?:sent|posted|is up|published)\b",
    re.I,
)


def _family_of(
    text: str, when: datetime, local: datetime | None = None
) -> list[tuple[str, re.Pattern]]:
    """The chat patterns in the order they are tried: an explanation of the cause first.
    A clock time written may be UTC or the speaker's own (`local`)."""
    if _UPDATE_HEAD.search(text):
        return [("communication", _UPDATE_HEAD)]
    if (
        _CAUSE.search(text)
        or _refers_back(text, when)
        or (local is not None and _refers_back(text, local))
    ):
        return [("diagnosis", _CAUSE), ("diagnosis", _EARLIER_TIME), *_CHAT]
    if _QUOTED.search(text) and _TOLD.search(_QUOTED.sub(" ", text)):
        return [("communication", _TOLD)]
    return _CHAT


def _refers_back(text: str, when: datetime) -> bool:
    """True when the message names a clock time at least 5 minutes before it was said."""
    for m in _EARLIER_TIME.finditer(text):
        h, mi = int(m.group(1) or m.group(3)), int(m.group(2) or m.group(4))
        if h > 23 or mi > 59:
            continue
        said = when.hour * 60 + when.minute
        if 5 <= said - (h * 60 + mi) <= 180:
            return True
    return False


def label(source: str) -> str:
    """The short source name used in candidates."""
    return source_label(source)


# --- what a mail, a ticket or a vendor's status update says ----------------------------------
# A document row (pm_tui.collectors.logs.documents) is read as a log; what its words say
# happened is an event of the story at low confidence (for the person to judge): a partner's
# or vendor's mail announcing a change it made or will make (a certificate rotated, a file's
# format changed, a maintenance window), a mail saying they reverted or fixed their side, the
# service restored, the cause found; a vendor's status update (identified, a fix implemented,
# resolved: the vendor's side).
DOCUMENT_CONFIDENCE = 0.45
_THING = (
    r"(?:certificates?|certs?|signing keys?|key ?pairs?|public keys?|ssh keys?|credentials?|"
    r"passwords?|secrets?|tokens?|ip (?:address(?:es)?|ranges?)|egress ips?|source ips?|"
    r"endpoints?|urls?|host ?names?|dns(?: records?)?|mx records?|(?:file|feed|export|report) "
    r"(?:format|layout|spec(?:ification)?|structure)|formats?|layouts?|schemas?|columns?|"
    r"fields?|api(?: version)?|tls(?: version| configuration)?|ciphers?|cipher suites?|"
    r"firewall(?: rules?)?|allow-?list|whitelist|proxy(?: polic(?:y|ies))?|polic(?:y|ies)|"
    r"settings?|configuration|versions?|release|firmware)"
)
_ANNOUNCED = re.compile(
    r"\b(?:planned|scheduled|emergency) (?:works?|maintenance|change|upgrade|migration)\b|"
    r"\bmaintenance (?:window|notification|notice)\b|"
    r"\b(?:change|maintenance|migration|upgrade|deprecation|rotation|renewal|cutover) "
    r"(?:notice|notification|announcement)\b|"
    rf"\b{_THING}\b[^.;]{{0,60}}?\b(?:(?:will be|was|were|has been|have been|is being|are being|"
    r"got) )?(?:rotated|renewed|replaced|changed|updated|migrated|switched|retired|deprecated|"
    r"rolled over|renamed|reordered|added|removed)\b|"
    rf"\b(?:new|updated|rotated|renewed|additional) (?:(?:our|the|its|their|a) )?{_THING}\b|"
    r"\bwe(?: have|'ve| are|'re| will|'ll| plan to)? (?:now )?(?:rotat|renew|replac|chang|"
    r"updat|migrat|switch|deploy|upgrad|roll(?:ed|ing)? out|introduc|add|remov|mov|enabl|"
    r"disabl|enforc|tighten|block)\w*\b(?! (?:you|u|all|everyone|this (?:ticket|case|thread|"
    r"incident)|the (?:ticket|case|status|incident)|as soon|shortly|within)\b)",
    re.I,
)
_REVERTED = re.compile(
    r"\b(?:reverted|rolled (?:it |this |that |the change )?back|rolling (?:it )?back|backed out|"
    r"undid|undone|switched back|restored the (?:previous|old|former)|re-?enabled|re-?added|"
    r"(?:added|put) (?:your|the|our|those|these) [\w ,.-]{0,40}?(?:ips?|address(?:es)?|ranges?|"
    r"certificates?|certs?|keys?) (?:to|back|on|in)\b|allow-?listed|whitelisted|"
    r"(?:imported|installed|loaded|deployed) (?:the|your|our) (?:new |updated |renewed )?"
    r"(?:certificates?|certs?|keys?)\b|"
    r"fixed (?:it |this |that |the (?:issue|problem) )?(?:on|at) (?:our|their|my) (?:side|end)|"
    r"(?:have|has|'ve) (?:now )?(?:been )?(?:fixed|corrected|re-?sent|resent|re-?uploaded|"
    r"re-?issued|re-?delivered|re-?processed))\b",
    re.I,
)
_RESTORED = re.compile(
    r"\b(?:(?:service|circuit|connectivity|access|traffic|delivery|deliveries|processing|it|"
    r"everything|all (?:services|systems)) (?:is |are |has been |have been |was |were )?"
    r"(?:fully )?(?:restored|back (?:up|online|to normal)|working (?:again|normally)|recovered|"
    r"operational again)|(?:was |been )?restored at|confirmed (?:up|working|restored)|"
    r"back to normal)\b",
    re.I,
)
_FOUND = re.compile(
    r"\b(?:root cause|caused by|due to|the (?:fault|cause|issue|problem) (?:has been|was|is) "
    r"(?:located|identified|found)|we (?:have )?identified)\b",
    re.I,
)
# a mail's words of no action: questions, what did not change
_NOTHING = re.compile(
    r"\b(?:no|not|nothing|never|without|haven'?t|hasn'?t|didn'?t|won'?t|no longer)\b[^.;]{0,25}$",
    re.I,
)


def _said(pattern: re.Pattern, text: str) -> re.Match | None:
    """`pattern`'s first match in `text`, unless the words just before it deny it ("we have
    not rotated ...", "nothing was changed")."""
    m = pattern.search(text)
    if m is None or _NOTHING.search(text[max(0, m.start() - 40) : m.start()]):
        return None
    return m


def _document_kind(item: Evidence) -> str:
    attrs = item.attrs
    if attrs.get("mail_from") is not None or ("subject" in attrs and "from" in attrs):
        return "mail"
    if "feed" in attrs or "status_page" in attrs:
        return "status"
    if "ticket" in attrs:
        return "ticket"
    return ""


# a vendor's status update in the phase it names: "Identified - ...", "Monitoring - A fix has
# been implemented", "Resolved - This incident has been resolved"
_FEED_PHASE = re.compile(r"\b(investigating|identified|monitoring|resolved|completed)\b", re.I)


def document_signals(evidence: list[Evidence]) -> list[Signal]:
    """What mails, tickets and vendors' status updates say happened (see above)."""
    out: list[Signal] = []
    for item in evidence:
        if item.kind != "log":
            continue
        kind = _document_kind(item)
        if not kind:
            continue
        text = " ".join(item.text.split())
        body = item.attrs.get("body")
        if kind == "mail" and isinstance(body, str) and body:
            # the whole of what the mail says (its first lines are the row's text)
            text = f"{item.attrs.get('subject') or ''} — {' '.join(body.split())}"
        if kind == "status":
            signal = _status_update(item, text)
        elif kind == "mail":
            signal = _mail_says(item, text)
        else:
            signal = _ticket_says(item, text)
        if signal is not None:
            out.append(signal)
    return out


def _status_update(item: Evidence, text: str) -> Signal | None:
    phase = str(item.attrs.get("status") or "")
    if not phase:
        # a feed entry: "Title — Oct 6, 16:40 UTC Resolved - This incident has been resolved."
        body = text.split(" — ", 1)[-1]
        m = _FEED_PHASE.search(body[:80])
        phase = m.group(1) if m else ""
    phase = phase.lower()
    who = str(item.attrs.get("status_page") or item.attrs.get("feed") or "")
    said = f"{who}: {excerpt(text, 200)}" if who else excerpt(text, 200)
    if phase in ("resolved", "completed"):
        family = "recovery"  # the vendor's side: its own word, cited as such
    elif phase in ("monitoring", "identified", "update") and _PROVIDER_FIXED.search(text):
        family = "mitigation"
    elif phase == "identified":
        family = "diagnosis"
    else:
        return None
    return Signal(item.time, family, f"Status update {said}", item.source, excerpt(text),
                  DOCUMENT_CONFIDENCE, authority=1, key=f"status {who}",
                  tags=("document", "chat", "provider"))  # fmt: skip


_PROVIDER_FIXED = re.compile(
    r"\b(?:reverted|rolled back|fix (?:has been |was |is )?(?:implemented|deployed|applied|"
    r"rolled out)|mitigation (?:has been |was )?applied)\b",
    re.I,
)


# a ticket opened to escalate what customers go through (a support agent's ticket to the
# engineers): "URGENT: customers cannot log in", "P1 - checkout failing for all EU shoppers"
_ESCALATED = re.compile(
    r"\b(?:escalat\w*|urgent|p1|sev(?:erity)? ?1|outage|(?:customers?|users?|players?|"
    r"clients?|merchants?|partners?|stores?)\b[^.;]{0,40}?\b(?:cannot|can'?t|unable|not able|"
    r"failing|fail|getting errors?|stuck|kicked|locked out|down))\b",
    re.I,
)


def _ticket_says(item: Evidence, text: str) -> Signal | None:
    """A ticket saying its writer reverted or fixed their side (a mitigation), that service is
    restored (a recovery), or escalating what customers go through at a high priority (what
    support told the engineers: a communication), at its opening."""
    said = statements(text)
    level = str(item.attrs.get("level") or "")
    for family, pattern in (
        ("mitigation", _REVERTED),
        ("recovery", _RESTORED),
        ("communication", _ESCALATED),
    ):
        m = _said(pattern, said) if said else None
        if m is None:
            continue
        if family == "communication" and level not in ("error", "critical", "warning"):
            continue  # a routine ticket's words: read, not an event
        from pm_tui.collectors.logs.documents import stated_time

        ticket = str(item.attrs.get("ticket") or "")
        when = (
            stated_time(said[m.start() :], item.time, None, False)
            if family != "communication"
            else None
        )  # what was done, at the time the ticket says (its exporter's zone: UTC)
        return Signal(when or item.time, family, f"Ticket {excerpt(text, 200)}", item.source,
                      excerpt(text), DOCUMENT_CONFIDENCE, authority=1, key=f"ticket {ticket}",
                      tags=("document", "chat", "ticket"))  # fmt: skip
    return None


def _mail_says(item: Evidence, text: str) -> Signal | None:
    from pm_tui.collectors.logs.documents import stated_time

    sender = str(item.attrs.get("from") or item.attrs.get("mail_from") or "")
    if item.attrs.get("announced"):
        # the mail read again at the time it names ahead: only the change it announces
        if _said(_ANNOUNCED, text) is None:
            return None
        return Signal(item.time, "change", f"Mail from {sender}: {excerpt(text, 200)}",
                      item.source, excerpt(text), DOCUMENT_CONFIDENCE, actor=sender, authority=1,
                      key=f"mail {str(item.attrs.get('subject') or '')[:60]}",
                      tags=("document", "chat", "mail"))  # fmt: skip
    subject = str(item.attrs.get("subject") or "")
    offset = item.attrs.get("utc_offset")
    offset = int(offset) if isinstance(offset, int | float) else None
    said = statements(text)
    if not said:
        return None
    tried = (
        ("mitigation", _REVERTED, False),
        ("recovery", _RESTORED, False),
        ("change", _ANNOUNCED, True),
        ("diagnosis", _FOUND, False),
    )
    for family, pattern, ahead in tried:
        m = _said(pattern, said)
        if m is None:
            continue
        if family == "change" and subject.lower().startswith(("re:", "aw:", "sv:")):
            continue  # a reply talks about the change; the announcement is the first mail
        when = stated_time(said[m.start() :], item.time, offset, ahead)
        if when is False:
            return None
        return Signal(
            when or item.time,
            family,
            f"Mail from {sender}: {excerpt(text, 200)}",
            item.source,
            excerpt(text),
            DOCUMENT_CONFIDENCE if family != "diagnosis" else 0.6,
            actor=sender,
            authority=1,
            key=f"said by {sender}" if family == "diagnosis" else f"mail {subject[:60]}",
            tags=("document", "chat", "mail"),
        )
    return None


# --- a setting's change recorded in a log, with who made it -----------------------------------
# A service or a vendor's bridge logging a value changed from one to the next and who changed
# it: `sigset=4470->4471 | published_by=sentinel-release`, `action=KICK->LOG |
# changed_by=api:marc.gagnon`, `pool.max=40 -> 80 by=ops`: a change (a trigger candidate
# before the first symptom, a mitigation during the impact), unless the baseline shows the
# same shape (a routine rotation every hour is no one's change).
_VALUE_CHANGED = re.compile(
    r"(?<![\w.])([A-Za-z][\w.]{1,40})[=:]\s?\"?([\w.:/@+-]{1,60}?)\"?\s?(?:->|→|=>)\s?\"?"
    r"([\w.:/@+-]{1,60})\b"
)
_CHANGED_BY = re.compile(
    r"(?<![\w.])(?:[a-z]+_by|[a-z]+By|by|actor|user|operator|initiator)[=:]\s?\"?([\w.:@/+-]+)",
    re.I,
)
RECORDED_GAP = timedelta(minutes=5)
# a command a named person or admin had the service carry out, as its own log records it:
# "publishing point restart requested via REST API by felix.braun"; Ceph's audit channel,
# `audit [INF] from=... entity='client.admin' cmd=[{"prefix": "osd set-full-ratio", ...}]:
# finished` (a look, `osd df`, `status`, changes nothing)
_REQUESTED_BY = re.compile(
    r"\b([a-z][\w -]{2,40}?) requested (?:via|through|from|over|using) [^.;|]{1,40}? by "
    r"([\w.@-]+)",
    re.I,
)
_AUDITED_COMMAND = re.compile(
    r"\baudit\b.{0,120}?\bentity='([^']+)' cmd='?\[?\{\s*\"prefix\": \"([^\"]+)\".*\bfinished\b"
)
_READ_COMMAND = re.compile(
    r"(?:^|\s)(?:status|health|df|ls|dump|tree|get|stat|query|versions|report|list|"
    r"detail|find|metadata|perf|config-key get|mon_status|quorum_status)\b"
)


def _recorded(line: str) -> tuple[str, str, str] | None:
    """(what changed, the setting or command, who) of a log line recording a change or a
    command by its author; None for any other line."""
    m = _VALUE_CHANGED.search(line) if "->" in line or "→" in line else None
    who = _CHANGED_BY.search(line) if m else None
    if m is not None and who is not None and m.group(2) != m.group(3):
        return (
            f"{m.group(1)} changed {m.group(2)} -> {m.group(3)} by {who.group(1)}",
            m.group(1),
            who.group(1),
        )
    if "requested" in line:
        r = _REQUESTED_BY.search(line)
        if r is not None:
            return f"{r.group(1)} requested by {r.group(2)}", r.group(1), r.group(2)
    if "audit" in line and "cmd=" in line:
        a = _AUDITED_COMMAND.search(line)
        if a is not None and not _READ_COMMAND.search(a.group(2)):
            return f"{a.group(2)} run by {a.group(1)}", a.group(2), a.group(1)
    return None


def recorded_change_signals(evidence: list[Evidence], p: Periods) -> list[Signal]:
    """Changes a log records with their author (see above), one per source, setting and
    five minutes."""
    from pm_tui.timeline.templates import mask

    routine: set[tuple[str, str]] = set()
    found: list[tuple[Evidence, tuple[str, str, str], str, str]] = []
    for item in evidence:
        if item.kind != "log":
            continue
        text = item.text
        if (
            "->" not in text
            and "→" not in text
            and "requested" not in text
            and ("cmd=" not in text)
        ):
            continue
        first = text.strip().split("\n", 1)[0]
        line = first[:400]
        said = _recorded(line)
        if said is None:
            continue
        shape = mask(_VALUE_CHANGED.sub(r"\1=", _CHANGED_BY.sub("", line)))
        if item.time < p.base_end:
            routine.add((item.source, shape))
        else:
            found.append((item, said, shape, first))
    out: list[Signal] = []
    last: dict[tuple[str, str], datetime] = {}
    for item, (what, setting, who), shape, line in sorted(found, key=lambda f: f[0].time):
        if (item.source, shape) in routine:
            continue
        seen = last.get((item.source, setting))
        last[(item.source, setting)] = item.time
        if seen is not None and item.time - seen <= RECORDED_GAP:
            continue
        out.append(
            Signal(
                item.time,
                "change",
                f"{what} ({label(item.source)}): {excerpt(line, 160)}",
                item.source,
                excerpt(line),
                0.6,
                actor=who,
                key=setting,
                tags=("admin", "record"),
            )
        )
    return out
