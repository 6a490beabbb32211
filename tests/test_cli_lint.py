"""`pm-tui lint` end to end, as a user runs it (a real subprocess, real files)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _lint(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pm_tui.cli.cmd_lint", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )


DOC = "# Incident\n\nThe cache filled up.\nThe on-call engineer failed to escalate the page.\n"


def test_text_output_gives_path_line_column_rule_and_suggestion(tmp_path):
    doc = tmp_path / "pm.md"
    doc.write_text(DOC, encoding="utf-8")
    result = _lint(str(doc))
    assert result.returncode == 1
    first, second = result.stdout.splitlines()[:2]
    assert first.startswith(f"{doc}:4:1: error blame/person-fault ")
    assert second.startswith("    ") and "safeguard" in second
    assert result.stderr == ""


def test_json_output_is_documented_shape_and_reads_stdin():
    result = _lint("-", "--format", "json", stdin=DOC)
    rows = json.loads(result.stdout)
    assert result.returncode == 1
    assert [(r["path"], r["line"], r["column"], r["rule"]) for r in rows] == [
        ("<stdin>", 4, 1, "blame/person-fault")
    ]
    assert set(rows[0]) == {
        "path",
        "line",
        "column",
        "severity",
        "rule",
        "message",
        "suggestion",
        "excerpt",
    }
    assert rows[0]["excerpt"] == "The on-call engineer failed to escalate the page."


def test_clean_document_exits_zero(tmp_path):
    doc = tmp_path / "ok.md"
    doc.write_text("The health check failed to detect the outage.\n", encoding="utf-8")
    result = _lint(str(doc))
    assert (result.returncode, result.stdout) == (0, "")


def test_actions_warnings_fail_only_with_strict():
    actions = "- [ ] Improve monitoring\n- Add an alert on disk > 85% for 10m on db-1\n"
    loose = _lint("--as", "actions", stdin=actions)
    strict = _lint("--as", "actions", "--strict", stdin=actions)
    assert loose.returncode == 0 and "<stdin>:1:7: warning vague-action/monitoring" in loose.stdout
    assert strict.returncode == 1


def test_unreadable_input_and_bad_usage_exit_two_with_one_line(tmp_path):
    missing = _lint(str(tmp_path / "nope.md"))
    assert missing.returncode == 2
    assert missing.stderr.strip().count("\n") == 0 and "no such file" in missing.stderr
    binary = tmp_path / "bin.md"
    binary.write_bytes(b"\xff\xfe\x00bad")
    assert _lint(str(binary)).returncode == 2
    usage = _lint("--as", "poems")
    assert usage.returncode == 2 and usage.stderr.strip().count("\n") == 0
    assert "Traceback" not in missing.stderr + usage.stderr


def test_lint_is_registered_in_the_cli_and_language_imports_no_textual():
    code = (
        "import sys, pm_tui.language, pm_tui.language.document, pm_tui.cli.cmd_lint;"
        "from pm_tui.cli.main import COMMANDS; assert 'lint' in COMMANDS;"
        "assert 'textual' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=60)
