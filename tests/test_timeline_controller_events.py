"""A controller's log of the Kubernetes events it records is read for its changes (#20).

train14 korbo-search-canary (TRAINING): Argo Rollouts' own log is the only record of the
canary it ran: `Event(v1.ObjectReference{Kind:"Rollout", Namespace:"search", Name:"search-api",
...}): type: 'Normal' reason: 'RolloutUpdated' Rollout updated to revision 41` at 12:04:40 (the
trigger), its traffic weight steps, and the undo to revision 42 at 13:41 that a responder
announced. `pm-tui timeline` showed none of them; now the spec updated is a change (a person's
or a pipeline's), the controller's steps are changes it made itself (never a mitigation), and
the same event logged again within minutes is one row."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from pm_tui.collectors.evidence import Evidence

T0 = datetime(2026, 8, 6, 12, 4, 40, tzinfo=UTC)


def _line(reason: str, said: str) -> str:
    return (
        'Event(v1.ObjectReference{Kind:"Rollout", Namespace:"search", Name:"search-api", '
        'UID:"db85", APIVersion:"argoproj.io/v1alpha1", ResourceVersion:"914", FieldPath:""}): '
        f"type: 'Normal' reason: '{reason}' {said}"
    )


def test_a_controllers_recorded_events_are_its_changes():
    from pm_tui.timeline.detect_events import _controller_events

    logs = [
        (0, "RolloutUpdated", "Rollout updated to revision 41"),
        (1, "RolloutUpdated", "Rollout updated to revision 41"),  # logged again
        (47, "TrafficWeightUpdated", "Traffic weight updated from 0 to 10"),
        (60, "ScalingReplicaSet", "Scaled up ReplicaSet search-api-6f9d8c7b5 from 3 to 6"),
        (61, "AnalysisRunRunning", "Analysis Run started"),
    ]
    evidence = [
        Evidence(T0 + timedelta(seconds=s), "logs:/cd/argo-rollouts.log", "log", _line(r, t), {})
        for s, r, t in logs
    ]
    got = [(s.time - T0, s.text, "automatic" in s.tags) for s in _controller_events(evidence)]
    assert got == [
        (timedelta(0), "Rollout search-api: Rollout updated to revision 41", False),
        (timedelta(seconds=47), "Rollout search-api: Traffic weight updated from 0 to 10", True),
    ]
