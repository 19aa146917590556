"""Fixtures shared by the site and guide tests: one strict build of the site per test session,
served on a free loopback port, and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "calculators" / "src"))

from chromium import EXECUTABLE as CHROMIUM, FLAGS as CHROMIUM_FLAGS  # noqa: E402


@dataclass
class Build:
    site_dir: Path
    log: str
    port: int


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
def build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """`mkdocs build --strict` of the real project into a temporary folder.

    Built for the loopback address it will be served on: Material's instant navigation only
    follows links whose origin matches the site_url in sitemap.xml."""
    site_dir = tmp_path_factory.mktemp("site")
    port = free_port()
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT, capture_output=True, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": f"http://127.0.0.1:{port}/"},
    )
    assert done.returncode == 0, f"the strict build failed:\n{done.stderr[-4000:]}"
    return Build(site_dir, done.stderr, port)


@pytest.fixture(scope="session")
def site_url(build: Build) -> Iterator[str]:
    from serve_site import serve

    server, url = serve(build.site_dir, build.port)
    yield url
    server.stop()


def default_payload(name: str) -> dict:
    """A calculator's default inputs, as the form shows them."""
    from musclecalc import bridge

    form = next(f for f in json.loads(bridge.forms())["calculators"] if f["name"] == name)
    return {f["name"]: f["default"] for f in form["fields"] if f.get("default") is not None}


def cpython_run(name: str, payload: dict) -> dict:
    """The answer CPython gives for a payload: what the browser must show."""
    from musclecalc import bridge

    return json.loads(bridge.run(name, json.dumps(payload)))


# -- the browser ---------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make chromium` (browser tests never skip)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@dataclass
class Visit:
    """A fresh browser context and page that records what leaves loopback and what goes wrong."""

    page: object
    base_url: str
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    workers: list[str] = field(default_factory=list)

    def goto(self, path: str) -> None:
        self.page.goto(self.base_url + path.lstrip("/"))

    @property
    def foreign_requests(self) -> list[str]:
        return [url for url in self.requests
                if urlsplit(url).hostname not in {"127.0.0.1", "localhost"} and not url.startswith(("data:", "blob:"))]

    def wait_ready(self, calculator: str, timeout: float = 60_000) -> None:
        self.page.wait_for_selector(f"#mc-{calculator} .mc-status[data-state=ready]", timeout=timeout)

    def assert_clean(self) -> None:
        assert self.foreign_requests == [], "requests left loopback"
        assert self.console_errors == [], "the console reported errors"


def open_visit(browser: object, site_url: str, **context_options: object) -> Visit:
    context = browser.new_context(**context_options)
    page = context.new_page()
    visit = Visit(page, site_url)
    page.on("request", lambda request: visit.requests.append(request.url))
    page.on("console", lambda message: message.type == "error" and visit.console_errors.append(message.text))
    page.on("pageerror", lambda error: visit.console_errors.append(str(error)))
    page.on("worker", lambda worker: visit.workers.append(worker.url))
    return visit


@pytest.fixture
def visit(browser: object, site_url: str) -> Iterator[Visit]:
    """A new, empty browser context (cold cache) for one test."""
    visit = open_visit(browser, site_url)
    yield visit
    visit.page.context.close()
