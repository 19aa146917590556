"""The shipped server config (deploy/nginx.conf, deploy/subpath.conf and the snippets they
include) on Debian's real nginx: what it sends for every kind of file, the guard headers on every
kind of response (and a header an operator adds), dotfiles, compression, the 404 page, the site
under a subpath through `alias`, and `make preview`'s stop."""

from __future__ import annotations

import gzip
import http.client
import re
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from sitebuild.nginx import (
    HEADERS_SNIPPET,
    NginxError,
    Preview,
    immutable_addresses,
    serving,
    shipped_headers,
)
from sitebuild.server import content_security_policy, header_content_security_policy
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
    policy = response.header("Content-Security-Policy") or ""
    assert policy == header_content_security_policy()
    for directive in ("frame-ancestors 'none'", "base-uri 'none'", "form-action 'self'"):
        assert directive in policy.split("; ")
    assert "object-src 'none'" in policy.split("; ")
    assert response.header("X-Content-Type-Options") == "nosniff"
    assert response.header("Referrer-Policy") == "no-referrer"
    assert response.header("X-Frame-Options") == "DENY"
    assert response.header("Cross-Origin-Opener-Policy") == "same-origin"
    assert response.header("Cross-Origin-Resource-Policy") == "same-origin"
    permissions = response.header("Permissions-Policy") or ""
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in permissions.split(", ")


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


def test_the_configs_policy_is_the_pages_policy_plus_the_header_only_directives() -> None:
    policies = re.findall(r'Content-Security-Policy "([^"]*)"', HEADERS_SNIPPET.read_text("utf-8"))
    assert policies == [header_content_security_policy()]
    assert header_content_security_policy().startswith(content_security_policy() + "; ")
    # A <meta> policy ignores these, and Chromium logs an error for each: header only.
    for directive in ("frame-ancestors", "report-uri", "sandbox"):
        assert directive not in content_security_policy()
    assert "frame-ancestors 'none'" in header_content_security_policy()


def test_the_pages_declare_the_meta_policy_without_header_only_directives(build: Build) -> None:
    pages = sorted(build.site_dir.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        found = re.findall(
            r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"',
            page.read_text(encoding="utf-8"),
        )
        assert found == [content_security_policy()], page


def test_only_headers_conf_adds_headers_so_none_is_lost_in_a_location() -> None:
    """nginx drops inherited add_header lines in a block with its own: so every add_header of
    the site's rules (but Cache-Control) is in headers.conf, and every block includes it."""
    site = (HEADERS_SNIPPET.parent / "site.conf").read_text(encoding="utf-8")
    added = re.findall(r"^\s*add_header ([\w-]+)", site, re.MULTILINE)
    assert set(added) == {"Cache-Control"}
    # the enclosing location, and each one inside
    blocks = len(re.findall(r"^\s*location ", site, re.MULTILINE)) + 1
    assert blocks == 3
    assert site.count("include snippets/why-am-i-losing-muscle/headers.conf;") == blocks
    assert set(shipped_headers()) >= {
        "Content-Security-Policy",
        "X-Frame-Options",
        "Permissions-Policy",
        "Cross-Origin-Opener-Policy",
        "Cross-Origin-Resource-Policy",
    }


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


# A host's own rules, as many servers have them: a regular-expression location for scripts and
# styles at server level, which wins over any plain prefix location such as `location /muscle/`.
HOST_RULES = (
    'location ~* \\.(?:js|mjs|css|wasm|json)$ {\n    add_header Cache-Control "max-age=60";\n}\n'
)


@dataclass
class SubpathSite:
    preview: Preview
    site_dir: Path


@pytest.fixture(scope="session")
def subpath_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SubpathSite]:
    """A second build, for http://127.0.0.1:PORT/muscle/, served by a host's server block with
    its own regex location and deploy/subpath.conf, which reaches the site through `alias`."""
    site_dir = tmp_path_factory.mktemp("subpath-site")
    port = free_port()
    done = build_site(site_dir, port, SUBPATH)
    assert done.returncode == 0, f"the subpath build failed:\n{done.stderr[-4000:]}"
    with serving(site_dir, port, SUBPATH, host_rules=HOST_RULES) as preview:
        yield SubpathSite(preview, site_dir)


def test_under_a_subpath_the_config_uses_alias_and_serves_hashed_files_guarded(
    subpath_site: SubpathSite,
) -> None:
    preview = subpath_site.preview
    assert not re.search(r"\[(warn|alert|emerg)\]", preview.check())
    server = (preview.prefix / "server.conf").read_text(encoding="utf-8")
    assert f"alias {subpath_site.site_dir.resolve()}/;" in server and "location ~* " in server
    for pattern in ("assets/pyodide/*/pyodide.asm.wasm", "assets/javascripts/calculators.*.mjs"):
        path = one(subpath_site.site_dir, pattern)
        response = get(preview.url + path)
        assert response.status == 200, path
        assert response.header("Cache-Control") == IMMUTABLE
        assert response.body == (subpath_site.site_dir / path).read_bytes()
        assert_guarded(response)
    redirect = get(preview.url.rstrip("/"))
    assert redirect.status == 301
    assert (redirect.header("Location") or "").endswith(SUBPATH)
    assert_guarded(redirect)


PRINT = [sys.executable, "-m", "sitebuild.nginx", "--print"]


def test_print_subpath_prints_the_alias_snippet() -> None:
    done = subprocess.run(
        [*PRINT, "--subpath", "/health/", "--root", "/srv/health/site"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "location ^~ /health/ {" in done.stdout and "location = /health {" in done.stdout
    assert "alias /srv/health/site/;" in done.stdout
    assert "error_page 404 /health/404.html;" in done.stdout
    assert "include snippets/why-am-i-losing-muscle/site.conf;" in done.stdout
    assert "/muscle" not in done.stdout.split("location = ")[1]


@pytest.fixture
def dotfiles(build: Build) -> Iterator[dict[str, Path]]:
    """A .env, a .git/config and a /.well-known/ file in the served folder, as a careless
    deploy (a git checkout, an rsync of the project) leaves them."""
    files = {
        ".env": build.site_dir / ".env",
        ".git/config": build.site_dir / ".git" / "config",
        "assets/.DS_Store": build.site_dir / "assets" / ".DS_Store",
        ".well-known/security.txt": build.site_dir / ".well-known" / "security.txt",
    }
    for file in files.values():
        file.parent.mkdir(exist_ok=True)
        file.write_text("SECRET=do-not-serve\n", encoding="utf-8")
    yield files
    for file in files.values():
        file.unlink()
    for folder in (".git", ".well-known"):
        (build.site_dir / folder).rmdir()


def test_dotfiles_get_the_404_page_but_well_known_is_served(
    build: Build, site_url: str, dotfiles: dict[str, Path]
) -> None:
    for path in (".env", ".git/config", "assets/.DS_Store"):
        response = get(site_url + path)
        assert response.status == 404, path
        assert response.body == (build.site_dir / "404.html").read_bytes()
        assert_guarded(response)
    well_known = get(site_url + ".well-known/security.txt")
    assert well_known.status == 200 and b"SECRET" in well_known.body
    assert_guarded(well_known)


def hsts_line() -> str:
    """The HSTS line headers.conf documents, switched on as its comment says."""
    found = re.findall(
        r"^# (add_header Strict-Transport-Security .*)$",
        HEADERS_SNIPPET.read_text(encoding="utf-8"),
        re.MULTILINE,
    )
    assert len(found) == 1
    return found[0]


def test_a_header_added_in_headers_conf_reaches_every_kind_of_response(
    build: Build, dotfiles: dict[str, Path]
) -> None:
    """Today's mistake, adding HSTS at server level, loses it in the location that sets its own
    headers; the documented place, headers.conf, reaches every response, also under a subpath."""
    hashed = one(build.site_dir, "assets/javascripts/calculators.*.mjs")
    paths = {
        "": 200,
        "calculators/protein/": 200,
        hashed: 200,
        one(build.site_dir, "assets/pyodide/*/pyodide.asm.wasm"): 200,
        "sw.js": 200,
        "a/b/c/missing/": 404,
        "assets/javascripts/bundle.0123abcd.min.js": 404,
        ".git/config": 404,
        "calculators": 301,
    }
    for subpath in ("/", SUBPATH):
        port = free_port()
        with serving(build.site_dir, port, subpath, extra_headers=[hsts_line()]) as preview:
            for path, status in paths.items():
                response = get(preview.url + path)
                assert response.status == status, (subpath, path)
                assert response.header("Strict-Transport-Security") == "max-age=31536000", path
                assert_guarded(response)


def test_under_a_subpath_a_calculator_answers_and_instant_navigation_works(
    browser: object, subpath_site: SubpathSite
) -> None:
    url = subpath_site.preview.url
    visit = open_visit(browser, url)
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
        assert page.url.startswith(url + "calculators/energy/")
        visit.assert_clean()
    finally:
        visit.page.context.close()


def test_under_a_subpath_a_nested_miss_gets_a_working_404_page(
    browser: object, subpath_site: SubpathSite
) -> None:
    url = subpath_site.preview.url
    visit = open_visit(browser, url)
    try:
        response = visit.page.goto(url + "a/b/c/missing/")
        assert response is not None and response.status == 404
        visit.page.wait_for_load_state("load")
        assert visit.page.evaluate("typeof __md_get") == "function"
        visit.console_errors = [e for e in visit.console_errors if "404" not in e]
        visit.assert_clean()
    finally:
        visit.page.context.close()


def test_serving_refuses_a_port_another_server_already_listens_on(build: Build) -> None:
    # Otherwise nginx fails to bind, the old server answers the port check, and every request
    # goes to whatever that server serves.
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        port = other.getsockname()[1]
        with pytest.raises(NginxError, match="already in use"), serving(build.site_dir, port):
            pytest.fail("serving started on a port another server holds")
