"""Worked examples, computed by hand (the arithmetic is written next to each value).

Rounding is half up, as a person rounds: 31.5 -> 32, 0.175 -> 0.18. Conversions are exact:
1 lb = 0.45359237 kg, 1 in = 2.54 cm. Each example lists a payload exactly as the web form
would send it and the values its ``result`` must contain, as dotted paths;
``muscles.glutes.fractional_sets`` picks the muscle by id from the ``muscles`` list.

The same payloads run under CPython in the calculator tests and under Pyodide in
test_calc_pyodide.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Worked:
    id: str
    calculator: str
    payload: dict[str, Any]
    expected: dict[str, Any]
    warnings_contain: tuple[str, ...] = ()
    notes_contain: tuple[str, ...] = ()
    summary: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def lookup(result: dict[str, Any], path: str) -> Any:
    """The value at a dotted path; list items are chosen by their "muscle" id."""
    current: Any = result
    for part in path.split("."):
        if isinstance(current, list):
            matches = [item for item in current if item.get("muscle") == part]
            assert len(matches) == 1, f"no single muscle {part!r} in {current}"
            current = matches[0]
        else:
            current = current[part]
    return current


def check_worked(reply: dict[str, Any], example: Worked) -> None:
    """Assert that a bridge reply matches every part of a worked example."""
    assert reply["ok"] is True, reply
    for path, expected in example.expected.items():
        assert lookup(reply["result"], path) == expected, path
    for fragment in example.notes_contain:
        assert any(fragment in note for note in reply["result"]["notes"]), fragment
    for fragment in example.warnings_contain:
        assert any(fragment in w for w in reply["result"]["warnings"]), fragment
    if example.summary is not None:
        assert reply["display"]["summary"] == example.summary


PROTEIN = [
    Worked(
        "protein-build-70kg",
        "protein",
        {"weight": "70", "weight_unit": "kg", "goal": "build", "meals": "4"},
        {
            "daily_grams.low": 112,  # 1.6 * 70 = 112
            "daily_grams.target": 126,  # 1.8 * 70 = 126
            "daily_grams.high": 154,  # 2.2 * 70 = 154
            "grams_per_kg.target": 1.8,
            "per_meal_grams": 32,  # 126 / 4 = 31.5 -> 32
            "per_meal_grams_per_kg": 0.45,  # 31.5 / 70 = 0.45
            "basis": "body_weight",
        },
        notes_contain=("about 28 g for you",),  # 0.4 g/kg * 70 kg = 28 g
        summary="Aim for about 126 g of protein a day (112-154 g).",
    ),
    Worked(
        "protein-build-100lb",
        "protein",
        # 100 lb * 0.45359237 = 45.359237 kg
        {"weight": 100, "weight_unit": "lb", "goal": "build"},
        {
            "daily_grams.low": 73,  # 1.6 * 45.359237 = 72.5747792 -> 73
            "daily_grams.target": 82,  # 1.8 * 45.359237 = 81.6466266 -> 82
            "daily_grams.high": 100,  # 2.2 * 45.359237 = 99.7903214 -> 100
            "per_meal_grams": 20,  # 81.6466266 / 4 (default meals) = 20.41 -> 20
            "meals": 4,
            "weight_kg": 45.4,  # 45.359237 -> 45.4
        },
    ),
    Worked(
        "protein-cut-lean-mass",
        "protein",
        # lean mass = 80 * (1 - 20 / 100) = 64 kg
        {"weight": 80, "goal": "cut", "body_fat_percent": "20"},
        {
            "basis": "lean_mass",
            "lean_mass_kg": 64.0,
            "daily_grams.low": 147,  # 2.3 * 64 = 147.2 -> 147
            "daily_grams.target": 173,  # 2.7 * 64 = 172.8 -> 173
            "daily_grams.high": 198,  # 3.1 * 64 = 198.4 -> 198
            "grams_per_kg.low": 1.84,  # 147.2 / 80 = 1.84
            "grams_per_kg.target": 2.16,  # 172.8 / 80 = 2.16
            "grams_per_kg.high": 2.48,  # 198.4 / 80 = 2.48
            "grams_per_kg_lean_mass.target": 2.7,
            "per_meal_grams": 43,  # 172.8 / 4 = 43.2 -> 43
        },
    ),
    Worked(
        "protein-cut-body-weight",
        "protein",
        {"weight": 60, "goal": "cut", "meals": 3},
        {
            "basis": "body_weight",
            "lean_mass_kg": None,
            "daily_grams.low": 108,  # 1.8 * 60 = 108
            "daily_grams.target": 132,  # 2.2 * 60 = 132
            "daily_grams.high": 162,  # 2.7 * 60 = 162
            "per_meal_grams": 44,  # 132 / 3 = 44
        },
        notes_contain=("enter it",),  # the hint to give body fat on a cut
    ),
    Worked(
        "protein-maintain-many-meals",
        "protein",
        {"weight": "60", "goal": "maintain", "meals": "8"},
        {
            "daily_grams.low": 72,  # 1.2 * 60 = 72
            "daily_grams.target": 84,  # 1.4 * 60 = 84
            "daily_grams.high": 96,  # 1.6 * 60 = 96
            "per_meal_grams": 11,  # 84 / 8 = 10.5 -> 11
            "per_meal_grams_per_kg": 0.18,  # 10.5 / 60 = 0.175 -> 0.18, under 0.25
        },
        notes_contain=("under about 0.25 g/kg",),
    ),
    Worked(
        "protein-older-adult",
        "protein",
        {"weight": 70, "goal": "maintain", "age": "70", "meals": 3},
        {
            "daily_grams.target": 98,  # 1.4 * 70 = 98
            "per_meal_grams": 33,  # 98 / 3 = 32.67 -> 33
        },
        notes_contain=("about 28 g for you", "PROT-AGE"),  # 0.4 * 70 = 28
    ),
    Worked(
        "protein-decimal-comma",
        "protein",
        {"weight": " 80,5 ", "goal": "maintain", "meals": "", "age": None},
        {
            "daily_grams.low": 97,  # 1.2 * 80.5 = 96.6 -> 97
            "daily_grams.target": 113,  # 1.4 * 80.5 = 112.7 -> 113
            "daily_grams.high": 129,  # 1.6 * 80.5 = 128.8 -> 129
            "meals": 4,  # blank means "not given": the default 4 applies
            "per_meal_grams": 28,  # 112.7 / 4 = 28.175 -> 28
        },
    ),
]

ENERGY = [
    Worked(
        "energy-woman-maintain",
        "energy",
        {
            "sex": "female",
            "age": "30",
            "height": "175",
            "height_unit": "cm",
            "weight": "70",
            "weight_unit": "kg",
            "activity": "moderate",
            "goal": "maintain",
        },
        {
            "bmr_kcal": 1483,  # 10*70 + 6.25*175 - 5*30 - 161 = 700 + 1093.75 - 150 - 161 = 1482.75
            "tdee_kcal": 2298,  # 1482.75 * 1.55 = 2298.2625
            "activity_factor": 1.55,
            "target_kcal.low": 2183,  # 0.95 * 2298.2625 = 2183.349
            "target_kcal.target": 2298,
            "target_kcal.high": 2413,  # 1.05 * 2298.2625 = 2413.176
            "weekly_change_kg.low": -0.1,  # -0.05 * 2298.2625 * 7 / 7700 = -0.1045
            "weekly_change_kg.target": 0.0,
            "weekly_change_kg.high": 0.1,
            "bmr_katch_mcardle_kcal": None,
        },
        summary="To keep your weight steady, aim for about 2,298 kcal a day (2,183-2,413 kcal).",
    ),
    Worked(
        "energy-man-lose",
        "energy",
        {
            "sex": "male",
            "age": 40,
            "height": 180,
            "weight": 80,
            "activity": "sedentary",
            "goal": "lose",
        },
        {
            "bmr_kcal": 1730,  # 10*80 + 6.25*180 - 5*40 + 5 = 800 + 1125 - 200 + 5 = 1730
            "tdee_kcal": 2076,  # 1730 * 1.2 = 2076
            "target_kcal.low": 1557,  # 0.75 * 2076 = 1557
            "target_kcal.target": 1661,  # 0.80 * 2076 = 1660.8
            "target_kcal.high": 1868,  # 0.90 * 2076 = 1868.4
            "weekly_change_kg.low": -0.47,  # -519 * 7 / 7700 = -0.4718
            "weekly_change_kg.target": -0.38,  # -415.2 * 7 / 7700 = -0.3775
            "weekly_change_kg.high": -0.19,  # -207.6 * 7 / 7700 = -0.1887
        },
        # 1661 < BMR 1730; 1557 is above the 1,500 kcal floor for men
        warnings_contain=("below your estimated BMR",),
    ),
    Worked(
        "energy-man-inches-pounds",
        "energy",
        # 176 lb * 0.45359237 = 79.83225712 kg; 70 in * 2.54 = 177.8 cm
        {
            "sex": "male",
            "age": 40,
            "height": "70",
            "height_unit": "in",
            "weight": "176",
            "weight_unit": "lb",
            "activity": "sedentary",
            "goal": "maintain",
        },
        {
            # 798.3225712 + 6.25*177.8 (1111.25) - 200 + 5 = 1714.5725712
            "bmr_kcal": 1715,
            "tdee_kcal": 2057,  # 1714.5725712 * 1.2 = 2057.487
            "target_kcal.low": 1955,  # 0.95 * 2057.487 = 1954.613
            "target_kcal.high": 2160,  # 1.05 * 2057.487 = 2160.361
            "height_cm": 177.8,
            "weight_kg": 79.8,
        },
    ),
    Worked(
        "energy-woman-build",
        "energy",
        {
            "sex": "female",
            "age": 25,
            "height": 165,
            "weight": 64,
            "activity": "light",
            "goal": "build",
        },
        {
            "bmr_kcal": 1385,  # 640 + 1031.25 - 125 - 161 = 1385.25
            "tdee_kcal": 1905,  # 1385.25 * 1.375 = 1904.71875
            "target_kcal.low": 2095,  # 1.10 * 1904.71875 = 2095.19
            "target_kcal.target": 2190,  # 1.15 * 1904.71875 = 2190.43
            "target_kcal.high": 2286,  # 1.20 * 1904.71875 = 2285.66
            "weekly_change_kg.low": 0.16,  # 0.25 % of 64 kg
            "weekly_change_kg.target": 0.24,  # 0.375 % of 64 kg
            "weekly_change_kg.high": 0.32,  # 0.5 % of 64 kg
        },
    ),
    Worked(
        "energy-katch-mcardle",
        "energy",
        {
            "sex": "male",
            "age": 40,
            "height": 180,
            "weight": 80,
            "activity": "sedentary",
            "goal": "lose",
            "body_fat_percent": "20",
        },
        {
            "lean_mass_kg": 64.0,  # 80 * (1 - 0.20)
            "bmr_katch_mcardle_kcal": 1752,  # 370 + 21.6 * 64 = 1752.4
            "bmr_kcal": 1730,  # the targets still use Mifflin-St Jeor
        },
    ),
    Worked(
        "energy-low-floor",
        "energy",
        {
            "sex": "female",
            "age": 60,
            "height": 150,
            "weight": 45,
            "activity": "sedentary",
            "goal": "lose",
        },
        {
            "bmr_kcal": 927,  # 450 + 937.5 - 300 - 161 = 926.5 -> 927
            "tdee_kcal": 1112,  # 926.5 * 1.2 = 1111.8
            "target_kcal.low": 834,  # 0.75 * 1111.8 = 833.85
            "target_kcal.target": 889,  # 0.80 * 1111.8 = 889.44
            "target_kcal.high": 1001,  # 0.90 * 1111.8 = 1000.62
        },
        warnings_contain=("below your estimated BMR", "under about 1,200 kcal"),
    ),
]

VOLUME = [
    Worked(
        "volume-one-exercise",
        "volume",
        {"entries": [{"exercise": "hip_thrust", "sets": "3", "sessions": "2"}]},
        {
            # 3 sets x 2 sessions = 6 weekly sets; glutes prime (1), hamstrings and
            # adductors helpers (0.5)
            "muscles.glutes.direct_sets": 6,
            "muscles.glutes.fractional_sets": 6,
            "muscles.glutes.sessions": 2,
            "muscles.glutes.status": "below",  # 6 < 10
            "muscles.hamstrings.direct_sets": 0,
            "muscles.hamstrings.fractional_sets": 3,  # 0.5 * 6
            "muscles.adductors.fractional_sets": 3,
            "muscles.quads.fractional_sets": 0,
            "muscles.quads.sessions": 0,
            "muscles.calves.status": "below",
            "total_sets": 6,
            "band.low": 10,
            "band.high": 20,
        },
    ),
    Worked(
        "volume-sample-week",
        "volume",
        {
            "entries": [
                {"exercise": "hip_thrust", "sets": 3, "sessions": 2},  # 6
                {"exercise": "squat", "sets": 3, "sessions": 2},  # 6
                {"exercise": "romanian_deadlift", "sets": 3, "sessions": 2},  # 6
                {"exercise": "leg_curl", "sets": 3, "sessions": 1},  # 3
            ]
        },
        {
            # glutes prime in hip thrust, squat and RDL: 6 + 6 + 6
            "muscles.glutes.direct_sets": 18,
            "muscles.glutes.fractional_sets": 18,
            "muscles.glutes.sessions": 6,  # 2 + 2 + 2
            "muscles.glutes.status": "productive",
            "muscles.quads.direct_sets": 6,  # squat
            "muscles.quads.status": "below",
            # prime in RDL (6) and leg curl (3); helper in hip thrust (0.5 * 6 = 3)
            "muscles.hamstrings.direct_sets": 9,
            "muscles.hamstrings.fractional_sets": 12,
            "muscles.hamstrings.sessions": 5,  # 2 + 2 + 1
            "muscles.hamstrings.status": "productive",
            # helper in hip thrust, squat and RDL: 0.5 * (6 + 6 + 6)
            "muscles.adductors.fractional_sets": 9,
            "muscles.adductors.direct_sets": 0,
            "muscles.calves.fractional_sets": 1.5,  # helper in leg curl: 0.5 * 3
            "total_sets": 21,
        },
    ),
    Worked(
        "volume-duplicates-add-up",
        "volume",
        {
            "entries": [
                {"exercise": "hip_thrust", "sets": 3, "sessions": 2},
                {"exercise": "hip_thrust", "sets": 3, "sessions": 2},
            ]
        },
        {
            "muscles.glutes.direct_sets": 12,  # 6 + 6
            "muscles.glutes.sessions": 4,
            "muscles.glutes.status": "productive",
        },
    ),
    Worked(
        "volume-band-edges",
        "volume",
        {
            "entries": [
                {"exercise": "hip_thrust", "sets": 4, "sessions": 5},  # 20 glute sets
                {"exercise": "leg_press", "sets": 1, "sessions": 1},  # glutes helper: 0.5
            ]
        },
        {
            "muscles.glutes.direct_sets": 20,
            "muscles.glutes.fractional_sets": 20.5,  # 20 + 0.5 > 20
            "muscles.glutes.status": "high",
            "muscles.quads.direct_sets": 1,
        },
        warnings_contain=("Glutes get 20.5 sets a week, above 20",),
    ),
    Worked(
        "volume-custom-band",
        "volume",
        {
            "entries": [{"exercise": "hip_thrust", "sets": 3, "sessions": 2}],
            "band_low": "6",
            "band_high": "12",
        },
        {
            "muscles.glutes.status": "productive",  # 6 is inside 6-12
            "muscles.hamstrings.status": "below",  # 3 < 6
            "band.low": 6,
            "band.high": 12,
        },
    ),
    Worked(
        "volume-jumps",
        "volume",
        {"entries": [{"exercise": "box_jump", "sets": 3, "sessions": 2}]},
        {
            "muscles.quads.direct_sets": 6,
            "muscles.glutes.direct_sets": 6,
            "muscles.calves.fractional_sets": 3,  # helper: 0.5 * 6
        },
        notes_contain=("Jumps train power",),
    ),
]

# The self-check. ``extra["first"]`` is the cause that must come first (None: no cause at all),
# ``extra["absent"]`` causes that must not be listed. Strength = 1 + how far past the threshold
# (as a share of it), + 1 for each further piece of evidence; likely ranks before possible.
CHECKUP = [
    # ---- one example per cause that puts it first, and one that leaves it out
    Worked(
        "checkup-resistance-first",
        "checkup",
        {"weekly_hard_sets": "4"},
        {"triage.level": "none"},  # 4 < 10 sets: likely, 1 + 6/10
        extra={"first": "too-little-resistance-training", "likely": True},
    ),
    Worked(
        "checkup-resistance-absent",
        "checkup",
        {"weekly_hard_sets": 12},
        {"triage.level": "none"},  # 12 is inside 10-20
        extra={"first": None, "absent": ["too-little-resistance-training"]},
    ),
    Worked(
        "checkup-overload-first",
        "checkup",
        {"progression": "no"},
        {},
        extra={"first": "no-progressive-overload", "likely": True},
    ),
    Worked(
        "checkup-overload-absent",
        "checkup",
        {"progression": "yes"},
        {},
        extra={"first": None, "absent": ["no-progressive-overload"]},
    ),
    Worked(
        "checkup-same-routine-first",
        "checkup",
        {"same_exercises": "yes"},
        {},
        extra={"first": "same-routine", "likely": False},
    ),
    Worked(
        "checkup-same-routine-absent",
        "checkup",
        {"same_exercises": "no"},
        {},
        extra={"first": None, "absent": ["same-routine"]},
    ),
    # 30 sets: junk 1 + 10/20 + 1 (no progress) = 2.5 beats overload's 1; both likely
    Worked(
        "checkup-junk-volume-first",
        "checkup",
        {"weekly_hard_sets": 30, "progression": "no"},
        {},
        extra={
            "first": "junk-volume-and-overtraining",
            "likely": True,
            "order": ["junk-volume-and-overtraining", "no-progressive-overload"],
        },
    ),
    Worked(
        "checkup-junk-volume-absent",
        "checkup",
        {"weekly_hard_sets": 20},
        {},
        extra={"first": None, "absent": ["junk-volume-and-overtraining"]},
    ),  # 20 is not > 20
    # 72 g / 80 kg = 0.9 g/kg: under 1.4, so likely
    Worked(
        "checkup-protein-first",
        "checkup",
        {"weight": 80, "protein_grams": 72},
        {},
        extra={
            "first": "too-little-protein",
            "likely": True,
            "reason": "You eat about 0.9 g of protein per kg a day (72 g at 80 kg)",
        },
    ),
    Worked(
        "checkup-protein-absent",
        "checkup",
        {"weight": 80, "protein_grams": 128},
        {},
        extra={"first": None, "absent": ["too-little-protein"]},
    ),  # 128 / 80 = 1.6
    Worked(
        "checkup-protein-without-weight",
        "checkup",
        {"protein_grams": 50},
        {},
        extra={"first": None, "absent": ["too-little-protein"]},
    ),  # no weight: no evidence
    # 1.2 / 80 = 1.5 % a week, past 1 %
    Worked(
        "checkup-energy-first",
        "checkup",
        {"weight": 80, "weight_change_per_week": "-1.2"},
        {},
        extra={"first": "too-little-energy", "likely": True, "reason": "1.5 % of your body"},
    ),
    Worked(
        "checkup-energy-absent",
        "checkup",
        {"weight": 80, "weight_change_per_week": 0.2},
        {},
        extra={"first": None, "absent": ["too-little-energy"]},
    ),
    # a loss with no weight is still a loss: possible, not likely
    Worked(
        "checkup-energy-loss-without-weight",
        "checkup",
        {"weight_change_per_week": -0.5},
        {},
        extra={"first": "too-little-energy", "likely": False},
    ),
    Worked(
        "checkup-sleep-first",
        "checkup",
        {"sleep_hours": "5.5"},
        {},
        extra={"first": "poor-sleep", "likely": True},
    ),
    Worked(
        "checkup-sleep-absent",
        "checkup",
        {"sleep_hours": 7},
        {},
        extra={"first": None, "absent": ["poor-sleep"]},
    ),
    Worked(
        "checkup-stress-first",
        "checkup",
        {"stress": "high"},
        {},
        extra={"first": "stress-and-cortisol", "likely": False},
    ),
    Worked(
        "checkup-stress-absent",
        "checkup",
        {"stress": "moderate"},
        {},
        extra={"first": None, "absent": ["stress-and-cortisol"]},
    ),
    # two hormone signs: likely; thyroid signs are a routine warning sign
    Worked(
        "checkup-hormones-first",
        "checkup",
        {"symptoms": ["thyroid_signs"], "low_sex_drive": "yes"},
        {"triage.level": "routine"},
        extra={"first": "hormones", "likely": True},
    ),
    Worked(
        "checkup-hormones-absent",
        "checkup",
        {"low_sex_drive": "no"},
        {},
        extra={"first": None, "absent": ["hormones"]},
    ),
    # awake 24 - 8 = 16 h; 10 h sitting > 8 h
    Worked(
        "checkup-sitting-first",
        "checkup",
        {"sitting_hours": 10, "sleep_hours": 8},
        {},
        extra={"first": "sitting-and-inactive-glutes", "likely": False},
    ),
    Worked(
        "checkup-sitting-absent",
        "checkup",
        {"sitting_hours": 8, "sleep_hours": 8},
        {},
        extra={"first": None, "absent": ["sitting-and-inactive-glutes"]},
    ),
    # everything covered: 15 sets, progress, 100 / 60 = 1.67 g/kg, 8 h sleep, 24 months
    Worked(
        "checkup-genetics-first",
        "checkup",
        {
            "months_training": 24,
            "weekly_hard_sets": 15,
            "progression": "yes",
            "weight": 60,
            "protein_grams": 100,
            "sleep_hours": 8,
        },
        {},
        extra={"first": "genetics-and-asymmetry", "likely": False},
    ),
    # 90 / 60 = 1.5 g/kg: protein is possible, and the usual causes are not all covered
    Worked(
        "checkup-genetics-absent",
        "checkup",
        {
            "months_training": 24,
            "weekly_hard_sets": 15,
            "progression": "yes",
            "weight": 60,
            "protein_grams": 90,
            "sleep_hours": 8,
        },
        {},
        extra={
            "first": "too-little-protein",
            "likely": False,
            "absent": ["genetics-and-asymmetry"],
        },
    ),
    Worked(
        "checkup-measurement-first",
        "checkup",
        {"measured": "no", "progression": "yes"},
        {},
        extra={"first": "measurement-illusions", "likely": True},
    ),
    Worked(
        "checkup-measurement-absent",
        "checkup",
        {"measured": "yes"},
        {},
        extra={"first": None, "absent": ["measurement-illusions"]},
    ),
    Worked(
        "checkup-patience-first",
        "checkup",
        {"months_training": 1.5},
        {},
        extra={"first": "patience-and-timelines", "likely": True},
    ),
    Worked(
        "checkup-patience-absent",
        "checkup",
        {"months_training": 6},
        {},
        extra={"first": None, "absent": ["patience-and-timelines"]},
    ),
    # 70 g / 70 kg = 1.0 g/kg. Age: 1 + 1 + (1.2 - 1.0) / 1.2 = 2.17; protein 1 + 0.6 / 1.6 = 1.375
    Worked(
        "checkup-age-first",
        "checkup",
        {"age": 70, "weight": 70, "protein_grams": 70},
        {},
        extra={"first": "age", "likely": True, "order": ["age", "too-little-protein"]},
    ),
    Worked(
        "checkup-age-absent", "checkup", {"age": 40}, {}, extra={"first": None, "absent": ["age"]}
    ),
    # ---- every triage level
    Worked(
        "checkup-emergency",
        "checkup",
        {"symptoms": ["statin_pain", "saddle_numbness"], "sleep_hours": 5},
        {"triage.level": "emergency"},
        extra={
            "first": "poor-sleep",
            "heading": "Once you have been checked",
            "reason_first": "Numbness or pins and needles around your bottom",
        },
    ),
    Worked(
        "checkup-urgent",
        "checkup",
        {"symptoms": "statin_pain"},
        {"triage.level": "urgent"},
        extra={"first": None},
    ),
    Worked(
        "checkup-routine",
        "checkup",
        {"symptoms": ["weight_loss"]},
        {"triage.level": "routine"},
        extra={"first": "hormones", "likely": False},
    ),
    # ---- each new or changed sign of issue 23 at its level
    Worked(
        "checkup-exercise-heart-emergency",
        "checkup",
        {"symptoms": ["exercise_heart"], "sleep_hours": 8},
        {"triage.level": "emergency"},
        extra={"first": None, "reason_first": "Chest pain or tightness, fainting"},
    ),
    Worked(
        "checkup-injury-weakness-emergency",
        "checkup",
        {"symptoms": ["injury_weakness", "sciatica"]},
        {"triage.level": "emergency"},
        extra={"first": None, "reason_first": "New weakness, numbness or pins and needles"},
    ),
    # worsening weakness with sciatica is urgent, above the routine sciatica sign
    Worked(
        "checkup-worsening-leg-weakness-urgent",
        "checkup",
        {"symptoms": ["sciatica", "worsening_leg_weakness"]},
        {"triage.level": "urgent"},
        extra={"first": None, "reason_first": "A buttock or leg getting thinner"},
    ),
    Worked(
        "checkup-sciatica-routine",
        "checkup",
        {"symptoms": ["sciatica"]},
        {"triage.level": "routine"},
        extra={"first": None},
    ),
    Worked(
        "checkup-eyelids-routine",
        "checkup",
        {"symptoms": ["eyelids_or_vision"]},
        {"triage.level": "routine"},
        extra={"first": None, "reason_first": "Drooping eyelids or double vision"},
    ),
    # restricting food: the doctor and a help line first, energy is the cause, no calorie link
    Worked(
        "checkup-food-worries-routine",
        "checkup",
        {"symptoms": ["food_worries"]},
        {"triage.level": "routine"},
        extra={"first": "too-little-energy", "likely": False},
    ),
    Worked(
        "checkup-none",
        "checkup",
        {"sleep_hours": 8},
        {"triage.level": "none"},
        extra={"first": None},
        summary="None of the causes this check knows fits your answers so far. Answer more "
        "questions, or read the overview of causes.",
    ),
    Worked(
        "checkup-empty",
        "checkup",
        {},
        {"triage.level": "none", "answered": False},
        extra={"first": None},
        summary="Answer a few questions to get your answer; skip any you are not sure of.",
    ),
]


def _weekly(first: str, column: str, values: list[str], **extra: str) -> list[dict[str, str]]:
    """Weekly rows from a first date: one value of ``column`` per week."""
    import datetime

    start = datetime.date.fromisoformat(first)
    return [
        {"date": (start + datetime.timedelta(weeks=week)).isoformat(), column: value, **extra}
        for week, value in enumerate(values)
    ]


#: Eight weekly hip readings, 98 cm +1, -1, +1, ... : no trend, a tape's ±1 cm noise.
#: Theil-Sen: of the 28 pairwise slopes, the 12 between readings an even number of weeks apart
#: are 0, 10 are negative and 6 positive, so the median (the mean of the 14th and 15th) is 0;
#: the line sits at the median reading, 98 cm; residuals are ±1, so the noise is
#: sqrt(8 / (8 - 2)) = 1.155 cm, above the 0.5 cm floor. A 0 cm change is steady.
HIPS_STEADY = _weekly("2026-09-07", "hips", ["99", "97", "99", "97", "99", "97", "99", "97"])
#: A 3 cm fall over 8 weeks (9 weekly readings) with the same ±1 cm noise: the trend is
#: 99 - 0.375 cm a week and the readings are that +1, -1, +1, -1, 0, +1, -1, +1, -1. Of the 36
#: pairwise slopes, 14 are below -0.375 a week, 12 are exactly -0.375 and 10 above, so the
#: median (the 18th and 19th) is -0.375 a week: -3 cm over 56 days. The line passes through
#: the median of reading + 0.375 x weeks (four 100s, four 98s and a 99): 99 cm. Residuals are
#: the noise pattern, so the noise is sqrt(8 / (9 - 2)) = 1.069 cm; the dates' spread is
#: sqrt(49 x 60) = 54.22 days, so the change's uncertainty is 1.069 x 56 / 54.22 = 1.104 cm
#: and the margin 2 x 1.104 = 2.21 cm, less than the 3 cm fall: shrinking.
HIPS_FALLING = _weekly(
    "2026-09-07",
    "hips",
    ["100", "97.625", "99.25", "96.875", "97.5", "98.125", "95.75", "97.375", "95"],
)
TODAY = "2026-12-01"

PROGRESS = [
    Worked(
        "progress-steady-hips",
        "progress",
        {"entries": HIPS_STEADY, "length_unit": "cm", "weight_unit": "kg", "today": TODAY},
        {
            "trends.hips.verdict": "steady",
            "trends.hips.readings": 8,
            "trends.hips.days": 49,
            "trends.hips.change_total": 0,
            "trends.hips.change_per_week": 0,
            "next": [],
        },
        summary=(
            "Your hips are steady: the 0 cm change over 7 weeks is within the noise of your "
            "readings (±1.2 cm)."
        ),
    ),
    Worked(
        "progress-falling-hips",
        "progress",
        {"entries": HIPS_FALLING, "length_unit": "cm", "weight_unit": "kg", "today": TODAY},
        {"trends.hips.verdict": "shrinking", "trends.hips.readings": 9, "trends.hips.days": 56},
        summary=(
            "Your hips are going down: 3 cm over 8 weeks, more than the noise of your "
            "readings (±1.1 cm)."
        ),
    ),
    Worked(
        "progress-too-few",
        "progress",
        {"entries": HIPS_STEADY[:3], "today": TODAY},
        {
            "trends.hips.verdict": "too_few",
            "trends.hips.readings": 3,
            "trends.hips.change_total": None,
            "trends.hips.change_per_week": None,
            "trends.hips.noise": None,
        },
    ),
    # The same fall in inches (each reading / 2.54, to 3 decimals) with a steady weight in lb:
    # hips down, weight steady, no lift logged -> training and protein.
    Worked(
        "progress-falling-hips-inches-steady-weight-lb",
        "progress",
        {
            "entries": [
                {**row, "hips": f"{float(row['hips']) / 2.54:.3f}", "weight": weight}
                for row, weight in zip(
                    HIPS_FALLING,
                    ["141.5", "141", "142", "141.5", "141", "142", "141.5", "141", "141.5"],
                    strict=True,
                )
            ],
            "length_unit": "in",
            "weight_unit": "lb",
            "today": TODAY,
        },
        {
            "trends.hips.verdict": "shrinking",
            "trends.hips.unit": "in",
            "trends.weight.verdict": "steady",
            "trends.weight.unit": "lb",
            "next": ["no-progressive-overload", "too-little-protein"],
        },
    ),
]

ALL = PROTEIN + ENERGY + VOLUME + CHECKUP + PROGRESS

#: A reader who trains a little, sits at a desk, eats and sleeps a bit short and is stressed: 8
#: causes fit, and before the cap 6 of them came out "likely".
CHECKUP_TYPICAL = {
    "months_training": 18,
    "weekly_hard_sets": 8,
    "progression": "no",
    "close_to_failure": "no",
    "same_exercises": "yes",
    "weight": 68,
    "protein_grams": 75,
    "weight_change_per_week": -0.5,
    "age": 34,
    "sleep_hours": 6,
    "stress": "high",
    "sitting_hours": 9,
    "measured": "no",
    "low_sex_drive": "no",
}
