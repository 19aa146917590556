"""The guides: every page reachable, structured for a worried reader, sourced and plain."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from mkdocs.utils.yaml import yaml_load

from support.site import ROOT

DOCS = ROOT / "docs"
GUIDES = sorted([*DOCS.glob("causes/*.md"), *DOCS.glob("exercises/*.md")])
CAUSES = [p for p in GUIDES if p.parent.name == "causes" and p.name != "index.md"]
EXERCISES = [p for p in GUIDES if p.parent.name == "exercises" and p.name != "index.md"]
CAUSE_SECTIONS = [
    "What is happening in the body",
    "Signs this is your cause",
    "What to do this week",
    "Sources",
]


def ids(paths: list[Path]) -> list[str]:
    return [p.relative_to(DOCS).as_posix() for p in paths]


def front_matter(path: Path) -> dict:
    match = re.match(r"---\n(.*?)\n---\n", path.read_text(encoding="utf-8"), re.S)
    assert match, f"{path.name} has no front matter"
    return yaml.safe_load(match.group(1))


def nav_pages(nav: list) -> list[str]:
    pages = []
    for item in nav:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        pages += nav_pages(value) if isinstance(value, list) else [value]
    return pages


def sources_section(text: str) -> str:
    match = re.search(r"^## Sources\s*$(.*?)(?=^## |\Z)", text, re.M | re.S)
    return match.group(1) if match else ""


def test_every_page_is_in_the_navigation() -> None:
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as file:
        nav = nav_pages(yaml_load(file)["nav"])
    pages = sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md"))
    assert sorted(nav) == pages


def test_there_are_enough_causes_and_exercises() -> None:
    assert len(CAUSES) >= 12
    assert len(EXERCISES) >= 8


@pytest.mark.parametrize("path", sorted(DOCS.rglob("*.md")), ids=ids(sorted(DOCS.rglob("*.md"))))
def test_front_matter_has_a_description_and_a_review_due_date(path: Path) -> None:
    meta = front_matter(path)
    assert 20 <= len(str(meta.get("description", ""))) <= 200
    assert '"' not in str(meta["description"]), "use typographic quotes in descriptions"
    # "Last updated" comes from git; the next review is a date the maintainers commit to.
    assert "reviewed" not in meta, (
        "the hand-set reviewed: date is replaced by git dates and review_due"
    )
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(meta.get("review_due", "")))
    assert "being written" not in path.read_text(encoding="utf-8"), "still a stub"


@pytest.mark.parametrize("path", GUIDES, ids=ids(GUIDES))
def test_guide_links_to_red_flags_and_cites_its_sources(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert re.search(r"\]\((?:\.\./)?red-flags\.md(?:#[a-z-]+)?\)", text), (
        "no link to the red-flags page"
    )
    if path.name == "index.md":
        return
    sources = sources_section(text)
    items = re.findall(r"^\s*\d+\.\s+(.+)$", sources, re.M)
    assert items, "the Sources section is missing or empty"
    for item in items:
        assert re.search(r"\(\d{4}[a-z]?\)|\b(19|20)\d{2}\b", item), (
            f"source without a year: {item[:60]}"
        )
        assert re.search(r"doi\.org/10\.|https?://", item), (
            f"source without a DOI or URL: {item[:60]}"
        )


# Section overviews (causes/index.md, exercises/index.md) list pages instead of answering.
ANSWERING = [*CAUSES, *EXERCISES, DOCS / "index.md"]


@pytest.mark.parametrize("path", ANSWERING, ids=ids(ANSWERING))
def test_guide_opens_with_a_short_answer(path: Path) -> None:
    body = re.sub(r"\A---\n.*?\n---\n", "", path.read_text(encoding="utf-8"), flags=re.S).lstrip()
    match = re.match(r"# .+\n+!!! abstract \"Short answer\"\n((?:    .*\n|\n)+)", body)
    assert match, "the page does not open with the Short answer admonition"
    # A sentence ends at . ! or ? before a space and a capital (so "1.4 to 2.0 g" is one sentence).
    sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z\"(])", " ".join(match.group(1).split()))
    assert 2 <= len(sentences) <= 3, sentences


@pytest.mark.parametrize("path", CAUSES, ids=ids(CAUSES))
def test_cause_pages_follow_the_reader_path(path: Path) -> None:
    headings = re.findall(r"^## (.+?)\s*(?:\{.*\})?$", path.read_text(encoding="utf-8"), re.M)
    positions = [headings.index(h) if h in headings else -1 for h in CAUSE_SECTIONS]
    assert -1 not in positions, (
        f"missing sections: {[h for h, p in zip(CAUSE_SECTIONS, positions, strict=True) if p < 0]}"
    )
    assert positions == sorted(positions), "sections out of order"


@pytest.mark.parametrize("path", EXERCISES, ids=ids(EXERCISES))
def test_exercise_pages_teach_the_movement(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    if path.name == "programming.md":
        assert re.search(r"^=== .*[Bb]eginner", text, re.M) and re.search(
            r"^=== .*[Ii]ntermediate", text, re.M
        )
        assert "deload" in text.lower()
        return
    for heading in (
        "What it trains",
        "How to do it",
        "Form cues",
        "Common mistakes",
        "Easier and harder versions",
    ):
        assert re.search(rf"^## {heading}", text, re.M), heading
    assert re.search(r"^1\. ", text, re.M), "no numbered steps"
    assert re.search(r"glute(us)? (maximus|medius|minimus)|maximus|medius", text, re.I)


def test_exercise_pages_carry_original_diagrams_with_alt_text() -> None:
    images = []
    for path in EXERCISES:
        images += re.findall(r"!\[([^\]]*)\]\(([^)]+)\)", path.read_text(encoding="utf-8"))
    assert len(images) >= 6
    for alt, source in images:
        assert len(alt.split()) >= 4, f"{source}: alt text too thin: {alt!r}"
        svg = (DOCS / "exercises" / source).resolve()
        assert svg.suffix == ".svg" and svg.exists(), source


@pytest.mark.parametrize("svg", sorted(DOCS.rglob("*.svg")), ids=ids(sorted(DOCS.rglob("*.svg"))))
def test_diagrams_are_self_contained_and_titled(svg: Path) -> None:
    import xml.etree.ElementTree as ET

    text = svg.read_text(encoding="utf-8")
    root = ET.fromstring(text)
    assert not re.search(r"<script|href=\"(?!#)|url\((?!#)", text)
    if svg.parent.name == "img":
        assert root.find("{http://www.w3.org/2000/svg}title") is not None


def test_red_flags_has_three_levels_named_in_words() -> None:
    from musclecalc import warning_signs

    text = (DOCS / "red-flags.md").read_text(encoding="utf-8")
    levels = re.findall(
        r"^## (.+?) \{ #(\w[\w-]*) \}\n\n<!-- warning-signs: (\w+) -->$", text, re.M
    )
    assert [anchor for _, anchor, _ in levels] == ["emergency", "urgent", "routine"]
    for heading, anchor, marker in levels:
        assert marker == anchor == warning_signs.LEVELS[anchor].anchor
        assert anchor in heading.lower()
    for condition in ("thyroid", "myositis", "neurolog"):
        assert condition in text.lower()


def test_no_page_links_to_the_old_red_flag_anchors() -> None:
    for page in DOCS.rglob("*.md"):
        assert not re.search(
            r"#(immediate-action|non-urgent)\b", page.read_text(encoding="utf-8")
        ), page.name


def test_every_cited_source_is_in_the_bibliography() -> None:
    about = (DOCS / "about.md").read_text(encoding="utf-8")
    bibliography = about[about.index("## Bibliography") :]
    cited = {
        doi.rstrip(".)").lower()
        for page in DOCS.rglob("*.md")
        for doi in re.findall(r"doi\.org/(10\.[^\s)\]]+)", page.read_text(encoding="utf-8"))
    }
    listed = {
        doi.rstrip(".)").lower() for doi in re.findall(r"doi\.org/(10\.[^\s)\]]+)", bibliography)
    }
    assert len(cited) >= 15
    assert sorted(cited - listed) == []
    # Sources without a DOI (guidelines, health-service pages) are listed by their address.
    for page in DOCS.rglob("*.md"):
        for item in re.findall(
            r"^\s*\d+\.\s+(.+)$", sources_section(page.read_text(encoding="utf-8")), re.M
        ):
            if "doi.org" not in item:
                address = re.search(r"\((https?://[^)\s]+)\)", item)
                assert address and address.group(1) in bibliography, f"{page.name}: {item[:60]}"


# An inline citation: "(Morton et al., 2018)", "(Schoenfeld, Ogborn & Krieger, 2017)", "Iraki et al.
# (2019)", or a health-service page "(NHS, *Sciatica*)". Several may share brackets, split by ";".
PAREN_GROUP = re.compile(r"\(([^()]*?(?:\b(?:19|20)\d{2}[a-z]?|\*[^*]+\*))\)")
NARRATIVE = re.compile(
    r"\b([A-Z][\w'’-]+(?: et al\.| and [A-Z][\w'’-]+| & [A-Z][\w'’-]+)?) \(((?:19|20)\d{2})\)"
)


def inline_citations(text: str) -> list[tuple[str, str]]:
    """(first author or body, year or title) for every inline citation in a page's prose."""
    prose = re.split(r"^## Sources\s*$", text, flags=re.M)[0]
    prose = re.sub(r"\]\([^)]*\)", "]", prose)  # link targets are not citations
    found = []
    for group in PAREN_GROUP.findall(prose):
        for raw_part in group.split(";"):
            part = raw_part.strip()
            year = re.search(r"\b((?:19|20)\d{2})[a-z]?$", part)
            title = re.search(r"\*([^*]+)\*$", part)
            author = re.match(r"(?:see |e\.g\. )?([A-Z][\w'’–-]+(?: [A-Z][\w'’-]+)*)", part)
            if author and (year or title):
                found.append((author.group(1), year.group(1) if year else title.group(1)))
    for author, year in NARRATIVE.findall(prose):
        found.append((author.split()[0], year))
    return found


CITING = sorted(p for p in DOCS.rglob("*.md") if sources_section(p.read_text(encoding="utf-8")))


@pytest.mark.parametrize("path", CITING, ids=ids(CITING))
def test_every_inline_citation_is_in_the_pages_sources(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    sources = sources_section(text)
    citations = inline_citations(text)
    assert citations, "a page with sources cites none of them in its text"
    missing = []
    for author, when in citations:
        items = [item for item in re.findall(r"^\s*\d+\.\s+(.+)$", sources, re.M) if author in item]
        words = set(re.findall(r"\w+", when.lower()))  # a year, or a page title's words
        if not any(words <= set(re.findall(r"\w+", item.lower())) for item in items):
            missing.append(f"{author}, {when}")
    assert missing == []


def test_every_source_a_calculator_cites_is_in_the_bibliography() -> None:
    from musclecalc import _sources

    about = (DOCS / "about.md").read_text(encoding="utf-8")
    bibliography = about[about.index("## Bibliography") :].lower()
    cited = [v for v in vars(_sources).values() if isinstance(v, _sources.Source)]
    assert len(cited) >= 8
    for source in cited:
        assert (source.doi or source.url or "?").lower() in bibliography, source.citation()


READABLE = [*GUIDES, DOCS / "index.md", DOCS / "red-flags.md", DOCS / "about.md"]


@pytest.mark.parametrize("path", READABLE, ids=ids(READABLE))
def test_the_writing_is_plain(path: Path) -> None:
    from readability import MINIMUM_SCORE, score

    assert score(path) >= MINIMUM_SCORE
