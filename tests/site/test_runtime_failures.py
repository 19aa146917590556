"""How the calculators start in the browser: from the build's memory snapshot, quietly the normal
way when the snapshot cannot be used, and, when a file Python needs fails to download, with a
plain message and a retry within seconds (the worked answer stays). Guide pages start Python only
when the reader heads for a calculator.

Failures are made with Playwright's context routes, which also see the worker's requests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from support.browser import Visit
from support.calculators import call as cpython_run
from support.calculators import default_payload

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


NO_SNAPSHOT = ("**/snapshot.bin", fulfil_with(status=404, body="gone"))
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
}


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
    assert "Traceback" not in text and "micropip" not in text and "File " not in text
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
