"""A reader whose browser blocks this site's storage gets a working site.

Blocking site data (Chrome's "Block all cookies", Safari's, a privacy extension) makes every read
of `localStorage` or `sessionStorage` throw a SecurityError. Material's settings helpers read the
storage outside any try, so its bundle threw as it started: six page errors on the energy
calculator, no palette switch and no search results (before-first-render.js, point 3).

Playwright offers no switch for Chromium's cookie blocking, so the page gets what such a browser
gives it (support.browser.BLOCKED_STORAGE): both storage properties throwing a SecurityError,
installed before any of the page's scripts run. Everything else is the real site in the real
browser.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from support.browser import BLOCKED_STORAGE, LAPTOP, Visit, open_visit, wait_for_summary
from support.calculators import summary_of

pytestmark = pytest.mark.browser


@pytest.fixture
def blocked(browser: Any, site_url: str) -> Iterator[Visit]:
    visit = open_visit(browser, site_url, viewport=LAPTOP)
    visit.page.add_init_script(BLOCKED_STORAGE)
    yield visit
    visit.page.context.close()


def test_with_storage_blocked_the_palette_search_and_calculators_still_work(
    blocked: Visit,
) -> None:
    page = blocked.page
    blocked.goto("calculators/energy/")
    assert page.evaluate("(() => { try { localStorage; return false } catch { return true } })()")
    blocked.wait_ready("energy")

    page.fill("#mc-energy-weight", "80")
    wait_for_summary(blocked, "energy", summary_of("energy", {"weight": "80"}))

    scheme = page.evaluate("document.body.dataset.mdColorScheme")
    page.locator("label.md-header__button[for^=__palette]:visible").first.click()
    page.wait_for_function(f"document.body.dataset.mdColorScheme !== '{scheme}'")

    page.keyboard.press("/")
    page.keyboard.type("protein")
    page.wait_for_selector(".md-search-result__item", timeout=15_000)
    blocked.assert_clean()  # no page error, no console error
