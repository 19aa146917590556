"""Less work for the browser while a page loads (README, `make lighthouse`), and nothing a reader
can reach lost for it: no `color-scheme` meta tag from Material's palette component (it restyled
every element twice per load; sitebuild.color_scheme_meta) while the dark palette still darkens
the whole page, and blocks skipped with `content-visibility: auto` (the text under a calculator,
the drawer's closed sub-menus on a phone) that keyboard, find, anchors and print still reach."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from support.browser import Visit, open_visit

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
PAGE = "calculators/energy/"

#: Elements under `selector` that Chromium skips (not rendered for now, though displayed).
SKIPPED = """selector => [...document.querySelectorAll(selector)].filter(
  e => e.checkVisibility() && !e.checkVisibility({contentVisibilityAuto: true})).length"""
#: Whether at least `least` elements under `selector` are skipped.
SKIPPED_AT_LEAST = f"([selector, least]) => ({SKIPPED})(selector) >= least"


def wait_until_skipped(page: Any, selector: str, least: int) -> None:
    """Chromium decides what is near the screen after the first frames (the calculator grows as
    its script starts): wait until it skips at least `least` elements under `selector`."""
    page.wait_for_function(SKIPPED_AT_LEAST, arg=[selector, least], timeout=10_000)


@pytest.fixture
def phone(browser: Any, site_url: str) -> Iterator[Visit]:
    visit = open_visit(browser, site_url, viewport=PHONE)
    visit.goto(PAGE)
    visit.page.wait_for_load_state("load")
    yield visit
    visit.page.context.close()


@pytest.mark.parametrize(("scheme", "expected"), [("light", "light"), ("dark", "dark")])
def test_the_palette_sets_the_pages_colour_scheme_without_a_meta_tag(
    browser: Any, site_url: str, scheme: str, expected: str
) -> None:
    visit = open_visit(browser, site_url, viewport=PHONE, color_scheme=scheme)
    try:
        visit.goto(PAGE)
        # The palette component has run: it fills in the theme-color tag it appends.
        visit.page.wait_for_function(
            "document.querySelector('meta[name=theme-color]')?.content.startsWith('#')"
        )
        assert visit.page.locator("meta[name=color-scheme]").count() == 0
        schemes = visit.page.evaluate(
            "[document.documentElement, document.body].map(e => getComputedStyle(e).colorScheme)"
        )
        assert schemes[1] == expected
        assert (schemes[0] == "dark") == (expected == "dark")
        visit.assert_clean()
    finally:
        visit.page.context.close()


def test_the_text_under_a_calculator_is_skipped_until_it_comes_near(phone: Visit) -> None:
    page = phone.page
    wait_until_skipped(page, ".mc-calculator ~ *", 5)
    # An anchor link: the heading is shown on screen, its section rendered.
    page.evaluate("location.hash = '#sources'")
    page.wait_for_function(
        "() => { const b = document.getElementById('sources').getBoundingClientRect();"
        " return b.top >= 0 && b.bottom <= innerHeight; }",
        timeout=10_000,
    )
    rendered = page.evaluate(
        "document.getElementById('sources').nextElementSibling"
        ".checkVisibility({contentVisibilityAuto: true})"
    )
    assert rendered


def test_the_browsers_find_reaches_skipped_text(phone: Visit) -> None:
    page = phone.page
    wait_until_skipped(page, ".mc-calculator ~ *", 5)
    # The first limit of the calculator: text that appears nowhere above it.
    item = "document.getElementById('limits-of-this-calculator').nextElementSibling.querySelector('li')"
    assert page.evaluate(f"{item}.checkVisibility({{contentVisibilityAuto: true}})") is False
    text = page.evaluate(f"{item}.textContent.trim().slice(0, 40)")
    assert page.evaluate("text => window.find(text)", text)
    assert page.evaluate(
        f"{item}.contains(getSelection().anchorNode)"
        f" && {item}.checkVisibility({{contentVisibilityAuto: true}})"
    )


def test_tab_goes_from_the_calculator_into_the_skipped_text(phone: Visit) -> None:
    page = phone.page
    wait_until_skipped(page, ".mc-calculator ~ *", 5)
    page.evaluate(
        "(() => { const focusable = [...document.querySelectorAll('.mc-calculator a[href],"
        " .mc-calculator button, .mc-calculator input, .mc-calculator select')]"
        ".filter(e => e.checkVisibility() && !e.disabled && e.tabIndex >= 0);"
        " focusable[focusable.length - 1].focus(); })()"
    )
    inside = None
    for _ in range(40):  # past any summary or link the calculator has after its last control
        page.keyboard.press("Tab")
        inside = page.evaluate(
            "(() => { const e = document.activeElement;"
            " return e.closest('.mc-calculator ~ *') ? e.checkVisibility({contentVisibilityAuto: true}) : null; })()"
        )
        if inside is not None:
            break
    assert inside is True


def test_print_renders_the_skipped_blocks(phone: Visit) -> None:
    page = phone.page
    page.emulate_media(media="print")
    styles = page.evaluate(
        "[...document.querySelectorAll('.mc-calculator ~ *, .md-nav--primary .md-nav__toggle ~ .md-nav')]"
        ".map(e => getComputedStyle(e).contentVisibility)"
    )
    assert styles and set(styles) == {"visible"}


def test_the_phone_drawer_skips_its_closed_sub_menus_and_keyboard_still_reaches_them(
    phone: Visit,
) -> None:
    page = phone.page
    drawer = ".md-sidebar--primary *"
    total = page.evaluate("document.querySelectorAll('.md-sidebar--primary *').length")
    assert page.evaluate(SKIPPED, drawer) > total / 2
    # Tab from the top of the page, as a keyboard user would: links in closed sub-menus (the
    # guides of sections other than this page's) are in the tab order.
    reached = set()
    for _ in range(120):
        page.keyboard.press("Tab")
        href = page.evaluate(
            "(() => { const e = document.activeElement;"
            " return e.closest('.md-nav__toggle:not(:checked) ~ .md-nav') ? e.getAttribute('href') : null; })()"
        )
        if href:
            reached.add(href)
        if len(reached) >= 3:
            break
    assert len(reached) >= 3, reached
    # Open the drawer and a section as Material's labels do (they check these boxes): the
    # section's sub-menu is on screen, its links rendered.
    label = page.locator(
        ".md-nav--primary > .md-nav__list > .md-nav__item--nested label.md-nav__link[for]"
    ).first
    label_id = label.get_attribute("id")
    page.evaluate(
        "toggle => { document.getElementById('__drawer').checked = true;"
        " document.getElementById(toggle).checked = true; }",
        label.get_attribute("for"),
    )
    page.wait_for_timeout(600)  # Material's 0.25 s slides
    link = page.locator(f"nav[aria-labelledby='{label_id}'] a.md-nav__link").first
    assert link.evaluate("e => e.checkVisibility({contentVisibilityAuto: true})")
    box = link.bounding_box()
    assert box and 0 <= box["x"] < PHONE["width"]
