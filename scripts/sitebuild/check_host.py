"""Check a running copy of the site from outside, as a reader's browser meets it.

    make check-host URL=https://your.host/path/
    python -m sitebuild.check_host URL [--no-browser]

Each check prints `pass` or `FAIL` with the fix in one line; the exit status is 1 when any check
fails. What it checks: the types of the modules (.mjs), the WebAssembly (.wasm) and the runtime's
manifest (.json); every header of deploy/snippets/why-am-i-losing-muscle/headers.conf on a page,
a hashed file and the 404 page (Strict-Transport-Security too, over HTTPS); compressed transfer
of the interpreter and the memory snapshot; the cache rules (pages revalidate, hashed files are
kept for good, sw.js is never kept long); the styled 404 page for a missing address three
folders deep; dotfiles denied; no search words in search result links; and, when Chromium is
installed (`make chromium`), a live answer from a calculator.

Nothing is named here but the site's fixed entry points (its address, `sitemap.xml`, `sw.js`,
`assets/pyodide/runtime.json`): the hashed files come from the pages, the runtime's files from
runtime.json, a calculator page from the sitemap.
"""

from __future__ import annotations

import argparse
import http.client
import json
import re
import ssl
import sys
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from .nginx import immutable_addresses, shipped_headers

HEADERS_FILE = "deploy/snippets/why-am-i-losing-muscle/headers.conf"
SITE_RULES = "deploy/snippets/why-am-i-losing-muscle/site.conf"
SCRIPT_TYPES = {"text/javascript", "application/javascript"}
ONE_YEAR_S = 31_536_000
HSTS = "Strict-Transport-Security"
DOTFILES = (".git/config", ".git/HEAD", ".env")
ANSWER_TIMEOUT_MS = 60_000
TIMEOUT_S = 20.0


class HostCheckError(Exception):
    """The site could not be reached or read well enough to check it at all."""


@dataclass(frozen=True)
class Result:
    """One check: its name, and the fix in one line (None when it passed)."""

    name: str
    fix: str | None = None

    @property
    def passed(self) -> bool:
        return self.fix is None

    def line(self) -> str:
        """>>> Result("type of .mjs").line(), Result("sw.js", "send no-cache").line()
        ('pass  type of .mjs', 'FAIL  sw.js: send no-cache')
        """
        return f"pass  {self.name}" if self.fix is None else f"FAIL  {self.name}: {self.fix}"


@dataclass(frozen=True)
class Answer:
    """One HTTP response: status, headers (names in lower case) and body (empty if unread)."""

    url: str
    status: int
    headers: dict[str, str]
    body: bytes = b""

    def header(self, name: str) -> str:
        return self.headers.get(name.lower(), "")

    @property
    def media_type(self) -> str:
        """>>> Answer("u", 200, {"content-type": "Text/JavaScript; charset=utf-8"}).media_type
        'text/javascript'
        """
        return self.header("content-type").split(";")[0].strip().lower()


def request(url: str, *, method: str = "GET", encodings: str = "", read: bool = True) -> Answer:
    """One request, redirects not followed; `read=False` leaves a large body unread."""
    parts = urlsplit(url)
    connection: http.client.HTTPConnection
    if parts.scheme == "https":
        connection = http.client.HTTPSConnection(
            parts.netloc, timeout=TIMEOUT_S, context=ssl.create_default_context()
        )
    else:
        connection = http.client.HTTPConnection(parts.netloc, timeout=TIMEOUT_S)
    headers = {"Accept-Encoding": encodings} if encodings else {}
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    try:
        connection.request(method, target or "/", headers=headers)
        response = connection.getresponse()
        body = response.read() if read and method != "HEAD" else b""
        found = {name.lower(): value for name, value in response.getheaders()}
        return Answer(url, response.status, found, body)
    except OSError as error:
        raise HostCheckError(f"{url}: {error}") from error
    finally:
        connection.close()


Fetch = Callable[..., Answer]

_MODULE = re.compile(r"<script\b(?=[^>]*\btype=\"module\")[^>]*\bsrc=\"([^\"]+)\"", re.I)
_STYLESHEET = re.compile(r"<link\b(?=[^>]*\brel=\"stylesheet\")[^>]*\bhref=\"([^\"]+)\"", re.I)
_CONFIG = re.compile(r"<script id=\"__config\" type=\"application/json\">(.*?)</script>", re.S)
_LOC = re.compile(r"<loc>\s*([^<\s]+)\s*</loc>")


def module_scripts(html: str, page_url: str) -> list[str]:
    """The addresses of the module scripts a page loads.

    >>> module_scripts('<script src="a/x.12345678.mjs" type="module"></script>', "http://h/p/")
    ['http://h/p/a/x.12345678.mjs']
    """
    return [urljoin(page_url, src) for src in _MODULE.findall(html)]


def features(html: str) -> list[str]:
    """The theme features Material's page config (`__config`) lists.

    >>> features('<script id="__config" type="application/json">{"features": ["a"]}</script>')
    ['a']
    """
    found = _CONFIG.search(html)
    return list(json.loads(found.group(1)).get("features", [])) if found else []


def cache_fix(cache_control: str, rule: str) -> str | None:
    """None if `cache_control` follows `rule` ("revalidate", "immutable" or "short"), else why.

    >>> cache_fix("no-cache", "revalidate"), cache_fix("max-age=600", "short")
    (None, None)
    >>> cache_fix("", "revalidate")
    'it sends no Cache-Control'
    >>> cache_fix("public, max-age=86400", "immutable")
    'it sends Cache-Control: public, max-age=86400'
    """
    value = cache_control.lower()
    directives = {part.split("=")[0].strip(): part for part in value.split(",")}
    age = re.search(r"max-age=(\d+)", value)
    seconds = int(age.group(1)) if age else None
    if rule == "immutable":
        ok = "immutable" in directives and seconds is not None and seconds >= ONE_YEAR_S
    elif rule == "revalidate":
        ok = "no-cache" in directives or "no-store" in directives or seconds == 0
    else:  # short: never kept for long (browsers cap a service worker's script at a day anyway)
        ok = "no-cache" in directives or "no-store" in directives or (seconds or 0) <= 3600
        ok = ok and bool(value)
    if ok:
        return None
    return (
        f"it sends Cache-Control: {cache_control}" if cache_control else "it sends no Cache-Control"
    )


@dataclass(frozen=True)
class Site:
    """What the checks need, found from the site itself."""

    base: str
    home: Answer
    hashed: str
    runtime_json: Answer
    wasm: str
    snapshot: str
    calculator_page: str | None


def discover(base: str, fetch: Fetch = request) -> Site:
    """Read the home page, runtime.json and the sitemap of the site at `base`."""
    home = fetch(base)
    if home.status != 200 or "html" not in home.media_type:
        raise HostCheckError(f"{base} answered {home.status} {home.media_type or ''}, not a page")
    html = home.body.decode("utf-8", "replace")
    rule = re.compile(immutable_addresses())
    hashed = [url for url in module_scripts(html, base) if rule.search(urlsplit(url).path)]
    if not hashed:
        raise HostCheckError(f"{base} loads no module with a hashed name: is it this site?")
    runtime_url = urljoin(base, "assets/pyodide/runtime.json")
    runtime_json = fetch(runtime_url)
    try:
        runtime = json.loads(runtime_json.body)
    except ValueError as error:
        raise HostCheckError(f"{runtime_url} is not the runtime's manifest: {error}") from error
    calculator_page = None
    sitemap = fetch(urljoin(base, "sitemap.xml"))
    locs = _LOC.findall(sitemap.body.decode("utf-8", "replace"))
    for loc in sorted(locs, key=lambda loc: "calculator" not in loc):  # likely ones first
        page = urljoin(base, urlsplit(loc).path.removeprefix(urlsplit(base).path))
        if b"data-calculator=" in fetch(page).body:
            calculator_page = page
            break
    return Site(
        base,
        home,
        hashed[0],
        runtime_json,
        urljoin(runtime_url, runtime["wasm_url"]),
        urljoin(runtime_url, runtime["snapshot_url"]),
        calculator_page,
    )


def check_types(site: Site, fetch: Fetch) -> Iterable[Result]:
    module = fetch(site.hashed, method="HEAD")
    wasm = fetch(site.wasm, method="HEAD")
    for suffix, answer, wanted, fix_line in (
        (".mjs", module, SCRIPT_TYPES, "text/javascript mjs;"),
        (".wasm", wasm, {"application/wasm"}, "application/wasm wasm;"),
        (".json", site.runtime_json, {"application/json"}, "application/json json;"),
    ):
        name = f"type of {suffix} files"
        if answer.media_type in wanted:
            yield Result(name)
        else:
            sent = answer.media_type or "no type"
            yield Result(
                name,
                f"{answer.url} is sent as {sent}; add `{fix_line}` to the server's types "
                f"(the full list is in {SITE_RULES})",
            )


def check_headers(site: Site, fetch: Fetch, missing_page: Answer) -> Iterable[Result]:
    expected = shipped_headers()
    if urlsplit(site.base).scheme == "https":
        expected.setdefault(HSTS, "")  # any max-age: the value is the operator's choice
    kinds = {
        "the page": site.home,
        "a hashed file": fetch(site.hashed, method="HEAD"),
        "the 404 page": missing_page,
    }
    for name, value in expected.items():
        wrong = [
            kind
            for kind, answer in kinds.items()
            if (answer.header(name) != value if value else not answer.header(name))
        ]
        if not wrong:
            yield Result(f"header {name}")
            continue
        how = (
            f"uncomment its line in {HEADERS_FILE}"
            if name == HSTS
            else f"send `{name}: {value}` (include {HEADERS_FILE} in every location)"
        )
        yield Result(f"header {name}", f"wrong or missing on {', '.join(wrong)}: {how}")


def check_compression(site: Site, fetch: Fetch) -> Iterable[Result]:
    for what, url in (
        ("the interpreter (.wasm)", site.wasm),
        ("the memory snapshot", site.snapshot),
    ):
        answer = fetch(url, encodings="br, gzip", read=False)
        encoding = answer.header("content-encoding")
        if answer.status == 200 and encoding in {"br", "gzip"}:
            yield Result(f"compression of {what}")
        else:
            yield Result(
                f"compression of {what}",
                f"{url} came {encoding or 'uncompressed'} (status {answer.status}); send the "
                f".br/.gz copies beside it (`brotli_static on; gzip_static on;`, {SITE_RULES})",
            )


def check_cache(site: Site, fetch: Fetch) -> Iterable[Result]:
    worker = fetch(urljoin(site.base, "sw.js"), method="HEAD")
    for name, answer, rule, wanted in (
        ("pages revalidate", site.home, "revalidate", "no-cache"),
        (
            "hashed files kept for good",
            fetch(site.hashed, method="HEAD"),
            "immutable",
            "public, max-age=31536000, immutable",
        ),
        ("sw.js never kept long", worker, "short", "no-cache"),
    ):
        why = cache_fix(answer.header("cache-control"), rule)
        if answer.status != 200:
            why = f"it answered {answer.status}"
        yield Result(
            name,
            None
            if why is None
            else f"{answer.url}: {why}; send `Cache-Control: {wanted}` ({SITE_RULES})",
        )


def check_missing_page(missing: Answer, fetch: Fetch) -> Iterable[Result]:
    name = "the styled 404 page three folders deep"
    if missing.status != 404:
        yield Result(name, f"{missing.url} answered {missing.status}, not 404")
        return
    sheets = _STYLESHEET.findall(missing.body.decode("utf-8", "replace"))
    if not sheets:
        yield Result(
            name,
            f"{missing.url} is not the site's 404 page: set `error_page 404 "
            "<path>/404.html;` (deploy/nginx.conf)",
        )
        return
    sheet = fetch(urljoin(missing.url, sheets[0]), method="HEAD")
    if sheet.status == 200 and sheet.media_type == "text/css":
        yield Result(name)
    else:
        yield Result(
            name,
            f"its stylesheet {sheet.url} answered {sheet.status}: build with "
            "the site's real address (make build SITE_URL=...)",
        )


def check_dotfiles(site: Site, fetch: Fetch) -> Iterable[Result]:
    served = [path for path in DOTFILES if fetch(urljoin(site.base, path)).status == 200]
    yield Result(
        "dotfiles denied",
        None
        if not served
        else f"{', '.join(served)} served; deny dotfiles except /.well-known/ "
        f"(the `location ~ /\\.(?!well-known/)` in {SITE_RULES})",
    )


def check_search_words(site: Site) -> Iterable[Result]:
    found = "search.highlight" in features(site.home.body.decode("utf-8", "replace"))
    yield Result(
        "no search words in result links",
        "search.highlight is on, so result links carry the words (?h=...) to the server and its "
        "log: remove it from theme.features in mkdocs.yml and rebuild"
        if found
        else None,
    )


def check_live_answer(site: Site, chromium: str) -> Iterable[Result]:
    """A calculator page in Chromium answers live (its status line reaches `ready`)."""
    name = "a live calculator answer in Chromium"
    if site.calculator_page is None:
        yield Result(name, "sitemap.xml lists no calculator page: build the whole site")
        return
    from playwright.sync_api import Error, sync_playwright

    from .chromium import FLAGS

    errors: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=FLAGS)
        page = browser.new_context().new_page()
        try:
            page.on("console", lambda m: m.type == "error" and errors.append(m.text))
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(site.calculator_page)
            page.wait_for_selector(".mc-status[data-state=ready]", timeout=ANSWER_TIMEOUT_MS)
            yield Result(name)
        except Error:
            try:
                status = page.locator(".mc-status").first.text_content(timeout=1000) or ""
            except Error:
                status = ""
            said = " ".join(status.split()) or "nothing"
            yield Result(
                name,
                f"{site.calculator_page} gave no answer in {ANSWER_TIMEOUT_MS // 1000} s; the page "
                f"said: {said}; first console error: {errors[0] if errors else 'none'}",
            )
        finally:
            browser.close()


def run(base: str, fetch: Fetch = request, chromium: str | None = None) -> list[Result]:
    """Every check of the site at `base`; the browser's only when `chromium` names a binary."""
    base = base if base.endswith("/") else base + "/"
    site = discover(base, fetch)
    missing = fetch(urljoin(base, f"check-host/a/b/{uuid.uuid4().hex[:12]}/"))
    results = [
        *check_types(site, fetch),
        *check_headers(site, fetch, missing),
        *check_compression(site, fetch),
        *check_cache(site, fetch),
        *check_missing_page(missing, fetch),
        *check_dotfiles(site, fetch),
        *check_search_words(site),
    ]
    if chromium:
        results += check_live_answer(site, chromium)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("url", help="the site's address, such as https://your.host/path/")
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium check")
    options = parser.parse_args(argv)
    from .chromium import EXECUTABLE

    chromium = None if options.no_browser or not Path(EXECUTABLE).exists() else EXECUTABLE
    try:
        results = run(options.url, chromium=chromium)
    except HostCheckError as error:
        print(f"FAIL  {error}")
        return 1
    for result in results:
        print(result.line())
    if chromium is None:
        why = "--no-browser" if options.no_browser else "no Chromium: `make chromium`"
        print(f"skip  a live calculator answer in Chromium ({why})")
    failed = sum(not result.passed for result in results)
    print(f"{len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
