"""The energy calculator's equations and factors, and the method text that states them.

BMR uses the Mifflin-St Jeor equation in its commonly used rounded form::

    10 x kg + 6.25 x cm - 5 x age + 5    (men)
    10 x kg + 6.25 x cm - 5 x age - 161  (women)

TDEE = BMR x activity factor. Targets are percentages of TDEE:

=========  =====  ======  =====
goal       low    target  high
=========  =====  ======  =====
lose       75 %   80 %    90 %
maintain   95 %   100 %   105 %
build      110 %  115 %   120 %
=========  =====  ======  =====
"""

from __future__ import annotations

from typing import Final

from ._numbers import format_decimal, format_whole
from ._thresholds import WEEKLY_LOSS_HIGH, WEEKLY_LOSS_LOW

__all__ = [
    "ACTIVITY_FACTORS",
    "BMR_METHOD",
    "BUILD_WEEKLY_PERCENT",
    "FLOOR_KCAL",
    "GOAL_METHODS",
    "GOAL_MULTIPLIERS",
    "KATCH_METHOD",
    "KCAL_PER_KG",
    "KCAL_RULE_METHOD",
    "katch_mcardle_bmr",
    "mifflin_st_jeor_bmr",
]

ACTIVITY_FACTORS: Final[dict[str, float]] = {
    "sedentary": 1.2,
    "light": 1.375,
    "moderate": 1.55,
    "very": 1.725,
    "extra": 1.9,
}
#: Target as a share of TDEE: (low, target, high) for each goal.
GOAL_MULTIPLIERS: Final[dict[str, tuple[float, float, float]]] = {
    "lose": (0.75, 0.80, 0.90),
    "maintain": (0.95, 1.0, 1.05),
    "build": (1.10, 1.15, 1.20),
}
#: Weekly gain aimed at when building, in % of body weight (Iraki et al. 2019).
BUILD_WEEKLY_PERCENT: Final = (0.25, 0.375, 0.5)
#: The usual approximation of the energy in a kg of body weight change.
KCAL_PER_KG: Final = 7700
#: Below these daily intakes it is hard to meet nutrient needs without supervision.
FLOOR_KCAL: Final[dict[str, int]] = {"female": 1200, "male": 1500}


def _percent(multiplier: float) -> str:
    """How far a share of TDEE is from TDEE, in % (1.15 and 0.85 both give ``"15"``)."""
    return format_decimal(abs(multiplier - 1) * 100, 1)


def _span(low: float, high: float, places: int = 2) -> str:
    return f"{format_decimal(low, places)}-{format_decimal(high, places)}"


_SURPLUS: Final = GOAL_MULTIPLIERS["build"]
_DEFICIT: Final = GOAL_MULTIPLIERS["lose"]
_BUILD_AIM: Final = _span(BUILD_WEEKLY_PERCENT[0], BUILD_WEEKLY_PERCENT[2])

BMR_METHOD: Final = (
    "BMR (the energy your body uses at rest) comes from the Mifflin-St Jeor equation "
    "(Mifflin et al. 1990) in its commonly used rounded form: 10 × weight in kg + 6.25 × "
    "height in cm − 5 × age in years, then + 5 for men or − 161 for women. The 1990 paper "
    "gives unrounded coefficients (such as 9.99 for weight and 4.92 for age), so results "
    "can differ from it by a few kcal. Daily needs (TDEE) = BMR × activity factor, from "
    f"{format_decimal(ACTIVITY_FACTORS['sedentary'], 3)} (sedentary) to "
    f"{format_decimal(ACTIVITY_FACTORS['extra'], 3)} (extra active)."
)
#: The method text for each goal; every figure is read from the constants above.
GOAL_METHODS: Final[dict[str, str]] = {
    "build": (
        f"To build muscle: {_percent(_SURPLUS[0])}-{_percent(_SURPLUS[2])}% above TDEE, aiming "
        f"at {_percent(_SURPLUS[1])}%, the surplus Iraki et al. (2019) suggest for gaining "
        f"about {_BUILD_AIM}% of body weight a week with little extra fat. The weekly change "
        f"shown is that {_BUILD_AIM}% aim (midpoint as the target) rather than a sum from the "
        "surplus, because how much of a surplus becomes muscle varies."
    ),
    "maintain": (
        f"To maintain: your TDEE, with {_percent(GOAL_MULTIPLIERS['maintain'][2])}% either side "
        "because the estimate is only a starting point."
    ),
    "lose": (
        f"To lose fat: {_percent(_DEFICIT[2])}-{_percent(_DEFICIT[0])}% below TDEE, aiming at "
        f"{_percent(_DEFICIT[1])}%. No study gives these percentages: they are the site's "
        "judgement of a moderate deficit that lands most people in the "
        f"{_span(WEEKLY_LOSS_LOW.value, WEEKLY_LOSS_HIGH.value, 1)}% of body weight a week "
        "Helms et al. (2014) suggest for keeping muscle, and keeps muscle better than a crash "
        "diet."
    ),
}
KCAL_RULE_METHOD: Final = (
    f"Weekly change = daily surplus or deficit × 7 / {format_whole(KCAL_PER_KG)}, using the "
    f"usual approximation that a kg of body weight holds about {format_whole(KCAL_PER_KG)} "
    "kcal; real change drifts from this over time (Hall 2008)."
)
KATCH_METHOD: Final = (
    "With body fat given, the Katch-McArdle equation (370 + 21.6 × lean mass in kg) is "
    "shown for comparison; the targets still use Mifflin-St Jeor."
)


def mifflin_st_jeor_bmr(sex: str, age: float, height_cm: float, weight_kg: float) -> float:
    """BMR in kcal a day, Mifflin-St Jeor in its commonly used rounded form.

    >>> mifflin_st_jeor_bmr("female", 30, 175, 70)   # 700 + 1093.75 - 150 - 161
    1482.75
    >>> mifflin_st_jeor_bmr("male", 40, 180, 80)     # 800 + 1125 - 200 + 5
    1730.0
    """
    return 10 * weight_kg + 6.25 * height_cm - 5 * age + (5 if sex == "male" else -161)


def katch_mcardle_bmr(lean_mass_kg: float) -> float:
    """BMR in kcal a day from lean (fat-free) mass: 370 + 21.6 x lean mass.

    >>> katch_mcardle_bmr(64)   # 370 + 1382.4
    1752.4
    """
    return 370 + 21.6 * lean_mass_kg
