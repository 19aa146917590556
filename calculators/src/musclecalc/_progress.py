"""The progress log: dated tape and scale readings, a trend per measure that knows the noise of
the reader's own readings, and what the measures say together.

Each measure (hips, waist, thigh, body weight, and one lift as an estimated one-rep max) gets a
Theil-Sen trend and a verdict from :mod:`._trend`: ``shrinking``, ``steady``, ``growing`` or
``too_few``. Read together, the verdicts point to the causes the self-check also names, by the
same slugs (:data:`._checkup.CAUSE_TITLES`).

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

from ._calculator import Calculator
from ._checkup import CAUSE_TITLES
from ._display import Chart, Display, Fact, Figure, Link, Ranked, RankedItem, Table
from ._errors import InputError
from ._fields import Bounds, ChoiceField, DateField, EntriesField, Form, NumberField, Option
from ._numbers import format_decimal
from ._progress_csv import LENGTH_UNITS, PROGRESS_CSV, WEIGHT_UNITS
from ._reading import Values, read_values
from ._sources import SEN_1968, Source
from ._trend import MIN_DAYS, MIN_READINGS, Trend, fit_trend
from ._trend_chart import Reading, short_date, trend_chart
from ._units import UNITS
from ._warning_signs import LEVELS, SIGNS

__all__ = [
    "MEASURES",
    "PROGRESS",
    "PROGRESS_FORM",
    "Measure",
    "MeasureTrend",
    "ProgressResult",
    "compute_progress",
    "present_progress",
    "read_progress",
]

MAX_ROWS: Final = 200


@dataclass(frozen=True)
class Measure:
    """One thing the log follows. ``floor`` is the least noise a reading of it can have, in cm
    or kg (the site's judgement, explained in the method); ``bounds`` the readings allowed in
    each unit."""

    id: str
    name: str
    quantity: str
    floor: float
    bounds: Mapping[str, tuple[float, float]]


MEASURES: Final = (
    Measure("hips", "Hips", "length", 0.5, {"cm": (50, 200), "in": (20, 79)}),
    Measure("waist", "Waist", "length", 0.5, {"cm": (40, 200), "in": (16, 79)}),
    Measure("thigh", "Thigh", "length", 0.5, {"cm": (25, 110), "in": (10, 43)}),
    Measure("weight", "Body weight", "mass", 0.5, {"kg": (30, 300), "lb": (66, 660)}),
    Measure("lift", "Lift (estimated one-rep max)", "mass", 2.5, {"kg": (1, 600), "lb": (2, 1320)}),
)
_BY_ID: Final = {m.id: m for m in MEASURES}
LIFT_LOAD: Final = {"kg": (1, 500), "lb": (2, 1100)}
LIFT_REPS: Final = Bounds(1, 20, 1)
_READING_NOUNS: Final = {
    "hips": "hip",
    "waist": "waist",
    "thigh": "thigh",
    "weight": "weight",
    "lift": "lift",
}
_NOUNS: Final = {
    "hips": "your hip circumference",
    "waist": "your waist",
    "thigh": "your thigh circumference",
    "weight": "your body weight",
}


def epley_one_rep_max(load: float, reps: float) -> float:
    """Epley's estimate of the most a lifter could lift once: load x (1 + reps / 30).

    >>> epley_one_rep_max(60, 8)
    76.0
    """
    return load * (1 + reps / 30)


# ------------------------------------------------------------------------------------ the form


def _row_fields(length_unit: str, weight_unit: str) -> tuple[DateField | NumberField, ...]:
    fields: list[DateField | NumberField] = [
        DateField("date", "Date", "the date", "The day you measured, year-month-day.")
    ]
    for measure in MEASURES[:4]:
        unit = length_unit if measure.quantity == "length" else weight_unit
        low, high = measure.bounds[unit]
        fields.append(
            NumberField(
                measure.id,
                measure.name,
                _NOUNS[measure.id],
                help="",
                required=False,
                bounds=Bounds(low, high, UNITS[unit].step),
                unit_text=f" {unit}",
            )
        )
    low, high = LIFT_LOAD[weight_unit]
    fields.append(
        NumberField(
            "lift_load",
            "Lift load",
            "the load you lifted",
            help="",
            required=False,
            bounds=Bounds(low, high, UNITS[weight_unit].step),
            unit_text=f" {weight_unit}",
        )
    )
    fields.append(
        NumberField(
            "lift_reps",
            "Lift reps",
            "the reps you did",
            help="",
            required=False,
            bounds=LIFT_REPS,
            unit_text=" reps",
        )
    )
    return tuple(fields)


#: The worked example: eight weekly readings where the hips hold steady (within the tape's
#: noise), the waist eases down, the weight holds and the hip thrust rises.
EXAMPLE_ROWS: Final = tuple(
    {
        "date": (datetime.date(2026, 9, 7) + datetime.timedelta(weeks=week)).isoformat(),
        "hips": hips,
        "waist": waist,
        "thigh": thigh,
        "weight": weight,
        "lift_load": load,
        "lift_reps": "8",
    }
    for week, (hips, waist, thigh, weight, load) in enumerate(
        (
            ("98", "74", "56", "64.2", "60"),
            ("99", "74.5", "", "64.5", "60"),
            ("97.5", "73.5", "56.5", "64", "62.5"),
            ("98.5", "74", "", "64.4", "62.5"),
            ("97.5", "73", "55.5", "63.9", "65"),
            ("98.5", "73.5", "", "64.3", "65"),
            ("97.5", "73", "56", "64.1", "67.5"),
            ("98", "72.5", "", "64", "70"),
        )
    )
)

_LENGTH_UNIT: Final = ChoiceField(
    "length_unit",
    "Tape unit",
    "a unit for the tape",
    help="The unit of your hip, waist and thigh readings.",
    default="cm",
    options=tuple(Option(u, u) for u in LENGTH_UNITS),
)
_WEIGHT_UNIT: Final = ChoiceField(
    "weight_unit",
    "Weight unit",
    "a unit for weights",
    help="The unit of your body weight and of the load you lift.",
    default="kg",
    options=tuple(Option(u, u) for u in WEIGHT_UNITS),
)


def _form(length_unit: str, weight_unit: str) -> Form:
    return Form(
        name="progress",
        title="Progress log",
        summary=(
            "Shows whether your hips, waist, thigh, weight and a lift are really changing, "
            "or moving no more than a tape and a scale wobble from day to day."
        ),
        fields=(
            _LENGTH_UNIT,
            _WEIGHT_UNIT,
            EntriesField(
                "entries",
                "Your readings",
                help=(
                    "One row per day you measured. Leave out what you did not measure. For "
                    "the lift, use the same exercise and about the same reps each time."
                ),
                item_noun="reading",
                min_items=1,
                max_items=MAX_ROWS,
                default=EXAMPLE_ROWS,
                fields=_row_fields(length_unit, weight_unit),
            ),
        ),
    )


PROGRESS_FORM: Final = _form("cm", "kg")
_FORMS: Final = {(lu, wu): _form(lu, wu) for lu in LENGTH_UNITS for wu in WEIGHT_UNITS}
_UNITS_FORM: Final = Form("progress", "", "", fields=(_LENGTH_UNIT, _WEIGHT_UNIT))
_TODAY_FORM: Final = Form(
    "progress", "", "", fields=(DateField("today", "Today", "today's date", "", required=False),)
)

# ------------------------------------------------------------------------------- reading


def _row_problems(
    rows: Sequence[Values], today: datetime.date, errors: Mapping[str, str]
) -> dict[str, str]:
    """Messages for rows whose fields each read but which cannot be used as they are."""
    problems: dict[str, str] = {}
    seen: dict[datetime.date, int] = {}

    def add(key: str, message: str) -> None:
        if key not in errors and key not in problems:
            problems[key] = message

    for index, row in enumerate(rows):
        key = f"entries.{index}."
        day = row.dates.get("date")
        if day is not None and day > today:
            add(
                key + "date",
                f"This date is after today ({today.isoformat()}): check the year, month and day.",
            )
        elif day is not None and day in seen:
            add(
                key + "date",
                f"Row {seen[day] + 1} has this date too. Keep one row a day: correct the "
                "date or put the readings in one row.",
            )
        elif day is not None:
            seen[day] = index
        load, reps = row.optional("lift_load"), row.optional("lift_reps")
        if load is not None and reps is None:
            add(key + "lift_reps", "Enter the reps you did with this load, or clear the load.")
        if reps is not None and load is None:
            add(key + "lift_load", "Enter the load you lifted for these reps, or clear the reps.")
        fields = ("hips", "waist", "thigh", "weight", "lift_load", "lift_reps")
        if all(row.optional(f) is None and key + f not in errors for f in fields):
            add(key + "hips", "Enter at least one reading for this date, or remove the row.")
    return problems


def read_progress(form: Form, payload: Mapping[str, object]) -> Values:
    """Check a progress payload: units, then each row in those units, then the rows together
    (no date after today, one row a day, a lift's load with its reps). Every problem is raised
    at once as :class:`musclecalc.InputError`, keyed by row (``entries.3.hips``).

    ``today`` (year-month-day) stands in for the real date in the future-date rule, for tests
    and for checking an old log; without it the computer's own date is used.
    """
    del form  # the rows' bounds depend on the units chosen: one form per pair of units
    units, errors = read_values(_UNITS_FORM, payload)
    length_unit = units.choices.get("length_unit", "cm")
    weight_unit = units.choices.get("weight_unit", "kg")
    values, row_errors = read_values(_FORMS[length_unit, weight_unit], payload)
    errors.update(row_errors)
    when, today_errors = read_values(_TODAY_FORM, payload)
    errors.update(today_errors)
    today = when.dates.get("today") or datetime.date.today()
    errors.update(_row_problems(values.rows.get("entries", ()), today, errors))
    if errors:
        raise InputError(errors)
    return Values(
        choices={"length_unit": length_unit, "weight_unit": weight_unit},
        rows=values.rows,
        dates={"today": today},
    )


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
class ProgressResult:
    """Every logged measure's trend, what they say together, and the causes to read next."""

    length_unit: str
    weight_unit: str
    trends: tuple[MeasureTrend, ...]
    patterns: tuple[Pattern, ...]
    method: str
    notes: tuple[str, ...]
    warnings: tuple[str, ...]
    sources: tuple[Source, ...]

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

    def to_json(self) -> dict[str, Any]:
        """The bridge's ``result`` object."""
        return {
            "length_unit": self.length_unit,
            "weight_unit": self.weight_unit,
            "trends": {t.measure: t.to_json() for t in self.trends},
            "next": list(self.next),
            "method": self.method,
            "notes": list(self.notes),
            "warnings": list(self.warnings),
            "sources": [source.to_json() for source in self.sources],
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
    ranked = None
    if result.patterns:
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
        ranked = Ranked("What your log points to", tuple(items))
    return Display(
        summary=_sentence(lead),
        facts=tuple(facts),
        method=result.method,
        sources=tuple(source.citation() for source in result.sources),
        table=table,
        warnings=result.warnings,
        notes=result.notes,
        ranked=ranked,
        figures=tuple(_figure(t) for t in result.trends),
    )


PROGRESS: Final = Calculator(
    PROGRESS_FORM,
    compute_progress_values,
    present_progress,
    read=read_progress,
    text_log=PROGRESS_CSV,
)
