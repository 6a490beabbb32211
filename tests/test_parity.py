"""One use case, one behaviour: the same post-mortem collected, rebuilt, exported and ticketed
once through the CLI and once through the wizard (Pilot, keys only) gives byte-identical
evidence.jsonl, candidates, report and GitHub requests (against the local GitHub API server).
"""

from __future__ import annotations

import pytest

from pm_tui.cli.cmd_demo import make_demo_repo
from pm_tui.cli.main import main
from pm_tui.postmortem_store import Repository
from screens.app import create_app
from tests.conftest import SAMPLE_ID
from tests.github_fake import TOKEN, FakeGitHub
from tests.wizard_helpers import frozen_clock, wait_until


@pytest.fixture(scope="module")
def github():
    gh = FakeGitHub()
    gh.thread.start()
    yield gh
    gh.server.shutdown()
    gh.server.server_close()


TEAM_TEMPLATE = """# ACME incident review: ${title}

${header_table}

## What happened
${summary}

## Timeline
${timeline_table}

## Graphs
${incident_graph}

## Sources and gaps
${sources}
${evidence_gaps}

## Follow-ups
${action_items_table}
"""


def _fresh_repo(path) -> Repository:
    """The bundled sample with its evidence files but nothing collected yet, no tickets, and
    the team's own report template."""
    repo = Repository(make_demo_repo(path))
    (repo.root / "templates").mkdir()
    (repo.root / "templates" / "report.md").write_text(TEAM_TEMPLATE, encoding="utf-8")
    pm = repo.load(SAMPLE_ID)
    for item in pm.actions:
        item.tracker_url, item.status = "", "open"
    repo.save(pm)
    repo.commit(pm, "untracked for the test")
    return repo


def _files(repo: Repository) -> dict[str, bytes]:
    """What the comparison covers: the kept evidence, the candidates, the report and its graphs."""
    ev = repo.evidence_dir(SAMPLE_ID)
    out = {
        "evidence.jsonl": (ev / "evidence.jsonl").read_bytes(),
        "candidates.json": (ev / "candidates.json").read_bytes(),
        "report.md": (repo.root / "reports" / f"{SAMPLE_ID}.md").read_bytes(),
    }
    graphs = repo.root / "reports" / SAMPLE_ID
    for svg in sorted(graphs.glob("*.svg")) if graphs.is_dir() else []:
        out[f"graphs/{svg.name}"] = svg.read_bytes()
    return out


def _tickets(github: FakeGitHub) -> list:
    return [(m, p, body) for m, p, body in github.payloads]


async def test_cli_and_wizard_write_the_same_bytes(tmp_path, github, monkeypatch):
    config = tmp_path / "config.toml"
    config.write_text('[github]\nrepo = "acme/api"\n')
    monkeypatch.setenv("PM_TUI_CONFIG", str(config))
    monkeypatch.setenv("GITHUB_TOKEN", TOKEN)
    monkeypatch.setenv("GITHUB_API_URL", github.url)
    monkeypatch.chdir(tmp_path)

    # --- the CLI: collect the recorded sources, rebuild, export, ticket ------------------
    cli = _fresh_repo(tmp_path / "cli")
    root = str(cli.root)
    assert main(["--repo", root, "collect", SAMPLE_ID]) in (0, 3)  # 3: read, with gaps
    assert main(["--repo", root, "timeline", SAMPLE_ID, "--rebuild"]) == 0
    report = cli.root / "reports" / f"{SAMPLE_ID}.md"
    assert main(["--repo", root, "report", SAMPLE_ID, "-o", str(report)]) == 0
    github.reset()
    assert main(["--repo", root, "track", SAMPLE_ID]) == 0
    cli_tickets = _tickets(github)

    # --- the wizard, by keys: c collects (and rebuilds), ctrl+r exports, t files tickets --
    ui = _fresh_repo(tmp_path / "ui")
    github.reset()
    app = create_app(ui, SAMPLE_ID, clock=frozen_clock, autosave_delay=60)
    candidates = ui.evidence_dir(SAMPLE_ID) / "candidates.json"
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await wait_until(pilot, candidates.exists, 120)
        await app.workers.wait_for_complete()
        await wait_until(pilot, lambda: all(s.collected_at for s in app.pm.sources))
        app.action_goto_step(5)
        await pilot.pause()
        preview = app.screen.query_one("#preview").source
        assert preview.startswith("# ACME incident review: ")  # the preview follows it too
        await pilot.press("ctrl+r")
        await wait_until(pilot, (ui.root / "reports" / f"{SAMPLE_ID}.md").exists)
        app.action_goto_step(6)
        await pilot.pause()
        await pilot.press("t")
        await wait_until(pilot, lambda: all(a.tracker_url for a in app.pm.actions), 30)
    ui_tickets = _tickets(github)

    cli_files, ui_files = _files(cli), _files(ui)
    assert sorted(cli_files) == sorted(ui_files)
    for name, data in cli_files.items():
        assert data == ui_files[name], f"{name} differs between the CLI and the wizard"
    assert b'"source":' in cli_files["evidence.jsonl"] and len(cli_files["evidence.jsonl"]) > 1000
    assert b'"candidates": [' in cli_files["candidates.json"]
    assert cli_files["report.md"].startswith(b"# ACME incident review: ")  # the team's template
    assert len(cli_tickets) == len(cli.load(SAMPLE_ID).actions) > 0
    assert cli_tickets == ui_tickets
    # and both recorded the same sources, with the same counts and gaps
    cli_sources = [(s.kind, s.target, s.counts, s.gaps) for s in cli.load(SAMPLE_ID).sources]
    ui_sources = [(s.kind, s.target, s.counts, s.gaps) for s in ui.load(SAMPLE_ID).sources]
    assert cli_sources == ui_sources


# (kind, file under the post-mortem's raw evidence, CLI flags, what is typed in the wizard form)
NAMED_SOURCES = [  # in the order `pm-tui collect` takes its flags
    ("logs", "app/worker.log", ["--logs"], ""),
    (
        "prometheus",
        "prometheus/error_ratio.query_range.json",
        ["--selector", 'job="api"', "--prometheus-token-env", "PROM_TOKEN", "--prometheus"],
        "selector='job=\"api\"' token_env=PROM_TOKEN",
    ),
    ("alert-notifications", "alertmanager/notifications.json", ["--alert-notifications"], ""),
    ("pagerduty", "pagerduty/log_entries.json", ["--pagerduty"], ""),
    ("changes", "changes/deployments.json", ["--changes"], ""),
]


async def _choose(pilot, select_id: str, value: str) -> None:
    """Pick `value` in a Select by keys: open it, move down to the option, enter."""
    from screens.forms import COLLECT_KINDS

    pilot.app.screen.query_one(f"#{select_id}").focus()
    await pilot.press("enter")
    await pilot.pause()
    for _ in range(COLLECT_KINDS.index(value)):
        await pilot.press("down")
    await pilot.press("enter")
    await pilot.pause()


async def test_sources_named_in_the_cli_and_typed_in_the_wizard_agree(tmp_path, monkeypatch):
    """New sources, with options, named as CLI flags (absolute paths) and typed in step 1's
    form (paths relative to the repository): the same records, options and evidence."""
    from tests.wizard_helpers import fill

    monkeypatch.chdir(tmp_path)
    repos = {}
    for name in ("cli", "ui"):
        repo = Repository(make_demo_repo(tmp_path / name))
        pm = repo.load(SAMPLE_ID)
        pm.sources = []
        repo.save(pm)
        repo.commit(pm, "no sources yet")
        repos[name] = repo
    raw = repos["cli"].evidence_dir(SAMPLE_ID) / "raw"
    argv = ["--repo", str(repos["cli"].root), "collect", SAMPLE_ID]
    for _, path, flags, _ in NAMED_SOURCES:
        argv += [*flags, str(raw / path)]
    assert main(argv) in (0, 3)

    ui = repos["ui"]
    rel = ui.evidence_dir(SAMPLE_ID).relative_to(ui.root) / "raw"
    app = create_app(ui, SAMPLE_ID, clock=frozen_clock, autosave_delay=60)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for kind, path, _, options in NAMED_SOURCES:
            await pilot.press("a")
            await pilot.pause()
            await _choose(pilot, "kind", kind)
            await fill(pilot, "target", (rel / path).as_posix())
            if options:
                await fill(pilot, "options", options)
            await pilot.press("enter")
            await pilot.pause()
        assert [s.kind for s in app.pm.sources] == [k for k, *_ in NAMED_SOURCES]
        await pilot.press("c")
        await wait_until(pilot, lambda: all(s.collected_at for s in app.pm.sources), 60)
        await app.workers.wait_for_complete()
        await pilot.press("ctrl+s")
        await pilot.pause()

    def records(repo):
        return [
            (s.kind, s.target, s.query, s.options, s.counts, s.gaps)
            for s in repo.load(SAMPLE_ID).sources
        ]

    cli_records, ui_records = records(repos["cli"]), records(ui)
    assert cli_records == ui_records
    prom = next(r for r in cli_records if r[0] == "prometheus")
    assert prom[3] == {"selector": 'job="api"', "token_env": "PROM_TOKEN"}
    assert all(not r[1].startswith("/") for r in cli_records)  # recorded inside the repository
    evidence = "evidence.jsonl"
    assert (repos["cli"].evidence_dir(SAMPLE_ID) / evidence).read_bytes() == (
        ui.evidence_dir(SAMPLE_ID) / evidence
    ).read_bytes()
