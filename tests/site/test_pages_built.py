"""The built pages: valid meta descriptions, the red-flags levels, dates and the corrections line."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from musclecalc import warning_signs
from support.site import ROOT, Build

DOCS = ROOT / "docs"
PAGES = sorted(DOCS.rglob("*.md"))


def built(build: Build, page: Path) -> Path:
    relative = page.relative_to(DOCS).with_suffix("")
    if relative.name == "index":
        return build.site_dir / relative.parent / "index.html"
    return build.site_dir / relative / "index.html"


class MetaCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.descriptions: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta" and dict(attrs).get("name") == "description":
            self.descriptions.append(dict(attrs))


@pytest.mark.parametrize("page", PAGES, ids=[p.relative_to(DOCS).as_posix() for p in PAGES])
def test_meta_description_is_the_whole_description_without_raw_quotes(
    build: Build, page: Path
) -> None:
    meta = yaml.safe_load(
        re.match(r"---\n(.*?)\n---\n", page.read_text(encoding="utf-8"), re.S).group(1)
    )
    collector = MetaCollector()
    collector.feed(built(build, page).read_text(encoding="utf-8"))
    assert len(collector.descriptions) == 1
    attributes = collector.descriptions[0]
    # A raw " ends the content attribute early and spills the rest as junk attributes.
    assert set(attributes) == {"name", "content"}, attributes
    assert '"' not in (attributes["content"] or "")
    assert unescape(attributes["content"] or "") == " ".join(str(meta["description"]).split())


def test_404_page_meta_description_is_valid(build: Build) -> None:
    collector = MetaCollector()
    collector.feed((build.site_dir / "404.html").read_text(encoding="utf-8"))
    assert [set(d) for d in collector.descriptions] == [{"name", "content"}]


def text_of(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def test_red_flags_lists_each_sign_under_its_level(build: Build) -> None:
    html = (build.site_dir / "red-flags" / "index.html").read_text(encoding="utf-8")
    sections = {}
    for level in warning_signs.LEVELS:
        match = re.search(rf'<h2 id="{level}">(.*?)(?=<h2 )', html, re.S)
        assert match, f"no #{level} heading"
        sections[level] = text_of(match.group(1))
    for sign in warning_signs.SIGNS.values():
        text = " ".join(sign.text.split())
        assert text in sections[sign.level], sign.code
        assert all(text not in sections[other] for other in sections if other != sign.level), (
            sign.code
        )
    for level, section in sections.items():
        assert " ".join(warning_signs.LEVELS[level].action.split()) in section


def test_every_page_shows_last_updated_and_next_review(build: Build) -> None:
    for page in PAGES:
        html = built(build, page).read_text(encoding="utf-8")
        assert re.search(r'Last updated: <time datetime="\d{4}-\d{2}-\d{2}">', html), page.name
        assert re.search(r'Next review due: <time datetime="\d{4}-\d{2}-\d{2}">', html), page.name


def test_footer_and_about_carry_the_corrections_route(build: Build) -> None:
    config = yaml.safe_load(
        (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:")[0].replace("!ENV", "")
    )
    url = config["extra"]["corrections"]["url"]
    for page in (build.site_dir / "index.html", build.site_dir / "about" / "index.html"):
        footer = text_of(
            page.read_text(encoding="utf-8")
            .split('class="mc-reviewed mc-corrections"')[1]
            .split("</p>")[0]
        )
        assert ("no corrections address" in footer) == (not url)
    about = text_of((build.site_dir / "about" / "index.html").read_text(encoding="utf-8"))
    assert ("has not set up a corrections address" in about) == (not url)
    assert "No doctor or other clinician has reviewed these pages yet" in about
