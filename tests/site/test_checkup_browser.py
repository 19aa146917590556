"""The self-check in a real browser: ticking boxes changes the answer, an emergency sign puts
the emergency message first in words, and the answers round-trip through the address."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from support.browser import Visit, control, open_visit
from support.calculators import call as cpython_run

pytestmark = pytest.mark.browser

SUMMARY = "#mc-checkup-answer .mc-summary"
ALERT_TITLE = "#mc-checkup-answer .mc-alert__title"


def box(code: str) -> str:
    return f'#mc-checkup input[type=checkbox][name="symptoms"][value="{code}"]'


def wait_for_summary(visit: Visit, text: str) -> None:
    visit.page.wait_for_function(
        "([selector, text]) => document.querySelector(selector)?.textContent === text",
        arg=[SUMMARY, text],
        timeout=30_000,
    )


def test_ticking_boxes_changes_the_answer_and_an_emergency_comes_first(visit: Visit) -> None:
    page = visit.page
    visit.goto("checkup/")
    visit.wait_ready("checkup")
    empty = cpython_run("checkup", {})["display"]["summary"]
    assert page.text_content(SUMMARY) == empty

    page.check(box("statin_pain"))
    urgent = cpython_run("checkup", {"symptoms": ["statin_pain"]})["display"]
    wait_for_summary(visit, urgent["summary"])
    assert page.text_content(ALERT_TITLE).strip() == "Urgent: get medical advice today"

    page.fill(control("checkup", "sleep_hours"), "5")
    page.check(box("saddle_numbness"))
    payload = {"symptoms": ["saddle_numbness", "statin_pain"], "sleep_hours": "5"}
    emergency = cpython_run("checkup", payload)["display"]
    wait_for_summary(visit, emergency["summary"])
    answer = page.inner_text("#mc-checkup-answer")
    assert answer.lstrip().startswith("Emergency: get help now")
    assert answer.index("Emergency: get help now") < answer.index("Once you have been checked")
    assert "Poor sleep and too little rest" in answer
    visit.assert_clean()


def test_the_answers_round_trip_through_the_address(
    visit: Visit, browser: object, site_url: str
) -> None:
    page = visit.page
    visit.goto("checkup/")
    visit.wait_ready("checkup")
    page.check(box("weight_loss"))
    page.fill(control("checkup", "weight"), "80")
    page.fill(control("checkup", "protein_grams"), "72")
    payload = {"symptoms": ["weight_loss"], "weight": "80", "protein_grams": "72"}
    expected = cpython_run("checkup", payload)["display"]
    wait_for_summary(visit, expected["summary"])
    address = urlsplit(page.url)
    assert address.query == ""
    state = parse_qs(address.fragment)
    assert state["symptoms"] == ["weight_loss"]
    assert state["protein_grams"] == ["72"]
    shared = page.url

    other = open_visit(browser, site_url)
    try:
        other.page.goto(shared)
        assert other.page.is_checked(box("weight_loss"))
        assert not other.page.is_checked(box("saddle_numbness"))
        other.wait_ready("checkup")
        wait_for_summary(other, expected["summary"])
        other.assert_clean()
    finally:
        other.page.context.close()
    visit.assert_clean()
