"""The `stats --format html` page in a real headless Chromium: its charts render, no errors."""

from __future__ import annotations

import pytest

from bench.repo_generator import generate
from tests.conftest import run_cli

CHARTS = """JSON.stringify([...document.querySelectorAll('svg')].map(svg => {
  const box = svg.getBoundingClientRect();
  const marks = [...svg.querySelectorAll('rect, polyline')].map(m => m.getBBox());
  return {w: box.width, h: box.height, marks: marks.length,
          drawn: marks.filter(b => b.width > 0 && b.height > 0).length,
          svg: svg.namespaceURI};
}))"""


@pytest.fixture
def chromium():
    from pm_tui.report.pdf import find_chromium
    from tests.chromium import Chromium

    if find_chromium() is None:
        pytest.fail("chromium is missing: bash dev.sh test installs it")
    browser = Chromium()
    yield browser
    browser.close()


def _evaluate(browser, expression: str):
    reply = browser.call(
        "Runtime.evaluate", session=True, expression=expression, returnByValue=True
    )
    assert "exceptionDetails" not in reply, reply
    return reply["result"]["value"]


def test_the_html_page_renders_its_charts_in_chromium_without_errors(tmp_path, chromium):
    import json

    root = tmp_path / "repo"
    truth = generate(root, count=60, years=3)
    page_path = tmp_path / "insights.html"
    out = run_cli(
        "--repo", str(root), "stats", "--format", "html", "--today", truth.today.isoformat(),
        "-o", str(page_path),
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    chromium.open(page_path.as_uri(), 1200, 3000)
    charts = json.loads(_evaluate(chromium, CHARTS))
    title = _evaluate(chromium, "document.querySelector('h1').textContent")
    scripts = _evaluate(chromium, "document.scripts.length")
    links = _evaluate(chromium, "document.querySelectorAll('a[href^=\"postmortems/\"]').length")
    assert chromium.console_errors() == []
    # The ink: the first duration chart's box, screenshotted, has coloured bar pixels.
    width, height, pixels = chromium.screenshot(chromium.box("svg"))
    coloured = sum(1 for r, g, b in pixels if max(r, g, b) - min(r, g, b) > 60)
    assert coloured > 100, coloured
    assert title == "Incident insights" and scripts == 0 and links > 0
    # Four duration charts, four sparklines, the categories and the overdue owners.
    assert len(charts) >= 10
    for chart in charts:
        assert chart["svg"] == "http://www.w3.org/2000/svg"
        assert chart["w"] > 0 and chart["h"] > 0
    bars = [c for c in charts if c["marks"] > 1]
    assert len(bars) >= 6 and all(c["drawn"] >= 1 for c in bars)


SECTIONS = """JSON.stringify((() => {
  const rec = document.querySelector('#recurrence');
  const sug = document.querySelector('#suggested-recurrence');
  const rows = s => [...s.querySelectorAll('tbody tr')].map(tr => ({
    text: tr.innerText, ids: [...tr.querySelectorAll('a')].map(a => a.textContent),
    height: tr.getBoundingClientRect().height}));
  return {heading: sug.querySelector('h2').textContent, after: rec.getBoundingClientRect().bottom
          <= sug.getBoundingClientRect().top, counted: rows(rec), suggested: rows(sug)};
})())"""


def test_the_html_page_shows_suggested_recurrences_apart_from_the_counted_ones(tmp_path, chromium):
    import json

    root = tmp_path / "repo"
    truth = generate(root, count=60, years=3)
    today = truth.today.isoformat()
    data = json.loads(
        run_cli("--repo", str(root), "stats", "--format", "json", "--today", today).stdout
    )
    page_path = tmp_path / "insights.html"
    out = run_cli(
        "--repo", str(root), "stats", "--format", "html", "--today", today, "-o", str(page_path)
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    chromium.open(page_path.as_uri(), 1200, 3000)
    shown = json.loads(_evaluate(chromium, SECTIONS))
    assert chromium.console_errors() == []
    assert "not counted" in shown["heading"] and shown["after"]
    assert data["suggested"] and len(shown["suggested"]) == min(len(data["suggested"]), 20)
    for row, group in zip(shown["suggested"], data["suggested"], strict=False):
        assert row["height"] > 0 and row["ids"] == group["ids"][-5:]
        assert "(confirmed)" not in row["text"] and "pm-tui link" in row["text"]
    confirmed = [r for r in shown["counted"] if "(confirmed)" in r["text"]]
    assert confirmed and not any("pm-tui link" in r["text"] for r in shown["counted"])
    suggested_pairs = {frozenset(p) for g in data["suggested"] for p in g["pairs"]}
    for g in data["recurrence"]:
        if g["kind"] == "confirmed":
            assert not {frozenset((a, b)) for a in g["ids"] for b in g["ids"]} & suggested_pairs
