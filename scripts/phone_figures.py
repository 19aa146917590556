"""Figures for the calculators on a phone (390x844) and a laptop (1280x800), printed, not asserted.

For each calculator, before and after its first live answer: where the answer's summary starts
(px from the top of the first screen, with the page scrolled to the top), how big the chart's text
is drawn (CSS px: font size times the SVG's scale), and the smallest height and width of the form's
controls. Optionally saves screenshots. For the self-check on the phone, what issue 25 measured:
the page's height, the controls shown and in all, the warning signs' height, where the
emergency instruction's number lands after one tap on an emergency sign, and where the answer's
first line and the whole answer are after the last core answer.

    python scripts/phone_figures.py [SITE_DIR] [--shots DIR]

Without SITE_DIR it builds the site into a temporary folder first.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from sitebuild.chromium import EXECUTABLE, FLAGS
from sitebuild.nginx import free_port, serving

ROOT = Path(__file__).resolve().parents[1]

#: Each calculator and the page it is on (the volume page has two: its quick question first).
CALCULATORS = {
    "protein": "protein",
    "energy": "energy",
    "volume-quick": "volume",
    "volume": "volume",
}
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "laptop": {"width": 1280, "height": 800}}

#: What the figures measure, in the page (one function, one calculator name argument).
MEASURE = """name => {
  const root = document.querySelector(`#mc-${name}`);
  const summary = root.querySelector('.mc-glance:not([hidden]) .mc-glance__text')
    && getComputedStyle(root.querySelector('.mc-glance')).display !== 'none'
    ? root.querySelector('.mc-glance') : root.querySelector('.mc-answer .mc-summary');
  const svg = root.querySelector('svg.mc-chart');
  let chartText = null;
  if (svg) {
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    const sizes = [...svg.querySelectorAll('text')]
      .map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
    chartText = Math.round(Math.min(...sizes) * 10) / 10;
  }
  const controls = [...root.querySelectorAll('input, select, button, summary')]
    .filter((c) => c.offsetParent !== null)
    .map((c) => (c.type === 'checkbox' ? c.closest('label') : c).getBoundingClientRect());
  return {
    summary_top: Math.round(summary.getBoundingClientRect().top),
    chart_text_px: chartText,
    min_control_height: Math.round(Math.min(...controls.map((r) => r.height))),
    min_control_width: Math.round(Math.min(...controls.map((r) => r.width))),
    page_width: document.documentElement.scrollWidth,
  };
}"""


def measure(site_dir: Path, shots: Path | None) -> dict[str, object]:
    """The figures for every calculator at every viewport, the site served by nginx with the
    shipped config (sitebuild.nginx), as the tests serve it."""
    figures: dict[str, object] = {}
    with serving(site_dir, free_port()) as preview, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=EXECUTABLE, args=FLAGS)
        for view, size in VIEWPORTS.items():
            context = browser.new_context(viewport=size)
            for name, page_name in CALCULATORS.items():
                page = context.new_page()
                page.goto(f"{preview.url}calculators/{page_name}/")
                before = page.evaluate(MEASURE, name)
                if shots:
                    page.screenshot(path=str(shots / f"{view}-{name}-before.png"))
                page.wait_for_selector(f"#mc-{name}[data-live=true]", timeout=90_000)
                page.evaluate("window.scrollTo(0, 0)")
                after = page.evaluate(MEASURE, name)
                if shots:
                    page.screenshot(path=str(shots / f"{view}-{name}-after.png"))
                figures[f"{view} {name}"] = {"before": before, "after": after}
                page.close()
            context.close()
        browser.close()
    return figures


#: The self-check's core answers a phone reader gives (the route of tests/site/test_checkup_phone.py).
CORE_ANSWERS = {
    "months_training": "24",
    "weekly_hard_sets": "6",
    "weight": "70",
    "protein_grams": "80",
    "sleep_hours": "6",
}

CHECKUP_AT_LOAD = """() => {
  const shown = (c) => c.checkVisibility() && !c.closest('details:not([open])');
  const controls = [...document.querySelectorAll('#mc-checkup .mc-form :is(input, select)')];
  return {
    page_height: document.documentElement.scrollHeight,
    controls_shown: controls.filter(shown).length,
    controls_in_all: controls.length,
    warning_signs_height: document.querySelector('#mc-checkup .mc-signs').offsetHeight,
  };
}"""

# Where an element is, in px from the top of the screen (negative: above it).
TOP_OF = "(selector) => Math.round(document.querySelector(selector).getBoundingClientRect().top)"


def measure_checkup(site_dir: Path) -> dict[str, object]:
    """The self-check's figures on a phone (390x844), as issue 25 measured them."""
    with serving(site_dir, free_port()) as preview, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=EXECUTABLE, args=FLAGS)
        context = browser.new_context(viewport=VIEWPORTS["phone"], service_workers="block")
        page = context.new_page()
        page.goto(f"{preview.url}checkup/")
        page.wait_for_selector("#mc-checkup[data-live=true]", timeout=90_000)
        figures: dict[str, object] = page.evaluate(CHECKUP_AT_LOAD)
        page.click('#mc-checkup label:has(> input[value="saddle_numbness"])')
        alert = '.mc-signs .mc-alert--emergency a[href="tel:999"]'
        figures["emergency_999_link_top_after_one_tap"] = page.evaluate(TOP_OF, alert)
        page.click('#mc-checkup label:has(> input[value="saddle_numbness"])')
        page.click("#mc-checkup [data-action=no-signs]")
        for key, value in CORE_ANSWERS.items():
            page.click(f'#mc-checkup [data-key="{key}"]')
            page.keyboard.type(value)
        page.keyboard.press("Tab")
        page.wait_for_timeout(1_000)
        figures["answer_first_line_top_after_last_answer"] = page.evaluate(
            TOP_OF, "#mc-checkup .mc-glance"
        )
        figures["whole_answer_top_after_last_answer"] = page.evaluate(
            TOP_OF, "#mc-checkup-result-title"
        )
        figures["likely_causes"] = page.locator(
            "#mc-checkup-answer .mc-badge:text-matches('^(Start here|Likely)$')"
        ).count()
        browser.close()
    return figures


def main() -> int:
    """Build if needed, measure, print the figures as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", nargs="?", type=Path)
    parser.add_argument("--shots", type=Path, help="save screenshots into this folder")
    args = parser.parse_args()
    if args.shots:
        args.shots.mkdir(parents=True, exist_ok=True)
    site_dir = args.site_dir
    if site_dir is None:
        site_dir = Path(tempfile.mkdtemp(prefix="phone-figures-"))
        done = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        if done.returncode != 0:
            print(done.stderr, file=sys.stderr)
            return 1
    figures = measure(site_dir, args.shots)
    figures["phone checkup"] = measure_checkup(site_dir)
    print(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
