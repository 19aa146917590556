"""MkDocs hook: `<!-- calculator: NAME -->` becomes the calculator's form and a worked answer (see
sitebuild.calculators). An unknown calculator or a malformed marker fails the build."""

from __future__ import annotations

from functools import cache

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from sitebuild.calculators import CalculatorMarkerError, Described, describe_fresh, replace_markers

_described = cache(describe_fresh)


def on_pre_build(config: MkDocsConfig) -> None:
    _described.cache_clear()  # `mkdocs serve` rebuilds: read the calculators' source again


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    to_root = get_relative_url(".", page.url)
    site_root = "" if to_root == "." else to_root + "/"

    def calculators() -> Described:
        return _described(site_root)

    try:
        return replace_markers(markdown, page.file.src_uri, calculators)
    except CalculatorMarkerError as error:
        raise PluginError(str(error)) from error
