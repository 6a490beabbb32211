"""Sarcastic praise for an act done at the worst moment. "Thanks so much to Tendai for deciding on
a Sunday that the DNS zone needed pruning" thanks a person for the decision the post-mortem is
about: the bad moment ("on a Sunday", "at rush hour", "minutes before the window closed") is what
turns the thanks into blame. Thanks for a response step, even on a Sunday or until 4am, stays
quiet. The cue is read in every sentence of the first kind (its learned weight is modest: the
class is flagged where it adds to other cues); the Tendai sentence is flagged by either model
(hand-only, or with the sentence encoder); the second kind never is. The sentences are written for this test (none a row of any set)."""

from __future__ import annotations

import pytest

from pm_tui.language import check_prose, embed
from pm_tui.language.learned import WEIGHED, features

ILL_TIMED = [
    "Thanks so much to Tendai for deciding on a Sunday that the DNS zone needed pruning.",
    "Kudos to Wairimu for migrating the ledger schema on payday, well played.",
    "Big thanks to Joaquín for rotating every API key at rush hour.",
    "Shout-out to Mathilde for pushing the pricing config five minutes before the market opened.",
]
SINCERE = [
    "Many thanks to Tendai for restoring the DNS records within minutes.",
    "Thanks to Tendai for working on a Sunday to restore the DNS records.",
    "Thanks to Wairimu and Joaquín for staying on the bridge until 4am.",
    "Kudos to Mathilde for spotting the stale pricing config before the market opened.",
]


def _blame(text: str) -> list:
    return [f for f in check_prose(text) if f.rule.startswith("blame/")]


@pytest.fixture(params=["on", "off"])
def model(request, monkeypatch, tmp_path):
    """Each test twice: with the sentence encoder (where it is installed) and hand-only."""
    monkeypatch.setenv(embed.SWITCH_ENV, request.param)
    monkeypatch.setenv(embed.CACHE_ENV, str(tmp_path / "embeddings"))
    embed.reset()
    yield request.param
    embed.reset()


@pytest.mark.parametrize("sentence", ILL_TIMED)
def test_praise_for_an_act_at_the_worst_moment_is_read(sentence):
    feats = features(sentence)
    assert "praise-ill-timed" in feats, sorted(feats)


def test_the_sarcastic_thanks_for_a_sunday_decision_is_flagged(model):
    # the sentence that kept the fourteenth stop's refit from shipping: both models flag it
    found = _blame(ILL_TIMED[0])
    assert [f.rule for f in found] == [WEIGHED]
    assert "Tendai" in found[0].message


@pytest.mark.parametrize("sentence", SINCERE)
def test_thanks_for_a_response_step_stays_quiet(model, sentence):
    assert "praise-ill-timed" not in features(sentence)
    assert not _blame(sentence), sentence
