"""Ship the pinned Pyodide runtime, the musclecalc wheel and the memory snapshot with the site.

Before each build the runtime is assembled in `build/runtime/` (see sitebuild.runtime),
again only when the calculators' source, the build scripts or the npm lock changed, so
`mkdocs serve` stays quick (the snapshot alone takes seconds under Node). After the build it is
copied to `assets/pyodide/` in the site, beside `runtime.json`, the small generated file that
says which files to load; the calculators' worker gets the same facts written into its script,
so it starts downloading the moment it is created, without asking for runtime.json first and
without waiting for a message from the page. No runtime file or wheel is ever committed: all of
them are build outputs.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

from . import ROOT, runtime, templates

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
    "scripts/sitebuild/node.py",
    "scripts/sitebuild/make_snapshot.mjs",
    "scripts/sitebuild/json-stdio.mjs",
    "docs/assets/javascripts/snapshot-image.mjs",
)
#: The calculators' worker in the site, and the placeholder in it that the manifest replaces.
WORKER = "assets/javascripts/calculator-worker.mjs"
WORKER_PLACEHOLDER = "self.__MUSCLECALC_RUNTIME__"


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


def install(site_dir: Path) -> None:
    """Copy the assembled runtime into the built site and write its manifest into the site's copy
    of the calculators' worker (the first post-build step: see sitebuild.post_build)."""
    copy_into(site_dir)
    write_worker_manifest(site_dir)


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


def write_worker_manifest(site_dir: Path) -> None:
    """Write the manifest into the site's copy of the calculators' worker (its paths stay
    relative to `assets/pyodide/`); raises TemplateError if the worker has no placeholder."""
    worker = site_dir / WORKER
    content = json.dumps(manifest(), separators=(",", ":"))
    worker.write_text(templates.fill(worker, {WORKER_PLACEHOLDER: content}), encoding="utf-8")


#: Loaded from the head of calculator pages: starts Python before the rest of the page's scripts.
START_SCRIPT = "assets/javascripts/python-start.mjs"
WORKER_CLIENT = "assets/javascripts/worker-client.mjs"


#: The tags go right after the page's policy tag, so the worker starts as early as the policy
#: allows (scripts placed before the tag would escape it).
POLICY_TAG = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>', re.I)


def add_start_script(page_html: str, to_root: str = "") -> str:
    """A page that shows a calculator (the hook knows it from `page.meta["calculator"]`), with the
    script that starts Python at once in its head, right after its policy tag (at the end of the
    head if it has none); `to_root` is the relative path from the page to the site's root, ending
    in "/" unless empty. A page without a head is returned as it is."""
    head_end = page_html.find("</head>")
    if head_end < 0:
        return page_html
    tags = (
        f'<link rel="modulepreload" href="{to_root}{WORKER_CLIENT}">'
        f'<script type="module" async src="{to_root}{START_SCRIPT}"></script>'
    )
    policy = POLICY_TAG.search(page_html, 0, head_end)
    at = policy.end() if policy else head_end
    return page_html[:at] + tags + page_html[at:]
