"""The unit trap (issue 25): a number typed and not yet answered is read in the unit the reader
picks next ("206, then lb" is 206 lb, not 454.2 lb); a number already answered is converted to
the new unit. Weight (protein calculator) and height (energy calculator), in a real browser."""

from __future__ import annotations

import pytest

from support.browser import Visit, control, error_for, wait_for_summary
from support.calculators import default_payload, summary_of

pytestmark = pytest.mark.browser


def open_calculator(visit: Visit, name: str, field: str) -> tuple[str, str]:
    """Open a calculator's page, wait until Python is ready, and return the selectors of a
    number field and of its unit list."""
    visit.goto(f"calculators/{name}/")
    visit.wait_ready(name)
    return control(name, field), control(name, f"{field}_unit")


def pick_unit(visit: Visit, unit: str, value: str) -> None:
    """Reach for the unit list (focus, as a tap does) and pick a unit in it."""
    visit.page.focus(unit)
    visit.page.select_option(unit, value)


def wait_for_value(visit: Visit, field: str, value: str) -> None:
    visit.page.wait_for_function(
        "([selector, value]) => document.querySelector(selector).value === value",
        arg=[field, value],
    )


def test_a_weight_typed_then_given_its_unit_is_read_in_that_unit(visit: Visit) -> None:
    page = visit.page
    weight, unit = open_calculator(visit, "protein", "weight")
    page.fill(weight, "206")
    page.focus(unit)  # the reader reaches for the unit list...
    # ...and the answer for 206 kg arrives before the unit is picked, as it does on a phone.
    wait_for_summary(visit, "protein", summary_of("protein", {"weight": "206"}))
    page.select_option(unit, "lb")
    wait_for_summary(
        visit, "protein", summary_of("protein", {"weight": "206", "weight_unit": "lb"})
    )
    assert page.input_value(weight) == "206"
    # Now 206 lb is answered: switching to kg converts it.
    pick_unit(visit, unit, "kg")
    wait_for_value(visit, weight, "93.4")
    visit.assert_clean()


def test_a_weight_answered_in_kg_is_converted_to_lb(visit: Visit) -> None:
    page = visit.page
    weight, unit = open_calculator(visit, "protein", "weight")
    default = str(default_payload("protein")["weight"])  # the page's own value, answered
    assert page.input_value(weight) == default
    pick_unit(visit, unit, "lb")
    wait_for_value(visit, weight, "154.3")
    wait_for_summary(
        visit, "protein", summary_of("protein", {"weight": "154.3", "weight_unit": "lb"})
    )
    visit.assert_clean()


def test_a_height_typed_then_given_its_unit_is_read_in_that_unit(visit: Visit) -> None:
    page = visit.page
    height, unit = open_calculator(visit, "energy", "height")
    page.fill(height, "69")
    page.focus(unit)  # 69 cm is refused before the unit is picked...
    page.locator(error_for("energy", "height")).wait_for(state="visible", timeout=30_000)
    page.select_option(unit, "in")  # ...and 69 is read in inches, not converted
    wait_for_summary(visit, "energy", summary_of("energy", {"height": "69", "height_unit": "in"}))
    assert page.input_value(height) == "69"
    assert page.locator(error_for("energy", "height")).is_hidden()
    visit.assert_clean()


def test_a_height_answered_in_cm_is_converted_to_inches(visit: Visit) -> None:
    page = visit.page
    height, unit = open_calculator(visit, "energy", "height")
    page.fill(height, "180")
    wait_for_summary(visit, "energy", summary_of("energy", {"height": "180"}))
    pick_unit(visit, unit, "in")
    wait_for_value(visit, height, "70.9")
    wait_for_summary(visit, "energy", summary_of("energy", {"height": "70.9", "height_unit": "in"}))
    visit.assert_clean()
