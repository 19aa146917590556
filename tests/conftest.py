"""Fixtures shared by the site and guide tests: one strict build of the site per test session,
served on a free loopback port by the real nginx with the shipped deploy/nginx.conf, and Debian's
Chromium driven by Playwright. The helpers behind them live in tests/support."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sitebuild.chromium import EXECUTABLE as CHROMIUM
from sitebuild.chromium import FLAGS as CHROMIUM_FLAGS
from sitebuild.nginx import Preview, serving
from support.browser import Visit, open_visit
from support.site import Build, build_site, free_port


@pytest.fixture(scope="session")
def build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """`mkdocs build --strict` of the real project into a temporary folder."""
    site_dir = tmp_path_factory.mktemp("site")
    port = free_port()
    done = build_site(site_dir, port)
    assert done.returncode == 0, f"the strict build failed:\n{done.stderr[-4000:]}"
    return Build(site_dir, done.stderr, port)


@pytest.fixture(scope="session")
def nginx(build: Build) -> Iterator[Preview]:
    """nginx serving the session's build with deploy/nginx.conf, as `make preview` does."""
    with serving(build.site_dir, build.port) as preview:
        yield preview


@pytest.fixture(scope="session")
def site_url(nginx: Preview) -> str:
    return nginx.url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make chromium` (browser tests never skip)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def visit(browser: Any, site_url: str) -> Iterator[Visit]:
    """A new, empty browser context (cold cache) for one test."""
    visit = open_visit(browser, site_url)
    yield visit
    visit.page.context.close()
