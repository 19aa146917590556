"""Protein calculator: worked examples by hand, unit equivalence, properties and input errors."""

from __future__ import annotations

import re
from dataclasses import astuple
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from musclecalc import KG_PER_POUND, InputError, _protein, _thresholds, protein_needs
from musclecalc._numbers import format_decimal, round_whole
from support.calculators import call
from support.strategies import LEAN, body_fat, meals, weights_kg
from support.worked_examples import PROTEIN, Worked, check_worked


@pytest.mark.parametrize("example", PROTEIN, ids=lambda e: e.id)
def test_worked_example(example: Worked) -> None:
    check_worked(call(example.calculator, example.payload), example)


def test_pounds_and_kilograms_give_the_same_answer() -> None:
    # 100 lb is exactly 45.359237 kg.
    in_pounds = call("protein", {"weight": "100", "weight_unit": "lb", "goal": "cut"})
    in_kilos = call("protein", {"weight": "45.359237", "weight_unit": "kg", "goal": "cut"})
    for key in ("daily_grams", "grams_per_kg", "per_meal_grams", "weight_kg"):
        assert in_pounds["result"][key] == in_kilos["result"][key]
    # and the page shows the weight as typed, with kg alongside
    facts = {f["label"]: f["value"] for f in in_pounds["display"]["facts"]}
    assert facts["Body weight"] == "100 lb (45.4 kg)"


def test_older_adults_get_the_prot_age_source_and_younger_do_not() -> None:
    older = call("protein", {"weight": 70, "age": 65})["result"]
    younger = call("protein", {"weight": 70, "age": 64})["result"]
    prot_age = "10.1016/j.jamda.2013.05.021"
    assert prot_age in [s.get("doi") for s in older["sources"]]
    assert prot_age not in [s.get("doi") for s in younger["sources"]]


def test_always_warns_about_kidney_disease_pregnancy_and_under_18s() -> None:
    for goal in ("maintain", "build", "cut"):
        warnings = " ".join(call("protein", {"weight": 70, "goal": goal})["result"]["warnings"])
        for topic in ("kidney disease", "pregnant", "breastfeeding", "under 18"):
            assert topic in warnings


def test_cut_cites_helms_and_says_how_the_lean_mass_band_works() -> None:
    result = call("protein", {"weight": 80, "goal": "cut", "body_fat_percent": 20})["result"]
    assert "10.1123/ijsnem.2013-0054" in [s.get("doi") for s in result["sources"]]
    assert "2.3-3.1 g per kg of lean (fat-free) mass" in result["method"]


def test_few_meals_get_a_note_about_spreading_protein() -> None:
    notes = call("protein", {"weight": 70, "meals": 2})["result"]["notes"]
    assert any("at least 3-4 meals" in note for note in notes)
    notes = call("protein", {"weight": 70, "meals": 4})["result"]["notes"]
    assert not any("at least 3-4 meals" in note for note in notes)


def test_every_result_has_sources_with_doi_and_a_method() -> None:
    result = call("protein", {"weight": 70})["result"]
    assert result["method"]
    assert all({"author", "year", "title", "doi"} <= set(s) for s in result["sources"])


@pytest.mark.parametrize(
    ("payload", "field", "message"),
    [
        ({"weight": 29.9}, "weight", "Enter a body weight between 30 and 300 kg."),
        (
            {"weight": 700, "weight_unit": "lb"},
            "weight",
            "Enter a body weight between 66 and 660 lb.",
        ),
        ({"weight": ""}, "weight", "This is required: enter a body weight between 30 and 300 kg."),
        ({"weight": 70, "age": 17}, "age", "This calculator is for adults aged 18 and over."),
        ({"weight": 70, "age": 101}, "age", "Enter an age between 18 and 100 years."),
        ({"weight": 70, "body_fat_percent": 2}, "body_fat_percent", "between 3 and 60%"),
        ({"weight": 70, "meals": 9}, "meals", "between 1 and 8"),
        ({"weight": 70, "meals": 2.5}, "meals", "as a whole number"),
        ({"weight": 70, "goal": "bulk"}, "goal", "Build muscle (build)"),
        ({"weight": 70, "weight_unit": "stone"}, "weight_unit", "Choose kg or lb."),
    ],
)
def test_input_errors_name_the_field_and_the_range(payload, field, message) -> None:
    reply = call("protein", payload)
    assert reply["ok"] is False
    assert message in reply["errors"][field]


def test_all_errors_are_reported_at_once() -> None:
    reply = call("protein", {"weight": "lots", "meals": 0, "age": 12, "body_fat_percent": 99})
    assert set(reply["errors"]) == {"weight", "meals", "age", "body_fat_percent"}


def test_python_api_raises_input_error_with_field_names() -> None:
    with pytest.raises(InputError) as caught:
        protein_needs(10, "build", meals=0)
    assert set(caught.value.errors) == {"weight", "meals"}


# ---------------------------------------------------------------------------- properties


@LEAN
@given(
    weights_kg,
    weights_kg,
    st.sampled_from(["maintain", "build", "cut"]),
    meals,
    body_fat,
)
def test_more_body_weight_never_means_less_protein(w1, w2, goal, meal_count, fat) -> None:
    light, heavy = sorted((w1, w2))
    a = protein_needs(light, goal, meals=meal_count, body_fat_percent=fat)
    b = protein_needs(heavy, goal, meals=meal_count, body_fat_percent=fat)
    assert a.daily_grams.low <= b.daily_grams.low
    assert a.daily_grams.target <= b.daily_grams.target
    assert a.daily_grams.high <= b.daily_grams.high
    assert a.per_meal_grams <= b.per_meal_grams


@LEAN
@given(weights_kg, st.sampled_from(["maintain", "build", "cut"]), meals, body_fat)
def test_ranges_are_ordered_and_per_meal_is_the_target_shared_out(
    weight, goal, meal_count, fat
) -> None:
    result = protein_needs(weight, goal, meals=meal_count, body_fat_percent=fat).to_json()
    for key in ("daily_grams", "grams_per_kg"):
        band = result[key]
        assert band["low"] <= band["target"] <= band["high"]
    # per meal is the daily target over the meals, give or take rounding of each
    assert abs(result["per_meal_grams"] * meal_count - result["daily_grams"]["target"]) <= (
        0.5 * meal_count + 0.5
    )


@LEAN
@given(weights_kg, meals)
def test_goals_are_ordered_maintain_below_build_below_cut(weight, meal_count) -> None:
    targets = [
        protein_needs(weight, goal, meals=meal_count).daily_grams.target
        for goal in ("maintain", "build", "cut")
    ]
    assert targets == sorted(targets)


@LEAN
@given(st.floats(min_value=66, max_value=660, allow_nan=False))
def test_any_weight_in_pounds_equals_the_same_weight_in_kilograms(pounds) -> None:
    kilos = pounds * KG_PER_POUND
    a = call("protein", {"weight": pounds, "weight_unit": "lb"})
    b = call("protein", {"weight": kilos, "weight_unit": "kg"})
    if b["ok"]:  # 66 lb is 29.94 kg, under the kg minimum; the lb form allows it
        assert a["result"]["daily_grams"] == b["result"]["daily_grams"]


# -- issue 26: each figure of the prose is read from its constant -------------------------------

_NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
#: Numbers that are words of a formula or a name, not figures: "95% confidence interval",
#: "body fat % / 100".
_NOT_FIGURES = {"95", "100"}


def _written(*values: float) -> set[str]:
    """Each value in every way the prose writes a figure."""
    return {text for v in values for text in (format_decimal(v, 2), f"{v:.1f}", f"{v:.2f}")}


def _constant_figures() -> set[str]:
    bands = [x for band in _thresholds.PROTEIN_BANDS.values() for x in astuple(band)]
    return _written(
        *bands,
        *astuple(_thresholds.LEAN_MASS_CUT_BAND),
        *_thresholds.ISSN_RANGE,
        *_thresholds.PLATEAU_INTERVAL,
        *_thresholds.OLDER_DAILY_MINIMUM,
        *_thresholds.OLDER_MEAL_GRAMS,
        _protein.GOOD_MEAL_G_PER_KG,
        _protein.SMALL_MEAL_G_PER_KG,
        _protein.SPREAD_MEALS,
        _protein.FEW_MEALS,
        _protein.OLDER_ADULT_AGE,
    )


@pytest.mark.parametrize("goal", ["maintain", "build", "lose"])
@pytest.mark.parametrize("body_fat_percent", [None, 22])
@pytest.mark.parametrize("age", [None, 70])
@pytest.mark.parametrize(("weight", "meals"), [(50, 1), (70, 2), (80, 4), (120, 8)])
def test_every_figure_in_the_method_and_notes_is_a_constant_or_the_readers_own(
    goal: str, body_fat_percent: float | None, age: float | None, weight: float, meals: int
) -> None:
    result = protein_needs(weight, goal, meals=meals, age=age, body_fat_percent=body_fat_percent)
    own = {
        str(meals),
        str(result.per_meal_grams),
        format_decimal(result.per_meal_grams_per_kg, 2),
        str(round_whole(_protein.GOOD_MEAL_G_PER_KG * weight)),
    }
    allowed = _constant_figures() | own | _NOT_FIGURES
    for text in (result.method, *result.notes):
        figures = set(_NUMBER.findall(_YEAR.sub("", text)))
        assert figures <= allowed, (figures - allowed, text)


@pytest.mark.parametrize(
    ("name", "value", "payload", "shown"),
    [
        ("ISSN_RANGE", (1.3, 2.1), {"goal": "maintain"}, "the 1.3-2.1 g/kg that the International"),
        ("PLATEAU_INTERVAL", (1.05, 2.25), {"goal": "build"}, "confidence interval 1.05-2.25"),
        ("OLDER_DAILY_MINIMUM", (1.1, 1.3), {"age": 70}, "at least 1.1-1.3 g/kg a day"),
        ("OLDER_MEAL_GRAMS", (20, 35), {"age": 70}, "with 20-35 g of protein per meal"),
        ("SPREAD_MEALS", 5, {}, "over at least 5 meals"),
        ("SMALL_MEAL_G_PER_KG", 0.35, {"meals": 8}, "Servings under about 0.35 g/kg"),
        ("FEW_MEALS", 2, {"meals": 1}, "at least 2-4 meals"),
        (
            "BODY_WEIGHT_BANDS",
            {**_protein.BODY_WEIGHT_BANDS, "build": (1.7, 1.9, 2.3)},
            {"goal": "build"},
            "so 1.7 is the low end and 2.3, the top",
        ),
        (
            "LEAN_MASS_BAND",
            (2.4, 2.8, 3.2),
            {"goal": "lose"},
            "recommend 2.4-3.2 g per kg of lean (fat-free) mass",
        ),
    ],
)
def test_the_prose_follows_its_constant_when_the_constant_changes(
    monkeypatch: pytest.MonkeyPatch, name: str, value: Any, payload: dict[str, Any], shown: str
) -> None:
    monkeypatch.setattr(_protein, name, value)
    result = protein_needs(**{"weight_kg": 70, **payload})
    assert shown in " ".join((result.method, *result.notes))
