"""Follow-up: the review of open items, the iCalendar follow-up, search and related incidents."""

from __future__ import annotations

import json
import pickle
import subprocess
from datetime import UTC, date, datetime

import pytest

from pm_tui.cli.main import main
from pm_tui.model import ActionItem
from pm_tui.schedule import calendar, escape_text, fold
from tests.conftest import DRAFT_ID, SAMPLE_ID


def _run(repo, *args: str) -> int:
    return main(["--repo", str(repo.root), *args])


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    d = tmp_path / "cache"
    monkeypatch.setenv("PM_TUI_CACHE_DIR", str(d))  # no longer read: the index is in .git
    return d


# --- review --------------------------------------------------------------------------------


def test_review_lists_open_items_by_owner_with_overdue_marked(sample_repo, cache_dir, capsys):
    assert _run(sample_repo, "review", "--format", "json", "--today", "2025-03-15") == 0
    data = json.loads(capsys.readouterr().out)
    got = [(a["postmortem"], a["id"], a["overdue"], a["days_overdue"]) for a in data["actions"]]
    assert got == [
        (SAMPLE_ID, "AI-003", True, 15),  # in-progress, due 2025-02-28
        (SAMPLE_ID, "AI-004", False, 0),  # due 2025-03-31
        (DRAFT_ID, "AI-001", False, 0),  # no deadline: last
    ]
    assert _run(sample_repo, "review", "--today", "2025-03-15") == 0
    text = capsys.readouterr().out
    assert text.index("bob.okafor (1)") < text.index("priya.nair (1)") < text.index("TBD (1)")
    assert " ! 2025-02-28 OVERDUE 15d" in text and "3 open action items, 1 overdue" in text
    assert _run(sample_repo, "review", "--format", "markdown", "--today", "2025-03-15") == 0
    md = capsys.readouterr().out
    assert "### bob.okafor" in md and "**overdue since 2025-02-28**" in md


def test_fail_on_overdue_respects_priority(sample_repo, cache_dir, capsys):
    # The only overdue item (AI-003) is Medium.
    assert _run(sample_repo, "review", "--today", "2025-03-15", "--fail-on-overdue", "high") == 0
    assert _run(sample_repo, "review", "--today", "2025-03-15", "--fail-on-overdue", "medium") == 1
    assert "1 overdue action item(s) at medium priority or above" in capsys.readouterr().err
    assert _run(sample_repo, "review", "--today", "2025-02-01", "--fail-on-overdue", "low") == 0


def test_review_sees_an_edited_file_despite_the_index(sample_repo, cache_dir, capsys):
    from pm_tui.repo_index import index_path

    assert _run(sample_repo, "review", "--format", "json", "--today", "2025-03-15") == 0
    capsys.readouterr()
    assert index_path(sample_repo.root).exists()
    pm = sample_repo.load(SAMPLE_ID)
    pm.actions[2].status = "done"
    sample_repo.save(pm)
    assert _run(sample_repo, "review", "--format", "json", "--today", "2025-03-15") == 0
    ids = [a["id"] for a in json.loads(capsys.readouterr().out)["actions"]]
    assert ids == ["AI-004", "AI-001"]


def test_a_tampered_index_is_ignored_not_executed(sample_repo, cache_dir, tmp_path, capsys):
    from pm_tui.repo_index import index_path

    marker = tmp_path / "pwned"

    class Evil:
        def __reduce__(self):
            return (subprocess.call, (["touch", str(marker)],))

    path = index_path(sample_repo.root)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(((2, "0.1.0"), {"x.toml": Evil()})))
    assert _run(sample_repo, "review", "--today", "2025-03-15") == 0
    assert not marker.exists() and "3 open action items" in capsys.readouterr().out


# --- schedule ------------------------------------------------------------------------------


def _unfold(ics: str) -> list[str]:
    return ics.replace("\r\n ", "").split("\r\n")


def test_schedule_sets_the_follow_up_off_weekends_and_commits(sample_repo, tmp_path):
    out = tmp_path / "review.ics"
    assert _run(sample_repo, "schedule", DRAFT_ID, "-o", str(out), "--weekly") == 0
    # Resolved 2025-06-14; +28 days is Saturday 2025-07-12 → Monday 2025-07-14.
    assert sample_repo.load(DRAFT_ID).follow_up_review == date(2025, 7, 14)
    log = subprocess.run(
        ["git", "log", "-1", "--format=%s"], cwd=sample_repo.root, capture_output=True, text=True
    ).stdout.strip()
    assert log == f"{DRAFT_ID}: follow-up review scheduled for 2025-07-14"
    raw = out.read_bytes()
    assert raw.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") and raw.endswith(
        b"END:VCALENDAR\r\n"
    )
    assert b"\n" not in raw.replace(b"\r\n", b"")
    lines = _unfold(raw.decode())
    assert lines.count("BEGIN:VEVENT") == 2
    assert f"UID:follow-up-{DRAFT_ID}@pm-tui" in lines and "DTSTART;VALUE=DATE:20250714" in lines
    assert "RRULE:FREQ=WEEKLY;COUNT=8" in lines  # the open item has no deadline
    assert any(x.startswith("DTSTAMP:") and x.endswith("Z") for x in lines)
    assert any("AI-001 (TBD\\, due no deadline\\, High): Move the archive job" in x for x in lines)
    # Running again keeps the date and the UIDs (a calendar updates, not duplicates).
    assert _run(sample_repo, "schedule", DRAFT_ID, "-o", str(out)) == 0
    assert f"UID:follow-up-{DRAFT_ID}@pm-tui" in _unfold(out.read_bytes().decode())


def test_calendar_escapes_folds_and_keeps_a_kept_date(sample_repo):
    pm = sample_repo.load(SAMPLE_ID)
    pm.actions.append(
        ActionItem("AI-005", "Fix a; b, c\\d\nsecond line " + "é" * 60, "x", date(2025, 4, 30))
    )
    ics = calendar(pm, now=datetime(2025, 2, 12, 9, 0, tzinfo=UTC), weekly=True, at=None)
    assert all(len(line.encode()) <= 75 for line in ics.split("\r\n"))
    lines = _unfold(ics)
    assert "DTSTART;VALUE=DATE:20250310" in lines  # follow_up_review kept in the TOML
    assert "RRULE:FREQ=WEEKLY;UNTIL=20250430" in lines
    desc = next(x for x in lines if x.startswith("DESCRIPTION:") and "AI-005" in x)
    assert "Fix a\\; b\\, c\\\\d\\nsecond line " + "é" * 60 in desc
    timed = calendar(pm, now=datetime(2025, 2, 12, tzinfo=UTC), at=datetime(1, 1, 1, 14, 30).time())
    assert "DTSTART:20250310T143000Z" in _unfold(timed)


def test_fold_never_splits_a_character():
    line = "DESCRIPTION:" + "ü€😀" * 40
    folded = fold(line)
    assert folded.replace("\r\n ", "") == line
    assert all(len(p.encode()) <= 75 for p in folded.split("\r\n"))
    assert escape_text("a,b;c\\\r\nd") == "a\\,b\\;c\\\\\\nd"


# --- search and related ----------------------------------------------------------------------


def test_search_by_text_service_category_severity_and_dates(sample_repo, cache_dir, capsys):
    def ids(*args: str) -> list[str]:
        assert _run(sample_repo, "search", *args, "--format", "json") == 0
        return [r["id"] for r in json.loads(capsys.readouterr().out)]

    assert ids() == [DRAFT_ID, SAMPLE_ID]  # newest first
    assert ids("CONNECTION pool") == [SAMPLE_ID]  # every word, any case, anywhere
    assert ids("pool rabbitmq") == []
    assert ids("--service", "rabbitmq") == [DRAFT_ID]
    assert ids("--category", "runbook") == [SAMPLE_ID]
    assert ids("--severity", "p2") == [DRAFT_ID]
    assert ids("--since", "2025-03-01") == [DRAFT_ID]
    assert ids("--until", "2025-02-09") == [SAMPLE_ID]
    assert _run(sample_repo, "search", "nothing-like-this") == 0
    assert "No post-mortem matches." in capsys.readouterr().out
    assert _run(sample_repo, "search", "--since", "March") == 2


def test_related_finds_past_incidents_sharing_services_or_categories(sample_repo, cache_dir):
    from pm_tui.search import related

    pm = sample_repo.load(DRAFT_ID)
    assert related(pm, sample_repo) == []  # nothing shared yet
    pm.services.append("api")
    pm.analysis.factors[0].category = "monitoring"
    found = related(pm, sample_repo)
    assert [(r.id, r.shared_services, r.shared_categories) for r in found] == [
        (SAMPLE_ID, ["api"], ["monitoring"])
    ]
