"""MkDocs hook: the offline page and the Workbox service worker (see sitebuild.offline). Listed
last, so it sees every file the other hooks wrote."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from sitebuild import offline


def on_post_build(config: MkDocsConfig) -> None:
    offline.build(Path(config.site_dir))
