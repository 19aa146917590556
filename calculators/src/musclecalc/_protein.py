"""Daily and per-meal protein for keeping or building muscle.

Bands in grams per kg of body weight a day:

=========  =====  ======  =====  ===============================================
goal       low    target  high   basis
=========  =====  ======  =====  ===============================================
maintain   1.2    1.4     1.6    ISSN position stand, lower part (Jäger 2017)
build      1.6    1.8     2.2    Morton 2018 plateau 1.62, 95% CI up to 2.20
lose       1.8    2.2     2.7    Helms 2014 (2.3-3.1 g/kg lean mass) in body weight
=========  =====  ======  =====  ===============================================

When losing fat with a known body fat percentage, the band is 2.3 / 2.7 / 3.1 g per kg of lean
(fat-free) mass instead (Helms et al. 2014).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

from ._calculator import Calculator
from ._display import Display, Fact, as_entered, grams
from ._fields import Bounds, Form, NumberField
from ._numbers import format_decimal, format_whole, round_half_up, round_whole
from ._reading import Values, read_form
from ._results import Range, Result
from ._shared_fields import BODY_WEIGHT_FIELDS, age_field, goal_field
from ._sources import (
    BAUER_2013,
    HELMS_2014_PROTEIN,
    JAGER_2017,
    MORTON_2018,
    SCHOENFELD_ARAGON_2018,
)
from ._thresholds import (
    ISSN_RANGE,
    LEAN_MASS_CUT_BAND,
    OLDER_AGE,
    OLDER_DAILY_MINIMUM,
    OLDER_MEAL_GRAMS,
    PLATEAU_INTERVAL,
    PROTEIN_BANDS,
)

__all__ = [
    "PROTEIN",
    "PROTEIN_FORM",
    "ProteinResult",
    "compute_protein",
    "present_protein",
    "protein_needs",
]

#: g per kg of body weight a day: (low, target, high) for each goal, from the one band table
#: the self-check reads too (:data:`._thresholds.PROTEIN_BANDS`).
BODY_WEIGHT_BANDS: Final[dict[str, tuple[float, float, float]]] = {
    goal: (band.low, band.target, band.high) for goal, band in PROTEIN_BANDS.items()
}
#: g per kg of lean mass a day when losing fat (Helms et al. 2014), from the same table.
LEAN_MASS_BAND: Final = (LEAN_MASS_CUT_BAND.low, LEAN_MASS_CUT_BAND.target, LEAN_MASS_CUT_BAND.high)
#: g per kg of body weight per meal for the most muscle building per meal, over at least
#: :data:`SPREAD_MEALS` meals (Schoenfeld & Aragon 2018).
GOOD_MEAL_G_PER_KG: Final = 0.4
SPREAD_MEALS: Final = 4
#: Per-meal servings below this (g/kg) stimulate muscle building less.
SMALL_MEAL_G_PER_KG: Final = 0.25
#: Fewer meals a day than this get a note to spread protein out.
FEW_MEALS: Final = 3
OLDER_ADULT_AGE: Final = int(OLDER_AGE.value)

ALWAYS_WARNING: Final = (
    "This is general advice for healthy adults. It is not for people with kidney disease, "
    "people who are pregnant or breastfeeding, or anyone under 18: see a doctor or "
    "registered dietitian first."
)

PROTEIN_FORM: Final = Form(
    name="protein",
    title="Protein calculator",
    summary="How much protein to eat each day, and at each meal, to keep or build muscle.",
    fields=(
        *BODY_WEIGHT_FIELDS,
        goal_field("Eating less to lose fat needs more protein to protect muscle."),
        NumberField(
            "meals",
            "Meals a day",
            "a number of meals a day",
            help="Meals or protein-rich snacks you eat in a day.",
            required=False,
            default=4,
            bounds=Bounds(1, 8, 1),
        ),
        age_field("From 65 the answer adds advice for older muscle."),
        NumberField(
            "body_fat_percent",
            "Body fat (%)",
            "a body fat percentage",
            help="When losing fat, protein is then worked out from your lean mass.",
            required=False,
            bounds=Bounds(3, 60, 0.1),
            unit_text="%",
        ),
    ),
)


@dataclass(frozen=True)
class ProteinResult(Result):
    """Protein for a day and per meal.

    ``grams_per_kg`` is always per kg of body weight; when losing fat, worked out from lean mass,
    ``grams_per_kg_lean_mass`` holds the lean-mass band too.
    """

    goal: str
    weight_kg: float
    basis: str
    lean_mass_kg: float | None
    daily_grams: Range
    grams_per_kg: Range
    grams_per_kg_lean_mass: Range | None
    per_meal_grams: int
    per_meal_grams_per_kg: float
    meals: int
    age: int | None

    def figures_json(self) -> dict[str, Any]:
        """The bridge's ``result`` object, without the tail every result shares."""
        return {
            "goal": self.goal,
            "weight_kg": round_half_up(self.weight_kg, 1),
            "basis": self.basis,
            "lean_mass_kg": (
                None if self.lean_mass_kg is None else round_half_up(self.lean_mass_kg, 1)
            ),
            "daily_grams": self.daily_grams.to_json(),
            "grams_per_kg": self.grams_per_kg.to_json(),
            "grams_per_kg_lean_mass": (
                None
                if self.grams_per_kg_lean_mass is None
                else self.grams_per_kg_lean_mass.to_json()
            ),
            "per_meal_grams": self.per_meal_grams,
            "per_meal_grams_per_kg": self.per_meal_grams_per_kg,
            "meals": self.meals,
        }


def _band_text(band: tuple[float, float, float], per: str) -> str:
    low, target, high = (format_decimal(x, 2) for x in band)
    return f"{low}-{high} g per kg of {per} a day, aiming for {target} g/kg"


def _span(pair: tuple[float, float], places: int = 1) -> str:
    """Two figures of a source as it writes them, with a fixed number of decimals.

    >>> _span((1.4, 2.0)), _span((1.03, 2.2), 2)
    ('1.4-2.0', '1.03-2.20')
    """
    return f"{pair[0]:.{places}f}-{pair[1]:.{places}f}"


def _method(goal: str, lean_mass: bool) -> str:
    """The method text; every figure in it is read from the constants (a test checks)."""
    issn = f"{_span(ISSN_RANGE)} g/kg"
    if goal == "maintain":
        text = (
            f"Keeping muscle: {_band_text(BODY_WEIGHT_BANDS['maintain'], 'body weight')}. "
            f"This runs from a little under to the middle of the {issn} that the "
            "International Society of Sports Nutrition gives for people who exercise "
            "(Jäger et al. 2017), and aims at its lower end, enough for most people to keep "
            "the muscle they have."
        )
    elif goal == "build":
        low, target, high = (format_decimal(x, 2) for x in BODY_WEIGHT_BANDS["build"])
        text = (
            f"Building muscle: {_band_text(BODY_WEIGHT_BANDS['build'], 'body weight')}. "
            "In the meta-analysis by Morton et al. (2018), extra protein stopped adding "
            f"measurable muscle at about {low} g/kg a day on average (95% confidence interval "
            f"{_span(PLATEAU_INTERVAL, 2)}), so {low} is the low end and {high}, the top of "
            f"that interval, covers people who need more. The target, {target} g/kg, sits a "
            "little above the average plateau so that most people are past their own, and "
            f"inside the {issn} of the ISSN position stand (Jäger et al. 2017)."
        )
    elif lean_mass:
        text = (
            f"Losing fat: {_band_text(LEAN_MASS_BAND, 'lean (fat-free) mass')}, the "
            "range Helms et al. (2014) found protects muscle best in a calorie deficit. "
            "Lean mass = body weight × (1 − body fat % / 100)."
        )
    else:
        lean = _span((LEAN_MASS_BAND[0], LEAN_MASS_BAND[2]))
        body = _span((BODY_WEIGHT_BANDS["lose"][0], BODY_WEIGHT_BANDS["lose"][2]))
        text = (
            f"Losing fat: {_band_text(BODY_WEIGHT_BANDS['lose'], 'body weight')}. In a "
            f"calorie deficit, more protein protects muscle: Helms et al. (2014) recommend "
            f"{lean} g per kg of lean (fat-free) mass, which for most people is roughly "
            f"{body} g per kg of body weight."
        )
    return text + " Protein per meal = daily target ÷ meals a day."


def _notes(
    goal: str,
    weight: float,
    meals: int,
    older: bool,
    body_fat: float | None,
    per_meal: int,
    per_meal_per_kg: float,
) -> tuple[str, ...]:
    """The notes under a protein answer; every figure in them is read from the constants."""
    good = format_decimal(GOOD_MEAL_G_PER_KG, 2)
    good_meal = round_whole(GOOD_MEAL_G_PER_KG * weight)
    notes: list[str] = []
    if older:
        notes.append(
            f"From about {OLDER_ADULT_AGE}, muscle responds less to small servings of protein, "
            f"so make each meal count: about {good} g/kg per meal, which is about {good_meal} g "
            "for you. The PROT-AGE group recommends at least "
            f"{_span(OLDER_DAILY_MINIMUM)} g/kg a day for healthy older adults, with "
            f"{_span(OLDER_MEAL_GRAMS, 0)} g of protein per meal (Bauer et al. 2013)."
        )
    else:
        notes.append(
            "To get the most muscle building from each meal, Schoenfeld and Aragon (2018) "
            f"suggest about {good} g/kg per meal (about {good_meal} g for you) over at least "
            f"{SPREAD_MEALS} meals."
        )
    if meals < FEW_MEALS:
        notes.append(
            f"With only {meals} {'meal' if meals == 1 else 'meals'} a day each serving is "
            f"large. Spreading protein over at least {FEW_MEALS}-{SPREAD_MEALS} meals uses it "
            "better for muscle."
        )
    if per_meal_per_kg < SMALL_MEAL_G_PER_KG:
        notes.append(
            f"Over {meals} meals, each has only about {per_meal} g "
            f"({format_decimal(per_meal_per_kg, 2)} g/kg). Servings under about "
            f"{format_decimal(SMALL_MEAL_G_PER_KG, 2)} g/kg stimulate muscle building less than "
            "larger ones, so fewer, larger protein servings may work better."
        )
    if goal == "lose" and body_fat is None:
        notes.append(
            "If you know your body fat percentage, enter it: when losing fat, protein is then "
            "worked out from your lean mass (Helms et al. 2014)."
        )
    if goal != "lose" and body_fat is not None:
        notes.append(
            "Body fat is only used when losing fat, where protein is worked out from lean mass; "
            "this goal uses body weight."
        )
    return tuple(notes)


def compute_protein(values: Values) -> ProteinResult:
    """The protein result for checked form values (weight in kg)."""
    weight = values.number("weight")
    goal = values.choice("goal")
    meals = values.whole("meals")
    age_value = values.optional("age")
    age = None if age_value is None else int(age_value)
    body_fat = values.optional("body_fat_percent")

    lean_mass = None if body_fat is None else weight * (1 - body_fat / 100)
    if goal == "lose" and lean_mass is not None:
        basis = "lean_mass"
        daily_exact = tuple(lean_mass * factor for factor in LEAN_MASS_BAND)
        per_kg = Range(*(round_half_up(grams / weight, 2) for grams in daily_exact))
        per_kg_lean: Range | None = Range(*LEAN_MASS_BAND)
    else:
        basis = "body_weight"
        daily_exact = tuple(weight * factor for factor in BODY_WEIGHT_BANDS[goal])
        per_kg = Range(*BODY_WEIGHT_BANDS[goal])
        per_kg_lean = None
    target_exact = daily_exact[1]
    per_meal_exact = target_exact / meals
    per_meal = round_whole(per_meal_exact)
    per_meal_per_kg = per_meal_exact / weight
    older = age is not None and age >= OLDER_ADULT_AGE
    notes = _notes(goal, weight, meals, older, body_fat, per_meal, per_meal_per_kg)

    sources = [JAGER_2017, MORTON_2018, SCHOENFELD_ARAGON_2018]
    if goal == "lose":
        sources.append(HELMS_2014_PROTEIN)
    if older:
        sources.append(BAUER_2013)

    return ProteinResult(
        goal=goal,
        weight_kg=weight,
        basis=basis,
        lean_mass_kg=lean_mass,
        daily_grams=Range(*(round_whole(grams) for grams in daily_exact)),
        grams_per_kg=per_kg,
        grams_per_kg_lean_mass=per_kg_lean,
        per_meal_grams=per_meal,
        per_meal_grams_per_kg=round_half_up(per_meal_per_kg, 2),
        meals=meals,
        age=age,
        method=_method(goal, basis == "lean_mass"),
        notes=notes,
        warnings=(ALWAYS_WARNING,),
        sources=tuple(sources),
    )


def protein_needs(
    weight_kg: float,
    goal: str = "build",
    *,
    meals: int = 4,
    age: float | None = None,
    body_fat_percent: float | None = None,
) -> ProteinResult:
    """Daily and per-meal protein for an adult who trains.

    Raises :class:`musclecalc.InputError` for values out of range (weight 30-300 kg, meals
    1-8, age 18-100, body fat 3-60 %), naming the fields as the web form does.

    >>> result = protein_needs(70, "build")     # 1.6 / 1.8 / 2.2 g/kg x 70 kg
    >>> result.daily_grams
    Range(low=112, target=126, high=154)
    >>> result.per_meal_grams                   # 126 g / 4 meals = 31.5 g
    32
    >>> protein_needs(80, "lose", body_fat_percent=20).daily_grams   # 64 kg lean mass
    Range(low=147, target=173, high=198)
    """
    values = read_form(
        PROTEIN_FORM,
        {
            "weight": weight_kg,
            "weight_unit": "kg",
            "goal": goal,
            "meals": meals,
            "age": age,
            "body_fat_percent": body_fat_percent,
        },
    )
    return compute_protein(values)


def present_protein(result: ProteinResult, values: Values) -> Display:
    """The page text for a protein result."""
    daily, per_kg = result.daily_grams, result.grams_per_kg
    facts = [
        Fact(
            "Daily protein",
            f"{grams(daily.target)} ({format_whole(daily.low)}-{grams(daily.high)})",
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
            f"{grams(result.per_meal_grams)} at each of {result.meals} "
            f"{'meal' if result.meals == 1 else 'meals'}",
        )
    )
    facts.append(Fact("Body weight", as_entered(values, "weight", "weight_unit", "kg")))
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
            f"Aim for about {grams(daily.target)} of protein a day "
            f"({format_whole(daily.low)}-{grams(daily.high)})."
        ),
        facts=tuple(facts),
        warnings=result.warnings,
        notes=result.notes,
        method=result.method,
        sources=tuple(source.citation() for source in result.sources),
    )


PROTEIN: Final = Calculator(PROTEIN_FORM, compute_protein, present_protein)
