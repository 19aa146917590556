"""The calculators on a phone (390x844) and a laptop (1280x800): the answer in view, honest
state while Python works, charts and targets big enough, pages that fit, share and print."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from support.browser import LAPTOP, PHONE, Visit, control, open_visit
from support.calculators import call as cpython_run
from support.calculators import default_payload
from support.site import Build

pytestmark = pytest.mark.browser

VIEWPORTS = {"phone": PHONE, "laptop": LAPTOP}
CALCULATORS = ("protein", "energy", "volume-quick", "volume")
# The page each calculator is on: the volume page has its quick question first, so that page's
# first screen shows the quick question's headline, and the weekly table's after an edit.
PAGE = {"volume-quick": "volume"}
FIRST_ON_PAGE = {"volume": "volume-quick"}
# The last field of each form: editing it scrolls the page furthest from the answer.
LAST_FIELD = {
    "protein": "body_fat_percent",
    "energy": "body_fat_percent",
    "volume-quick": "weekly_sets",
    "volume": "band_high",
}
EDIT = {"protein": "20", "energy": "20", "volume-quick": "25", "volume": "18"}

# Where the answer's headline is: the sticky copy on a narrow screen, the summary itself when the
# answer sits beside the form.
HEADLINE_BOX = """name => {
  const root = document.querySelector(`#mc-${name}`);
  const glance = root.querySelector('.mc-glance');
  const shown = getComputedStyle(glance).display !== 'none' ? glance.querySelector('.mc-glance__text') : root.querySelector('.mc-answer .mc-summary');
  const box = shown.getBoundingClientRect();
  return {top: box.top, bottom: box.bottom, text: shown.textContent, height: innerHeight,
          header: document.querySelector('.md-header').getBoundingClientRect().bottom};
}"""

SUMMARY = "name => document.querySelector(`#mc-${name}-answer .mc-summary`).textContent"


def in_first_screen(box: dict[str, Any]) -> bool:
    """Wholly on screen and not under Material's header."""
    return box["top"] >= box["header"] - 1 and box["bottom"] <= box["height"]


def refuse_python(page: Any) -> None:
    """Python never starts: the interpreter's download is refused (a context route, which also
    sees the calculators' worker), so pages stay as first drawn and each calculator shows its
    error and retry button at once."""
    page.context.route(
        "**/pyodide.asm.wasm", lambda route: route.fulfill(status=503, body="unavailable")
    )


@pytest.fixture
def no_python(browser: Any, site_url: str) -> Iterator[Visit]:
    """A phone visit without Python."""
    visit = open_visit(browser, site_url, viewport=PHONE)
    refuse_python(visit.page)
    yield visit
    visit.page.context.close()


@pytest.mark.parametrize("view", ["phone", "laptop"])
def test_the_headline_is_in_the_first_screen_after_load_and_after_an_edit(
    browser: Any, site_url: str, view: str
) -> None:
    visit = open_visit(browser, site_url, viewport=VIEWPORTS[view])
    page = visit.page
    try:
        for name in CALCULATORS:
            visit.goto(f"calculators/{PAGE.get(name, name)}/")
            first = FIRST_ON_PAGE.get(name, name)
            assert in_first_screen(page.evaluate(HEADLINE_BOX, first)), (first, "after load")
            # Edit the form's last field (the page scrolls to it), then wait for Python's answer.
            page.fill(f"#mc-{name}-{LAST_FIELD[name]}", EDIT[name])
            payload = {**default_payload(name), LAST_FIELD[name]: EDIT[name]}
            if name == "protein":
                payload["goal"] = "build"
            expected = cpython_run(name, payload)["display"]["summary"]
            page.wait_for_function(
                "([name, text]) => document.querySelector(`#mc-${name}-answer .mc-summary`)"
                ".textContent === text && !document.querySelector(`#mc-${name}`).dataset.updating",
                arg=[name, expected],
                timeout=60_000,
            )
            box = page.evaluate(HEADLINE_BOX, name)
            assert in_first_screen(box), (name, "after an edit", box)
            assert box["text"].strip() == expected
        visit.assert_clean()
    finally:
        page.context.close()


@pytest.mark.parametrize("view", ["phone", "laptop"])
def test_the_progress_logs_verdict_is_in_the_first_screen(
    browser: Any, site_url: str, view: str
) -> None:
    # The privacy notice comes before the form (the page must say where the log lives first),
    # so it is kept short enough that the answer's headline still shows without scrolling.
    visit = open_visit(browser, site_url, viewport=VIEWPORTS[view])
    page = visit.page
    try:
        visit.goto("calculators/progress/")
        visit.wait_ready("progress")
        page.evaluate("window.scrollTo(0, 0)")
        box = page.evaluate(HEADLINE_BOX, "progress")
        assert in_first_screen(box), box
        assert box["text"].strip() == page.evaluate(SUMMARY, "progress")
        visit.assert_clean()
    finally:
        page.context.close()


def test_an_edit_during_start_up_marks_the_answer_as_updating(visit: Visit) -> None:
    page = visit.page
    held: list[Any] = []

    def hold(route: Any) -> None:  # Python's start waits until the test lets it go
        held.append(route)

    page.route("**/*.wasm", hold)
    visit.goto("calculators/protein/")
    page.wait_for_selector("#mc-protein .mc-status[data-state=loading]")
    worked = page.evaluate(SUMMARY, "protein")
    state = "#mc-protein .mc-result .mc-state--updating"
    assert not page.is_visible(state)
    page.fill("#mc-protein-weight", "85")
    page.wait_for_selector(state, state="visible")
    assert page.text_content(state) == "Updating…"
    assert page.get_attribute("#mc-protein-answer", "aria-busy") == "true"
    page.wait_for_timeout(600)  # the dimming eases in
    for box in ("#mc-protein-answer", "#mc-protein-details"):
        assert float(page.eval_on_selector(box, "n => getComputedStyle(n).opacity")) < 0.8
    assert page.evaluate(SUMMARY, "protein") == worked  # the old answer stays, marked
    assert held, "the runtime was not requested"
    for route in held:
        route.continue_()
    expected = cpython_run("protein", {**default_payload("protein"), "weight": "85"})
    page.wait_for_function(
        "text => document.querySelector('#mc-protein-answer .mc-summary').textContent === text",
        arg=expected["display"]["summary"],
        timeout=60_000,
    )
    assert page.get_attribute("#mc-protein-answer", "aria-busy") is None
    assert not page.is_visible(state)
    glance = page.text_content("#mc-protein .mc-glance__text")
    assert glance == expected["display"]["summary"]
    visit.assert_clean()


# Holds back the next "run" call posted to the worker, so the call after it is answered first.
HOLD_NEXT_RUN = """() => {
  const post = Worker.prototype.postMessage;
  window.__held = null;
  Worker.prototype.postMessage = function (message, ...rest) {
    if (message?.op === 'run' && window.__holdNext) {
      window.__holdNext = false;
      window.__held = new Promise((resolve) => setTimeout(() => {
        post.call(this, message, ...rest);
        this.addEventListener('message', (event) => event.data.id === message.id && resolve(), {once: false});
      }, 1500));
      return;
    }
    return post.call(this, message, ...rest);
  };
}"""


def test_a_reply_for_older_inputs_never_replaces_the_newer_answer(visit: Visit) -> None:
    page = visit.page
    page.add_init_script(f"({HOLD_NEXT_RUN})()")
    visit.goto("calculators/protein/")
    visit.wait_ready("protein")
    page.evaluate("window.__holdNext = true")
    page.select_option("#mc-protein-goal", "lose")  # posted last: its reply comes after
    page.select_option("#mc-protein-goal", "maintain")
    newer = cpython_run("protein", {**default_payload("protein"), "goal": "maintain"})
    older = cpython_run("protein", {**default_payload("protein"), "goal": "lose"})
    assert newer["display"]["summary"] != older["display"]["summary"]
    page.evaluate("window.__held")  # the older call's reply has now reached the page
    page.wait_for_timeout(200)
    assert page.evaluate(SUMMARY, "protein") == newer["display"]["summary"]
    assert page.get_attribute("#mc-protein", "data-updating") is None
    assert "goal=maintain" in page.url
    visit.assert_clean()


def chart_text_sizes(page: Any, selector: str) -> list[float]:
    """Each text of a chart as drawn: its font size times the SVG's scale, in CSS px."""
    return page.eval_on_selector(
        selector,
        """svg => {
          const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
          return [...svg.querySelectorAll('text')].map(
            (t) => parseFloat(getComputedStyle(t).fontSize) * scale);
        }""",
    )


def luminance(rgb: str) -> float:
    """Relative luminance (WCAG) of a CSS rgb() colour."""
    channels = [int(c) / 255 for c in re.findall(r"\d+", rgb)[:3]]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: float, b: float) -> float:
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_charts_are_legible_and_their_statuses_differ_in_lightness(
    browser: Any, site_url: str, scheme: str
) -> None:
    visit = open_visit(browser, site_url, viewport=PHONE, color_scheme=scheme)
    page = visit.page
    refuse_python(page)
    try:
        for name in ("progress", "energy", "volume"):  # volume last: checked further below
            visit.goto(f"calculators/{name}/")
            sizes = chart_text_sizes(page, f"#mc-{name}-details svg.mc-chart")
            assert len(sizes) > 8 and min(sizes) >= 12, (name, min(sizes))
            caption = page.eval_on_selector(
                f"#mc-{name}-details figcaption", "n => parseFloat(getComputedStyle(n).fontSize)"
            )
            body = page.eval_on_selector(
                ".md-typeset p", "n => parseFloat(getComputedStyle(n).fontSize)"
            )
            assert caption == body
        # Volume: a value on every bar, and a key entry for every status and for the range.
        svg = "#mc-volume-details svg.mc-chart"
        values = page.eval_on_selector_all(f"{svg} .mc-value", "ns => ns.map((n) => n.textContent)")
        bars = page.locator(f"{svg} rect.mc-bar:not(.mc-key)").count()
        assert len(values) == bars == 5 and all(re.match(r"[\d.]+ sets? · ", v) for v in values)
        fills = page.eval_on_selector_all(
            f"{svg} rect.mc-key.mc-bar",
            "ns => ns.map((n) => [n.getAttribute('class'), getComputedStyle(n).fill])",
        )
        assert sorted(c.split()[1] for c, _ in fills) == [
            "mc-bar--below",
            "mc-bar--high",
            "mc-bar--productive",
        ]
        background = page.evaluate(
            "getComputedStyle(document.querySelector('.md-main')).backgroundColor"
            " === 'rgba(0, 0, 0, 0)' ? getComputedStyle(document.body).backgroundColor"
            " : getComputedStyle(document.querySelector('.md-main')).backgroundColor"
        )
        lights = sorted(luminance(fill) for _, fill in fills)
        assert all(contrast(light, luminance(background)) >= 3 for light in lights), lights
        assert contrast(lights[0], lights[1]) >= 1.4 and contrast(lights[1], lights[2]) >= 1.4
    finally:
        page.context.close()


def test_no_page_is_wider_than_a_phone(no_python: Visit, build: Build) -> None:
    pages = sorted(
        p.parent.relative_to(build.site_dir).as_posix() for p in build.site_dir.rglob("index.html")
    )
    assert len(pages) >= 30
    too_wide = {}
    for path in pages:
        no_python.goto("" if path == "." else f"{path}/")
        width = no_python.page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            too_wide[path] = width
    assert too_wide == {}


# Every control a reader can touch, as a box: a checkbox by its whole label.
TARGETS = """root => [...root.querySelectorAll('input, select, button, summary, a.md-button')]
  .filter((node) => node.getClientRects().length > 0 && getComputedStyle(node).visibility !== 'hidden')
  .map((node) => {
    const target = node.type === 'checkbox' ? node.closest('label') : node;
    const box = target.getBoundingClientRect();
    return [node.outerHTML.slice(0, 80), Math.round(box.width * 10) / 10, Math.round(box.height * 10) / 10];
  })"""


@pytest.mark.parametrize("view", ["phone", "laptop"])
def test_every_control_on_a_calculator_page_is_at_least_44_px(
    browser: Any, site_url: str, view: str
) -> None:
    visit = open_visit(browser, site_url, viewport=VIEWPORTS[view])
    page = visit.page
    refuse_python(page)  # so the retry button shows too
    try:
        for name in (*CALCULATORS, "progress"):
            visit.goto(f"calculators/{PAGE.get(name, name)}/")
            page.wait_for_selector(f"#mc-{name} [data-action=retry]", state="visible")
            targets = page.eval_on_selector(f"#mc-{name}", TARGETS)
            assert len(targets) >= 5
            small = [t for t in targets if t[1] < 44 or t[2] < 44]
            assert small == [], (name, small)
        # The self-check: every symptom's checkbox is a finger-sized label.
        visit.goto("checkup/")
        targets = page.eval_on_selector("#mc-checkup", TARGETS)
        assert len([t for t in targets if "checkbox" in t[0]]) >= 5
        small = [t for t in targets if t[1] < 44 or t[2] < 44]
        assert small == [], ("checkup", small)
    finally:
        page.context.close()


def test_key_text_is_body_size_and_the_title_is_strong(no_python: Visit) -> None:
    page = no_python.page
    no_python.goto("exercises/hip-thrust-and-glute-bridge/")
    size = "n => parseFloat(getComputedStyle(n).fontSize)"
    body = page.eval_on_selector(".md-typeset > p", size)
    assert page.eval_on_selector(".admonition.abstract p", size) == body
    no_python.goto("red-flags/")
    for box in page.query_selector_all(".md-typeset .admonition p"):
        assert box.evaluate(size) == body
    weight = page.eval_on_selector("h1", "n => getComputedStyle(n).fontWeight")
    assert int(weight) >= 600


def test_the_home_pages_first_screen_has_three_ways_in(no_python: Visit) -> None:
    """On a phone, the warning signs, the self-check and the calculators all start on the
    first screen, each a link of at least 44 px."""
    no_python.goto("")
    ways = no_python.page.eval_on_selector_all(
        ".mc-ways a.mc-way",
        "links => links.map(a => [new URL(a.href).pathname + new URL(a.href).hash,"
        " a.getBoundingClientRect().top,"
        " a.getBoundingClientRect().height])",
    )
    assert [href for href, _, _ in ways] == ["/red-flags/#emergency", "/checkup/", "/calculators/"]
    assert all(top < PHONE["height"] and height >= 44 for _, top, height in ways)


def test_a_sample_week_is_one_tap_and_an_exercise_page_adds_its_exercise(
    visit: Visit,
) -> None:
    from musclecalc._volume import SAMPLE_WEEKS

    page = visit.page
    visit.goto("calculators/volume/")
    intermediate = SAMPLE_WEEKS[1]
    page.click(f"#mc-volume [data-action=use-preset]:text-is('{intermediate.label}')")
    rows = page.locator("#mc-volume .mc-entry")
    assert rows.count() == len(intermediate.rows)
    for index, row in enumerate(intermediate.rows):
        assert page.input_value(control("volume", f"entries.{index}.exercise")) == row["exercise"]
        assert page.input_value(control("volume", f"entries.{index}.sets")) == str(row["sets"])
    expected = cpython_run("volume", {**default_payload("volume"), "entries": intermediate.rows})
    page.wait_for_function(
        "text => document.querySelector('#mc-volume-answer .mc-summary').textContent === text",
        arg=expected["display"]["summary"],
        timeout=60_000,
    )
    # From an exercise page: its link adds the exercise to the week the calculator shows.
    visit.goto("exercises/hip-thrust-and-glute-bridge/")
    page.click("a[href$='calculators/volume/#add=glute_bridge']")
    page.wait_for_selector("#mc-volume")
    default_rows = default_payload("volume")["entries"]
    assert rows.count() == len(default_rows) + 1
    assert page.input_value(control("volume", f"entries.{len(default_rows)}.exercise")) == (
        "glute_bridge"
    )
    assert "add=" not in page.url and "exercise=glute_bridge" in page.url
    visit.assert_clean()


def test_copy_link_puts_the_answers_address_on_the_clipboard(browser: Any, site_url: str) -> None:
    visit = open_visit(browser, site_url, viewport=PHONE)
    visit.page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = visit.page
    try:
        visit.goto("calculators/protein/")
        visit.wait_ready("protein")
        page.fill("#mc-protein-weight", "154 lb")
        page.locator("#mc-protein-weight").blur()
        # Python read the unit from the text: the form now shows what it understood.
        page.wait_for_function(
            "() => document.querySelector('#mc-protein-weight_unit').value === 'lb'"
            " && document.querySelector('#mc-protein-weight').value === '154'",
            timeout=20_000,
        )
        page.click("#mc-protein [data-action=copy-link]")
        page.wait_for_selector("#mc-protein .mc-share__status:text-is('Link copied.')")
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied == page.url and "weight=154" in copied and "weight_unit=lb" in copied
        assert page.get_attribute("#mc-protein .mc-share__status", "role") == "status"
        visit.assert_clean()
    finally:
        page.context.close()


def test_printing_shows_the_inputs_the_answer_and_its_sources(no_python: Visit) -> None:
    page = no_python.page
    no_python.goto("calculators/volume/")
    page.emulate_media(media="print")
    for shown in (
        "h1",
        "#mc-volume .mc-form",
        "#mc-volume-answer .mc-summary",
        "#mc-volume-details svg.mc-chart",
        "#mc-volume-details .mc-sources li",
    ):
        assert page.locator(shown).first.is_visible(), shown
    for hidden in (".md-header", ".md-sidebar--primary", ".md-footer", "#mc-volume .mc-glance"):
        assert not page.locator(hidden).first.is_visible(), hidden
    assert not page.locator(".md-typeset > h2").first.is_visible()  # the guide text is left out
    pdf = page.pdf(format="A4")
    pages = len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))
    assert pages == 1, f"the volume calculator printed on {pages} pages"
