"""The insights as one self-contained HTML page for a monthly review: inline CSS and SVG
charts, no script. Links to post-mortems are relative to the repository root
(`postmortems/<id>.toml`), so the page works saved there or served by the git host."""

from __future__ import annotations

from html import escape

from pm_tui.insights.compute import Insights
from pm_tui.insights.definitions import (
    DEFINITIONS,
    DURATION_METRICS,
    RECURRENCE_HORIZON,
    TIME_GROUPINGS,
)
from pm_tui.insights.render import TOP, duration_text, share_text, trend_text
from pm_tui.report.svg import Svg, bar_chart

CSS = """
body{font:15px/1.45 system-ui,sans-serif;max-width:70em;margin:2em auto;padding:0 1em;color:#222}
h1{font-size:1.6em;margin-bottom:.2em}h2{margin-top:1.8em;border-bottom:1px solid #ddd}
table{border-collapse:collapse;margin:.6em 0}td,th{padding:.25em .6em;border-bottom:1px solid #eee;
text-align:left;vertical-align:top}td.n{text-align:right;font-variant-numeric:tabular-nums}
.meta{color:#666}.charts{display:flex;flex-wrap:wrap;gap:1em}.faster{color:#1a7f37}.slower{color:#b42318}
dl dt{font-weight:600;margin-top:.5em}dl dd{margin-left:1em;color:#444}
"""


def sparkline(values: list[float | None], label: str, width: int = 140, height: int = 26) -> str:
    """A small line through the values (None leaves a gap), on the report's SVG builder."""
    svg = Svg(width, height, label)
    known = [v for v in values if v is not None]
    if known:
        lo, hi = min(known), max(known)
        step = (width - 4) / max(len(values) - 1, 1)
        points = [
            (2 + i * step, height - 3 - (height - 6) * (v - lo) / ((hi - lo) or 1))
            for i, v in enumerate(values)
            if v is not None
        ]
        svg.polyline(points, "line s0")
    return svg.render()


def _link(pm_id: str) -> str:
    return f'<a href="postmortems/{escape(pm_id, quote=True)}.toml">{escape(pm_id)}</a>'


def _links(ids: list[str], limit: int = 5) -> str:
    shown = ", ".join(_link(i) for i in ids[-limit:])
    more = f" and {len(ids) - limit} more" if len(ids) > limit else ""
    return shown + escape(more)


def _table(header: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(rows_cell for rows_cell in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _td(text: object, numeric: bool = False) -> str:
    return f"<td{' class=n' if numeric else ''}>{escape(str(text))}</td>"


def _trend(t: float | None) -> str:
    if t is None:
        return "<td></td>"
    css = "faster" if t <= -0.5 else "slower" if t >= 0.5 else ""
    return f'<td class="{css}">{escape(trend_text(t))}</td>'


def _durations(ins: Insights) -> str:
    periods = ins.periods
    if not periods:
        return "<p>No post-mortem matches.</p>"
    labels = [p.key for p in periods]
    charts = []
    for m in DURATION_METRICS:
        values = [p.metrics[m].median for p in periods]
        charts.append(
            bar_chart(
                [(label, round(v / 60, 1)) for label, v in zip(labels, values, strict=True) if v],
                title=f"Median time to {m} by {ins.query.by}",
                width=460,
                bar_height=10,
                unit=" min",
            )
        )
    rows = []
    for p in periods:
        row = [_td(p.key), _td(len(p.ids), True)]
        for m in DURATION_METRICS:
            s = p.metrics[m]
            row += [_td(duration_text(s.median), True), _td(duration_text(s.p90), True)]
            if ins.query.by in TIME_GROUPINGS:
                row.append(_trend(s.trend))
        rows.append(row)
    header = [ins.query.by.capitalize(), "N"]
    for m in DURATION_METRICS:
        header += [f"{m} median", "p90"] + (["trend"] if ins.query.by in TIME_GROUPINGS else [])
    lines = "".join(
        f"<tr><th>{escape(m)}</th><td>"
        + sparkline([p.metrics[m].median for p in periods], f"time to {m}")
        + "</td></tr>"
        for m in DURATION_METRICS
    )
    return (
        f'<div class="charts">{"".join(charts)}</div>'
        f"<table><tbody>{lines}</tbody></table>" + _table(header, rows)
    )


def _recurrence(ins: Insights) -> str:
    rows = [
        [
            _td(len(g.ids), True),
            _td(g.service),
            _td("category " + g.label if g.kind == "category" else f"cause: {g.label} (confirmed)"),
            f"<td>{_links(g.ids)}</td>",
        ]
        for g in ins.recurrence[: 2 * TOP]
    ]
    cats = ins.categories[:TOP]
    chart = bar_chart(
        [(c.category, float(c.incidents)) for c in cats], title="Incidents per factor category"
    )
    cat_rows = [
        [_td(c.category), _td(c.incidents, True), _td(c.services_recurring, True)] for c in cats
    ]
    return (
        _table(["Incidents", "Service", "Shared", "Post-mortems (latest)"], rows)
        + chart
        + _table(["Category", "Incidents", "Services where it recurred"], cat_rows)
    )


def _suggested(ins: Insights) -> str:
    """The suggested recurrences, apart: a judgement to confirm or reject, never counted."""
    if not ins.suggested:
        return "<p>No groups of similar causes are waiting for a decision.</p>"
    rows = [
        [
            _td(len(g.ids), True),
            _td(g.confidence),
            _td(g.service),
            _td(f"cause: {g.label}"),
            _td(g.why),
            f"<td>{_links(g.ids)}</td>",
            f"<td><code>{escape(f'pm-tui link {g.pairs[0][0]} {g.pairs[0][1]}')}</code>"
            + (escape(f" (+{len(g.pairs) - 1} more)") if len(g.pairs) > 1 else "")
            + "</td>",
        ]
        for g in ins.suggested[: 2 * TOP]
    ]
    return (
        '<p class="meta">Immediate causes a model reads as the same cause. Not counted in '
        "recurrence or in fixes that did not hold until a person confirms them (<code>pm-tui "
        "link NEWER OLDER</code>, or <code>--reject</code> when they are not the same "
        "cause). Strong: every writer blind to the model, left out of its training, had at "
        "least 9 in 10 of these right; possible: at least 4 in 5.</p>"
        + _table(
            ["Incidents", "Confidence", "Service", "Cause", "Why", "Post-mortems", "To confirm"],
            rows,
        )
    )


def _follow_through(ins: Insights) -> str:
    def rows(items):
        return [
            [
                _td(f.who),
                _td(f.opened, True),
                _td(f.closed, True),
                _td(f.open, True),
                _td(f.overdue, True),
                _td(f"{f.median_age_days:.0f}" if f.median_age_days is not None else "—", True),
                _td(f.oldest_age_days if f.oldest_age_days is not None else "—", True),
            ]
            for f in items
        ]

    header = ["", "Opened", "Closed", "Open", "Overdue", "Median age (days)", "Oldest"]
    overdue = sum(f.overdue for f in ins.owners)
    return (
        f"<p><strong>{overdue}</strong> overdue action items. Published within 48 h of "
        f"resolution: <strong>{escape(share_text(ins.published))}</strong>. Follow-up reviews "
        f"held on time: <strong>{escape(share_text(ins.follow_up))}</strong>.</p>"
        + bar_chart(
            [(f.who, float(f.overdue)) for f in ins.owners[:TOP]],
            title="Overdue action items per owner",
        )
        + "<h3>Per owner</h3>"
        + _table(["Owner", *header[1:]], rows(ins.owners))
        + "<h3>Per team</h3>"
        + _table(["Team", *header[1:]], rows(ins.teams))
    )


def _effectiveness(ins: Insights) -> str:
    rows = [
        [
            _td(x.service),
            _td(x.cause),
            _td(", ".join(x.categories)),
            _td(x.fixes, True),
            _td(x.recurrences, True),
            f"<td>{_links(x.fixed_in[-3:], 3)}</td>",  # the counts say how many in all
            f"<td>{_links(x.recurred[-3:], 3)}</td>",
        ]
        for x in ins.fixes_that_did_not_hold[: 2 * TOP]
    ]
    return (
        f"<p>{ins.fixes_not_held} of {ins.fixes} fixed factors did not hold: their cause came "
        f"back within {RECURRENCE_HORIZON.days} days after their action items were closed.</p>"
        + _table(
            ["Service", "Cause", "Categories", "Fixes", "Came back", "Latest fixes", "Latest back"],
            rows,
        )
    )


def _slug(title: str) -> str:
    return title.split(" (")[0].lower().replace(" ", "-")


def render_html(ins: Insights) -> str:
    """The whole page."""
    q = ins.query
    scope = f"{len(ins.considered)} post-mortems, as of {q.today.isoformat()}"
    if q.since or q.until:
        scope += f", from {q.since or 'the first'} to {q.until or 'today'}"
    if q.services:
        scope += ", service " + ", ".join(q.services)
    if q.severities:
        scope += ", severity " + ", ".join(q.severities)
    sections = [
        ("Durations", _durations(ins)),
        ("Recurrence", _recurrence(ins)),
        ("Suggested recurrence (not counted)", _suggested(ins)),
        ("Follow-through", _follow_through(ins)),
        ("Effectiveness", _effectiveness(ins)),
        (
            "Definitions",
            "<dl>"
            + "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in DEFINITIONS.items())
            + "</dl>",
        ),
    ]
    body = "\n".join(
        f'<section id="{_slug(t)}"><h2>{escape(t)}</h2>\n{h}</section>' for t, h in sections
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>Incident insights</title>\n<style>{CSS}</style></head>\n<body>\n"
        f'<header><h1>Incident insights</h1><p class="meta">{escape(scope)}</p></header>\n'
        f"{body}\n</body></html>"
    )
