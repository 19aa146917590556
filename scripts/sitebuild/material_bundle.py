"""Material's JavaScript bundle in a built site, rewritten by a post-build step.

Two steps change it (sitebuild.color_scheme_meta, sitebuild.table_wrappers); both find it and
fail the same way through :func:`rewrite_bundles`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

__all__ = ["rewrite_bundles"]


def rewrite_bundles(
    site_dir: Path, rewrite: Callable[[str], str], missing: type[Exception]
) -> list[Path]:
    """Apply `rewrite` to each `assets/javascripts/bundle.*.min.js` under `site_dir`; the files
    rewritten. No bundle at all raises `missing`: Material changed and the step needs a new look."""
    bundles = sorted((site_dir / "assets" / "javascripts").glob("bundle.*.min.js"))
    if not bundles:
        raise missing(f"no Material bundle under {site_dir}")
    for bundle in bundles:
        bundle.write_text(rewrite(bundle.read_text(encoding="utf-8")), encoding="utf-8")
    return bundles
