"""The report as one self-contained HTML file: everything escaped, inline CSS, no scripts."""

from __future__ import annotations

import re
from html import escape

from pm_tui.model import PostMortem
from pm_tui.report import facts
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
tr,li{break-inside:avoid}th{background:#eee}}
"""

NONE = '<p class="none">None recorded.</p>'


def _text(value: object) -> str:
    """Escaped text; `code` spans become <code> (after escaping, so nothing else gets through)."""
    text = neutralise("" if value is None else str(value))  # control characters shown
    return _CODE.sub(r"<code>\1</code>", escape(text))


def _paragraphs(text: str) -> str:
    blocks = [b.strip() for b in re.split(r"\n\s*\n", (text or "").strip()) if b.strip()]
    if not blocks:
        return NONE
    return "\n".join(f"<p>{_text(b).replace(chr(10), '<br>')}</p>" for b in blocks)


def _list(items: list[str], tag: str = "ul") -> str:
    items = [i for i in items if i and i.strip()]
    if not items:
        return NONE
    return f"<{tag}>" + "".join(f"<li>{_text(i)}</li>" for i in items) + f"</{tag}>"


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


def render_html(pm: PostMortem) -> str:
    """The whole report as a standalone, printable HTML document (no external assets, no JS)."""
    header = facts.header_rows(pm)
    header_html = "".join(
        f"<tr><th>{escape(k)}</th><td"
        + (f' class="sev-{escape(pm.severity)}"' if k == "Severity" else "")
        + f">{_text(v)}</td></tr>"
        for k, v in header
    )
    figures = facts.impact_figures(pm.impact)
    impact = _paragraphs(pm.impact.description)
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
    sections = [
        ("Summary", _paragraphs(pm.summary)),
        ("Impact", impact),
        ("Root cause", _paragraphs(pm.root_cause)),
        (
            "Incident durations",
            _table(
                ["Milestone", "Time", "Since start"], [list(x) for x in facts.duration_rows(pm)]
            ),
        ),
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
        ("What went well", _list(r.went_well)),
        ("What went wrong", _list(r.went_wrong)),
        ("Where we got lucky", _list(r.lucky)),
        ("Lessons learned", _list(r.lessons)),
        ("Evidence gaps", gaps_html),
        ("Sources", _table(["Kind", "Source", "Query", "Window", "Counts"], sources)),
    ]
    body = "\n".join(f"<section><h2>{escape(t)}</h2>\n{html}</section>" for t, html in sections)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(pm.title)}</title>\n<style>{CSS}</style></head>\n<body>\n"
        f"<header><h1>{escape(pm.title)}</h1>"
        f'<p class="meta">{escape(facts.fmt_date(pm.date))} · post-mortem '
        f"<code>{escape(pm.id)}</code></p>\n"
        f"<table>{header_html}</table></header>\n{body}\n</body></html>\n"
    )
