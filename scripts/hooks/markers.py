"""MkDocs hook: every `<!-- NAME: ... -->` marker on a page becomes what its renderer writes (see
sitebuild.markers, the one table of markers), and pages showing a calculator are flagged in
`page.meta["calculator"]` (the calculators' names), for hooks/runtime_cache.py.

`mkdocs serve` rebuilds in one long-lived process, so before each build musclecalc and the
marker modules are imported afresh: a page always shows the calculators as their source is now.
An unknown or malformed marker, or a bad `review_due` date, fails the build.
"""

from __future__ import annotations

import datetime
import importlib
import sys
from types import ModuleType
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

#: Imported afresh before each build: the calculators and every module that renders from them.
FRESH = ("musclecalc", "sitebuild.markers", "sitebuild.calculators", "sitebuild.page_figures")
_markers: list[ModuleType] = []


def on_pre_build(config: MkDocsConfig) -> None:
    for name in [n for n in sys.modules if n.startswith(FRESH)]:
        del sys.modules[name]
    _markers[:] = [importlib.import_module("sitebuild.markers")]


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    markers = _markers[0]
    where = page.file.src_uri
    volume = files.get_file_from_path(markers.page_figures.VOLUME_PAGE)
    corrections = config.extra.get("corrections") or {}
    to_root = get_relative_url(".", page.url)
    context = markers.Context(
        page.url,
        site_root="" if to_root == "." else to_root + "/",
        volume_url=get_relative_url(volume.url, page.url) if volume else None,
        corrections_label=str(corrections.get("label") or ""),
        corrections_url=str(corrections.get("url") or ""),
        page_address=urljoin(config.site_url or "", page.url) if config.site_url else "",
    )
    try:
        due = markers.review_due(page.meta, where)
        rendered = markers.render_markers(markdown, context, where)
    except markers.MarkerError as error:
        raise PluginError(str(error)) from None
    if rendered.calculators:
        page.meta["calculator"] = list(rendered.calculators)
    if due is not None:
        page.meta["review_due"] = due.isoformat()
        page.meta["review_overdue"] = due < datetime.date.today()
    text: str = rendered.text
    return text
