"""Reports of a post-mortem: Markdown (from a team template or the default) and HTML.

A team template lives in the post-mortem repository at `templates/report.md`; its
`${placeholder}`s are listed in docs/report.md and in `PLACEHOLDERS`.
"""

from __future__ import annotations

from pathlib import Path

from pm_tui.errors import PmTuiError
from pm_tui.report.html import render_html
from pm_tui.report.markdown import (
    DEFAULT_TEMPLATE,
    PLACEHOLDERS,
    escape_cell,
    markdown_sections,
    render_markdown,
)

TEMPLATE_PATH = Path("templates") / "report.md"

__all__ = [
    "DEFAULT_TEMPLATE",
    "PLACEHOLDERS",
    "TEMPLATE_PATH",
    "escape_cell",
    "markdown_sections",
    "render_html",
    "render_markdown",
    "team_template",
]


def team_template(repo_root: Path) -> str | None:
    """The repository's own Markdown template (`templates/report.md`), or None."""
    path = Path(repo_root) / TEMPLATE_PATH
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise PmTuiError(f"{path}: cannot read the report template ({exc})") from None
