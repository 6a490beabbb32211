"""The sentence encoder in the blame check (pm_tui/language/embed.py, learned.py): what a user
notices. A blameful sentence whose shape the hand features leave borderline is caught with
the encoder and not without it, and its finding says the sentence model tipped it; a
neutral look-alike stays quiet; real prose stays quiet; the switch (variable and config)
gives the hand-only reading; a missing or broken model gives the hand-only reading, never a
traceback; a document checked twice is encoded once (memory, then the disk cache)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pm_tui.language import check_prose, embed, learned
from pm_tui.language.document import lint_document
from pm_tui.language.learned import TIPPED, WEIGHED

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus" / "real_postmortems"

needs_model = pytest.mark.skipif(
    not embed.installed(), reason="the sentence model is not installed (dev.sh installs it)"
)

# Written for this test (no row of any set): blame in shapes the hand features leave
# borderline, which the sentence model tips over the threshold.
CAUGHT_WITH_ENCODER = [
    "The junior admin thought he could skip the maintenance window.",
    "Again Oksana found a creative way to take down the billing API.",
    "Kwame's shortcut is the only reason we are writing this document.",
]
# Caught with the encoder model and not hand-only, where the encoder model's own hand weights
# (fitted together with the embedding) carry it without the encoder's term (the fifteenth
# stop's refit): the finding then names the hand features, not the sentence model.
CAUGHT_BY_THE_ENCODER_MODEL = ["Bongani's change. Again."]
# Their neutral look-alikes: the same people, the same systems, no blame.
LOOK_ALIKES = [
    "The junior admin thought he could wait for the maintenance window, and did.",
    "Oksana found a creative way to bring the billing API back.",
    "Kwame's shortcut in the runbook saved us ten minutes.",
    "Bongani's change. Reverted at 10:14.",
    "Hamza pushed the button to fail over, and traffic recovered within a minute.",
    "Pieter logged in at 09:02 and saw the alert.",
    "Jonas was told about the disk alert at 14:00 and expanded the volume.",
    "Anneliese dropped the unused staging table after the incident was resolved.",
]


@pytest.fixture
def encoder(monkeypatch, tmp_path):
    """The encoder on, its disk cache in a temporary folder; the switch read afresh."""
    monkeypatch.setenv(embed.SWITCH_ENV, "on")
    monkeypatch.setenv(embed.CACHE_ENV, str(tmp_path / "embeddings"))
    embed.reset()
    yield tmp_path / "embeddings"
    embed.reset()


def _blame(text: str) -> list:
    return [f for f in check_prose(text) if f.rule.startswith("blame/")]


def _off(monkeypatch) -> None:
    monkeypatch.setenv(embed.SWITCH_ENV, "off")
    embed.reset()


@needs_model
@pytest.mark.parametrize("sentence", CAUGHT_WITH_ENCODER + CAUGHT_BY_THE_ENCODER_MODEL)
def test_blame_the_hand_features_leave_open_is_caught_with_the_encoder(
    encoder, monkeypatch, sentence
):
    found = _blame(sentence)
    assert [f.rule for f in found] == [WEIGHED]
    if sentence not in CAUGHT_BY_THE_ENCODER_MODEL:
        assert TIPPED in found[0].message  # the finding says what tipped it
    _off(monkeypatch)
    assert _blame(sentence) == []  # the hand-only reading lets it pass


@needs_model
@pytest.mark.parametrize("sentence", LOOK_ALIKES)
def test_a_neutral_look_alike_stays_quiet_with_the_encoder(encoder, sentence):
    assert _blame(sentence) == []


@needs_model
def test_real_post_mortems_stay_quiet_with_the_encoder(encoder):
    docs = [p for p in sorted(CORPUS.glob("*.md")) if p.name != "README.md"]
    found = [f for p in docs for f in lint_document(p.read_text(encoding="utf-8"))]
    blame = [f for f in found if f.rule.startswith("blame/")]
    assert len(blame) * 10 <= len(docs), [f.message for f in blame]


@needs_model
def test_the_switch_turns_the_encoder_off(encoder, monkeypatch):
    sentence = CAUGHT_WITH_ENCODER[0]
    assert _blame(sentence)
    _off(monkeypatch)
    assert _blame(sentence) == []
    assert learned.threshold() == learned._model()[2]  # the hand-only weights and thresholds


@needs_model
def test_config_toml_turns_the_encoder_off(encoder, monkeypatch, tmp_path):
    sentence = CAUGHT_WITH_ENCODER[0]
    config = tmp_path / "config.toml"
    config.write_text("[language]\nsentence_model = false\n", encoding="utf-8")
    monkeypatch.setenv("PM_TUI_CONFIG", str(config))
    monkeypatch.delenv(embed.SWITCH_ENV)
    embed.reset()
    assert _blame(sentence) == []
    config.write_text("[language]\nsentence_model = true\n", encoding="utf-8")
    embed.reset()
    assert _blame(sentence)


def test_a_missing_model_gives_the_hand_only_reading(encoder, monkeypatch, tmp_path):
    sentence = CAUGHT_WITH_ENCODER[0]
    monkeypatch.setenv(embed.MODEL_ENV, str(tmp_path / "no-model-here"))
    embed.reset()
    assert not embed.available()
    assert _blame(sentence) == []
    assert _blame("Gerald forgot to renew the certificate.")  # the rules still speak


def test_a_broken_model_gives_the_hand_only_reading_not_a_traceback(encoder, monkeypatch, tmp_path):
    broken = tmp_path / "broken-model"
    broken.mkdir()
    (broken / "model.safetensors").write_bytes(b"not a model")
    (broken / "tokenizer.json").write_text("{}", encoding="utf-8")
    monkeypatch.setenv(embed.MODEL_ENV, str(broken))
    embed.reset()
    off = [_blame(s) for s in CAUGHT_WITH_ENCODER[:2]]
    assert off == [[], []]
    assert embed.failure()  # said why, for `doctor` and the debug log


@needs_model
def test_a_document_checked_again_is_not_encoded_again(encoder):
    doc = "\n\n".join(CAUGHT_WITH_ENCODER + LOOK_ALIKES)
    first = lint_document(doc)
    encoded = embed.stats["encoded"]
    assert encoded >= len(CAUGHT_WITH_ENCODER)  # the borderline sentences, in one batch
    assert lint_document(doc) == first
    assert embed.stats["encoded"] == encoded  # from memory
    embed.reset()  # a new process: the memory is empty, the disk cache is not
    assert lint_document(doc) == first
    assert embed.stats["encoded"] == 0 and embed.stats["disk"] >= len(CAUGHT_WITH_ENCODER)
    assert not list(encoder.rglob("*.tmp"))  # written whole, then renamed


def test_starting_the_language_checks_loads_no_numpy():
    code = (
        "import sys\n"
        "from pm_tui.language import check_prose\n"
        "check_prose('The deploy finished at 10:02 and the error rate fell.')\n"
        "print(sorted(m for m in ('numpy', 'tokenizers', 'safetensors') if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"
