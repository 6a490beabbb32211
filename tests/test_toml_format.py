"""The TOML format: round trips byte for byte, edits keep comments, bad files are refused."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from pm_tui.errors import FileFormatError
from pm_tui.model import TimelineEvent, new_postmortem
from pm_tui.postmortem_store import read_postmortem, write_postmortem
from pm_tui.toml_read import parse_postmortem
from pm_tui.toml_write import render_postmortem
from tests.conftest import SAMPLES


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.toml")), ids=lambda p: p.stem)
def test_samples_round_trip_byte_for_byte(path):
    text = path.read_text(encoding="utf-8")
    pm = parse_postmortem(text, path)
    assert render_postmortem(pm, text) == text


def test_sample_holds_every_section(sample_text):
    pm = parse_postmortem(sample_text)
    assert pm.status == "published" and pm.severity == "P1"
    assert pm.window.started == datetime(2025, 2, 9, 10, 5, tzinfo=UTC)
    assert pm.window.resolved == datetime(2025, 2, 9, 11, 40, tzinfo=UTC)
    assert len(pm.timeline) >= 10 and all(
        e.time.utcoffset().total_seconds() == 0 for e in pm.timeline
    )
    assert (
        len(pm.analysis.factors) >= 2
        and pm.analysis.immediate_causes
        and pm.analysis.systemic_issues
    )
    assert all(len(c.whys) >= 5 for c in pm.analysis.five_whys)
    assert all(a.owner and a.deadline for a in pm.actions)
    assert pm.retrospective.went_well and pm.retrospective.lucky and pm.retrospective.lessons
    assert pm.distribution and pm.follow_up_review == date(2025, 3, 10)


def test_fresh_file_reads_back_to_the_same_model(sample_text):
    pm = parse_postmortem(sample_text)
    again = parse_postmortem(render_postmortem(pm))
    assert again == pm


HAND_EDITED = """\
# Our team's notes: keep this header!
schema_version = 1
id   = "2025-05-01-dns-outage"   # aligned by hand
title = "DNS outage"
status = "draft"

[window]
started = 2025-05-01T08:00:00Z # first NXDOMAIN

# --- timeline, curated on Monday ---
[[timeline]]
id = "T-001"
time = 2025-05-01T08:00:00Z
kind = "first_symptom"
text = "Resolvers return NXDOMAIN for internal zones"  # seen in dig

[[timeline]]
id = "T-002"
time = 2025-05-01T08:20:00Z
kind = "mitigation"
text = "Zone reloaded"
"""


def test_hand_edited_file_keeps_comments_and_layout_through_an_edit(tmp_path):
    path = tmp_path / "pm.toml"
    path.write_text(HAND_EDITED)
    pm = read_postmortem(path)
    assert write_postmortem(pm, path) is False  # unchanged: not even rewritten
    assert path.read_text() == HAND_EDITED

    pm.timeline[1].text = "Zone reloaded on both resolvers"
    pm.timeline.append(
        TimelineEvent(
            id="T-003",
            time=datetime(2025, 5, 1, 8, 30, tzinfo=UTC),
            text="All clear",
            kind="resolved",
        )
    )
    write_postmortem(pm, path)
    out = path.read_text()
    for kept in (
        "# Our team's notes: keep this header!",
        'id   = "2025-05-01-dns-outage"   # aligned by hand',
        "started = 2025-05-01T08:00:00Z # first NXDOMAIN",
        "# --- timeline, curated on Monday ---",
        'text = "Resolvers return NXDOMAIN for internal zones"  # seen in dig',
    ):
        assert kept in out
    assert 'text = "Zone reloaded on both resolvers"' in out
    assert read_postmortem(path).timeline[2].text == "All clear"


def test_reordering_rows_keeps_each_rows_comment(tmp_path):
    path = tmp_path / "pm.toml"
    path.write_text(HAND_EDITED)
    pm = read_postmortem(path)
    pm.timeline[0].time = datetime(2025, 5, 1, 8, 40, tzinfo=UTC)
    pm.sort_timeline()
    write_postmortem(pm, path)
    out = path.read_text()
    assert out.index('"T-002"') < out.index('"T-001"')
    assert "# seen in dig" in out
    assert [e.id for e in read_postmortem(path).timeline] == ["T-002", "T-001"]


def test_deleting_a_row_removes_only_that_row(tmp_path):
    path = tmp_path / "pm.toml"
    path.write_text(HAND_EDITED)
    pm = read_postmortem(path)
    del pm.timeline[1]
    write_postmortem(pm, path)
    out = path.read_text()
    assert "Zone reloaded" not in out and "NXDOMAIN for internal zones" in out


@pytest.mark.parametrize(
    "edit, where, words",
    [
        (
            lambda t: t.replace('title = "DNS outage"', 'title = "DNS outage'),
            (4, None),
            "invalid TOML",
        ),
        (
            lambda t: t.replace("schema_version = 1", "schema_version = 7"),
            (2, 1),
            "unknown schema_version 7",
        ),
        (lambda t: t.replace('title = "DNS outage"\n', ""), (1, 1), "missing required key 'title'"),
        (
            lambda t: t.replace("time = 2025-05-01T08:20:00Z", 'time = "08:20"'),
            (19, 1),
            "'timeline[1].time' should be a TOML offset date-time",
        ),
        (
            lambda t: t.replace("time = 2025-05-01T08:20:00Z", "time = 2025-05-01T08:20:00"),
            (19, 1),
            "not a date-time without an offset",
        ),
        (
            lambda t: t.replace('kind = "mitigation"', 'kind = "fix"'),
            (20, 1),
            "'timeline[1].kind' is 'fix'",
        ),
        (
            lambda t: t.replace("[window]\nstarted = 2025-05-01T08:00:00Z # first NXDOMAIN\n", ""),
            (1, 1),
            "'window'",
        ),
    ],
)
def test_bad_files_are_refused_with_line_and_column_and_left_untouched(
    tmp_path, edit, where, words
):
    path = tmp_path / "bad.toml"
    text = edit(HAND_EDITED)
    path.write_text(text)
    with pytest.raises(FileFormatError) as info:
        read_postmortem(path)
    err = info.value
    message = str(err)
    assert message.startswith(f"{path}:{err.line}:{err.column}: ")
    assert words.replace("not ", "") in message or words in message
    line, column = where
    assert err.line == line
    if column is not None:
        assert err.column == column
    assert path.read_text() == text


def test_missing_deadline_type_names_the_fix(tmp_path):
    pm = new_postmortem("x", datetime(2025, 1, 1, tzinfo=UTC))
    text = (
        render_postmortem(pm)
        + '\n[[actions]]\nid = "AI-001"\naction = "a"\ndeadline = "2025-02-01"\n'
    )
    with pytest.raises(FileFormatError) as info:
        parse_postmortem(text, "f.toml")
    assert "a TOML date like 2025-03-01 (no quotes)" in str(info.value)
    assert info.value.line == text.splitlines().index('deadline = "2025-02-01"') + 1


def test_multiline_text_with_quotes_and_backslashes_survives(tmp_path):
    pm = new_postmortem("quotes", datetime(2025, 1, 1, tzinfo=UTC))
    pm.summary = 'The regex "\\d+" matched """ and \'\'\'.\nSecond line with [/api] markup.'
    path = tmp_path / "q.toml"
    write_postmortem(pm, path)
    assert read_postmortem(path).summary.rstrip("\n") == pm.summary


def test_rows_added_to_a_file_are_laid_out_like_the_rest(tmp_path):
    path = tmp_path / "pm.toml"
    path.write_text(HAND_EDITED)
    pm = read_postmortem(path)
    for n in (3, 4):
        pm.timeline.append(
            TimelineEvent(
                id=f"T-00{n}", time=datetime(2025, 5, 1, 8, 30 + n, tzinfo=UTC), text=f"row {n}"
            )
        )
    write_postmortem(pm, path)
    out = path.read_text()
    assert '\n\n[[timeline]]\nid = "T-003"' in out and '\n\n[[timeline]]\nid = "T-004"' in out
    assert out.startswith(HAND_EDITED.rstrip("\n"))  # what was there is untouched
