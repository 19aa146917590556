"""The progress log's page text: a sentence per measure, the facts, the trend table, a chart
and a table of readings per measure, and the causes the log points to as a ranked list.

>>> from musclecalc._progress_result import compute_progress
>>> rows = [{"date": f"2026-09-{day:02d}", "hips": "98", "lift_load": load, "lift_reps": "8"}
...         for day, load in zip((1, 8, 15, 22, 29), ("60", "62.5", "65", "67.5", "70"))]
>>> display = present_progress(compute_progress(rows, today="2026-10-01"), Values())
>>> display.summary
'Your hips are steady: the 0 cm change over 4 weeks is within the noise of your readings (±0.5 cm).'
>>> [item.link.path for item in display.ranked.items], len(display.figures)
(['causes/measurement-illusions/'], 2)
"""

from __future__ import annotations

from typing import Final

from ._checkup import CAUSE_TITLES
from ._display import Chart, Display, Fact, Figure, Link, Ranked, RankedItem, Table
from ._numbers import format_decimal
from ._progress_result import MeasureTrend, ProgressResult
from ._reading import Values
from ._trend import MIN_DAYS, MIN_READINGS
from ._trend_chart import Reading, short_date, trend_chart

__all__ = ["present_progress"]

_READING_NOUNS: Final = {
    "hips": "hip",
    "waist": "waist",
    "thigh": "thigh",
    "weight": "weight",
    "lift": "lift",
}

# ------------------------------------------------------------------------------- page text

_VERDICT_WORDS: Final = {
    "shrinking": "Going down",
    "steady": "Steady",
    "growing": "Going up",
    "too_few": "Too few readings",
}


def _amount(value: float, unit: str, places: int = 1) -> str:
    text = format_decimal(abs(value), places)
    sign = "" if text == "0" else ("−" if value < 0 else "+")
    return f"{sign}{text} {unit}"


def _weeks(days: int) -> str:
    weeks = days / 7
    return f"{format_decimal(weeks, 1)} {'week' if weeks == 1 else 'weeks'}"


def _sentence(t: MeasureTrend) -> str:
    trend = t.trend
    if trend.verdict == "too_few":
        return (
            f"Too few {_READING_NOUNS[t.measure]} readings for a trend yet: {trend.readings} over "
            f"{trend.days} days. Keep measuring: {MIN_READINGS} readings over {MIN_DAYS // 7} "
            "weeks or more give one."
        )
    assert trend.change_total is not None and trend.noise is not None
    change = format_decimal(abs(trend.change_total), 1)
    noise = format_decimal(trend.noise, 1)
    subject = "Your hips are" if t.measure == "hips" else f"Your {t.name.lower()} is"
    if trend.verdict == "steady":
        return (
            f"{subject} steady: the {change} {t.unit} change over {_weeks(trend.days)} is within "
            f"the noise of your readings (±{noise} {t.unit})."
        )
    way = "down" if trend.verdict == "shrinking" else "up"
    return (
        f"{subject} going {way}: {change} {t.unit} over {_weeks(trend.days)}, more than the "
        f"noise of your readings (±{noise} {t.unit})."
    )


def _figure(t: MeasureTrend) -> Figure:
    first = t.readings[0][0]
    points = [Reading(day, value, t.trend.at((day - first).days)) for day, value in t.readings]
    description = _sentence(t)
    chart = trend_chart(
        f"mc-progress-{t.measure}",
        f"{t.name} ({t.unit})",
        description,
        points,
        noise=t.trend.noise,
        unit=t.unit,
    )
    rows = tuple(
        (
            short_date(p.day),
            format_decimal(p.value, 1),
            "–" if p.trend is None else format_decimal(p.trend, 1),
        )
        for p in points
    )
    table = Table(
        caption=f"{t.name} readings ({t.unit}) and the trend on each date",
        columns=("Date", "Reading", "Trend"),
        rows=rows,
    )
    return Figure(Chart(chart, description), table)


def _ranked(result: ProgressResult) -> Ranked | None:
    """The causes the log's patterns point to, each with the pattern's reason, or nothing."""
    if not result.patterns:
        return None
    items = []
    for pattern in result.patterns:
        for cause in pattern.causes:
            step = pattern.next_steps.get(cause)
            items.append(
                RankedItem(
                    CAUSE_TITLES[cause],
                    Link(CAUSE_TITLES[cause], f"causes/{cause}/"),
                    "Fits your log",
                    (pattern.reason,),
                    () if step is None else (step,),
                )
            )
    return Ranked("What your log points to", tuple(items))


def present_progress(result: ProgressResult, values: Values) -> Display:
    """The page text for a progress result."""
    del values  # everything needed is in the result
    lead = next((t for t in result.trends if t.measure == "hips"), result.trends[0])
    facts = []
    for t in result.trends:
        trend = t.trend
        if trend.verdict == "too_few":
            value = f"Too few readings ({trend.readings} over {trend.days} days)"
        else:
            assert trend.change_per_week is not None and trend.change_total is not None
            assert trend.noise is not None
            value = (
                f"{_VERDICT_WORDS[trend.verdict]}: {_amount(trend.change_per_week, t.unit, 2)} a "
                f"week, {_amount(trend.change_total, t.unit)} over {_weeks(trend.days)} "
                f"(noise ±{format_decimal(trend.noise, 1)} {t.unit})"
            )
        facts.append(Fact(t.name, value))
    table = Table(
        caption="Each measure's trend",
        columns=("Measure", "Readings", "Change a week", "Change in all", "Noise", "Verdict"),
        rows=tuple(
            (
                t.name,
                str(t.trend.readings),
                "–"
                if t.trend.change_per_week is None
                else _amount(t.trend.change_per_week, t.unit, 2),
                "–" if t.trend.change_total is None else _amount(t.trend.change_total, t.unit),
                "–" if t.trend.noise is None else f"±{format_decimal(t.trend.noise, 1)} {t.unit}",
                _VERDICT_WORDS[t.trend.verdict],
            )
            for t in result.trends
        ),
    )
    return Display(
        summary=_sentence(lead),
        facts=tuple(facts),
        method=result.method,
        sources=tuple(source.citation() for source in result.sources),
        table=table,
        warnings=result.warnings,
        notes=result.notes,
        ranked=_ranked(result),
        figures=tuple(_figure(t) for t in result.trends),
    )
