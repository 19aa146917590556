"""The progress log's result: each measure's trend, what the measures say together, and the
causes those patterns point to, by the self-check's own slugs (:data:`._checkup.CAUSE_TITLES`).

>>> rows = [{"date": f"2026-09-{day:02d}", "hips": hips}
...         for day, hips in zip((1, 8, 15, 22, 29), ("99", "98.4", "97.6", "97.1", "96.2"))]
>>> result = compute_progress(rows, today="2026-10-01")
>>> hips = result.trend("hips")
>>> hips.trend.verdict, round(hips.trend.change_total, 1)
('shrinking', -2.8)
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from ._display import Link
from ._numbers import format_decimal
from ._progress_form import MEASURES, PROGRESS_FORM, Measure, epley_one_rep_max, read_progress
from ._reading import Values
from ._results import Result
from ._sources import SEN_1968
from ._trend import MIN_DAYS, MIN_READINGS, Trend, fit_trend
from ._units import UNITS
from ._warning_signs import LEVELS, SIGNS

__all__ = [
    "MeasureTrend",
    "Pattern",
    "ProgressResult",
    "compute_progress",
    "compute_progress_values",
]

# ------------------------------------------------------------------------------- the result


@dataclass(frozen=True)
class MeasureTrend:
    """One measure's readings (in the reader's unit, oldest first) and its trend."""

    measure: str
    name: str
    unit: str
    readings: tuple[tuple[datetime.date, float], ...]
    trend: Trend

    def to_json(self) -> dict[str, Any]:
        """The measure's entry in the result's ``trends``."""
        first = self.readings[0][0]
        return {
            "name": self.name,
            "unit": self.unit,
            "readings": len(self.readings),
            "days": self.trend.days,
            "change_per_week": self.trend.change_per_week,
            "change_total": self.trend.change_total,
            "noise": self.trend.noise,
            "verdict": self.trend.verdict,
            "points": [
                {
                    "date": day.isoformat(),
                    "value": value,
                    "trend": self.trend.at((day - first).days),
                }
                for day, value in self.readings
            ],
        }


@dataclass(frozen=True)
class Pattern:
    """What several measures say together, and the causes it points to (their slugs)."""

    causes: tuple[str, ...]
    reason: str
    next_steps: Mapping[str, Link]


@dataclass(frozen=True)
class ProgressResult(Result):
    """Every logged measure's trend, what they say together, and the causes to read next."""

    length_unit: str
    weight_unit: str
    trends: tuple[MeasureTrend, ...]
    patterns: tuple[Pattern, ...]

    @property
    def next(self) -> tuple[str, ...]:
        """The cause slugs the log points to, in order, each once."""
        return tuple(dict.fromkeys(cause for p in self.patterns for cause in p.causes))

    def trend(self, measure: str) -> MeasureTrend:
        """One measure's trend by id, e.g. ``"hips"``."""
        return next(t for t in self.trends if t.measure == measure)

    def verdict(self, measure: str) -> str | None:
        """A measure's verdict, or ``None`` when it was never logged."""
        return next((t.trend.verdict for t in self.trends if t.measure == measure), None)

    def figures_json(self) -> dict[str, Any]:
        """The bridge's ``result`` object, without the tail every result shares."""
        return {
            "length_unit": self.length_unit,
            "weight_unit": self.weight_unit,
            "trends": {t.measure: t.to_json() for t in self.trends},
            "next": list(self.next),
        }


def _series(rows: Sequence[Values], measure: Measure) -> list[tuple[datetime.date, float]]:
    points = []
    for row in rows:
        if measure.id == "lift":
            load, reps = row.optional("lift_load"), row.optional("lift_reps")
            value = None if load is None or reps is None else epley_one_rep_max(load, reps)
        else:
            value = row.optional(measure.id)
        if value is not None:
            points.append((row.date("date"), value))
    return sorted(points)


_ENERGY_LINK: Final = Link("Work out your calories", "calculators/energy/")
_PROTEIN_LINK: Final = Link("Work out your protein", "calculators/protein/")
_VOLUME_LINK: Final = Link("Count your weekly hard sets", "calculators/volume/")


def _patterns(result_verdicts: Mapping[str, str]) -> list[Pattern]:
    hips = result_verdicts.get("hips")
    waist = result_verdicts.get("waist")
    weight = result_verdicts.get("weight")
    lift = result_verdicts.get("lift")
    patterns = []
    if hips == "shrinking" and waist == "shrinking" and weight == "shrinking":
        patterns.append(
            Pattern(
                ("too-little-energy",),
                "Your hips, waist and weight are all going down together: the pattern of fat "
                "loss, which takes some size from the hips and glutes too.",
                {"too-little-energy": _ENERGY_LINK},
            )
        )
    elif (
        hips == "shrinking"
        and weight == "steady"
        and lift in ("steady", "shrinking", "too_few", None)
    ):
        stalled = (
            "and your lift is not going up"
            if lift in ("steady", "shrinking")
            else "(log a lift too, to see whether your strength is stalling)"
        )
        patterns.append(
            Pattern(
                ("no-progressive-overload", "too-little-protein"),
                f"Your hips are getting smaller while your weight holds steady {stalled}: "
                "that points to training without progress, or too little protein.",
                {"no-progressive-overload": _VOLUME_LINK, "too-little-protein": _PROTEIN_LINK},
            )
        )
    if hips == "steady" and lift == "growing":
        patterns.append(
            Pattern(
                ("measurement-illusions",),
                "Your hips hold steady while your lift goes up: the muscle is most likely "
                "kept, and a change you see in the mirror may not be real.",
                {},
            )
        )
    return patterns


def _method(length_unit: str, weight_unit: str) -> str:
    tape = format_decimal(0.5 / UNITS[length_unit].per_base, 2)
    scale = format_decimal(0.5 / UNITS[weight_unit].per_base, 2)
    lift = format_decimal(2.5 / UNITS[weight_unit].per_base, 1)
    return (
        "Each measure gets a Theil-Sen trend line (Sen 1968): its slope is the median of the "
        "slopes between every pair of your readings. A median hardly moves for one odd reading "
        "(a tape pulled tight, a weigh-in after a salty meal), and a line gives the change per "
        "week even when you skip a week; an exponentially weighted average needs evenly spaced "
        "readings and trails behind a real change, so it is not used. The noise is how far "
        "your own readings sit from that line (their standard deviation), but never less than "
        f"a floor: {tape} {length_unit} for a tape, {scale} {weight_unit} for body weight and "
        f"{lift} {weight_unit} for the lift. The floors are the site's judgement, not figures "
        "from a study: a tape is read to about half a centimetre, a body weighs differently "
        "from one day to the next, and a lift's load goes up in plates. A change counts as "
        "real when it is larger than that noise and more than twice as large as the wobble "
        "the noise alone could give a line through that many readings. With fewer than "
        f"{MIN_READINGS} readings, or readings spanning less than {MIN_DAYS // 7} weeks, there "
        "is no verdict. The lift is compared as an estimated one-rep max, load × (1 + reps ÷ "
        "30) (Epley's formula, a coaching rule of thumb), so keep the exercise and the reps "
        "about the same each time."
    )


def compute_progress_values(values: Values) -> ProgressResult:
    """The progress result for checked form values."""
    length_unit, weight_unit = values.choice("length_unit"), values.choice("weight_unit")
    rows = values.entries("entries")
    trends = []
    for measure in MEASURES:
        unit = length_unit if measure.quantity == "length" else weight_unit
        points = _series(rows, measure)
        if not points:
            continue
        first = points[0][0]
        fitted = fit_trend(
            [float((day - first).days) for day, _ in points],
            [value for _, value in points],
            floor=measure.floor / UNITS[unit].per_base,
        )
        trends.append(MeasureTrend(measure.id, measure.name, unit, tuple(points), fitted))
    verdicts = {t.measure: t.trend.verdict for t in trends}
    patterns = _patterns(verdicts)
    notes = [
        "Measure the same way each time: the same tape, the same spot (the widest part of "
        "your hips), standing relaxed, in the morning before breakfast.",
    ]
    if verdicts.get("hips") == "shrinking" and not patterns:
        notes.append("Log your waist and weight too: together they tell fat loss from muscle loss.")
    warnings = []
    if verdicts.get("weight") == "shrinking":
        sign = SIGNS["weight_loss"]
        warnings.append(
            f"Your weight is going down. If you are not trying to lose weight ({sign.text}), "
            f"{LEVELS[sign.level].action[0].lower()}{LEVELS[sign.level].action[1:]}"
        )
    return ProgressResult(
        length_unit=length_unit,
        weight_unit=weight_unit,
        trends=tuple(trends),
        patterns=tuple(patterns),
        method=_method(length_unit, weight_unit),
        notes=tuple(notes),
        warnings=tuple(warnings),
        sources=(SEN_1968,),
    )


def compute_progress(
    entries: Sequence[Mapping[str, object]],
    length_unit: str = "cm",
    weight_unit: str = "kg",
    *,
    today: str | None = None,
) -> ProgressResult:
    """The progress result for rows such as ``{"date": "2026-09-01", "hips": "98.5"}``.

    Raises :class:`musclecalc.InputError` for bad rows, keyed like ``"entries.3.hips"``.
    """
    payload: dict[str, object] = {
        "entries": [dict(row) for row in entries],
        "length_unit": length_unit,
        "weight_unit": weight_unit,
    }
    if today is not None:
        payload["today"] = today
    return compute_progress_values(read_progress(PROGRESS_FORM, payload))
