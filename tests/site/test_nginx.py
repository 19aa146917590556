"""The shipped server config (deploy/nginx.conf) on Debian's real nginx: what it sends for every
kind of file, compression, the 404 page, the site under a subpath, and `make preview`'s stop."""

from __future__ import annotations

import gzip
import http.client
import re
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from sitebuild.nginx import DEPLOY_CONF, Preview, immutable_addresses, serving
from sitebuild.server import content_security_policy
from support.browser import Visit, open_visit
from support.calculators import call as cpython_run
from support.calculators import default_payload
from support.site import ROOT, Build, build_site, free_port

pytestmark = pytest.mark.browser

IMMUTABLE = "public, max-age=31536000, immutable"
SUBPATH = "/muscle/"


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    def header(self, name: str) -> str | None:
        return self.headers.get(name)


def get(url: str, **headers: str) -> Response:
    """One GET with exactly the given request headers (no Accept-Encoding unless given)."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        connection.request("GET", parts.path or "/", headers=headers)
        response = connection.getresponse()
        return Response(response.status, response.headers, response.read())
    finally:
        connection.close()


def one(site_dir: Path, pattern: str) -> str:
    """The path (relative to the site) of the one built file matching a glob."""
    found = sorted(site_dir.glob(pattern))
    assert found, f"the build wrote no {pattern}"
    return found[0].relative_to(site_dir).as_posix()


def versioned(path: str) -> bool:
    """The rule the config must follow, stated on its own: an address that changes whenever
    the content does (a hash of 8+ hex digits in a name or folder, or Pyodide's own files in
    the folder named by its version) is cached for good."""
    return bool(
        re.search(r"[./-][0-9a-f]{8,}[./-]", "/" + path)
        or re.search(
            r"assets/pyodide/[^/]+/(pyodide\.m?js|pyodide\.asm\.(mjs|wasm)|python_stdlib\.zip)$",
            path,
        )
    )


def assert_guarded(response: Response) -> None:
    """The headers every response must carry, whatever location served it."""
    assert response.header("Content-Security-Policy") == content_security_policy()
    assert response.header("X-Content-Type-Options") == "nosniff"
    assert response.header("Referrer-Policy") == "no-referrer"


# Kinds of file, by a glob in the built site, and the type each must be sent as.
KINDS = {
    "index.html": "text/html; charset=utf-8",
    "calculators/protein/index.html": "text/html; charset=utf-8",
    "assets/javascripts/bundle.*.min.js": "text/javascript; charset=utf-8",
    "assets/javascripts/calculators.*.mjs": "text/javascript; charset=utf-8",
    "assets/javascripts/inline/*.js": "text/javascript; charset=utf-8",
    "assets/stylesheets/main.*.min.css": "text/css; charset=utf-8",
    "assets/images/favicon.svg": "image/svg+xml; charset=utf-8",
    "assets/images/favicon.png": "image/png",
    "assets/pyodide/runtime.json": "application/json; charset=utf-8",
    "assets/pyodide/*/pyodide.mjs": "text/javascript; charset=utf-8",
    "assets/pyodide/*/pyodide.asm.wasm": "application/wasm",
    "assets/pyodide/*/python_stdlib.zip": "application/zip",
    "assets/pyodide/**/*.whl": "application/zip",
    "assets/pyodide/**/pyodide-lock.json": "application/json; charset=utf-8",
    "search/search_index.json": "application/json; charset=utf-8",
    "sitemap.xml": "application/xml; charset=utf-8",
}


@pytest.mark.parametrize("pattern", KINDS)
def test_each_kind_of_file_has_its_type_cache_rule_and_the_guard_headers(
    build: Build, site_url: str, pattern: str
) -> None:
    path = one(build.site_dir, pattern)
    response = get(site_url + ("" if path == "index.html" else path))
    assert response.status == 200
    assert response.header("Content-Type") == KINDS[pattern]
    assert response.header("Cache-Control") == (IMMUTABLE if versioned(path) else "no-cache")
    assert_guarded(response)
    assert response.body == (build.site_dir / path).read_bytes()


def test_hashed_and_unversioned_files_both_occur(build: Build) -> None:
    """The cache rule above is tested on both sides: some built files are versioned, some not."""
    files = [p.relative_to(build.site_dir).as_posix() for p in build.site_dir.rglob("*")]
    assert any(versioned(f) and f.endswith(".min.js") for f in files)
    assert any(versioned(f) and f.endswith(".mjs") and "/pyodide/" not in f for f in files)
    assert any(versioned(f) and f.endswith(".wasm") for f in files)
    assert any(not versioned(f) and f.endswith(".html") for f in files)


def test_the_rule_read_from_the_config_for_the_other_servers_is_the_rule(build: Build) -> None:
    """sitebuild.server and the service worker keep for good what the config's rule, read from
    deploy/nginx.conf, matches: exactly the built files the rule stated above calls versioned."""
    rule = re.compile(immutable_addresses())
    files = sorted(p.relative_to(build.site_dir).as_posix() for p in build.site_dir.rglob("*"))
    assert [f for f in files if rule.search("/" + f)] == [f for f in files if versioned(f)]


def test_every_extension_the_build_writes_has_a_type(build: Build, site_url: str) -> None:
    samples: dict[str, Path] = {}
    for file in sorted(build.site_dir.rglob("*.*")):
        # NAME.br and NAME.gz are not addressed themselves: brotli_static and gzip_static send
        # them for NAME, with NAME's type.
        precompressed = file.suffix in {".br", ".gz"} and file.with_suffix("").exists()
        if file.is_file() and not precompressed:
            samples.setdefault(file.suffix, file)
    untyped = {
        suffix: get(site_url + file.relative_to(build.site_dir).as_posix()).header("Content-Type")
        for suffix, file in samples.items()
    }
    # The memory snapshot (.bin) is a raw memory image: its proper type is the generic one.
    assert untyped.pop(".bin", "application/octet-stream") == "application/octet-stream"
    assert {s: t for s, t in untyped.items() if t in (None, "application/octet-stream")} == {}


@pytest.mark.parametrize(
    "path", ["a/b/c/missing/", "missing.js", "assets/javascripts/bundle.0123abcd.min.js"]
)
def test_a_miss_gets_the_404_page_with_the_guard_headers_and_no_long_cache(
    build: Build, site_url: str, path: str
) -> None:
    """Even in the location that marks hashed files immutable, a miss is not cached for good."""
    response = get(site_url + path)
    assert response.status == 404
    assert response.body == (build.site_dir / "404.html").read_bytes()
    assert response.header("Content-Type") == "text/html; charset=utf-8"
    assert response.header("Cache-Control") == "no-cache"
    assert_guarded(response)


def test_the_configs_policy_is_the_one_the_pages_declare() -> None:
    policies = re.findall(r'Content-Security-Policy "([^"]*)"', DEPLOY_CONF.read_text("utf-8"))
    assert len(policies) >= 2  # the server's and the repeat in the immutable location
    assert set(policies) == {content_security_policy()}


def test_nginx_accepts_the_config_without_a_warning(nginx: Preview) -> None:
    output = nginx.check()
    assert "syntax is ok" in output and "test is successful" in output
    assert not re.search(r"\[(warn|alert|emerg|crit|error)\]", output), output


def test_text_is_gzipped_on_the_fly_for_a_browser_that_accepts_it(
    build: Build, site_url: str
) -> None:
    # The build writes NAME.gz beside its pages; a page without one (as a host whose build
    # skipped precompression would have) is compressed by nginx as it goes out.
    page = build.site_dir / "gzip-probe" / "index.html"
    page.parent.mkdir()
    page.write_bytes((build.site_dir / "calculators" / "protein" / "index.html").read_bytes())
    try:
        zipped = get(site_url + "gzip-probe/", **{"Accept-Encoding": "gzip"})
        assert zipped.header("Content-Encoding") == "gzip"
        assert "Accept-Encoding" in (zipped.header("Vary") or "")
        assert gzip.decompress(zipped.body) == page.read_bytes()
        assert len(zipped.body) < page.stat().st_size / 3
        plain = get(site_url + "gzip-probe/")
        assert plain.header("Content-Encoding") is None and plain.body == page.read_bytes()
    finally:
        page.unlink()
        page.parent.rmdir()


def brotli(data: bytes) -> bytes:
    """Brotli from Node's zlib (Node is already needed for the runtime)."""
    script = (
        "process.stdout.write(require('zlib').brotliCompressSync(require('fs').readFileSync(0)))"
    )
    return subprocess.run(
        ["node", "-e", script], input=data, capture_output=True, check=True
    ).stdout


@pytest.fixture
def precompressed(build: Build) -> Iterator[Path]:
    """A hashed script with .gz and .br copies beside it, like those a build can write."""
    folder = build.site_dir / "precompressed-check"
    folder.mkdir()
    script = folder / "sample.0123abcd.js"
    script.write_text("export const answer = 42;\n" * 200, encoding="utf-8")
    script.with_name(script.name + ".gz").write_bytes(gzip.compress(script.read_bytes(), mtime=0))
    script.with_name(script.name + ".br").write_bytes(brotli(script.read_bytes()))
    yield script
    for file in folder.iterdir():
        file.unlink()
    folder.rmdir()


@pytest.mark.parametrize("encoding", ["br", "gzip"])
def test_a_precompressed_copy_is_sent_as_it_is(
    build: Build, site_url: str, precompressed: Path, encoding: str
) -> None:
    path = precompressed.relative_to(build.site_dir).as_posix()
    copy = precompressed.with_name(precompressed.name + (".br" if encoding == "br" else ".gz"))
    response = get(site_url + path, **{"Accept-Encoding": encoding})
    assert response.status == 200
    assert response.header("Content-Encoding") == encoding
    assert response.body == copy.read_bytes()  # the file itself, not nginx's own compression
    assert response.header("Content-Type") == "text/javascript; charset=utf-8"
    assert response.header("Cache-Control") == IMMUTABLE
    assert_guarded(response)
    plain = get(site_url + path)
    assert plain.header("Content-Encoding") is None and plain.body == precompressed.read_bytes()


def test_the_access_log_never_sees_a_readers_values(visit: Visit, nginx: Preview) -> None:
    visit.goto("calculators/protein/#weight=83.7&weight_unit=kg&age=47&body_fat_percent=23.9")
    visit.wait_ready("protein")
    visit.page.reload()
    visit.wait_ready("protein")
    log = (nginx.prefix / "access.log").read_text(encoding="utf-8")
    assert "/calculators/protein/" in log
    assert not any(value in log for value in ("83.7", "23.9", "age=47"))


def test_preview_stops_cleanly_on_sigterm(build: Build) -> None:
    port = free_port()
    command = [sys.executable, "-m", "sitebuild.nginx", str(build.site_dir), "--port", str(port)]
    with subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as process:
        assert process.stdout is not None
        assert "nginx serves" in process.stdout.readline()
        assert get(f"http://127.0.0.1:{port}/").status == 200
        process.send_signal(signal.SIGTERM)
        _, errors = process.communicate(timeout=10)
    assert process.returncode == 0, errors
    assert "nginx stopped" in errors
    with pytest.raises(ConnectionRefusedError):
        get(f"http://127.0.0.1:{port}/")


@pytest.fixture(scope="session")
def subpath_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Preview]:
    """A second build, for http://127.0.0.1:PORT/muscle/, served the same way."""
    site_dir = tmp_path_factory.mktemp("subpath-site")
    port = free_port()
    done = build_site(site_dir, port, SUBPATH)
    assert done.returncode == 0, f"the subpath build failed:\n{done.stderr[-4000:]}"
    with serving(site_dir, port, SUBPATH) as preview:
        yield preview


def test_under_a_subpath_the_config_passes_and_serves_the_guarded_headers(
    subpath_site: Preview,
) -> None:
    assert not re.search(r"\[(warn|alert|emerg)\]", subpath_site.check())
    wasm = next((subpath_site.prefix / "root").glob("muscle/assets/pyodide/*/pyodide.asm.wasm"))
    path = wasm.relative_to(subpath_site.prefix / "root" / "muscle").as_posix()
    response = get(subpath_site.url + path)
    assert response.status == 200 and response.header("Cache-Control") == IMMUTABLE
    assert_guarded(response)


def test_under_a_subpath_a_calculator_answers_and_instant_navigation_works(
    browser: object, subpath_site: Preview
) -> None:
    visit = open_visit(browser, subpath_site.url)
    try:
        page = visit.page
        visit.goto("calculators/protein/#weight=91&weight_unit=kg")
        visit.wait_ready("protein")
        expected = cpython_run("protein", {**default_payload("protein"), "weight": "91"})
        summary = page.locator("#mc-protein-answer .mc-summary")
        page.wait_for_function(
            "([node, text]) => node.textContent === text",
            arg=[summary.element_handle(), expected["display"]["summary"]],
        )
        page.evaluate("window.__sameDocument = true")
        page.locator("a.md-nav__link[href$='/calculators/energy/']:visible").first.click()
        visit.wait_ready("energy")
        assert page.evaluate("window.__sameDocument") is True, "instant navigation reloaded"
        assert page.url.startswith(subpath_site.url + "calculators/energy/")
        visit.assert_clean()
    finally:
        visit.page.context.close()


def test_under_a_subpath_a_nested_miss_gets_a_working_404_page(
    browser: object, subpath_site: Preview
) -> None:
    visit = open_visit(browser, subpath_site.url)
    try:
        response = visit.page.goto(subpath_site.url + "a/b/c/missing/")
        assert response is not None and response.status == 404
        visit.page.wait_for_load_state("load")
        assert visit.page.evaluate("typeof __md_get") == "function"
        visit.console_errors = [e for e in visit.console_errors if "404" not in e]
        visit.assert_clean()
    finally:
        visit.page.context.close()
