"""Writing the report to files: Markdown with its SVG graphs beside it, HTML with them inline,
or PDF printed from that HTML. The one path the CLI and the wizard both take.

A Markdown report at `reports/<id>.md` gets its graphs at `reports/<id>/incident.svg` and
`reports/<id>/timeline.svg`, linked by relative paths so GitHub and GitLab show them when the
report is committed or attached to a pull request.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pm_tui.errors import PmTuiError
from pm_tui.model import PostMortem
from pm_tui.report.graphs import NO_METRICS, NO_TIMELINE, Graphs, render_graphs
from pm_tui.report.metrics import MetricSeries, choose_series

FORMATS = ("markdown", "html", "pdf")
SUFFIXES = {"markdown": ".md", "html": ".html", "pdf": ".pdf"}
GRAPH_FILES = {"incident_graph": "incident.svg", "timeline_graph": "timeline.svg"}
_ALT = {
    "incident_graph": "Incident graph: the collected metrics, the incident's phases shaded "
    "and the timeline's events marked",
    "timeline_graph": "Timeline at a glance: events by kind and the incident durations",
}


@dataclass
class WrittenReport:
    """What was written: the report and any graph files beside it."""

    path: Path
    graphs: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def graphs_dir(report_path: Path, pm: PostMortem) -> Path:
    """Where a Markdown report's graphs go: a folder named for the post-mortem beside it."""
    from pm_tui.safepath import check_id

    return Path(report_path).parent / check_id(pm.id)


def default_report_path(repo_root: Path, pm: PostMortem, fmt: str = "markdown") -> Path:
    """`reports/<id>.md` (or .html/.pdf) in the post-mortem repository (proven inside it:
    a committed `reports` symlink to elsewhere is refused)."""
    from pm_tui.safepath import check_id, inside

    path = Path(repo_root) / "reports" / f"{check_id(pm.id)}{SUFFIXES[fmt]}"
    return inside(repo_root, path)


def report_graphs(
    pm: PostMortem,
    series: list[MetricSeries],
    metrics: list[str] | None = None,
    standalone: bool = False,
) -> Graphs:
    """The two graphs of `pm` from the collected `series` (chosen by `metrics` names)."""
    chosen = choose_series(pm, series, metrics)
    if metrics and not chosen:
        ordered = sorted(series, key=lambda s: s.from_dump)
        names = ", ".join(s.name for s in ordered[:5]) or "none were collected"
        if len(ordered) > 5:
            names += f" and {len(ordered) - 5} more"
        raise PmTuiError(
            f"no collected metric series matches {', '.join(metrics)}: the series are {names}"
        )
    return render_graphs(pm, chosen, standalone)


def render_report(
    pm: PostMortem,
    fmt: str,
    *,
    series: list[MetricSeries] | None = None,
    template: str | None = None,
    metrics: list[str] | None = None,
    page_size: str = "A4",
) -> str:
    """The report text in `fmt` (markdown or html) for a stream: HTML carries its graphs
    inline; Markdown says where its graph files are written."""
    from pm_tui.report.html import render_html
    from pm_tui.report.markdown import render_markdown
    from pm_tui.report.pdf import page_css

    if fmt == "html":
        graphs = report_graphs(pm, series or [], metrics)
        return render_html(pm, graphs, page_css(page_size))
    if fmt == "markdown":
        return render_markdown(pm, template)
    raise PmTuiError(f"{fmt} cannot be written to a stream: give -o FILE")


def write_report(
    pm: PostMortem,
    path: Path,
    fmt: str,
    *,
    series: list[MetricSeries] | None = None,
    template: str | None = None,
    metrics: list[str] | None = None,
    page_size: str = "A4",
) -> WrittenReport:
    """Write the report in `fmt` to `path` (atomically), with the graphs of the metric
    `series` collected in step 1; a Markdown report gets its SVG files beside it."""
    from pm_tui.atomic_write import atomic_write_text
    from pm_tui.report.html import render_html
    from pm_tui.report.markdown import graph_image, render_markdown
    from pm_tui.report.pdf import html_to_pdf, page_css

    if fmt not in FORMATS:
        raise PmTuiError(f"unknown report format {fmt!r}: use {', '.join(FORMATS)}")
    path = Path(path)
    css = page_css(page_size)
    written = WrittenReport(path)
    if fmt == "markdown":
        graphs = report_graphs(pm, series or [], metrics, standalone=True)
        folder = graphs_dir(path, pm)
        sections, files = {}, {}
        for name, svg_text, missing in (
            ("incident_graph", graphs.incident, NO_METRICS),
            ("timeline_graph", graphs.timeline, NO_TIMELINE),
        ):
            files[folder / GRAPH_FILES[name]] = svg_text
            if svg_text is None:
                sections[name] = f"_{missing}_"
                written.notes.append(missing)
            else:
                sections[name] = graph_image(_ALT[name], f"{pm.id}/{GRAPH_FILES[name]}")
        text = render_markdown(pm, template, sections)  # a template error writes nothing
        for target, svg_text in files.items():
            if svg_text is None:
                target.unlink(missing_ok=True)  # a stale graph must not outlive its data
            else:
                atomic_write_text(target, svg_text + "\n")
                written.graphs.append(target)
        atomic_write_text(path, text)
        return written
    graphs = report_graphs(pm, series or [], metrics)
    if graphs.incident is None:
        written.notes.append(NO_METRICS)
    html = render_html(pm, graphs, css)
    if fmt == "html":
        atomic_write_text(path, html)
    else:
        html_to_pdf(html, path)
    return written
