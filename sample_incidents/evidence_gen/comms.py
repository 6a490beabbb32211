"""Alert notifications (Alertmanager webhook payloads) and PagerDuty log entries."""

from __future__ import annotations

import hashlib
import json
import urllib.parse
from datetime import datetime

from . import scenario as sc

HIGH_ERROR_EXPR = (
    'sum by (job) (rate(http_requests_total{job="api",code=~"5.."}[5m]))\n  /\n'
    'sum by (job) (rate(http_requests_total{job="api"}[5m])) > 0.05'
)
ZERO_TIME = "0001-01-01T00:00:00Z"


def _payload(status: str, ratio: float, ends_at: str) -> dict:
    labels = {"alertname": "HighErrorRate", "job": "api", "severity": "page"}
    fp = hashlib.sha256(json.dumps(labels, sort_keys=True).encode()).hexdigest()[:16]
    ann = {"summary": f"API 5xx ratio above 5% ({ratio * 100:.4g}%)"}
    gen = "http://prometheus-0.monitoring.svc:9090/graph?" + urllib.parse.urlencode(
        {"g0.expr": HIGH_ERROR_EXPR, "g0.tab": "1"}
    )
    return {
        "receiver": "page-api",
        "status": status,
        "alerts": [
            {
                "status": status,
                "labels": labels,
                "annotations": ann,
                "startsAt": sc.iso_z(sc.ALERT_FIRING),
                "endsAt": ends_at,
                "generatorURL": gen,
                "fingerprint": fp,
            }
        ],
        "groupLabels": {"alertname": "HighErrorRate", "job": "api"},
        "commonLabels": labels,
        "commonAnnotations": ann,
        "externalURL": "http://alertmanager.monitoring.svc:9093",
        "version": "4",
        "groupKey": '{}/{severity="page"}:{alertname="HighErrorRate", job="api"}',
        "truncatedAlerts": 0,
    }


def notifications(firing_ratio: float, last_ratio: float) -> str:
    """What the webhook receiver on the `page-api` route recorded: a JSON array of payloads."""
    rows = [
        _payload("firing", firing_ratio, ZERO_TIME),
        _payload("resolved", last_ratio, sc.iso_z(sc.ALERT_RESOLVED)),
    ]
    return json.dumps(rows, indent=2) + "\n"


PD = "https://shop-example.pagerduty.com"
API = "https://api.pagerduty.com"


def _ref(kind: str, id_: str, summary: str, path: str) -> dict:
    return {
        "id": id_,
        "type": f"{kind}_reference",
        "summary": summary,
        "self": f"{API}/{path}/{id_}",
        "html_url": f"{PD}/{path}/{id_}",
    }


def _entry(
    id_: str, type_: str, summary: str, at: datetime, agent: dict, channel: dict, **extra: object
) -> dict:
    inc = _ref(
        "incident", sc.PD_INCIDENT_ID, "[#4812] [FIRING:1] HighErrorRate api (page)", "incidents"
    )
    svc = _ref("service", "PSV7API", sc.PD_SERVICE, "services")
    row = {
        "id": id_,
        "type": type_,
        "summary": summary,
        "self": f"{API}/log_entries/{id_}",
        "html_url": f"{PD}/incidents/{sc.PD_INCIDENT_ID}/log_entries/{id_}",
        "created_at": sc.iso_z(at),
        "agent": agent,
        "channel": channel,
        "service": svc,
        "incident": inc,
        "teams": [_ref("team", "PTSHOP1", "Shop Platform", "teams")],
        "contexts": [],
    }
    row.update(extra)
    return row


def pagerduty_log_entries() -> str:
    """GET /incidents/Q1ABCDEF2GHIJK/log_entries as saved (REST API v2 shape, newest first)."""
    alice = _ref("user", sc.ALICE.pd_id, sc.ALICE.name, "users")
    integ = {
        "id": "PINT7AM",
        "type": "events_api_v2_inbound_integration_reference",
        "summary": "Prometheus Alertmanager",
        "self": f"{API}/services/PSV7API/integrations/PINT7AM",
        "html_url": f"{PD}/services/PSV7API/integrations/PINT7AM",
    }
    svc_agent = _ref("service", "PSV7API", sc.PD_SERVICE, "services")
    rows = [
        _entry(
            "R2TRG0A1B2C3D4",
            "trigger_log_entry",
            "Triggered through the API.",
            sc.PAGE_TRIGGERED,
            integ,
            {
                "type": "api",
                "summary": "[FIRING:1] HighErrorRate api (page)",
                "details": {
                    "firing": "Labels:\n - alertname = HighErrorRate\n - job = api\n - severity = page\nAnnotations:\n - summary = API 5xx ratio above 5%\n",
                    "num_firing": "1",
                    "num_resolved": "0",
                },
            },
            event_details={"description": "[FIRING:1] HighErrorRate api (page)"},
        ),
        _entry(
            "R2NTF1E5F6G7H8",
            "notify_log_entry",
            "Notified Alice Chen.",
            sc.PAGE_NOTIFIED,
            svc_agent,
            {"type": "auto"},
            user=alice,
            notification={
                "type": "phone_notification",
                "status": "success",
                "address": "+15555550142",
            },
        ),
        _entry(
            "R2NTF2J9K0L1M2",
            "notify_log_entry",
            "Notified Alice Chen.",
            sc.PAGE_NOTIFIED,
            svc_agent,
            {"type": "auto"},
            user=alice,
            notification={
                "type": "push_notification",
                "status": "success",
                "address": "Alice's iPhone",
            },
        ),
        _entry(
            "R2ACK3N4P5Q6R7",
            "acknowledge_log_entry",
            "Acknowledged by Alice Chen.",
            sc.PAGE_ACKED,
            alice,
            {"type": "mobile"},
            acknowledgement_timeout=1800,
        ),
        _entry(
            "R2ANN4S8T9U0V1",
            "annotate_log_entry",
            "Note added",
            sc.PD_NOTE,
            alice,
            {
                "type": "note",
                "summary": "Root cause found: v2.3.0 order lookup by customer_ref seq-scans orders; DB pool exhausted. Working on mitigation in #inc-api-2025-02-09.",
            },
        ),
        _entry(
            "R2RES5W2X3Y4Z5",
            "resolve_log_entry",
            "Resolved by Alice Chen.",
            sc.RESOLVED,
            alice,
            {"type": "web_ui"},
        ),
    ]
    rows.reverse()
    doc = {"log_entries": rows, "limit": 100, "offset": 0, "more": False, "total": len(rows)}
    return json.dumps(doc, indent=2) + "\n"
