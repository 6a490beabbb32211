"""The `stats --format html` page in a real headless Chromium: its charts render, no errors."""

from __future__ import annotations

import pytest

from bench.repo_generator import generate
from tests.conftest import run_cli
from tests.headless_chromium import HeadlessChromium, chromium_binary

pytestmark = pytest.mark.skipif(
    chromium_binary() is None, reason="chromium not installed (bash dev.sh test installs it)"
)

CHARTS = """JSON.stringify([...document.querySelectorAll('svg.chart')].map(svg => {
  const box = svg.getBoundingClientRect();
  const marks = [...svg.querySelectorAll('rect, polyline')].map(m => m.getBBox());
  return {w: box.width, h: box.height, marks: marks.length,
          drawn: marks.filter(b => b.width > 0 && b.height > 0).length,
          svg: svg.namespaceURI};
}))"""


def test_the_html_page_renders_its_charts_in_chromium_without_errors(tmp_path):
    import json

    root = tmp_path / "repo"
    truth = generate(root, count=60, years=3)
    page_path = tmp_path / "insights.html"
    out = run_cli(
        "--repo", str(root), "stats", "--format", "html", "--today", truth.today.isoformat(),
        "-o", str(page_path),
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    with HeadlessChromium(tmp_path / "profile") as browser:
        page = browser.open(page_path)
        charts = json.loads(page.evaluate(CHARTS))
        title = page.evaluate("document.querySelector('h1').textContent")
        scripts = page.evaluate("document.scripts.length")
        links = page.evaluate("document.querySelectorAll('a[href^=\"postmortems/\"]').length")
    assert page.errors == []
    assert title == "Incident insights" and scripts == 0 and links > 0
    # Four duration charts, four sparklines, the categories and the overdue owners.
    assert len(charts) >= 10
    for chart in charts:
        assert chart["svg"] == "http://www.w3.org/2000/svg"
        assert chart["w"] > 0 and chart["h"] > 0
    bars = [c for c in charts if c["marks"] > 1]
    assert len(bars) >= 6 and all(c["drawn"] >= 1 for c in bars)
