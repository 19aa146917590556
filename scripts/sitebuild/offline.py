"""Offline reading: the offline page and the service worker, built with Workbox after each build.

`build(site_dir)` writes three things into the built site:

- `offline.html`: the site's 404 page (absolute asset paths, so it works at any address) with an
  offline message instead of "not found". The service worker precaches it and the few small
  scripts the build moved out of it (about 2 KB), and nothing else: the page's other files are
  the ones every page shares, cached as the reader loads them.
- `assets/javascripts/workbox/`: Workbox's production runtime, copied from npm's workbox-build.
- `sw.js`: service-worker.js with this deploy's id and the runtime's file list filled in, and
  Workbox's precache list injected (scripts/sitebuild/service_worker.mjs runs injectManifest).

The deploy id is a hash of every built file, so a new deploy gets a new worker, which deletes the
old deploy's caches. docs/assets/javascripts/offline.mjs registers the worker.
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
from pathlib import Path

from . import ROOT

TEMPLATE = Path(__file__).with_name("service-worker.js")
SCRIPT = Path(__file__).with_name("service_worker.mjs")
RUNTIME_DIR = "assets/pyodide"
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


def runtime_files(files: list[str]) -> list[str]:
    """The calculators' runtime, as the worker loads it: everything under assets/pyodide/."""
    return [name for name in files if name.startswith(f"{RUNTIME_DIR}/")]


def build(site_dir: Path) -> dict[str, object]:
    """Write offline.html, Workbox's runtime and sw.js into `site_dir`; return Workbox's report."""
    write_offline_page(site_dir)
    files = site_files(site_dir)
    options = {
        "site": str(site_dir),
        "template": str(TEMPLATE),
        "deploy": deploy_id(site_dir, files),
        "runtime": runtime_files(files),
        "precache": precached(site_dir),
    }
    done = subprocess.run(
        ["node", str(SCRIPT), json.dumps(options)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise OfflineBuildError(f"building the service worker failed:\n{done.stderr}")
    report: dict[str, object] = json.loads(done.stdout)
    return report
