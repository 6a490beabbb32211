"""People no list names, as writers who never saw the rules write them: a lower-case chat name
before its act ("kavitha merged ..."), a sentence in (or mixed with) Portuguese or French ("O
Léo subiu o hotfix sem revisão", "l'équipe réseau changed the VLAN"), French-speaker English
("the responsible of the playout"), a name that is an everyday word receiving a sanction ("Beat
should be formally reprimanded"), a unit the sentence calls people ("on their own initiative",
"head office's decision"), a person as the answer to a cause label in Portuguese ("Causa raiz:
Marcelo Dias") or set against the system ("the problem was the dispatcher, not the system").
Each is read as a person and flagged; its neutral look-alike (a system, a response step, a
thing) stays quiet. The sentences are written for this test (none a row of any set)."""

from __future__ import annotations

import pytest

from pm_tui.language import check_prose
from pm_tui.language.agents import reset_vocabulary, set_vocabulary
from pm_tui.language.learned import features

# (sentence, the person the check must read in it)
BLAMEFUL = [
    ("rodrigo merged without a review again and broke checkout", "rodrigo"),
    ("[03:12] kemi: obinna just dropped the ledger archive table", "obinna"),
    ("if hye-jin had just asked in #infra first we would not be writing this", "hye-jin"),
    ("O Thiago subiu o hotfix sem revisão e quebrou o login por biometria.", "Thiago"),
    ("A Duda apagou o bucket de comprovantes e ninguém percebeu.", "Duda"),
    ("As usual, l'équipe réseau changed the VLAN without warning anybody.", "l'équipe"),
    ("The estagiária deleted the pricing cache in prod during the sale.", "estagiária"),
    (
        "The responsible of the night batch has forgotten to load the new tariff file.",
        "responsible",
    ),
    ("Head office's decision to skip the failover test is why we were down all day.", "office's"),
    ("Beat should be formally reprimanded for running the purge without approval.", "Beat"),
    ("Risk Control switched off the velocity rule on their own initiative.", "Control"),
    ("Causa raiz: Marcelo Dias, que subiu a config errada do balanceador.", "Marcelo"),
    ("The problem was the dispatcher, not the system.", "dispatcher"),
]
NEUTRAL = [
    "deploy failed twice overnight and the queue backed up",
    "nginx reloaded the config at 14:02 and the errors stopped",
    "O Thiago reverteu o hotfix e o login voltou em dois minutos.",
    "A Duda restaurou o bucket de comprovantes a partir do backup.",
    "L'équipe réseau restored the VLAN at 10:14 and paged the on-call.",
    "The estagiária spotted the stale pricing cache and paged the on-call.",
    "Access should be revoked for the old service account.",
    "Head office approved the maintenance window a week ahead.",
    "The pods recovered on their own after ten minutes.",
    "Causa raiz: o certificado do balanceador expirou às 03:00.",
    "The problem was the disk, not the network.",
    "The dispatcher followed the runbook, not the system prompt.",
]


def _features(text: str) -> dict[str, str]:
    token = set_vocabulary(text)  # as check_prose reads it: the text's words are its things
    try:
        return features(text)
    finally:
        reset_vocabulary(token)


def _blame(text: str) -> list:
    return [f for f in check_prose(text) if f.rule.startswith("blame/")]


@pytest.mark.parametrize(("sentence", "person"), BLAMEFUL)
def test_the_person_no_list_names_is_read(sentence, person):
    feats = _features(sentence)
    # the features keep one word per kind: the person is an agent, a subject or a label's value
    agents = {v for k, v in feats.items() if k.startswith(("agent:", "subject:", "label-value"))}
    assert person in agents, sorted(feats)


@pytest.mark.parametrize(("sentence", "person"), BLAMEFUL)
def test_the_blame_on_them_is_flagged(sentence, person):
    assert _blame(sentence), sentence


@pytest.mark.parametrize("sentence", NEUTRAL)
def test_the_neutral_look_alike_stays_quiet(sentence):
    assert not _blame(sentence), sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "rodrigo merged the branch with the debug logging still on",
        "obinna just dropped the ledger archive table",
    ],
)
def test_a_lower_case_chat_name_weighs_as_the_same_name_capitalised(sentence):
    from pm_tui.language.learned import weigh

    capitalised = sentence[0].upper() + sentence[1:]
    lower, upper = weigh(sentence), weigh(capitalised)
    assert lower is not None and upper is not None
    assert abs(lower[0] - upper[0]) < 0.05
