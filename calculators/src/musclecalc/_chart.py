"""Horizontal bar charts as self-contained SVG.

The SVG carries no colours, styles, fonts, scripts or external references: the site's CSS
styles it through the classes ``mc-chart``, ``mc-bar`` (with ``mc-bar--below``,
``mc-bar--productive`` or ``mc-bar--high``), ``mc-band``, ``mc-key`` (a legend swatch),
``mc-axis`` (``mc-grid`` on tick lines), ``mc-label`` (``mc-label--bar`` on a bar's name) and
``mc-value``. Ids derive from the chart id, so the same input gives the same bytes.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from ._numbers import format_decimal

__all__ = ["Bar", "LegendItem", "bar_chart", "escape_text"]

# Drawn for a phone first: a 360-unit-wide view box shown about 320-360 CSS px wide on a phone,
# so the site's 15-unit text is drawn at 13 px or more there (the page caps the width on wide
# screens). Each row is a line of text (label left, value right) over its bar, so long labels
# never squeeze the bars.
WIDTH: Final = 360
LEFT: Final = 4
RIGHT: Final = 24  # room for the last tick's number, centred on the axis end
TOP: Final = 4
ROW_HEIGHT: Final = 50
TEXT_BASELINE: Final = 16
BAR_TOP: Final = 23
BAR_HEIGHT: Final = 18
AXIS_ROOM: Final = 50
LEGEND_ROW: Final = 24
SWATCH: Final = 14
CHAR_WIDTH: Final = 8.6  # a generous average width of a character at the site's chart size
BAR_KINDS: Final = ("below", "productive", "high")
LEGEND_KINDS: Final = (*BAR_KINDS, "band")

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


@dataclass(frozen=True)
class LegendItem:
    """One key entry: a bar status (``below``, ``productive``, ``high``) or the shaded range
    (``band``), and its words. A bar with that status also carries the words after its value."""

    kind: str
    text: str

    def __post_init__(self) -> None:
        if self.kind not in LEGEND_KINDS:
            raise ValueError(f"unknown legend kind {self.kind!r}")


def _legend(items: Sequence[LegendItem]) -> tuple[list[str], float]:
    """The legend's SVG parts, laid out in lines that fit the width, and its height."""
    parts: list[str] = []
    x, y = float(LEFT), float(TOP)
    for item in items:
        width = SWATCH + 6 + CHAR_WIDTH * len(item.text) + 16
        if x > LEFT and x + width > WIDTH:
            x, y = float(LEFT), y + LEGEND_ROW
        css = "mc-band mc-key" if item.kind == "band" else f"mc-bar mc-bar--{item.kind} mc-key"
        parts.append(
            f'<rect class="{css}" x="{_n(x)}" y="{_n(y + 3)}" width="{SWATCH}" height="{SWATCH}"/>'
        )
        parts.append(
            f'<text class="mc-label" x="{_n(x + SWATCH + 6)}" y="{_n(y + 15)}">'
            f"{escape_text(item.text)}</text>"
        )
        x += width
    return parts, (y - TOP + LEGEND_ROW + 8 if items else 0)


def svg_start(chart_id: str, height: str, title: str, description: str) -> str:
    """The opening of a chart's SVG: the view box, and the title and description a screen
    reader announces, tied to the ``img`` by id. ``chart_id`` is lower-case letters, digits and
    hyphens; the caller closes the ``<svg>``.

    >>> svg_start("mc-x", "100", "T", "D").split("><")[1:]
    ['title id="mc-x-title">T</title', 'desc id="mc-x-desc">D</desc>']
    """
    if not re.fullmatch(r"[a-z][a-z0-9-]*", chart_id):
        raise ValueError("chart ids are lower-case letters, digits and hyphens")
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="mc-chart" viewBox="0 0 {WIDTH} '
        f'{height}" role="img" aria-labelledby="{chart_id}-title" '
        f'aria-describedby="{chart_id}-desc">'
        f'<title id="{chart_id}-title">{escape_text(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape_text(description)}</desc>'
    )


def bar_chart(
    chart_id: str,
    title: str,
    description: str,
    bars: Sequence[Bar],
    *,
    axis_label: str,
    band: tuple[float, float] | None = None,
    legend: Sequence[LegendItem] = (),
) -> str:
    """An SVG bar chart, one row per bar (its label and value above it), with an optional range
    drawn behind every bar and an optional legend above.

    >>> svg = bar_chart("mc-demo", "Demo", "One bar of 3.", [Bar("A", 3, "3")], axis_label="n")
    >>> svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" class="mc-chart"')
    True
    >>> 'aria-labelledby="mc-demo-title"' in svg and '<title id="mc-demo-title">Demo</title>' in svg
    True
    >>> low = Bar("Quads", 4, "4 sets", kind="below")
    >>> keyed = bar_chart("mc-k", "K", "D", [low], axis_label="n", legend=[LegendItem("below", "below")])
    >>> ">4 sets · below</text>" in keyed and keyed.count('class="mc-bar mc-bar--below') == 2
    True
    """
    largest = max([bar.value for bar in bars] + [b[1] for bar in bars if (b := bar.band)] + [1.0])
    if band is not None:
        largest = max(largest, band[1])
    step = nice_step(largest)
    legend_parts, legend_height = _legend(legend)
    scale = _Scale(math.ceil(largest / step - 1e-9) * step, step, TOP + legend_height, len(bars))
    height = scale.axis_y + AXIS_ROOM
    words = {item.kind: item.text for item in legend}
    parts = [
        svg_start(chart_id, _n(height), title, description),
        *legend_parts,
        *_axis(scale, axis_label),
    ]
    for index, bar in enumerate(bars):
        parts += _bar_row(scale, index, bar, band, words)
    parts.append("</svg>")
    return "".join(parts)


@dataclass(frozen=True)
class _Scale:
    """Where things go: the axis's top value and step, the first row's top and the rows."""

    axis_max: float
    step: float
    rows_top: float
    rows: int

    @property
    def axis_y(self) -> float:
        return self.rows_top + ROW_HEIGHT * self.rows

    def x_of(self, value: float) -> float:
        return LEFT + (WIDTH - LEFT - RIGHT) * min(value, self.axis_max) / self.axis_max


def _axis(scale: _Scale, axis_label: str) -> list[str]:
    """The grid lines across each bar's strip, the ticks with their numbers, the axis line and
    its label."""
    parts = []
    axis_y = scale.axis_y
    for tick in (index * scale.step for index in range(round(scale.axis_max / scale.step) + 1)):
        x = _n(scale.x_of(tick))
        # Grid lines cross the bars' strips only, never the text above each bar.
        for index in range(scale.rows):
            strip = scale.rows_top + index * ROW_HEIGHT + BAR_TOP
            parts.append(
                f'<line class="mc-axis mc-grid" x1="{x}" y1="{_n(strip - 3)}" x2="{x}" '
                f'y2="{_n(strip + BAR_HEIGHT + 3)}"/>'
            )
        parts.append(
            f'<line class="mc-axis" x1="{x}" y1="{_n(axis_y)}" x2="{x}" y2="{_n(axis_y + 5)}"/>'
        )
        parts.append(
            f'<text class="mc-label" x="{x}" y="{_n(axis_y + 22)}" text-anchor="middle">'
            f"{_tick_text(tick)}</text>"
        )
    parts.append(
        f'<line class="mc-axis" x1="{LEFT}" y1="{_n(axis_y)}" x2="{_n(scale.x_of(scale.axis_max))}" '
        f'y2="{_n(axis_y)}"/>'
    )
    parts.append(
        f'<text class="mc-label" x="{_n(LEFT + (WIDTH - LEFT - RIGHT) / 2)}" '
        f'y="{_n(axis_y + 44)}" text-anchor="middle">{escape_text(axis_label)}</text>'
    )
    return parts


def _bar_row(
    scale: _Scale,
    index: int,
    bar: Bar,
    band: tuple[float, float] | None,
    words: dict[str, str],
) -> list[str]:
    """One bar's row: the shaded ranges behind it, its label and value above, then the bar."""
    parts = []
    row_top = scale.rows_top + index * ROW_HEIGHT
    bar_top = row_top + BAR_TOP
    text_y = _n(row_top + TEXT_BASELINE)
    for shaded in (band, bar.band):
        if shaded is not None:
            parts.append(
                f'<rect class="mc-band" x="{_n(scale.x_of(shaded[0]))}" y="{_n(bar_top - 3)}" '
                f'width="{_n(scale.x_of(shaded[1]) - scale.x_of(shaded[0]))}" '
                f'height="{BAR_HEIGHT + 6}"/>'
            )
    css = "mc-bar" if bar.kind is None else f"mc-bar mc-bar--{bar.kind}"
    value = bar.value_text
    if bar.kind is not None and bar.kind in words:
        value += f" · {words[bar.kind]}"
    parts.append(
        f'<text class="mc-label mc-label--bar" x="{LEFT}" y="{text_y}">'
        f"{escape_text(bar.label)}</text>"
    )
    parts.append(
        f'<text class="mc-value" x="{WIDTH - LEFT}" y="{text_y}" text-anchor="end">'
        f"{escape_text(value)}</text>"
    )
    parts.append(
        f'<rect class="{css}" x="{LEFT}" y="{_n(bar_top)}" '
        f'width="{_n(max(scale.x_of(bar.value) - LEFT, 0))}" height="{BAR_HEIGHT}"/>'
    )
    return parts
