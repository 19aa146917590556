"""Search finds what a worried reader types: every query in search_queries.toml, typed into the
built site's search box in Chromium, with the first result's page (and, for a warning sign, its
first section) checked. Every emergency phrasing must be right; at least 90 % of all queries.

Misspellings ("protien", "sciatca") rely on the search worker's typo step
(scripts/sitebuild/search-worker.js): a word that matches nothing is tried once more with lunr's
`~1`.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from support.search import result_links, type_query

QUERIES_FILE = Path(__file__).with_name("search_queries.toml")
SHARE_RIGHT = 0.9


@dataclass(frozen=True)
class Query:
    text: str
    page: str
    sections: tuple[str, ...] = ()
    emergency: bool = False


def load_queries() -> list[Query]:
    data = tomllib.loads(QUERIES_FILE.read_text(encoding="utf-8"))
    return [
        Query(q["text"], q["page"], tuple(q.get("sections", ())), bool(q.get("emergency")))
        for q in data["query"]
    ]


QUERIES = load_queries()


def test_the_query_list_is_big_enough_and_names_real_pages() -> None:
    assert len(QUERIES) >= 20
    assert sum(q.emergency for q in QUERIES) >= 8
    assert {"protien", "sciatca", "can't feel toilet paper", "chest pain running"} <= {
        q.text for q in QUERIES
    }
    docs = Path(__file__).resolve().parents[2] / "docs"
    for q in QUERIES:
        page = q.page.rstrip("/") or "index"
        assert (docs / f"{page}.md").exists() or (docs / page / "index.md").exists(), q


def first_result(visit: object, query: str) -> tuple[str, str]:
    """The first result's page and its first section's anchor ("" when none), site-relative."""
    type_query(visit, query)
    paths = [urlsplit(link) for link in result_links(visit, first_only=True, timeout=5_000)]
    if not paths:
        return "", ""
    section = next((p.fragment for p in paths if p.fragment), "")
    return paths[0].path.removeprefix(urlsplit(visit.base_url).path), section


@pytest.mark.browser
def test_the_first_result_is_the_right_page_and_section(visit: object) -> None:
    visit.goto("")
    wrong, emergencies_wrong = [], []
    for q in QUERIES:
        got_page, got_section = first_result(visit, q.text)
        right = got_page == q.page and (not q.sections or got_section in q.sections)
        print(f"search {q.text!r}: {got_page}#{got_section} {'ok' if right else 'WRONG'}")
        if not right:
            wrong.append(f"{q.text!r} -> {got_page}#{got_section} (want {q.page} {q.sections})")
            if q.emergency:
                emergencies_wrong.append(wrong[-1])
    assert emergencies_wrong == []
    assert 1 - len(wrong) / len(QUERIES) >= SHARE_RIGHT, wrong
    visit.assert_clean()
