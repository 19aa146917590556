"""MkDocs hook: no source maps and no generator tag in the published site (see
sitebuild.build_traces), before the content hashes, the deploy id and the precompressed copies."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from sitebuild import build_traces


@event_priority(-10)  # after the pages and Material's assets; before fingerprinted_assets.py (-50)
def on_post_build(config: MkDocsConfig) -> None:
    build_traces.remove_build_traces(Path(config.site_dir))
