"""Bad addresses: values in a shared link's fragment that the form cannot take get Python's
message beside their field, never a blank select, a silent cut or a generic failure."""

from __future__ import annotations

import time

import pytest

from support.browser import Visit, control, error_for
from support.calculators import call as cpython_run
from support.calculators import default_payload

pytestmark = pytest.mark.browser


def python_errors(name: str, values: dict[str, object]) -> dict[str, str]:
    reply = cpython_run(name, {**default_payload(name), **values})
    assert reply["ok"] is False
    return reply["errors"]


def wait_for_message(visit: Visit, name: str, key: str, text: str) -> None:
    """Wait for Python's message beside a field (the status is then "invalid", never "ready")."""
    visit.page.wait_for_function(
        "([selector, text]) => document.querySelector(selector)?.textContent === text",
        arg=[error_for(name, key), text],
        timeout=60_000,  # the first message needs Python started
    )
    assert visit.page.is_visible(error_for(name, key))
    assert visit.page.get_attribute(control(name, key), "aria-invalid") == "true"


def test_a_choice_the_select_does_not_offer_shows_with_pythons_message(visit: Visit) -> None:
    visit.goto("calculators/protein/#weight=80&goal=bulk%3Cb%3E")
    expected = python_errors("protein", {"weight": "80", "goal": "bulk<b>"})["goal"]
    wait_for_message(visit, "protein", "goal", expected)
    select = visit.page.locator(control("protein", "goal"))
    assert select.input_value() == "bulk<b>"  # not blank: the reader sees what the link said
    assert select.locator("option:checked").text_content() == "bulk<b>"
    assert select.locator("option:checked").is_disabled()
    select.select_option("build")
    visit.page.wait_for_selector(f"{error_for('protein', 'goal')}[hidden]", state="attached")
    visit.wait_ready("protein")
    visit.assert_clean()


def test_more_rows_than_the_limit_are_cut_to_it_and_the_reader_is_told(visit: Visit) -> None:
    limit = int(visit_max_items(visit))
    rows = [f"exercise=hip_thrust&sets={1 + index % 20}&sessions=2" for index in range(limit + 2)]
    visit.goto("calculators/volume/#" + "&".join(rows))
    message = visit.page.locator(error_for("volume", "entries"))
    message.wait_for(state="visible", timeout=10_000)  # said at once, not after Python starts
    assert message.text_content() == (
        f"This link lists {limit + 2} rows; the calculator takes at most {limit}, "
        f"so the form shows the first {limit}."
    )
    assert visit.page.locator("#mc-volume .mc-entry").count() == limit
    last = visit.page.locator(control("volume", f"entries.{limit - 1}.sets"))
    assert last.input_value() == str(1 + (limit - 1) % 20)  # the first rows, in order
    visit.wait_ready("volume")  # the rows kept are answered, and the message stays
    assert message.is_visible()
    visit.page.fill(control("volume", "entries.0.sets"), "4")
    visit.page.wait_for_selector(
        f"{error_for('volume', 'entries')}[hidden]", state="attached", timeout=20_000
    )
    visit.assert_clean()


def test_a_link_with_2000_rows_is_cut_without_stalling_the_page(visit: Visit) -> None:
    """2,000 one-column rows fit in the 20,000 characters a link may hold; building them all
    stalled the page for about 4 s (a 4,138 ms task before the cut)."""
    limit = int(visit_max_items(visit))
    visit.page.goto("about:blank")  # a new document for the link, not a change of fragment
    visit.page.add_init_script(
        "window.longTasks = []; new PerformanceObserver((list) => { for (const entry of "
        "list.getEntries()) window.longTasks.push(entry.duration); })"
        ".observe({ type: 'longtask', buffered: true });"
    )
    started = time.monotonic()
    visit.goto("calculators/volume/#" + "&".join(["sets=3"] * 2000))
    message = visit.page.locator(error_for("volume", "entries"))
    message.wait_for(state="visible", timeout=10_000)
    shown_after = time.monotonic() - started
    assert (message.text_content() or "").startswith("This link lists 2,000 rows")
    assert visit.page.locator("#mc-volume .mc-entry").count() == limit
    longest = max(visit.page.evaluate("window.longTasks"), default=0)
    print(f"2,000-row link: message after {shown_after:.2f} s, longest task {longest:.0f} ms")
    assert longest < 1000
    # The rows kept have no exercise: Python's message beside each, and the page keeps working.
    visit.page.wait_for_selector(
        f"{error_for('volume', 'entries.0.exercise')}:not([hidden])", timeout=60_000
    )
    visit.assert_clean()


def visit_max_items(visit: Visit) -> str:
    """The volume form's row limit, as the built page declares it."""
    visit.goto("calculators/volume/")
    value = visit.page.get_attribute("#mc-volume .mc-entries", "data-max-items")
    assert value is not None
    return value


def test_a_value_too_long_to_share_gets_a_message(visit: Visit) -> None:
    long = "9" * 300
    visit.goto(f"calculators/protein/#weight={long}&weight_unit=kg")
    expected = python_errors("protein", {"weight": long})["weight"]
    wait_for_message(visit, "protein", "weight", expected)
    assert visit.page.input_value(control("protein", "weight")) == long
    visit.assert_clean()


def test_a_huge_number_then_a_unit_is_read_in_that_unit_with_its_range(visit: Visit) -> None:
    # Never answered, so never converted (the unit trap, tests/site/test_unit_trap.py): the
    # number is read in the unit picked, and its range is said beside it.
    visit.goto("calculators/protein/")
    visit.wait_ready("protein")
    visit.page.fill(control("protein", "weight"), "1e300")
    visit.page.select_option(control("protein", "weight_unit"), "lb")
    expected = python_errors("protein", {"weight": "1e300", "weight_unit": "lb"})["weight"]
    wait_for_message(visit, "protein", "weight", expected)
    assert visit.page.input_value(control("protein", "weight_unit")) == "lb"
    assert visit.page.input_value(control("protein", "weight")) == "1e300"
    assert "Something went wrong" not in (visit.page.text_content("#mc-protein") or "")
    visit.assert_clean()


def test_a_link_too_long_to_read_is_said_and_the_form_keeps_its_values(visit: Visit) -> None:
    visit.goto("calculators/protein/#weight=70&" + "x=" + "9" * 25_000)
    message = visit.page.locator(error_for("protein", "_"))
    message.wait_for(state="visible", timeout=10_000)  # said at once, not after Python starts
    assert (message.text_content() or "").startswith("This link holds more than the calculator")
    default = default_payload("protein")["weight"]
    assert visit.page.input_value(control("protein", "weight")) == str(default)
    visit.wait_ready("protein")
    assert message.is_visible()  # Python's answer does not wipe it
    visit.page.fill(control("protein", "weight"), "71")
    visit.page.wait_for_selector(f"{error_for('protein', '_')}[hidden]", state="attached")
    visit.assert_clean()
