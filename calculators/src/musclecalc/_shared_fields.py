"""Fields more than one calculator asks for, defined once so their bounds, messages and values
are the same on every form and in every shared link.

>>> AGE_BOUNDS.minimum, AGE_BOUNDS.maximum
(18, 100)
>>> [option.value for option in goal_field("").options]
['maintain', 'build', 'lose']
"""

from __future__ import annotations

from dataclasses import replace
from typing import Final

from ._fields import Bounds, ChoiceField, NumberField, Option, UnitField, UnitOption

__all__ = [
    "AGE_BOUNDS",
    "BODY_WEIGHT_FIELDS",
    "HEIGHT_FIELDS",
    "age_field",
    "goal_field",
    "optional_body_weight_fields",
    "weight_change_fields",
]

#: Body weight and its unit. The number arrives in kg whichever unit was typed.
BODY_WEIGHT_FIELDS: Final[tuple[NumberField, UnitField]] = (
    NumberField(
        "weight",
        "Body weight",
        "a body weight",
        help="Your body weight today.",
        default=70,
        unit_field="weight_unit",
    ),
    UnitField(
        "weight_unit",
        "Weight unit",
        for_field="weight",
        default="kg",
        options=(UnitOption("kg", 30, 300), UnitOption("lb", 66, 660)),
    ),
)


#: Height and its unit. The number arrives in cm whichever unit was typed; feet and inches
#: typed in the field ("5'9", "5 ft 9") are read as inches (:mod:`._reading`).
HEIGHT_FIELDS: Final[tuple[NumberField, UnitField]] = (
    NumberField(
        "height",
        "Height",
        "a height",
        help="Your height without shoes. In feet and inches, type it as 5'9 or 5 ft 9.",
        default=170,
        unit_field="height_unit",
    ),
    UnitField(
        "height_unit",
        "Height unit",
        for_field="height",
        default="cm",
        options=(UnitOption("cm", 120, 230), UnitOption("in", 47, 91)),
    ),
)


def optional_body_weight_fields(help_text: str) -> tuple[NumberField, UnitField]:
    """Body weight and its unit as in :data:`BODY_WEIGHT_FIELDS`, but optional and blank
    unless given: the same units and bounds, no default.

    >>> weight, unit = optional_body_weight_fields("If you know it.")
    >>> weight.required, weight.default, unit.option("lb").maximum
    (False, None, 660)
    """
    weight, unit = BODY_WEIGHT_FIELDS
    return replace(weight, help=help_text, required=False, default=None), unit


#: One age rule for every calculator: adults, up to an age the equations have some data for.
AGE_BOUNDS: Final = Bounds(18, 100, 1)
_UNDER_AGE: Final = (
    "This calculator is for adults aged 18 and over. For anyone younger, ask a doctor or "
    "registered dietitian."
)


def age_field(help_text: str, *, default: int | None = None) -> NumberField:
    """The age field; optional unless it has a default."""
    return NumberField(
        "age",
        "Age (years)",
        "an age",
        help=help_text,
        required=default is not None,
        default=default,
        bounds=AGE_BOUNDS,
        unit_text=" years",
        below_minimum=_UNDER_AGE,
    )


#: ``cut`` was the protein calculator's word for ``lose``; old links that carry it still open.
_GOAL_ALIASES: Final = (("cut", "lose"),)


def goal_field(help_text: str, labels: tuple[str, str, str] | None = None) -> ChoiceField:
    """The goal field, with labels for ``maintain``, ``build`` and ``lose`` in that order."""
    maintain, build, lose = labels or (
        "Keep the muscle I have",
        "Build muscle",
        "Lose fat and keep muscle",
    )
    return ChoiceField(
        "goal",
        "Your goal",
        "your goal",
        help=help_text,
        default="build",
        options=(Option("maintain", maintain), Option("build", build), Option("lose", lose)),
        aliases=_GOAL_ALIASES,
    )


def weight_change_fields(skip: str, skip_label: str) -> tuple[ChoiceField, NumberField]:
    """Weight change a week as a direction and an amount, in the unit of the body weight: an
    iPhone's decimal keypad has no minus key, so no one types -0.5. The value read is signed
    (losing 0.5 is -0.5, steady is 0); ``skip`` is the direction's "not sure" option, with
    which the amount stays unknown. A link made when the amount had its sign still opens:
    ``weight_change_per_week=-0.5`` with no direction reads as losing 0.5.

    >>> trend, change = weight_change_fields("unsure", "Not sure")
    >>> [option.value for option in trend.options], change.signed_by
    (['unsure', 'losing', 'steady', 'gaining'], 'weight_trend')
    """
    trend = ChoiceField(
        "weight_trend",
        "Your weight over the last few weeks",
        "whether your weight is going down, staying steady or going up",
        help="From your scale, or from how your clothes fit.",
        default=skip,
        options=(
            Option(skip, skip_label),
            Option("losing", "Losing weight"),
            Option("steady", "Steady"),
            Option("gaining", "Gaining weight"),
        ),
    )
    change = NumberField(
        "weight_change_per_week",
        "How much a week (same unit as your weight)",
        "a weekly weight change",
        help="About how much you lose or gain a week, for example 0.5.",
        required=False,
        bounds=Bounds(0, 5, 0.1),
        unit_text=" a week",
        signed_by=trend.name,
    )
    return trend, change
