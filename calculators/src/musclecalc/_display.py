"""What the page shows for a result, already written as text.

The site's JavaScript only places these strings (with ``textContent``) and inserts the
chart's SVG; all wording and number formatting happens here, in Python.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ._catalogue import EXERCISES
from ._chart import Bar, bar_chart
from ._energy import ACTIVITY_LABELS, EnergyResult
from ._errors import join_words
from ._numbers import format_decimal, format_whole
from ._protein import ProteinResult
from ._schema import Values
from ._units import UNITS
from ._volume import VolumeResult

__all__ = [
    "Chart",
    "Display",
    "Fact",
    "Table",
    "present_energy",
    "present_protein",
    "present_volume",
]


@dataclass(frozen=True)
class Fact:
    """One line of the result's definition list."""

    label: str
    value: str


@dataclass(frozen=True)
class Table:
    """A table with a caption, column headings and rows of text."""

    caption: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    def __post_init__(self) -> None:
        if any(len(row) != len(self.columns) for row in self.rows):
            raise ValueError("every row needs one cell per column")


@dataclass(frozen=True)
class Chart:
    """An SVG chart and the same information as one or two sentences of text."""

    svg: str
    description: str


@dataclass(frozen=True)
class Display:
    """Everything the page shows for one result."""

    summary: str
    facts: tuple[Fact, ...]
    method: str
    sources: tuple[str, ...]
    table: Table | None = None
    chart: Chart | None = None
    warnings: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)

    def to_json(self) -> dict[str, Any]:
        """The bridge's ``display`` object."""
        return {
            "summary": self.summary,
            "facts": [{"label": f.label, "value": f.value} for f in self.facts],
            "table": None
            if self.table is None
            else {
                "caption": self.table.caption,
                "columns": list(self.table.columns),
                "rows": [list(row) for row in self.table.rows],
            },
            "chart": None
            if self.chart is None
            else {"svg": self.chart.svg, "description": self.chart.description},
            "warnings": list(self.warnings),
            "notes": list(self.notes),
            "method": self.method,
            "sources": list(self.sources),
        }


def _grams(value: float) -> str:
    return f"{format_whole(value)} g"


def _kcal(value: float) -> str:
    return f"{format_whole(value)} kcal"


def _as_entered(values: Values, name: str, unit_field: str, base_unit: str) -> str:
    """A measurement as typed, with the base-unit value when another unit was used."""
    unit = values.choice(unit_field)
    entered = values.entered[name]
    assert entered is not None
    text = f"{format_decimal(entered, 1)} {UNITS[unit].symbol}"
    if unit != base_unit:
        text += f" ({format_decimal(values.number(name), 1)} {base_unit})"
    return text


def present_protein(result: ProteinResult, values: Values) -> Display:
    """The page text for a protein result."""
    daily, per_kg = result.daily_grams, result.grams_per_kg
    facts = [
        Fact(
            "Daily protein",
            f"{_grams(daily.target)} ({format_whole(daily.low)}-{_grams(daily.high)})",
        ),
        Fact(
            "Per kg of body weight",
            f"{format_decimal(per_kg.target, 2)} g/kg ({format_decimal(per_kg.low, 2)}-"
            f"{format_decimal(per_kg.high, 2)} g/kg)",
        ),
    ]
    lean_band = result.grams_per_kg_lean_mass
    if lean_band is not None:
        facts.append(
            Fact(
                "Per kg of lean mass",
                f"{format_decimal(lean_band.target, 2)} g/kg ({format_decimal(lean_band.low, 2)}-"
                f"{format_decimal(lean_band.high, 2)} g/kg)",
            )
        )
    facts.append(
        Fact(
            "Per meal",
            f"{_grams(result.per_meal_grams)} at each of {result.meals} "
            f"{'meal' if result.meals == 1 else 'meals'}",
        )
    )
    facts.append(Fact("Body weight", _as_entered(values, "weight", "weight_unit", "kg")))
    if result.lean_mass_kg is not None:
        body_fat = values.optional("body_fat_percent")
        assert body_fat is not None
        facts.append(
            Fact(
                "Lean mass",
                f"{format_decimal(result.lean_mass_kg, 1)} kg "
                f"({format_decimal(body_fat, 1)}% body fat)",
            )
        )
    return Display(
        summary=(
            f"Aim for about {_grams(daily.target)} of protein a day "
            f"({format_whole(daily.low)}-{_grams(daily.high)})."
        ),
        facts=tuple(facts),
        warnings=result.warnings,
        notes=result.notes,
        method=result.method,
        sources=tuple(source.citation() for source in result.sources),
    )


_ENERGY_GOAL_WORDS = {
    "build": "To build muscle",
    "maintain": "To keep your weight steady",
    "lose": "To lose fat and keep muscle",
}


def _weekly_change_text(result: EnergyResult) -> str:
    change = result.weekly_change_kg
    if result.goal == "build":
        return (
            f"gain about {format_decimal(change.low, 2)}-{format_decimal(change.high, 2)} kg a "
            "week"
        )
    if result.goal == "lose":
        return (
            f"lose about {format_decimal(-change.high, 2)}-{format_decimal(-change.low, 2)} kg "
            f"a week (about {format_decimal(-change.target, 2)} kg at the target)"
        )
    return f"steady, within about {format_decimal(change.high, 2)} kg a week either way"


def present_energy(result: EnergyResult, values: Values) -> Display:
    """The page text for an energy result."""
    target = result.target_kcal
    range_text = f"{format_whole(target.low)}-{_kcal(target.high)}"
    facts = [
        Fact("Daily target", f"{_kcal(target.target)} ({range_text})"),
        Fact("Maintenance (TDEE)", _kcal(result.tdee_kcal)),
        Fact("BMR (Mifflin-St Jeor)", _kcal(result.bmr_kcal)),
    ]
    if result.bmr_katch_mcardle_kcal is not None:
        facts.append(Fact("BMR (Katch-McArdle)", _kcal(result.bmr_katch_mcardle_kcal)))
    facts += [
        Fact(
            "Activity factor",
            f"{format_decimal(result.activity_factor, 3)} ({ACTIVITY_LABELS[result.activity]})",
        ),
        Fact("Expected change", _weekly_change_text(result)),
        Fact("Body weight", _as_entered(values, "weight", "weight_unit", "kg")),
        Fact("Height", _as_entered(values, "height", "height_unit", "cm")),
    ]
    bars = [
        Bar("BMR", result.bmr_kcal, _kcal(result.bmr_kcal)),
        Bar("TDEE", result.tdee_kcal, _kcal(result.tdee_kcal)),
        Bar(
            "Target",
            target.target,
            _kcal(target.target),
            kind="productive",
            band=(target.low, target.high),
        ),
    ]
    description = (
        f"Bar chart of kcal a day: BMR {_kcal(result.bmr_kcal)}, TDEE "
        f"{_kcal(result.tdee_kcal)}, and a target of {_kcal(target.target)} with its range, "
        f"{range_text}, shaded behind it."
    )
    svg = bar_chart(
        "mc-energy-chart",
        "Daily energy: BMR, TDEE and your target",
        description,
        bars,
        axis_label="kcal a day",
    )
    return Display(
        summary=(
            f"{_ENERGY_GOAL_WORDS[result.goal]}, aim for about {_kcal(target.target)} a day "
            f"({range_text})."
        ),
        facts=tuple(facts),
        chart=Chart(svg, description),
        warnings=result.warnings,
        notes=result.notes,
        method=result.method,
        sources=tuple(source.citation() for source in result.sources),
    )


_STATUS_WORDS = {"below": "Below range", "productive": "In range", "high": "Above range"}


def _count(number: int, singular: str) -> str:
    return f"{number} {singular if number == 1 else singular + 's'}"


def present_volume(result: VolumeResult, values: Values) -> Display:
    """The page text for a volume result."""
    del values  # everything needed is in the result
    band = f"{result.band_low}-{result.band_high}"
    groups = {
        status: [m.name for m in result.muscles if m.status == status] for status in _STATUS_WORDS
    }
    in_range, below, high = (len(groups[s]) for s in ("productive", "below", "high"))
    summary = (
        f"{_count(in_range, 'muscle')} {'is' if in_range == 1 else 'are'} in the productive "
        f"range of {band} hard sets a week, {below} below it and {high} above it."
    )
    facts = [
        Fact("Productive range", f"{band} hard sets a week per muscle"),
        Fact("Total hard sets", f"{result.total_sets} a week over {len(result.entries)} "
             f"{'exercise' if len(result.entries) == 1 else 'exercises'}"),
        Fact("In range", join_words(groups["productive"]) or "none"),
        Fact("Below range", join_words(groups["below"]) or "none"),
        Fact("Above range", join_words(groups["high"]) or "none"),
    ]
    table = Table(
        caption="Weekly sets per muscle (fractional sets count helper sets as half a set)",
        columns=("Muscle", "Direct sets", "Fractional sets", "Sessions", "Status"),
        rows=tuple(
            (
                m.name,
                str(m.direct_sets),
                format_decimal(m.fractional_sets, 1),
                str(m.sessions),
                _STATUS_WORDS[m.status],
            )
            for m in result.muscles
        ),
    )
    bars = [
        Bar(
            m.name,
            m.fractional_sets,
            f"{format_decimal(m.fractional_sets, 1)} {'set' if m.fractional_sets == 1 else 'sets'}",
            kind=m.status,
        )
        for m in result.muscles
    ]
    description = (
        f"Bar chart of fractional hard sets a week per muscle, with the {band} set range "
        "shaded: "
        + "; ".join(
            f"{m.name} {format_decimal(m.fractional_sets, 1)} "
            f"({_STATUS_WORDS[m.status].lower()})"
            for m in result.muscles
        )
        + "."
    )
    svg = bar_chart(
        "mc-volume-chart",
        "Weekly hard sets per muscle",
        description,
        bars,
        axis_label="Hard sets a week (fractional)",
        band=(result.band_low, result.band_high),
    )
    exercises = ", ".join(
        f"{EXERCISES[e.exercise].name} {e.sets}×{e.sessions}" for e in result.entries
    )
    # The deload advice is a sentence, not a figure: it leads the notes rather than the facts.
    notes = (result.deload, *result.notes, f"Exercises counted (sets × sessions): {exercises}.")
    return Display(
        summary=summary,
        facts=tuple(facts),
        table=table,
        chart=Chart(svg, description),
        warnings=result.warnings,
        notes=notes,
        method=result.method,
        sources=tuple(source.citation() for source in result.sources),
    )
