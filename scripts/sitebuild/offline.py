"""Offline reading: the offline page and the service worker, written after each build.

`build(site_dir)` writes three things into the built site:

- `offline.html`: the site's 404 page (absolute asset paths, so it works at any address) with an
  offline message instead of "not found". The service worker precaches it and the few small
  scripts the build moved out of it (about 2 KB), and nothing else: the page's other files are
  the ones every page shares, cached as the reader loads them.
- `assets/javascripts/workbox/`: Workbox's runtime, the production builds from the pinned npm
  packages (workbox-sw loads the modules the worker uses; workbox-window is for the page).
- `sw.js`: service-worker.js with this deploy's id, the rule for files kept for good
  (deploy/nginx.conf's, see sitebuild.nginx.immutable_addresses) and the precache list filled
  in. The precache list is what Workbox's injectManifest writes: `{url, revision}` with an MD5
  of each file. (npm's workbox-build does the same, but pulls in rollup, whose platform packages
  the project's npm registry cannot all provide, so `npm ci` would fail.)

The deploy id is a hash of every built file, so a new deploy gets a new worker, which deletes the
old deploy's caches. docs/assets/javascripts/offline.mjs registers the worker.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

from . import ROOT, build_traces, templates
from .nginx import immutable_addresses

TEMPLATE = Path(__file__).with_name("service-worker.js")
NODE_MODULES = ROOT / "node_modules"
WORKBOX_DIR = "assets/javascripts/workbox"
#: The Workbox files the site serves: the loader, the modules sw.js uses, the page's module.
WORKBOX_FILES = (
    "workbox-sw/build/workbox-sw.js",
    "workbox-core/build/workbox-core.prod.js",
    "workbox-routing/build/workbox-routing.prod.js",
    "workbox-strategies/build/workbox-strategies.prod.js",
    "workbox-precaching/build/workbox-precaching.prod.js",
    "workbox-cacheable-response/build/workbox-cacheable-response.prod.js",
    "workbox-window/build/workbox-window.prod.mjs",
)
NOT_FOUND = "<h1>404 - Not found</h1>"
OFFLINE = (
    "<h1>You are offline</h1>\n"
    "<p>This page has not been opened on this device yet, so there is no copy of it to show "
    "without a connection. Pages you have already opened here, and the calculators once they "
    "have run, still work offline. Connect to the internet and reload to read this page.</p>"
)
#: Copies that mirror another file (precompressed) or are written here: not part of the deploy id.
SKIPPED_SUFFIXES = (".br", ".gz")
WRITTEN = ("sw.js", "offline.html", "assets/javascripts/workbox/")


class OfflineBuildError(Exception):
    """The offline page or the service worker could not be built."""


def write_offline_page(site_dir: Path) -> None:
    """offline.html from 404.html, with the offline message in place of the heading."""
    page = (site_dir / "404.html").read_text(encoding="utf-8")
    if page.count(NOT_FOUND) != 1:
        raise OfflineBuildError(f"404.html does not hold {NOT_FOUND!r} exactly once")
    page = page.replace(NOT_FOUND, OFFLINE).replace("<title>", "<title>Offline - ", 1)
    (site_dir / "offline.html").write_text(page, encoding="utf-8")


def precached(site_dir: Path) -> list[str]:
    """The offline page and the moved inline scripts it loads, relative to the site."""
    page = (site_dir / "offline.html").read_text(encoding="utf-8")
    scripts = sorted(
        set(re.findall(r'src="[^"]*/(assets/javascripts/inline/[0-9a-f]+\.js)"', page))
    )
    missing = [name for name in scripts if not (site_dir / name).is_file()]
    if missing:
        raise OfflineBuildError(f"offline.html loads scripts the build did not write: {missing}")
    return ["offline.html", *scripts]


def site_files(site_dir: Path) -> list[str]:
    """The deploy's own files, relative to the site, sorted (no copies, nothing written here)."""
    return sorted(
        relative
        for file in site_dir.rglob("*")
        if file.is_file()
        and not file.name.endswith(SKIPPED_SUFFIXES)
        and not (relative := file.relative_to(site_dir).as_posix()).startswith(WRITTEN)
    )


def deploy_id(site_dir: Path, files: list[str]) -> str:
    """A short sha256 over the names and contents of the deploy's files."""
    digest = hashlib.sha256()
    for name in files:
        digest.update(name.encode() + b"\0" + (site_dir / name).read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def copy_workbox(site_dir: Path) -> list[str]:
    """Workbox's runtime files from node_modules into the site; their names."""
    target = site_dir / WORKBOX_DIR
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for name in WORKBOX_FILES:
        source = NODE_MODULES / name
        if not source.is_file():
            raise OfflineBuildError(f"{source} is missing: run `make node`")
        # Published without the comment naming a source map that is never copied.
        text = build_traces.strip_source_map_comment(source.read_text(encoding="utf-8"))
        (target / source.name).write_text(text, encoding="utf-8")
    return sorted(path.name for path in target.iterdir())


def precache_manifest(site_dir: Path, names: list[str]) -> list[dict[str, str]]:
    """Workbox's precache entries: each file's address and an MD5 of its content."""
    return [
        {
            "url": name,
            "revision": hashlib.md5(
                (site_dir / name).read_bytes(), usedforsecurity=False
            ).hexdigest(),
        }
        for name in names
    ]


def build(site_dir: Path) -> dict[str, object]:
    """Write offline.html, Workbox's runtime and sw.js into `site_dir`; return what it wrote."""
    write_offline_page(site_dir)
    workbox = copy_workbox(site_dir)
    files = site_files(site_dir)
    manifest = precache_manifest(site_dir, precached(site_dir))
    worker = templates.fill(
        TEMPLATE,
        {
            "__DEPLOY__": deploy_id(site_dir, files),
            "__VERSIONED__": json.dumps(immutable_addresses()),
            "self.__WB_MANIFEST": json.dumps(manifest),
        },
    )
    (site_dir / "sw.js").write_text(worker, encoding="utf-8")
    return {"precached": [entry["url"] for entry in manifest], "workbox": workbox}
