"""The self-check in a real browser: ticking boxes changes the answer, an emergency sign puts
the emergency message first in words. (The answers reach the address only as a link the reader
asks for: tests/site/test_privacy.py.)"""

from __future__ import annotations

from typing import Any

import pytest

from support.browser import Visit, control
from support.calculators import call as cpython_run

pytestmark = pytest.mark.browser

SUMMARY = "#mc-checkup-answer .mc-summary"
ALERT_TITLE = "#mc-checkup-answer .mc-alert__title"


def box(code: str) -> str:
    return f'#mc-checkup input[type=checkbox][name="symptoms"][value="{code}"]'


def tick(page: Any, code: str) -> None:
    """Tick a warning sign as a reader does: open its folded group first if it is closed."""
    heading = page.locator(f'#mc-checkup details:not([open]):has(input[value="{code}"]) > summary')
    if heading.count():
        heading.click()
    page.check(box(code))


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

    tick(page, "statin_pain")
    urgent = cpython_run("checkup", {"symptoms": ["statin_pain"]})["display"]
    wait_for_summary(visit, urgent["summary"])
    assert page.text_content(ALERT_TITLE).strip() == "Urgent: get medical advice today"

    page.fill(control("checkup", "sleep_hours"), "5")
    tick(page, "saddle_numbness")
    payload = {"symptoms": ["saddle_numbness", "statin_pain"], "sleep_hours": "5"}
    emergency = cpython_run("checkup", payload)["display"]
    wait_for_summary(visit, emergency["summary"])
    answer = page.inner_text("#mc-checkup-answer")
    assert answer.lstrip().startswith("Emergency: get help now")
    assert answer.index("Emergency: get help now") < answer.index("Once you have been checked")
    assert "Poor sleep and too little rest" in answer
    visit.assert_clean()
