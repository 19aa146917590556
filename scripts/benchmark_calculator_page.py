"""Benchmark: how long a calculator page takes to give its first live answer, and what it costs.

Serves the built site (`make build` first) on loopback with sitebuild.server, opens a
calculator page in Debian's Chromium through Playwright, and measures, from navigation start to
the first answer computed by Python in the page (the calculator's `data-live` mark):
  - empty cache: a new browser profile (with its own disk cache) each run;
  - warm cache: one profile, after a visit that filled its cache.
Profiles are real on-disk ones, as a reader's browser has: an in-memory (incognito) cache will
not keep a 9.6 MB WebAssembly file, which would make every visit look cold.
It also counts the bytes the page transferred (bodies and headers, the worker's requests
included). Prints the median of several runs; this is a script that prints figures, not a test.

    python scripts/benchmark_calculator_page.py [--runs 5] [--page calculators/protein/]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import BrowserContext, Playwright, Request, sync_playwright

from sitebuild import ROOT
from sitebuild.chromium import EXECUTABLE, FLAGS
from sitebuild.server import serve


def first_live_answer(context: BrowserContext, url: str) -> tuple[float, int, int]:
    """Milliseconds to the first live answer, bytes transferred, and requests made."""
    transferred = []

    def finished(request: Request) -> None:
        sizes = request.sizes()  # zero body bytes for answers from the browser's cache
        transferred.append(sizes["responseBodySize"] + sizes["responseHeadersSize"])

    context.on("requestfinished", finished)
    page = context.new_page()
    page.goto(url)
    page.wait_for_selector(".mc-calculator[data-live]", timeout=120_000)
    elapsed = page.evaluate("performance.now()")
    page.wait_for_timeout(200)
    page.close()
    context.remove_listener("requestfinished", finished)
    return elapsed, sum(transferred), len(transferred)


def profile(playwright: Playwright, chromium: str, folder: str) -> BrowserContext:
    return playwright.chromium.launch_persistent_context(
        folder, executable_path=chromium, args=FLAGS
    )


def run(
    playwright: Playwright, chromium: str, url: str, runs: int
) -> dict[str, list[tuple[float, int, int]]]:
    cold, warm = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as folder:
            context = profile(playwright, chromium, folder)
            cold.append(first_live_answer(context, url))
            context.close()
    with tempfile.TemporaryDirectory() as folder:
        context = profile(playwright, chromium, folder)
        first_live_answer(context, url)  # fill the cache
        for _ in range(runs):
            warm.append(first_live_answer(context, url))
        context.close()
    return {"empty cache": cold, "warm cache": warm}


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--page", default="calculators/protein/")
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--chromium", default=EXECUTABLE)
    options = parser.parse_args()
    if not (options.site / "index.html").exists():
        print(f"{options.site} has no built site: run `make build` first", file=sys.stderr)
        return 2
    server, base = serve(options.site)
    try:
        with sync_playwright() as playwright:
            results = run(playwright, options.chromium, base + options.page, options.runs)
    finally:
        server.stop()
    print(f"{options.page}, median of {options.runs} runs, served from loopback")
    print(f"{'':12} {'first live answer':>18} {'transferred':>12} {'requests':>9}")
    for label, samples in results.items():
        ms = statistics.median(s[0] for s in samples)
        kib = statistics.median(s[1] for s in samples) / 1024
        count = statistics.median(s[2] for s in samples)
        print(f"{label:12} {ms:15.0f} ms {kib:9.0f} KiB {count:9.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
