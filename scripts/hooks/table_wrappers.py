"""MkDocs hook: Material's scroll wrappers around content tables, written into each page as it
is rendered instead of by Material's bundle after the first render (see sitebuild.table_wrappers;
the post-build step `tables` keeps the bundle from wrapping them again)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sitebuild.table_wrappers import wrap_tables


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return wrap_tables(html)
