"""Horizontal bar charts as self-contained SVG.

The SVG carries no colours, styles, fonts, scripts or external references: the site's CSS
styles it through the classes ``mc-chart``, ``mc-bar`` (with ``mc-bar--below``,
``mc-bar--productive`` or ``mc-bar--high``), ``mc-band``, ``mc-axis``, ``mc-label`` and
``mc-value``. Ids derive from the chart id, so the same input gives the same bytes.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from ._numbers import format_decimal

__all__ = ["Bar", "bar_chart", "escape_text"]

WIDTH: Final = 640
LABEL_WIDTH: Final = 150
VALUE_ROOM: Final = 90
TOP: Final = 8
ROW_HEIGHT: Final = 34
BAR_HEIGHT: Final = 20
AXIS_ROOM: Final = 46
BAR_KINDS: Final = ("below", "productive", "high")

# Characters XML 1.0 does not allow, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class Bar:
    """One bar: its label, length, the text shown at its end, and an optional status
    (``below``, ``productive`` or ``high``) and range drawn behind this row only."""

    label: str
    value: float
    value_text: str
    kind: str | None = None
    band: tuple[float, float] | None = None

    def __post_init__(self) -> None:
        if self.kind is not None and self.kind not in BAR_KINDS:
            raise ValueError(f"unknown bar kind {self.kind!r}")
        if not math.isfinite(self.value) or self.value < 0:
            raise ValueError("a bar needs a finite value of 0 or more")


def escape_text(text: str) -> str:
    """Text made safe for SVG content and attribute values.

    >>> escape_text('Glutes <b> & "quads"')
    'Glutes &lt;b&gt; &amp; &quot;quads&quot;'
    """
    cleaned = _NOT_XML.sub("", text)
    return (
        cleaned.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#39;")
    )


def nice_step(span: float, ticks: int = 5) -> float:
    """A round tick step (1, 2, 2.5 or 5 times a power of ten) giving about ``ticks`` ticks.

    >>> nice_step(24), nice_step(2643), nice_step(0.3)
    (5.0, 1000.0, 0.1)
    """
    raw = max(span, 1e-9) / ticks
    power = 10.0 ** math.floor(math.log10(raw))
    for multiple in (1, 2, 2.5, 5, 10):
        if multiple * power >= raw:
            return float(multiple * power)
    return 10 * power  # pragma: no cover - the loop always returns


def _n(value: float) -> str:
    return format_decimal(value, 2)


def _tick_text(value: float) -> str:
    """Axis numbers as the values are written: 2,000 rather than 2000.

    >>> _tick_text(2000.0), _tick_text(2.5)
    ('2,000', '2.5')
    """
    return f"{int(value):,}" if float(value).is_integer() else format_decimal(value, 2)


def bar_chart(
    chart_id: str,
    title: str,
    description: str,
    bars: Sequence[Bar],
    *,
    axis_label: str,
    band: tuple[float, float] | None = None,
) -> str:
    """An SVG bar chart, one row per bar, with an optional range drawn behind every row.

    >>> svg = bar_chart("mc-demo", "Demo", "One bar of 3.", [Bar("A", 3, "3")], axis_label="n")
    >>> svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" class="mc-chart"')
    True
    >>> 'aria-labelledby="mc-demo-title"' in svg and '<title id="mc-demo-title">Demo</title>' in svg
    True
    """
    if not re.fullmatch(r"[a-z][a-z0-9-]*", chart_id):
        raise ValueError("chart ids are lower-case letters, digits and hyphens")
    largest = max([bar.value for bar in bars] + [b[1] for bar in bars if (b := bar.band)] + [1.0])
    if band is not None:
        largest = max(largest, band[1])
    step = nice_step(largest)
    axis_max = math.ceil(largest / step - 1e-9) * step
    plot_width = WIDTH - LABEL_WIDTH - VALUE_ROOM
    rows_height = ROW_HEIGHT * len(bars)
    height = TOP + rows_height + AXIS_ROOM
    axis_y = TOP + rows_height

    def x_of(value: float) -> float:
        return LABEL_WIDTH + plot_width * min(value, axis_max) / axis_max

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="mc-chart" viewBox="0 0 {WIDTH} '
        f'{height}" role="img" aria-labelledby="{chart_id}-title" '
        f'aria-describedby="{chart_id}-desc">',
        f'<title id="{chart_id}-title">{escape_text(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape_text(description)}</desc>',
    ]
    if band is not None:
        parts.append(
            f'<rect class="mc-band" x="{_n(x_of(band[0]))}" y="{TOP}" '
            f'width="{_n(x_of(band[1]) - x_of(band[0]))}" height="{rows_height}"/>'
        )
    tick = 0.0
    while tick <= axis_max + step / 1000:
        x = _n(x_of(tick))
        parts.append(f'<line class="mc-axis" x1="{x}" y1="{TOP}" x2="{x}" y2="{axis_y + 5}"/>')
        parts.append(
            f'<text class="mc-label" x="{x}" y="{axis_y + 20}" text-anchor="middle">'
            f"{_tick_text(tick)}</text>"
        )
        tick += step
    parts.append(
        f'<line class="mc-axis" x1="{LABEL_WIDTH}" y1="{axis_y}" x2="{_n(x_of(axis_max))}" '
        f'y2="{axis_y}"/>'
    )
    parts.append(
        f'<text class="mc-label" x="{_n(LABEL_WIDTH + plot_width / 2)}" y="{axis_y + 40}" '
        f'text-anchor="middle">{escape_text(axis_label)}</text>'
    )
    for index, bar in enumerate(bars):
        row_top = TOP + index * ROW_HEIGHT
        bar_top = row_top + (ROW_HEIGHT - BAR_HEIGHT) / 2
        text_y = _n(row_top + ROW_HEIGHT / 2 + 5)
        if bar.band is not None:
            parts.append(
                f'<rect class="mc-band" x="{_n(x_of(bar.band[0]))}" y="{_n(row_top + 2)}" '
                f'width="{_n(x_of(bar.band[1]) - x_of(bar.band[0]))}" '
                f'height="{ROW_HEIGHT - 4}"/>'
            )
        css = "mc-bar" if bar.kind is None else f"mc-bar mc-bar--{bar.kind}"
        parts.append(
            f'<text class="mc-label" x="{LABEL_WIDTH - 8}" y="{text_y}" text-anchor="end">'
            f"{escape_text(bar.label)}</text>"
        )
        parts.append(
            f'<rect class="{css}" x="{LABEL_WIDTH}" y="{_n(bar_top)}" '
            f'width="{_n(x_of(bar.value) - LABEL_WIDTH)}" height="{BAR_HEIGHT}"/>'
        )
        parts.append(
            f'<text class="mc-value" x="{_n(x_of(bar.value) + 6)}" y="{text_y}">'
            f"{escape_text(bar.value_text)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)
