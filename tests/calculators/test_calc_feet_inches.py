"""Heights typed as feet and inches ("5'9\"", "5 ft 9", "5ft 9in") in the energy calculator's
height field: read as inches, shown back as inches, and impossible ones told so beside the
field."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from support.calculators import call, page_reply
from support.strategies import LEAN, feet_and_inches_texts

BASE = {"sex": "female", "age": 30, "weight": 70, "height_unit": "cm"}
# 47-91 in is the height field's range in inches: 3 ft 11 in to 7 ft 7 in.
IN_RANGE = feet_and_inches_texts(st.integers(4, 6), st.sampled_from([0, 1, 5.5, 9, 11, 11.5]))


def energy(height: object, unit: str = "cm") -> dict[str, Any]:
    return call("energy", {**BASE, "height": height, "height_unit": unit})


@LEAN
@given(typed=IN_RANGE, chosen=st.sampled_from(["cm", "in"]))
def test_feet_and_inches_give_the_answer_for_the_same_inches(
    typed: tuple[str, float], chosen: str
) -> None:
    text, inches = typed
    reply = energy(text, chosen)  # whatever the unit list says: the text names its units
    assert reply["ok"] is True, reply
    assert reply["result"] == energy(inches, "in")["result"]
    shown = page_reply("energy", {**BASE, "height": text, "height_unit": chosen})["fields"]
    assert shown == {"height": f"{inches:g}", "height_unit": "in"}


@pytest.mark.parametrize(
    ("text", "inches"), [("6'", 72), ("6 ft", 72), ("5.5 ft", 66), ("4 feet", 48), ("69 in", 69)]
)
def test_feet_alone_and_inches_alone(text: str, inches: float) -> None:
    assert energy(text)["result"] == energy(inches, "in")["result"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("5'12", "Enter the inches after the feet as a number under 12, as in 5 ft 9."),
        ("5 ft 30", "Enter the inches after the feet as a number under 12, as in 5 ft 9."),
        ("5.5 ft 2", "Enter whole feet and then the inches, as in 5 ft 9."),
        ("3'10", "Enter a height between 3 ft 11 in and 7 ft 7 in."),
        ("7 ft 8", "Enter a height between 3 ft 11 in and 7 ft 7 in."),
        ("12 ft", "Enter a height between 3 ft 11 in and 7 ft 7 in."),
        ("0'0", "Enter a height between 3 ft 11 in and 7 ft 7 in."),
    ],
)
def test_an_impossible_height_gets_a_message_beside_the_field(text: str, message: str) -> None:
    assert energy(text)["errors"] == {"height": message}


@LEAN
@given(
    feet=st.integers(0, 99),
    rest=st.integers(0, 990).map(lambda tenths: tenths / 10),
    data=st.data(),
)
def test_any_feet_and_inches_are_answered_exactly_when_they_can_be_a_height(
    feet: int, rest: float, data: st.DataObject
) -> None:
    text, inches = data.draw(feet_and_inches_texts(st.just(feet), st.just(rest)))
    reply = energy(text)
    if rest < 12 and 47 <= inches <= 91:
        assert reply["ok"] is True, reply
        assert reply["result"] == energy(inches, "in")["result"]
    else:
        assert set(reply["errors"]) == {"height"}, reply
        assert ("under 12" in reply["errors"]["height"]) == (rest >= 12)
