"""Use case: render and export the report (step 5), with the team template honoured everywhere:
the CLI's `report`, the wizard's preview and export, and the e-mail all use `render_report`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pm_tui.errors import UsageError
from pm_tui.model import PostMortem
from pm_tui.workflow.outcome import Outcome

if TYPE_CHECKING:
    from pm_tui.postmortem_store import Repository

REPORT_FORMATS = ("markdown", "html")
REPORTS_DIR = "reports"
_SUFFIX = {"markdown": ".md", "html": ".html"}


@dataclass
class Exported(Outcome):
    """Where the report was written."""

    path: Path | None = None


def render_report(repo: Repository, pm: PostMortem, fmt: str = "markdown") -> str:
    """The report text in `fmt`; Markdown follows the repository's `templates/report.md`."""
    from pm_tui.report import render_html, render_markdown, team_template

    if fmt == "html":
        return render_html(pm)
    if fmt != "markdown":
        raise UsageError(f"no report format '{fmt}': use {' or '.join(REPORT_FORMATS)}")
    return render_markdown(pm, team_template(repo.root))


def default_report_path(repo: Repository, pm: PostMortem, fmt: str = "markdown") -> Path:
    """`reports/<id>.md` (or .html) in the repository: where the wizard exports."""
    return repo.root / REPORTS_DIR / f"{pm.id}{_SUFFIX.get(fmt, '.md')}"


def export_report(
    repo: Repository, pm: PostMortem, fmt: str = "markdown", path: str | Path | None = None
) -> Exported:
    """Write the report to `path` (default: `default_report_path`) with the one atomic write."""
    from pm_tui.atomic_write import atomic_write_text

    target = Path(path) if path is not None else default_report_path(repo, pm, fmt)
    atomic_write_text(target, render_report(repo, pm, fmt))
    shown = target.relative_to(repo.root) if target.is_relative_to(repo.root) else target
    return Exported(changed=[f"report written to {shown}"], path=target)
