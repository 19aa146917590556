"""Material's search box, used as a reader uses it: open it, type, read the results."""

from __future__ import annotations

from typing import Any

__all__ = ["RESULT_LINKS", "result_links", "type_query"]

#: Each result's links: the page first, then any of its sections that matched.
RESULT_LINKS = ".md-search-result__list > .md-search-result__item a.md-search-result__link"


def type_query(visit: Any, query: str) -> None:
    """Open the search box, type ``query`` key by key and wait until search has answered it."""
    page = visit.page
    page.click("label.md-search__icon[for='__search'], .md-search__input")
    box = page.locator("input.md-search__input")
    box.fill("")
    box.type(query, delay=10)
    page.wait_for_function(
        "q => document.querySelector('.md-search-result__meta')?.textContent.trim() !== '' &&"
        " document.querySelector('input.md-search__input').value === q",
        arg=query,
        timeout=30_000,
    )


def result_links(visit: Any, *, first_only: bool = False, timeout: float = 30_000) -> list[str]:
    """The results' addresses, in order (only the first result's, pages and sections, with
    ``first_only``); empty when no result shows within ``timeout`` ms."""
    page = visit.page
    try:
        page.wait_for_selector(RESULT_LINKS, timeout=timeout)
    except Exception:  # Playwright's TimeoutError: search found nothing
        return []
    selector = (
        RESULT_LINKS.replace("__item a", "__item:first-child a") if first_only else RESULT_LINKS
    )
    links: list[str] = page.locator(selector).evaluate_all("as => as.map(a => a.href)")
    return links
