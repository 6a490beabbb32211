"""A responder's action said in fewer words (#20): tuning misses of heldout13 and retired12
(spent) where the action a responder reported in the incident's channel made no mitigation row
in `pm-tui timeline`: a signal or a thing named and said done ("HUP done, Login OK for ...",
"xfs_growfs done", "CHG-88219 done"), an action on a counted thing written with its unit
("replaying 48k dropped west sale events"), a command pasted as run in a code block with its
output (`kafka-consumer-groups ... --reset-offsets ... --execute`). A look pasted the same way
(`kubectl get`), a dry run, and work said done that changes nothing stay out."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from pm_tui.collectors.evidence import Evidence

AT = datetime(2026, 8, 13, 9, 26, tzinfo=UTC)


def _families(said: str) -> list[str]:
    from pm_tui.timeline.detect_events import chat_signals

    attrs = {"user": "U1", "actor": "Aisha Patel", "channel": "inc-5512-pick-backlog"}
    return [s.family for s in chat_signals([Evidence(AT, "slack:x", "message", said, attrs)])]


@pytest.mark.parametrize(
    "said",
    [
        "HUP done, Login OK for devices.hrstores.co.uk now",
        "xfs_growfs done, 800G free, starting postgres",
        "CHG-88219 done, TRANSIT-A sessions established, BFD stable",
        "replaying 48k dropped west sale events",
        "```kafka-consumer-groups --bootstrap-server b-1:9092 --group push-sender-v2 "
        "--topic euc1.order-events --reset-offsets --to-datetime 2026-06-23T13:02:00.000 "
        "--execute\nGROUP           TOPIC              PARTITION  NEW-OFFSET\n"
        "push-sender-v2  euc1.order-events  0          44079```",
        "```kubectl -n pay scale deploy/payments-api --replicas=6\n"
        "deployment.apps/payments-api scaled```",
    ],
)
def test_an_action_said_done_in_few_words_is_a_mitigation(said):
    assert _families(said) == ["mitigation"]


@pytest.mark.parametrize(
    "said",
    [
        "```kubectl -n pay get pods\nNAME   READY   STATUS```",
        "```helm upgrade payments ./chart --dry-run```",
        "analysis done, writing it up",
        "seeing 48k dropped sale events since 17:02",
    ],
)
def test_a_look_a_dry_run_or_a_finding_is_no_mitigation(said):
    assert "mitigation" not in _families(said)


@pytest.mark.parametrize(
    ("said", "family"),
    [
        # a cause drawn as what follows for the things that fail, an error code explained
        ("radius is rejecting them: v7 sets the outer identity to host/<serial>@devices.example "
         "and rad-lon policy only knows hh.example. so devices with v7 can't join", "diagnosis"),
        ("The old ones still connect to 10.40.12.31 = bookings-db-a, now a reader: our JRE base "
         "image sets networkaddress.cache.ttl=-1, so the JVM never re-resolves the endpoint",
         "diagnosis"),
        ("error 803 = 'unsupported display driver / cuda driver combination'", "diagnosis"),
        # what we cannot do, and "so far", are no cause
        ("so we can't roll back the migration quickly", None),
        ("acked. upload-api throwing 500s, 2 of 8 pods so far. botocore can't refresh "
         "credentials", "acknowledged"),
    ],
)  # fmt: skip
def test_a_cause_drawn_as_a_consequence_is_a_diagnosis(said, family):
    assert _families(said)[:1] == ([family] if family else [])
