"""One sender's story told again and again is one row of the timeline (#20).

heldout15 (spent) showed false highs on an automation's own repeated notifications (a FinOps
budget guard posting that it scaled a node pool to zero, every ten minutes) and on a CDN
vendor's status updates (each update of one incident under the same title): each post became
a candidate, and `--accept-high` accepted several. The shapes here are written from that class,
not copied from the set: the repeats fold into the first telling, which says how often and until
when it was told; different deploys of one bot, and a person's two similar messages, stay apart."""

from __future__ import annotations

from datetime import timedelta

from pm_tui.collectors.evidence import CollectWindow, Evidence
from pm_tui.timeline.accept import HIGH_CONFIDENCE
from pm_tui.timeline.reconstruct import reconstruct
from tests.timeline_clock import at, every


def _gateway() -> list[Evidence]:
    out = []
    for t in every(at(8, 0), at(11, 30), timedelta(seconds=20)):
        failing = at(10, 0) <= t < at(10, 40)
        text = "origin fetch via CDN POP FRA failed: 503" if failing else "request ok"
        out.append(
            Evidence(
                t, "logs:/ev/gateway.log", "log", text, {"level": "error" if failing else "info"}
            )
        )
    return out


def _post(t, actor: str, text: str, bot: bool = True) -> Evidence:
    attrs = {"actor": actor, "user": actor, "channel": "inc-checkout", "incident_channel": True}
    if bot:
        attrs["bot"] = True
    return Evidence(t, "slack:/ev/slack", "message", text, attrs)


def _rows(extra: list[Evidence]):
    return reconstruct(_gateway() + extra, CollectWindow(at(9, 30), at(11, 30)))


def test_an_automations_repeated_notification_is_one_row():
    posts = [
        _post(
            at(9, 55) + timedelta(minutes=10 * i),
            "budget-guard",
            f"Node pool *general* scaled to 0 by budget-guard: project shop-prod at {101 + i}% "
            f"of its monthly budget (run {400 + i})",
        )
        for i in range(6)
    ]
    rows = [r for r in _rows(posts) if "budget" in r.text]
    assert len(rows) == 1, [r.text for r in rows]
    (row,) = rows
    assert row.time == at(9, 55) and row.kind == "change"
    assert "told 6 times by budget-guard until 10:45" in row.text
    # nothing of the repeats is accepted by `h`
    assert row.confidence < HIGH_CONFIDENCE


def test_a_vendors_status_updates_under_one_title_are_one_row():
    updates = [
        (10, "Investigating", "We are investigating elevated 503 errors in European POPs."),
        (18, "Identified", "The issue has been identified and a fix is being implemented."),
        (26, "Update", "We are continuing to work on a fix for this issue."),
        (34, "Monitoring", "A fix has been implemented and we are monitoring the results."),
        (44, "Resolved", "This incident has been resolved."),
    ]
    posts = [
        _post(
            at(10, m), "Fastly Status", f"*Elevated 503 errors in European POPs*\n{phase} - {body}"
        )
        for m, phase, body in updates
    ]
    rows = [r for r in _rows(posts) if "Fastly" in r.text or "European POPs" in r.text]
    assert len(rows) == 1, [(r.kind, r.text) for r in rows]
    assert rows[0].time == at(10, 10) and "told 5 times" in rows[0].text


def test_deploys_a_rollback_and_a_persons_two_messages_stay_apart():
    posts = [
        _post(
            at(9, 50), "Argo CD", "Application *search-api* sync succeeded to revision `4f2a9c1`"
        ),
        _post(
            at(10, 20), "Argo CD", "Application *checkout-api* sync succeeded to revision `9be01d2`"
        ),
        # the same application again, at another revision: its rollback, an event of its own
        _post(
            at(10, 38), "Argo CD", "Application *checkout-api* sync succeeded to revision `4f2a9c1`"
        ),
        _post(at(10, 5), "Ana", "still seeing 503s from the FRA POP", bot=False),
        _post(at(10, 9), "Ana", "still seeing 503s from the FRA POP", bot=False),
    ]
    rows = _rows(posts)
    deploys = [r for r in rows if "sync succeeded" in r.text]
    assert {r.time for r in deploys} == {at(9, 50), at(10, 20), at(10, 38)}
    assert not any("told" in r.text for r in rows)
