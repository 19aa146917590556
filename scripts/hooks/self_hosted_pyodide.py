"""MkDocs hook: ship the pinned Pyodide runtime and the musclecalc wheel with the site (see
sitebuild.runtime_cache and sitebuild.runtime)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from sitebuild import runtime_cache


def on_pre_build(config: MkDocsConfig) -> None:
    runtime_cache.prepare()


def on_post_build(config: MkDocsConfig) -> None:
    runtime_cache.copy_into(Path(config.site_dir))
