"""MkDocs hook: the offline page and the Workbox service worker (see sitebuild.offline), once
every other file is final (its deploy id covers them all) and before the precompressed copies."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from sitebuild import offline


@event_priority(-90)  # after hooks/fingerprinted_assets.py (-50), before precompressed_files.py
def on_post_build(config: MkDocsConfig) -> None:
    offline.build(Path(config.site_dir))
