"""What a page load costs the browser (README, `make lighthouse`): Material's bundle no longer
makes Chromium restyle the whole page as it starts, and nothing a reader relies on is lost for it.

Three page-wide changes used to come after the first render, each a restyle of every element:
`no-js` to `js` (and the focus-visible class) on <html>, the stylesheets swapped for absolute
addresses by instant navigation, and a `color-scheme` meta tag from the palette component.
before-first-render.js makes the first two in <head>; sitebuild.color_scheme_meta keeps the tag
out. The count is read from a Chromium trace: deterministic, unlike timings on a shared machine.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from support.browser import PHONE, Visit, open_visit

pytestmark = pytest.mark.browser

PAGE = "calculators/energy/"
#: A restyle that reaches this share of the page's elements counts as a restyle of the page.
WHOLE_PAGE = 0.9


def palette_has_run(visit: Visit) -> None:
    """Material's palette component, one of the last to start, has filled in its theme colour."""
    visit.page.wait_for_function(
        "document.querySelector('meta[name=theme-color]')?.content.startsWith('#')"
    )


def restyle_sizes(trace: bytes) -> list[int]:
    """How many elements each style recalculation in a Chromium trace touched, in order."""
    events = json.loads(trace)
    events = events["traceEvents"] if isinstance(events, dict) else events
    recalcs = sorted(
        (e for e in events if e.get("name") == "UpdateLayoutTree" and e.get("ph") == "X"),
        key=lambda e: e["ts"],
    )
    return [int(e.get("args", {}).get("elementCount") or 0) for e in recalcs]


def test_a_calculator_page_restyles_the_whole_page_at_most_once_while_it_loads(
    browser: Any, site_url: str
) -> None:
    visit = open_visit(browser, site_url, viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        browser.start_tracing(page=visit.page, categories=["devtools.timeline"])
        try:
            visit.goto(PAGE)
            visit.wait_ready("energy")
            palette_has_run(visit)
        finally:
            trace = browser.stop_tracing()
        elements = visit.page.evaluate("document.getElementsByTagName('*').length")
        sizes = restyle_sizes(trace)
        assert sizes, "the trace recorded no style recalculation"
        whole = [size for size in sizes if size >= WHOLE_PAGE * elements]
        assert len(whole) <= 1, (
            f"{len(whole)} restyles of the whole page ({elements} elements): {whole}"
        )
        visit.assert_clean()
    finally:
        visit.page.context.close()


def test_each_stylesheet_is_fetched_once_and_instant_navigation_keeps_them(
    browser: Any, site_url: str
) -> None:
    visit = open_visit(browser, site_url, viewport=PHONE)
    try:
        visit.goto(PAGE)
        palette_has_run(visit)
        hrefs = visit.page.eval_on_selector_all(
            "link[rel=stylesheet]", "links => links.map(l => l.getAttribute('href'))"
        )
        assert len(hrefs) == 3, hrefs
        assert all(href.startswith(site_url) for href in hrefs), hrefs
        for href in hrefs:
            assert visit.requests.count(href) == 1, f"{href} fetched {visit.requests.count(href)}x"
        # A page one folder up, by instant navigation: the same sheets, each once, still applied.
        visit.page.evaluate("window.__sameDocument = true")
        visit.page.evaluate("document.querySelector('a.md-header__button.md-logo').click()")
        visit.page.wait_for_url(site_url)
        assert visit.page.evaluate("window.__sameDocument") is True, "instant navigation reloaded"
        after = visit.page.eval_on_selector_all(
            "link[rel=stylesheet]", "links => links.map(l => l.getAttribute('href'))"
        )
        assert after == hrefs
        assert visit.page.evaluate(
            "getComputedStyle(document.querySelector('.md-header')).position"
        ) in {
            "sticky",
            "fixed",
        }
        visit.assert_clean()
    finally:
        visit.page.context.close()


def test_without_javascript_the_page_keeps_material_s_no_js_styles(
    browser: Any, site_url: str
) -> None:
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    try:
        page = context.new_page()
        page.goto(site_url + PAGE)
        assert page.evaluate("document.documentElement.className") == "no-js"
        # Material hides the search button when no script can run it.
        assert not page.locator("label.md-header__button[for=__search]").is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_palette_sets_the_pages_colour_scheme_without_a_meta_tag(
    browser: Any, site_url: str, scheme: str
) -> None:
    visit = open_visit(browser, site_url, viewport=PHONE, color_scheme=scheme)
    try:
        visit.goto(PAGE)
        palette_has_run(visit)
        assert visit.page.locator("meta[name=color-scheme]").count() == 0
        root, body = visit.page.evaluate(
            "[document.documentElement, document.body].map(e => getComputedStyle(e).colorScheme)"
        )
        assert body == scheme
        assert (root == "dark") == (scheme == "dark"), root
        visit.assert_clean()
    finally:
        visit.page.context.close()
