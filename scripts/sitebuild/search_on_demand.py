"""Material's search index, built when the page asks for it rather than as every page loads.

Material starts its search worker on every page load and hands it the whole search index at once;
building the index takes a second or more of processor time, which competes with a calculator
page's Python start (measured: about 1.2 s of the worker's time during the first 2 s on two
cores). Material lets a site bring its own search worker through its configuration (`"search"` in
the `__config` block of each page). This module points that at `search-worker.js`, a small worker
that loads Material's own and holds the index until the page asks for it
(docs/assets/javascripts/search-on-demand.mjs). Queries wait for the index anyway, so search works
as before; only when the index is built changes.

The wrapper's name carries a hash of its content, like Material's own files, so hosts can cache it
for good.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from . import templates

TEMPLATE = Path(__file__).with_name("search-worker.js")
PLACEHOLDER = "__MATERIAL_WORKER__"
#: Material's worker in a page's configuration: `"search": "<relative path>workers/search.<hash>.min.js"`.
MATERIAL_WORKER = re.compile(
    r'(?P<key>"search":\s*")(?P<path>[^"]*?workers/)(?P<name>search\.[0-9a-f]{8,}\.min\.js)"'
)
CONFIG = '<script id="__config"'


class SearchWorkerError(Exception):
    """A page's configuration does not name Material's search worker as expected."""


def wrapper(material_worker: str) -> tuple[str, str]:
    """The wrapper's file name and text, for Material's worker file `material_worker`."""
    text = templates.fill(TEMPLATE, {PLACEHOLDER: material_worker})
    digest = hashlib.sha256(text.encode()).hexdigest()[:16]
    return f"search-on-demand.{digest}.js", text


def point_at_wrapper(html: str, site_dir: Path) -> str:
    """The page with Material's search worker replaced by the wrapper, which is written beside
    Material's worker in `site_dir` (pages without search are returned as they are)."""
    if CONFIG not in html:
        return html
    found = MATERIAL_WORKER.search(html)
    if found is None:
        raise SearchWorkerError("the page's __config does not name Material's search worker")
    name, text = wrapper(found.group("name"))
    target = site_dir / "assets" / "javascripts" / "workers" / name
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return (
        html[: found.start()]
        + f'{found.group("key")}{found.group("path")}{name}"'
        + html[found.end() :]
    )
