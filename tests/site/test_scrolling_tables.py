"""A guide table that scrolls sideways can be reached and scrolled with the keyboard.

At 390 px, 19 of the guides' 43 tables are wider than the screen and scroll inside Material's box;
axe's scrollable-region-focusable rule flagged 9 pages for it before scrolling-tables.mjs. A box
that scrolls is a keyboard stop and a named region; a box that fits is left out of the tab order,
and the same box changes with the screen's width."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from support.browser import LAPTOP, PHONE, open_visit

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# The pages axe flagged at 390 px, and one with tables in content tabs.
FLAGGED = [
    "calculators/energy/",
    "calculators/protein/",
    "calculators/volume/",
    "causes/junk-volume-and-overtraining/",
    "causes/no-progressive-overload/",
    "causes/too-little-protein/",
    "exercises/activation-and-mobility/",
    "exercises/programming/",
    "exercises/single-leg-work/",
]

BOXES = """() => [...document.querySelectorAll('.md-typeset__scrollwrap')].map((box) => ({
  scrolls: box.scrollWidth > box.clientWidth,
  tabindex: box.getAttribute('tabindex'),
  role: box.getAttribute('role'),
  name: box.getAttribute('aria-label'),
  wanted: box.dataset.scrollName,
}))"""


def marked_as_they_scroll(boxes: list[dict[str, Any]]) -> bool:
    """Each box is a named keyboard region exactly when it scrolls."""
    return all(
        (box["tabindex"], box["role"], box["name"])
        == (("0", "region", box["wanted"]) if box["scrolls"] else (None, None, None))
        for box in boxes
    )


def test_axe_finds_no_unreachable_scrolling_table_on_a_phone(browser: Any, site_url: str) -> None:
    # axe is injected as a script, which the site's own policy rightly forbids: bypass it here only.
    visit = open_visit(browser, site_url, viewport=PHONE, bypass_csp=True)
    try:
        failures, scrolling = {}, 0
        for path in FLAGGED:
            visit.goto(path)
            visit.page.wait_for_function(
                f"({BOXES})().every(b => !b.scrolls || b.tabindex)", timeout=10_000
            )
            boxes = visit.page.evaluate(BOXES)
            scrolling += sum(box["scrolls"] for box in boxes)
            assert marked_as_they_scroll(boxes), path
            visit.page.add_script_tag(path=str(AXE))
            found = visit.page.evaluate(
                "axe.run(document, {runOnly: ['scrollable-region-focusable']})"
                ".then(r => r.violations.flatMap(v => v.nodes.map(n => n.target.join(' '))))"
            )
            if found:
                failures[path] = found
        assert failures == {}
        assert scrolling >= len(FLAGGED)  # the check met boxes that scroll, on every page
    finally:
        visit.page.context.close()


def test_a_box_joins_the_tab_order_when_the_screen_narrows_and_scrolls_by_keys(
    browser: Any, site_url: str
) -> None:
    visit = open_visit(browser, site_url, viewport=LAPTOP)
    page = visit.page
    try:
        visit.goto("causes/too-little-protein/")
        box = page.locator(".md-typeset__scrollwrap").first
        box.scroll_into_view_if_needed()
        assert page.evaluate(BOXES)[0]["scrolls"] is False
        assert box.get_attribute("tabindex") is None  # a table that fits is no keyboard stop

        page.set_viewport_size(PHONE)
        page.wait_for_function(
            "document.querySelector('.md-typeset__scrollwrap').getAttribute('tabindex') === '0'"
        )
        assert marked_as_they_scroll(page.evaluate(BOXES))
        heading = "Quick table: grams of protein a day"
        assert box.get_attribute("aria-label") == f"Table under “{heading}” (scrolls sideways)"

        page.keyboard.press("Tab")  # a keyboard interaction first, so focus rings show
        box.focus()
        assert box.evaluate("b => b.matches(':focus-visible')")
        assert box.evaluate("b => getComputedStyle(b).outlineStyle") == "solid"
        before = box.evaluate("b => b.scrollLeft")
        page.keyboard.press("ArrowRight")
        page.wait_for_function("b => b.scrollLeft > 0", arg=box.element_handle())
        assert before == 0

        page.set_viewport_size(LAPTOP)
        page.wait_for_function(
            "!document.querySelector('.md-typeset__scrollwrap').hasAttribute('tabindex')"
        )
        assert marked_as_they_scroll(page.evaluate(BOXES))
        visit.assert_clean()
    finally:
        page.context.close()
