"""Small inline SVG charts for self-contained HTML pages: no script, no external file.

Each function returns one `<svg>` element with its own size, labels escaped, and a `<title>`
per mark so a browser shows the value on hover.
"""

from __future__ import annotations

from html import escape

BAR_COLOUR = "#3465a4"
LINE_COLOUR = "#c4501b"


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def bar_chart(
    labels: list[str],
    values: list[float | None],
    *,
    width: int = 640,
    height: int = 180,
    title: str = "",
    value_text=None,
) -> str:
    """Vertical bars, one per label (None draws no bar), with the labels under them."""
    value_text = value_text or _num
    top = max((v for v in values if v is not None), default=0) or 1
    n = max(len(values), 1)
    left, bottom, head = 8, 34, 18 if title else 6
    plot_h = height - bottom - head
    step = (width - 2 * left) / n
    bar_w = max(step * 0.7, 1)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart bar-chart" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(title, quote=True)}">'
    ]
    if title:
        parts.append(f'<text x="{left}" y="13" class="chart-title">{escape(title)}</text>')
    label_every = max(1, round(n / 12))
    for i, (label, v) in enumerate(zip(labels, values, strict=True)):
        x = left + i * step + (step - bar_w) / 2
        if v is not None:
            h = plot_h * v / top
            y = head + plot_h - h
            parts.append(
                f'<rect x="{_num(x)}" y="{_num(y)}" width="{_num(bar_w)}" height="{_num(h)}" '
                f'fill="{BAR_COLOUR}"><title>{escape(label)}: {escape(value_text(v))}</title></rect>'
            )
        if i % label_every == 0:
            parts.append(
                f'<text x="{_num(x + bar_w / 2)}" y="{height - bottom + 14}" '
                f'text-anchor="middle" class="chart-label">{escape(label)}</text>'
            )
    parts.append(
        f'<line x1="{left}" y1="{head + plot_h}" x2="{width - left}" y2="{head + plot_h}" '
        'stroke="#888" stroke-width="1"/>'
    )
    parts.append("</svg>")
    return "".join(parts)


def sparkline(
    values: list[float | None], *, width: int = 120, height: int = 24, label: str = ""
) -> str:
    """A line through the values (gaps where None), its last point marked."""
    points = [(i, v) for i, v in enumerate(values) if v is not None]
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart sparkline" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(label, quote=True)}">'
    ]
    if points:
        lo = min(v for _i, v in points)
        hi = max(v for _i, v in points)
        span = (hi - lo) or 1
        step = (width - 4) / max(len(values) - 1, 1)

        def xy(i: int, v: float) -> str:
            return f"{_num(2 + i * step)},{_num(height - 2 - (height - 4) * (v - lo) / span)}"

        parts.append(
            f'<polyline fill="none" stroke="{LINE_COLOUR}" stroke-width="1.5" '
            f'points="{" ".join(xy(i, v) for i, v in points)}"/>'
        )
        i, v = points[-1]
        x, y = xy(i, v).split(",")
        parts.append(f'<circle cx="{x}" cy="{y}" r="2" fill="{LINE_COLOUR}"/>')
    parts.append("</svg>")
    return "".join(parts)
