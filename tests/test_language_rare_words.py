"""Names that are also rare dictionary words. Webster's list holds "tolu" (a balsam), "regula",
"awa", "yaw", "ngaio" (a tree): the blame check took every such name for a word, so "This one
is on Regula" passed. A capitalised word that everyday English does not write (wordfreq's
list of words seen once per million words or more, shipped as data/en-frequent.z) is a
person where blame stands; an everyday word ("Beat", "Rose") or a rare word built of
everyday ones ("Blameless", "Unbounded", "Fallback") stays a word. Credit phrased as a cause
("X is the reason we recovered") stays quiet. The sentences are written for this test."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pm_tui.language import check_prose
from pm_tui.language.agents import _english, name_like

ROOT = Path(__file__).resolve().parents[1]

# Names Webster's list also holds as rare words.
RARE_WORD_NAMES = ["Tolu", "Regula", "Awa", "Yaw", "Ngaio"]
BLAMEFUL = [
    "{n} is the reason the orders table went down.",
    "This one is on {n}.",
    "The fault lies with {n}.",
    "We hold {n} responsible for the lost invoices.",
]
NEUTRAL = [
    "{n} is the reason we recovered within the hour.",
    "{n} restored the production bucket from the snapshot.",
    "{n} paged the database team at 02:14.",
    "Thanks to {n}, the failover finished in four minutes.",
]


def _blame(text: str) -> list:
    return [f for f in check_prose(text) if f.rule.startswith("blame/")]


@pytest.mark.parametrize("name", RARE_WORD_NAMES)
def test_a_name_that_is_a_rare_dictionary_word_is_a_person(name):
    assert _english(name.lower())  # the point: the dictionary holds it as a word
    assert name_like(name)
    for shape in BLAMEFUL:
        sentence = shape.format(n=name)
        assert _blame(sentence), sentence


@pytest.mark.parametrize("name", RARE_WORD_NAMES)
def test_the_same_names_in_neutral_sentences_stay_quiet(name):
    for shape in NEUTRAL:
        sentence = shape.format(n=name)
        assert not _blame(sentence), sentence


@pytest.mark.parametrize(
    "word", ["Beat", "Rose", "Blameless", "Unbounded", "Reassess", "Fallback", "Placeholder"]
)
def test_everyday_words_and_words_built_of_them_are_no_people(word):
    assert not name_like(word)
    assert not _blame(f"The fault lies with {word} rules in the config.")


def test_credit_phrased_as_a_cause_is_no_blame():
    assert not _blame("Teodora is the reason we recovered within three hours.")
    assert not _blame("Imani's runbook is the reason recovery took minutes rather than hours.")
    (finding,) = _blame("Teodora is the reason the orders table went down.")
    assert "reason" in finding.message


def test_an_act_only_people_do_names_the_function_that_did_it():
    assert _blame("The SMS gateway ran out of credit because Procurement forgot to renew it.")
    assert not _blame("Procurement renewed the SMS gateway contract a week early.")


def test_the_frequency_list_loads_only_when_a_name_like_word_needs_it():
    """Prose with no capitalised word never reads data/en-frequent.z (nor imports NumPy)."""
    code = (
        "from pm_tui.language import check_prose\n"
        "from pm_tui.language.agents import _frequent_list\n"
        "check_prose('the cache filled up and the service restarted twice.')\n"
        "print(_frequent_list.cache_info().currsize)\n"
        "check_prose('This one is on Regula.')\n"
        "print(_frequent_list.cache_info().currsize)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["0", "1"]
