"""The weighed blame reading on writers it never saw, and what a user sees of it (issue 21).

Floors: bench/train_blame_model.py's own code trains the reading on every round but one (the
retired blind rounds, two writers each from round 6 on, and the blind-written training sets),
our own sets and the real corpus, and the whole pipeline (rules, weighed reading, veto) is
scored on a writer of the round left out. Then one sentence per class of issue 21 goes through `pm-tui validate` and the
wizard, as a user meets it: the field by its label, what was weighed, the rewrite.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pm_tui.language import check_prose
from pm_tui.language.learned import WEIGHED, features
from tests.conftest import beyond_default

ROOT = Path(__file__).resolve().parents[1]
WHY = "one more leave-a-round-out training"


@pytest.fixture(scope="module")
def trainer():
    from bench import train_blame_model

    return train_blame_model


@pytest.fixture(scope="module")
def featurised(trainer):
    writers = {trainer.writer_name(p): p for p in trainer.writer_sets()}
    feats = {name: trainer.featurise(p) for name, p in writers.items()}
    own = [row for p in trainer.own_sets()[0] for row in trainer.featurise(p)]
    corpus = trainer.corpus_rows(trainer.corpus_docs())
    return writers, feats, own, corpus


@pytest.mark.parametrize(
    ("held_out", "floor_p", "floor_r"),
    # leave one round out (both writers of a round, who shared a brief, out together) at the
    # shipped settings (thresholds .85 and .75 for a person in the place of a cause):
    # round5 P .950 R .927, train6a .992/.896, train7a .962/.833, round7b .950/.884, train8a
    # .977/.903, train9a .983/.826, round10a .958/.800, round10b .963/.898 (rules alone R .521,
    # .646, .500, .570, .521, .549, .471 and .670). Each is one training (46-106 s on the
    # shared 2 cores): the default run keeps three, the first blind round, the narrowest
    # recall margin (train7a) and the newest writer; PM_TUI_TESTS_FULL=1 runs all eight.
    [
        ("round5", 0.90, 0.86),
        beyond_default("train6a", 0.94, 0.84, why=WHY),
        ("train7a", 0.90, 0.78),
        beyond_default("round7b", 0.90, 0.82, why=WHY),
        beyond_default("train8a", 0.90, 0.84, why=WHY),
        beyond_default("train9a", 0.92, 0.76, why=WHY),
        ("round10a", 0.90, 0.74),
        beyond_default("round10b", 0.90, 0.84, why=WHY),
    ],
)
def test_a_round_left_out_of_training_is_read_through_the_whole_pipeline(
    trainer, featurised, held_out, floor_p, floor_r
):
    writers, feats, own, corpus = featurised
    assert held_out in writers and len(writers) >= 24
    group = writers[held_out].group
    out = {name for name, p in writers.items() if p.group == group}
    rows = [row for name, rs in feats.items() if name not in out for row in rs]
    w, b = trainer.train(rows + own + corpus)
    labelled = trainer.rows(writers[held_out])
    thresholds = (trainer.THRESHOLD, trainer.PLACED)
    said, _ = trainer.pipeline(w, b, thresholds, [t for _, t in labelled], [])
    p, r, *_ = trainer.pr([(y, got) for (y, _), got in zip(labelled, said, strict=True)])
    rules_r = trainer.pr([(y, fired) for y, _, fired in feats[held_out]])[1]
    assert p >= floor_p and r >= floor_r, (p, r)
    assert r >= rules_r + 0.1  # the weighed reading adds what no rule knew


def test_the_two_writer_rounds_are_split_by_the_rows_their_readmes_name(trainer):
    writers = {trainer.writer_name(p): p for p in trainer.writer_sets()}
    for k in (9, 10, 11):
        a, b = writers[f"round{k}a"], writers[f"round{k}b"]
        assert a.group == b.group == f"round{k}"
        assert len(trainer.rows(a)) == len(trainer.rows(b)) == 190
        assert trainer.rows(a) + trainer.rows(b) == trainer.rows(a.path)


def test_people_are_masked_to_their_kind_in_the_word_features():
    feats = features("Yesenia shipped the schema change to prod on a Friday again.")
    words = [f for f in feats if f.startswith(("w:", "b:", "p:", "n<:", "n>:"))]
    assert "w:<name>" in feats and "p:<name> shipped" in feats
    assert not any("yesenia" in f.lower() for f in words)  # no name is ever a feature
    assert "no-cue" in features("Yesenia joined the bridge at nine.")  # read, not gated


# One sentence per class of issue 21, none of them a row of any set.
CLASSES = {
    "a name as the subject of a failure": "Radek merges straight to main every single week.",
    "a person as the answer": "Root cause, in one word: Zinhle.",
    "a role": "The night contractor took the ledger service offline with a stray script.",
    "habit": "Once again Radek merged straight to main.",
    "blame with a target": "Put this one down to Anneliese and her shortcut.",
    "after a disclaimer": "No finger-pointing, but it was Oluwaseun who ran the purge.",
}


# Shapes the structure finds, whatever the words (none of them a row of any set).
SHAPES = {
    "a who-question answered in a clause": "Standup notes: who wiped the feature store? "
    "Tamsin did, on her way out.",
    "a role before the relative who": "The underwriter who bulk-closed the queue wiped "
    "three days of claims.",
    "a possessive's own act, a name no list holds": "Bence's cleanup script dropped the "
    "archive tables.",
    "a passive's agent": "The archive tables were dropped by Marguerite on a Friday night.",
    "a person's act as the cause": "The outage was the direct result of an instruction "
    "issued by the shift supervisor, Mr Ogunbanjo.",
    "a proper noun first, acting": "Otto quietly disabled the pager rotation before the holiday.",
}


@pytest.mark.parametrize("text", sorted(CLASSES.values()) + sorted(SHAPES.values()))
def test_each_class_is_found(text):
    found = check_prose(text)
    assert found and all(f.rule.startswith("blame/") for f in found), text


@pytest.mark.parametrize(
    "text",
    [
        "Tomasz paged the storage on-call after the disk alert fired.",
        "Ivar deployed the change at 14:02 and the error rate recovered.",
        "The release captain announced the freeze in the channel.",
        "Amara's runbook for the failover was followed step by step.",
        "Who was on call? Priya, and she paged the database team at once.",
        "This is not on Radek; the deploy tool skipped the canary on its own.",
        "Otto restored the pager rotation before the holiday.",
        "The fix followed an instruction issued by the shift supervisor, Mr Ogunbanjo.",
    ],
)
def test_neutral_who_did_what_stays_quiet(text):
    assert check_prose(text) == [], text


def test_a_question_and_its_answer_are_read_as_one_sentence():
    from pm_tui.language.text import split_sentences

    text = "PR note: who broke the importer? Oskar did, with the batch change. Fixed now."
    spans = [text[a:b] for a, b in split_sentences(text)]
    assert spans == [
        "PR note: who broke the importer? Oskar did, with the batch change.",
        "Fixed now.",
    ]
    text = "What failed? The disk. We replaced it."  # no "who": three sentences
    assert len(split_sentences(text)) == 3


def test_that_before_a_name_and_its_verb_is_no_determiner():
    # "that" opens a clause here, it does not make the name a thing
    feats = features("This is the third time that Quang has broken the build.")
    assert feats.get("agent:name") == "Quang"
    feats = features("Agreed that Nyambura's unreviewed change caused the outage.")
    assert feats.get("agent:name") == "Nyambura's" and "owner-act" in feats


# A sentence only the weighed reading flags (no rule knows its words).
WEIGHED_ONLY = "Radek merges straight to main every single week."


def test_validate_names_the_field_what_weighed_and_the_rewrite(tmp_path, sample_repo):
    from pm_tui.toml_write import render_postmortem
    from tests.conftest import SAMPLE_ID, run_cli

    assert not check_prose(WEIGHED_ONLY, weighed=False)
    pm = sample_repo.load(SAMPLE_ID)
    pm.analysis.immediate_causes = [WEIGHED_ONLY]
    path = tmp_path / f"{SAMPLE_ID}.toml"
    path.write_text(render_postmortem(pm))
    out = run_cli("validate", str(path))
    assert out.returncode == 1
    lines = out.stdout.splitlines()
    at = next(i for i, ln in enumerate(lines) if f" {WEIGHED} " in ln)
    assert " immediate cause 1: " in lines[at] and re.search(r"weighed 0\.\d\d: ", lines[at])
    assert '"Radek' in lines[at]  # names who and the words that weighed
    assert lines[at + 1].startswith("    → Make the system condition the subject")
    assert "Traceback" not in out.stderr


async def test_the_wizard_shows_the_weighed_finding_with_its_rewrite(sample_repo):
    from screens.app import create_app
    from tests.conftest import SAMPLE_ID
    from tests.wizard_helpers import frozen_clock, screen_text, wait_until

    pm = sample_repo.load(SAMPLE_ID)
    pm.analysis.immediate_causes = [WEIGHED_ONLY]
    sample_repo.save(pm)
    sample_repo.commit(pm, "weighed finding")
    app = create_app(sample_repo, SAMPLE_ID, clock=frozen_clock, autosave_delay=60)
    async with app.run_test(size=(140, 44)) as pilot:
        app.action_goto_step(3)
        await wait_until(pilot, lambda: app.screen.name == "step3" and app.screen.is_mounted)
        await wait_until(pilot, lambda: "immediate cause 1" in screen_text(app))
        finding = next(f for f in app.findings if f.field == "immediate_causes[0]")
        assert finding.rule == WEIGHED and "reads as blaming a person" in finding.message
        text = " ".join(screen_text(app).split())
        assert "→ " + finding.suggestion[:30] in text


# People glued to punctuation reach the weighed reading as in plain prose: emphasis, a table's
# cells, a timeline row, a dot with no space, initials (none of them a row of any set).
@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Then **Radomir** dropped the staging schema by hand.", "Radomir"),
        ("Then _Radomir_ dropped the staging schema by hand.", "Radomir"),
        ("| 14:02 | Radomir | dropped the staging schema by hand |", "Radomir"),
        ("14:02 Radomir dropped the staging schema by hand.", "Radomir"),
        ("The import finished.Radomir then dropped the staging schema by hand.", "Radomir"),
        ("W.K. dropped the staging schema by hand.", "W.K."),
    ],
)
def test_a_person_glued_to_punctuation_is_read_as_the_subject(text, who):
    from pm_tui.language.text import mask_prose

    feats = features(mask_prose(text))
    assert feats.get("agent:name") == who and feats.get("subject:name") == who, feats
    assert "acted" in feats


def test_a_name_after_a_title_with_no_space_is_a_name():
    feats = features("We traced it to Mr.Oyelowo and his shortcut.")
    assert feats.get("agent:name") == "Oyelowo" and "cause-link" in feats


def test_a_person_in_the_place_of_a_cause_is_held_to_the_lower_threshold(monkeypatch):
    from pm_tui.language import learned

    monkeypatch.setattr(learned, "_model", lambda: ({}, 0.0, 0.85, 0.05, 0.7))
    monkeypatch.setattr(learned, "_encoder_model", lambda: None)  # the hand-only model
    placed = features("Zsófia's cron tweak is what emptied the invoice queue.")
    assert "act-then-result" in placed and learned.threshold_for(placed) == 0.7
    plain = features("Zsófia restarted the invoice queue at noon.")
    assert learned.threshold_for(plain) == 0.85
    import json

    shipped = json.loads(learned.WEIGHTS.read_text(encoding="utf-8"))
    assert shipped["placed"] < shipped["threshold"]  # the shipped file holds both


# One sentence per class the eighth stop added, and neutral look-alikes (none a row of any set).
NEW_CLASSES = {
    "a person's act, then what it led to": "Zsófia's cron tweak is what wiped the invoice queue.",
    "praise for an act": "Thanks so much to Tendai for deciding on a Sunday that the DNS zone "
    "needed pruning.",
    "if only a person had": "If only Radomir had read the change ticket, the ledger would "
    "still be intact.",
    "counting a person's mistakes": "Twice this month Radomir has merged without a review.",
    "an outsider's harm": "The offshore contractor wiped the staging bucket during the handover.",
    "a form's field": "| Person responsible (root cause) | Radomir Kowal, Billing | Outcome: "
    "final warning |",
    "initials": "W.K. skipped the canary again.",
    "a timeline row": "| 14:02 | Radomir | force-pushed over the release branch |",
}
NEW_NEUTRAL = [
    "Many thanks to Tendai for restoring the DNS records within minutes.",
    "| 14:02 | Radomir | paged the database on-call |",
    "The vendor engineer replaced the failed power supply at 13:10.",
    "W.K. joined the bridge and confirmed the rollback.",
]


def test_validate_flags_each_new_class_and_not_its_look_alikes(tmp_path, sample_repo):
    from pm_tui.toml_write import render_postmortem
    from tests.conftest import SAMPLE_ID, run_cli

    pm = sample_repo.load(SAMPLE_ID)
    pm.analysis.immediate_causes = [*NEW_CLASSES.values(), *NEW_NEUTRAL]
    path = tmp_path / f"{SAMPLE_ID}.toml"
    path.write_text(render_postmortem(pm))
    out = run_cli("validate", str(path))
    assert "Traceback" not in out.stderr
    flagged = {
        int(m.group(1)) for m in re.finditer(r" blame/\S+ .*?immediate cause (\d+): ", out.stdout)
    }
    blameful = set(range(1, len(NEW_CLASSES) + 1))
    assert blameful <= flagged, sorted(blameful - flagged)
    assert not flagged - blameful, sorted(flagged - blameful)


# The eleventh stop's readings of a person as the plain subject of a harmful act (none of
# them a row of any set): what the act led to, a later act of the same person, what it reached.
def test_a_role_by_its_ending_is_read_with_the_texts_own_words():
    from pm_tui.language.agents import reset_vocabulary, set_vocabulary

    text = "The weekend machinist overrode the spindle interlock and scrapped the batch."
    token = set_vocabulary(text)  # as check_prose reads it: the text's words are its things
    try:
        feats = features(text)
    finally:
        reset_vocabulary(token)
    assert feats.get("agent:role") == "machinist" and feats.get("subject:role") == "machinist"


@pytest.mark.parametrize(
    ("text", "feature", "words"),
    [
        (
            "Tamsin edited the rate table by hand, so every invoice that night went out twice.",
            "act-consequence",
            "Tamsin … so … twice",
        ),
        (
            "Oskar joined the bridge late and then deleted the retry queue.",
            "acted",
            "Oskar deleted",
        ),
        ("Radomir re-imaged both database hosts at once.", "act-scope", "Radomir re-imaged … both"),
    ],
)
def test_what_a_persons_act_led_to_and_reached_is_read(text, feature, words):
    assert features(text).get(feature) == words


@pytest.mark.parametrize(
    "text",
    [
        "Tamsin edited the rate table, and the invoices recovered within minutes.",
        "Oskar joined the bridge and then paged the database team.",
        "Kwame restarted the consumers, which cleared the backlog.",
    ],
)
def test_a_response_and_its_good_outcome_are_no_consequence(text):
    feats = features(text)
    assert "act-consequence" not in feats and check_prose(text) == [], feats


def test_an_act_done_as_agreed_weighs_against_blame():
    done = "Tavita purged the stale audit partitions after approval by the change board."
    assert features(done).get("act-as-agreed") == "after approval"
    assert check_prose(done) == []
    defied = "Instead of following the runbook, Tavita purged the stale audit partitions."
    assert "act-as-agreed" not in features(defied)


def test_the_person_fault_rule_leaves_an_act_done_as_agreed_alone():
    from pm_tui.language import check_prose as check

    done = "Ilse deleted the expired firewall rules at the request of the network team."
    assert check(done) == [], done
    defied = "Rather than following the runbook, Ilse deleted the live firewall rules."
    assert any(f.rule.startswith("blame/") for f in check(defied)), defied


@pytest.mark.parametrize(
    ("done", "why"),
    [
        # someone else's word before the act
        (
            "Oluwaseun purged the audit partitions after the records manager signed off.",
            "signed off",
        ),
        ("Dagny disabled the payout rule for an hour with the fraud team's approval.", "approval"),
        ("Tomasz truncated the scratch table per the housekeeping ticket.", "ticket"),
        # the act said to have done no harm
        ("Ximena dropped the reporting view during the window, with no customer impact.", "impact"),
        ("Anh removed the old DNS alias; nothing downstream referenced it.", "referenced"),
        # the act's object nobody needed, or the failing thing itself
        ("Rustam deleted the orphaned volume snapshots from last year.", "orphaned"),
        ("Wanjiru Kamau killed the runaway export job that held the table lock.", "runaway"),
    ],
)
def test_a_neutral_act_is_no_persons_fault(done, why):
    """The person-fault rule and the weighed reading leave alone an act done with someone's
    sign-off, said to be harmless, or done to a thing nobody needed or to the failing thing."""
    from pm_tui.language.learned import benign_act

    assert why in benign_act(done), done
    assert check_prose(done) == [], done


@pytest.mark.parametrize(
    "blamed",
    [
        "Oluwaseun purged the audit partitions before the records manager signed off.",
        "Dagny disabled the payout rule without the fraud team's approval and card fraud spiked.",
        "Ximena dropped the live reporting view, claiming there would be no customer impact.",
        "Rustam deleted the orphaned volume snapshots and the restore job failed all night.",
        "Wanjiru Kamau killed the primary database by mistake.",
    ],
)
def test_a_harmful_act_with_the_same_words_is_still_read(blamed):
    assert any(f.rule.startswith("blame/") for f in check_prose(blamed)), blamed


def test_the_verb_after_a_full_name_is_the_persons_act():
    feats = features("Wanjiru Kamau restarted the wrong database at noon.")
    assert feats.get("acted") == "Wanjiru restarted" and "act-harm" in feats, feats


@pytest.mark.parametrize(
    ("done", "why"),
    [
        # finding the failure is no fault
        (
            "Radhika spotted the wrong sender ID in the SMS template during the morning check.",
            "spotted",
        ),
        ("| 03:12 | Alert: queue depth dropped to zero | detected by Ewa |", "detected"),
        # a duty given
        ("Tendai was responsible for customer comms and posted updates every half hour.", "comms"),
        ("Ilkka is on the on-call rota next week, with Saoirse as secondary.", "rota"),
    ],
)
def test_finding_the_failure_or_holding_a_duty_is_no_fault(done, why):
    from pm_tui.language.learned import benign_act

    assert why in benign_act(done), done
    assert check_prose(done) == [], done


def test_finding_it_and_then_doing_harm_is_still_read():
    blamed = "Radhika spotted the wrong sender ID and approved the template anyway."
    assert any(f.rule.startswith("blame/") for f in check_prose(blamed)), blamed


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Tavita, you broke the billing export again.", "you"),
        ("The archive filled up because you disabled log rotation.", "you"),
        # a name that is also a rare English word, first, acting on an object
        ("Regula disabled the reconciliation alerts and nobody saw the breaks.", "Regula"),
    ],
)
def test_the_person_spoken_to_and_a_name_that_is_a_word_are_agents(text, who):
    feats = features(text)
    assert who in feats.get("acted", ""), feats


@pytest.mark.parametrize(
    "text",
    [
        "If you used the export during the window, you may have seen errors.",
        "Just because it compiles and you didn't change the code, does not mean it works.",
        "Issue mitigated with manual attaching instances to the load balancer.",
        "Reason was the configuration change on the labels.",
    ],
)
def test_impersonal_you_and_a_word_opening_a_note_are_no_agents(text):
    assert "acted" not in features(text), features(text)


@pytest.mark.parametrize(
    ("text", "mark"),
    [
        ("Nice work, Andre, you managed to lock out every provider in three states.", "managed to"),
        ("Shout-out to Colm for taking down every county office before 9am.", "every"),
        ('Thanks Peter for "testing" the new firmware on the line.', '"testing"'),
    ],
)
def test_praise_with_what_undoes_it_is_read_as_irony(text, mark):
    assert mark in features(text).get("praise-irony", ""), features(text)


def test_praise_of_a_whole_team_is_no_irony():
    assert "praise-irony" not in features("Great job by the whole on-call team.")


@pytest.mark.parametrize(
    "text",
    [
        "The QA engineer should have caught this bug before the release.",
        "Mike never noticed the disk filling up and went home.",
        "Identified: a team member ran the destroy against the wrong cluster.",
    ],
)
def test_what_was_not_found_or_a_label_is_no_finding_of_the_failure(text):
    from pm_tui.language.learned import _lower_tokens, _observed

    assert _observed(_lower_tokens(text)) == "", text
