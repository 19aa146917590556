"""MkDocs hook: figures on guide pages from the calculators' own code (see sitebuild.page_figures).

`mkdocs serve` rebuilds in one long-lived process, so before each build the calculators and the
figures module are imported afresh: a page always shows the calculators as their source is now.
An unknown or malformed marker, or a bad `review_due` date, fails the build.
"""

from __future__ import annotations

import datetime
import importlib
import sys
from types import ModuleType

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

_FRESH = ("musclecalc", "sitebuild.page_figures")
_figures: list[ModuleType] = []


def on_pre_build(config: MkDocsConfig) -> None:
    for name in [n for n in sys.modules if n.startswith(_FRESH)]:
        del sys.modules[name]
    _figures[:] = [importlib.import_module("sitebuild.page_figures")]


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    figures = _figures[0]
    where = page.file.src_uri
    volume = files.get_file_from_path(figures.VOLUME_PAGE)
    if volume is None:
        raise PluginError(f"{where}: the volume calculator page {figures.VOLUME_PAGE} is missing")
    corrections = config.extra.get("corrections") or {}
    context = figures.Context(
        page.url,
        get_relative_url(volume.url, page.url),
        str(corrections.get("label") or ""),
        str(corrections.get("url") or ""),
    )
    try:
        due = figures.review_due(page.meta, where)
        rendered: str = figures.render_markers(markdown, context, where)
    except figures.MarkerError as error:
        raise PluginError(str(error)) from None
    if due is not None:
        page.meta["review_due"] = due.isoformat()
        page.meta["review_overdue"] = due < datetime.date.today()
    return rendered
