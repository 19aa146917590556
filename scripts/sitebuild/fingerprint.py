"""Content hashes in the names of the site's own scripts and stylesheet.

Material ships `bundle.<hash>.min.js`; the site's own modules (docs/assets/javascripts/*.mjs),
classic scripts (its *.js: the render-blocking before-first-render.js and server-check.js) and
stylesheet (site.css) kept their plain names, so neither the service worker nor a host
(deploy/nginx.conf) could tell that a copy never goes stale: every visit asked the network for
each of them again, a round trip on the way to starting Python (and, for the script in <head>,
on the way to the first paint). After the build, `fingerprint()`
renames each one `NAME.<hash>.EXT`, so the rules that already keep hashed files for good (cache
first in the service worker, `immutable` in nginx and sitebuild.server) cover them too.

- The hash is taken over a file's content after the names it refers to are rewritten, so a change
  to calculator-worker.mjs also renames worker-client.mjs, which creates it, and every module
  that imports that. Files are hashed in the order of their references; a cycle fails the build.
- A reference is a file's address from the site's root (`assets/javascripts/calculators.mjs`, as
  pages at any depth and the 404 page's `/assets/...` write it) or `./NAME` from a file in the
  same folder (imports, `import("./snapshot-image.mjs")`, `new URL("./calculator-worker.mjs",
  import.meta.url)`), followed by a quote, `?` or `#`. Names in comments and prose stay as they are.
- The unhashed files are removed, so a reference the rewrite missed fails loudly (a 404 in the
  browser tests) instead of loading code from an older deploy.

Runs after every hook that changes these files' content and before the service worker's deploy
id and the precompressed copies (its place in the order: sitebuild.post_build).

>>> hashed_name("calculators.mjs", b"export {};")
'calculators.2e29cd9a98.mjs'
"""

from __future__ import annotations

import hashlib
import re
from graphlib import CycleError, TopologicalSorter
from pathlib import Path, PurePosixPath

#: The folders of the site's own assets, and the kind of file hashed in each (top level only:
#: Material's workers, Workbox and Pyodide live in subfolders and name their own files).
FOLDERS = {"assets/javascripts": (".mjs", ".js"), "assets/stylesheets": (".css",)}
HASH_LENGTH = 10
#: Files that may refer to an asset: pages, scripts, stylesheets (not the runtime's folder).
REFERRING_SUFFIXES = (".html", ".mjs", ".js", ".css")
SKIPPED = ("assets/pyodide/",)
_REFERENCE = re.compile(
    r"(?P<folder>\bassets/(?:javascripts|stylesheets)/|(?<![\w./-])\./)"
    r"(?P<name>[A-Za-z0-9_-]+\.(?:mjs|js|css))(?=[\"'?#])"
)


class FingerprintError(Exception):
    """The site's own assets could not be given hashed names."""


def hashed_name(name: str, content: bytes) -> str:
    """`name` with the first digits of the sha256 of `content` before its extension."""
    stem, dot, suffix = name.rpartition(".")
    return f"{stem}.{hashlib.sha256(content).hexdigest()[:HASH_LENGTH]}{dot}{suffix}"


def _unhashed(name: str, suffix: str) -> bool:
    """`name` is a plain `STEM` + `suffix`, with no hash (or other dot) in its stem."""
    return name.endswith(suffix) and "." not in name.removesuffix(suffix)


def own_assets(site_dir: Path) -> list[str]:
    """The site's own unhashed scripts and stylesheets, relative to the site, sorted."""
    return sorted(
        f"{folder}/{file.name}"
        for folder, suffixes in FOLDERS.items()
        for suffix in suffixes
        for file in (site_dir / folder).glob(f"*{suffix}")
        if file.is_file() and _unhashed(file.name, suffix)
    )


def _address(match: re.Match[str], referrer: str) -> str:
    """The site-relative address a reference in the file at `referrer` points to."""
    folder = match["folder"]
    if folder == "./":
        folder = str(PurePosixPath(referrer).parent) + "/"
    return folder + match["name"]


def rewrite(text: str, referrer: str, renamed: dict[str, str]) -> str:
    """`text`, from the file at `referrer`, with each reference to a renamed asset (a key of
    `renamed`, site-relative) pointing at its new name."""

    def replace(match: re.Match[str]) -> str:
        new = renamed.get(_address(match, referrer))
        return match["folder"] + PurePosixPath(new).name if new else match[0]

    return _REFERENCE.sub(replace, text)


def references(text: str, referrer: str, assets: set[str]) -> set[str]:
    """The assets among `assets` that `text` (the file at `referrer`) refers to."""
    return {a for m in _REFERENCE.finditer(text) if (a := _address(m, referrer)) in assets} - {
        referrer
    }


def _referring_files(site_dir: Path) -> list[Path]:
    return [
        file
        for file in sorted(site_dir.rglob("*"))
        if file.suffix in REFERRING_SUFFIXES
        and file.is_file()
        and not file.relative_to(site_dir).as_posix().startswith(SKIPPED)
    ]


def fingerprint(site_dir: Path) -> dict[str, str]:
    """Give the site's own assets hashed names and point every page, script and stylesheet at
    them; return the renames (old to new address, both relative to the site)."""
    assets = set(own_assets(site_dir))
    if not assets:
        raise FingerprintError(f"no unhashed scripts or stylesheets under {site_dir}")
    texts = {name: (site_dir / name).read_text(encoding="utf-8") for name in assets}
    graph = {name: references(texts[name], name, assets) for name in sorted(assets)}
    try:
        order = list(TopologicalSorter(graph).static_order())
    except CycleError as error:
        cycle = " -> ".join(error.args[1])
        raise FingerprintError(f"these files refer to each other in a cycle: {cycle}") from error
    renamed: dict[str, str] = {}
    for name in order:
        text = rewrite(texts[name], name, renamed)
        path = PurePosixPath(name)
        new = str(path.with_name(hashed_name(path.name, text.encode())))
        (site_dir / new).write_text(text, encoding="utf-8")
        (site_dir / name).unlink()
        renamed[name] = new
    hashed = set(renamed.values())
    for file in _referring_files(site_dir):
        referrer = file.relative_to(site_dir).as_posix()
        if referrer in hashed:
            continue
        text = file.read_text(encoding="utf-8")
        updated = rewrite(text, referrer, renamed)
        if updated != text:
            file.write_text(updated, encoding="utf-8")
    return renamed


def unhashed_references(site_dir: Path) -> list[str]:
    """References in the built site to an own asset by a name without its hash (none after
    `fingerprint()`): `file: address` each."""
    found = []
    for file in _referring_files(site_dir):
        referrer = file.relative_to(site_dir).as_posix()
        for match in _REFERENCE.finditer(file.read_text(encoding="utf-8")):
            address = _address(match, referrer)
            folder, name = address.rsplit("/", 1)
            if any(_unhashed(name, suffix) for suffix in FOLDERS.get(folder, ())):
                found.append(f"{referrer}: {address}")
    return found
