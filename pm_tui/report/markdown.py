"""The report as GitHub-flavoured Markdown, from a template with `${placeholder}`s.

Table cells are escaped to plain text (a `|` in an event cannot break a table). Prose
fields (summary, root cause, impact, retrospective items) are Markdown as the authors
wrote them, except that raw HTML is shown as text.
"""

from __future__ import annotations

import re
from string import Template

from pm_tui.durations import definitions_note
from pm_tui.errors import PmTuiError
from pm_tui.model import PostMortem
from pm_tui.report import facts
from pm_tui.safetext import neutralise

NONE = "_None recorded._"
# The graph placeholders when the report is not written to a file (the SVGs go beside it).
GRAPHS_NOT_WRITTEN = (
    "_The graphs are written beside the report when it is saved to a file "
    "(`pm-tui report ID -o reports/ID.md`, or Export in the wizard)._"
)
GRAPH_PLACEHOLDERS = ("incident_graph", "timeline_graph")

# Characters that start Markdown inline syntax; escaped with a backslash in table cells.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#!])")
_WS = re.compile(r"[ \t]+")


def escape_cell(text: object) -> str:
    """Plain text made safe for one GFM table cell: `|`, Markdown, HTML and newlines escaped;
    control characters (a lone carriage return ends a table row in GFM) shown, not obeyed."""
    value = neutralise("" if text is None else str(text))
    lines = [_WS.sub(" ", line).strip() for line in value.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    escaped = [_MD_SPECIAL.sub(r"\\\1", line.replace("&", "&amp;")) for line in lines]
    return "<br>".join(escaped) or " "


def escape_inline(text: object) -> str:
    """Plain text made safe in running Markdown (a heading, a list item)."""
    return escape_cell(text).replace("<br>", " ")


def prose(text: str) -> str:
    """An author's Markdown paragraph(s), with raw HTML, control characters, links other
    than http(s)/mailto and remote images neutralised; NONE when empty."""
    value = neutralise((text or "").strip())
    if not value:
        return NONE
    value = _safe_links(value)
    return value.replace("&", "&amp;").replace("<", "&lt;")


# [text](dest) and ![alt](dest); dest may be <...> or balanced parentheses one level deep
_INLINE_LINK = re.compile(
    r"(!?)\[((?:[^\[\]\\]|\\.)*)\]\(\s*(<[^>\n]*>|(?:[^\s()]|\([^\s()]*\))*)([^)\n]*)\)"
)
# [label]: dest (a link reference definition at the start of a line)
_REF_DEF = re.compile(r"(?m)^( {0,3})\[([^\]\n]+)\]:[ \t]*(<[^>\n]*>|\S+)")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_SAFE_SCHEMES = ("http", "https", "mailto")


def _scheme(dest: str) -> str | None:
    """The scheme of a link destination as a Markdown renderer would see it (backslash
    escapes and angle brackets undone), lower-cased; None for a relative link."""
    raw = dest.strip()
    if raw.startswith("<") and raw.endswith(">"):
        raw = raw[1:-1]
    raw = re.sub(r"\\(.)", r"\1", raw).strip()
    if raw.startswith("//"):
        return "http"  # protocol-relative: another host
    m = _SCHEME.match(raw)
    return m.group(1).lower() if m else None


def _safe_links(text: str) -> str:
    """Links keep http(s)/mailto (or relative) destinations, anything else shows as text;
    a remote image becomes a link (reading the report must not fetch anything)."""

    def inline(m: re.Match) -> str:
        bang, dest = m.group(1), m.group(3)
        scheme = _scheme(dest)
        if scheme is not None and scheme not in _SAFE_SCHEMES:
            return (
                "\\" + m.group(0)[len(bang) :].replace("](", "\\](", 1)
                if not bang
                else ("!\\" + m.group(0)[1:].replace("](", "\\](", 1))
            )
        if bang and scheme is not None:
            return m.group(0)[1:]  # the remote image as a plain link
        return m.group(0)

    def ref_def(m: re.Match) -> str:
        scheme = _scheme(m.group(3))
        if scheme is not None and scheme not in _SAFE_SCHEMES:
            return f"{m.group(1)}\\[{m.group(2)}\\]:" + m.group(0)[m.end(2) + 2 - m.start(0) :]
        return m.group(0)

    if "](" in text:
        text = _INLINE_LINK.sub(inline, text)
    if "]:" in text:
        text = _REF_DEF.sub(ref_def, text)
    # an image by reference (![alt][ref], ![ref]) could still load a remote picture
    return re.sub(r"(?<!\\)!\[(?=[^\]\n]*\](?:\[|[^(]|$))", "!\\[", text)


def table(header: list[str], rows: list[list[object]]) -> str:
    """A GFM table with every cell escaped; NONE when there are no rows."""
    if not rows:
        return NONE
    out = ["| " + " | ".join(escape_cell(h) for h in header) + " |"]
    out.append("|" + "|".join(" --- " for _ in header) + "|")
    out.extend("| " + " | ".join(escape_cell(c) for c in row) + " |" for row in rows)
    return "\n".join(out)


def bullets(items: list[str]) -> str:
    """A bulleted list of the authors' Markdown lines; NONE when empty."""
    items = [i for i in items if i and i.strip()]
    if not items:
        return NONE
    return "\n".join(f"- {prose(i).replace(chr(10), ' ')}" for i in items)


def _link(url: str) -> str:
    if not url:
        return "—"
    if not facts.is_web_url(url):
        return escape_cell(url)
    safe = "".join(c if c not in " |()<>\\`" else f"%{ord(c):02X}" for c in url)
    return f"[{escape_cell(facts.ticket_label(url))}]({safe})"


def _actions_table(pm: PostMortem) -> str:
    if not pm.actions:
        return NONE
    header = ["ID", "Action", "Owner", "Deadline", "Priority", "Status", "Ticket"]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    for a in pm.actions:
        cells = [a.id, a.action, a.owner or "—", facts.fmt_date(a.deadline), a.priority, a.status]
        row = [escape_cell(c) for c in cells] + [_link(a.tracker_url)]
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)


def _factors(pm: PostMortem) -> str:
    a = pm.analysis
    parts = ["**Immediate causes**", "", bullets(a.immediate_causes), ""]
    parts += ["**Contributing factors**", ""]
    rows = []
    for f in a.factors:
        events = []
        for eid in f.events:
            ev = pm.event(eid)
            events.append(f"{eid} ({ev.time:%H:%M} {ev.text})" if ev else f"{eid} (missing)")
        rows.append([f.id, f.category, f.description, "\n".join(events) or "—"])
    parts.append(table(["ID", "Category", "Factor", "Timeline events"], rows))
    parts += ["", "**Systemic issues**", "", bullets(a.systemic_issues)]
    return "\n".join(parts)


def _five_whys(pm: PostMortem) -> str:
    chains = pm.analysis.five_whys
    if not chains:
        return NONE
    out = []
    for chain in chains:
        out.append(f"**Problem:** {escape_inline(chain.problem)}")
        out.append("")
        out.extend(f"{n}. Why? {escape_inline(w)}" for n, w in enumerate(chain.whys, 1))
        out.append("")
    return "\n".join(out).rstrip()


def _impact(pm: PostMortem) -> str:
    figures = facts.impact_figures(pm.impact)
    text = prose(pm.impact.description)
    if figures:
        text += "\n\n" + table(["Figure", "Value"], [list(f) for f in figures])
    return text


def _gaps(pm: PostMortem) -> str:
    gaps = facts.evidence_gaps(pm)
    if not gaps:
        return "_No gaps noted in the evidence._"
    return "\n".join(
        f"- **{escape_inline(kind)}** {escape_inline(target)}: {escape_inline(gap)}"
        for kind, target, gap in gaps
    )


def _sources(pm: PostMortem) -> str:
    rows = [
        [s.kind, s.target, s.query or "—", facts.source_window(pm, i), facts.counts_text(s.counts)]
        for i, s in enumerate(pm.sources)
    ]
    return table(["Kind", "Source", "Query", "Window", "Counts"], rows)


def _header_table(pm: PostMortem) -> str:
    # An empty header row: the table reads as a fact sheet.
    return table(["", ""], facts.header_rows(pm))


def graph_image(alt: str, relative_path: str) -> str:
    """A Markdown image of an SVG written beside the report (a relative, URL-safe path)."""
    from urllib.parse import quote

    return f"![{escape_inline(alt)}]({quote(relative_path)})"


def markdown_sections(pm: PostMortem, graphs: dict[str, str] | None = None) -> dict[str, str]:
    """Every placeholder a report template may use, rendered as Markdown; `graphs` gives the
    Markdown of `incident_graph` and `timeline_graph` (see report.files)."""
    timeline = [
        [e.time.strftime("%H:%M:%S"), e.kind, e.text, e.actor or "—", e.source or "—"]
        for e in pm.timeline
    ]
    return {
        "title": escape_inline(pm.title),
        "id": escape_inline(pm.id),
        "date": facts.fmt_date(pm.date),
        "duration": facts.total_duration(pm),
        "severity": escape_inline(pm.severity),
        "severity_meaning": escape_inline(facts.severity_text(pm)),
        "status": escape_inline(pm.status),
        "services": escape_inline(", ".join(pm.services) or "—"),
        "authors": escape_inline(", ".join(pm.authors) or "—"),
        "reviewers": escape_inline(facts.reviewed_text(pm)),
        "header_table": _header_table(pm),
        "summary": prose(pm.summary),
        "impact": _impact(pm),
        "root_cause": prose(pm.root_cause),
        "durations_table": table(
            ["Milestone", "Time", "Since start"], [list(r) for r in facts.duration_rows(pm)]
        )
        + "\n\n"
        + escape_inline(definitions_note()),
        "timeline_table": table(["Time (UTC)", "Kind", "Event", "Who", "Source"], timeline),
        "contributing_factors": _factors(pm),
        "five_whys": _five_whys(pm),
        "action_items_table": _actions_table(pm),
        "went_well": bullets(pm.retrospective.went_well),
        "went_wrong": bullets(pm.retrospective.went_wrong),
        "lucky": bullets(pm.retrospective.lucky),
        "lessons": bullets(pm.retrospective.lessons),
        "evidence_gaps": _gaps(pm),
        "sources": _sources(pm),
        **{name: GRAPHS_NOT_WRITTEN for name in GRAPH_PLACEHOLDERS},
        **(graphs or {}),
    }


PLACEHOLDERS = (
    "title id date duration severity severity_meaning status services authors reviewers "
    "header_table summary impact root_cause durations_table timeline_table contributing_factors "
    "five_whys action_items_table went_well went_wrong lucky lessons evidence_gaps sources "
    "incident_graph timeline_graph"
).split()

DEFAULT_TEMPLATE = """\
# ${title}

${date} · post-mortem `${id}`

${header_table}

## Summary

${summary}

## Impact

${impact}

## Incident graph

${incident_graph}

## Root cause

${root_cause}

## Incident durations

${durations_table}

## Timeline at a glance

${timeline_graph}

## Timeline

All times UTC.

${timeline_table}

## Contributing factors

${contributing_factors}

## Five Whys

${five_whys}

## Action items

${action_items_table}

## What went well

${went_well}

## What went wrong

${went_wrong}

## Where we got lucky

${lucky}

## Lessons learned

${lessons}

## Evidence gaps

${evidence_gaps}

## Sources

${sources}
"""


def render_markdown(
    pm: PostMortem, template: str | None = None, graphs: dict[str, str] | None = None
) -> str:
    """The report as Markdown, from `template` (`${placeholder}`s) or the default one;
    `graphs` fills the graph placeholders (else they say where the graphs are written)."""
    source = DEFAULT_TEMPLATE if template is None else template
    try:
        text = Template(source).substitute(markdown_sections(pm, graphs))
    except KeyError as exc:
        raise PmTuiError(
            f"the report template uses an unknown placeholder ${{{exc.args[0]}}}: "
            f"known ones are {', '.join(PLACEHOLDERS)} (see docs/report.md)"
        ) from None
    except ValueError as exc:
        raise PmTuiError(
            f"the report template is invalid ({exc}): write a literal $ as $$ (see docs/report.md)"
        ) from None
    return text.rstrip("\n") + "\n"
