"""Shared writers for the evaluation-incident generators (stdlib only, deterministic).

Each gen_<name>.py builds one incident folder: evidence/ in the formats the real
tools write, plus truth.toml.  Run `python3 tests/incidents/gen/gen_<name>.py`
from the repository root (or anywhere: paths are relative to this file).
"""
import datetime as _dt
import gzip
import hashlib
import io
import json
import os
import random
import shutil
from zoneinfo import ZoneInfo

UTC = _dt.timezone.utc
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)  # tests/incidents


def T(s):
    """'2026-02-11 14:02:07' (UTC) -> aware datetime."""
    return _dt.datetime.fromisoformat(s).replace(tzinfo=UTC)


def add(t, seconds=0, minutes=0, hours=0, days=0):
    return t + _dt.timedelta(seconds=seconds, minutes=minutes, hours=hours, days=days)


def iso(t, ms=False):
    if ms:
        return t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000)
    return t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def iso_us(t):
    return t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def local(t, zone):
    return t.astimezone(ZoneInfo(zone))


def epoch(t):
    return t.timestamp()


def hexid(rng, n=16):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def uid(seed, n=8):
    return hashlib.sha1(seed.encode()).hexdigest()[:n]


def uuid(seed):
    h = hashlib.md5(seed.encode()).hexdigest()
    return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:32])


def frange(start, end, step_s):
    t = start
    while t <= end:
        yield t
        t = add(t, seconds=step_s)


def poisson_times(rng, start, end, rate_per_s):
    """Event times of a Poisson process with the given rate (deterministic via rng)."""
    t = start
    out = []
    if rate_per_s <= 0:
        return out
    while True:
        t = add(t, seconds=rng.expovariate(rate_per_s))
        if t >= end:
            return out
        out.append(t)


class Incident:
    def __init__(self, subset, name):
        self.dir = os.path.join(ROOT, subset, name)
        if os.path.isdir(self.dir):
            shutil.rmtree(self.dir)
        os.makedirs(os.path.join(self.dir, "evidence"))

    def path(self, rel):
        p = os.path.join(self.dir, "evidence", rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        return p

    def write(self, rel, data):
        if isinstance(data, str):
            data = data.encode("utf-8")
        p = self.path(rel)
        if rel.endswith(".gz"):
            with open(p, "wb") as f:
                with gzip.GzipFile(filename="", mode="wb", fileobj=f, mtime=0) as g:
                    g.write(data)
        else:
            with open(p, "wb") as f:
                f.write(data)

    def lines(self, rel, lines):
        self.write(rel, "".join(l + "\n" for l in lines))

    def json(self, rel, obj, indent=2):
        self.write(rel, json.dumps(obj, indent=indent) + "\n")

    def truth(self, name, shape, summary, window, milestones, key_events, noise, files):
        def q(s):
            return json.dumps(s, ensure_ascii=False)
        out = ["name = %s" % q(name), "shape = %s" % q(shape),
               'summary = """%s"""' % summary.strip(), "",
               "[rough_window]", "start = %s" % q(iso(window[0])), "end = %s" % q(iso(window[1])), "",
               "[milestones]"]
        for k in ("started", "detected", "acknowledged", "mitigated", "resolved"):
            out.append("%s = %s" % (k, q(iso(milestones[k]))))
        for t, kind, what, source, *tol in sorted(key_events, key=lambda e: e[0]):
            out += ["", "[[key_event]]", "time = %s" % q(iso(t)), "kind = %s" % q(kind),
                    "what = %s" % q(what), "source = %s" % q(source),
                    "tolerance_s = %d" % (tol[0] if tol else 60)]
        for t, what, source in sorted(noise, key=lambda e: e[0]):
            out += ["", "[[noise]]", "time = %s" % q(iso(t)), "what = %s" % q(what), "source = %s" % q(source)]
        for path, kind, *tz in files:
            out += ["", '[files."evidence/%s"]' % path, "kind = %s" % q(kind)]
            if tz and tz[0]:
                out.append("tz = %s" % q(tz[0]))
        with open(os.path.join(self.dir, "truth.toml"), "w") as f:
            f.write("\n".join(out) + "\n")
        # sanity: every declared file exists, every evidence file is declared
        ev = os.path.join(self.dir, "evidence")
        declared = set(p for p, *_ in files)
        for p in declared:
            assert os.path.exists(os.path.join(ev, p)), p
        for dp, dn, fn in os.walk(ev):
            for f in fn:
                rel = os.path.relpath(os.path.join(dp, f), ev)
                assert any(rel == d or rel.startswith(d.rstrip("/") + "/") for d in declared), rel
        assert 6 <= len(key_events) <= 12, len(key_events)
        for t, kind, what, source, *tol in key_events:
            assert window[0] <= t <= window[1], (what, t)
            assert source.split("/")[0] in set(d.split("/")[0] for d in declared), source
        size = sum(os.path.getsize(os.path.join(dp, f)) for dp, dn, fn in os.walk(self.dir) for f in fn)
        assert size < 2_000_000, size
        print("%s: %d bytes" % (self.dir, size))


# ---------------------------------------------------------------- log formats
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def nginx(t, ip, method, path, status, size, ua, rt=None, ref="-", zone=None):
    lt = local(t, zone) if zone else t.astimezone(UTC)
    off = lt.strftime("%z")
    s = '%s - - [%02d/%s/%d:%s %s] "%s %s HTTP/1.1" %d %d "%s" "%s"' % (
        ip, lt.day, MONTHS[lt.month - 1], lt.year, lt.strftime("%H:%M:%S"), off, method, path, status, size, ref, ua)
    if rt is not None:
        s += " %.3f" % rt
    return s


def syslog(t, zone, host, prog, msg):
    lt = local(t, zone)
    return "%s %2d %s %s %s: %s" % (MONTHS[lt.month - 1], lt.day, lt.strftime("%H:%M:%S"), host, prog, msg)


def logback(t, zone, level, thread, logger, msg):
    lt = local(t, zone)
    return "%s.%03d [%s] %-5s %s - %s" % (lt.strftime("%Y-%m-%d %H:%M:%S"), lt.microsecond // 1000, thread, level, logger, msg)


def klog(t, sev, pid, src, msg):
    u = t.astimezone(UTC)
    return "%s%s %s.%06d %7d %s] %s" % (sev, u.strftime("%m%d"), u.strftime("%H:%M:%S"), u.microsecond, pid, src, msg)


def logfmt(pairs):
    out = []
    for k, v in pairs:
        v = str(v)
        if v == "" or any(c in v for c in ' ="'):
            v = '"' + v.replace('"', '\\"') + '"'
        out.append("%s=%s" % (k, v))
    return " ".join(out)


def jline(obj):
    return json.dumps(obj, separators=(",", ":"))


# ---------------------------------------------------------------- kubernetes
class Kube:
    def __init__(self, rng):
        self.rng = rng
        self.items = []

    def ev(self, t, ns, kind, name, reason, message, type_="Normal", component="kubelet", host=None,
           count=1, first=None, action=None):
        rv = str(4_800_000 + len(self.items) * 37 + self.rng.randint(0, 30))
        first = first or t
        self.items.append(dict(t=t, first=first, ns=ns, kind=kind, name=name, reason=reason, message=message,
                               type=type_, component=component, host=host, count=count, rv=rv, action=action))

    def pod_start(self, t, ns, pod, node, image, container):
        self.ev(t, ns, "Pod", pod, "Scheduled", "Successfully assigned %s/%s to %s" % (ns, pod, node),
                component="default-scheduler")
        self.ev(add(t, seconds=1), ns, "Pod", pod, "Pulling", 'Pulling image "%s"' % image, host=node)
        self.ev(add(t, seconds=4), ns, "Pod", pod, "Pulled",
                'Successfully pulled image "%s" in 2.81s (2.81s including waiting). Image size: 48211345 bytes.' % image,
                host=node)
        self.ev(add(t, seconds=4), ns, "Pod", pod, "Created", "Created container %s" % container, host=node)
        self.ev(add(t, seconds=5), ns, "Pod", pod, "Started", "Started container %s" % container, host=node)

    def _meta_name(self, it):
        return "%s.%x" % (it["name"], int(epoch(it["first"]) * 1e9) & 0xFFFFFFFFFFFF)

    def core_list(self):
        items = []
        for it in sorted(self.items, key=lambda i: i["t"]):
            items.append({
                "apiVersion": "v1", "count": it["count"],
                "eventTime": None,
                "firstTimestamp": iso(it["first"]),
                "involvedObject": {
                    "apiVersion": "v1" if it["kind"] in ("Pod", "Node") else "apps/v1",
                    "kind": it["kind"], "name": it["name"],
                    **({"namespace": it["ns"]} if it["kind"] != "Node" else {}),
                    **({"fieldPath": "spec.containers{%s}" % it["name"].split("-")[0]}
                       if it["kind"] == "Pod" and it["reason"] not in ("Scheduled",) else {}),
                    "resourceVersion": str(int(it["rv"]) - 11),
                    "uid": uuid(it["ns"] + it["name"]),
                },
                "kind": "Event", "lastTimestamp": iso(it["t"]),
                "message": it["message"],
                "metadata": {"creationTimestamp": iso(it["first"]), "name": self._meta_name(it),
                             "namespace": it["ns"] or "default", "resourceVersion": it["rv"],
                             "uid": uuid(self._meta_name(it) + it["reason"])},
                "reason": it["reason"], "reportingComponent": it["component"] if it["component"] != "kubelet" else "kubelet",
                "reportingInstance": it["host"] or "",
                "source": {"component": it["component"], **({"host": it["host"]} if it["host"] else {})},
                "type": it["type"],
            })
        return {"apiVersion": "v1", "items": items, "kind": "List", "metadata": {"resourceVersion": ""}}

    def v1_list(self):
        items = []
        for it in sorted(self.items, key=lambda i: i["t"]):
            d = {
                "action": it["action"] or ("Binding" if it["reason"] == "Scheduled" else it["reason"]),
                "apiVersion": "events.k8s.io/v1",
                "deprecatedCount": it["count"],
                "deprecatedFirstTimestamp": iso(it["first"]),
                "deprecatedLastTimestamp": iso(it["t"]),
                "deprecatedSource": {"component": it["component"], **({"host": it["host"]} if it["host"] else {})},
                "eventTime": None,
                "kind": "Event",
                "metadata": {"creationTimestamp": iso(it["first"]), "name": self._meta_name(it),
                             "namespace": it["ns"] or "default", "resourceVersion": it["rv"],
                             "uid": uuid(self._meta_name(it) + it["reason"])},
                "note": it["message"], "reason": it["reason"],
                "regarding": {"apiVersion": "v1", "kind": it["kind"], "name": it["name"],
                              **({"namespace": it["ns"]} if it["kind"] != "Node" else {}),
                              "uid": uuid(it["ns"] + it["name"])},
                "reportingController": it["component"], "reportingInstance": it["host"] or "",
                "type": it["type"],
            }
            items.append(d)
        return {"apiVersion": "v1", "items": items, "kind": "List", "metadata": {"resourceVersion": ""}}


# ---------------------------------------------------------------- prometheus
def query_range(series, start, end, step, fmt="%.6g"):
    """series: list of (labels dict, fn(t)->float|None)."""
    result = []
    for labels, fn in series:
        vals = []
        for t in frange(start, end, step):
            v = fn(t)
            if v is None:
                continue
            s = fmt % v if not isinstance(v, str) else v
            vals.append([int(epoch(t)) if epoch(t) == int(epoch(t)) else epoch(t), s])
        result.append({"metric": labels, "values": vals})
    return {"status": "success", "data": {"resultType": "matrix", "result": result}}


def openmetrics(families):
    """families: list of (name, type, help, [(labels, [(t, value)])]). Counters get _total."""
    out = []
    for name, typ, help_, series in families:
        out.append("# TYPE %s %s" % (name, typ))
        out.append("# HELP %s %s" % (name, help_))
        sample = name + "_total" if typ == "counter" else name
        for labels, points in series:
            lab = ",".join('%s="%s"' % (k, v) for k, v in labels.items())
            for t, v in points:
                out.append("%s{%s} %s %.3f" % (sample, lab, repr(float(v)) if isinstance(v, float) else v, epoch(t)))
    out.append("# EOF")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- alertmanager
def am_alert(name, labels, summary, starts, ends=None, desc=None, gen_url="http://prometheus-0:9090/graph",
             status=None):
    lab = {"alertname": name, **labels}
    fp = uid(json.dumps(lab, sort_keys=True), 16)
    st = status or ("resolved" if ends else "firing")
    return {"status": st, "labels": lab,
            "annotations": {"summary": summary, **({"description": desc} if desc else {})},
            "startsAt": iso(starts, ms=True) if starts.microsecond else iso(starts),
            "endsAt": iso(ends) if ends else "0001-01-01T00:00:00Z",
            "generatorURL": gen_url + "?g0.expr=" + name.lower(), "fingerprint": fp}


def am_webhook(receiver, alerts, group_by=("alertname",), external="https://alertmanager.example.net"):
    firing = any(a["status"] == "firing" for a in alerts)
    glabels = {k: alerts[0]["labels"][k] for k in group_by if k in alerts[0]["labels"]}
    common = dict(alerts[0]["labels"])
    for a in alerts[1:]:
        common = {k: v for k, v in common.items() if a["labels"].get(k) == v}
    common_ann = dict(alerts[0]["annotations"]) if len(alerts) == 1 else {}
    gk = "{}:{%s}" % ", ".join('%s="%s"' % kv for kv in glabels.items())
    return {"receiver": receiver, "status": "firing" if firing else "resolved", "alerts": alerts,
            "groupLabels": glabels, "commonLabels": common, "commonAnnotations": common_ann,
            "externalURL": external, "version": "4", "groupKey": gk, "truncatedAlerts": 0}


def amtool_alert(name, labels, summary, starts, updated, receivers=("default",), desc=None, state="active",
                 silenced_by=()):
    lab = {"alertname": name, **labels}
    return {"annotations": {"summary": summary, **({"description": desc} if desc else {})},
            "endsAt": iso(add(updated, minutes=4), ms=True), "fingerprint": uid(json.dumps(lab, sort_keys=True), 16),
            "receivers": [{"name": r} for r in receivers], "startsAt": iso(starts, ms=True),
            "status": {"inhibitedBy": [], "silencedBy": list(silenced_by), "state": state},
            "updatedAt": iso(updated, ms=True), "generatorURL": "http://prometheus-k8s-0:9090/graph?g0.expr=" + name,
            "labels": lab}


# ---------------------------------------------------------------- pagerduty
class PD:
    def __init__(self, incident_no, title, service, service_id, esc_policy="EP Primary"):
        self.inc = {"id": "Q" + uid(title, 13).upper(), "type": "incident_reference", "summary": "[#%d] %s" % (incident_no, title),
                    "self": "https://api.pagerduty.com/incidents/Q" + uid(title, 13).upper(),
                    "html_url": "https://acme.pagerduty.com/incidents/Q" + uid(title, 13).upper()}
        self.service = {"id": service_id, "type": "service_reference", "summary": service,
                        "self": "https://api.pagerduty.com/services/" + service_id,
                        "html_url": "https://acme.pagerduty.com/service-directory/" + service_id}
        self.ep = esc_policy
        self.entries = []

    @staticmethod
    def user(name, uid_=None):
        if uid_ is None:
            return {"type": "user_reference", "summary": name}
        return {"id": uid_, "type": "user_reference", "summary": name,
                "self": "https://api.pagerduty.com/users/" + uid_, "html_url": "https://acme.pagerduty.com/users/" + uid_}

    def add(self, t, typ, agent=None, channel=None, summary=None, **extra):
        eid = "R" + uid("%s%s%d" % (typ, t, len(self.entries)), 25).upper()
        e = {"id": eid, "type": typ, "summary": summary or typ, "self": "https://api.pagerduty.com/log_entries/" + eid,
             "html_url": None, "created_at": iso(t), "agent": agent, "channel": channel or {"type": "auto"},
             "service": self.service, "incident": self.inc, "teams": [], "contexts": [],
             "event_details": {"description": self.inc["summary"].split("] ", 1)[1]}}
        e.update(extra)
        self.entries.append(e)

    def export(self):
        es = sorted(self.entries, key=lambda e: e["created_at"], reverse=True)
        return {"log_entries": es, "limit": 100, "offset": 0, "more": False, "total": None}


# ---------------------------------------------------------------- slack
class Slack:
    def __init__(self):
        self.users = {}
        self.channels = {}
        self.msgs = {}

    def user(self, uid_, name, real, tz="Europe/London", bot=False):
        self.users[uid_] = {"id": uid_, "team_id": "T02ACME01", "name": name, "deleted": False, "color": "9f69e7",
                            "real_name": real, "tz": tz, "tz_label": tz, "tz_offset": 0,
                            "profile": {"real_name": real, "display_name": name, "title": "",
                                        "image_72": "https://avatars.slack-edge.com/%s_72.png" % uid_},
                            "is_admin": False, "is_owner": False, "is_bot": bot, "is_app_user": False,
                            "updated": 1760000000}

    def channel(self, cid, name, purpose="", created=None):
        self.channels[name] = {"id": cid, "name": name, "created": int(epoch(created)) if created else 1700000000,
                               "creator": next(iter(self.users)), "is_archived": False, "is_general": name == "general",
                               "members": list(u for u in self.users if not self.users[u]["is_bot"]),
                               "pins": [], "topic": {"value": "", "creator": "", "last_set": 0},
                               "purpose": {"value": purpose, "creator": "", "last_set": 0}}
        self.msgs[name] = []

    def say(self, ch, t, user, text, thread_of=None, **extra):
        ts = "%.6f" % epoch(t)
        m = {"client_msg_id": uuid(ch + ts + text), "type": "message", "text": text, "user": user, "ts": ts,
             "team": "T02ACME01", "user_team": "T02ACME01", "source_team": "T02ACME01",
             "user_profile": {"real_name": self.users[user]["real_name"], "display_name": self.users[user]["name"],
                              "name": self.users[user]["name"], "is_restricted": False, "is_ultra_restricted": False},
             "blocks": [{"type": "rich_text", "block_id": uid(ts, 5),
                         "elements": [{"type": "rich_text_section", "elements": [{"type": "text", "text": text}]}]}]}
        if thread_of is not None:
            m["thread_ts"] = "%.6f" % epoch(thread_of)
            m["parent_user_id"] = user
        m.update(extra)
        self.msgs[ch].append(m)
        return t

    def bot(self, ch, t, bot_id, username, attachments=None, blocks=None, text=""):
        ts = "%.6f" % epoch(t)
        m = {"type": "message", "subtype": "bot_message", "text": text, "ts": ts, "username": username,
             "bot_id": bot_id}
        if attachments is not None:
            m["attachments"] = attachments
        if blocks is not None:
            m["blocks"] = blocks
        self.msgs[ch].append(m)

    def write(self, inc, base):
        inc.json(base + "/users.json", list(self.users.values()), indent=4)
        inc.json(base + "/channels.json", list(self.channels.values()), indent=4)
        for ch, ms in self.msgs.items():
            byday = {}
            for m in sorted(ms, key=lambda m: float(m["ts"])):
                d = _dt.datetime.fromtimestamp(float(m["ts"]), UTC).strftime("%Y-%m-%d")
                byday.setdefault(d, []).append(m)
            for d, lst in byday.items():
                inc.json("%s/%s/%s.json" % (base, ch, d), lst, indent=4)


def am_slack_attachment(status, name, text, color=None):
    color = color or ("danger" if status == "firing" else "good")
    title = "[%s] %s" % (status.upper() if status == "firing" else "RESOLVED", name)
    return [{"id": 1, "color": {"danger": "E01E5A", "good": "2EB67D", "warning": "ECB22E"}[color],
             "fallback": title, "title": title,
             "title_link": "https://alertmanager.example.net/#/alerts?receiver=slack", "text": text,
             "mrkdwn_in": ["text", "pretext"]}]


def pd_slack_blocks(text):
    return [{"type": "section", "block_id": uid(text, 4), "text": {"type": "mrkdwn", "text": text, "verbatim": False}}]


# ---------------------------------------------------------------- pagerduty webhook v2 (added for heldout2)
_PD_V2_EVENT = {"trigger_log_entry": "incident.trigger", "acknowledge_log_entry": "incident.acknowledge",
                "unacknowledge_log_entry": "incident.unacknowledge", "resolve_log_entry": "incident.resolve",
                "assign_log_entry": "incident.assign", "escalate_log_entry": "incident.escalate",
                "annotate_log_entry": "incident.annotate"}


def pd_webhook_v2_bodies(pd, number, title, created, urgency="high"):
    """One PagerDuty v2 webhook POST body per state-changing log entry of `pd` (oldest first)."""
    status = "triggered"
    bodies = []
    for e in sorted(pd.entries, key=lambda e: e["created_at"]):
        ev = _PD_V2_EVENT.get(e["type"])
        if ev is None:
            continue
        status = {"incident.trigger": "triggered", "incident.acknowledge": "acknowledged",
                  "incident.unacknowledge": "triggered", "incident.resolve": "resolved"}.get(ev, status)
        inc = {"id": pd.inc["id"], "incident_number": number, "title": title, "description": title,
               "created_at": iso(created), "status": status, "incident_key": uid(title, 32),
               "service": {"id": pd.service["id"], "name": pd.service["summary"], "html_url": pd.service["html_url"],
                           "deleted_at": None, "description": pd.service["summary"], "summary": pd.service["summary"],
                           "type": "service"},
               "assignments": [] if status == "resolved" else [{"at": e["created_at"], "assignee": e.get("user") or e.get("agent") or {}}],
               "last_status_change_at": e["created_at"], "urgency": urgency, "type": "incident",
               "html_url": pd.inc["html_url"], "self": pd.inc["self"], "summary": "[#%d] %s" % (number, title),
               "escalation_policy": {"id": "PEP" + uid(pd.ep, 4).upper(), "type": "escalation_policy_reference", "summary": pd.ep}}
        bodies.append({"messages": [{"id": uuid("pdv2" + e["id"]), "event": ev, "created_on": e["created_at"],
                                     "incident": inc,
                                     "webhook": {"endpoint_url": "https://hooks.acme.internal/pagerduty", "name": "ops-archive",
                                                 "type": "webhook_reference", "webhook_object": pd.service},
                                     "log_entries": [e]}]})
    return bodies
