"""MkDocs hook: Material's stylesheet icons as same-origin files (see sitebuild.data_urls)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from sitebuild.data_urls import extract_all_icons


def on_post_build(config: MkDocsConfig) -> None:
    extract_all_icons(Path(config.site_dir))
