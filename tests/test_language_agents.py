"""Blame found without name lists: unlisted names, handles, roles, labels, habits, blame after
a disclaimer; and vague actions judged by checkability, not by acronyms."""

from __future__ import annotations

import pytest

from pm_tui.language import check_action, check_prose
from pm_tui.language.agents import name_like, text_vocabulary
from pm_tui.language.document import lint_document
from pm_tui.language.lexicon import NAMES


def _blame(text: str) -> list:
    return [f for f in check_prose(text) if f.rule.startswith("blame/")]


@pytest.mark.parametrize(
    "name", ["Okonkwo", "Adaeze", "Wojciech", "Thandiwe", "Bartłomiej", "Joaquín", "Haunani"]
)
def test_names_no_list_holds_are_people(name):
    assert name not in NAMES  # the point: recognised without a list
    assert name_like(name)
    (finding,) = _blame(f"{name} deleted the production bucket.")
    assert finding.rule == "blame/person-fault"
    assert '"deleted"' in finding.message  # says which pattern it saw


@pytest.mark.parametrize(
    "word", ["Terraform", "Kafka", "Replication", "Traffic", "Autoscaling", "Restarted", "K8s"]
)
def test_english_and_technical_words_are_not_people(word):
    assert not name_like(word)
    assert not _blame(f"{word} deleted the production bucket.")


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("Cause: Hamid.", '"Cause"'),
        ("Owner of the failure: @jdoe.", "Owner of the failure"),
        ("Root cause — the night-shift operator.", "Root cause"),
        ("Culprit: Björn's hotfix.", "Culprit"),
        ("The fault lies with the platform group.", "fault"),
        ("We hold the release manager responsible.", "held responsible"),
        ("This one is on Mei.", "fault"),
        ("While we don't assign blame, it was Karl who pushed the change.", "it was ... who"),
        ("The faulty rule was added by Lars and merged without a second look.", "without"),
        ("Adaeze's migration took the orders table down.", "took the orders table down"),
    ],
)
def test_person_in_the_position_of_cause(text, detail):
    (finding,) = _blame(text)
    assert finding.rule == "blame/person-fault"
    assert detail in finding.message
    assert "safeguard" in finding.suggestion  # a rewrite towards the system condition


@pytest.mark.parametrize(
    ("text", "marker"),
    [
        ("Kwame keeps skipping the checklist.", "keeps skipping"),
        ("As always, Dmitri skipped the canary.", None),
        ("The operator has to pay more attention.", "has to pay more attention"),
        ("This is the third time Hiroko has left debug logging on.", "third time"),
        ("Omari needs coaching on kubectl.", "needs coaching"),
    ],
)
def test_habit_and_character(text, marker):
    findings = _blame(text)
    assert findings
    if marker:
        (finding,) = findings
        assert finding.rule == "blame/habit"
        assert text[finding.start : finding.end] == marker
        assert "automation" in finding.suggestion


@pytest.mark.parametrize(
    "text",
    [
        "The disk filled up yet again because log rotation was disabled.",
        "The batch job keeps skipping records that have a null region.",
        "Okonkwo rolled back the deploy at 14:05 and errors stopped.",
        "Raj disabled the feature flag at 10:45, which stopped the errors.",
        "It was Priya who first spotted the expired certificate.",
        "Early on we assumed user error, but the logs showed a server-side bug.",
        "Cause: the certificate expired because the renewal cron job was disabled.",
        "Kubernetes evicted the pods when the node ran out of memory.",
        "Restarting the pods wiped the in-memory cache.",
        "I deleted the prod namespace when it hung.",
    ],
)
def test_blameless_look_alikes_stay_quiet(text):
    assert not _blame(text)


def test_a_capitalised_word_the_document_uses_as_a_thing_is_no_person():
    doc = "We run `zorblat-proxy` in front of the API.\n\nZorblat deleted the ingress rules."
    assert "zorblat" in text_vocabulary(doc)
    assert not [f for f in lint_document(doc) if f.rule.startswith("blame/")]
    assert [f for f in lint_document("Zorblat deleted the ingress rules.")]


def test_post_mortem_vocabulary_makes_its_services_things():
    assert _blame("Quillon deleted the ingress rules.")
    assert not [
        f for f in check_prose("Quillon deleted the ingress rules.", frozenset({"quillon"}))
    ]


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Bring down alert noise even more.", "vague-action/direction"),
        ("Harden the K8s setup.", "vague-action/improve"),
        ("Look at the HPA settings.", "vague-action/look-into"),
        ("Get to the bottom of the intermittent 502s.", "vague-action/intent"),
        ("Create a plan for improving DR.", "vague-action/intent"),
        ("Add alerts for when bandwidth reaches a certain threshold.", "vague-action/monitoring"),
    ],
)
def test_intent_and_direction_are_vague_whatever_acronyms_they_carry(text, rule):
    (finding,) = check_action(text)
    assert finding.rule == rule


@pytest.mark.parametrize(
    "text",
    [
        "Write an incident report.",
        "Update the engineer's shell configuration to identify kubeconfig contexts.",
        "Make the cleanup script print the account and ask for confirmation before deleting.",
        "Investigate the heap growth in checkout-api and write up the cause in OPS-4411.",
        "Reduce the queue-depth alert threshold from 10k to 2k messages.",
    ],
)
def test_checkable_actions_are_concrete(text):
    assert not check_action(text)


def test_validate_takes_the_post_mortems_services_as_things():
    from pathlib import Path

    from pm_tui.toml_read import parse_postmortem
    from pm_tui.validation import validate

    path = (
        Path(__file__).parents[1] / "sample_incidents" / "2025-06-14-payment-webhook-backlog.toml"
    )
    text = path.read_text(encoding="utf-8")
    text = text.replace('services = ["payments-webhooks", "rabbitmq"]', 'services = ["quillon-gw"]')

    def blame_in_summary(sentence: str) -> list:
        doc = text.replace('summary = """\n', f'summary = """\n{sentence} ', 1)
        findings = validate(parse_postmortem(doc, path), text=doc)
        return [f for f in findings if f.rule.startswith("blame/") and "summary" in f.location]

    assert not blame_in_summary("Quillon deleted the webhook queue.")
    assert blame_in_summary("Okonkwo deleted the webhook queue.")


@pytest.mark.parametrize(
    "sentence",
    [
        "We lost an hour because Will misread the runbook.",  # mid-sentence: capitals mean a name
        "The outage started when Grant deleted the DNS zone by hand.",
        "After lunch, Yaw broke the ingress rules for every tenant.",
        "On Tuesday Hope overwrote the production secrets with the staging ones.",
        "Hope dropped the replica while the backup was still running.",  # start, with an object
        "Bill skipped the dry run and truncated the ledger table.",  # spelt capitalised: a name
        "It was Grant who deleted the production volume.",
    ],
)
def test_names_that_are_english_words_are_people_where_capitals_say_so(sentence):
    assert _blame(sentence), sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Traffic dropped sharply after the deploy.",
        "Hope is not a strategy, so the rollback is now automated.",
        "Will the new alert fire for partial outages? We tested it and it does.",
        "Grant access to the dashboard was requested by the support team.",
        "Backups failed to run because the disk was full.",
        "Our Mercury cluster lost its leader; then Mercury dropped messages for ten minutes.",
        "Yaw restarted the ingress pods after the alert fired.",
    ],
)
def test_capitalised_english_words_as_things_or_neutral_actors_are_not_blamed(sentence):
    assert not _blame(sentence), sentence


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        # a person's plain act given as the cause of a failure
        ("The backlog started because @amara.o bumped the batch size to 5000.", '"because ..."'),
        ("Everything was fine until @lindqvist touched the cache settings.", '"until ..."'),
        ("The queue backed up because Oksana's change doubled the message size.", "because"),
        ("@tkowalczyk changed the retry limit and the queue backed up.", "and the queue backed up"),
        # the agent of a passive whose subject is the fault
        ("The regression was introduced by Tupac's refactor.", '"introduced by ..."'),
        ("The bad migration was written by Ayumi and shipped on Friday.", '"written by ..."'),
        # a name set off by commas after a role: the role's verb is the name's
        ("Our release manager, Hope, did not run the smoke tests.", '"did not run"'),
        ("Our newest SRE, Kalani, pushed the config straight to prod.", "straight to"),
        # verbs only a person does, a gate a person let a change through
        ("Mele messed up the rollout order.", '"messed up"'),
        ("The reviewer let the broken migration through.", '"let the broken migration through"'),
        ("The contractor left an admin token in the public repository.", "left an admin token"),
        ("The outage was entirely Kwabena's doing.", "owned by a person"),
    ],
)
def test_person_as_cause_by_position_not_by_list(text, detail):
    (finding,) = _blame(text)
    assert finding.rule == "blame/person-fault"
    assert detail in finding.message, finding.message  # says which pattern it saw
    assert "safeguard" in finding.suggestion  # and rewrites towards the system condition


@pytest.mark.parametrize(
    "text",
    [
        "Errors stopped because Alice rolled back the deploy.",
        "We recovered quickly because Priya recognised the pattern from last year.",
        "Everything was fine until the nightly backup started.",
        "Because the contractor updated the runbook, the failover took five minutes.",
        "Ingrid updated the config and the alerts stopped firing.",
        "Bob deployed v2.3 and the error rate returned to normal.",
        "The regression was caught by the canary before it reached users.",
        "The bug was found by Alice during review.",
        "The bad config was generated by the templating tool.",
        "Our DBA, Farrukh, paused writes while the replica caught up.",
        "The schema validator let the broken migration through because it only checks syntax.",
        "Responsibility for the follow-up lies with the platform team.",
        "The team lead asked what made the wrong cluster look right at the time.",
        "The operator thought it was fine to proceed because the dashboard showed green.",
        "The team did it again: another smooth failover in under a minute.",
    ],
)
def test_same_shapes_with_a_system_cause_or_a_good_outcome_stay_quiet(text):
    assert not _blame(text), text


def test_a_handle_that_did_it_again_is_judged_by_habit():
    (finding,) = _blame("@g.moreau did it again: another unreviewed change to the ingress.")
    assert finding.rule == "blame/habit"
    assert "automation" in finding.suggestion


@pytest.mark.parametrize(
    "text",
    [
        "Ravindra deployed the hotfix, which broke search for all tenants.",
        "The deploy was kicked off by @hdiallo, which wiped the feature flags.",
        "Sung-min ran the script even though he knew it had never been tested.",
        "JK deleted the prod bucket while cleaning up test data.",
        "Nobody reviewed it because Tomoko merged it at midnight.",
        "The outage was the result of Ilse's hasty change.",
        "Initially we thought it was the network, but it turned out Bob had deleted the routes.",
        "Once again, Liang deployed on a Friday evening without telling anyone.",
        "Noa wasn't paying attention and rebooted the wrong host.",
        "The firewall rule that blocked payments was added by Rosa.",
    ],
)
def test_blame_in_a_which_clause_initials_and_after_a_disproved_guess(text):
    assert _blame(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Heimdall dropped all connections when its certificate expired.",
        "Apollo missed three heartbeats and was marked unhealthy.",
        "Pegasus skipped the batch because the lock was still held.",
        "Initially we suspected Bob's deploy, but the timeline ruled it out.",
        "At first it looked like human error, but the tool had silently switched contexts.",
        "Human error is a symptom of the system design, not a cause.",
        "Ingrid deployed the fix, which restored search for all tenants.",
        "Chidi deleted the stuck finalizers so the namespace could terminate.",
        "CI deleted the old artifacts and the cache was rebuilt.",
    ],
)
def test_services_named_like_people_and_disproved_guesses_stay_quiet(text):
    assert not _blame(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Find a long-term fix for the DNS flakiness.",
        "Come up with a better approach to CDN cache invalidation.",
        "Identify ways to reduce p95 latency on the API GW.",
        "Do something about the noisy CPU alerts in PD.",
        "Add more monitoring for the DB.",
    ],
)
def test_searching_for_a_fix_or_asking_for_more_of_a_kind_is_vague(text):
    (finding,) = check_action(text)
    assert finding.rule.startswith("vague-action/")
    assert finding.suggestion  # says what would make it checkable


@pytest.mark.parametrize(
    "text",
    [
        "Write a decision doc on PgBouncer transaction mode and review it on 12 March.",
        "Add a PagerDuty alert when kafka consumer lag exceeds 10,000 for 10 minutes.",
        "Add more replicas to orders-db: from 2 to 4.",
    ],
)
def test_a_deliverable_or_a_figure_keeps_an_action_concrete(text):
    assert not check_action(text), text
