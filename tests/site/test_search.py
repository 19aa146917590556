"""Site search: the red-flags page comes first for the words worried readers type."""

from __future__ import annotations

import time

import pytest

from support.search import result_links, type_query

QUERIES = ["numb buttock", "sciatica", "statin", "atrophy", "dark urine"]


#: Seconds within which search answers a reader who heads for it before the page has settled.
SEARCH_SOON_S = 15


def search_results(visit: object, query: str) -> list[str]:
    """The pages Material's search lists for a query, in order (their sections left out)."""
    type_query(visit, query)
    return [link for link in result_links(visit) if "#" not in link]


@pytest.mark.browser
@pytest.mark.parametrize("query", QUERIES)
def test_red_flags_is_the_first_result(visit: object, query: str) -> None:
    visit.goto("")
    results = search_results(visit, query)
    rank = next((i + 1 for i, href in enumerate(results) if "red-flags/" in href), None)
    print(f"search {query!r}: red-flags.md rank {rank} of {len(results)}")
    assert results, f"no results for {query!r}"
    assert "red-flags/" in results[0], (
        f"{query!r}: red-flags.md is at rank {rank}; first is {results[0]}"
    )
    visit.assert_clean()


@pytest.mark.browser
def test_search_answers_at_once_on_a_calculator_page_whose_python_has_not_started(
    visit: object,
) -> None:
    # The search index waits for the page to settle (Python started) unless the reader heads for
    # search: here Python never starts (its interpreter never arrives), and the reader searches.
    visit.page.context.route("**/pyodide.asm.wasm", lambda route: None)
    visit.goto("calculators/protein/")
    began = time.monotonic()
    results = search_results(visit, "statin")
    assert time.monotonic() - began < SEARCH_SOON_S  # not after the page gives up on Python (30 s)
    assert results and "red-flags/" in results[0]
    assert visit.page.get_attribute("#mc-protein .mc-status", "data-state") == "loading"
    assert visit.foreign_requests == []
