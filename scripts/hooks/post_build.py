"""MkDocs hook: the post-build pipeline (see sitebuild.post_build, whose STEPS tuple names each
step in the order it runs). The only `on_post_build` among the hooks, so no priority number
decides an order elsewhere; a failing step fails the build, naming the step."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from sitebuild import post_build


def on_post_build(config: MkDocsConfig) -> None:
    try:
        post_build.run(Path(config.site_dir))
    except post_build.PostBuildError as error:
        raise PluginError(str(error)) from error
