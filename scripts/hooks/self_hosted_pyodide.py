"""MkDocs hook: ship the pinned Pyodide runtime, the musclecalc wheel and the memory snapshot with
the site, and hand every page the runtime's manifest (see sitebuild.runtime_cache and
sitebuild.runtime)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from sitebuild import runtime_cache


def on_pre_build(config: MkDocsConfig) -> None:
    runtime_cache.prepare()


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    to_root = get_relative_url(".", page.url).rstrip("/") + "/"
    return runtime_cache.add_meta_tag(output, "" if to_root == "./" else to_root)


@event_priority(100)  # first: the service worker's deploy id (hooks/offline.py) covers the runtime
def on_post_build(config: MkDocsConfig) -> None:
    runtime_cache.copy_into(Path(config.site_dir))
