"""MkDocs hook: every inline <script> becomes a same-origin file (see sitebuild.inline_scripts).

Under `mkdocs serve` the pages carry no policy tag, because the dev server's live reload is an
inline script; `mkdocs build`, the tests and every deployed copy keep the strict policy.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from sitebuild.inline_scripts import externalize

_commands: list[str] = []  # the command MkDocs runs: "build", "serve" or "gh-deploy"


def on_startup(*, command: str, dirty: bool) -> None:
    _commands[:] = [command]


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if _commands == ["serve"]:
        config.extra["content_security_policy"] = None  # the dev server's live reload is inline
    return config


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return externalize(output, page.url, Path(config.site_dir))


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    # The 404 page is served at whatever depth the missing address had, so its scripts load from
    # the site's absolute path, as Material's own assets on that page do.
    if template_name == "404.html":
        base = urlsplit(config.site_url or "/").path.rstrip("/") + "/"
        return externalize(output_content, "", Path(config.site_dir), base=base)
    return externalize(output_content, template_name, Path(config.site_dir))
