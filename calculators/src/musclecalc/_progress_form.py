"""The progress log's form and how it is read: the measures it follows, their bounds in each
unit, the worked example, and the checks that look at rows together (no date after today, one
row a day, a lift's load with its reps).
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from ._errors import InputError
from ._fields import Bounds, ChoiceField, DateField, EntriesField, Form, NumberField, Option
from ._progress_csv import LENGTH_UNITS, WEIGHT_UNITS
from ._reading import Values, read_values
from ._units import UNITS

__all__ = [
    "EXAMPLE_ROWS",
    "MAX_ROWS",
    "MEASURES",
    "PROGRESS_FORM",
    "Measure",
    "epley_one_rep_max",
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
LIFT_LOAD: Final = {"kg": (1, 500), "lb": (2, 1100)}
LIFT_REPS: Final = Bounds(1, 20, 1)
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
