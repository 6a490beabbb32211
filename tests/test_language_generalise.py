"""The blame reading on writers and names it was never shown (issue 21).

Cross-writer floors: the weighed reading is trained by bench/train_blame_model.py's own code
on three retired blind rounds and our own sets, and scored (with the rules) on the fourth
round, whose writer it never saw. The constructed sentences name people by names, ids and
roles that no list in pm_tui/language holds, in the classes of issue 21.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pm_tui.language import check_prose
from pm_tui.language.learned import WEIGHED, features
from pm_tui.language.text import split_sentences

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def trainer():
    from bench import train_blame_model

    return train_blame_model


@pytest.mark.parametrize(
    ("held_out", "floor_p", "floor_r"),
    [(3, 0.89, 0.80), (4, 0.88, 0.74)],  # rules alone: R 0.647 and 0.619
)
def test_cross_writer_floor_on_a_round_the_model_never_saw(trainer, held_out, floor_p, floor_r):
    rounds = {k: trainer.featurise(p) for k, p in enumerate(trainer.ROUNDS, start=1)}
    train_files, _ = trainer.own_sets()
    own = [row for p in train_files for row in trainer.featurise(p)]
    rows = [row for k, rs in rounds.items() if k != held_out for row in rs] + own
    w, b = trainer.train(rows)
    t = 0.85
    test = rounds[held_out]
    p, r, *_ = trainer.pr([(y, fired or trainer.predict(w, b, f) >= t) for y, f, fired in test])
    rules_r = trainer.pr([(y, fired) for y, _, fired in test])[1]
    assert p >= floor_p and r >= floor_r, (p, r)
    assert r >= rules_r + 0.1  # the weighed reading adds what no rule knew


@pytest.mark.parametrize(
    "text",
    [
        "Contributing factor #2: Wairimu.",  # an unknown name as the answer of a cause label
        "k.adeyemi@ dropped the billing index by hand and broke invoicing.",  # an id, no @ first
        "the deploy was pushed by s.lindqvist and it broke login",
        "honestly tiihu just wiped the staging bucket without asking",  # a name in lower case
        "The release captain shipped the build with failing smoke tests.",  # a role no list had
    ],
)
def test_people_no_list_names_are_read_in_the_place_of_a_cause(text):
    assert not check_prose(text, weighed=False), "a rule knew it: pick another sentence"
    found = [f for f in check_prose(text) if f.rule == WEIGHED]
    assert len(found) == 1, text
    assert "weighed" in found[0].message and "system condition" in found[0].suggestion


@pytest.mark.parametrize(
    "text",
    [
        "Castor lost its lease during a GC pause and stopped serving reads.",
        "Pollux was evicted for memory pressure and rescheduled on another node.",
        "The release captain announced the freeze in the channel at 09:00.",
        "k.adeyemi@ opened the incident channel and posted the first status update.",
        "Cause: the retention job deleted partitions older than the configured window.",
        "Thandeka wrote the backfill script that we used to repair the ledger.",
        "The night coordinator escalated to the storage vendor within five minutes.",
        "Ruairí restored the orders table from the 04:00 snapshot.",
    ],
)
def test_services_named_like_people_and_neutral_acts_stay_quiet(text):
    assert not check_prose(text), text


def test_agents_are_recognised_by_form():
    cases = {
        "t.okafor@ changed the zone and broke mail.": ("agent:handle", "t.okafor@"),
        "per the log, l.virtanen deleted the rules by mistake": ("agent:handle", "l.virtanen"),
        "The night operators routinely skip the handover notes.": ("subject:role", "operators"),
        "Cause of the data loss: the weekend coordinator.": ("cause-label", None),
        "We lost a day of writes thanks to Oyelaran.": ("cause-link", None),
    }
    for text, (feature, words) in cases.items():
        feats = features(text)
        assert feature in feats, (text, sorted(feats))
        if words is not None:
            assert feats[feature] == words
    # a file name and an abbreviation are no ids; a system's own state is no person's act
    assert "agent:handle" not in features("see main.go and e.g. the broken config")
    assert "system-reason" in features("Draco skipped a run because the lock was held.")


@pytest.mark.parametrize(
    "text",
    [
        # a subject that behaves as only a system does, in its own clause
        "Borealis broke the nightly export by timing out on every shard.",
        "Quasar crashed on start because its config loader rejected a tab.",
        "Root cause: Talos's retry loop had no jitter, so it flooded the queue.",
        # hypotheses announced as ruled out, blame rejected
        "First theory (quickly ruled out): a contractor had wiped the bucket by hand.",
        "The suspicion that the intern had dropped the table was ruled out by the audit log.",
        "No individual caused this; the deploy tool allowed it.",
        "We do not hold any engineer responsible; the guard was missing.",
    ],
)
def test_systems_hypotheses_and_rejections_stay_quiet_under_the_rules(text):
    assert not check_prose(text), text


@pytest.mark.parametrize(
    "text",
    [
        # the system behaviour belongs to another clause's subject: the person still blamed
        "Because of Bruno's typo in the values file, every pod ran out of memory.",
        "Bob shipped the hotfix without the migration and the app crashed on start.",
        "Culprit: Björn's hotfix.",
    ],
)
def test_a_person_stays_blamed_when_a_system_fails_in_another_clause(text):
    assert check_prose(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Tavita has no business touching the production firewall.",  # character, no rarer word
        "Sione was warned twice and pushed the change anyway.",
        "The outage has Ngaire's fingerprints on every step.",
    ],
)
def test_judging_phrases_open_the_reading(text):
    assert not check_prose(text, weighed=False)
    assert [f.rule for f in check_prose(text)] == [WEIGHED], text


@pytest.mark.parametrize(
    "text",
    [
        "We put this on the roadmap for Q3.",
        "The hands on the keyboard were guided by a clear runbook.",
        "Components/Addons release notes need more careful reading before an upgrade.",
    ],
)
def test_phrases_and_paths_alone_blame_no_one(text):
    assert not check_prose(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Whose fault? Nkechi's.",
        "Who broke it? Tuyết.",
        "So who is to blame? The release manager.",
        "whose fault was this?? @mkowalski",
    ],
)
def test_a_person_given_as_the_answer_to_who_is_to_blame(text):
    """Issue 21: a person as the *answer*. The question and its short answer read as one
    sentence, the answer as the question's value, and the finding covers both."""
    found = check_prose(text)
    assert [f.rule for f in found] == ["blame/person-fault"]
    assert (found[0].start, found[0].end) == (0, len(text.rstrip(".")) + text.endswith("."))


@pytest.mark.parametrize(
    "text",
    [
        "Who broke it? The cron job.",
        "Who broke it? Nobody. The disk filled.",
        "Who was paged? Aroha, at 03:12.",
        "Who caused the outage? A config push with no validation.",
        "Who deleted the bucket? Terraform did, on a plan nobody read.",
    ],
)
def test_a_thing_or_nobody_as_the_answer_is_blameless(text):
    assert check_prose(text) == []


# Readings of the tenth stop (classes counted over the tuning writers' misses; sentences
# invented here, none a row of any set).
@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("The night-shift machinist skipped the guard check on press 4.", "machinist"),
        ("A signalman at the junction cleared the wrong route.", "signalman"),
        ("The duty dispatcher forgot to release the hold on bay 2.", "dispatcher"),
    ],
)
def test_a_role_is_read_by_its_form(text, role):
    assert features(text).get("agent:role") == role, features(text)


@pytest.mark.parametrize(
    "text",
    [
        "We reviewed the checklist and the allowlist before the rollout.",
        "The scheduler decided to evict the pod when the node drained.",
        "The replication controller failed to reconcile the set.",
    ],
)
def test_things_of_the_same_form_are_no_people(text):
    feats = features(text)
    assert "agent:role" not in feats, feats


def test_the_value_of_a_label_of_fault_is_a_party_even_in_title_case():
    feats = features("Faulty Party: Eng. Tomasz Wilk, Network Operations")
    assert "cause-label" in feats and feats.get("agent:name") in ("Tomasz", "Wilk", "Eng")


def test_the_writer_is_read_only_when_owning_the_fault():
    assert features("Sorry all, this one is on me: I purged the live queue.").get("agent:self")
    assert features("My mistake, I restarted the primary instead of the replica.").get("agent:self")
    assert "agent:self" not in features("I used git blame to find the commit that broke it.")
    assert "agent:self" not in features("I deleted the stuck namespace when it hung.")


def test_an_act_with_its_stated_aim():
    feats = features("Teodora drained the node so the namespace could terminate.")
    assert feats.get("act-with-aim") == "so … could"


def test_a_fragment_is_read_with_the_sentence_before_it():
    from pm_tui.language.learned import _with_fragments

    text = "Borys. Truncated the billing table. Again.\nThe disk filled. It recovered."
    spans = [text[a:b] for a, b in _with_fragments(text, split_sentences(text))]
    assert spans[0] == "Borys. Truncated the billing table. Again."
    assert "\n" not in spans[0] and len(spans) == 2
