"""How the calculators start in the browser: from the build's memory snapshot, quietly the normal
way when the snapshot cannot be used (missing, damaged, or not the build's), and, when a file
Python needs fails to download, arrives damaged or with the wrong type, or stalls, with a plain
message and a retry within 10 seconds (the worked answer stays); a page opened before a new deploy
offers a reload that keeps the reader's values. No internal words (the runtime's, a parser's)
reach the reader. Guide pages start Python only when the reader heads for a calculator.

Failures are made with Playwright's context routes, which also see the worker's requests, or, for
a redeploy, by taking the old worker's files off the real nginx."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from sitebuild import runtime
from support.browser import Visit, control
from support.calculators import call as cpython_run
from support.calculators import default_payload
from support.site import Build

pytestmark = pytest.mark.browser

STATUS = "#mc-protein .mc-status"
FAIL_FAST_MS = 10_000


def fulfil_with(**response: Any) -> Callable[[Any], None]:
    return lambda route: route.fulfill(**response)


def truncated(route: Any) -> None:
    response = route.fetch()
    body = response.body()
    route.fulfill(response=response, body=body[: len(body) // 2])


def altered(route: Any) -> None:
    response = route.fetch()
    body = bytearray(response.body())
    body[len(body) // 2] ^= 0xFF
    route.fulfill(response=response, body=bytes(body))


def flipped_near_end(route: Any) -> None:
    """One bit changed 1 MB before the end: in the interpreter that is its constant data (the
    last section), which no compiler checks."""
    response = route.fetch()
    body = bytearray(response.body())
    body[len(body) - 1_000_000] ^= 0x01
    route.fulfill(response=response, body=bytes(body))


def with_type(content_type: str) -> Callable[[Any], None]:
    """The real file, sent with another Content-Type (as a server without the right types does)."""

    def handler(route: Any) -> None:
        response = route.fetch()
        headers = {**response.headers, "content-type": content_type}
        route.fulfill(response=response, headers=headers)

    return handler


NO_SNAPSHOT = ("**/snapshot.bin", fulfil_with(status=404, body="gone"))
NOT_A_ZIP = fulfil_with(content_type="application/zip", body=b"PK" + bytes(4000))
HTML_PAGE = fulfil_with(status=200, content_type="text/html", body="<!doctype html><p>Welcome</p>")

FAILURES = {
    "wasm 404": ([("**/pyodide.asm.wasm", fulfil_with(status=404, body="gone"))], "status 404"),
    "wasm served as a page": ([("**/pyodide.asm.wasm", HTML_PAGE)], "web page instead"),
    "truncated wasm": ([("**/pyodide.asm.wasm", truncated)], "arrived damaged"),
    "lockfile 404": (
        [("**/pyodide-lock.json", fulfil_with(status=404, body="gone"))],
        "status 404",
    ),
    "wheel with a bad hash": ([NO_SNAPSHOT, ("**/*.whl", altered)], "failed its checksum"),
    "missing wheel": (
        [NO_SNAPSHOT, ("**/*.whl", fulfil_with(status=404, body="gone"))],
        "status 404",
    ),
    # Bytes changed inside the interpreter's data: it compiles, so only its sha256 can tell.
    "wasm with one bit flipped": (
        [("**/pyodide.asm.wasm", flipped_near_end)],
        "pyodide.asm.wasm failed its checksum",
    ),
    "wasm with the wrong type": (
        [("**/pyodide.asm.wasm", with_type("application/octet-stream"))],
        'the server sends .wasm files with the wrong type ("application/octet-stream" instead of'
        ' "application/wasm")',
    ),
    "pyodide.asm.mjs with the wrong type": (
        [("**/pyodide.asm.mjs", with_type("application/octet-stream"))],
        'the server sends .mjs files with the wrong type ("application/octet-stream"',
    ),
    "pyodide.asm.mjs 404": (
        [("**/pyodide.asm.mjs", fulfil_with(status=404, body="gone"))],
        "(pyodide.asm.mjs, status 404)",
    ),
    "lockfile that is not JSON": (
        [("**/pyodide-lock.json", fulfil_with(content_type="application/json", body="{oops"))],
        "arrived damaged (pyodide-lock.json)",
    ),
    # The normal start with a standard library that is not one: Python itself gives up.
    "standard library that is not a zip": (
        [NO_SNAPSHOT, ("**/python_stdlib.zip", NOT_A_ZIP)],
        "Python stopped while starting; reloading the page may help",
    ),
}
#: What the runtime or a parser says, which must never reach the reader.
INTERNAL_WORDS = ("Traceback", "micropip", "File ", "exit(", "JSON", "token", "(pyodide.mjs)")


@pytest.mark.parametrize("failure", FAILURES, ids=list(FAILURES))
def test_a_failed_download_is_reported_plainly_within_seconds(visit: Visit, failure: str) -> None:
    routes, words = FAILURES[failure]
    for pattern, handler in routes:
        visit.page.context.route(pattern, handler)
    visit.goto("calculators/protein/")
    visit.page.wait_for_selector(f"{STATUS}[data-state=error]", timeout=FAIL_FAST_MS)
    text = visit.page.text_content(f"{STATUS} .mc-status__text") or ""
    assert text.startswith("The calculator could not start: ")
    assert words in text
    assert not [word for word in INTERNAL_WORDS if word in text], text
    assert visit.page.locator("#mc-protein [data-action=retry]").is_visible()
    assert visit.page.locator("#mc-protein .mc-summary").is_visible()  # the worked answer stays
    assert visit.foreign_requests == []


def started_with(visit: Visit) -> list[str]:
    return visit.page.evaluate(
        "performance.getEntriesByType('mark').map((m) => m.name)"
        ".filter((n) => n.startsWith('musclecalc:ready:'))"
    )


def live_summary_is_cpythons(visit: Visit) -> None:
    expected = cpython_run("protein", default_payload("protein"))["display"]["summary"]
    visit.page.wait_for_selector("#mc-protein[data-live=true]", timeout=60_000)
    assert visit.page.text_content("#mc-protein .mc-summary") == expected


def test_the_page_starts_from_the_snapshot(visit: Visit) -> None:
    visit.goto("calculators/protein/")
    live_summary_is_cpythons(visit)
    assert started_with(visit) == ["musclecalc:ready:snapshot"]
    assert not any(url.endswith(".whl") for url in visit.requests)  # the snapshot holds musclecalc
    visit.assert_clean()


def test_a_refused_snapshot_falls_back_to_a_normal_start_quietly(visit: Visit) -> None:
    def damaged(route: Any) -> None:  # the right length, but another build's id
        response = route.fetch()
        body = bytearray(response.body())
        # The file leaves zero pages out (snapshot-image.mjs): a 16-byte header whose last word
        # counts the runs, 8 bytes per run, then the runs; the first run is the memory image's
        # first page, Pyodide's header.
        image_start = 16 + 8 * int.from_bytes(body[12:16], "little")
        body[image_start + 16 : image_start + 48] = bytes(32)
        route.fulfill(response=response, body=bytes(body))

    visit.page.context.route("**/snapshot.bin", damaged)
    visit.goto("calculators/protein/")
    live_summary_is_cpythons(visit)
    assert started_with(visit) == ["musclecalc:ready:normal"]
    assert visit.page.get_attribute(STATUS, "data-state") == "ready"
    visit.assert_clean()  # nothing alarming: no console error


def test_a_missing_snapshot_starts_one_interpreter_not_two(visit: Visit) -> None:
    # When the snapshot's 404 arrives before Pyodide's modules, the worker must go straight to
    # the normal start, not also start an interpreter for a snapshot it no longer has (which
    # would share the worker's one thread with the normal start). The modules are held back
    # until the 404 has been sent, so that order is the test's doing, not the machine's speed.
    held: list[Any] = []
    answered = False

    def hold_until_answered(route: Any) -> None:
        if answered:
            route.continue_()
        else:
            held.append(route)

    def missing_snapshot(route: Any) -> None:
        nonlocal answered
        route.fulfill(status=404, body="gone")
        answered = True
        while held:
            held.pop(0).continue_()

    for module in ("**/pyodide.mjs", "**/pyodide.asm.mjs"):
        visit.page.context.route(module, hold_until_answered)
    visit.page.context.route("**/snapshot.bin", missing_snapshot)
    visit.goto("calculators/protein/")
    live_summary_is_cpythons(visit)
    assert started_with(visit) == ["musclecalc:ready:normal"]
    steps = visit.page.evaluate(
        "performance.getEntriesByType('mark')"
        ".find((m) => m.name.startsWith('musclecalc:ready:')).detail.steps"
    )
    assert [name for name in steps if name.startswith("instantiated")] == ["instantiated"]
    assert steps["normal start"] < steps["pyodide's modules loaded"]
    visit.assert_clean()


def test_a_guide_page_starts_python_only_when_the_reader_heads_for_a_calculator(
    visit: Visit,
) -> None:
    visit.goto("causes/too-little-protein/")
    visit.page.wait_for_timeout(2_000)
    assert not [url for url in visit.requests if "/assets/pyodide/" in url]
    assert visit.workers == [] or all("calculator-worker" not in url for url in visit.workers)
    link = visit.page.locator("a[href*='calculators/protein/']:visible").first
    link.hover()
    visit.page.wait_for_function(
        "() => performance.getEntriesByType('mark').some((m) => m.name.startsWith('musclecalc:ready:'))",
        timeout=60_000,
    )
    assert any(url.endswith("pyodide.asm.wasm") for url in visit.requests)
    visit.assert_clean()


def test_a_damaged_snapshot_is_never_restored(visit: Visit) -> None:
    """One bit flipped in the snapshot's memory image (the right length and header): its sha256
    gives it away, and Python starts the normal way, quietly."""
    visit.page.context.route("**/snapshot.bin", flipped_near_end)
    visit.goto("calculators/protein/")
    live_summary_is_cpythons(visit)
    assert started_with(visit) == ["musclecalc:ready:normal"]
    refused = visit.page.evaluate(
        "performance.getEntriesByType('mark')"
        ".find((m) => m.name.startsWith('musclecalc:ready:')).detail.refused"
    )
    assert "checksum" in refused
    visit.assert_clean()


def test_the_interpreter_and_the_snapshot_are_checked_and_the_cost_is_printed(
    visit: Visit,
) -> None:
    visit.goto("calculators/protein/")
    live_summary_is_cpythons(visit)
    checks = visit.page.evaluate(
        "performance.getEntriesByType('mark')"
        ".find((m) => m.name.startsWith('musclecalc:ready:')).detail.checks"
    )
    assert set(checks) == {"pyodide.asm.wasm", "snapshot.bin"}
    for name, cost in checks.items():
        print(
            f"sha256 of {name}: done {cost['after_download_ms']} ms after its last byte,"
            f" held the start {cost['delay_ms']} ms"
        )
        assert 0 <= cost["delay_ms"] <= cost["after_download_ms"]
    visit.assert_clean()


def test_a_stalled_download_is_reported_within_10_seconds_and_a_retry_works(visit: Visit) -> None:
    held: list[Any] = []
    # The interpreter's download never gets an answer.
    visit.page.context.route("**/pyodide.asm.wasm", lambda route: held.append(route))  # noqa: PLW0108 - Playwright needs a Python function, not a builtin method
    visit.goto("calculators/protein/")
    visit.page.wait_for_selector(f"{STATUS}[data-state=error]", timeout=FAIL_FAST_MS + 3_000)
    text = visit.page.text_content(f"{STATUS} .mc-status__text") or ""
    assert text.startswith("The calculator could not start: its download stalled")
    assert "check the connection" in text
    assert held, "the interpreter's download was held"
    visit.page.context.unroute("**/pyodide.asm.wasm")
    visit.page.click("#mc-protein [data-action=retry]")
    live_summary_is_cpythons(visit)
    assert visit.foreign_requests == []


@pytest.fixture
def old_worker_gone(build: Build) -> Iterator[Callable[[], None]]:
    """A new deploy took the old calculators' worker off the server (its name carries a hash of
    its content): the worker's files (and their .br/.gz copies) are moved away. The fixture gives
    the function that puts them back (then the reloaded page finds a worker, as it would find
    the new deploy's), which also runs afterwards."""
    scripts = build.site_dir / "assets" / "javascripts"
    files = sorted(scripts.glob("calculator-worker.*.mjs*"))
    assert files, "the built site has a hashed worker"
    away = build.site_dir.parent / f"{build.site_dir.name}-old-worker"
    away.mkdir(exist_ok=True)
    moved = [Path(shutil.move(file, away / file.name)) for file in files]

    def put_back() -> None:
        for file in moved:
            if file.exists():
                shutil.move(file, scripts / file.name)

    try:
        yield put_back
    finally:
        put_back()


def test_a_page_from_before_a_new_deploy_offers_a_reload_that_keeps_the_values(
    visit: Visit, request: pytest.FixtureRequest
) -> None:
    page = visit.page
    visit.goto("causes/too-little-protein/")
    page.wait_for_load_state("load")
    put_back = request.getfixturevalue("old_worker_gone")
    page.locator("a[href*='calculators/protein/']:visible").first.click()  # instant navigation
    page.wait_for_selector(f"{STATUS}[data-state=error]", timeout=FAIL_FAST_MS)
    page.fill(control("protein", "weight"), "77")
    page.wait_for_function(
        "s => document.querySelector(s)?.textContent.startsWith('The site was updated')",
        arg=f"{STATUS} .mc-status__text",
        timeout=FAIL_FAST_MS,
    )
    retry = page.locator("#mc-protein [data-action=retry]")
    assert retry.text_content() == "Reload the page"
    put_back()
    retry.click()
    page.wait_for_load_state("load")
    assert page.input_value(control("protein", "weight")) == "77"
    expected = cpython_run("protein", {**default_payload("protein"), "weight": "77"})
    page.wait_for_function(
        "text => document.querySelector('#mc-protein-answer .mc-summary')?.textContent === text",
        arg=expected["display"]["summary"],
        timeout=60_000,
    )
    visit.console_errors = [e for e in visit.console_errors if "404" not in e]
    visit.assert_clean()


def test_the_manifest_holds_the_block_digests_of_the_files_served(build: Build) -> None:
    pyodide = build.site_dir / "assets" / "pyodide"
    manifest = json.loads((pyodide / "runtime.json").read_text(encoding="utf-8"))
    wasm = (pyodide / manifest["wasm_url"]).read_bytes()
    snapshot = (pyodide / manifest["snapshot_url"]).read_bytes()
    assert manifest["wasm_bytes"] == len(wasm)
    assert manifest["wasm_sha256_blocks"] == list(runtime.block_digests(wasm))
    assert manifest["snapshot_sha256_blocks"] == list(runtime.block_digests(snapshot))
    assert len(manifest["snapshot_sha256_blocks"]) == -(-len(snapshot) // (1 << 20))
