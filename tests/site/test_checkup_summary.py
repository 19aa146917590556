"""The self-check's "Take this to your doctor" summary on a phone (issue 25), in Chromium against
nginx with the site's service worker running: it lists the one sign ticked and none of the others,
prints alone on one page, copies as Python's plain text, and nothing leaves or is kept."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode, urlsplit

import pytest

from musclecalc._checkup import CHECKUP
from musclecalc._handout import EXAMPLE_LINE, Stamp, handout_text, made_line
from musclecalc._warning_signs import SIGNS
from support.browser import KEPT_ON_DEVICE, PHONE, Visit, control, open_visit
from support.calculators import call as cpython_run
from support.site import ROOT

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TICKED = "one_sided_wasting"
PAYLOAD: dict[str, Any] = {
    "symptoms": [TICKED],
    "sleep_hours": "5",
    "progression": "no",
    "stress": "high",
}
HANDOUT = "#mc-checkup .mc-handout"
TOOLS = "#mc-checkup .mc-handout-tools"


def pdf_pages(pdf: bytes) -> int:
    """The pages of a PDF, counted by their page objects (not the /Pages tree)."""
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))


def expected_text(payload: dict[str, Any], address: str) -> str:
    """The summary's plain text as CPython writes it for today, at the page's address."""
    handout = CHECKUP.run(payload)[1].handout
    assert handout is not None
    return handout_text(handout, Stamp(datetime.date.today(), address))


@pytest.fixture
def phone(browser: Any, site_url: str) -> Iterator[Visit]:
    """A phone with the site's service worker (so its caches are checked too), clipboard
    permission, and axe allowed in (the site's script policy rightly forbids injected scripts)."""
    visit = open_visit(browser, site_url, service_workers="allow", viewport=PHONE, bypass_csp=True)
    visit.page.context.on("request", lambda request: visit.requests.append(request.url))
    visit.page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    yield visit
    visit.page.context.close()


def answer(visit: Visit) -> None:
    """Tick one routine sign (its group folded until opened) and answer four questions."""
    page = visit.page
    page.click(
        f'#mc-checkup details:not([open]):has(input[value="{TICKED}"]) > summary',
    )
    page.check(f'#mc-checkup input[name="symptoms"][value="{TICKED}"]')
    page.fill(control("checkup", "sleep_hours"), "5")
    page.select_option(control("checkup", "progression"), "no")
    page.click("#mc-checkup details.mc-more:not([open]) > summary")  # the optional questions
    page.select_option(control("checkup", "stress"), "high")
    summary = cpython_run("checkup", PAYLOAD)["display"]["summary"]
    page.wait_for_function(
        "(text) => document.querySelector('#mc-checkup-answer .mc-summary')?.textContent === text",
        arg=summary,
        timeout=30_000,
    )


def test_summary_prints_alone_on_one_page_copies_as_text_and_nothing_is_kept(
    phone: Visit, site_url: str
) -> None:
    page = phone.page
    phone.goto("checkup/")
    phone.wait_ready("checkup")
    length = page.evaluate("history.length")
    address = page.get_attribute("#mc-checkup", "data-page-address")
    assert address == site_url + "checkup/"
    answer(phone)
    text = expected_text(PAYLOAD, address)
    page.wait_for_function(
        "([selector, text]) => document.querySelector(selector)?.dataset.text === text",
        arg=[HANDOUT, text],
        timeout=30_000,
    )
    shown = page.inner_text(HANDOUT)
    assert made_line(Stamp(datetime.date.today())) in shown and EXAMPLE_LINE not in shown
    before = len(phone.requests)

    # Copy as text: Python's plain text on the clipboard, said in a live region.
    page.click(f"{TOOLS} [data-action=copy-summary]")
    page.wait_for_selector(f"{TOOLS} .mc-handout-tools__status:text-is('Summary copied.')")
    assert page.evaluate("navigator.clipboard.readText()") == text
    assert page.get_attribute(f"{TOOLS} .mc-handout-tools__status", "aria-live") == "polite"
    # The buttons are real buttons, reached by keyboard with a visible focus ring.
    page.focus(f"{TOOLS} [data-action=copy-summary]")
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.dataset.action") == "print-summary"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none")
    # "Print this summary" asks the browser to print (recorded here: headless Chromium has no
    # print dialog); the print style is measured below.
    page.evaluate("window.print = () => { document.body.dataset.printAsked = 'yes'; }")
    page.click(f"{TOOLS} [data-action=print-summary]")
    assert page.get_attribute("body", "data-print-asked") == "yes"

    page.emulate_media(media="print")
    assert page.is_visible(HANDOUT)
    for hidden in ("#mc-checkup .mc-form", "#mc-checkup-answer", TOOLS, "h1", ".md-header"):
        assert not page.locator(hidden).first.is_visible(), hidden
    printed = page.inner_text(HANDOUT)
    assert SIGNS[TICKED].label in printed
    unticked = [sign.label for code, sign in SIGNS.items() if code != TICKED]
    assert [label for label in unticked if label in printed] == []
    assert (
        "Sleep a night (hours): 5 hours" in printed
        and "Stress in the last few weeks: High" in printed
    )
    assert "Routine: book a doctor's appointment" in printed
    pages = pdf_pages(page.pdf(format="A4"))
    assert pages == 1, f"the summary printed on {pages} pages"
    page.emulate_media(media="screen")

    # Nothing left the page and nothing was kept: no request after the answer, no storage, no
    # cookie, no address or history change.
    assert phone.requests[before:] == []
    kept = page.evaluate(KEPT_ON_DEVICE)
    words = (TICKED, SIGNS[TICKED].label, "sleep_hours", "Take this to your doctor")
    assert [word for word in words if word in kept] == [], kept
    assert page.context.cookies() == []
    assert urlsplit(page.url).fragment == ""
    assert page.evaluate("history.length") == length

    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(
        "axe.run(document, {resultTypes: ['violations']}).then(r => r.violations"
        ".filter(v => ['serious', 'critical'].includes(v.impact)).map(v => v.id))"
    )
    assert violations == []
    phone.assert_clean()


def test_without_javascript_the_page_prints_the_worked_examples_undated_summary(
    browser: Any, site_url: str
) -> None:
    visit = open_visit(browser, site_url, viewport=PHONE, java_script_enabled=False)
    try:
        page = visit.page
        visit.goto("checkup/")
        assert page.is_hidden(TOOLS)  # the buttons need the script
        page.emulate_media(media="print")
        assert page.is_visible(HANDOUT)
        printed = page.inner_text(HANDOUT)
        assert EXAMPLE_LINE in printed and "Made on" not in printed
        assert site_url + "checkup/" in printed
        assert not page.locator("#mc-checkup .mc-form").is_visible()
        pages = pdf_pages(page.pdf(format="A4"))
        assert pages == 1, f"the worked summary printed on {pages} pages"
        visit.assert_clean()
    finally:
        visit.page.context.close()


@pytest.mark.parametrize("ticked", [27, 15], ids=["every-sign", "fifteen-signs"])
def test_the_longest_summaries_every_question_answered_still_print_on_one_page(
    browser: Any, site_url: str, ticked: int
) -> None:
    """The worst case for length: all 27 signs ticked and every question answered (67 lines),
    opened from a link to these answers (the page reads it, then takes it out of the address).
    Fifteen signs (55 lines, the last 15) printed on two pages at the usual size before the
    summary asked for the smaller print type; all 27 printed on three."""
    payload: dict[str, Any] = {
        "symptoms": list(SIGNS)[-ticked:],
        "months_training": "30",
        "weekly_hard_sets": "6",
        "progression": "no",
        "close_to_failure": "no",
        "same_exercises": "yes",
        "weight": "61.5",
        "weight_unit": "kg",
        "protein_grams": "55",
        "weight_trend": "losing",
        "weight_change_per_week": "0.9",
        "age": "67",
        "sleep_hours": "5.5",
        "stress": "high",
        "sitting_hours": "11",
        "measured": "yes",
        "low_sex_drive": "yes",
    }
    visit = open_visit(browser, site_url, viewport=PHONE)
    try:
        page = visit.page
        visit.goto("checkup/#" + urlencode(payload, doseq=True))
        visit.wait_ready("checkup")
        text = expected_text(payload, site_url + "checkup/")
        page.wait_for_function(
            "([selector, text]) => document.querySelector(selector)?.dataset.text === text",
            arg=[HANDOUT, text],
            timeout=30_000,
        )
        assert len(text.splitlines()) == 40 + ticked  # every sign ticked, every answer
        page.emulate_media(media="print")
        pages = pdf_pages(page.pdf(format="A4"))
        assert pages == 1, f"the summary of {ticked} signs printed on {pages} pages"
        visit.assert_clean()
    finally:
        visit.page.context.close()
