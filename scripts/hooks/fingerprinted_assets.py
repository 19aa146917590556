"""MkDocs hook: content hashes in the names of the site's own scripts and stylesheet (see
sitebuild.fingerprint), once every other hook has written their content and before the service
worker's deploy id (hooks/offline.py) and the precompressed copies are made."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from sitebuild import fingerprint


@event_priority(-50)  # after the runtime's manifest and the stylesheets' icons, before offline.py
def on_post_build(config: MkDocsConfig) -> None:
    fingerprint.fingerprint(Path(config.site_dir))
