"""The build steps that change Material's bundle so a page load restyles less
(sitebuild.color_scheme_meta, sitebuild.table_wrappers and its page hook): their examples, and
each one applied to the real bundle and pages of a build. The browser side (how many restyles a
load makes, the palette's colour scheme) is tests/site/test_load_work.py."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import material
import pytest

from sitebuild import color_scheme_meta, table_wrappers
from support.site import Build

#: Material's bundle as installed, before the build changes it.
MATERIAL_BUNDLES = sorted(
    (Path(material.__file__).parent / "templates" / "assets" / "javascripts").glob(
        "bundle.*.min.js"
    )
)


@pytest.mark.parametrize("module", [color_scheme_meta, table_wrappers], ids=lambda m: m.__name__)
def test_the_examples_in_the_docstrings_hold(module: object) -> None:
    result = doctest.testmod(module, report=False)  # type: ignore[arg-type]
    assert result.attempted >= 3
    assert result.failed == 0


def test_the_built_bundle_neither_appends_the_meta_tag_nor_wraps_wrapped_tables(
    build: Build,
) -> None:
    (bundle,) = build.site_dir.glob("assets/javascripts/bundle.*.min.js")
    js = bundle.read_text(encoding="utf-8")
    assert table_wrappers.NARROWED in js
    assert table_wrappers.SELECTOR not in js
    assert 'name:"color-scheme"' in js
    assert not re.search(r'name:"color-scheme"\}\);document\.head\.appendChild', js)


def test_pages_carry_the_wrappers_around_each_plain_table_and_only_those(build: Build) -> None:
    wrapped = 0
    for page in build.site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        # Every table without attributes sits directly inside Material's two wrappers.
        bare = len(re.findall(r"<table>", html))
        inside = len(re.findall(r'<div class="md-typeset__table"><table>', html))
        assert bare == inside, page
        wrapped += inside
        assert '<div class="md-typeset__table"><table class=' not in html, page
    assert wrapped >= 20  # the guides' tables and the calculators' methods


def test_the_steps_fail_loudly_on_a_bundle_they_do_not_recognise(tmp_path: Path) -> None:
    folder = tmp_path / "assets" / "javascripts"
    folder.mkdir(parents=True)
    (folder / "bundle.0.min.js").write_text("let a=1", encoding="utf-8")
    with pytest.raises(table_wrappers.TableSelectorMissing):
        table_wrappers.skip_wrapped_tables_in(tmp_path)
    with pytest.raises(color_scheme_meta.ColorSchemeMetaMissing):
        color_scheme_meta.detach_color_scheme_meta(tmp_path)


def test_the_installed_material_bundle_is_the_shape_the_steps_expect() -> None:
    assert MATERIAL_BUNDLES
    for bundle in MATERIAL_BUNDLES:
        js = bundle.read_text(encoding="utf-8")
        table_wrappers.skip_wrapped_tables(js)
        color_scheme_meta.without_color_scheme_meta(js)
