"""MkDocs hook: assemble the pinned Pyodide runtime, the musclecalc wheel and the memory snapshot
before the build, and start Python from the head of the pages that show a calculator (flagged in
`page.meta["calculator"]` by hooks/markers.py); see sitebuild.runtime_cache. Copying the runtime
into the site is the first step of the post-build pipeline (hooks/post_build.py)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from sitebuild import runtime_cache


def on_pre_build(config: MkDocsConfig) -> None:
    runtime_cache.prepare()


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    if not page.meta.get("calculator"):
        return output
    to_root = get_relative_url(".", page.url).rstrip("/") + "/"
    return runtime_cache.add_start_script(output, "" if to_root == "./" else to_root)
