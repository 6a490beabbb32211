"""The report as stakeholders see it, in a real headless Chromium (the Debian package): the
graphs drawn where they belong, in light and dark, no console errors; the PDF's pages and
text (pdftotext); the wizard's `o` opening the HTML in the person's browser without waiting.

One Chromium serves this module (DevTools over a pipe: no port, nothing beyond loopback);
the PDF test runs `pm-tui report --format pdf`, which starts its own, as a person's would.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from datetime import UTC, datetime, timedelta

import pytest

from pm_tui.durations import DEFINITIONS
from pm_tui.report.graphs import NO_METRICS
from screens.app import create_app
from tests.conftest import SAMPLE_ID, run_cli
from tests.wizard_helpers import frozen_clock, wait_until

VIEWPORT = (1200, 3200)  # tall enough that both graphs are on screen, unscrolled


@pytest.fixture(scope="module")  # the only module that uses it: closed when it is done
def chromium():
    from pm_tui.report.pdf import find_chromium
    from tests.chromium import Chromium

    if find_chromium() is None or shutil.which("pdftotext") is None:
        pytest.fail("chromium and poppler-utils are missing: bash dev.sh test installs them")
    browser = Chromium()
    yield browser
    browser.close()


def _html_report(repo, out, *extra: str):
    done = run_cli(
        "report", SAMPLE_ID, "--format", "html", "-o", str(out), "--repo", str(repo.root), *extra
    )
    assert done.returncode == 0, done.stderr
    return out


def _ink(pixels, background) -> float:
    """Share of pixels that differ clearly from the background colour."""
    far = sum(1 for p in pixels if sum(abs(a - b) for a, b in zip(p, background, strict=True)) > 60)
    return far / len(pixels)


def test_html_report_shows_both_graphs_light_and_dark_without_console_errors(
    chromium, collected_repo, tmp_path
):
    page = _html_report(collected_repo, tmp_path / "report.html").as_uri()
    chromium.open(page, *VIEWPORT)
    assert chromium.console_errors() == []
    incident = chromium.box("#incident-graph svg")
    assert incident["width"] > 800 and incident["height"] > 200
    assert incident["y"] + incident["height"] < VIEWPORT[1]
    _, _, pixels = chromium.screenshot(incident)
    assert _ink(pixels, (255, 255, 255)) > 0.05  # not a blank box
    series = sum(1 for r, g, b in pixels if b > r + 80 and b > g + 40)
    assert series > 200  # the error ratio's line and area, in the series' blue
    glance = chromium.box("#timeline-graph svg")
    _, _, pixels = chromium.screenshot(glance)
    assert _ink(pixels, (255, 255, 255)) > 0.03

    chromium.open(page, *VIEWPORT, dark=True)
    assert chromium.console_errors() == []
    _, _, pixels = chromium.screenshot(chromium.box("#incident-graph svg"))
    mean = sum(sum(p) for p in pixels) / (3 * len(pixels))
    light_text = sum(1 for p in pixels if min(p) > 190)
    assert mean < 80 and light_text > 50  # a dark page, and the axes and labels still read


def test_a_report_without_metrics_says_so_in_the_browser(chromium, sample_repo, tmp_path):
    chromium.open(_html_report(sample_repo, tmp_path / "r.html").as_uri(), *VIEWPORT)
    text = chromium.call(
        "Runtime.evaluate",
        session=True,
        expression="document.querySelector('#incident-graph').innerText",
        returnByValue=True,
    )["result"]["value"]
    assert text.strip() == NO_METRICS
    assert chromium.console_errors() == []


@pytest.fixture
def small_incident(repo):
    """A short post-mortem with one collected metric series, saved in `repo`: its report has
    a known length (the sample may grow; this one is fixed here)."""
    from pm_tui.collectors.evidence import CollectResult, Evidence
    from pm_tui.collectors.evidence_store import save_evidence
    from pm_tui.model import EvidenceSource, TimelineEvent, new_postmortem
    from pm_tui.report.metrics import EVIDENCE_FILE

    start = datetime(2026, 3, 2, 14, 0, tzinfo=UTC)
    pm = new_postmortem("Checkout latency spike", start, resolved=start + timedelta(minutes=40))
    pm.summary = "Checkout was **slow** for 40 minutes after a cache node restarted."
    pm.window.detected = start + timedelta(minutes=6)
    pm.window.mitigated = start + timedelta(minutes=25)
    pm.timeline = [
        TimelineEvent("T-001", start, "p99 latency above 2 s", "first_symptom"),
        TimelineEvent("T-002", start + timedelta(minutes=6), "LatencyHigh fires", "alert_fired"),
        TimelineEvent("T-003", start + timedelta(minutes=25), "Cache warmed", "mitigation"),
    ]
    pm.sources = [
        EvidenceSource(
            "prometheus", "http://127.0.0.1:9090", "p99_latency",
            start - timedelta(minutes=30), start + timedelta(minutes=60),
        )
    ]  # fmt: skip
    points = [
        ((start + timedelta(minutes=m - 30)).strftime("%Y-%m-%dT%H:%M:%SZ"),
         2.4 if 0 <= m - 30 < 25 else 0.3)
        for m in range(91)
    ]  # fmt: skip
    series = Evidence(start, "prometheus", "metric", "p99_latency", {
        "name": "p99_latency", "labels": {"service": "checkout"}, "points": points,
    })  # fmt: skip
    save_evidence(
        repo.evidence_dir(pm.id) / EVIDENCE_FILE,
        [CollectResult("prometheus", "prometheus", "http://127.0.0.1:9090", evidence=[series])],
    )
    repo.save(pm)
    return pm


# Pages of the small incident's report, printed by the Debian chromium with its fonts.
EXPECTED_PAGES = {"A4": 4, "Letter": 4}


@pytest.mark.parametrize("size", ["A4", "Letter"])
def test_pdf_pages_and_text(repo, small_incident, tmp_path, size):
    out = tmp_path / "report.pdf"
    done = run_cli(
        "report", small_incident.id, "--format", "pdf", "--page-size", size, "-o", str(out),
        "--repo", str(repo.root),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True)
    fields = dict(line.split(":", 1) for line in info.stdout.splitlines() if ":" in line)
    assert fields["Page size"].strip().lower().endswith(f"({size.lower()})")
    assert int(fields["Pages"]) == EXPECTED_PAGES[size]
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    sheets = [s for s in text.split("\f") if s.strip()]
    assert len(sheets) == EXPECTED_PAGES[size]
    assert "Checkout latency spike" in sheets[0] and "Checkout was slow for 40 minutes" in sheets[0]
    assert "**" not in text  # prose rendered, not shown as typed
    for expected in (
        "p99_latency{service=checkout}", "started → detected (6m)", "detected → mitigated (19m)",
        "14:06 LatencyHigh fires", "Time to detect: 6m", DEFINITIONS["detect"], "UTC",
    ):  # fmt: skip
        assert expected in text, expected
    headings = ("Summary", "Incident graph", "Timeline at a glance", "Sources")
    order = [text.index(h) for h in headings]
    assert order == sorted(order) and "Sources" in sheets[-1]


async def test_wizard_o_opens_the_html_report_without_waiting_for_the_browser(
    collected_repo, tmp_path, monkeypatch
):
    record = tmp_path / "browser-called-with"
    browser = tmp_path / "browser.sh"
    # records its argument and its pid, then stays open like a real browser would
    browser.write_text(
        f'#!/bin/sh\necho "$$ $1" > "{record}.tmp"\nmv "{record}.tmp" "{record}"\nexec sleep 60\n'
    )
    browser.chmod(0o755)
    monkeypatch.setenv("BROWSER", str(browser))
    app = create_app(collected_repo, SAMPLE_ID, clock=frozen_clock, autosave_delay=60)
    opened: list[str] = []

    async def browser_called(pilot) -> str:
        await wait_until(pilot, record.exists)
        pid, url = record.read_text().split()
        record.unlink()
        opened.append(pid)
        return url

    try:
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            app.action_goto_step(5)
            await pilot.pause()
            await app.workers.wait_for_complete()
            shown = app.screen.query_one("#preview").source
            assert f"reports/{SAMPLE_ID}/incident.svg" in shown
            assert f"reports/{SAMPLE_ID}.html" in shown and "press **o**" in shown
            assert "Open in browser (o)" in str(app.screen.query_one("#open-report").label)
            app.screen.query_one("#open-report").focus()
            await pilot.press("o")
            url = await browser_called(pilot)
            await app.workers.wait_for_complete()
            await pilot.pause()
            # the browser is still running: the wizard went on without it
            messages = [n.message for n in app._notifications]
            assert f"Opened reports/{SAMPLE_ID}.html in your browser." in messages
            assert app.screen.name == "step5"
            # typing in an editor, `o` is a letter and ctrl+o opens the report
            summary = app.screen.query_one("#summary")
            summary.focus()
            before = summary.text
            await pilot.press("ctrl+o")
            assert await browser_called(pilot) == url and summary.text == before
    finally:
        for pid in opened:
            os.kill(int(pid), signal.SIGTERM)  # the stand-in browsers this test started
    html = collected_repo.root / "reports" / f"{SAMPLE_ID}.html"
    assert url == html.as_uri()
    assert html.read_text().count("<svg ") == 2
