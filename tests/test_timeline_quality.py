"""The quality bar of issue 6, from raw evidence through the real collectors: the bundled
2025-02-09 incident and a synthetic OOM incident of another shape, built in tmp."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from pm_tui.collectors.runner import collect_all
from pm_tui.durations import timeline_durations
from pm_tui.postmortem_store import read_postmortem
from pm_tui.timeline import accept, reconstruct
from pm_tui.timeline.discover import specs_for_folder
from pm_tui.workflow.window import collection_window
from tests import synthetic_oom
from tests.conftest import SAMPLE_ID, SAMPLES

pytest.importorskip(
    "pm_tui.collectors.logs.collect", reason="the log-file collector is not in this build"
)

TOLERANCE = timedelta(seconds=60)


def at(hhmmss: str) -> datetime:
    return datetime.fromisoformat(f"2025-02-09T{hhmmss}+00:00")


SAMPLE_KEY_EVENTS = [
    ("first 5xx", at("10:05:00"), {"first_symptom"}, "5xx"),
    ("pool exhaustion", at("10:05:00"), {"first_symptom"}, "QueuePool limit"),
    ("alert fired", at("10:12:00"), {"alert_fired"}, "HighErrorRate"),
    ("page", at("10:12:20"), {"paged"}, ""),
    ("acknowledged by Alice", at("10:16:05"), {"acknowledged"}, "Alice Chen"),
    ("cache deployment", at("10:52:00"), {"mitigation"}, "cache"),
    ("error rate back to normal", at("10:58:00"), {"recovery"}, "back to normal"),
    ("resolution", at("11:40:00"), {"resolved"}, ""),
]
SAMPLE_NOISE = [
    "deprecated endpoint",
    "recommendations-svc",
    "198.51.100.",
    "unhandled exception",
    "order-export",
]


def _collect(folder, pm):
    window = collection_window(pm)
    specs, _ = specs_for_folder(folder)
    results = collect_all(specs, window)
    assert not any(r.counts.get("failed") for r in results), [
        str(g) for r in results for g in r.gaps
    ]
    return [e for r in results for e in r.evidence], window


def _matches(candidates, when, kinds, words=""):
    return [
        c
        for c in candidates
        if abs(c.time - when) <= TOLERANCE
        and c.kind in kinds
        and words.lower() in (c.text + " " + c.actor).lower()
    ]


def _all_text(candidate) -> str:
    return " ".join([candidate.text, *(link.excerpt for link in candidate.evidence)]).lower()


@pytest.fixture(scope="module")
def sample():
    pm = read_postmortem(SAMPLES / f"{SAMPLE_ID}.toml")
    evidence, window = _collect(SAMPLES / SAMPLE_ID / "evidence", pm)
    return pm, reconstruct(evidence, window)


@pytest.fixture(scope="module")
def oom(tmp_path_factory):
    from pm_tui.model import new_postmortem

    folder = synthetic_oom.write(tmp_path_factory.mktemp("oom") / "evidence")
    # the person's rough start and the resolution time, as a new post-mortem would have them
    pm = new_postmortem("Checkout OOM kills", synthetic_oom.at("14:00:00"),
                        resolved=synthetic_oom.at("14:50:00"))  # fmt: skip
    evidence, window = _collect(folder, pm)
    return pm, reconstruct(evidence, window)


@pytest.mark.parametrize(
    "name,when,kinds,words", SAMPLE_KEY_EVENTS, ids=[k[0] for k in SAMPLE_KEY_EVENTS]
)
def test_sample_candidates_show_each_key_event_within_a_minute(sample, name, when, kinds, words):
    _, candidates = sample
    assert _matches(candidates, when, kinds, words), f"no candidate for {name} at {when:%H:%M:%S}"


def test_sample_benign_noise_is_not_an_event(sample):
    _, candidates = sample
    for c in candidates:
        for word in SAMPLE_NOISE:
            assert word.lower() not in _all_text(c), f"noise {word!r} in {c.kind} {c.text}"


def test_sample_list_is_short_enough_to_curate(sample):
    _, candidates = sample
    for name, when, _, _ in SAMPLE_KEY_EVENTS:
        near = [c for c in candidates if abs(c.time - when) <= TOLERANCE]
        assert len(near) <= 3, f"{name}: {[(c.kind, c.text[:40]) for c in near]}"
    assert len(candidates) <= 3 * len(read_postmortem(SAMPLES / f"{SAMPLE_ID}.toml").timeline)


def test_sample_one_happening_cites_every_source_at_the_earliest_evidence(sample):
    _, candidates = sample
    first = _matches(candidates, at("10:05:00"), {"first_symptom"}, "5xx")[0]
    # since #18 the OpenMetrics dump is read too: its latency and pool-waiting rise (10:04:15)
    # is the earliest evidence of the same happening; the worker's errors follow at 10:05:37
    assert {"access.log.gz", "api.jsonl.gz", "metrics.om.gz"} <= set(first.sources)
    # dated within the scrape step before that sample (the rise began after the last usual one)
    earliest = min(link.time for link in first.evidence)
    assert earliest - timedelta(seconds=15) <= first.time <= earliest
    assert "capacity" in first.tags


def test_sample_durations_from_accepted_candidates_match_the_curated_ones(sample):
    pm, candidates = sample
    curated = timeline_durations(pm)
    bare = accept(pm.__class__(id=pm.id, title=pm.title, window=pm.window), candidates)
    got = timeline_durations(bare)
    for name in ("detect", "acknowledge", "mitigate", "resolve"):
        want, have = getattr(curated, name), getattr(got, name)
        assert have is not None and abs(have - want) <= timedelta(minutes=2), (name, have, want)


@pytest.mark.parametrize(
    "name,when,kinds", synthetic_oom.KEY_EVENTS, ids=[k[0] for k in synthetic_oom.KEY_EVENTS]
)
def test_oom_incident_candidates_show_each_key_event(oom, name, when, kinds):
    _, candidates = oom
    assert _matches(candidates, when, kinds), f"no candidate for {name} at {when:%H:%M:%S}"
    near = [c for c in candidates if abs(c.time - when) <= TOLERANCE]
    assert len(near) <= 3


def test_oom_incident_recall_noise_and_durations(oom):
    pm, candidates = oom
    found = sum(bool(_matches(candidates, t, k)) for _, t, k in synthetic_oom.KEY_EVENTS)
    assert found / len(synthetic_oom.KEY_EVENTS) >= 0.9
    for c in candidates:
        for word in synthetic_oom.NOISE_WORDS:
            assert word.lower() not in _all_text(c), f"noise {word!r} in {c.text}"
    first = next(c for c in candidates if c.kind == "first_symptom")
    assert "oom" in first.tags and "capacity" in first.tags
    got = timeline_durations(accept(pm, candidates))
    truth = {k: t for k, t, _ in [(e[0], e[1], e[2]) for e in synthetic_oom.KEY_EVENTS]}
    start = truth["first OOM kill"]
    want = {
        "detect": truth["alert fired"] - start,
        "acknowledge": truth["acknowledged by Bob"] - start,
        "mitigate": truth["rollback to v4.0.3"] - start,
        "resolve": truth["resolved"] - start,
    }
    for name, value in want.items():
        have = getattr(got, name)
        assert have is not None and abs(have - value) <= timedelta(minutes=2), (name, have, value)
