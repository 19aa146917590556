"""Benchmark: how fast a calculator page gives its first live answer, and what it downloads, beside
a naive Pyodide page as the yardstick.

Serves the built site (`make build` first) on loopback as a careful static host would: the build's
`.br`/`.gz` copies sent to browsers that accept them, and everything under
`assets/pyodide/<version>/` or named by a content hash cached for good. Next to the site it serves
a naive page, generated into a temporary folder, that calls `loadPyodide()` and
`loadPackage(wheel)` on the main thread and runs the protein calculator once. Three pages are
timed, interleaved run by run, in Debian's Chromium through Playwright:

  site          the protein page as built (memory snapshot restored in the worker)
  site, normal  the same page with the snapshot withheld (the worker's normal start)
  naive         the yardstick

cold = a new on-disk browser profile; warm = the second visit in the same profile; 3rd = the
third. Each figure is the median of --runs runs, on loopback and again under Chromium's network
emulation (20 Mbit/s, 40 ms). It also times navigation from a guide page to a live answer when
Python was started by hovering the link, an edit's recompute, and the bytes a cold calculator
page and a guide page move. A script that prints figures, not a test.

    python scripts/benchmark_calculator_page.py [--runs 5]
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import re
import statistics
import sys
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playwright.sync_api import BrowserContext, Page, Playwright, sync_playwright

from sitebuild import ROOT
from sitebuild.chromium import EXECUTABLE, FLAGS
from sitebuild.server import StaticHandler, StaticServer, content_security_policy

PAGE = "calculators/protein/"
#: A guide page with a link to PAGE, where navigation with intent starts.
GUIDE = "causes/too-little-protein/"
NAIVE = "bench-naive/"
LIVE = ".mc-calculator[data-live], body[data-live]"
THROTTLED = {
    "offline": False,
    "latency": 40,
    "downloadThroughput": 20e6 / 8,
    "uploadThroughput": 20e6 / 8,
}

NAIVE_HTML = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>naive</title>
<script type="module" src="naive.mjs"></script></head><body><p id="answer">…</p></body></html>
"""
NAIVE_JS = """import { loadPyodide } from "../assets/pyodide/%(index)spyodide.mjs";
const pyodide = await loadPyodide({ indexURL: "../assets/pyodide/%(index)s",
  lockFileURL: new URL("../assets/pyodide/%(lock)s", location.href).href });
await pyodide.loadPackage("musclecalc");
const bridge = pyodide.pyimport("musclecalc.bridge");
document.getElementById("answer").textContent = JSON.parse(bridge.run("protein", "{}")).answer;
document.body.dataset.live = "true";
performance.mark("musclecalc:live");
"""


@dataclass
class Sent:
    """What the server sent since the last reset: per file, its raw, gzip and brotli sizes."""

    files: list[tuple[str, int, int, int, int]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, path: str, raw: int, gz: int, br: int, sent: int) -> None:
        with self.lock:
            self.files.append((path, raw, gz, br, sent))

    def reset(self) -> list[tuple[str, int, int, int, int]]:
        with self.lock:
            files, self.files = self.files, []
        return files


SENT = Sent()
#: Set while the "site, normal" variant runs: the server answers 404 for the snapshot, so the
#: worker starts Python the normal way. (A Playwright route would do it too, but routing turns
#: Chromium's HTTP cache off, and the warm visit would then download everything again.)
WITHHOLD_SNAPSHOT = threading.Event()


class BenchHandler(StaticHandler):
    """The site (with StaticHandler's cache headers) plus the naive page and precompressed copies."""

    naive_dir = ""

    def translate_path(self, path: str) -> str:
        if path.startswith("/" + NAIVE):
            return os.path.join(
                self.naive_dir, path.split("?", maxsplit=1)[0][len(NAIVE) + 1 :] or "index.html"
            )
        return super().translate_path(path)

    def send_head(self) -> Any:
        if WITHHOLD_SNAPSHOT.is_set() and self.path.split("?")[0].endswith("/snapshot.bin"):
            self.send_error(404, "withheld")
            return None
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if not os.path.isfile(path):
            return super().send_head()
        raw = os.path.getsize(path)
        sizes = {
            s: os.path.getsize(path + s) if os.path.exists(path + s) else raw
            for s in (".gz", ".br")
        }
        accepted = self.headers.get("Accept-Encoding", "")
        for encoding, suffix in (("br", ".br"), ("gzip", ".gz")):
            if encoding in accepted and os.path.exists(path + suffix):
                SENT.add(self.path, raw, sizes[".gz"], sizes[".br"], sizes[suffix])
                file = open(path + suffix, "rb")  # noqa: SIM115 (the server closes it)
                self.send_response(200)
                self.send_header("Content-Type", self.guess_type(path))
                self.send_header("Content-Encoding", encoding)
                self.send_header("Content-Length", str(sizes[suffix]))
                self.send_header("Vary", "Accept-Encoding")
                self.end_headers()
                return file
        SENT.add(self.path, raw, sizes[".gz"], sizes[".br"], raw)
        return super().send_head()


def write_naive_page(site: Path, folder: Path) -> None:
    manifest = json.loads((site / "assets" / "pyodide" / "runtime.json").read_text())
    (folder / "index.html").write_text(NAIVE_HTML, encoding="utf-8")
    values = {"index": manifest["index_url"], "lock": manifest["lock_file_url"]}
    (folder / "naive.mjs").write_text(NAIVE_JS % values, encoding="utf-8")


def built_port(site: Path) -> int:
    """The port the site was built for (Material's instant navigation only follows links to the
    address in sitemap.xml, so the benchmark must serve it there)."""
    found = re.search(r"<loc>http://127\.0\.0\.1:(\d+)/", (site / "sitemap.xml").read_text())
    return int(found.group(1)) if found else 8000


def serve(site: Path, naive: Path) -> tuple[StaticServer, str]:
    handler = type(
        "Handler", (BenchHandler,), {"policy": content_security_policy(), "naive_dir": str(naive)}
    )
    address = ("127.0.0.1", built_port(site))
    server = StaticServer(address, functools.partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


# -- one visit ------------------------------------------------------------------------------------

# The page's marks (worker-client.mjs): when the worker was created and when it was ready, with
# the worker's steps, all in ms after navigation on the page's clock.
TIMELINE = """() => {
  const marks = performance.getEntriesByType('mark');
  const worker = marks.find((m) => m.name === 'musclecalc:worker');
  const ready = marks.find((m) => m.name.startsWith('musclecalc:ready:'));
  const answered = marks.find((m) => m.name === 'musclecalc:answered');
  const asked = marks.find((m) => m.name === 'musclecalc:asked');
  return { worker: worker?.startTime ?? null, ready: ready?.startTime ?? null,
           'first call in Python': answered?.detail?.python_ms ?? null,
           'page asks': asked?.startTime ?? null, 'page hears': answered?.startTime ?? null,
           how: ready?.name.split(':')[2] ?? 'naive', steps: ready?.detail?.steps ?? {},
           checks: ready?.detail?.checks ?? {} };
}"""


def prepare(context: BrowserContext, throttled: bool) -> Page:
    page = context.new_page()
    if throttled:
        session = context.new_cdp_session(page)
        session.send("Network.enable")
        session.send("Network.emulateNetworkConditions", THROTTLED)
    return page


#: How long a visit stays after its answer. A reader reads it; and Chromium keeps the machine
#: code it compiled from the interpreter (for the next visit) only after code has run a while.
STAY_MS = 5_000


def first_live_answer(
    context: BrowserContext, url: str, variant: str, throttled: bool, stay_ms: int = STAY_MS
) -> dict[str, Any]:
    SENT.reset()
    if variant == "site, normal":
        WITHHOLD_SNAPSHOT.set()
    page = prepare(context, throttled)
    page.goto(url)
    page.wait_for_selector(LIVE, state="attached", timeout=180_000)
    # When the page put the answer in (its own mark), not when Playwright noticed.
    figures: dict[str, Any] = {
        "live": page.evaluate(
            "performance.getEntriesByName('musclecalc:live')[0]?.startTime ?? performance.now()"
        )
    }
    timeline = page.evaluate(TIMELINE)
    figures.update({k: v for k, v in timeline.items() if k not in ("steps", "checks")})
    figures.update({f"worker: {k}": v for k, v in timeline["steps"].items()})
    # The integrity checks (sha256 of the interpreter's and the snapshot's blocks): ms from the
    # file's last byte until the check was done, and how much of that the start waited for.
    for name, check in timeline["checks"].items():
        figures[f"sha256 {name} after its last byte"] = check["after_download_ms"]
        figures[f"sha256 {name} held the start"] = check["delay_ms"]
    if figures["ready"] is not None:
        figures["first call"] = figures["live"] - figures["ready"]
    page.wait_for_timeout(stay_ms)
    page.close()
    WITHHOLD_SNAPSHOT.clear()
    figures["files"] = SENT.reset()
    return figures


def profile(playwright: Playwright, chromium: str, folder: str) -> BrowserContext:
    return playwright.chromium.launch_persistent_context(
        folder, executable_path=chromium, args=FLAGS
    )


VARIANTS = {"site": PAGE, "site, normal": PAGE, "naive": NAIVE}
#: The visits timed in one profile: new, second (the issue's "warm") and third. Chromium stores
#: compiled code for Pyodide's scripts and interpreter during a visit that loads them from the
#: cache, so the third visit is the first to start with it.
VISITS = ("cold", "warm", "3rd")


def cold_and_warm(
    playwright: Playwright, chromium: str, base: str, runs: int, throttled: bool
) -> dict[str, dict[str, list[dict[str, Any]]]]:
    results: dict[str, dict[str, list[dict[str, Any]]]] = {
        v: {kind: [] for kind in VISITS} for v in VARIANTS
    }
    for _ in range(runs):
        for variant, path in VARIANTS.items():  # interleaved: one run of each page in turn
            with tempfile.TemporaryDirectory() as folder:
                context = profile(playwright, chromium, folder)
                for kind in VISITS:
                    results[variant][kind].append(
                        first_live_answer(context, base + path, variant, throttled)
                    )
                context.close()
    return results


def navigation_with_intent(
    playwright: Playwright, chromium: str, base: str, runs: int
) -> dict[str, list[float]]:
    """From a guide page that links to the protein calculator (warm profile): hover the link, click after
    300 ms or once Python is ready, and time click to live answer; then one edit's recompute."""
    found: dict[str, list[float]] = {
        "click 300 ms after hover": [],
        "click once ready": [],
        "recompute": [],
    }
    with tempfile.TemporaryDirectory() as folder:
        context = profile(playwright, chromium, folder)
        first_live_answer(context, base + PAGE, "site", False)  # fill the cache
        for _ in range(runs):
            for label in ("click 300 ms after hover", "click once ready"):
                page = context.new_page()
                page.goto(base + GUIDE)
                page.wait_for_timeout(500)
                link = page.locator(f"a[href*='{PAGE}']:visible").first
                link.hover()
                if label == "click once ready":
                    page.wait_for_function(
                        "() => performance.getEntriesByType('mark').some((m) => m.name.startsWith('musclecalc:ready:'))",
                        timeout=60_000,
                    )
                else:
                    page.wait_for_timeout(300)
                page.evaluate(CLICK_CLOCK)
                link.click()
                page.wait_for_selector(".mc-calculator[data-live]", timeout=60_000)
                found[label].append(page.evaluate(SINCE_CLICK))
                if page.evaluate("performance.getEntriesByType('navigation')[0].name").endswith(
                    PAGE
                ):
                    print(
                        "warning: the click reloaded the page (no instant navigation)",
                        file=sys.stderr,
                    )
                if label == "click once ready":
                    found["recompute"].append(page.evaluate(RECOMPUTE))
                page.close()
        context.close()
    return found


# Click to live answer, both on the page's clock (instant navigation keeps the document).
CLICK_CLOCK = """() => document.addEventListener('click', () => (window.benchClicked = performance.now()),
                                             { capture: true, once: true })"""
SINCE_CLICK = """() => performance.getEntriesByName('musclecalc:live')
                       .find((mark) => mark.startTime > window.benchClicked).startTime - window.benchClicked"""


# An edit's round trip: the weight field changes, the page posts it to the worker, and the new
# answer is in place (measured in the page, so it includes the worker's run and the messages).
RECOMPUTE = """() => new Promise((resolve) => {
  const answer = document.querySelector('#mc-protein-answer');
  const field = document.querySelector('#mc-protein-weight');
  const start = performance.now();
  new MutationObserver((_, observer) => { observer.disconnect(); resolve(performance.now() - start); })
    .observe(answer, { childList: true, subtree: true, characterData: true });
  field.value = String(Number(field.value) + 7);
  field.dispatchEvent(new Event('change', { bubbles: true }));
})"""


def guide_page_bytes(
    playwright: Playwright, chromium: str, base: str
) -> tuple[list[tuple[str, int, int, int, int]], int]:
    with tempfile.TemporaryDirectory() as folder:
        context = profile(playwright, chromium, folder)
        SENT.reset()
        page = context.new_page()
        page.goto(base + "causes/")
        page.wait_for_timeout(3_000)
        files = SENT.reset()
        context.close()
    return files, sum("/assets/pyodide/" in f[0] for f in files)


# -- printing -------------------------------------------------------------------------------------


def median(samples: list[dict[str, Any]], key: str) -> float | None:
    values = [s[key] for s in samples if s.get(key) is not None]
    return statistics.median(values) if values else None


def ms(value: float | None) -> str:
    return f"{value:8.0f} ms" if value is not None else "       –   "


def megabytes(files: list[tuple[str, int, int, int, int]], column: int) -> float:
    return sum(f[column] for f in files) / 1e6


def print_times(title: str, results: dict[str, dict[str, list[dict[str, Any]]]]) -> None:
    print(f"\n{title}")
    naive = {k: median(results["naive"][k], "live") if "naive" in results else None for k in VISITS}
    heading = "".join(f" {kind:>11} {'x naive':>8}" for kind in VISITS)
    print(f"  {'':14}{heading}   sent cold (what the host sent)")
    for variant, runs in results.items():
        columns = ""
        for kind in VISITS:
            live = median(runs[kind], "live")
            ratio = f"{live / naive[kind]:8.2f}" if live and naive[kind] else " " * 8
            columns += f" {ms(live)} {ratio}"
        sent = statistics.median(megabytes(r["files"], 4) for r in runs["cold"])
        print(f"  {variant:14}{columns}   {sent:5.2f} MB")
    print(
        "  breakdown (medians, ms after navigation): the page creates the worker, the worker's"
        " steps, the page hears it is ready; then the first call until the answer is live"
    )
    for variant in [v for v in ("site", "site, normal") if v in results]:
        for kind in VISITS:
            runs = results[variant][kind]
            steps = {k for run in runs for k in run if k.startswith("worker: ")}
            timeline = sorted(
                ["worker", "ready", "page asks", "page hears", *steps],
                key=lambda key: median(runs, key) or 0.0,
            )
            checks = sorted({k for run in runs for k in run if k.startswith("sha256 ")})
            keys = [*timeline, "first call", "first call in Python", *checks]
            parts = ", ".join(
                f"{key} {median(runs, key):.0f}" for key in keys if median(runs, key) is not None
            )
            print(f"    {variant:13} {kind}: {parts}")


def print_bytes(
    results: dict[str, dict[str, list[dict[str, Any]]]], guide: tuple[list[Any], int]
) -> None:
    print("\nBytes on the wire, cold calculator page (MB: uncompressed / gzip / brotli)")
    for variant, runs in results.items():
        files = runs["cold"][0]["files"]
        print(
            f"  {variant:14} {megabytes(files, 1):6.2f} / {megabytes(files, 2):6.2f} / {megabytes(files, 3):6.2f}   ({len(files)} requests)"
        )
    files, runtime_requests = guide
    print(
        f"  guide page     {megabytes(files, 1):6.2f} / {megabytes(files, 2):6.2f} / {megabytes(files, 3):6.2f}   ({len(files)} requests, {runtime_requests} for the runtime)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--chromium", default=EXECUTABLE)
    parser.add_argument(
        "--quick",
        action="store_true",
        help="while working: only the site's page, on loopback, and navigation with intent",
    )
    options = parser.parse_args()
    if not (options.site / "assets" / "pyodide" / "runtime.json").exists():
        print(f"{options.site} has no built site: run `make build` first", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as naive:
        write_naive_page(options.site, Path(naive))
        server, base = serve(options.site, Path(naive))
        try:
            with sync_playwright() as playwright:
                run: Callable[[bool], dict[str, Any]] = lambda throttled: cold_and_warm(  # noqa: E731
                    playwright, options.chromium, base, options.runs, throttled
                )
                if options.quick:
                    VARIANTS.pop("site, normal")
                    VARIANTS.pop("naive")
                loopback = run(False)
                throttled = None if options.quick else run(True)
                intent = navigation_with_intent(playwright, options.chromium, base, options.runs)
                guide = (
                    None if options.quick else guide_page_bytes(playwright, options.chromium, base)
                )
        finally:
            server.stop()
    print(
        f"{PAGE}: medians of {options.runs} interleaved runs; first live answer from navigation start"
    )
    print_times("Loopback", loopback)
    if throttled and guide:
        print_times("Emulated 20 Mbit/s, 40 ms (Chromium's network emulation)", throttled)
        print_bytes(loopback, guide)
    print(
        "\nNavigation from a guide page to a live answer, Python started by hovering the link (warm profile)"
    )
    for label, values in intent.items():
        print(
            f"  {label:26} {ms(statistics.median(values))}   (runs: {', '.join(f'{v:.0f}' for v in values)})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
