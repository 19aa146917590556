"""Site search: the red-flags page comes first for the words worried readers type."""

from __future__ import annotations

import pytest

QUERIES = ["numb buttock", "sciatica", "statin", "atrophy", "dark urine"]


def search_results(visit: object, query: str) -> list[str]:
    """The result links Material's search shows for a query, in order."""
    page = visit.page
    page.click("label.md-search__icon[for='__search'], .md-search__input")
    box = page.locator("input.md-search__input")
    box.fill("")
    box.type(query, delay=20)
    page.wait_for_function(
        "q => document.querySelector('.md-search-result__meta')?.textContent.trim() !== '' &&"
        " document.querySelector('input.md-search__input').value === q",
        arg=query, timeout=30_000,
    )
    page.wait_for_selector(".md-search-result__item a.md-search-result__link", timeout=30_000)
    links = page.locator(".md-search-result__list > .md-search-result__item > a.md-search-result__link")
    return [href or "" for href in links.evaluate_all("as => as.map(a => a.getAttribute('href'))")]


@pytest.mark.browser
@pytest.mark.parametrize("query", QUERIES)
def test_red_flags_is_the_first_result(visit: object, query: str) -> None:
    visit.goto("")
    results = search_results(visit, query)
    rank = next((i + 1 for i, href in enumerate(results) if "red-flags/" in href), None)
    print(f"search {query!r}: red-flags.md rank {rank} of {len(results)}")
    assert results, f"no results for {query!r}"
    assert "red-flags/" in results[0], f"{query!r}: red-flags.md is at rank {rank}; first is {results[0]}"
    visit.assert_clean()
