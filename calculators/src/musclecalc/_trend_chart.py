"""A measure's readings over time as self-contained SVG: the readings as dots, the trend as a
line and the noise band around it as a shaded strip.

Like :mod:`._chart` (whose helpers and sizes it uses), the SVG carries no colours, styles,
fonts, scripts or external references; the site's CSS styles it through ``mc-chart``,
``mc-point`` (a reading), ``mc-trend`` (the trend line), ``mc-band`` (the noise band),
``mc-key`` (a legend swatch), ``mc-axis`` (``mc-grid`` on grid lines) and ``mc-label``. It is
drawn in the same 360-unit view box with 15-unit text, so its text is 12 px or more on a phone.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from ._chart import CHAR_WIDTH, LEFT, SWATCH, TOP, WIDTH, escape_text, nice_step, svg_start
from ._numbers import format_decimal

__all__ = ["Reading", "short_date", "trend_chart"]

PLOT_LEFT: Final = 52  # room for the value axis's numbers
PLOT_RIGHT: Final = WIDTH - 22
LEGEND_HEIGHT: Final = 38
PLOT_HEIGHT: Final = 170
PLOT_BOTTOM: Final = TOP + LEGEND_HEIGHT + PLOT_HEIGHT
AXIS_ROOM: Final = 52
DOT_RADIUS: Final = 4
MONTHS: Final = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class Reading:
    """One dated reading, and the trend's value that day (``None`` without a trend)."""

    day: datetime.date
    value: float
    trend: float | None = None


def short_date(day: datetime.date) -> str:
    """A date as the chart and tables write it, the same in every locale.

    >>> short_date(datetime.date(2026, 9, 1))
    '1 Sep 2026'
    """
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _n(value: float) -> str:
    return format_decimal(value, 2)


def _legend(has_trend: bool) -> list[str]:
    items = [("point", "reading")]
    if has_trend:
        items += [("trend", "trend"), ("band", "noise band")]
    parts: list[str] = []
    x = float(LEFT)
    y = float(TOP)
    for kind, text in items:
        middle = y + 3 + SWATCH / 2
        if kind == "point":
            parts.append(
                f'<circle class="mc-point mc-key" cx="{_n(x + SWATCH / 2)}" cy="{_n(middle)}" '
                f'r="{DOT_RADIUS}"/>'
            )
        elif kind == "trend":
            parts.append(
                f'<line class="mc-trend mc-key" x1="{_n(x)}" y1="{_n(middle)}" '
                f'x2="{_n(x + SWATCH)}" y2="{_n(middle)}"/>'
            )
        else:
            parts.append(
                f'<rect class="mc-band mc-key" x="{_n(x)}" y="{_n(y + 3)}" width="{SWATCH}" '
                f'height="{SWATCH}"/>'
            )
        parts.append(
            f'<text class="mc-label" x="{_n(x + SWATCH + 6)}" y="{_n(y + 15)}">'
            f"{escape_text(text)}</text>"
        )
        x += SWATCH + 6 + CHAR_WIDTH * len(text) + 14
    return parts


def trend_chart(
    chart_id: str,
    title: str,
    description: str,
    readings: Sequence[Reading],
    *,
    noise: float | None,
    unit: str,
) -> str:
    """An SVG chart of readings over time, with the trend and its noise band when there is one.

    >>> days = [datetime.date(2026, 9, d) for d in (1, 8, 15, 22)]
    >>> svg = trend_chart("mc-t", "Hips", "Four readings.",
    ...                   [Reading(d, 98.0 - i / 2, 98.0 - i / 2) for i, d in enumerate(days)],
    ...                   noise=0.5, unit="cm")
    >>> svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" class="mc-chart"')
    True
    >>> svg.count('class="mc-point"'), svg.count('class="mc-trend"'), ">1 Sep 2026</text>" in svg
    (4, 1, True)
    """
    if not readings:
        raise ValueError("a trend chart needs at least one reading")
    has_trend = noise is not None and all(r.trend is not None for r in readings)
    scale = _Scale.fit(readings, noise if has_trend else None)
    parts = [
        svg_start(chart_id, _n(PLOT_BOTTOM + AXIS_ROOM), title, description),
        *_legend(has_trend),
        *_axes(scale, unit),
    ]
    if has_trend and noise is not None:
        parts += _trend_band(scale, readings, noise)
    for reading in readings:
        parts.append(
            f'<circle class="mc-point" cx="{_n(scale.x_of(reading.day))}" '
            f'cy="{_n(scale.y_of(reading.value))}" r="{DOT_RADIUS}"/>'
        )
    parts.append("</svg>")
    return "".join(parts)


@dataclass(frozen=True)
class _Scale:
    """The value axis (its ends and step) and the dates the chart spans."""

    axis_low: float
    axis_high: float
    step: float
    first: datetime.date
    last: datetime.date

    @classmethod
    def fit(cls, readings: Sequence[Reading], noise: float | None) -> _Scale:
        """The axes that hold every reading and, with ``noise``, the trend's band."""
        low_values = [r.value for r in readings]
        high_values = list(low_values)
        if noise is not None:
            low_values += [r.trend - noise for r in readings if r.trend is not None]
            high_values += [r.trend + noise for r in readings if r.trend is not None]
        low, high = min(low_values), max(high_values)
        step = nice_step(max(high - low, 1e-6), 4)
        axis_low = math.floor(low / step + 1e-9) * step
        axis_high = math.ceil(high / step - 1e-9) * step
        if axis_high - axis_low < step:
            axis_high = axis_low + step
        first = min(r.day for r in readings)
        last = max(r.day for r in readings)
        return cls(axis_low, axis_high, step, first, last)

    def x_of(self, day: datetime.date) -> float:
        if self.first == self.last:
            return (PLOT_LEFT + PLOT_RIGHT) / 2
        span = max((self.last - self.first).days, 1)
        return PLOT_LEFT + (PLOT_RIGHT - PLOT_LEFT) * (day - self.first).days / span

    def y_of(self, value: float) -> float:
        share = (value - self.axis_low) / (self.axis_high - self.axis_low)
        return PLOT_BOTTOM - PLOT_HEIGHT * min(max(share, 0.0), 1.0)


def _axes(scale: _Scale, unit: str) -> list[str]:
    """The value grid with its numbers, the date axis with the first and last dates, and its
    label."""
    parts = []
    ticks = round((scale.axis_high - scale.axis_low) / scale.step)
    for index in range(ticks + 1):
        value = scale.axis_low + index * scale.step
        y = _n(scale.y_of(value))
        parts.append(
            f'<line class="mc-axis mc-grid" x1="{PLOT_LEFT}" y1="{y}" x2="{PLOT_RIGHT}" y2="{y}"/>'
        )
        parts.append(
            f'<text class="mc-label" x="{PLOT_LEFT - 6}" y="{_n(scale.y_of(value) + 5)}" '
            f'text-anchor="end">{format_decimal(value, 2)}</text>'
        )
    parts.append(
        f'<line class="mc-axis" x1="{PLOT_LEFT}" y1="{PLOT_BOTTOM}" x2="{PLOT_RIGHT}" '
        f'y2="{PLOT_BOTTOM}"/>'
    )
    first, last = scale.first, scale.last
    edges = [(first, "start"), (last, "end")] if first != last else [(first, "middle")]
    for day, anchor in edges:
        parts.append(
            f'<text class="mc-label" x="{_n(scale.x_of(day))}" y="{PLOT_BOTTOM + 22}" '
            f'text-anchor="{anchor}">{short_date(day)}</text>'
        )
    parts.append(
        f'<text class="mc-label" x="{_n((PLOT_LEFT + PLOT_RIGHT) / 2)}" y="{PLOT_BOTTOM + 44}" '
        f'text-anchor="middle">{escape_text(f"Date (values in {unit})")}</text>'
    )
    return parts


def _trend_band(scale: _Scale, readings: Sequence[Reading], noise: float) -> list[str]:
    """The trend line from the first reading's day to the last, in its band of noise."""
    ordered = sorted(readings, key=lambda r: r.day)
    start, end = ordered[0], ordered[-1]
    assert start.trend is not None and end.trend is not None
    x_of, y_of = scale.x_of, scale.y_of
    corners = [
        (x_of(start.day), y_of(start.trend + noise)),
        (x_of(end.day), y_of(end.trend + noise)),
        (x_of(end.day), y_of(end.trend - noise)),
        (x_of(start.day), y_of(start.trend - noise)),
    ]
    points = " ".join(f"{_n(x)},{_n(y)}" for x, y in corners)
    return [
        f'<polygon class="mc-band" points="{points}"/>',
        f'<line class="mc-trend" x1="{_n(x_of(start.day))}" y1="{_n(y_of(start.trend))}" '
        f'x2="{_n(x_of(end.day))}" y2="{_n(y_of(end.trend))}"/>',
    ]
