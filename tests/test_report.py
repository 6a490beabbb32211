"""The report: Markdown that survives hostile text, standalone HTML, team templates, the CLI."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from pm_tui.model import EvidenceSource, TimelineEvent
from pm_tui.report import PLACEHOLDERS, markdown_sections, render_html, render_markdown
from tests.conftest import SAMPLE_ID, SAMPLES, run_cli

HOSTILE = "  a|b *bold* _x_ [link](http://evil) <script>alert(1)</script> back\\slash\nnext line  "


@pytest.fixture
def sample_pm():
    from pm_tui.postmortem_store import read_postmortem

    return read_postmortem(SAMPLES / f"{SAMPLE_ID}.toml")


def _cells(row: str) -> list[str]:
    """Split a GFM table row the way GitHub does: on pipes not preceded by a backslash."""
    return re.split(r"(?<!\\)\|", row.strip())[1:-1]


def test_markdown_has_every_section_and_the_key_figures(sample_pm):
    md = render_markdown(sample_pm)
    for heading in (
        "Summary", "Impact", "Root cause", "Incident durations", "Timeline",
        "Contributing factors", "Five Whys", "Action items", "What went well",
        "What went wrong", "Where we got lucky", "Lessons learned", "Evidence gaps", "Sources",
    ):  # fmt: skip
        assert f"\n## {heading}\n" in md
    assert md.startswith("# API service degradation")
    assert "| Duration | 1h 35m |" in md
    assert "P1: Critical" in md and "Priya Nair, Dana Ruiz (reviewed 2025-02-11)" in md
    assert "| Failed requests | 182,400 |" in md and "41,000 USD" in md
    assert "| Acknowledge | 2025-02-09 10:16:05 UTC | 11m 05s |" in md
    assert "[example-shop/api\\#812](https://github.com/example-shop/api/issues/812)" in md
    assert "| CF-3 | monitoring |" in md and "T-007 (10:24 Database connection pool" in md
    assert "3. Why? The lookup scanned" in md


def test_hostile_text_cannot_break_tables_or_inject_html(sample_pm):
    sample_pm.timeline.insert(
        0, TimelineEvent("T-099", datetime(2025, 2, 9, 9, 0, tzinfo=UTC), HOSTILE, actor="x|y")
    )
    sample_pm.actions[0].action = HOSTILE
    sample_pm.actions[0].tracker_url = "https://example.com/a|b (c)"
    md = render_markdown(sample_pm)
    rows = [line for line in md.splitlines() if line.startswith("|")]
    # Every row of the timeline and action tables keeps its column count.
    timeline_rows = [r for r in rows if re.match(r"\| \d\d:\d\d:\d\d \|", r)]
    assert len(timeline_rows) == len(sample_pm.timeline)
    assert all(len(_cells(r)) == 5 for r in timeline_rows)
    action_rows = [r for r in rows if r.startswith("| AI-")]
    assert len(action_rows) == 4 and all(len(_cells(r)) == 7 for r in action_rows), action_rows
    hostile_row = next(r for r in timeline_rows if "09:00:00" in r)
    assert "a\\|b \\*bold\\* \\_x\\_ \\[link\\](http://evil) \\<script\\>" in hostile_row
    assert "back\\\\slash<br>next line |" in hostile_row  # newline → <br>, trailing space gone
    assert "<script>" not in md


def test_empty_sections_say_none_recorded():
    from pm_tui.model import new_postmortem

    pm = new_postmortem("Tiny blip", datetime(2025, 5, 1, 8, 0, tzinfo=UTC))
    md = render_markdown(pm)
    assert md.count("_None recorded._") >= 10
    assert "| Duration | — |" in md and "not yet reviewed" in md


def test_evidence_gaps_are_listed(sample_pm):
    sample_pm.sources.append(
        EvidenceSource("kubectl", "prod-eu", gaps=["events older than 1h were already gone"])
    )
    md = render_markdown(sample_pm)
    assert "- **kubectl** prod-eu: events older than 1h were already gone" in md
    assert "events older than 1h were already gone" in render_html(sample_pm)


def test_html_is_escaped_standalone_and_printable(sample_pm):
    sample_pm.timeline[0].text = HOSTILE
    sample_pm.title = "Outage <b>bold</b> & more"
    html = render_html(sample_pm)
    assert "<script" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<title>Outage &lt;b&gt;bold&lt;/b&gt; &amp; more</title>" in html
    assert "@media print" in html
    assert not re.search(r"<(link|img|iframe)\b|\bsrc=|@import|url\(", html)
    assert '<a href="https://github.com/example-shop/api/issues/815">' in html
    assert "<code>customer_ref</code>" in html  # the author's code spans, kept
    assert html.count("<section>") == 14


def test_placeholders_are_exactly_the_sections(sample_pm):
    assert sorted(PLACEHOLDERS) == sorted(markdown_sections(sample_pm))


def test_team_template_is_used_by_the_cli(sample_repo, tmp_path):
    tpl = sample_repo.root / "templates" / "report.md"
    tpl.parent.mkdir()
    tpl.write_text("# ${title}\nCost: $$ many\n\n${action_items_table}\n")
    out = run_cli("--repo", str(sample_repo.root), "report", SAMPLE_ID)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("# API service degradation") and "Cost: $ many" in out.stdout
    assert "| AI-004 |" in out.stdout and "## Summary" not in out.stdout

    tpl.write_text("# ${title}\n${nonsense}\n")
    bad = run_cli("--repo", str(sample_repo.root), "report", SAMPLE_ID)
    assert bad.returncode == 1 and "unknown placeholder ${nonsense}" in bad.stderr
    assert len(bad.stderr.strip().splitlines()) == 1


def test_cli_writes_html_to_a_file(sample_repo, tmp_path):
    target = tmp_path / "out" / "report.html"
    out = run_cli(
        "--repo", str(sample_repo.root), "report", SAMPLE_ID, "--format", "html", "-o", str(target)
    )
    assert out.returncode == 0, out.stderr
    assert target.read_text().startswith("<!DOCTYPE html>")
    assert not [p for p in target.parent.iterdir() if p.name != "report.html"]  # no temp left
