"""Inputs a phone can type (issue 25): the self-check's weight change as a direction and an
amount (the iPhone's decimal keypad has no minus key), typed and from an old link that carried
the sign; and a height typed as feet and inches in the energy calculator."""

from __future__ import annotations

import pytest

from support.browser import PHONE, Visit, control, error_for
from support.calculators import call as cpython_run

pytestmark = pytest.mark.browser

AMOUNT = "weight_change_per_week"
SUMMARY = "#mc-checkup-answer .mc-summary"


def wait_for_summary(visit: Visit, payload: dict[str, object]) -> None:
    """Wait until the page shows the summary CPython gives for these values."""
    expected = cpython_run("checkup", payload)["display"]["summary"]
    visit.page.wait_for_function(
        "([selector, text]) => document.querySelector(selector)?.textContent === text",
        arg=[SUMMARY, expected],
        timeout=30_000,
    )


def test_a_weight_loss_is_entered_without_a_minus(visit: Visit) -> None:
    page = visit.page
    page.set_viewport_size(PHONE)
    visit.goto("checkup/")
    visit.wait_ready("checkup")
    assert page.get_attribute(control("checkup", AMOUNT), "inputmode") == "decimal"
    page.fill(control("checkup", "weight"), "80")
    page.select_option(control("checkup", "weight_trend"), "losing")
    page.fill(control("checkup", AMOUNT), "1.2")
    page.locator(control("checkup", AMOUNT)).blur()
    wait_for_summary(visit, {"weight": 80, "weight_trend": "losing", AMOUNT: "1.2"})
    # The same as the signed number the old form took: a loss of 1.5 % a week comes first.
    signed = cpython_run("checkup", {"weight": 80, AMOUNT: "-1.2"})
    assert signed["result"]["causes"][0]["cause"] == "too-little-energy"
    assert page.text_content(SUMMARY) == signed["display"]["summary"]
    visit.assert_clean()


def test_an_old_link_with_a_signed_change_opens_as_direction_and_amount(visit: Visit) -> None:
    page = visit.page
    visit.goto(f"checkup/#weight=80&{AMOUNT}=-1.2")
    visit.wait_ready("checkup")
    wait_for_summary(visit, {"weight": 80, AMOUNT: "-1.2"})
    page.wait_for_function(
        "(selector) => document.querySelector(selector)?.value === 'losing'",
        arg=control("checkup", "weight_trend"),
        timeout=10_000,
    )
    assert page.input_value(control("checkup", AMOUNT)) == "1.2"
    visit.assert_clean()


ENERGY = {"sex": "female", "age": "30", "weight": "70", "weight_unit": "kg"}


def test_a_height_typed_as_feet_and_inches_is_read_and_shown_in_inches(visit: Visit) -> None:
    page = visit.page
    page.set_viewport_size(PHONE)
    visit.goto("calculators/energy/")
    visit.wait_ready("energy")
    height = control("energy", "height")
    # The full keyboard: its number layer has the ' and the space a decimal keypad lacks.
    assert page.get_attribute(height, "inputmode") == "text"
    page.fill(height, "5'13")
    page.locator(height).blur()
    message = page.locator(error_for("energy", "height"))
    message.wait_for(state="visible", timeout=30_000)
    expected = cpython_run("energy", {**ENERGY, "height": "5'13"})["errors"]["height"]
    assert message.text_content() == expected
    page.fill(height, "5 ft 9")
    page.locator(height).blur()
    page.wait_for_function(
        "(selector) => document.querySelector(selector)?.value === 'in'",
        arg=control("energy", "height_unit"),
        timeout=30_000,
    )
    assert page.input_value(height) == "69"
    inches = cpython_run("energy", {**ENERGY, "height": "69", "height_unit": "in"})
    page.wait_for_function(
        "([selector, text]) => document.querySelector(selector)?.textContent === text",
        arg=["#mc-energy-answer .mc-summary", inches["display"]["summary"]],
        timeout=30_000,
    )
    assert message.is_hidden()
    visit.assert_clean()
