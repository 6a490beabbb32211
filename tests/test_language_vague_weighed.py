"""The weighed reading of action items (issue 21): checkability judged by structure.

Cross-writer floor: bench/train_vague_model.py's own code trains the model on every writer
but one (the retired blind rounds and the training sets written blind, plus our own sets)
and scores the rules with the model on the writer it never saw. Then one constructed action
of each class the rules never knew goes through `pm-tui validate` and the wizard, with its
explanation, and concrete look-alikes stay quiet.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pm_tui.language import check_action
from pm_tui.language.actions import WEIGHED, rule_findings
from pm_tui.language.checkable import action_body, features
from pm_tui.toml_write import render_postmortem
from tests.conftest import SAMPLE_ID, SAMPLES, beyond_default, run_cli

ROOT = Path(__file__).resolve().parents[1]
WHY = "one more leave-a-writer-out training"


@pytest.fixture(scope="module")
def trainer():
    from bench import train_vague_model

    return train_vague_model


@pytest.mark.parametrize(
    ("kept_out", "floor_p", "floor_r"),
    # rules alone: P 0.943 R 0.694, P 1.000 R 0.708, P 0.986 R 0.784, P 1.000 R 0.611,
    # P 0.980 R 0.694, P 0.982 R 0.778, P 0.948 R 0.764, P 0.983 R 0.819; with the weighed
    # reading (shipped threshold) train7a P 0.958 R 0.958, train7c P 0.973 R 0.986, train7b
    # P 0.973 R 0.986, train7d P 0.986 R 0.986, train7e P 0.973 R 1.000. Each is one
    # training (20-37 s on the shared 2 cores): the default run keeps the first blind round
    # and the two narrowest margins (train7a, train8a); PM_TUI_TESTS_FULL=1 runs all ten.
    [
        beyond_default("train6b", 0.95, 0.93, why=WHY),
        beyond_default("train6a", 0.95, 0.93, why=WHY),
        ("round5", 0.95, 0.95),
        ("train7a", 0.93, 0.93),
        beyond_default("train7c", 0.93, 0.93, why=WHY),
        beyond_default("train7b", 0.93, 0.93, why=WHY),
        beyond_default("train7d", 0.93, 0.93, why=WHY),
        beyond_default("train7e", 0.93, 0.93, why=WHY),
        # eighth stop, after reading real action lists (t21v8): train8a P 1.000 R 0.931,
        # round8 (retired) P 1.000 R 1.000
        ("train8a", 0.95, 0.90),
        beyond_default("round8", 0.95, 0.95, why=WHY),
    ],
)
def test_retrained_without_a_writer_it_scores_that_writer(trainer, kept_out, floor_p, floor_r):
    from pm_tui.language.checkable import threshold, veto

    writers = trainer.writers()
    assert kept_out in writers
    train_files, _ = trainer.own_sets()
    rows = [r for p in train_files for r in trainer.featurise(p, "own")]
    rows += [
        r for name, p in writers.items() if name != kept_out for r in trainer.featurise(p, name)
    ]
    w, b = trainer.train(rows)
    test = trainer.featurise(writers[kept_out], kept_out)
    t, v = threshold(), veto()
    p, r = trainer.pr(
        [(y, trainer.combine(fired, trainer.predict(w, b, f), t, v, f)) for y, f, fired, _ in test]
    )
    rules_r = trainer.pr([(y, fired) for y, _, fired, _ in test])[1]
    assert p >= floor_p and r >= floor_r, (p, r)
    assert r >= rules_r + 0.1  # the weighed reading finds what no rule knew


# One action per class of "not checkable" that no shape rule matches.
VAGUE = [
    "Modernise the ticket intake over time.",  # a verb of improving, an open scope
    "Grafana + Loki + Tempo consolidation story for the fleet",  # topics, no verb
    "Nurture a culture of careful rollouts.",  # an abstraction as the object
    "Gain deeper insight into queue behaviour.",  # a verb of intending
    "Eventually retire the old billing cron host.",  # doing, but left open
    "OPS-88 | @n.quispe | 2027-02-01 | Socialise the paging etiquette with every depot",
    "Add some monitoring to the courier queue.",  # an amount of a kind of work
    "Ask the courier vendor whether we should batch manifests.",  # a question to ask
    "Schedule a discussion about depot paging.",  # a meeting with no date and no outcome
    "Draft a runbook, see https://tracker.example/ops/issues/412",  # a link is no content
]


@pytest.mark.parametrize("text", VAGUE)
def test_each_class_is_flagged_with_what_it_saw_and_what_would_make_it_checkable(text):
    found = [f for f in check_action(text) if f.rule.startswith("vague-action/")]
    assert len(found) == 1, text
    finding = found[0]
    if not rule_findings(text):
        assert finding.rule == WEIGHED
        assert finding.message.startswith("The action does not read as checkable: ")
        assert finding.suggestion.startswith("Name ")
        assert "end state" in finding.suggestion or "specific thing" in finding.suggestion


@pytest.mark.parametrize(
    "text",
    [
        "Set max_connections to 400 on orders-db and alert above 350 for 10 minutes.",
        "Rename the paging-critical channel to #inc-payments.",
        "Give the Lima depot a second uplink from another carrier.",
        "Add the Sentry DSN of the courier app to the mobile runbook.",
        "Write an incident report",  # a deliverable everyone knows (the example)
        "Update the engineer's shell configuration to better identify kubeconfig contexts.",
        "#2213",  # a bare ticket reference: the ticket holds the action
    ],
)
def test_concrete_actions_stay_quiet(text):
    assert not [f for f in check_action(text) if f.rule.startswith("vague-action/")], text


def test_owner_and_due_metadata_is_read_past():
    assert action_body("[P2] Revisit the retry policy — owner @kwame.a, due end of January") == (
        "Revisit the retry policy"
    )
    assert action_body("AI-3 | Ana Mamani | 2027-01-05 | Set ndots: 2 in the pod dnsConfig") == (
        "Set ndots: 2 in the pod dnsConfig"
    )
    assert action_body("Alert when any certificate expires in fewer than 21 days") == (
        "Alert when any certificate expires in fewer than 21 days"
    )
    # a date in the owner column is no deadline of the action itself
    assert "deadline" not in features("Review our approach (owner: Ana, 2027-01-10)")


def test_validate_cli_reports_the_weighed_finding_with_its_reasons(tmp_path):
    from pm_tui.toml_read import parse_postmortem

    pm = parse_postmortem((SAMPLES / f"{SAMPLE_ID}.toml").read_text(encoding="utf-8"))
    pm.actions[0].action = VAGUE[0]
    pm.actions[1].action = "Set the checkout-api HPA minReplicas to 6 before 2025-03-01."
    path = tmp_path / "pm.toml"
    path.write_text(render_postmortem(pm), encoding="utf-8")
    out = run_cli("validate", str(path))
    lines = out.stdout.splitlines()
    weighed = [i for i, line in enumerate(lines) if f" warning {WEIGHED} " in line]
    assert len(weighed) == 1, out.stdout
    assert "'over time' leaves the scope open" in lines[weighed[0]]
    assert lines[weighed[0] + 1].strip().startswith("→ Name ")  # the suggestion
    assert "minReplicas" not in out.stdout


async def test_wizard_shows_the_weighed_finding_on_the_action(sample_repo):
    from screens.app import create_app
    from tests.wizard_helpers import frozen_clock, wait_until

    pm = sample_repo.load(SAMPLE_ID)
    pm.actions[0].action = VAGUE[2]
    sample_repo.save(pm)
    sample_repo.commit(pm, "vague action")
    app = create_app(sample_repo, SAMPLE_ID, clock=frozen_clock, autosave_delay=60)
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_goto_step(4)
        await wait_until(pilot, lambda: app.screen.name == "step4" and app.screen.is_mounted)
        await wait_until(pilot, lambda: any(f.rule == WEIGHED for f in app.findings))
        finding = next(f for f in app.findings if f.rule == WEIGHED)
        assert finding.row == pm.actions[0].id and "culture" in finding.message
        panel = app.screen.query_one("#findings")
        assert any(f.rule == WEIGHED for f in panel._findings)


def test_each_piece_of_the_action_is_explained_once():
    (finding,) = check_action("Create a monitoring strategy for the radio network.")
    assert finding.rule == WEIGHED
    assert finding.message.count("strategy") == 1, finding.message
    (finding,) = check_action("Grafana + Loki + Tempo consolidation story for the fleet")
    assert finding.message.count("Grafana") == 1 and "no action" in finding.message


def test_real_action_lists_are_judged_as_their_blind_labels_say():
    """The real post-mortems' action items (tests/corpus), labelled blind by someone who never
    saw the rules (tests/data/corpus_actions): a tool that flags half of a real team's actions
    gets ignored, so precision on real prose has a floor as recall does. Sixth stop: P 0.700
    R 0.831 (70 of 146 flagged) -> P 0.788 R 0.881; eighth: P 0.873 R 0.932 (63 flagged). The
    shipped weights never saw these labels; the readings added at the eighth stop were chosen
    looking at them (see the cross-fitted test below for the weights' part)."""
    from bench.score_corpus_actions import corpus_items, load_labels, pr
    from pm_tui.language.actions import check_vague

    labels = load_labels()
    pairs = [(labels[item], bool(check_vague(item[1]))) for item in corpus_items()]
    assert len(pairs) == len(labels) == 146
    tp, fp, fn, p, r = pr(pairs)
    assert p >= 0.85 and r >= 0.9, (tp, fp, fn)


def test_trained_on_half_the_real_action_lists_it_judges_the_other_half(trainer):
    """Cross-fitted: the corpus documents in two halves (a fixed hash of each document's
    name); the model trained on every writer plus one half scores the other half, both ways.
    Its precision is what a team's real list would see (eighth stop: P 0.869 R 0.898; the
    shipped weights, never trained on the corpus, P 0.873 R 0.932)."""
    from pm_tui.language.checkable import threshold, veto

    train_files, _ = trainer.own_sets()
    rows = [r for p in train_files for r in trainer.featurise(p, "own")]
    rows += [r for name, p in trainer.writers().items() for r in trainer.featurise(p, name)]
    halves = trainer.corpus_halves()
    pairs = []
    for k in (0, 1):
        w, b = trainer.train(rows + halves[1 - k])
        pairs += [
            (y, trainer.combine(fired, trainer.predict(w, b, f), threshold(), veto(), f))
            for y, f, fired, _ in halves[k]
        ]
    p, r = trainer.pr(pairs)
    assert len(pairs) == 146
    assert p >= 0.85 and r >= 0.88, (p, r)


@pytest.mark.parametrize(
    "text",
    [
        "There is no alert on the depot uplink.",
        "The Traefik change was not applied at the planned time due to the failed pipeline",
        "We do not offer weekend support",
        "One of our depots was affected but we did not have a check for it",
        "Time to detection: 371 minutes",
    ],
)
def test_a_statement_of_fact_under_an_actions_heading_is_not_called_vague(text):
    assert not check_action(text), text


# Shapes read on real action lists, one per class: (action, flagged?).
REAL_SHAPES = [
    # "ensure" with a state one checks by looking where a thing is or what it is set to do
    ("Make sure the batch pods are in a separate node pool, so they do not starve the API.", 0),
    ("Ensure that paging in the staging cluster is configured to send alerts to a test room.", 0),
    ("Ensure appropriate controls are in place for production access.", 1),
    # a bold title leads an explanation: the title is the action
    ("**Consider a second approver for schema changes**: we will talk it over in March.", 1),
    ("**Separate the billing workers per availability zone**: spreads the load in a zone loss.", 0),
    ("**Time to repair**: 3 hours", 0),  # a label, not an action
    ("JT MK OA LN", 0),  # who attended
    ("2026-03-02 14:05 | Rollback finished", 0),  # a timeline row
    ("No resource limits were set on the chart that deploys the exporter.", 0),  # a fact
    # a guard on a named thing, a message with its audience and content
    ("Stop the nightly compaction job from running during the backup window.", 0),
    ("Reach out to the three tenants on the old SDK with the upgrade steps.", 0),
    ("Reach out to the vendor.", 1),
    # a study followed by a change to a figure
    ("Review and lower the worker pool's max_connections from 200 to 80.", 0),
    # a verb no list holds, acting on a counted or named thing
    ("Buy two spare line cards for the core switch.", 0),
    ("Give the standby router its own health check.", 0),
    # open scope, a name that is not a figure, a direction, measures left open
    ("Add alerting where it makes sense for the billing cluster.", 1),
    ("Run 5S sessions more often in the warehouse.", 1),
    ("Move towards event-driven provisioning for the tenant fleet.", 1),
    ("Take the necessary measures for the payment gateway.", 1),
]


def test_real_action_shapes_through_validate(tmp_path):
    """Each shape as an action of a post-mortem, through `pm-tui validate`: the flagged ones
    are reported on their own action, each with what it saw and what would make it
    checkable; the others stay quiet."""
    import copy

    from pm_tui.toml_read import parse_postmortem

    pm = parse_postmortem((SAMPLES / f"{SAMPLE_ID}.toml").read_text(encoding="utf-8"))
    template = pm.actions[0]
    pm.actions = []
    for i, (text, _) in enumerate(REAL_SHAPES):
        action = copy.deepcopy(template)
        action.id = f"AI-{i + 1:03d}"
        action.action = text
        pm.actions.append(action)
    path = tmp_path / "pm.toml"
    path.write_text(render_postmortem(pm), encoding="utf-8")
    out = run_cli("validate", str(path))
    lines = [line for line in out.stdout.splitlines() if " warning vague-action/" in line]
    flagged = {f"AI-{i + 1:03d}" for i, (_, vague) in enumerate(REAL_SHAPES) if vague}
    said = {
        a
        for a in (f"AI-{i + 1:03d}" for i in range(len(REAL_SHAPES)))
        if any(a in ln for ln in lines)
    }
    assert said == flagged, (sorted(said ^ flagged), out.stdout)
    for text, vague in REAL_SHAPES:
        found = [f for f in check_action(text) if f.rule.startswith("vague-action/")]
        assert bool(found) == bool(vague), text
        for f in found:
            assert f.message and f.suggestion, text


def test_validate_keeps_quiet_on_a_fact_and_flags_the_vague_action_beside_it(tmp_path):
    from pm_tui.toml_read import parse_postmortem

    pm = parse_postmortem((SAMPLES / f"{SAMPLE_ID}.toml").read_text(encoding="utf-8"))
    pm.actions[0].action = "There is no alert on the depot uplink."
    pm.actions[1].action = "Add some monitoring to the courier queue."
    path = tmp_path / "pm.toml"
    path.write_text(render_postmortem(pm), encoding="utf-8")
    out = run_cli("validate", str(path))
    lines = [line for line in out.stdout.splitlines() if " warning vague-action/" in line]
    assert len(lines) == 1, out.stdout
    assert "AI-002" in lines[0] or "action 2" in lines[0] or pm.actions[1].id in lines[0], lines
