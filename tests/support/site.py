"""Building the real site for the tests: strict MkDocs builds, each for the address (port and
subpath) nginx will serve it at."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from sitebuild import ROOT
from sitebuild.nginx import free_port

__all__ = ["ROOT", "Build", "build_site", "free_port"]


@dataclass
class Build:
    """A built site: its folder, the build's log, and the port it was built to be served on."""

    site_dir: Path
    log: str
    port: int


def build_site(site_dir: Path, port: int, subpath: str = "/") -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of the project into ``site_dir``, for http://127.0.0.1:PORT/SUBPATH.

    Material's instant navigation only follows links whose origin matches the site_url in
    sitemap.xml, so the site is built for the address it will be served on."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={
            **os.environ,
            "NO_MKDOCS_2_WARNING": "1",
            "SITE_URL": f"http://127.0.0.1:{port}{subpath}",
        },
    )
