"""Vague actions judged by checkability (issue 21): what makes an action checkable, not
keywords. Floors on the retired blind rounds (tuning material now), and constructed actions
of each class."""

from __future__ import annotations

from pathlib import Path

import pytest

from pm_tui.language import check_action

RETIRED = Path(__file__).parent / "data" / "retired_heldout"


def _vague(text: str) -> bool:
    return any(f.rule.startswith("vague-action/") for f in check_action(text))


@pytest.mark.parametrize("k", [1, 2, 3, 4])
def test_retired_rounds_stay_above_the_bar(k):
    tp = fp = fn = 0
    for line in (RETIRED / f"round{k}" / "vague_actions.tsv").read_text("utf-8").splitlines():
        if "\t" not in line:
            continue
        label, text = line.split("\t", 1)
        got = _vague(text)
        tp += label == "1" and got
        fp += label == "0" and got
        fn += label == "1" and not got
    assert tp / (tp + fp) >= 0.95 and tp / (tp + fn) >= 0.95, (tp, fp, fn)


@pytest.mark.parametrize(
    "text",
    [
        "Get in sync with the storage folks about snapshot schedules.",  # intending
        "Iterate on the incident process.",
        "Adopt chaos engineering practices more broadly.",
        "Move towards a more self-service platform.",
        "Retry fewer things where possible.",  # an open scope
        "Rationalise the Kafka/ZooKeeper/Schema Registry setup.",  # acronyms decide nothing
        "[P1] Look into the flaky Cassandra repairs (owner: @ines, Q2)",  # a tag, an owner
        "TODO: something about the DNS TTLs",
        "Tune the connection pool.",  # a direction with no target
        "Audit the repositories for similar secrets.",
        "Check whether the backups are fine across regions.",
    ],
)
def test_intentions_directions_and_open_scopes_are_vague(text):
    assert _vague(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Add a liveness probe to the ledger service that queries its primary.",  # specific
        "Share the failover drill recording with the payments guild.",
        "Document the cache warm-up procedure in the edge runbook.",
        "Grant deploy rights to new hires only after the deploy course.",
        "Ensure every ingress has a cert-manager.io/issuer annotation.",  # a checkable state
        "Make the migrate tool refuse to run when the target is prod.",  # not "make ...er"
        "Make CI fail when a Helm chart lacks resource limits.",
        "Find out whether Envoy 1.29 fixes the leak and post the answer in #edge by Friday.",
        "Run `kubectl diff` in CI for every PR touching deploy/.",
    ],
)
def test_doing_with_a_specific_object_or_checkable_end_is_concrete(text):
    assert not _vague(text), text
