"""`make check-host` (sitebuild.check_host) against the shipped config as `make preview` serves
it (every check passes), a plain Python http.server and a plain Debian nginx without the shipped
config (each fails, naming the fix); and the page's own message for a server that sends the
modules with the wrong type (docs/assets/javascripts/server-check.js), within 10 s."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sitebuild.nginx import serving
from support.browser import open_visit
from support.site import Build, free_port

pytestmark = pytest.mark.browser

MESSAGE_WITHIN_MS = 10_000


@pytest.fixture
def secrets(build: Build) -> Iterator[None]:
    """A .env and a .git/config in the served folder, as a careless deploy leaves them."""
    env, git = build.site_dir / ".env", build.site_dir / ".git"
    env.write_text("SECRET=1\n", encoding="utf-8")
    git.mkdir()
    (git / "config").write_text("[core]\n", encoding="utf-8")
    yield
    env.unlink()
    (git / "config").unlink()
    git.rmdir()


def lines(*argv: str) -> tuple[int, list[str]]:
    """`python -m sitebuild.check_host ARGV...` as an operator runs it: status, printed lines."""
    done = subprocess.run(
        [sys.executable, "-m", "sitebuild.check_host", *argv],
        capture_output=True,
        text=True,
        check=False,
        timeout=180,
    )
    assert done.stderr == ""
    return done.returncode, done.stdout.splitlines()


def failed(output: list[str]) -> dict[str, str]:
    """The failed checks: name → fix."""
    found = {}
    for line in output:
        if line.startswith("FAIL  "):
            name, _, fix = line.removeprefix("FAIL  ").partition(": ")
            found[name] = fix
    return found


def test_the_shipped_config_passes_every_check(site_url: str, secrets: None) -> None:
    status, output = lines(site_url)
    assert failed(output) == {}
    assert status == 0
    passed = [line for line in output if line.startswith("pass  ")]
    assert "pass  a live calculator answer in Chromium" in passed
    assert "pass  dotfiles denied" in passed and "pass  type of .mjs files" in passed
    assert len(passed) >= 19
    assert output[-1] == f"{len(passed)} passed, 0 failed"


@pytest.fixture
def python_http_server(build: Build) -> Iterator[str]:
    port = free_port()
    command = [sys.executable, "-m", "http.server", "-b", "127.0.0.1", str(port)]
    with subprocess.Popen(
        [*command, "-d", str(build.site_dir)], stderr=subprocess.DEVNULL, stdout=subprocess.PIPE
    ) as server:
        assert server.stdout is not None
        server.stdout.readline()  # "Serving HTTP on ...": it listens
        yield f"http://127.0.0.1:{port}/"
        server.terminate()


def test_a_plain_python_http_server_fails_with_the_fixes(
    python_http_server: str, secrets: None
) -> None:
    status, output = lines(python_http_server, "--no-browser")
    assert status == 1
    fixes = failed(output)
    for header in ("Content-Security-Policy", "X-Frame-Options", "Cross-Origin-Opener-Policy"):
        assert "headers.conf in every location" in fixes[f"header {header}"]
    assert "came uncompressed" in fixes["compression of the memory snapshot"]
    assert "it sends no Cache-Control" in fixes["hashed files kept for good"]
    assert "it sends no Cache-Control" in fixes["sw.js never kept long"]
    assert "error_page 404" in fixes["the styled 404 page three folders deep"]
    assert fixes["dotfiles denied"].startswith(".git/config, .env served")
    assert "pass  type of .mjs files" in output  # Python knows .mjs: not blamed for it


def test_a_plain_nginx_fails_on_the_module_type(build: Build, secrets: None) -> None:
    with serving(build.site_dir, free_port(), shipped=False) as plain:
        status, output = lines(plain.url, "--no-browser")
    assert status == 1
    fix = failed(output)["type of .mjs files"]
    assert "is sent as application/octet-stream; add `text/javascript mjs;`" in fix
    assert "pass  type of .wasm files" in output  # Debian's mime.types knows .wasm
    assert "header Permissions-Policy" in failed(output)
    assert "dotfiles denied" in failed(output)


def wait_for_message(page: Any, selector: str) -> str:
    page.wait_for_function(
        "(selector) => /application\\/octet-stream/.test("
        "document.querySelector(selector)?.textContent ?? '')",
        arg=selector,
        timeout=MESSAGE_WITHIN_MS,
    )
    return str(page.locator(selector).first.text_content())


def test_the_page_names_a_wrong_module_type_within_10_s(browser: Any, build: Build) -> None:
    with serving(build.site_dir, free_port(), shipped=False) as plain:
        visit = open_visit(browser, plain.url)
        try:
            started = time.monotonic()
            visit.goto("calculators/protein/")
            text = wait_for_message(visit.page, "#mc-protein .mc-status__text")
            assert time.monotonic() - started < MESSAGE_WITHIN_MS / 1000
            assert "text/javascript" in text and ".mjs" in text and "Self-hosting" in text
            status = visit.page.locator("#mc-protein .mc-status")
            assert status.get_attribute("data-state") == "error"
            assert status.get_attribute("role") == "status"
            # A guide page has no calculator: the message stands at the top of its content.
            visit.goto("causes/poor-sleep/")
            wait_for_message(visit.page, ".md-content__inner > .mc-server-check")
        finally:
            visit.page.context.close()


def test_the_message_stays_away_when_the_modules_load(visit: Any) -> None:
    visit.goto("calculators/protein/")
    visit.wait_ready("protein")
    assert visit.page.locator(".mc-server-check").count() == 0
    assert "not set up right" not in str(visit.page.locator("#mc-protein .mc-status").inner_text())
    visit.assert_clean()


def test_check_host_needs_the_site(tmp_path: Path) -> None:
    with serving(tmp_path, free_port(), shipped=False) as empty:
        status, output = lines(empty.url, "--no-browser")
    assert status == 1 and output[0].startswith("FAIL  ") and "not a page" in output[0]
