"""The calculators in a real browser: Debian's Chromium, driven by Playwright, against the built
site served on loopback with the site's Content-Security-Policy header."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from support.browser import Visit, control, error_for, open_visit
from support.calculators import call as cpython_run
from support.calculators import default_payload
from support.site import ROOT, Build

pytestmark = pytest.mark.browser

# Inputs that differ from every default, so a live answer can be told from the pre-rendered one.
TYPED = {
    "protein": {"weight": "82.5", "goal": "lose", "meals": "5", "age": "67"},
    "energy": {
        "sex": "male",
        "age": "41",
        "height": "183",
        "weight": "90",
        "activity": "very",
        "goal": "lose",
    },
}


# The page's answer as text: summary, facts, warnings and table rows.
READ_ANSWER = """name => {
  const texts = (selector) => [...document.querySelectorAll(selector)].map((n) => n.textContent.trim());
  const rows = [...document.querySelectorAll(`#mc-${name}-details .mc-table-wrap tbody tr`)]
    .map((row) => [...row.children].map((cell) => cell.textContent.trim()));
  return {
    summary: document.querySelector(`#mc-${name}-answer .mc-summary`)?.textContent,
    facts: texts(`#mc-${name}-answer .mc-fact dd`),
    warnings: texts(`#mc-${name}-answer .mc-warnings li`),
    rows,
  };
}"""


def expected_answer(display: dict) -> dict:
    return {
        "summary": display["summary"],
        "facts": [fact["value"] for fact in display["facts"]],
        "warnings": display["warnings"],
        "rows": display["table"]["rows"] if display.get("table") else [],
    }


def wait_for_answer(visit: Visit, name: str, display: dict) -> None:
    """Wait until the whole answer on the page is the one CPython gives; fail with the difference."""
    expected = expected_answer(display)
    try:
        visit.page.wait_for_function(
            f"([name, expected]) => JSON.stringify(({READ_ANSWER})(name)) === JSON.stringify(expected)",
            arg=[name, expected],
            timeout=20_000,
        )
    except Exception:
        assert visit.page.evaluate(READ_ANSWER, name) == expected
        raise


def fill(visit: Visit, name: str, values: dict[str, str]) -> None:
    for field, value in values.items():
        control = visit.page.locator(f"#mc-{name}-{field}")
        if control.evaluate("node => node.tagName") == "SELECT":
            control.select_option(value)
        else:
            control.fill(value)


@pytest.mark.parametrize("name", ["protein", "energy"])
def test_typed_inputs_give_cpythons_answer(visit: Visit, name: str) -> None:
    visit.goto(f"calculators/{name}/")
    visit.wait_ready(name)
    fill(visit, name, TYPED[name])
    payload = {**default_payload(name), **TYPED[name]}
    expected = cpython_run(name, payload)
    assert expected["ok"]
    wait_for_answer(visit, name, expected["display"])
    visit.assert_clean()


def test_volume_rows_can_be_added_changed_and_removed(visit: Visit) -> None:
    page = visit.page
    visit.goto("calculators/volume/")
    visit.wait_ready("volume")
    rows = page.locator(".mc-entry")
    start = rows.count()
    page.click("[data-action=add-entry]")
    assert rows.count() == start + 1
    last = start  # zero-based index of the new row
    page.select_option(control("volume", f"entries.{last}.exercise"), "leg_extension")
    page.fill(control("volume", f"entries.{last}.sets"), "4")
    page.fill(control("volume", f"entries.{last}.sessions"), "2")
    entries = [dict(row) for row in default_payload("volume")["entries"]]
    entries.append({"exercise": "leg_extension", "sets": "4", "sessions": "2"})
    expected = cpython_run("volume", {**default_payload("volume"), "entries": entries})
    wait_for_answer(visit, "volume", expected["display"])
    assert (
        page.locator(
            "#mc-volume-details svg.mc-chart, #mc-volume-details .mc-chart-figure svg"
        ).count()
        == 1
    )
    # A wrong value in one row is reported beside that row's field, and only there.
    page.fill(control("volume", f"entries.{last}.sets"), "lots")
    bad = cpython_run(
        "volume",
        {**default_payload("volume"), "entries": [*entries[:-1], {**entries[-1], "sets": "lots"}]},
    )
    assert not bad["ok"] and list(bad["errors"]) == [f"entries.{last}.sets"]
    message = page.locator(error_for("volume", f"entries.{last}.sets"))
    message.wait_for(state="visible")
    assert message.text_content() == bad["errors"][f"entries.{last}.sets"]
    assert page.get_attribute(control("volume", f"entries.{last}.sets"), "aria-invalid") == "true"
    described_by = page.get_attribute(control("volume", f"entries.{last}.sets"), "aria-describedby")
    assert message.get_attribute("id") in described_by.split()
    assert page.locator("#mc-volume .mc-error:visible").count() == 1
    page.click(f".mc-entry[data-index='{last}'] [data-action=remove-entry]")
    assert rows.count() == start
    expected = cpython_run("volume", default_payload("volume"))
    wait_for_answer(visit, "volume", expected["display"])
    visit.assert_clean()


def test_bad_input_shows_the_field_message_and_recovers(visit: Visit) -> None:
    page = visit.page
    visit.goto("calculators/protein/")
    visit.wait_ready("protein")
    before = page.evaluate(READ_ANSWER, "protein")
    page.fill("#mc-protein-weight", "-3")
    expected = cpython_run("protein", {**default_payload("protein"), "weight": "-3"})
    assert not expected["ok"] and "weight" in expected["errors"]
    error = page.locator("#mc-protein-weight-error")
    error.wait_for(state="visible")
    assert error.text_content() == expected["errors"]["weight"]
    assert page.get_attribute("#mc-protein-weight", "aria-invalid") == "true"
    assert "mc-protein-weight-error" in page.get_attribute("#mc-protein-weight", "aria-describedby")
    assert page.get_attribute("#mc-protein .mc-status", "data-state") == "invalid"
    assert (
        page.evaluate(READ_ANSWER, "protein") == before
    )  # the last good answer stays, marked out of date
    # Nothing else on the page broke: other fields still answer once the weight is fixed.
    page.fill("#mc-protein-weight", "64")
    page.select_option("#mc-protein-goal", "maintain")
    expected = cpython_run(
        "protein", {**default_payload("protein"), "weight": "64", "goal": "maintain"}
    )
    wait_for_answer(visit, "protein", expected["display"])
    assert error.is_hidden()
    assert page.get_attribute("#mc-protein-weight", "aria-invalid") is None
    visit.assert_clean()


def test_unit_switch_converts_the_value_shown(visit: Visit) -> None:
    page = visit.page
    visit.goto("calculators/protein/")
    visit.wait_ready("protein")
    page.fill("#mc-protein-weight", "80")
    in_kg = cpython_run(
        "protein", {**default_payload("protein"), "weight": "80", "weight_unit": "kg"}
    )
    # Answered in kg, then switched: converted (a number not yet answered is not: test_unit_trap).
    wait_for_answer(visit, "protein", in_kg["display"])
    page.select_option("#mc-protein-weight_unit", "lb")
    page.wait_for_function(
        "() => document.querySelector('#mc-protein-weight').value === '176.4'", timeout=10_000
    )
    in_lb = cpython_run(
        "protein", {**default_payload("protein"), "weight": "176.4", "weight_unit": "lb"}
    )
    wait_for_answer(visit, "protein", in_lb["display"])
    assert in_lb["result"]["daily_grams"]["target"] == pytest.approx(
        in_kg["result"]["daily_grams"]["target"], abs=1
    )
    visit.assert_clean()


def test_the_address_keeps_the_inputs_and_restores_them(
    visit: Visit, browser: object, site_url: str
) -> None:
    page = visit.page
    visit.goto("calculators/energy/")
    visit.wait_ready("energy")
    fill(visit, "energy", TYPED["energy"])
    expected = cpython_run("energy", {**default_payload("energy"), **TYPED["energy"]})
    wait_for_answer(visit, "energy", expected["display"])
    address = urlsplit(page.url)
    assert address.query == "", (
        "a reader's values must never be in the part of the address servers see"
    )
    state = parse_qs(address.fragment)
    for field, value in TYPED["energy"].items():
        assert state[field] == [value]
    shared = page.url

    other = open_visit(browser, site_url)
    try:
        other.page.goto(shared)
        for field, value in TYPED["energy"].items():
            assert other.page.input_value(f"#mc-energy-{field}") == value
        other.wait_ready("energy")
        wait_for_answer(other, "energy", expected["display"])
        other.assert_clean()
    finally:
        other.page.context.close()
    visit.assert_clean()


@pytest.mark.parametrize("separator", ["#", "?"])
def test_volume_rows_round_trip_through_the_address(visit: Visit, separator: str) -> None:
    """Rows open from the fragment, and from an old ?query link, which moves into the fragment."""
    entries = [
        {"exercise": "hip_thrust", "sets": "4", "sessions": "2"},
        {"exercise": "bulgarian_split_squat", "sets": "3", "sessions": "2"},
    ]
    state = "&".join(f"{k}={v}" for row in entries for k, v in row.items())
    visit.goto(f"calculators/volume/{separator}{state}")
    assert visit.page.locator(".mc-entry").count() == 2
    assert (
        visit.page.input_value(control("volume", "entries.1.exercise")) == "bulgarian_split_squat"
    )
    assert urlsplit(visit.page.url).query == "" and urlsplit(visit.page.url).fragment == state
    visit.wait_ready("volume")
    expected = cpython_run("volume", {**default_payload("volume"), "entries": entries})
    wait_for_answer(visit, "volume", expected["display"])
    visit.assert_clean()


# Each element of the answer as [tag, attributes, children], text nodes as strings. Material wraps
# every table that is on the page when it loads in two scrolling boxes of its own; those boxes are
# Material's decoration, not the answer's markup, so they are looked through.
READ_TREE = """({ selector, html }) => {
  const material = (node) => node.classList?.contains("md-typeset__scrollwrap")
    || node.classList?.contains("md-typeset__table");
  const children = (node) => [...node.childNodes].filter((c) => c.nodeType !== Node.COMMENT_NODE)
    .flatMap((c) => material(c) ? children(c) : [c]);
  const tree = (node) => node.nodeType === Node.TEXT_NODE ? node.data
    : [node.nodeName, [...node.attributes].map((a) => [a.name, a.value]).sort(), children(node).map(tree)];
  const root = html === undefined ? document : new DOMParser().parseFromString(html, "text/html");
  return [...root.querySelectorAll(selector)].map(tree);
}"""


# Counts, from the document's start, every change to the children of a calculator's answer or
# details made after the page was parsed (the parser's own insertions come before that).
COUNT_ANSWER_SWAPS = """
window.answerSwaps = 0;
document.addEventListener("DOMContentLoaded", () => {
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.target instanceof Element && record.target.closest(".mc-answer, .mc-details")) {
        window.answerSwaps++;
      }
    }
  }).observe(document.body, { childList: true, subtree: true });
});
"""


@pytest.mark.parametrize("name", ["protein", "energy", "volume"])
def test_the_live_answer_is_the_prerendered_answer_element_by_element(
    visit: Visit, build: Build, name: str
) -> None:
    """The build and the browser render answers with the same code: for the same inputs the
    answer Python gives in the page equals, node for node, the one the page was built with.
    The built answer is read from the built file, not from the page before Python answers,
    which a fast start can beat. It is even the same markup, byte for byte (the same
    `markup_digest`), so the page leaves the built answer in place: nothing to rebuild or lay
    out again. An edit then does replace it, which shows the count below is live."""
    visit.page.add_init_script(COUNT_ANSWER_SWAPS)
    selector = f"#mc-{name}-answer, #mc-{name}-details"
    html = (build.site_dir / "calculators" / name / "index.html").read_text(encoding="utf-8")
    visit.goto(f"calculators/{name}/")
    built = visit.page.evaluate(READ_TREE, {"selector": selector, "html": html})
    assert (
        visit.page.evaluate(
            "([html, id]) => new DOMParser().parseFromString(html, 'text/html')"
            ".getElementById(id).hasAttribute('data-live')",
            [html, f"mc-{name}"],
        )
        is False
    )
    visit.page.wait_for_selector(f"#mc-{name}[data-live=true]", timeout=60_000)
    live = visit.page.evaluate(READ_TREE, {"selector": selector})
    assert live == built
    assert len(str(built)) > 1000  # the comparison covered a whole answer, not two empty boxes
    assert visit.page.evaluate("window.answerSwaps") == 0
    first_number = f"#mc-{name} .mc-form input.mc-input[inputmode]:visible"
    visit.page.locator(first_number).first.fill({"volume": "5"}.get(name, "80"))  # sets, or kg
    visit.page.wait_for_function("() => window.answerSwaps > 0")
    visit.assert_clean()


def test_moving_between_calculators_reuses_one_worker(visit: Visit, build: Build) -> None:
    page = visit.page
    visit.goto("calculators/protein/")
    visit.wait_ready("protein")
    page.evaluate("window.__sameDocument = true")  # survives only if no full reload happens
    page.locator("a.md-nav__link[href$='/calculators/energy/']:visible").first.click()
    page.wait_for_selector("#mc-energy")
    visit.wait_ready("energy")
    assert page.evaluate("window.__sameDocument") is True, "instant navigation reloaded the page"
    fill(visit, "energy", TYPED["energy"])
    wait_for_answer(
        visit,
        "energy",
        cpython_run("energy", {**default_payload("energy"), **TYPED["energy"]})["display"],
    )
    [worker] = (build.site_dir / "assets" / "javascripts").glob("calculator-worker.*.mjs")
    assert [url for url in visit.workers if "calculator-worker" in url] == [
        visit.base_url + "assets/javascripts/" + worker.name
    ]
    assert sum(url.endswith("pyodide.asm.wasm") for url in visit.requests) == 1
    visit.assert_clean()


def test_without_javascript_the_prerendered_answer_shows(browser: object, site_url: str) -> None:
    visit = open_visit(browser, site_url, java_script_enabled=False)
    try:
        for name in ("protein", "energy", "volume"):
            visit.goto(f"calculators/{name}/")
            expected = cpython_run(name, default_payload(name))
            summary = visit.page.locator(f"#mc-{name}-answer .mc-summary")
            assert summary.is_visible()
            assert summary.text_content() == expected["display"]["summary"]
        assert visit.workers == []  # no JavaScript, no worker (not even search)
        visit.assert_clean()
    finally:
        visit.page.context.close()


def test_a_failed_start_becomes_an_error_with_a_working_retry(visit: Visit) -> None:
    page = visit.page
    wasm = "**/pyodide.asm.wasm"  # the worker's request: a context route sees it
    page.context.route(wasm, lambda route: route.fulfill(status=503, body="unavailable"))
    visit.goto("calculators/protein/")
    page.wait_for_selector("#mc-protein .mc-status[data-state=error]", timeout=20_000)
    assert "could not start" in page.text_content("#mc-protein .mc-status__text")
    assert page.locator("#mc-protein .mc-summary").is_visible()  # the worked example stays
    page.context.unroute(wasm)
    page.click("#mc-protein [data-action=retry]")
    visit.wait_ready("protein")
    # The 503 the test made is the one expected console error.
    visit.console_errors = [e for e in visit.console_errors if "503" not in e]
    visit.assert_clean()


def test_keyboard_alone_fills_a_form_and_reaches_the_answer(visit: Visit) -> None:
    page = visit.page
    visit.goto("calculators/protein/")
    visit.wait_ready("protein")
    page.focus("#mc-protein-weight")
    page.keyboard.press("Control+A")
    page.keyboard.type("95")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none"), "the focused field shows no focus ring"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "mc-protein-weight_unit"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "mc-protein-goal"
    page.keyboard.press("ArrowDown")  # next goal, chosen with the keyboard
    goal = page.input_value("#mc-protein-goal")
    expected = cpython_run("protein", {**default_payload("protein"), "weight": "95", "goal": goal})
    wait_for_answer(visit, "protein", expected["display"])
    # Keep tabbing: every control is reachable, and the method details open from the keyboard.
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "SUMMARY":
            break
    assert page.evaluate("document.activeElement.closest('.mc-method') !== null")
    page.keyboard.press("Enter")
    assert page.evaluate("document.querySelector('#mc-protein .mc-method').open")
    assert page.get_attribute("#mc-protein-answer", "aria-live") == "polite"
    visit.assert_clean()


AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_PAGES = [
    "checkup/",
    "",
    "causes/too-little-protein/",
    "exercises/hip-thrust-and-glute-bridge/",
    "red-flags/",
    "calculators/protein/",
    "calculators/energy/",
    "calculators/volume/",
    "calculators/progress/",
]


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_axe_finds_no_serious_or_critical_violation(
    browser: object, site_url: str, scheme: str
) -> None:
    assert AXE.exists(), "axe-core is missing: run `make node`"
    # axe is injected as a script, which the site's own policy rightly forbids: bypass it here only.
    visit = open_visit(
        browser, site_url, bypass_csp=True, color_scheme="dark" if scheme == "slate" else "light"
    )
    try:
        failures = {}
        for path in AXE_PAGES:
            visit.goto(path)
            if path.startswith("calculators/") and path != "calculators/":
                visit.wait_ready(Path(path).name)
            assert visit.page.get_attribute("body", "data-md-color-scheme") == scheme
            visit.page.add_script_tag(path=str(AXE))
            result = visit.page.evaluate(
                "axe.run(document, {resultTypes: ['violations']}).then(r => r.violations"
                ".filter(v => ['serious', 'critical'].includes(v.impact))"
                ".map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')))"
            )
            if result:
                failures[path or "/"] = result
        assert failures == {}
    finally:
        visit.page.context.close()


def test_every_page_loads_without_console_errors_or_foreign_requests(
    visit: Visit, build: object
) -> None:
    pages = sorted(
        p.parent.relative_to(build.site_dir).as_posix() for p in build.site_dir.rglob("index.html")
    )
    assert len(pages) >= 30
    for path in pages:
        visit.goto("" if path == "." else f"{path}/")
        visit.page.wait_for_load_state("load")
    visit.page.wait_for_timeout(500)
    visit.assert_clean()


def test_a_readers_values_never_leave_in_an_address_or_header(browser: Any, site_url: str) -> None:
    """Typed values stay in the fragment: no request the page or the site's service worker makes
    (navigation, reload, assets, the calculators' worker, instant navigation) carries them in its
    URL or any header, Referer included."""
    visit = open_visit(browser, site_url, service_workers="allow")
    sent: list[str] = []
    visit.page.context.on(
        "request", lambda request: sent.append(f"{request.url} {request.all_headers()}")
    )
    visit.goto("calculators/protein/")
    visit.wait_ready("protein")
    fill(visit, "protein", {"weight": "83.7", "age": "47", "body_fat_percent": "23.9"})
    visit.page.wait_for_function("() => location.hash.includes('23.9')")
    visit.page.reload()
    visit.wait_ready("protein")
    assert visit.page.input_value("#mc-protein-weight") == "83.7"
    visit.page.locator("a.md-nav__link[href$='/calculators/energy/']:visible").first.click()
    visit.wait_ready("energy")
    visit.page.wait_for_timeout(300)
    assert len(sent) > 10
    leaks = [line for line in sent if any(value in line for value in ("83.7", "23.9", "age=47"))]
    assert leaks == []
    visit.assert_clean()
    visit.page.context.close()


def test_a_missing_page_at_any_depth_still_runs_the_sites_scripts(visit: Visit) -> None:
    """The 404 page is served at the missing address's depth; its moved inline scripts and
    Material's must still load, so search and the colour toggle keep working."""
    response = visit.page.goto(visit.base_url + "a/b/c/missing/")
    assert response is not None and response.status == 404
    assert visit.page.evaluate("typeof __md_get") == "function"
    visit.page.wait_for_load_state("load")
    # The one expected console error is the 404 of the missing page itself.
    visit.console_errors = [e for e in visit.console_errors if "404" not in e]
    visit.assert_clean()
