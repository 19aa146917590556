"""MkDocs hook: `.br` and `.gz` copies beside the built site's large files (see
sitebuild.precompress), written after every other hook has written its files."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from sitebuild import precompress


@event_priority(-100)  # last: after the runtime, the service worker and every rewritten page
def on_post_build(config: MkDocsConfig) -> None:
    precompress.precompress(Path(config.site_dir))
