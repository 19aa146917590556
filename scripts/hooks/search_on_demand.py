"""MkDocs hook: Material's search index is built when the page asks for it (see
sitebuild.search_on_demand)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from sitebuild.search_on_demand import point_at_wrapper


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return point_at_wrapper(output, Path(config.site_dir))


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    return point_at_wrapper(output_content, Path(config.site_dir))  # the 404 page
