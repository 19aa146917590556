"""Offline after the first visit: the Workbox service worker, in Chromium, against nginx.

The browser is taken offline with Playwright's `set_offline`, and nginx's access log shows that
nothing reached the server meanwhile."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitebuild import offline, precompress
from sitebuild.nginx import Preview
from support.browser import CACHED_URLS, KEPT, Visit, open_visit
from support.calculators import call as cpython_run
from support.calculators import default_payload
from support.site import Build

pytestmark = pytest.mark.browser


def log_lines(nginx: Preview) -> list[str]:
    return (nginx.prefix / "access.log").read_text(encoding="utf-8").splitlines()


def page_requests(lines: list[str]) -> list[str]:
    """Log lines of requests a page or its workers made. Chromium's own update check of the
    service worker (sw.js and the Workbox files it imports) runs in the browser process, which
    DevTools' offline mode does not cover; truly offline it fails and the worker in use stays."""
    update_check = re.compile(r'"GET /(sw\.js|assets/javascripts/workbox/[\w.-]+) HTTP')
    return [line for line in lines if not update_check.search(line)]


@pytest.fixture
def fresh(browser: object, site_url: str) -> Iterator[Visit]:
    """A new context that also records the service worker's own requests (`assert_clean`)."""
    visit = open_visit(browser, site_url, service_workers="allow")
    visit.page.context.on("request", lambda request: visit.requests.append(request.url))
    yield visit
    visit.page.context.close()


def test_a_visited_calculator_answers_offline_and_an_unseen_page_says_offline(
    fresh: Visit, nginx: Preview
) -> None:
    page = fresh.page
    fresh.goto("calculators/protein/")
    fresh.wait_ready("protein")
    page.wait_for_selector(KEPT, timeout=60_000)
    # Kept: the runtime exactly as the calculators' worker loaded it, nothing it did not need.
    runtime = [url for url in page.evaluate(CACHED_URLS) if "/assets/pyodide/" in url]
    loaded_by_worker = [url for url in fresh.requests if "/assets/pyodide/" in url]
    assert sorted(set(runtime)) == sorted(set(loaded_by_worker))
    assert any(url.endswith("/snapshot.bin") for url in runtime)
    assert not any(url.endswith(".whl") for url in runtime)  # the normal start's files stay out
    assert any(
        re.search(r"/snapshot-image\.[0-9a-f]+\.mjs$", url) for url in page.evaluate(CACHED_URLS)
    )
    served = log_lines(nginx)
    assert page_requests(served), "the log shows the page's requests"
    page.context.set_offline(True)
    try:
        page.reload()
        fresh.wait_ready("protein")
        page.fill("#mc-protein-weight", "77")
        expected = cpython_run("protein", {**default_payload("protein"), "weight": "77"})
        page.wait_for_function(
            "text => document.querySelector('#mc-protein-answer .mc-summary')?.textContent === text",
            arg=expected["display"]["summary"],
            timeout=20_000,
        )
        response = page.goto(fresh.base_url + "causes/poor-sleep/")
        assert response is not None and response.ok
        assert page.locator("article h1").first.text_content() == "You are offline"
        assert page.evaluate("typeof __md_get") == "function"  # the site's own scripts still ran
        page.wait_for_timeout(300)
        assert page_requests(log_lines(nginx)[len(served) :]) == [], "the server was reached"
    finally:
        page.context.set_offline(False)
    fresh.assert_clean()


def test_a_guide_page_caches_nothing_of_the_runtime(fresh: Visit) -> None:
    """Only what the reader asked for is kept: no Pyodide download on a page without a calculator."""
    fresh.goto("causes/poor-sleep/")
    fresh.page.wait_for_selector(KEPT, timeout=30_000)
    cached = fresh.page.evaluate(CACHED_URLS)
    assert any(url.endswith("/causes/poor-sleep/") for url in cached)
    assert any("/offline.html" in url for url in cached)  # precached, with its revision
    assert [url for url in cached if "/assets/pyodide/" in url] == []
    assert [url for url in fresh.requests if "/assets/pyodide/" in url] == []
    fresh.assert_clean()


@pytest.fixture
def redeploy(build: Build) -> Iterator[Path]:
    """A new deploy of the same site: one more file changes the deploy id and the worker.

    Afterwards the session's site is put back as the build left it: the original worker and
    offline page, and the precompressed copies the build makes last (cached, so quick)."""
    written = [build.site_dir / "sw.js", build.site_dir / "offline.html"]
    originals = {path: path.read_bytes() for path in written if path.exists()}
    marker = build.site_dir / "redeploy-check.txt"
    marker.write_text("a new deploy\n", encoding="utf-8")
    offline.build(build.site_dir)
    yield marker
    marker.unlink()
    for path, data in originals.items():
        path.write_bytes(data)
    precompress.precompress(build.site_dir)


def test_a_new_deploy_replaces_the_old_caches(
    browser: object, site_url: str, build: Build, request: pytest.FixtureRequest
) -> None:
    visit = open_visit(browser, site_url, service_workers="allow")
    try:
        visit.goto("causes/poor-sleep/")
        visit.page.wait_for_selector(KEPT, timeout=30_000)
        old = visit.page.evaluate("caches.keys()")
        assert old and all(name.startswith("why-am-i-losing-muscle-") for name in old)
        request.getfixturevalue("redeploy")
        visit.page.evaluate("document.documentElement.removeAttribute('data-offline')")
        visit.page.reload()
        visit.page.wait_for_function(
            "async (old) => { const now = await caches.keys();"
            " return now.length > 0 && now.every((name) => !old.includes(name)); }",
            arg=old,
            timeout=30_000,
        )
        assert any(url.endswith("/causes/poor-sleep/") for url in visit.page.evaluate(CACHED_URLS))
        visit.assert_clean()
    finally:
        visit.page.context.close()


def test_the_worker_loads_workbox_from_the_site_and_precaches_only_the_offline_page(
    build: Build,
) -> None:
    worker = (build.site_dir / "sw.js").read_text(encoding="utf-8")
    assert 'importScripts("assets/javascripts/workbox/workbox-sw.js")' in worker
    assert 'modulePathPrefix: "assets/javascripts/workbox/"' in worker
    assert "http" not in worker
    found = re.search(r"precacheAndRoute\((\[.*?\])\)", worker)
    assert found is not None
    manifest = json.loads(found.group(1))
    urls = [entry["url"] for entry in manifest]
    assert urls[0] == "offline.html"
    assert all(url.startswith("assets/javascripts/inline/") for url in urls[1:])
    assert sum((build.site_dir / url).stat().st_size for url in urls) < 64_000
