"""Hypothesis strategies and the strict JSON reader shared by the calculator tests."""

from __future__ import annotations

import datetime
import json
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from musclecalc import EXERCISES

#: Settings for every property test here: enough examples to find edge cases, few enough
#: for a two-core machine. No deadline: timing varies with machine load.
LEAN = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _reject_constant(name: str) -> Any:
    raise ValueError(f"the JSON contains {name}")


def strict_loads(text: str) -> Any:
    """Parse JSON, refusing NaN, Infinity and -Infinity (which are not JSON)."""
    return json.loads(text, parse_constant=_reject_constant)


# -------------------------------------------------------------------------- arbitrary JSON

json_scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)
)
json_values = st.recursive(
    json_scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)

# --------------------------------------------------------------- values a form might send

#: Texts people (or bugs) might type into a number input.
TRICKY_TEXTS = (
    "",
    " ",
    "80",
    " 80.5 ",
    "80,5",
    "1,000",
    "1.000,5",
    "-5",
    "0",
    "nan",
    "NaN",
    "inf",
    "-inf",
    "Infinity",
    "1e308",
    "1e999",
    "-1e999",
    "1_000",
    "0x10",
    "٣٠",
    "70kg",
    "true",
    "null",
    "\x00",
    "80.",
    ".5",
)

field_values = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**400), max_value=10**400)
    | st.floats()
    | st.floats(min_value=-10, max_value=400)
    | st.sampled_from(TRICKY_TEXTS)
    | st.text(max_size=12)
    | st.integers(min_value=0, max_value=400).map(str)
    | st.lists(st.integers(), max_size=2)
    | st.dictionaries(st.text(max_size=3), st.integers(), max_size=2)
)

units_weight = st.sampled_from(["kg", "lb", "KG", " lb ", "stone", "", None, 1])
units_height = st.sampled_from(["cm", "in", "IN", "ft", "", None])


def choice_values(*valid: str) -> st.SearchStrategy[Any]:
    """Valid choices most of the time, junk sometimes."""
    return st.sampled_from(valid) | field_values


def _optional_keys(mapping: dict[str, st.SearchStrategy[Any]]) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries({}, optional=mapping)


protein_payloads = _optional_keys(
    {
        "weight": field_values,
        "weight_unit": units_weight,
        "goal": choice_values("maintain", "build", "cut"),
        "meals": field_values,
        "age": field_values,
        "body_fat_percent": field_values,
        "extra_key": json_values,
    }
)
energy_payloads = _optional_keys(
    {
        "sex": choice_values("female", "male"),
        "age": field_values,
        "height": field_values,
        "height_unit": units_height,
        "weight": field_values,
        "weight_unit": units_weight,
        "activity": choice_values("sedentary", "light", "moderate", "very", "extra"),
        "goal": choice_values("maintain", "build", "lose"),
        "body_fat_percent": field_values,
    }
)
exercise_ids = st.sampled_from(sorted(EXERCISES))
entry_rows = (
    st.fixed_dictionaries(
        {},
        optional={
            "exercise": exercise_ids | field_values,
            "sets": st.integers(min_value=-2, max_value=25) | field_values,
            "sessions": st.integers(min_value=-1, max_value=9) | field_values,
        },
    )
    | json_scalars
)
volume_payloads = _optional_keys(
    {
        "entries": st.lists(entry_rows, max_size=33) | field_values,
        "band_low": field_values,
        "band_high": field_values,
    }
)

# ------------------------------------------------------------------------ valid inputs

weights_kg = st.floats(min_value=30, max_value=300, allow_nan=False)
body_fat = st.none() | st.floats(min_value=3, max_value=60, allow_nan=False)
meals = st.integers(min_value=1, max_value=8)
valid_rows = st.lists(
    st.tuples(exercise_ids, st.integers(1, 20), st.integers(1, 7)), min_size=1, max_size=30
)


# ------------------------------------------------------- payloads built from forms() itself

#: A day well before any "today" a test runs on, and how many days after it a reading may be.
FIRST_DAY = datetime.date(2020, 1, 6)
LOG_DAYS = 5 * 365


#: What one cm or kg is in each unit the progress log takes.
PER_UNIT = {"cm": 1.0, "in": 1 / 2.54, "kg": 1.0, "lb": 1 / 0.45359237}


@st.composite
def progress_rows(
    draw: st.DrawFn,
    entries: dict[str, Any],
    length_unit: str = "cm",
    weight_unit: str = "kg",
    max_rows: int = 40,
) -> list[Any]:
    """Valid progress-log rows for the entries field ``forms()`` describes: one row a day,
    none in the future, each with at least one reading and a lift's load with its reps. The
    form gives bounds in cm and kg; values are drawn well inside them (10% in from each end, so
    inside the bounds in inches and pounds too) and written in the units asked for."""
    sub = {s["name"]: s for s in entries["fields"]}

    def reading(name: str, unit: str) -> Any:
        low, high = sub[name]["min"] * 1.1, sub[name]["max"] * 0.9
        return _typed(draw, draw(st.floats(min_value=low, max_value=high)) * PER_UNIT[unit])

    days = draw(st.lists(st.integers(0, LOG_DAYS), min_size=1, max_size=max_rows, unique=True))
    rows = []
    for day in days:
        row: dict[str, Any] = {"date": (FIRST_DAY + datetime.timedelta(days=day)).isoformat()}
        measures = draw(
            st.lists(
                st.sampled_from(["hips", "waist", "thigh", "weight", "lift"]),
                min_size=1,
                unique=True,
            )
        )
        for measure in measures:
            if measure == "lift":
                row["lift_load"] = reading("lift_load", weight_unit)
                row["lift_reps"] = draw(
                    st.integers(sub["lift_reps"]["min"], sub["lift_reps"]["max"])
                )
            else:
                row[measure] = reading(measure, weight_unit if measure == "weight" else length_unit)
        rows.append(row)
    return rows


def _typed(draw: st.DrawFn, value: float | int) -> Any:
    """A number as JSON or as a person might type it."""
    text = repr(value)
    return draw(st.sampled_from([value, text, f"  {text} ", text.replace(".", ",")]))


def _number(draw: st.DrawFn, low: float, high: float, step: float) -> Any:
    if step == 1:
        return _typed(draw, draw(st.integers(int(low), int(high))))
    return _typed(draw, draw(st.floats(min_value=low, max_value=high, allow_nan=False)))


@st.composite
def form_payloads(draw: st.DrawFn, form: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    """A payload for a form as ``bridge.forms()`` describes it, with valid values for most
    fields and, now and then, a missing field or junk. Returns the payload and whether it
    is clean (every field present and valid), in which case the calculator must succeed."""
    payload: dict[str, Any] = {}
    clean = True
    fields = form["fields"]
    spoil = {f["name"] for f in fields if draw(st.integers(0, 14)) == 0}
    # Choices and units first: a number's bounds depend on its unit.
    ordered = sorted(fields, key=lambda f: f["kind"] not in ("choice", "unit"))
    for f in ordered:
        name = f["name"]
        if name in spoil:
            clean = False
            if draw(st.booleans()):
                payload[name] = draw(field_values)
            continue
        if f["kind"] in ("choice", "unit"):
            payload[name] = draw(st.sampled_from([c["value"] for c in f["choices"]]))
        elif f["kind"] == "number":
            low, high, step = f["min"], f["max"], f["step"]
            if "unit_field" in f:
                unit_field = next(u for u in fields if u["name"] == f["unit_field"])
                unit = payload.get(unit_field["name"], unit_field["default"])
                chosen = next((c for c in unit_field["choices"] if c["value"] == unit), None)
                if chosen is not None:
                    low, high, step = chosen["min"], chosen["max"], chosen["step"]
            if name == "band_high" and isinstance(payload.get("band_low"), int):
                low = payload["band_low"] + 1
                payload[name] = draw(st.integers(low, high)) if low <= high else high
                clean = clean and low <= high
                continue
            if name == "band_low":
                payload[name] = draw(st.integers(int(low), int(high) - 1))
                continue
            direction = payload.get(f.get("signed_by", ""), "losing")
            if direction == "steady":
                payload[name] = draw(st.sampled_from(["", 0, "0"]))
                continue
            if direction not in ("losing", "gaining"):  # "not sure": no amount
                continue
            payload[name] = _number(draw, low, high, step)
        elif f["kind"] == "checklist":
            codes = [c["value"] for c in f["choices"]]
            ticked = draw(st.lists(st.sampled_from(codes), unique=True, max_size=len(codes)))
            # As the page sends them (a list) or as the command line does (commas).
            payload[name] = draw(st.sampled_from([ticked, ",".join(ticked)]))
        elif "date" in {s["name"] for s in f["fields"]}:  # the progress log's dated rows
            units = (payload.get("length_unit", "cm"), payload.get("weight_unit", "kg"))
            # A spoiled unit (junk of any type, a list too): the payload is not clean anyway.
            if not all(isinstance(unit, str) and unit in PER_UNIT for unit in units):
                units = ("cm", "kg")
            payload[name] = draw(progress_rows(f, *units))
        else:  # entries
            sub = {s["name"]: s for s in f["fields"]}
            row = st.fixed_dictionaries(
                {
                    "exercise": st.sampled_from([c["value"] for c in sub["exercise"]["choices"]]),
                    "sets": st.integers(sub["sets"]["min"], sub["sets"]["max"]),
                    "sessions": st.integers(sub["sessions"]["min"], sub["sessions"]["max"]),
                }
            )
            payload[name] = draw(st.lists(row, min_size=f["min_items"], max_size=f["max_items"]))
    return payload, clean


#: Ways people write feet and inches after the number of feet (a format with two slots).
FEET_INCHES_FORMATS = (
    "{feet}'{inches}\"",
    "{feet}' {inches}",
    "{feet}'{inches}''",
    "{feet} ft {inches}",
    "{feet}ft {inches}in",
    "{feet}FT{inches}IN",
    "{feet} feet {inches} inches",
    "{feet} ft. {inches} in.",
    "{feet}\u2019{inches}\u201d",
)


@st.composite
def feet_and_inches_texts(
    draw: st.DrawFn, feet: st.SearchStrategy[int], inches: st.SearchStrategy[float]
) -> tuple[str, float]:
    """A height typed as feet and inches ("5'9\"", "5 ft 9", "5ft 9.5in", in any case), and
    its length in inches."""
    whole_feet, rest = draw(feet), draw(inches)
    written = repr(rest) if not rest.is_integer() else str(int(rest))
    if draw(st.booleans()):
        written = written.replace(".", ",")
    text = draw(st.sampled_from(FEET_INCHES_FORMATS)).format(feet=whole_feet, inches=written)
    return draw(st.sampled_from([text, f" {text} "])), whole_feet * 12 + rest
