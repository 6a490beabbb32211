"""What a report says, whatever its format: formatted times, figures and labels."""

from __future__ import annotations

from datetime import date, datetime

from pm_tui.durations import durations, format_duration, milestone
from pm_tui.model import SEVERITIES, ActionItem, Impact, PostMortem

MILESTONE_ROWS = (
    ("Detect", "detected", "detect"),
    ("Acknowledge", "acknowledged", "acknowledge"),
    ("Mitigate", "mitigated", "mitigate"),
    ("Resolve", "resolved", "resolve"),
)


def fmt_time(value: datetime | None) -> str:
    """'2025-02-09 10:05 UTC' (seconds shown only when not zero), or '—'."""
    if value is None:
        return "—"
    fmt = "%Y-%m-%d %H:%M:%S UTC" if value.second else "%Y-%m-%d %H:%M UTC"
    return value.strftime(fmt)


def fmt_date(value: date | None) -> str:
    """ISO date or '—'."""
    return value.isoformat() if value else "—"


def severity_text(pm: PostMortem) -> str:
    """'P1: Critical: …' with the severity's meaning where known."""
    meaning = SEVERITIES.get(pm.severity)
    return f"{pm.severity}: {meaning}" if meaning else pm.severity


def total_duration(pm: PostMortem) -> str:
    """Start to resolution, formatted, or '—' while unresolved."""
    return format_duration(durations(pm).resolve)


def reviewed_text(pm: PostMortem) -> str:
    """Who reviewed and when, or that nobody has yet."""
    names = ", ".join(pm.reviewers)
    if pm.reviewed:
        return f"{names or 'reviewed'} (reviewed {pm.reviewed.isoformat()})"
    return f"{names} (not yet reviewed)" if names else "not yet reviewed"


def header_rows(pm: PostMortem) -> list[list[str]]:
    """The report's fact sheet: date, duration, severity, status, services, authors, review."""
    return [
        ["Date", fmt_date(pm.date)],
        ["Duration", total_duration(pm)],
        ["Severity", severity_text(pm)],
        ["Status", pm.status],
        ["Services", ", ".join(pm.services) or "—"],
        ["Authors", ", ".join(pm.authors) or "—"],
        ["Reviewers", reviewed_text(pm)],
    ]


def impact_figures(impact: Impact) -> list[tuple[str, str]]:
    """The known impact figures as (label, value) pairs, in a fixed order."""
    rows: list[tuple[str, str]] = []
    if impact.failed_requests is not None:
        rows.append(("Failed requests", f"{impact.failed_requests:,}"))
    if impact.customers_affected is not None:
        rows.append(("Customers affected", f"{impact.customers_affected:,}"))
    if impact.estimated_cost is not None:
        cost = impact.estimated_cost
        shown = f"{cost:,.0f}" if float(cost).is_integer() else f"{cost:,.2f}"
        rows.append(("Estimated cost", f"{shown} {impact.cost_currency}"))
    return rows


def duration_rows(pm: PostMortem) -> list[tuple[str, str, str]]:
    """(milestone, time, time since start) for detect, acknowledge, mitigate, resolve."""
    d = durations(pm)
    rows = [("Start", fmt_time(milestone(pm, "started")), "—")]
    for label, name, attr in MILESTONE_ROWS:
        rows.append((label, fmt_time(milestone(pm, name)), format_duration(getattr(d, attr))))
    return rows


def ticket_label(url: str) -> str:
    """'owner/repo#12' for a GitHub issue URL, else 'ticket'."""
    parts = url.rstrip("/").split("/")
    if len(parts) >= 7 and parts[-2] in ("issues", "pull") and parts[-1].isdigit():
        return f"{parts[-4]}/{parts[-3]}#{parts[-1]}"
    return "ticket"


def is_web_url(url: str) -> bool:
    """Only http(s) links become links; anything else is shown as text."""
    return url.startswith(("https://", "http://"))


def evidence_gaps(pm: PostMortem) -> list[tuple[str, str, str]]:
    """(source kind, source target, gap) for every gap noted while collecting evidence."""
    return [(s.kind, s.target, gap) for s in pm.sources for gap in s.gaps]


def source_window(pm: PostMortem, index: int) -> str:
    """A source's collection window as 'start → end', or '—'."""
    s = pm.sources[index]
    if s.window_start is None and s.window_end is None:
        return "—"
    return f"{fmt_time(s.window_start)} → {fmt_time(s.window_end)}"


def counts_text(counts: dict[str, int]) -> str:
    """'records 31873, unparsed 0' or '—'."""
    return ", ".join(f"{k} {v}" for k, v in counts.items()) or "—"


def factor_category(pm: PostMortem, item: ActionItem) -> str:
    """The category of the factor an action item addresses, or ''."""
    f = pm.factor(item.factor) if item.factor else None
    return f.category if f else ""
