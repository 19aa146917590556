"""Give Material's stylesheet icons addresses of their own.

Material's CSS draws its icons (admonitions, navigation arrows, checkboxes) from `data:` SVG URLs.
Under the site's policy (`default-src 'self'`, no `data:` images) the browser would block them, so
after the build each one is written to `assets/images/icons/<sha256>.svg` and the stylesheet
points there instead: same pictures, same-origin files, and the policy stays strict.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from urllib.parse import unquote

ICON_DIR = "assets/images/icons"
_DATA_URL = re.compile(
    r"""url\((?P<quote>["']?)data:image/svg\+xml(?:;charset=utf-8)?,(?P<svg>.*?)(?P=quote)\)"""
)


def extract_icons(css: str, css_path: Path, site_dir: Path) -> str:
    """Write each data: SVG in `css` to a file and return the CSS that refers to the files."""
    icon_dir = site_dir / ICON_DIR
    prefix = Path(*[".."] * len(css_path.parent.relative_to(site_dir).parts), ICON_DIR).as_posix()

    def replace(match: re.Match[str]) -> str:
        svg = unquote(match.group("svg")).encode()
        name = f"{hashlib.sha256(svg).hexdigest()[:20]}.svg"
        icon_dir.mkdir(parents=True, exist_ok=True)
        (icon_dir / name).write_bytes(svg)
        return f'url("{prefix}/{name}")'

    return _DATA_URL.sub(replace, css)


def extract_all_icons(site_dir: Path) -> None:
    """Rewrite every stylesheet under `site_dir/assets` so no icon is a data: URL."""
    for css_path in (site_dir / "assets").rglob("*.css"):
        css = css_path.read_text(encoding="utf-8")
        rewritten = extract_icons(css, css_path, site_dir)
        if rewritten != css:
            css_path.write_text(rewritten, encoding="utf-8")
