"""The publishing gate: error-level findings stop publishing, distributing and filing
tickets, in the core, the CLI and the wizard alike; going ahead anyway needs a reason and
is recorded in the file; an action item without an owner never becomes a ticket."""

from __future__ import annotations

import copy
from datetime import UTC, datetime

import pytest

from pm_tui.errors import UsageError
from pm_tui.workflow import gate
from tests.conftest import SAMPLE_ID

NOW = datetime(2025, 2, 12, 9, 0, tzinfo=UTC)


def blameful(repo):
    """The sample, with a blameful sentence and an ownerless vague action: errors."""
    pm = repo.load(SAMPLE_ID)
    pm.summary = "Bob forgot to add the index; human error on the on-call's part."
    pm.actions[0].owner = ""
    return pm


def test_a_clean_post_mortem_passes(sample_repo):
    pm = sample_repo.load(SAMPLE_ID)
    assert gate.blocking(pm, "publish", NOW.date()) == []
    assert gate.enforce(pm, "publish", NOW) == []


def test_errors_block_and_are_named(sample_repo):
    pm = blameful(sample_repo)
    found = gate.blocking(pm, "distribute", NOW.date())
    assert found and all(f.severity == "error" for f in found)
    with pytest.raises(gate.PublishBlocked) as info:
        gate.enforce(pm, "distribute", NOW)
    message = str(info.value)
    assert message.startswith("cannot distribute the report:")
    assert f"{len(found)} error" in message and found[0].message in message
    assert pm.overrides == []


def test_force_needs_a_reason_and_records_who_which_and_why(sample_repo):
    pm = blameful(sample_repo)
    with pytest.raises(UsageError):
        gate.enforce(pm, "publish", NOW, force=True, reason="  ")
    made = gate.enforce(
        pm, "publish", NOW, force=True, reason="legal asked for it today", by="Dana"
    )
    assert made and pm.overrides == made
    assert {o.by for o in made} == {"Dana"} and {o.action for o in made} == {"publish"}
    assert all(o.rule and o.finding and o.at == NOW for o in made)
    # saved and read back: the record is in the file
    sample_repo.save(pm)
    text = sample_repo.path_for(pm.id).read_text(encoding="utf-8")
    assert "[[overrides]]" in text and "legal asked for it today" in text
    again = sample_repo.load(pm.id)
    assert [(o.rule, o.location, o.reason) for o in again.overrides] == [
        (o.rule, o.location, o.reason) for o in made
    ]
    # overridden once for publishing: publishing no longer blocks, distributing still does
    assert gate.blocking(again, "publish", NOW.date()) == []
    assert gate.blocking(again, "distribute", NOW.date())


def test_export_as_published_refuses_and_writes_nothing(sample_repo):
    from pm_tui.workflow.report import export_report

    pm = blameful(sample_repo)
    target = sample_repo.root / "out.md"
    with pytest.raises(gate.PublishBlocked):
        export_report(sample_repo, pm, path=target, publish=True)
    assert not target.exists()
    pm.status = "draft"
    done = export_report(sample_repo, pm, path=target, publish=True, force=True, reason="x")
    assert target.exists() and pm.status == "published" and pm.overrides
    assert any("published over" in c for c in done.changed)


def test_ownerless_items_are_never_filed(sample_repo):
    from pm_tui.trackers.github import plan

    pm = sample_repo.load(SAMPLE_ID)
    item = copy.deepcopy(pm.actions[0])
    item.id, item.owner, item.tracker_url, item.status = "AI-099", "TBD", "", "open"
    item.action = "improve monitoring"
    pm.actions.append(item)
    results = {r.item: r for r in plan(pm, "x.toml")}
    assert results["AI-099"].outcome == "skipped" and "no owner" in results["AI-099"].note


def _cli(args, capsys):
    from pm_tui.cli.main import main

    code = main(args)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_report_publish_gate(sample_repo, capsys):
    pm = blameful(sample_repo)
    pm.status = "draft"
    sample_repo.save(pm)
    root = str(sample_repo.root)
    out = str(sample_repo.root / "r.md")
    code, _, err = _cli(["report", SAMPLE_ID, "-o", out, "--publish", "--repo", root], capsys)
    assert code == 1 and "cannot publish the report" in err and "Traceback" not in err
    assert sample_repo.load(SAMPLE_ID).status == "draft"
    code, _, err = _cli(
        ["report", SAMPLE_ID, "-o", out, "--publish", "--force", "--repo", root], capsys
    )
    assert code == 2 and "reason" in err
    code, _, err = _cli(
        [
            "report",
            SAMPLE_ID,
            "-o",
            out,
            "--publish",
            "--force",
            "--reason",
            "exec review",
            "--repo",
            root,
        ],
        capsys,
    )
    assert code == 0, err
    saved = sample_repo.load(SAMPLE_ID)
    assert saved.status == "published" and saved.overrides[0].reason == "exec review"


def test_cli_distribute_refuses_before_sending(sample_repo, capsys, monkeypatch):
    pm = blameful(sample_repo)
    sample_repo.save(pm)
    code, _, err = _cli(
        ["distribute", SAMPLE_ID, "--email", "team@example.com", "--repo", str(sample_repo.root)],
        capsys,
    )
    assert code == 1 and "cannot distribute the report" in err
    assert sample_repo.load(SAMPLE_ID).distribution == pm.distribution
