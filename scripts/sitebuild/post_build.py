"""The post-build pipeline: every step that changes the built site after MkDocs wrote it, in order.

The order matters, and :data:`STEPS` is the one place that sets it:

1. ``runtime``: the Pyodide runtime, the wheel and the snapshot into `assets/pyodide/`, and the
   runtime's manifest into the site's copy of the calculators' worker (sitebuild.runtime_cache),
   so the worker's hashed name (step 7) covers the manifest.
2. ``icons``: Material's `data:` icons out of its stylesheets into files (sitebuild.data_urls):
   it rewrites stylesheets, so it comes before their names are hashed.
3. ``theme-switch``: the colour-switch rule out of Material's palette stylesheet
   (sitebuild.theme_switch), so a page load no longer restyles the whole page twice; it rewrites
   a stylesheet, so it too comes before the hashes.
4. ``color-scheme``: the statement that appends a `color-scheme` meta tag out of Material's bundle
   (sitebuild.color_scheme_meta), so a page load restyles the whole page once fewer;
   it rewrites a script, so it too comes before the traces and the hashes.
5. ``tables``: Material's selector for content tables narrowed in its bundle to tables not yet
   wrapped (sitebuild.table_wrappers; the hook scripts/hooks/table_wrappers.py writes the
   wrappers into each page), so a page load no longer restyles the article; a script again.
6. ``traces``: the source maps, their `sourceMappingURL` comments and the generator tag out of
   the published files (sitebuild.build_traces), before anything hashes their content.
7. ``fingerprint``: content hashes in the names of the site's own scripts and stylesheet
   (sitebuild.fingerprint), once nothing changes their content any more.
8. ``offline``: the offline page and the service worker (sitebuild.offline), whose deploy id is a
   hash of every file written so far, so it must see the final names and contents. Workbox's files it copies are written without their
   `sourceMappingURL` comments.
9. ``precompress``: `.br` and `.gz` beside every large file (sitebuild.precompress), last, so
   each copy matches the final file, the service worker included.

The steps that work page by page as MkDocs writes them (inline scripts, accessible names, search
on demand, the start script on calculator pages) are `on_post_page` hooks and are done by then.
scripts/hooks/post_build.py runs :func:`run` and is the only hook with an `on_post_build`.

>>> [step.name for step in STEPS]
['runtime', 'icons', 'theme-switch', 'color-scheme', 'tables', 'traces', 'fingerprint', 'offline', 'precompress']
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from . import (
    build_traces,
    color_scheme_meta,
    data_urls,
    fingerprint,
    offline,
    precompress,
    runtime_cache,
    table_wrappers,
    theme_switch,
)

__all__ = ["STEPS", "PostBuildError", "Step", "run"]


class PostBuildError(Exception):
    """A post-build step failed; the message names the step."""


@dataclass(frozen=True)
class Step:
    """One post-build step: its name and what it does to the built site's folder."""

    name: str
    run: Callable[[Path], object]


#: The steps, in the order they run (the module's docstring says why this order).
STEPS: Final = (
    Step("runtime", runtime_cache.install),
    Step("icons", data_urls.extract_all_icons),
    Step("theme-switch", theme_switch.remove_switching_rule),
    Step("color-scheme", color_scheme_meta.detach_color_scheme_meta),
    Step("tables", table_wrappers.skip_wrapped_tables_in),
    Step("traces", build_traces.remove_build_traces),
    Step("fingerprint", fingerprint.fingerprint),
    Step("offline", offline.build),
    Step("precompress", precompress.precompress),
)


def run(site_dir: Path, steps: tuple[Step, ...] = STEPS) -> dict[str, object]:
    """Run ``steps`` on ``site_dir`` in order; what each step returned, by its name. The first
    step that fails stops the pipeline with :class:`PostBuildError`.

    >>> def broken(site_dir: Path) -> None:
    ...     raise OSError("disk full")
    >>> run(Path("site"), (Step("broken", broken),))
    Traceback (most recent call last):
    ...
    sitebuild.post_build.PostBuildError: post-build step 'broken' failed: disk full
    """
    done: dict[str, object] = {}
    for step in steps:
        try:
            done[step.name] = step.run(site_dir)
        except Exception as error:
            raise PostBuildError(f"post-build step {step.name!r} failed: {error}") from error
    return done
