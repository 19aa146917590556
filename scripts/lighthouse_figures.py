"""Lighthouse's mobile figures for the site's pages, printed, not asserted (`make lighthouse`).

Each page is audited RUNS times (default 3) by the pinned Lighthouse (scripts/lighthouse/, 12.x,
its default mobile settings: a Moto G Power-sized screen, simulated 4x CPU slowdown and a slow 4G
network) in Debian's Chromium, the site served by nginx with the shipped config, as the tests
serve it. For each page it prints the median performance score and the medians of total blocking
time (TBT), largest contentful paint (LCP), first contentful paint (FCP) and cumulative layout
shift (CLS), and, from the median run, where the main thread's time went (Lighthouse's
"bootup-time" audit: the scripts that cost most, in ms of script evaluation and parsing).

    python scripts/lighthouse_figures.py SITE_DIR [--runs N] [--page PATH ...] [--json]

The figures depend on the machine's load: Lighthouse scales its simulated slowdown from the real
run, so a busy machine scores lower. Run it on a quiet machine and read the medians. Each row also
shows the lowest and highest CPU speed Lighthouse measured on this machine during the page's runs
(its `benchmarkIndex`; Lighthouse warns below 1,000): on the 2-core machine this was written on it
ranged from about 1,050 to 2,100 between runs, so a TBT change of a few hundred ms needs several
alternating runs before and after to show.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitebuild.chromium import EXECUTABLE, FLAGS
from sitebuild.nginx import free_port, serving

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "scripts" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"

#: The pages the issue names: the home page, a guide, each calculator and the self-check.
PAGES = (
    "",
    "causes/too-little-protein/",
    "calculators/protein/",
    "calculators/energy/",
    "calculators/volume/",
    "calculators/progress/",
    "checkup/",
)


@dataclass(frozen=True)
class Run:
    """The figures of one Lighthouse run of one page."""

    score: int
    tbt_ms: float
    lcp_ms: float
    fcp_ms: float
    cls: float
    scripts: tuple[tuple[str, float], ...]
    benchmark_index: float

    @classmethod
    def from_report(cls, report: dict[str, Any]) -> Run:
        """The figures out of a Lighthouse JSON report (`--output=json`)."""
        audits = report["audits"]
        score = report["categories"]["performance"]["score"]
        if score is None:
            errors = report.get("runtimeError") or report.get("runWarnings")
            raise RuntimeError(
                f"Lighthouse gave no score for {report['finalDisplayedUrl']}: {errors}"
            )
        bootup = audits.get("bootup-time", {}).get("details", {}).get("items", [])
        scripts = tuple(
            (str(item["url"]).rsplit("/", 1)[-1] or str(item["url"]), float(item["total"]))
            for item in bootup[:4]
        )
        return cls(
            score=round(score * 100),
            tbt_ms=float(audits["total-blocking-time"]["numericValue"]),
            lcp_ms=float(audits["largest-contentful-paint"]["numericValue"]),
            fcp_ms=float(audits["first-contentful-paint"]["numericValue"]),
            cls=float(audits["cumulative-layout-shift"]["numericValue"]),
            scripts=scripts,
            benchmark_index=float(report["environment"]["benchmarkIndex"]),
        )


#: Lighthouse's own trace sometimes misses the navigation's start on a busy machine (NO_NAVSTART);
#: such a run is thrown away and done again, up to this many times in all.
ATTEMPTS = 3


def audit(url: str) -> Run:
    """One Lighthouse run of `url` with its default (mobile) settings; a run whose trace Lighthouse
    could not read (NO_NAVSTART) is done again, up to :data:`ATTEMPTS` times."""
    for _ in range(ATTEMPTS - 1):
        try:
            return audit_once(url)
        except RuntimeError as error:
            if "NO_NAVSTART" not in str(error):
                raise
    return audit_once(url)


def audit_once(url: str) -> Run:
    """One Lighthouse run of `url`, failing on any error."""
    flags = " ".join(flag for flag in FLAGS if flag != "--headless")
    done = subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--only-categories=performance",
            "--output=json",
            "--output-path=stdout",
            "--quiet",
            f"--chrome-flags=--headless=new {flags}",
        ],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "CHROME_PATH": EXECUTABLE},
        timeout=300,
    )
    if done.returncode != 0:
        raise RuntimeError(f"lighthouse failed on {url}:\n{done.stderr[-2000:]}")
    return Run.from_report(json.loads(done.stdout))


def median_run(runs: list[Run]) -> Run:
    """The run with the median score (the lower middle one for an even count)."""
    ordered = sorted(runs, key=lambda run: (run.score, -run.tbt_ms))
    return ordered[(len(ordered) - 1) // 2]


def summary(page: str, runs: list[Run]) -> dict[str, Any]:
    """One page's medians, every run's score, and the median run's costliest scripts."""
    middle = median_run(runs)
    return {
        "page": "/" + page,
        "score": statistics.median(run.score for run in runs),
        "scores": [run.score for run in runs],
        "tbt_ms": round(statistics.median(run.tbt_ms for run in runs)),
        "lcp_ms": round(statistics.median(run.lcp_ms for run in runs)),
        "fcp_ms": round(statistics.median(run.fcp_ms for run in runs)),
        "cls": round(statistics.median(run.cls for run in runs), 3),
        "scripts_ms": {name: round(ms) for name, ms in middle.scripts},
        "benchmark_index": [
            round(min(run.benchmark_index for run in runs)),
            round(max(run.benchmark_index for run in runs)),
        ],
    }


def measure(site_dir: Path, pages: tuple[str, ...], runs: int) -> list[dict[str, Any]]:
    """Every page's summary, the site served by nginx with deploy/nginx.conf."""
    results = []
    with serving(site_dir, free_port()) as preview:
        for page in pages:
            results.append(summary(page, [audit(preview.url + page) for _ in range(runs)]))
    return results


def table(results: list[dict[str, Any]]) -> str:
    """The figures as a Markdown table, for the README."""
    lines = [
        "| Page | Score (median) | Scores | TBT ms | LCP ms | FCP ms | CLS | Costliest scripts (ms) "
        "| Host CPU (benchmarkIndex) |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for row in results:
        scripts = ", ".join(f"{name} {ms}" for name, ms in row["scripts_ms"].items())
        scores = " ".join(str(score) for score in row["scores"])
        lines.append(
            f"| `{row['page']}` | {row['score']} | {scores} | {row['tbt_ms']} | {row['lcp_ms']} "
            f"| {row['fcp_ms']} | {row['cls']} | {scripts} "
            f"| {row['benchmark_index'][0]}-{row['benchmark_index'][1]} |"
        )
    return "\n".join(lines)


def main() -> int:
    """Build if needed, audit, print the table (or JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", nargs="?", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--page", action="append", help="a page's path (default: all of PAGES)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        print(f"{LIGHTHOUSE} is missing: run `make lighthouse`", file=sys.stderr)
        return 1
    site_dir = args.site_dir
    if site_dir is None:
        site_dir = Path(tempfile.mkdtemp(prefix="lighthouse-"))
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
            cwd=ROOT,
            check=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
    pages = tuple(args.page) if args.page else PAGES
    results = measure(site_dir, pages, args.runs)
    print(json.dumps(results, indent=1) if args.json else table(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
