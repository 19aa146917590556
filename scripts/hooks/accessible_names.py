"""MkDocs hook: accessible names for Material's search dialog and checklists (see
sitebuild.accessible_names). A change in Material's markup fails the build."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from sitebuild.accessible_names import AccessibleNameError, name_controls


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    try:
        return name_controls(output, page.file.src_uri)
    except AccessibleNameError as error:
        raise PluginError(str(error)) from error
