"""Numbers typed as people type them: "70kg", "70 kg", "154 lb", "70,5", "25%". A unit typed
after the number wins over the unit field beside it, and the reply tells the page the number and
unit it understood; a unit the field does not take is named in the message."""

from __future__ import annotations

import pytest

from musclecalc._numbers import split_unit
from support.calculators import call, page_reply


@pytest.mark.parametrize(
    ("typed", "unit_field", "expected_kg", "understood_unit"),
    [
        ("70kg", "kg", 70.0, "kg"),
        ("70 kg", "lb", 70.0, "kg"),  # the typed unit wins over the unit field
        ("70 KGS", "lb", 70.0, "kg"),
        ("154 lb", "kg", 154 * 0.45359237, "lb"),
        ("154lbs", "kg", 154 * 0.45359237, "lb"),
        ("154 pounds", "lb", 154 * 0.45359237, "lb"),
        ("70,5 kg", "kg", 70.5, "kg"),
    ],
)
def test_a_unit_typed_with_the_weight_is_read(
    typed: str, unit_field: str, expected_kg: float, understood_unit: str
) -> None:
    reply = call("protein", {"weight": typed, "weight_unit": unit_field, "goal": "maintain"})
    assert reply["ok"], reply.get("errors")
    assert reply["result"]["daily_grams"]["target"] == round(1.4 * expected_kg)
    fields = page_reply("protein", {"weight": typed, "weight_unit": unit_field})["fields"]
    assert fields["weight_unit"] == understood_unit
    assert float(fields["weight"]) == pytest.approx(float(split_unit(typed)[0].replace(",", ".")))


def test_a_plain_number_changes_nothing_on_the_form() -> None:
    for typed in ("70", "70,5", " 70.5 "):
        assert "fields" not in page_reply("protein", {"weight": typed, "weight_unit": "kg"})


def test_the_range_follows_the_unit_read() -> None:
    # 200 is a fine weight in lb but too much in kg: the unit typed decides.
    assert call("protein", {"weight": "200 lb", "weight_unit": "kg"})["ok"]
    too_much = call("protein", {"weight": "400 kg", "weight_unit": "lb"})
    assert too_much["errors"] == {"weight": "Enter a body weight between 30 and 300 kg."}


@pytest.mark.parametrize("typed", ["11 st", "70 stone", "70 cm", "180 in"])
def test_a_unit_the_field_does_not_take_is_named(typed: str) -> None:
    reply = call("protein", {"weight": typed})
    word = split_unit(typed)[1]
    assert not reply["ok"]
    assert f'"{word}" is not one of them' in reply["errors"]["weight"]
    assert "kg or lb" in reply["errors"]["weight"]


def test_height_reads_cm_and_inches() -> None:
    base = {"sex": "female", "age": 30, "weight": 70, "activity": "moderate", "goal": "maintain"}
    in_cm = call("energy", {**base, "height": "175cm", "height_unit": "in"})
    in_inches = call("energy", {**base, "height": "68.9 in", "height_unit": "cm"})
    assert in_cm["ok"] and in_inches["ok"]
    assert (
        in_cm["result"]["bmr_kcal"] == call("energy", {**base, "height": 175})["result"]["bmr_kcal"]
    )
    assert abs(in_inches["result"]["bmr_kcal"] - in_cm["result"]["bmr_kcal"]) <= 1
    assert page_reply("energy", {**base, "height": "68.9 in"})["fields"] == {
        "height": "68.9",
        "height_unit": "in",
    }


def test_a_fields_own_unit_text_may_follow_its_number() -> None:
    reply = page_reply("protein", {"weight": 70, "goal": "lose", "body_fat_percent": "25 %"})
    assert reply["ok"] and reply["fields"] == {"body_fat_percent": "25"}
    assert call("protein", {"weight": 70, "age": "40 years"})["ok"]
    assert not call("protein", {"weight": 70, "meals": "4 kg"})["ok"]


@pytest.mark.parametrize("typed", ["kg", "kg70", "70 kg kg", "7 0kg", "--70kg", "1e999 kg"])
def test_odd_text_with_units_is_refused_with_a_message(typed: str) -> None:
    reply = call("protein", {"weight": typed})
    assert reply["ok"] is False
    assert "enter a body weight" in reply["errors"]["weight"].lower()
