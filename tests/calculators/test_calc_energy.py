"""Energy calculator: worked examples by hand, unit equivalence, properties and input errors."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from musclecalc import ACTIVITY_FACTORS, CM_PER_INCH, KG_PER_POUND, energy_needs
from support.calculators import REPO_ROOT, call
from support.strategies import LEAN, body_fat, weights_kg
from support.worked_examples import ENERGY, Worked, check_worked

ACTIVITIES = ["sedentary", "light", "moderate", "very", "extra"]
sexes = st.sampled_from(["female", "male"])
ages = st.integers(min_value=18, max_value=100)
heights_cm = st.floats(min_value=120, max_value=230, allow_nan=False)
goals = st.sampled_from(["maintain", "build", "lose"])


@pytest.mark.parametrize("example", ENERGY, ids=lambda e: e.id)
def test_worked_example(example: Worked) -> None:
    check_worked(call(example.calculator, example.payload), example)


def test_activity_factors_are_the_usual_ones() -> None:
    assert [ACTIVITY_FACTORS[a] for a in ACTIVITIES] == [1.2, 1.375, 1.55, 1.725, 1.9]


def test_inches_and_pounds_equal_centimetres_and_kilograms() -> None:
    imperial = call(
        "energy",
        {
            "sex": "male",
            "age": 40,
            "height": 70,
            "height_unit": "in",
            "weight": 176,
            "weight_unit": "lb",
            "activity": "very",
            "goal": "build",
        },
    )
    metric = call(
        "energy",
        # 70 in * 2.54 = 177.8 cm; 176 lb * 0.45359237 = 79.83225712 kg
        {
            "sex": "male",
            "age": 40,
            "height": 177.8,
            "weight": 79.83225712,
            "activity": "very",
            "goal": "build",
        },
    )
    assert imperial["ok"] and metric["ok"]
    for key in ("bmr_kcal", "tdee_kcal", "target_kcal", "weekly_change_kg"):
        assert imperial["result"][key] == metric["result"][key]


def test_method_says_it_uses_the_rounded_form_of_mifflin() -> None:
    result = call("energy", {"sex": "female", "age": 30, "height": 175, "weight": 70})["result"]
    assert "commonly used rounded form" in result["method"]
    assert "9.99" in result["method"] and "4.92" in result["method"]
    assert "10.1093/ajcn/51.2.241" in [s.get("doi") for s in result["sources"]]


def test_lose_explains_the_7700_kcal_rule_and_build_cites_iraki() -> None:
    base = {"sex": "female", "age": 30, "height": 175, "weight": 70}
    lose = call("energy", {**base, "goal": "lose"})["result"]
    build = call("energy", {**base, "goal": "build"})["result"]
    assert "7,700" in lose["method"]
    assert "10.3390/sports7070154" in [s.get("doi") for s in build["sources"]]


def test_no_floor_warning_for_an_ordinary_maintenance_target() -> None:
    result = call(
        "energy",
        {"sex": "male", "age": 30, "height": 180, "weight": 80, "goal": "maintain"},
    )["result"]
    # BMR 800 + 1125 - 150 + 5 = 1780, TDEE 2759: nowhere near BMR or 1,500 kcal
    assert not any("BMR" in w or "1,500" in w for w in result["warnings"])


@pytest.mark.parametrize(
    ("payload", "field", "message"),
    [
        ({"age": 17}, "age", "This calculator is for adults aged 18 and over."),
        ({"age": 101}, "age", "Enter an age between 18 and 100 years."),
        ({"height": 100}, "height", "Enter a height between 120 and 230 cm."),
        ({"height": 100, "height_unit": "in"}, "height", "Enter a height between 47 and 91 in."),
        ({"sex": ""}, "sex", "Choose the sex the equation should use: female or male."),
        ({"activity": "couch"}, "activity", "Sedentary"),
        ({"weight": "1e308"}, "weight", "between 30 and 300 kg"),
        ({"weight": "inf"}, "weight", "as a number"),
    ],
)
def test_input_errors_name_the_field_and_the_range(payload, field, message) -> None:
    base = {"sex": "female", "age": 30, "height": 170, "weight": 70}
    reply = call("energy", {**base, **payload})
    assert reply["ok"] is False
    assert message in reply["errors"][field]


def test_missing_required_fields_are_all_reported() -> None:
    reply = call("energy", {})
    assert set(reply["errors"]) == {"sex", "age", "height", "weight"}


# ---------------------------------------------------------------------------- properties


@LEAN
@given(sexes, ages, heights_cm, weights_kg, goals, body_fat)
def test_more_activity_never_means_less_energy(sex, age, height, weight, goal, fat) -> None:
    results = [
        energy_needs(sex, age, height, weight, activity, goal, body_fat_percent=fat)
        for activity in ACTIVITIES
    ]
    for lower, higher in itertools.pairwise(results):
        assert lower.tdee_kcal <= higher.tdee_kcal
        assert lower.target_kcal.target <= higher.target_kcal.target
        assert lower.bmr_kcal == higher.bmr_kcal


@LEAN
@given(sexes, ages, heights_cm, weights_kg, weights_kg, st.sampled_from(ACTIVITIES), goals)
def test_more_weight_never_means_less_energy(sex, age, height, w1, w2, activity, goal) -> None:
    light, heavy = sorted((w1, w2))
    a = energy_needs(sex, age, height, light, activity, goal)
    b = energy_needs(sex, age, height, heavy, activity, goal)
    assert a.bmr_kcal <= b.bmr_kcal
    assert a.tdee_kcal <= b.tdee_kcal


@LEAN
@given(sexes, ages, heights_cm, weights_kg, st.sampled_from(ACTIVITIES), goals, body_fat)
def test_ranges_are_ordered_and_match_the_goal(
    sex, age, height, weight, activity, goal, fat
) -> None:
    result = energy_needs(sex, age, height, weight, activity, goal, body_fat_percent=fat)
    data = result.to_json()
    for key in ("target_kcal", "weekly_change_kg", "weekly_change_percent"):
        assert data[key]["low"] <= data[key]["target"] <= data[key]["high"]
    assert data["bmr_kcal"] > 0
    tdee = data["tdee_kcal"]
    if goal == "build":
        assert data["target_kcal"]["low"] > tdee and data["weekly_change_kg"]["low"] > 0
    elif goal == "lose":
        assert data["target_kcal"]["high"] < tdee and data["weekly_change_kg"]["high"] < 0
    else:
        assert data["target_kcal"]["low"] < tdee < data["target_kcal"]["high"]
    # A warning whenever the lowest target is under BMR, as the brief asks.
    below_bmr = data["target_kcal"]["low"] < data["bmr_kcal"]
    assert below_bmr == any("BMR" in w for w in data["warnings"])
    assert (fat is None) == (data["bmr_katch_mcardle_kcal"] is None)


@LEAN
@given(st.integers(min_value=47, max_value=91), st.integers(min_value=66, max_value=660))
def test_any_height_and_weight_in_imperial_equal_metric(inches, pounds) -> None:
    base = {"sex": "male", "age": 50, "activity": "light", "goal": "lose"}
    imperial = call(
        "energy",
        {**base, "height": inches, "height_unit": "in", "weight": pounds, "weight_unit": "lb"},
    )
    metric = call(
        "energy", {**base, "height": inches * CM_PER_INCH, "weight": pounds * KG_PER_POUND}
    )
    if metric["ok"]:  # a few imperial bounds fall just outside the metric ones
        assert imperial["result"]["target_kcal"] == metric["result"]["target_kcal"]


def test_a_fat_loss_deficit_past_the_500_kcal_line_says_so_with_its_source() -> None:
    from musclecalc._thresholds import DEFICIT_KCAL

    # 95 kg man, 185 cm, 30, very active: TDEE 3,383 kcal; 20 % below is a 677 kcal deficit
    big = call(
        "energy",
        {"sex": "male", "age": 30, "height": 185, "weight": 95, "activity": "very", "goal": "lose"},
    )["result"]
    assert any("more than the about 500 kcal a day" in note for note in big["notes"])
    assert any("Murphy" in source["author"] for source in big["sources"])
    # 55 kg woman, sedentary: TDEE about 1,570 kcal; 20 % is about 314 kcal, under the line
    small = call(
        "energy",
        {
            "sex": "female",
            "age": 30,
            "height": 160,
            "weight": 55,
            "activity": "sedentary",
            "goal": "lose",
        },
    )["result"]
    assert not any("500 kcal" in note for note in small["notes"])
    assert DEFICIT_KCAL.value == 500
    page = (REPO_ROOT / "docs" / "calculators" / "energy.md").read_text(encoding="utf-8")
    assert "about 500 kcal a day" in page
