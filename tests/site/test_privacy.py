"""What a reader types stays with the reader, in Chromium against nginx with the site's service
worker running: search words reach no request and no log line; the self-check's answers reach
neither the address, the history, the offline caches nor any storage unless the reader asks for
a link, and of the self-check only a change of kg or lb is kept (as the page says); no cache key
keeps a fragment; and the address follows a calculator's form from the
first edit, even one made before Python had started."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from sitebuild.nginx import Preview
from support.browser import (
    CACHED_URLS,
    KEPT,
    KEPT_ON_DEVICE,
    Visit,
    control,
    open_visit,
    wait_for_summary,
)
from support.calculators import call as cpython_run
from support.calculators import default_payload

pytestmark = pytest.mark.browser


@pytest.fixture
def with_worker(browser: object, site_url: str) -> Iterator[Visit]:
    """A new context with the site's service worker, recording its requests too."""
    visit = open_visit(browser, site_url, service_workers="allow")
    visit.page.context.on("request", lambda request: visit.requests.append(request.url))
    yield visit
    visit.page.context.close()


def box(code: str) -> str:
    return f'#mc-checkup input[type=checkbox][name="symptoms"][value="{code}"]'


def tick(page: Any, code: str) -> None:
    """Tick a warning sign as a reader does: open its folded group first if it is closed."""
    heading = page.locator(f'#mc-checkup details:not([open]):has(input[value="{code}"]) > summary')
    if heading.count():
        heading.click()
    page.check(box(code))


# -- search ----------------------------------------------------------------------------------


def test_search_words_reach_no_request_and_no_log_line(with_worker: Visit, nginx: Preview) -> None:
    page = with_worker.page
    with_worker.goto("")
    page.wait_for_selector(KEPT, timeout=30_000)  # the service worker answers from here on
    log = nginx.prefix / "access.log"
    before = len(log.read_text(encoding="utf-8").splitlines())
    page.click("label.md-search__icon[for='__search'], .md-search__input")
    page.locator("input.md-search__input").type("sciatica numb", delay=20)
    result = page.locator(".md-search-result__item a.md-search-result__link").first
    result.wait_for(timeout=30_000)
    assert "?h=" not in (result.get_attribute("href") or "")
    result.hover()  # instant navigation fetches the page on hover
    page.wait_for_timeout(500)
    with page.expect_navigation():
        result.click()
    page.wait_for_load_state("load")
    page.wait_for_timeout(500)
    words = ("sciatica", "numb")
    assert not [url for url in with_worker.requests if any(w in url.lower() for w in words)]
    assert not any(w in page.url.lower() for w in words)
    logged = log.read_text(encoding="utf-8").splitlines()[before:]
    assert logged, "the access log shows the requests of this visit"
    assert [line for line in logged if any(w in line.lower() for w in words)] == []
    with_worker.assert_clean()


# -- the self-check --------------------------------------------------------------------------

ANSWERS = {"symptoms": ["saddle_numbness", "weight_loss"], "sleep_hours": "5", "weight": "83"}
SIGNS = ("saddle_numbness", "weight_loss", "symptoms=", "sleep_hours")


def answer_the_self_check(visit: Visit) -> None:
    page = visit.page
    tick(page, "saddle_numbness")
    tick(page, "weight_loss")
    page.fill(control("checkup", "sleep_hours"), "5")
    page.fill(control("checkup", "weight"), "83")
    page.locator(control("checkup", "weight")).blur()
    wait_for_summary(visit, "checkup", cpython_run("checkup", ANSWERS)["display"]["summary"])


def test_self_check_answers_are_kept_nowhere_unless_a_link_is_asked_for(
    with_worker: Visit,
) -> None:
    page = with_worker.page
    with_worker.goto("checkup/")
    with_worker.wait_ready("checkup")
    page.wait_for_selector(KEPT, timeout=60_000)
    # A second load, now under the service worker, so that the page itself goes through it.
    page.reload()
    with_worker.wait_ready("checkup")
    length = page.evaluate("history.length")
    answer_the_self_check(with_worker)
    page.wait_for_selector("#mc-checkup:not([data-updating])")  # 83 kg answered
    page.select_option(control("checkup", "weight_unit"), "lb")  # and converted by Python
    page.wait_for_function(
        "sel => document.querySelector(sel).value === '183'", arg=control("checkup", "weight")
    )
    in_lb = {**ANSWERS, "weight": "183", "weight_unit": "lb"}
    wait_for_summary(with_worker, "checkup", cpython_run("checkup", in_lb)["display"]["summary"])
    page.wait_for_timeout(500)  # anything debounced has been written by now
    kept = page.evaluate(KEPT_ON_DEVICE)
    assert not [sign for sign in SIGNS if sign in kept], kept
    # Web Storage holds the unit choice and Material's colour scheme, nothing else.
    stored = json.loads(kept)
    local = {key: value for key, value in stored["local"].items() if key != "/.__palette"}
    assert local == {"musclecalc.units": '{"weight":"lb"}'}
    assert stored["session"] == {}
    assert "83" not in stored["local"].get("/.__palette", "")
    assert urlsplit(page.url).fragment == ""
    assert page.evaluate("history.length") == length
    text = page.text_content("#mc-checkup .mc-share") or ""
    assert "not put in its address" in text
    assert "kg or lb is the one thing this browser remembers" in text
    intro = page.text_content("article") or ""
    assert "only that choice of unit is remembered in this browser" in intro
    with_worker.assert_clean()


def test_a_self_check_link_holds_the_answers_and_clearing_empties_form_and_address(
    visit: Visit, browser: object, site_url: str
) -> None:
    page = visit.page
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    visit.goto("checkup/")
    visit.wait_ready("checkup")
    answer_the_self_check(visit)
    page.click("#mc-checkup [data-action=copy-link]")
    page.wait_for_selector("#mc-checkup .mc-share__status:text-is('Link copied.')")
    link = page.evaluate("navigator.clipboard.readText()")
    state = parse_qs(urlsplit(link).fragment)
    assert state["symptoms"] == ANSWERS["symptoms"] and state["sleep_hours"] == ["5"]
    assert urlsplit(page.url).fragment == ""  # made for the reader, not written in the address

    other = open_visit(browser, site_url)
    try:
        other.page.goto(link)
        assert other.page.is_checked(box("saddle_numbness"))
        other.wait_ready("checkup")
        wait_for_summary(other, "checkup", cpython_run("checkup", ANSWERS)["display"]["summary"])
        assert urlsplit(other.page.url).fragment == ""  # read, then taken out of the address
        other.page.click("#mc-checkup [data-action=clear-answers]")
        wait_for_summary(other, "checkup", cpython_run("checkup", {})["display"]["summary"])
        assert not other.page.is_checked(box("saddle_numbness"))
        assert other.page.input_value(control("checkup", "sleep_hours")) == ""
        assert other.page.input_value(control("checkup", "weight")) == ""
        assert urlsplit(other.page.url).fragment == ""
        other.assert_clean()
    finally:
        other.page.context.close()
    visit.assert_clean()


# -- calculators: the fragment, the caches and start-up ----------------------------------------


def test_no_cache_key_keeps_a_fragment(with_worker: Visit) -> None:
    page = with_worker.page
    with_worker.goto("calculators/protein/#weight=77.7&weight_unit=kg")
    with_worker.wait_ready("protein")
    page.wait_for_selector(KEPT, timeout=60_000)
    page.reload()  # through the service worker, which stores the page again
    with_worker.wait_ready("protein")
    page.wait_for_timeout(500)
    cached = page.evaluate(CACHED_URLS)
    assert any(url.endswith("/calculators/protein/") for url in cached)
    assert [url for url in cached if "#" in url or "77.7" in url] == []
    with_worker.assert_clean()


def test_an_edit_made_while_python_starts_reaches_the_address(visit: Visit) -> None:
    page = visit.page
    held: list[Any] = []
    # The interpreter's download waits until the edit is made.
    page.context.route("**/pyodide.asm.wasm", lambda route: held.append(route))  # noqa: PLW0108 - Playwright needs a Python function, not a builtin method
    visit.goto("calculators/protein/")
    page.wait_for_selector("#mc-protein .mc-status[data-state=loading]")
    page.fill(control("protein", "weight"), "77")
    page.locator(control("protein", "weight")).blur()
    for _ in range(200):  # the route's handler runs while Playwright waits
        if held:
            break
        page.wait_for_timeout(50)
    assert page.get_attribute("#mc-protein .mc-status", "data-state") == "loading"
    assert held, "the interpreter's download was held"
    held[0].continue_()
    expected = cpython_run("protein", {**default_payload("protein"), "weight": "77"})
    wait_for_summary(visit, "protein", expected["display"]["summary"])
    page.wait_for_timeout(300)
    assert parse_qs(urlsplit(page.url).fragment).get("weight") == ["77"]
    page.reload()  # the address is what a reload (or an offline reload) starts from
    assert page.input_value(control("protein", "weight")) == "77"
    visit.assert_clean()
