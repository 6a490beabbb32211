"""Use case: render and export the report (step 5), with the team template honoured everywhere:
the CLI's `report`, the wizard's preview, export and browser view, and the e-mail all come here.

Markdown follows the repository's `templates/report.md`; HTML and PDF carry the graphs of the
metric series kept in step 1 (pm_tui.report.files does the writing).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pm_tui.model import PostMortem
from pm_tui.workflow.outcome import Outcome

if TYPE_CHECKING:
    from pm_tui.postmortem_store import Repository


@dataclass
class Exported(Outcome):
    """Where the report was written, and its graph files (Markdown) beside it."""

    path: Path | None = None
    graphs: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def render_report(
    repo: Repository,
    pm: PostMortem,
    fmt: str = "markdown",
    *,
    metrics: list[str] | None = None,
    page_size: str = "A4",
    graphs: dict[str, str] | None = None,
) -> str:
    """The report text in `fmt` (markdown or html) for a stream or a preview. `graphs` fills
    the Markdown graph placeholders (the wizard says where the graphs are drawn)."""
    from pm_tui.report import team_template
    from pm_tui.report.files import render_report as render
    from pm_tui.report.metrics import repo_series

    if fmt == "markdown":
        template = team_template(repo.root)
        if graphs is not None:
            from pm_tui.report.markdown import render_markdown

            return render_markdown(pm, template, graphs)
        return render(pm, fmt, template=template)
    series = repo_series(repo, pm) if fmt == "html" else []
    return render(pm, fmt, series=series, metrics=metrics, page_size=page_size)


def email_bodies(repo: Repository, pm: PostMortem) -> tuple[str, str]:
    """The e-mail's Markdown (team template) and HTML bodies; the HTML without the graphs,
    which many mail readers drop when they are inline SVG."""
    from pm_tui.report import render_html

    return render_report(repo, pm, "markdown"), render_html(pm)


def report_paths(repo: Repository, pm: PostMortem) -> dict[str, Path]:
    """Where the wizard writes the report: Markdown, its graphs folder, and HTML."""
    from pm_tui.report.files import default_report_path, graphs_dir

    markdown = default_report_path(repo.root, pm)
    return {
        "markdown": markdown,
        "graphs": graphs_dir(markdown, pm),
        "html": default_report_path(repo.root, pm, "html"),
    }


def export_report(
    repo: Repository,
    pm: PostMortem,
    fmt: str = "markdown",
    path: str | Path | None = None,
    *,
    metrics: list[str] | None = None,
    page_size: str = "A4",
    publish: bool = False,
    force: bool = False,
    reason: str = "",
    by: str = "",
) -> Exported:
    """Write the report to `path` (default: `reports/<id>.md`, .html or .pdf in the
    repository), Markdown with its SVG graphs beside it, atomically. With `publish`, the
    publishing gate first (PublishBlocked, or overrides recorded with `force` and a
    `reason`), then the status becomes published: the caller saves the post-mortem."""
    from pm_tui.report import team_template
    from pm_tui.report.files import default_report_path, write_report
    from pm_tui.report.metrics import repo_series

    target = Path(path) if path is not None else default_report_path(repo.root, pm, fmt)
    overridden: list = []
    if publish:  # the gate first: nothing is written for a report that may not go out
        from pm_tui.model import now_utc
        from pm_tui.workflow import gate

        overridden = gate.enforce(pm, "publish", now_utc(), force=force, reason=reason, by=by)
        pm.status = "published"
    template = team_template(repo.root) if fmt == "markdown" else None
    written = write_report(
        pm,
        target,
        fmt,
        series=repo_series(repo, pm),
        template=template,
        metrics=metrics,
        page_size=page_size,
    )
    shown = target.relative_to(repo.root) if target.is_relative_to(repo.root) else target
    return Exported(
        changed=[f"report written to {shown}"]
        + ([f"published over {len(overridden)} error(s)"] if overridden else []),
        path=written.path,
        graphs=list(written.graphs),
        notes=list(written.notes),
    )


def open_report(repo: Repository, pm: PostMortem) -> tuple[Path, str]:
    """Write the HTML report and ask the browser to open it: (path, error or "")."""
    from pm_tui.report.browser import open_in_browser

    written = export_report(repo, pm, "html")
    return written.path, open_in_browser(written.path)
