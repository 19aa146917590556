"""Ship the pinned Pyodide runtime, the musclecalc wheel and the memory snapshot with the site.

Before each build the runtime is assembled in `build/runtime/` (see sitebuild.runtime),
again only when the calculators' source, the build scripts or the npm lock changed, so
`mkdocs serve` stays quick (the snapshot alone takes seconds under Node). After the build it is
copied to `assets/pyodide/` in the site, beside `runtime.json`, the small generated file that
says which files to load; every page also carries the same facts in a `<meta>` tag, so the page
can start the worker without asking for runtime.json first. No runtime file or wheel is ever
committed: all of them are build outputs.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import shutil
from pathlib import Path

from . import ROOT, runtime

BUILD_DIR = ROOT / "build" / "runtime"
SITE_PATH = "assets/pyodide"
#: What the assembled runtime depends on; a change to any of them rebuilds it.
INPUTS = (
    "calculators/src",
    "calculators/pyproject.toml",
    "package-lock.json",
    "scripts/sitebuild/wheel.py",
    "scripts/sitebuild/runtime.py",
    "scripts/sitebuild/snapshot.py",
    "scripts/sitebuild/make_snapshot.mjs",
    "docs/assets/javascripts/snapshot-image.mjs",
)
#: The `<meta>` tag's name; python-worker.mjs reads it.
META_NAME = "musclecalc-runtime"


def _fingerprint() -> str:
    digest = hashlib.sha256()
    for name in INPUTS:
        path = ROOT / name
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if "__pycache__" in file.parts:
                continue
            digest.update(str(file.relative_to(ROOT)).encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()


def prepare() -> None:
    """Assemble the runtime in build/runtime/ unless what it depends on is unchanged."""
    stamp = BUILD_DIR / ".fingerprint"
    fingerprint = _fingerprint()
    if (
        stamp.exists()
        and stamp.read_text() == fingerprint
        and (BUILD_DIR / "runtime.json").exists()
    ):
        return
    if BUILD_DIR.exists():
        shutil.rmtree(BUILD_DIR)
    runtime.assemble(BUILD_DIR)
    stamp.write_text(fingerprint)


def copy_into(site_dir: Path) -> None:
    """Copy the assembled runtime into the built site."""
    target = site_dir / SITE_PATH
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(BUILD_DIR, target, ignore=shutil.ignore_patterns(".fingerprint"))


def manifest() -> dict[str, object]:
    """The assembled runtime's manifest (runtime.json), after `prepare()`."""
    data: dict[str, object] = json.loads((BUILD_DIR / "runtime.json").read_text(encoding="utf-8"))
    return data


def meta_tag() -> str:
    """The `<meta>` tag that hands every page the manifest (its paths are relative to
    `assets/pyodide/`)."""
    content = json.dumps(manifest(), separators=(",", ":"))
    return f'<meta name="{META_NAME}" content="{html.escape(content, quote=True)}">'


#: Marks a page that shows a calculator (sitebuild.calculators writes it).
CALCULATOR_MARK = '<div class="mc-calculator"'
#: Loaded from the head of calculator pages: starts Python before the rest of the page's scripts.
START_SCRIPT = "assets/javascripts/python-start.mjs"
WORKER_CLIENT = "assets/javascripts/python-worker.mjs"


#: The tags go right after the page's policy tag, so the worker starts as early as the policy
#: allows (scripts placed before the tag would escape it).
POLICY_TAG = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>', re.I)


def add_meta_tag(page_html: str, to_root: str = "") -> str:
    """The page with the manifest's `<meta>` tag in its head, right after its policy tag (at the
    end of the head if it has none); on a page that shows a calculator, followed by the script
    that starts Python at once (`to_root`: the relative path from the page to the site's root,
    ending in "/" unless empty)."""
    head_end = page_html.find("</head>")
    if head_end < 0:
        return page_html
    tags = meta_tag()
    if CALCULATOR_MARK in page_html:
        tags += (
            f'<link rel="modulepreload" href="{to_root}{WORKER_CLIENT}">'
            f'<script type="module" async src="{to_root}{START_SCRIPT}"></script>'
        )
    policy = POLICY_TAG.search(page_html, 0, head_end)
    at = policy.end() if policy else head_end
    return page_html[:at] + tags + page_html[at:]
