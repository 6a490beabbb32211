"""The report as one self-contained HTML file: inline CSS and SVG graphs, no scripts.

Prose fields are the authors' Markdown, rendered safely (pm_tui.report.prose); every other
field is escaped text.
"""

from __future__ import annotations

import re
from html import escape

from pm_tui.durations import definitions_note
from pm_tui.model import PostMortem
from pm_tui.report import facts
from pm_tui.report.graphs import NO_METRICS, NO_TIMELINE, Graphs
from pm_tui.report.prose import inline_html, prose_html
from pm_tui.safetext import neutralise

_CODE = re.compile(r"`([^`\n]+)`")

CSS = """
body{font:15px/1.5 -apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:#1f2328;
max-width:60rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.8rem;margin-bottom:.2rem}h2{border-bottom:1px solid #d0d7de;padding-bottom:.2rem;
margin-top:2rem}table{border-collapse:collapse;width:100%;margin:.5rem 0}
th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}.meta{color:#59636e}.none{color:#59636e;font-style:italic}
code{background:#f6f8fa;padding:0 .2rem;border-radius:3px}
.sev-P1{color:#b31d28;font-weight:bold}.sev-P2{color:#b35900;font-weight:bold}
@media print{body{margin:0;max-width:none;font-size:11pt}a{color:inherit}
a[href]::after{content:" (" attr(href) ")";font-size:9pt}h2{break-after:avoid}
tr,li{break-inside:avoid}th{background:#eee}.graph{break-inside:avoid}}
.graph svg{max-width:100%;height:auto;display:block}.graph{margin:.5rem 0 1rem}
.prose table{width:auto}
@media screen and (prefers-color-scheme:dark){body{background:#0d1117;color:#e6edf3}
th{background:#161b22}th,td,h2{border-color:#30363d}code{background:#161b22}
.meta,.none{color:#9198a1}a{color:#58a6ff}.sev-P1{color:#ff7b72}.sev-P2{color:#d29922}}
"""

NONE = '<p class="none">None recorded.</p>'


def _text(value: object) -> str:
    """Escaped text; `code` spans become <code> (after escaping, so nothing else gets through)."""
    text = neutralise("" if value is None else str(value))  # control characters shown
    return _CODE.sub(r"<code>\1</code>", escape(text))


def _prose(text: str) -> str:
    html = prose_html(text)
    return f'<div class="prose">{html}</div>' if html else NONE


def _list(items: list[str], tag: str = "ul", prose: bool = False) -> str:
    items = [i for i in items if i and i.strip()]
    if not items:
        return NONE
    item = inline_html if prose else _text
    return f"<{tag}>" + "".join(f"<li>{item(i)}</li>" for i in items) + f"</{tag}>"


def _graph(element_id: str, svg: str | None, missing: str) -> str:
    if svg is None:
        return f'<p class="none" id="{element_id}">{escape(missing)}</p>'
    return f'<figure class="graph" id="{element_id}">{svg}</figure>'


def _table(header: list[str], rows: list[list[str]], raw_last: bool = False) -> str:
    """A table of escaped cells; with raw_last the last cell is trusted, already-built HTML."""
    if not rows:
        return NONE
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = []
    for row in rows:
        cells = [_text(c).replace("\n", "<br>") for c in row]
        if raw_last:
            cells[-1] = row[-1]
        body.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _link(url: str) -> str:
    if not url:
        return "—"
    if not facts.is_web_url(url):
        return escape(url)
    return f'<a href="{escape(url, quote=True)}">{escape(facts.ticket_label(url))}</a>'


def _factors(pm: PostMortem) -> str:
    a = pm.analysis
    rows = []
    for f in a.factors:
        events = []
        for eid in f.events:
            ev = pm.event(eid)
            events.append(f"{eid} ({ev.time:%H:%M} {ev.text})" if ev else f"{eid} (missing)")
        rows.append([f.id, f.category, f.description, "\n".join(events) or "—"])
    return (
        "<h3>Immediate causes</h3>"
        + _list(a.immediate_causes)
        + "<h3>Contributing factors</h3>"
        + _table(["ID", "Category", "Factor", "Timeline events"], rows)
        + "<h3>Systemic issues</h3>"
        + _list(a.systemic_issues)
    )


def _five_whys(pm: PostMortem) -> str:
    if not pm.analysis.five_whys:
        return NONE
    return "".join(
        f"<p><strong>Problem:</strong> {_text(c.problem)}</p>" + _list(c.whys, "ol")
        for c in pm.analysis.five_whys
    )


def render_html(pm: PostMortem, graphs: Graphs | None = None, page_css: str = "") -> str:
    """The whole report as a standalone, printable HTML document (no external assets, no JS).

    With `graphs` (see graphs.render_graphs) the incident graph and the timeline at a glance
    are drawn inline; `page_css` adds print rules such as the paper size."""
    header = facts.header_rows(pm)
    header_html = "".join(
        f"<tr><th>{escape(k)}</th><td"
        + (f' class="sev-{escape(pm.severity)}"' if k == "Severity" else "")
        + f">{_text(v)}</td></tr>"
        for k, v in header
    )
    figures = facts.impact_figures(pm.impact)
    impact = _prose(pm.impact.description)
    if figures:
        impact += _table(["Figure", "Value"], [list(f) for f in figures])
    timeline = [
        [e.time.strftime("%H:%M:%S"), e.kind, e.text, e.actor or "—", e.source or "—"]
        for e in pm.timeline
    ]
    actions = [
        [a.id, a.action, a.owner or "—", facts.fmt_date(a.deadline), a.priority, a.status]
        + [_link(a.tracker_url)]
        for a in pm.actions
    ]
    gaps = facts.evidence_gaps(pm)
    gaps_html = (
        "<ul>"
        + "".join(
            f"<li><strong>{_text(k)}</strong> {_text(t)}: {_text(g)}</li>" for k, t, g in gaps
        )
        + "</ul>"
        if gaps
        else '<p class="none">No gaps noted in the evidence.</p>'
    )
    sources = [
        [s.kind, s.target, s.query or "—", facts.source_window(pm, i), facts.counts_text(s.counts)]
        for i, s in enumerate(pm.sources)
    ]
    r = pm.retrospective
    incident_graph, timeline_graph = [], []
    if graphs is not None:  # without graphs (an e-mail body), no graph sections at all
        incident_graph = [("Incident graph", _graph("incident-graph", graphs.incident, NO_METRICS))]
        glance = _graph("timeline-graph", graphs.timeline, NO_TIMELINE)
        timeline_graph = [("Timeline at a glance", glance)]
    sections = [
        ("Summary", _prose(pm.summary)),
        ("Impact", impact),
        *incident_graph,
        ("Root cause", _prose(pm.root_cause)),
        (
            "Incident durations",
            _table(["Milestone", "Time", "Since start"], [list(x) for x in facts.duration_rows(pm)])
            + f'<p class="meta">{escape(definitions_note())}</p>',
        ),
        *timeline_graph,
        (
            "Timeline",
            '<p class="meta">All times UTC.</p>'
            + _table(["Time (UTC)", "Kind", "Event", "Who", "Source"], timeline),
        ),
        ("Contributing factors", _factors(pm)),
        ("Five Whys", _five_whys(pm)),
        (
            "Action items",
            _table(
                ["ID", "Action", "Owner", "Deadline", "Priority", "Status", "Ticket"],
                actions,
                raw_last=True,
            ),
        ),
        ("What went well", _list(r.went_well, prose=True)),
        ("What went wrong", _list(r.went_wrong, prose=True)),
        ("Where we got lucky", _list(r.lucky, prose=True)),
        ("Lessons learned", _list(r.lessons, prose=True)),
        ("Evidence gaps", gaps_html),
        ("Sources", _table(["Kind", "Source", "Query", "Window", "Counts"], sources)),
    ]
    body = "\n".join(f"<section><h2>{escape(t)}</h2>\n{html}</section>" for t, html in sections)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="color-scheme" content="light dark">\n'
        f"<title>{escape(pm.title)}</title>\n<style>{CSS}{page_css}</style></head>\n<body>\n"
        f"<header><h1>{escape(pm.title)}</h1>"
        f'<p class="meta">{escape(facts.fmt_date(pm.date))} · post-mortem '
        f"<code>{escape(pm.id)}</code></p>\n"
        f"<table>{header_html}</table></header>\n{body}\n</body></html>\n"
    )
