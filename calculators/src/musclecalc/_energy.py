"""Daily energy: BMR, maintenance (TDEE) and a calorie target for the goal.

The equations, the factors and the method text are in :mod:`._energy_equations`; this module
holds the form, the calculation and the page text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

from ._calculator import Calculator
from ._chart import Bar, LegendItem, bar_chart
from ._display import Chart, Display, Fact, as_entered, kcal
from ._energy_equations import (
    ACTIVITY_FACTORS,
    BMR_METHOD,
    BUILD_WEEKLY_PERCENT,
    FLOOR_KCAL,
    GOAL_METHODS,
    GOAL_MULTIPLIERS,
    KATCH_METHOD,
    KCAL_PER_KG,
    KCAL_RULE_METHOD,
    katch_mcardle_bmr,
    mifflin_st_jeor_bmr,
)
from ._fields import Bounds, ChoiceField, Form, NumberField, Option
from ._numbers import format_decimal, format_whole, round_half_up, round_whole
from ._reading import Values, read_form
from ._results import Range, Result
from ._shared_fields import BODY_WEIGHT_FIELDS, HEIGHT_FIELDS, age_field, goal_field
from ._sources import (
    HALL_2008,
    HELMS_2014_CONTEST,
    IRAKI_2019,
    MIFFLIN_1990,
    MURPHY_KOEHLER_2022,
    Source,
)
from ._thresholds import DEFICIT_KCAL, WEEKLY_LOSS_HIGH, WEEKLY_LOSS_LOW

__all__ = [
    "ACTIVITY_FACTORS",
    "ENERGY",
    "ENERGY_FORM",
    "EnergyResult",
    "compute_energy",
    "energy_needs",
    "katch_mcardle_bmr",
    "mifflin_st_jeor_bmr",
    "present_energy",
]

ACTIVITY_LABELS: Final[dict[str, str]] = {
    "sedentary": "Sedentary: desk job and little or no exercise",
    "light": "Lightly active: light exercise 1-3 days a week",
    "moderate": "Moderately active: exercise 3-5 days a week",
    "very": "Very active: hard exercise 6-7 days a week",
    "extra": "Extra active: hard daily training and a physical job",
}
ALWAYS_WARNING: Final = (
    "These are estimates for healthy adults. If you are pregnant or breastfeeding, have or "
    "have had an eating disorder, or have a medical condition, ask a doctor or registered "
    "dietitian before changing how much you eat."
)

ENERGY_FORM: Final = Form(
    name="energy",
    title="Energy (calorie) calculator",
    summary=(
        "How many calories you burn in a day, and how many to eat to keep, build or lose "
        "weight without losing muscle."
    ),
    fields=(
        ChoiceField(
            "sex",
            "Sex",
            "the sex the equation should use",
            help="The equation has one version for female and one for male bodies.",
            default="female",
            options=(Option("female", "Female"), Option("male", "Male")),
            required=True,
        ),
        age_field("Your age in whole years.", default=30),
        *HEIGHT_FIELDS,
        *BODY_WEIGHT_FIELDS,
        ChoiceField(
            "activity",
            "Activity level",
            "an activity level",
            help="Count your job and your training together. If unsure, pick the lower level.",
            default="moderate",
            options=tuple(Option(key, label) for key, label in ACTIVITY_LABELS.items()),
        ),
        goal_field(
            "Building needs a small surplus; losing fat needs a moderate deficit.",
            (
                "Keep my weight steady",
                "Build muscle (small surplus)",
                "Lose fat and keep muscle (moderate deficit)",
            ),
        ),
        NumberField(
            "body_fat_percent",
            "Body fat (%)",
            "a body fat percentage",
            help="Adds a second BMR estimate from your lean mass.",
            required=False,
            bounds=Bounds(3, 60, 0.1),
            unit_text="%",
        ),
    ),
)


@dataclass(frozen=True)
class EnergyResult(Result):
    """BMR, TDEE and a daily calorie target with the weekly weight change to expect.

    ``bmr_katch_mcardle_kcal`` and ``lean_mass_kg`` are None unless body fat was given.
    ``weekly_change_kg`` is negative when losing.
    """

    sex: str
    age: int
    weight_kg: float
    height_cm: float
    activity: str
    activity_factor: float
    goal: str
    bmr_kcal: int
    bmr_katch_mcardle_kcal: int | None
    lean_mass_kg: float | None
    tdee_kcal: int
    target_kcal: Range
    weekly_change_kg: Range
    weekly_change_percent: Range

    def figures_json(self) -> dict[str, Any]:
        """The bridge's ``result`` object, without the tail every result shares."""
        return {
            "sex": self.sex,
            "age": self.age,
            "weight_kg": round_half_up(self.weight_kg, 1),
            "height_cm": round_half_up(self.height_cm, 1),
            "activity": self.activity,
            "activity_factor": self.activity_factor,
            "goal": self.goal,
            "bmr_kcal": self.bmr_kcal,
            "bmr_katch_mcardle_kcal": self.bmr_katch_mcardle_kcal,
            "lean_mass_kg": (
                None if self.lean_mass_kg is None else round_half_up(self.lean_mass_kg, 1)
            ),
            "tdee_kcal": self.tdee_kcal,
            "target_kcal": self.target_kcal.to_json(),
            "weekly_change_kg": self.weekly_change_kg.to_json(),
            "weekly_change_percent": self.weekly_change_percent.to_json(),
        }


@dataclass(frozen=True)
class _Sums:
    """The unrounded sums: TDEE, the targets and the weekly change in kg and in %."""

    tdee: float
    targets: tuple[float, ...]
    change: tuple[float, ...]
    percent: tuple[float, ...]

    @property
    def past_deficit_line(self) -> bool:
        """Whether the target's deficit is past the one that stopped lean mass gains."""
        return self.tdee - self.targets[1] > DEFICIT_KCAL.value


def _warnings(sex: str, goal: str, bmr: int, target: Range, sums: _Sums) -> tuple[str, ...]:
    """What the answer warns about: a target under BMR or the floor, or a loss too fast."""
    percent_exact = sums.percent
    warnings: list[str] = []
    floor = FLOOR_KCAL[sex]
    if target.target < bmr:
        warnings.append(
            f"Your target ({format_whole(target.target)} kcal) is below your estimated BMR "
            f"({format_whole(bmr)} kcal). Eating less than your body uses at rest makes "
            "keeping muscle harder: aim nearer the top of the range, and check that the "
            "activity level you chose is right."
        )
    elif target.low < bmr:
        warnings.append(
            f"The low end of the range ({format_whole(target.low)} kcal) is below your "
            f"estimated BMR ({format_whole(bmr)} kcal). Stay nearer the top of the range to "
            "protect muscle."
        )
    if target.low < floor:
        which = "Your target" if target.target < floor else "The low end of the range"
        warnings.append(
            f"{which} is under about {format_whole(floor)} kcal a day. Below this it is hard "
            "to get enough protein, vitamins and minerals: do not eat this little without a "
            "doctor or registered dietitian."
        )
    if goal == "lose" and -percent_exact[1] > WEEKLY_LOSS_HIGH.value:
        warnings.append(
            f"At the target you would lose about {format_decimal(-percent_exact[1], 1)}% of "
            f"your body weight a week. Faster than about {format_decimal(WEEKLY_LOSS_HIGH.value)}"
            "% a week risks losing muscle: aim nearer the top of the range."
        )
    warnings.append(ALWAYS_WARNING)
    return tuple(warnings)


def _notes(goal: str, change: Range, katch: int | None, sums: _Sums) -> tuple[str, ...]:
    """How to read and adjust the answer; for a deficit past :data:`DEFICIT_KCAL`, that it keeps
    muscle rather than builds it."""
    tdee_exact, targets_exact = sums.tdee, sums.targets
    change_exact, percent_exact = sums.change, sums.percent
    notes: list[str] = [
        "Equations like this one are right for most people only to within about 10%. Keep "
        "to the target for 2-3 weeks, watch your weight, and adjust by 100-200 kcal a day."
    ]
    if goal == "build":
        notes.append(
            f"Aim to gain about {format_decimal(change.low, 2)}-{format_decimal(change.high, 2)}"
            f" kg a week ({format_decimal(BUILD_WEEKLY_PERCENT[0], 2)}-"
            f"{format_decimal(BUILD_WEEKLY_PERCENT[2], 2)}% of body weight, Iraki et al. 2019). "
            "If you gain faster, "
            "eat a little less; if the scale has not moved in 2-3 weeks, eat a little more."
        )
    elif goal == "lose":
        deficit = tdee_exact - targets_exact[1]
        notes.append(
            f"The target is a deficit of about {format_whole(deficit)} kcal a day, roughly "
            f"{format_decimal(-change_exact[1], 2)} kg a week "
            f"({format_decimal(-percent_exact[1], 1)}% of body weight). Losing about "
            f"{format_decimal(WEEKLY_LOSS_LOW.value)}-{format_decimal(WEEKLY_LOSS_HIGH.value)}% "
            "a week helps keep muscle (Helms et al. 2014), and loss slows as your body adapts "
            "(Hall 2008)."
        )
        if sums.past_deficit_line:
            notes.append(
                f"This deficit is more than the about {format_whole(DEFICIT_KCAL.value)} kcal a "
                "day that, on average, stopped lean mass gains in trials "
                f"({DEFICIT_KCAL.cite}). While you lose fat, expect to keep muscle rather "
                "than build it; to build, eat at maintenance or a small surplus."
            )
    else:
        notes.append(
            "Day-to-day swings of a kg or so are water and food, not fat or muscle: judge by "
            "the trend over a few weeks."
        )
    if katch is not None:
        notes.append(
            f"From your lean mass, the Katch-McArdle equation gives a BMR of "
            f"{format_whole(katch)} kcal. It can suit very lean or very muscular people "
            "better; the targets here use Mifflin-St Jeor."
        )
    notes.append("Eat enough protein as well: the protein calculator shows how much.")

    return tuple(notes)


def _method_and_sources(
    goal: str, katch: int | None, sums: _Sums
) -> tuple[str, tuple[Source, ...]]:
    """The method text for this goal, and the studies it cites."""
    method_parts = [BMR_METHOD, GOAL_METHODS[goal]]
    if goal != "build":
        method_parts.append(KCAL_RULE_METHOD)
    if katch is not None:
        method_parts.append(KATCH_METHOD)
    sources: list[Source] = [MIFFLIN_1990]
    if goal == "build":
        sources.append(IRAKI_2019)
    if goal == "lose":
        sources.append(HELMS_2014_CONTEST)
    if goal != "build":
        sources.append(HALL_2008)
    if sums.past_deficit_line:
        sources.append(MURPHY_KOEHLER_2022)

    return " ".join(method_parts), tuple(sources)


def compute_energy(values: Values) -> EnergyResult:
    """The energy result for checked form values (weight in kg, height in cm)."""
    sex = values.choice("sex")
    age = values.whole("age")
    height = values.number("height")
    weight = values.number("weight")
    activity = values.choice("activity")
    goal = values.choice("goal")
    body_fat = values.optional("body_fat_percent")

    bmr_exact = mifflin_st_jeor_bmr(sex, age, height, weight)
    factor = ACTIVITY_FACTORS[activity]
    tdee_exact = bmr_exact * factor
    multipliers = GOAL_MULTIPLIERS[goal]
    targets_exact = tuple(tdee_exact * m for m in multipliers)
    if goal == "build":
        change_exact = tuple(weight * percent / 100 for percent in BUILD_WEEKLY_PERCENT)
    else:
        change_exact = tuple((kcal - tdee_exact) * 7 / KCAL_PER_KG for kcal in targets_exact)
    percent_exact = tuple(kg / weight * 100 for kg in change_exact)

    lean_mass = None if body_fat is None else weight * (1 - body_fat / 100)
    katch = None if lean_mass is None else round_whole(katch_mcardle_bmr(lean_mass))

    sums = _Sums(tdee_exact, targets_exact, change_exact, percent_exact)
    bmr = round_whole(bmr_exact)
    target = Range(*(round_whole(kcal) for kcal in targets_exact))
    change = Range(*(round_half_up(kg, 2) for kg in change_exact))
    percent = Range(*(round_half_up(p, 2) for p in percent_exact))
    method, sources = _method_and_sources(goal, katch, sums)

    return EnergyResult(
        sex=sex,
        age=age,
        weight_kg=weight,
        height_cm=height,
        activity=activity,
        activity_factor=factor,
        goal=goal,
        bmr_kcal=bmr,
        bmr_katch_mcardle_kcal=katch,
        lean_mass_kg=lean_mass,
        tdee_kcal=round_whole(tdee_exact),
        target_kcal=target,
        weekly_change_kg=change,
        weekly_change_percent=percent,
        method=method,
        notes=_notes(goal, change, katch, sums),
        warnings=_warnings(sex, goal, bmr, target, sums),
        sources=sources,
    )


def energy_needs(
    sex: str,
    age: int,
    height_cm: float,
    weight_kg: float,
    activity: str = "moderate",
    goal: str = "build",
    *,
    body_fat_percent: float | None = None,
) -> EnergyResult:
    """BMR, TDEE and a calorie target for an adult.

    Raises :class:`musclecalc.InputError` for values out of range (age 18-100, height
    120-230 cm, weight 30-300 kg, body fat 3-60 %) or unknown choices.

    >>> result = energy_needs("female", 30, 175, 70, "moderate", "maintain")
    >>> result.bmr_kcal, result.tdee_kcal          # 1482.75; x 1.55 = 2298.26
    (1483, 2298)
    >>> result.target_kcal                         # 95 % / 100 % / 105 % of TDEE
    Range(low=2183, target=2298, high=2413)
    """
    values = read_form(
        ENERGY_FORM,
        {
            "sex": sex,
            "age": age,
            "height": height_cm,
            "height_unit": "cm",
            "weight": weight_kg,
            "weight_unit": "kg",
            "activity": activity,
            "goal": goal,
            "body_fat_percent": body_fat_percent,
        },
    )
    return compute_energy(values)


_ENERGY_GOAL_WORDS = {
    "build": "To build muscle",
    "maintain": "To keep your weight steady",
    "lose": "To lose fat and keep muscle",
}


def _weekly_change_text(result: EnergyResult) -> str:
    change = result.weekly_change_kg
    if result.goal == "build":
        return (
            f"gain about {format_decimal(change.low, 2)}-{format_decimal(change.high, 2)} kg a week"
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
    range_text = f"{format_whole(target.low)}-{kcal(target.high)}"
    facts = [
        Fact("Daily target", f"{kcal(target.target)} ({range_text})"),
        Fact("Maintenance (TDEE)", kcal(result.tdee_kcal)),
        Fact("BMR (Mifflin-St Jeor)", kcal(result.bmr_kcal)),
    ]
    if result.bmr_katch_mcardle_kcal is not None:
        facts.append(Fact("BMR (Katch-McArdle)", kcal(result.bmr_katch_mcardle_kcal)))
    facts += [
        Fact(
            "Activity factor",
            f"{format_decimal(result.activity_factor, 3)} ({ACTIVITY_LABELS[result.activity]})",
        ),
        Fact("Expected change", _weekly_change_text(result)),
        Fact("Body weight", as_entered(values, "weight", "weight_unit", "kg")),
        Fact("Height", as_entered(values, "height", "height_unit", "cm")),
    ]
    bars = [
        Bar("BMR", result.bmr_kcal, kcal(result.bmr_kcal)),
        Bar("TDEE", result.tdee_kcal, kcal(result.tdee_kcal)),
        Bar(
            "Target",
            target.target,
            kcal(target.target),
            kind="productive",
            band=(target.low, target.high),
        ),
    ]
    description = (
        f"Bar chart of kcal a day: BMR {kcal(result.bmr_kcal)}, TDEE "
        f"{kcal(result.tdee_kcal)}, and a target of {kcal(target.target)} with its range, "
        f"{range_text}, shaded behind it."
    )
    svg = bar_chart(
        "mc-energy-chart",
        "Daily energy: BMR, TDEE and your target",
        description,
        bars,
        axis_label="kcal a day",
        legend=(LegendItem("band", f"target range {range_text}"),),
    )
    return Display(
        summary=(
            f"{_ENERGY_GOAL_WORDS[result.goal]}, aim for about {kcal(target.target)} a day "
            f"({range_text})."
        ),
        facts=tuple(facts),
        chart=Chart(svg, description),
        warnings=result.warnings,
        notes=result.notes,
        method=result.method,
        sources=tuple(source.citation() for source in result.sources),
    )


ENERGY: Final = Calculator(ENERGY_FORM, compute_energy, present_energy)
