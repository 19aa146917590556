"""MkDocs hook: ship the pinned Pyodide runtime, the musclecalc wheel and the memory snapshot with
the site, write the runtime's manifest into the calculators' worker, and start Python from the
head of calculator pages (see sitebuild.runtime_cache and sitebuild.runtime)."""

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
    return runtime_cache.add_start_script(output, "" if to_root == "./" else to_root)


# First: the hashed names (hooks/fingerprinted_assets.py) and the deploy id cover it.
@event_priority(100)
def on_post_build(config: MkDocsConfig) -> None:
    runtime_cache.copy_into(Path(config.site_dir))
    runtime_cache.write_worker_manifest(Path(config.site_dir))
