"""Start-up of one command (#18): only the parser of the command named is built, and a
collect of plain log files never loads the archive and folder machinery."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime

import pytest

from pm_tui.cli.main import COMMANDS, command_named, main


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        (["collect", "ID", "--logs", "a.log"], "collect"),
        (["--repo", "list", "show", "ID"], "show"),  # a repository called "list"
        (["--repo=/r", "--debug", "timeline", "ID"], "timeline"),
        (["--help", "collect"], None),
        (["--version"], None),
        ([], None),
        (["colect", "ID"], None),
    ],
)
def test_the_command_is_told_before_parsing_only_when_plain(argv, named):
    assert command_named(argv) == named


def test_a_mistyped_command_still_lists_every_command(capsys):
    with pytest.raises(SystemExit) as done:
        main(["colect", "ID"])
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert "invalid choice: 'colect'" in err and all(c in err for c in COMMANDS)


def test_collect_of_a_log_file_loads_neither_other_commands_nor_archives(tmp_path, monkeypatch):
    from pm_tui import postmortem_store
    from pm_tui.model import new_postmortem

    monkeypatch.setenv("PM_TUI_CONFIG", str(tmp_path / "none.toml"))
    repo = postmortem_store.Repository.open(tmp_path / "repo")
    pm = new_postmortem("Checkout outage", datetime(2025, 2, 9, 10, tzinfo=UTC))
    repo.save(pm)
    log = tmp_path / "app.log"
    log.write_text("2025-02-09T10:05:00Z ERROR checkout failed\n")
    probe = (
        "import sys\n"
        "from pm_tui.cli.main import main\n"
        f"code = main(['--repo', {str(repo.root)!r}, 'collect', {pm.id!r}, '--logs', {str(log)!r},"
        " '--no-commit'])\n"
        "loaded = [m for m in ('pm_tui.cli.cmd_report', 'pm_tui.cli.cmd_distribute',"
        " 'pm_tui.collectors.evidence_folder', 'zipfile', 'tarfile') if m in sys.modules]\n"
        "print(code, loaded)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    # 3: collected, with a gap (the log starts after the baseline's start)
    assert out.stdout.strip().splitlines()[-1] == "3 []", out.stdout + out.stderr
    assert "checkout failed" in (repo.evidence_dir(pm.id) / "evidence.jsonl").read_text()
