"""`make build` refuses to build without SITE_URL: every page's canonical link and the sitemap
would otherwise name http://127.0.0.1:8000/ on a real host."""

from __future__ import annotations

import os
import subprocess

from support.site import ROOT


def make(*arguments: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"SITE_URL", "MAKEFLAGS", "MFLAGS"}}
    return subprocess.run(
        ["make", "--no-print-directory", *arguments],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_make_build_without_site_url_fails_and_says_how() -> None:
    done = make("build")
    assert done.returncode != 0
    assert "make build SITE_URL=https://your.host/path/" in done.stderr
    assert "mkdocs" not in done.stdout  # it stopped before building anything


def test_make_build_with_site_url_builds_for_that_address() -> None:
    done = make("-n", "build", "SITE_URL=https://example.org/muscle/")
    assert done.returncode == 0, done.stderr
    assert "SITE_URL='https://example.org/muscle/' .venv/bin/mkdocs build --strict" in done.stdout


def test_make_bench_builds_for_the_local_port_it_serves() -> None:
    done = make("-n", "bench")
    assert done.returncode == 0, done.stderr
    assert "SITE_URL='http://127.0.0.1:8000/' .venv/bin/mkdocs build --strict" in done.stdout
