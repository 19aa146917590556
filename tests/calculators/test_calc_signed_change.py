"""The self-check's weekly weight change: a direction (losing, steady, gaining) and an amount, so
it can be entered on a phone's decimal keypad, which has no minus key. Links made when the
amount carried its sign still open, read as the direction and amount they mean."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from musclecalc import bridge
from support.calculators import call, page_reply
from support.strategies import LEAN

FORM = next(f for f in json.loads(bridge.forms())["calculators"] if f["name"] == "checkup")
FIELDS = {f["name"]: f for f in FORM["fields"]}
AMOUNT = "weight_change_per_week"


def result_of(payload: dict[str, Any]) -> dict[str, Any]:
    reply = call("checkup", payload)
    assert reply["ok"] is True, reply
    result: dict[str, Any] = reply["result"]
    return result


def test_the_form_asks_a_direction_and_an_amount_from_0() -> None:
    names = [f["name"] for f in FORM["fields"]]
    assert names.index("weight_trend") == names.index(AMOUNT) - 1  # the direction comes first
    trend = FIELDS["weight_trend"]
    assert [c["value"] for c in trend["choices"]] == ["unsure", "losing", "steady", "gaining"]
    assert trend["default"] == "unsure"
    amount = FIELDS[AMOUNT]
    assert (amount["min"], amount["max"], amount["signed_by"]) == (0, 5, "weight_trend")


# Amounts the old form took in steps of 0.1, from 0.1 to 5.
AMOUNTS = st.integers(1, 50).map(lambda tenths: tenths / 10)


@LEAN
@given(amount=AMOUNTS, weight=st.sampled_from([None, 55, 80, 120]))
def test_a_direction_and_an_amount_mean_the_signed_number_of_an_old_link(
    amount: float, weight: int | None
) -> None:
    base = {} if weight is None else {"weight": weight}
    for direction, sign in (("losing", -1), ("gaining", 1)):
        new = result_of({**base, "weight_trend": direction, AMOUNT: str(amount)})
        old = result_of({**base, AMOUNT: str(sign * amount)})
        assert new == old


def test_steady_is_no_change_with_the_amount_empty_or_0() -> None:
    old = result_of({"weight": 80, AMOUNT: 0})
    for amount in ("", "0", 0, None):
        assert result_of({"weight": 80, "weight_trend": "steady", AMOUNT: amount}) == old


def test_a_loss_past_1_percent_a_week_comes_first_entered_either_way() -> None:
    # 1.2 kg of 80 kg is 1.5 % a week (the worked example checkup-energy-first).
    for payload in (
        {"weight": 80, "weight_trend": "losing", AMOUNT: "1,2"},
        {"weight": 80, AMOUNT: "-1.2"},
    ):
        assert result_of(payload)["causes"][0]["cause"] == "too-little-energy"
    gaining = result_of({"weight": 80, "weight_trend": "gaining", AMOUNT: "1.2"})
    assert "too-little-energy" not in [c["cause"] for c in gaining["causes"][:1]]


@pytest.mark.parametrize(
    ("signed", "shown"),
    [("-0.5", ("losing", "0.5")), ("1.25", ("gaining", "1.25")), ("0", ("steady", "0"))],
)
def test_an_old_link_is_shown_in_the_new_fields(signed: str, shown: tuple[str, str]) -> None:
    reply = page_reply("checkup", {"weight": "80", AMOUNT: signed})
    assert reply["ok"] is True
    assert (reply["fields"]["weight_trend"], reply["fields"][AMOUNT]) == shown


@pytest.mark.parametrize(("signed", "shown"), [("-0.5", ("losing", "0.5")), ("0", ("steady", "0"))])
def test_an_old_link_opened_in_the_form_is_shown_in_the_new_fields(
    signed: str, shown: tuple[str, str]
) -> None:
    # The page sends the direction's default with the link's number: a sign or a 0 still reads.
    reply = page_reply("checkup", {"weight": "80", "weight_trend": "unsure", AMOUNT: signed})
    assert reply["ok"] is True
    assert (reply["fields"]["weight_trend"], reply["fields"][AMOUNT]) == shown
    assert (
        call("checkup", {"weight_trend": "unsure", AMOUNT: signed})["result"]
        == call("checkup", {"weight_trend": shown[0], AMOUNT: shown[1]})["result"]
    )


def test_an_old_link_past_the_range_gets_the_range_either_way() -> None:
    errors = call("checkup", {AMOUNT: "-7"})["errors"]
    assert errors == {AMOUNT: "Enter a weekly weight change between -5 and 5 a week."}


@pytest.mark.parametrize(
    ("direction", "amount", "message"),
    [
        (
            "losing",
            "-0.5",
            "Enter the amount without a minus sign: losing or gaining says which way.",
        ),
        (
            "gaining",
            "-1",
            "Enter the amount without a minus sign: losing or gaining says which way.",
        ),
        ("losing", "", 'Enter how much you are losing a week, or choose "Not sure, or skip".'),
        ("gaining", None, 'Enter how much you are gaining a week, or choose "Not sure, or skip".'),
        ("unsure", "0.5", "Choose losing or gaining for this amount, or leave it empty."),
        (
            "steady",
            "0.5",
            "A steady weight changes by 0: leave the amount empty, or choose losing or gaining.",
        ),
        ("losing", "6", "Enter a weekly weight change between 0 and 5 a week."),
        ("unsure", "-6", "Enter a weekly weight change between 0 and 5 a week."),
        ("losing", "lots", "Enter a weekly weight change as a number between 0 and 5 a week."),
    ],
)
def test_an_amount_that_does_not_fit_its_direction_gets_a_message(
    direction: str, amount: str | None, message: str
) -> None:
    reply = call("checkup", {"weight_trend": direction, AMOUNT: amount})
    assert reply["errors"] == {AMOUNT: message}


def test_not_sure_with_no_amount_is_no_answer() -> None:
    assert result_of({"weight_trend": "unsure", AMOUNT: ""}) == result_of({})
