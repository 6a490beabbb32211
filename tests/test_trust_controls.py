"""Terminal control sequences from titles, logs and chat are shown, never obeyed: in the
CLI, the Markdown and HTML reports, kept evidence and the wizard."""

from __future__ import annotations

import json

from tests.conftest import SAMPLE_ID, run_cli
from tests.hostile import assert_no_traceback

ESCAPES = ["\x1b]0;pwned\x07", "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\", "\x1b[2J"]


def _plant_controls(repo) -> None:
    path = repo.path_for(SAMPLE_ID)
    text = path.read_text(encoding="utf-8")
    title = "API degradation " + "".join(
        e.replace("\\", "\\\\").replace("\x1b", "\\u001b").replace("\x07", "\\u0007")
        for e in ESCAPES
    )
    text = text.replace(
        'title = "API service degradation: database connection pool exhausted"',
        f'title = "{title}"',
    )
    text = text.replace(
        'text = "Page acknowledged"',
        'text = "Page acknowledged\\rFAKE ROW | x |\\u001b[31m red"',
    )
    text = text.replace(
        'summary = """',
        'summary = """\nSee [the runbook](javascript:alert(document.cookie)) and '
        "![tracker](https://evil.example/pixel.png).\n",
        1,
    )
    path.write_text(text, encoding="utf-8")


def test_show_and_report_print_no_control_sequence(sample_repo):
    _plant_controls(sample_repo)
    show = run_cli("--repo", str(sample_repo.root), "show", SAMPLE_ID)
    assert_no_traceback(show)
    assert show.returncode == 0, show.stderr
    assert "\x1b" not in show.stdout and "\r" not in show.stdout
    assert "␛]0;pwned" in show.stdout
    report = run_cli("--repo", str(sample_repo.root), "report", SAMPLE_ID)
    assert report.returncode == 0, report.stderr
    md = report.stdout
    assert "\x1b" not in md and "\r" not in md
    # the timeline table keeps one line per row: the lone \r did not end the row
    row = next(line for line in md.splitlines() if "Page acknowledged" in line)
    assert row.startswith("|") and row.rstrip().endswith("|") and "FAKE ROW \\|" in row
    assert "(javascript:" not in md.replace("\\](javascript:", "")
    assert "![tracker](https://evil.example" not in md
    html = run_cli("--repo", str(sample_repo.root), "export", SAMPLE_ID, "--format", "html")
    if html.returncode == 0:
        assert "\x1b" not in html.stdout and 'href="javascript:' not in html.stdout


def test_collected_logs_keep_control_sequences_as_symbols(sample_repo, tmp_path):
    log = tmp_path / "app.log"
    log.write_text(
        "2025-02-09T10:06:00Z ERROR upstream said \x1b]0;owned\x07 then \x1b[2J cleared\n"
        + json.dumps(
            {"ts": "2025-02-09T10:06:01Z", "level": "error", "msg": "osc8 \x1b]8;;http://x\x1b\\"}
        )
        + "\n"
    )
    out = run_cli("--repo", str(sample_repo.root), "collect", SAMPLE_ID, "--logs", str(log))
    assert_no_traceback(out)
    evidence = (sample_repo.evidence_dir(SAMPLE_ID) / "evidence.jsonl").read_text()
    assert "\\u001b" not in evidence and "\x1b" not in evidence
    assert "␛]0;owned" in evidence
    timeline = run_cli("--repo", str(sample_repo.root), "timeline", SAMPLE_ID, "--rebuild")
    assert_no_traceback(timeline)
    assert "\x1b" not in timeline.stdout + timeline.stderr


async def test_the_wizard_shows_control_characters_as_symbols(sample_repo):
    from screens.app import create_app
    from tests.wizard_helpers import frozen_clock

    _plant_controls(sample_repo)
    app = create_app(sample_repo, SAMPLE_ID, clock=frozen_clock, autosave_delay=60)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "\x1b" not in app.pm.title and "␛" in app.pm.title
        assert all("\r" not in e.text for e in app.pm.timeline)
        assert "\x1b" not in app.title


MARKUP = "[/api] [bold red]loud[/]"


async def test_the_start_screen_and_other_post_mortems_show_controls_as_symbols(sample_repo):
    """Titles in the start screen's list, another post-mortem's open action in step 6's
    review, and a broken file's name in a notification are drawn with control characters
    as symbols and square brackets as typed (never obeyed, never read as markup)."""
    from screens.app import create_app
    from tests.conftest import DRAFT_ID
    from tests.wizard_helpers import frozen_clock, screen_text, wait_until

    _plant_controls(sample_repo)
    path = sample_repo.path_for(SAMPLE_ID)
    text = path.read_text(encoding="utf-8").replace(
        'title = "API degradation ', f'title = "{MARKUP} API degradation ', 1
    )
    path.write_text(text, encoding="utf-8")
    draft = sample_repo.load(DRAFT_ID)
    draft.actions[0].action = "Rotate \x1b]0;owned\x07 the keys [/x]"
    draft.actions[0].status = "open"
    draft.actions[0].owner = "ops\x1b[2J[b]"
    sample_repo.save(draft)
    (sample_repo.postmortems_dir / "2025-01-01-bad\x1b[2J[red].toml").write_text("title = 1\n")
    app = create_app(sample_repo, clock=frozen_clock, autosave_delay=60)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#postmortems")
        shown = screen_text(app)
        assert "\x1b" not in shown and "\x07" not in shown
        assert f"{MARKUP} API degradation ␛]0;p" in shown  # the column is 46 wide
        assert "bad␛[2J[red]" in shown  # the unreadable file's row
        table.move_cursor(row=table.get_row_index("2025-01-01-bad\x1b[2J[red]"))
        await pilot.press("enter")  # its error as a notification, no crash
        await pilot.pause()
        assert app.screen.name == "start"
        (note,) = [n for n in app._notifications if n.title == "Cannot open"]
        assert "bad␛[2J[red].toml" in note.message and not note.markup  # "[red]" as typed
        table.move_cursor(row=table.get_row_index(SAMPLE_ID))
        await pilot.press("enter")
        await pilot.pause()
        app.action_goto_step(6)
        await wait_until(pilot, lambda: "Rotate" in screen_text(app))
        shown = screen_text(app)
        assert "\x1b" not in shown and "Rotate ␛]0;owned␇ the keys [/x]" in shown
    app = create_app(sample_repo, clock=frozen_clock, autosave_delay=60)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        await pilot.press("i")  # Insights: the owners of every post-mortem's actions
        await wait_until(pilot, lambda: "ops␛[2J[b]" in screen_text(app))
        assert "\x1b" not in screen_text(app)
