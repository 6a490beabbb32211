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
