"""Ship the pinned Pyodide runtime and the musclecalc wheel with the site.

Before each build the runtime is assembled in `build/runtime/` (see sitebuild.runtime),
again only when the calculators' source, the build scripts or the npm lock changed, so
`mkdocs serve` stays quick. After the build it is copied to `assets/pyodide/` in the site,
beside `runtime.json`, the small generated file that tells the page's JavaScript which files to
load. No runtime file or wheel is ever committed: all of them are build outputs.
"""

from __future__ import annotations

import hashlib
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
)


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
