"""The progress log in the browser: readings stay on the device (they survive a reload), export
and import round-trip through a CSV file, "Delete my log" removes them, and no reading ever
appears in the address or in any request."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from support.browser import Visit, control, open_visit
from support.calculators import call as cpython_run
from support.calculators import default_payload

pytestmark = pytest.mark.browser

STORAGE_KEY = "musclecalc.progress-log"
#: Readings no example holds, so finding them anywhere means they came from this test.
NEW_DATE = "2026-11-02"
NEW_HIPS = "93.7"
NEW_WAIST = "71.9"
#: Every address the page gives itself, by whatever means.
RECORD_ADDRESSES = """
(() => {
  window.__addresses = [location.href];
  for (const name of ["pushState", "replaceState"]) {
    const original = history[name].bind(history);
    history[name] = (state, title, url) => {
      original(state, title, url);
      window.__addresses.push(location.href);
    };
  }
  addEventListener("hashchange", () => window.__addresses.push(location.href));
})();
"""


def stored(visit: Visit) -> Any:
    return json.loads(visit.page.evaluate(f"localStorage.getItem('{STORAGE_KEY}') ?? 'null'"))


def hips_values(visit: Visit) -> list[str]:
    return visit.page.eval_on_selector_all(
        "#mc-progress .mc-entry [data-name=hips]", "inputs => inputs.map((i) => i.value)"
    )


def wait_answered(visit: Visit) -> None:
    """Python has answered the form as it is now (the answer is live and not updating)."""
    visit.page.wait_for_function(
        "() => { const root = document.querySelector('#mc-progress');"
        " return root.dataset.live === 'true' && root.dataset.updating === undefined; }",
        timeout=60_000,
    )


def test_a_log_stays_on_the_device_and_never_in_the_address_or_a_request(
    visit: Visit, tmp_path: Path
) -> None:
    page = visit.page
    bodies: list[str] = []
    page.on("request", lambda request: bodies.append(request.post_data or ""))
    page.add_init_script(RECORD_ADDRESSES)
    page.on("dialog", lambda dialog: dialog.accept())
    visit.goto("calculators/progress/")
    visit.wait_ready("progress")
    # The page says where the log lives before the form, and the example is not saved.
    notice = page.locator(".admonition", has_text="Your log stays on this device")
    assert notice.is_visible()
    assert page.evaluate(
        "([a, b]) => !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING)",
        [notice.element_handle(), page.locator("#mc-progress .mc-form").element_handle()],
    )
    assert page.locator(".mc-share").count() == 0  # nothing here belongs in a link
    assert stored(visit) is None
    example_rows = page.locator("#mc-progress .mc-entry").count()

    # Add a reading, as a reader does.
    page.click("#mc-progress [data-action=add-entry]")
    new = example_rows
    page.fill(control("progress", f"entries.{new}.date"), NEW_DATE)
    page.fill(control("progress", f"entries.{new}.hips"), NEW_HIPS)
    page.fill(control("progress", f"entries.{new}.waist"), NEW_WAIST)
    page.locator(control("progress", f"entries.{new}.waist")).blur()
    wait_answered(visit)
    page.wait_for_function(
        f"() => (localStorage.getItem('{STORAGE_KEY}') ?? '').includes('{NEW_HIPS}')"
    )
    assert page.locator("#mc-progress .mc-status").get_attribute("data-state") == "ready"
    log = stored(visit)
    assert log["entries"][new]["date"] == NEW_DATE and log["length_unit"] == "cm"

    # Reload: the reading is still there, from this browser's storage.
    page.reload()
    visit.wait_ready("progress")
    wait_answered(visit)
    assert page.locator("#mc-progress .mc-entry").count() == example_rows + 1
    assert hips_values(visit)[new] == NEW_HIPS
    assert page.input_value(control("progress", f"entries.{new}.date")) == NEW_DATE
    assert "readings, saved only in this browser" in page.text_content(".mc-log__status")

    # Export: Python writes the CSV; the file holds the new reading in its columns.
    with page.expect_download() as download:
        page.click("[data-action=export-log]")
    exported = tmp_path / "log.csv"
    download.value.save_as(exported)
    text = exported.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "date,hips_cm,waist_cm,thigh_cm,weight_kg,lift_kg,lift_reps"
    assert f"{NEW_DATE},{NEW_HIPS},{NEW_WAIST}," in text
    assert len(text.splitlines()) == example_rows + 2

    # Delete: the storage is empty and the form shows the example again.
    page.click("[data-action=delete-log]")
    wait_answered(visit)
    assert stored(visit) is None
    assert page.locator("#mc-progress .mc-entry").count() == example_rows
    assert NEW_HIPS not in hips_values(visit)
    assert "deleted" in page.text_content(".mc-log__status")

    # Import the exported file: the reading is back, on the page and in storage.
    page.set_input_files(".mc-log__file", str(exported))
    page.wait_for_function(
        f"() => [...document.querySelectorAll('#mc-progress [data-name=hips]')].some((i) => i.value === '{NEW_HIPS}')",
        timeout=60_000,
    )
    wait_answered(visit)
    assert page.locator("#mc-progress .mc-entry").count() == example_rows + 1
    assert stored(visit)["entries"][new]["hips"] == NEW_HIPS
    expected = cpython_run(
        "progress", {"entries": stored(visit)["entries"], "length_unit": "cm", "weight_unit": "kg"}
    )
    assert page.text_content("#mc-progress-answer .mc-summary") == expected["display"]["summary"]

    # No reading ever reached the address or a request (address, query or body).
    addresses = [*page.evaluate("window.__addresses"), page.url]
    requests = [*visit.requests, *bodies]
    for reading in (NEW_DATE, NEW_HIPS, NEW_WAIST, "hips=", "entries"):
        assert not any(reading in address for address in addresses), (reading, addresses)
        assert not any(reading in request for request in requests), reading
    assert all("#" not in address for address in addresses)
    visit.assert_clean()


def test_switching_units_converts_the_log_and_a_bad_file_says_why(
    visit: Visit, tmp_path: Path
) -> None:
    page = visit.page
    visit.goto("calculators/progress/")
    visit.wait_ready("progress")
    wait_answered(visit)
    first = hips_values(visit)[0]
    page.select_option(control("progress", "length_unit"), "in")
    page.wait_for_function(
        f"() => document.querySelector('#mc-progress [data-name=hips]').value === '{float(first) / 2.54:.1f}'"
    )
    wait_answered(visit)
    payload = {**default_payload("progress"), "length_unit": "in"}
    payload["entries"] = page.evaluate(
        "() => [...document.querySelectorAll('#mc-progress .mc-entry')].map((row) =>"
        " Object.fromEntries([...row.querySelectorAll('[data-name]')].map((c) => [c.dataset.name, c.value])))"
    )
    expected = cpython_run("progress", payload)
    assert page.text_content("#mc-progress-answer .mc-summary") == expected["display"]["summary"]
    assert " in " in expected["display"]["summary"]

    bad = tmp_path / "notes.csv"
    bad.write_text("day,hips\n1,98\n", encoding="utf-8")
    page.set_input_files(".mc-log__file", str(bad))
    page.wait_for_function(
        "() => document.querySelector('.mc-log__status').textContent.includes('column')"
    )
    assert stored(visit) is None  # a file that is not a log changes nothing
    # A file with more rows than the log holds is refused whole, never cut short.
    rows = page.locator("#mc-progress .mc-entry").count()
    too_long = tmp_path / "years.csv"
    days = [
        f"20{20 + day // 336}-{1 + day // 28 % 12:02d}-{1 + day % 28:02d}" for day in range(201)
    ]
    too_long.write_text("date,hips_cm\n" + "".join(f"{d},98\n" for d in days), encoding="utf-8")
    page.set_input_files(".mc-log__file", str(too_long))
    page.wait_for_function(
        "() => document.querySelector('.mc-log__status').textContent.includes('Nothing was imported')"
    )
    assert "at most 200" in page.text_content(".mc-log__status")
    assert page.locator("#mc-progress .mc-entry").count() == rows
    assert stored(visit) is None
    visit.assert_clean()


def test_without_javascript_the_worked_example_shows_and_the_log_controls_do_not(
    browser: object, site_url: str
) -> None:
    visit = open_visit(browser, site_url, java_script_enabled=False)
    try:
        visit.goto("calculators/progress/")
        expected = cpython_run("progress", default_payload("progress"))
        summary = visit.page.locator("#mc-progress-answer .mc-summary")
        assert summary.text_content() == expected["display"]["summary"]
        assert not visit.page.locator(".mc-log").is_visible()
        assert visit.page.locator("#mc-progress-details svg.mc-chart").count() == 5
        assert visit.page.locator("#mc-progress-details table.mc-table").count() == 6
        visit.assert_clean()
    finally:
        visit.page.context.close()
