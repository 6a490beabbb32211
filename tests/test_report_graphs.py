"""The report's graphs and prose: the incident graph from the metrics collected in step 1, the
timeline at a glance, the SVG files beside a Markdown report, Markdown prose in HTML, PDF
without Chromium. (A real Chromium opens the report in test_report_browser.py.)"""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from datetime import timedelta

from pm_tui.durations import DEFINITIONS
from pm_tui.model import TimelineEvent
from pm_tui.report.files import render_report, write_report
from pm_tui.report.graphs import NO_METRICS, timeline_graph
from pm_tui.report.metrics import repo_series
from tests.conftest import DRAFT_ID, SAMPLE_ID, run_cli

SVG = "{http://www.w3.org/2000/svg}"


def _texts(svg_root) -> list[str]:
    """What each <text> shows (its <title> tooltip left out)."""
    return [(t.text or "") + "".join(c.tail or "" for c in t) for t in svg_root.iter(f"{SVG}text")]


def test_markdown_report_writes_both_graphs_beside_it_and_links_them(collected_repo, tmp_path):
    out = tmp_path / "reports" / f"{SAMPLE_ID}.md"
    done = run_cli("report", SAMPLE_ID, "-o", str(out), "--repo", str(collected_repo.root))
    assert done.returncode == 0, done.stderr
    md = out.read_text()
    links = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", md)
    assert links == [f"{SAMPLE_ID}/incident.svg", f"{SAMPLE_ID}/timeline.svg"]
    for link in links:  # relative to the report, as GitHub and GitLab resolve them
        svg = ET.parse(out.parent / link).getroot()
        assert svg.tag == f"{SVG}svg" and svg.find(f"{SVG}title") is not None
    incident = ET.parse(out.parent / links[0]).getroot()
    texts = _texts(incident)
    assert "error_ratio{job=api}" in texts
    # the phases, shaded and named with their lengths (window: 10:05, 10:12, 10:52, 11:40)
    assert {"started → detected (7m)", "detected → mitigated (40m)"} <= set(texts)
    assert "mitigated → resolved (48m)" in texts
    assert any(t.startswith("10:12 HighErrorRate fires") for t in texts)  # a labelled tick
    assert "UTC" in texts and "Feb 09 09:15" in texts  # the axis, in UTC from the read window
    assert not any("outside this window" in t for t in texts)  # all 14 events within it
    line = incident.find(f".//{SVG}polyline")
    assert len(line.get("points").split()) > 100  # the whole series, not a stub
    body = (out.parent / links[0]).read_text()
    assert "<script" not in body and " on" not in re.sub(r"<text.*?</text>", "", body)
    assert "prefers-color-scheme:dark" in body and "currentColor" in body
    assert f"wrote {out.parent / links[0]}" in done.stderr


def test_events_outside_the_metrics_window_are_counted_not_hidden(collected_repo):
    from pm_tui.report.graphs import incident_graph

    pm = collected_repo.load(SAMPLE_ID)
    early = pm.timeline[0].time.replace(hour=7)  # before the 09:05 read window
    pm.timeline.insert(0, TimelineEvent("T-900", early, "config change", "change"))
    svg = ET.fromstring(incident_graph(pm, repo_series(collected_repo, pm)))
    assert "1 timeline event outside this window is not marked." in _texts(svg)


def test_timeline_at_a_glance_has_lanes_spans_and_the_durations_definitions(collected_repo):
    pm = collected_repo.load(SAMPLE_ID)
    root = ET.fromstring(timeline_graph(pm, standalone=True))
    texts = _texts(root)
    assert {"Changes", "Detection", "Response", "Communication"} <= set(texts)
    assert "Time to detect: 7m" in texts and "Time to resolve: 1h 35m" in texts
    assert DEFINITIONS["detect"] in texts and DEFINITIONS["mitigate"] in texts
    marks = [r for r in root.iter(f"{SVG}rect") if "solid" in (r.get("class") or "")]
    assert len(marks) == len(pm.timeline)  # 14 events, all apart: one mark each


def test_html_report_inlines_both_graphs(collected_repo):
    pm = collected_repo.load(SAMPLE_ID)
    html = render_report(pm, "html", series=repo_series(collected_repo, pm))
    assert html.count("<svg ") == 2 and "<script" not in html.lower()
    assert '<h2>Incident graph</h2>\n<figure class="graph" id="incident-graph"><svg' in html
    assert '<h2>Timeline at a glance</h2>\n<figure class="graph" id="timeline-graph"><svg' in html


def test_no_metrics_says_so_instead_of_an_empty_chart(sample_repo, tmp_path):
    # the sample repository as imported: post-mortems, raw evidence, nothing collected yet
    out = tmp_path / f"{SAMPLE_ID}.md"
    stale = tmp_path / SAMPLE_ID / "incident.svg"
    stale.parent.mkdir()
    stale.write_text("<svg/>")  # from an earlier export: must not outlive its data
    done = run_cli("report", SAMPLE_ID, "-o", str(out), "--repo", str(sample_repo.root))
    assert done.returncode == 0, done.stderr
    assert NO_METRICS in out.read_text() and "incident.svg" not in out.read_text()
    assert not stale.exists() and (tmp_path / SAMPLE_ID / "timeline.svg").exists()
    assert f"note: {NO_METRICS}" in done.stderr
    html = run_cli("report", SAMPLE_ID, "--format", "html", "--repo", str(sample_repo.root))
    assert NO_METRICS in html.stdout and html.stdout.count("<svg ") == 1


def test_metric_choice(collected_repo, tmp_path):
    root = str(collected_repo.root)
    done = run_cli("report", SAMPLE_ID, "--format", "html", "--metric", "error", "--repo", root)
    assert done.returncode == 0 and "error_ratio{job=api}" in done.stdout
    bad = run_cli("report", SAMPLE_ID, "--format", "html", "--metric", "latency", "--repo", root)
    assert bad.returncode == 1 and bad.stdout == ""
    (line,) = bad.stderr.strip().splitlines()
    # the saved query first, then the OpenMetrics dump's series (#18), five at most
    assert line.startswith(
        "pm-tui: no collected metric series matches latency: the series are error_ratio{job=api}, "
    ) and line.endswith(" more")


def test_team_template_places_the_graphs(collected_repo, tmp_path):
    pm = collected_repo.load(SAMPLE_ID)
    template = "# ${title}\n\n${timeline_graph}\n\nThen the metrics:\n\n${incident_graph}\n"
    out = tmp_path / "r.md"
    write_report(pm, out, "markdown", series=repo_series(collected_repo, pm), template=template)
    text = out.read_text()
    assert text.index(f"({SAMPLE_ID}/timeline.svg)") < text.index(f"({SAMPLE_ID}/incident.svg)")
    # written to a stream, the report says where its graphs go
    streamed = run_cli("report", SAMPLE_ID, "--repo", str(collected_repo.root)).stdout
    assert "The graphs are written beside the report when it is saved to a file" in streamed


def test_prose_is_rendered_markdown_without_raw_html_or_unsafe_links(sample_repo):
    pm = sample_repo.load(DRAFT_ID)
    pm.summary = (
        "The **queue** grew:\n\n- first\n- second\n\n"
        "See [the runbook](https://runbooks.example/q) or [mail us](mailto:sre@example.com); "
        "not [this](javascript:alert(1)), [nor](JaVa\tScRiPt:alert(2)), [nor](data:text/html,x)"
        ", [nor](/etc/passwd). <script>alert(3)</script> ![img](https://tracker.example/p.png)"
    )
    pm.retrospective.went_well = ["*Paging* worked", "<b>raw</b>"]
    pm.timeline[0].text = "**not prose**: escaped as typed"
    html = render_report(pm, "html")
    assert "<strong>queue</strong>" in html and "<li>first</li>" in html
    assert '<a href="https://runbooks.example/q">the runbook</a>' in html
    assert '<a href="mailto:sre@example.com">mail us</a>' in html
    hrefs = re.findall(r'href="([^"]*)"', html)
    assert all(h.startswith(("https://", "http://", "mailto:")) for h in hrefs), hrefs
    assert "<script>" not in html and "&lt;script&gt;alert(3)" in html
    assert "<img" not in html  # a report never fetches anything
    assert "<li><em>Paging</em> worked</li>" in html and "<li>&lt;b&gt;raw&lt;/b&gt;</li>" in html
    assert "<td>**not prose**: escaped as typed</td>" in html


def test_pdf_without_chromium_is_one_line_naming_the_package(sample_repo, tmp_path):
    bare = tmp_path / "bin"
    bare.mkdir()
    (bare / "git").symlink_to(shutil.which("git"))  # a PATH with git but no browser
    out = tmp_path / "r.pdf"
    done = run_cli(
        "report", SAMPLE_ID, "--format", "pdf", "-o", str(out), "--repo", str(sample_repo.root),
        env={"PATH": str(bare)},
    )  # fmt: skip
    assert done.returncode == 1 and not out.exists()
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Debian package `chromium`" in lines[0], lines
    no_file = run_cli("report", SAMPLE_ID, "--format", "pdf", "--repo", str(sample_repo.root))
    assert no_file.returncode == 2 and "-o FILE.pdf" in no_file.stderr


def test_a_5000_event_timeline_draws_small(collected_repo):
    pm = collected_repo.load(SAMPLE_ID)
    start = pm.window.started
    kinds = ["diagnosis", "communication", "change", "other", "mitigation"]
    pm.timeline = [
        TimelineEvent(f"T-{i:05d}", start + timedelta(seconds=i), f"event {i}", kinds[i % 5])
        for i in range(5000)
    ]
    html = render_report(pm, "html", series=repo_series(collected_repo, pm))
    incident, timeline = re.findall(r"<svg .*?</svg>", html, flags=re.S)
    # one tick per pixel column, one mark per pixel and lane: thousands of events stay small
    assert incident.count('class="tick"') <= 960 and timeline.count("solid s") <= 5 * 960
    assert len(incident) + len(timeline) < 400_000
    ET.fromstring(incident)  # well-formed


def test_svg_helpers_are_general_enough_for_other_charts():
    from datetime import UTC, datetime

    from pm_tui.report import svg

    bars = ET.fromstring(svg.bar_chart([("monitoring", 7), ("testing", 3.5)], title="Factors"))
    widths = [float(r.get("width")) for r in bars.iter(f"{SVG}rect")]
    assert widths[0] == 2 * widths[1] > 0  # bars in proportion
    assert {"monitoring", "testing", "7", "3.5"} <= set(_texts(bars))
    start = datetime(2026, 1, 5, 23, 0, tzinfo=UTC)
    points = [(start + timedelta(minutes=10 * i), float(i)) for i in range(13)]
    chart = svg.time_series_chart(
        [("queue depth", points)], start, start + timedelta(hours=2), title="Queue",
        bands=[svg.Band(start, start + timedelta(minutes=30), "paging")],
        marks=[svg.Mark(start + timedelta(minutes=40), "deploy")],
    )  # fmt: skip
    texts = _texts(ET.fromstring(chart))
    assert "Jan 05 23:00" in texts and "Jan 06 00:00" in texts  # the date shows as it changes
    assert {"queue depth", "paging", "deploy", "UTC"} <= set(texts)
    ticks = svg.LinearScale.fit([0.0, 0.263], 100, 0).ticks()
    assert [svg.format_value(v) for v in ticks] == ["0", "0.1", "0.2", "0.3"]  # round steps
