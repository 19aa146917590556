"""Move every inline <script> into a same-origin file, so the site runs under
`script-src 'self'` with no 'unsafe-inline'.

Material's templates carry a few small inline scripts (its storage helpers, the palette and tab
restorers). Each becomes `assets/javascripts/inline/<sha256>.js`, and the tag that held it now
loads that file: same order, same classic-script timing, so the page behaves as before. JSON
data blocks (`type="application/json"`) are not scripts and stay where they are.

One exception, for authors only: `mkdocs serve` adds an inline live-reload script to every page
it serves, which the policy would block. Under `serve` the pages therefore carry no policy tag, so
live reload works; `mkdocs build`, the tests and every deployed copy keep the strict policy.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from mkdocs.utils import get_relative_url

INLINE_DIR = "assets/javascripts/inline"
_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
_EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}


def _type_of(attrs: str) -> str:
    match = re.search(r"""\btype\s*=\s*["']?([^"'\s>]+)""", attrs, re.I)
    return match.group(1).lower() if match else ""


def externalize(html: str, page_url: str, site_dir: Path, *, base: str | None = None) -> str:
    """Replace each inline script in `html` with a <script src> to a file written in `site_dir`.

    The file is named relative to `page_url`, or from `base` (an absolute path such as
    ``"/muscle/"``) for pages served at any depth, like the 404 page."""

    def replace(match: re.Match[str]) -> str:
        attrs, body = match.group("attrs"), match.group("body")
        if re.search(r"\bsrc\s*=", attrs, re.I) or _type_of(attrs) not in _EXECUTABLE_TYPES:
            return match.group(0)
        if not body.strip():
            return match.group(0)
        name = f"{INLINE_DIR}/{hashlib.sha256(body.encode()).hexdigest()[:20]}.js"
        target = site_dir / name
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(body, encoding="utf-8")
        src = base + name if base is not None else get_relative_url(name, page_url)
        return f'<script{attrs} src="{src}"></script>'

    return _SCRIPT.sub(replace, html)
