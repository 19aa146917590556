"""The markers hook: markers become figures and calculators from musclecalc, bad markers fail the
build (sitebuild.markers, sitebuild.page_figures)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from html import unescape
from pathlib import Path

import pytest

import musclecalc
from musclecalc import warning_signs
from sitebuild import markers, page_figures
from sitebuild.markers import Context, MarkerError
from support.site import ROOT

CONTEXT = Context(
    page_url="exercises/programming/", site_root="../../", volume_url="../../calculators/volume/"
)


def render(markdown: str) -> str:
    return markers.render_markers(markdown, CONTEXT, "page.md").text


# -- warning signs ------------------------------------------------------------------------------


@pytest.mark.parametrize("level", list(warning_signs.LEVELS))
def test_warning_signs_list_every_sign_of_the_level_and_its_action(level: str) -> None:
    out = render(f"Intro\n\n<!-- warning-signs: {level} -->\n\nAfter\n")
    assert warning_signs.LEVELS[level].action in out
    listed = re.findall(r"^    - (.+)$", out, re.M)
    assert listed == [sign.text for sign in warning_signs.signs_at(level)]
    others = [s.text for s in warning_signs.SIGNS.values() if s.level != level]
    assert not any(text in listed for text in others)
    kind = warning_signs.LEVELS[level].admonition
    assert out.startswith(f"Intro\n\n!!! {kind} ") and out.endswith("\nAfter\n")


def test_the_emergency_level_shows_each_number_as_a_tel_link() -> None:
    out = render("<!-- warning-signs: emergency -->\n")
    for number in ("999", "112", "911"):
        assert f"[{number}](tel:{number})" in out
    assert "tel:" not in render("<!-- warning-signs: urgent -->\n")


# -- evidence grades ----------------------------------------------------------------------------


def test_every_cause_page_shows_its_grade_from_the_one_table() -> None:
    from musclecalc._checkup import CAUSE_TITLES

    assert set(musclecalc.evidence.EVIDENCE) == set(CAUSE_TITLES)
    for cause, entry in musclecalc.evidence.EVIDENCE.items():
        page = (ROOT / "docs" / "causes" / f"{cause}.md").read_text(encoding="utf-8")
        assert f"<!-- evidence-grade: {cause} -->" in page
        out = render(f"<!-- evidence-grade: {cause} -->\n")
        assert f"How strong the evidence is: {entry.grade.title}" in out
        assert entry.basis in out


def test_the_self_checks_method_lists_the_same_grades() -> None:
    from musclecalc._checkup import CAUSE_TITLES, CHECKUP

    method = CHECKUP.run({"sleep_hours": "5"})[1].method
    for cause, title in CAUSE_TITLES.items():
        grade = musclecalc.evidence.EVIDENCE[cause].grade.title.lower()
        assert f"{title}: {grade}." in method


def test_an_unknown_cause_for_an_evidence_grade_fails() -> None:
    with pytest.raises(MarkerError, match="unknown cause 'no-such-cause'"):
        render("<!-- evidence-grade: no-such-cause -->\n")
    with pytest.raises(MarkerError, match="malformed marker"):
        render("<!-- evidence grade: age -->\n")


# -- volume week --------------------------------------------------------------------------------


def table_rows(markdown: str, first_header: str) -> list[list[str]]:
    lines = markdown.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"| {first_header} |"))
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip("|").split("|")])
    return rows


def test_volume_week_rows_and_totals_come_from_the_calculator() -> None:
    week = [("hip_thrust", 3, 2), ("squat", 3, 2), ("romanian_deadlift", 3, 2), ("leg_curl", 3, 1)]
    out = render("<!-- volume-week: " + " ".join(f"{e}:{s}:{n}" for e, s, n in week) + " -->\n")
    expected = musclecalc.weekly_volume(week)
    rows = table_rows(out, "Exercise")
    assert [r[0] for r in rows] == [musclecalc.EXERCISES[e].name for e, _, _ in week]
    assert [r[2] for r in rows] == [str(s * n) for _, s, n in week]
    muscles = {r[0]: r for r in table_rows(out, "Muscle")}
    for muscle in expected.muscles:
        if muscle.fractional_sets:
            assert muscles[muscle.name][1] == f"{muscle.fractional_sets:g}"
            assert muscles[muscle.name][2] == str(muscle.direct_sets)
            assert muscles[muscle.name][3] == page_figures.STATUS_WORDS[muscle.status]


def test_volume_week_shows_the_glutes_even_at_zero_and_half_sets_as_decimals() -> None:
    out = render("<!-- volume-week: leg_press:3:1 -->\n")
    muscles = {r[0]: r for r in table_rows(out, "Muscle")}
    assert muscles["Glutes"][1:3] == ["1.5", "0"]  # a helper: 0.5 x 3
    out = render("<!-- volume-week: leg_extension:2:1 -->\n")
    assert {r[0]: r for r in table_rows(out, "Muscle")}["Glutes"][1] == "0"


def test_volume_week_links_to_the_calculator_with_the_week_in_the_fragment() -> None:
    out = render("<!-- volume-week: hip_thrust:3:2 squat:4:1 -->\n")
    href = unescape(
        re.search(r'<a href="([^"]+)">Open this week in the volume calculator</a>', out).group(1)
    )
    assert href == (
        "../../calculators/volume/#exercise=hip_thrust&sets=3&sessions=2"
        "&exercise=squat&sets=4&sessions=1"
    )


# -- protein table ------------------------------------------------------------------------------


def test_protein_table_matches_the_protein_calculator() -> None:
    out = render("<!-- protein-table: 50 70 95.5 -->\n")
    rows = table_rows(out, "Body weight")
    assert [r[0].split(" kg")[0] for r in rows] == ["50", "70", "95.5"]
    for row, weight in zip(rows, (50, 70, 95.5), strict=True):
        for cell, goal in zip(row[1:], page_figures.GOAL_NAMES, strict=True):
            grams = musclecalc.protein_needs(weight, goal).daily_grams
            assert cell == f"{grams.target} g ({grams.low}–{grams.high} g)"


def test_exercise_muscles_come_from_the_catalogue() -> None:
    out = render("<!-- exercise-muscles: hip_thrust hip_abduction -->\n")
    rows = table_rows(out, "Exercise")
    thrust, abduction = musclecalc.EXERCISES["hip_thrust"], musclecalc.EXERCISES["hip_abduction"]
    assert rows[0] == [
        thrust.name,
        "glutes",
        ", ".join(musclecalc.MUSCLES[m].lower() for m in thrust.helpers),
    ]
    assert rows[1] == [abduction.name, "glutes", "none"]


def test_corrections_route_shows_the_configured_address_or_says_there_is_none() -> None:
    assert "has not set up a corrections address" in render("<!-- corrections-route: here -->\n")
    context = Context(
        "about/",
        "../",
        "../calculators/volume/",
        "Open an issue",
        "https://example.org/issues?a=1&b=2",
    )
    out = markers.render_markers("<!-- corrections-route: here -->\n", context, "about.md").text
    assert '<a href="https://example.org/issues?a=1&amp;b=2">Open an issue</a>' in out


# -- errors -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("markdown", "message"),
    [
        ("<!-- warning-signs: later -->\n", "unknown warning-sign level 'later'"),
        (
            "a\n<!-- volume-week: hip_thrust:3 -->\n",
            "page.md:2: volume-week marker: 'hip_thrust:3' is not written",
        ),
        ("<!-- volume-week: moonwalk:3:2 -->\n", "unknown exercise 'moonwalk'"),
        ("<!-- volume-week: hip_thrust:99:2 -->\n", "rejects this week"),
        ("<!-- volume-week: -->\n", "at least one"),
        ("<!-- protein-table: 70 heavy -->\n", "'heavy' is not a body weight"),
        ("<!-- protein-table: 10 -->\n", "rejects 10 kg"),
        ("<!-- sample-week: hip_thrust:3:2 -->\n", "unknown marker 'sample-week'"),
        ("<!-- exercise-muscles: moonwalk -->\n", "unknown exercise 'moonwalk'"),
        (
            "Text <!-- volume-week: hip_thrust:3:2 --> in a sentence\n",
            "page.md:1: malformed marker 'volume-week'",
        ),
        ("<!--warning signs: emergency-->\n", "malformed marker 'warning signs'"),
        ("<!-- Warning-Sign: emergency -->\n", "malformed marker 'Warning-Sign'"),
        (
            "a\n\n<!-- calculator: biceps -->\n",
            "page.md:3: calculator marker: unknown calculator 'biceps'",
        ),
        ("See <!-- calculator: protein --> inline.\n", "page.md:1: malformed marker 'calculator'"),
    ],
)
def test_bad_markers_fail_with_the_page_and_line(markdown: str, message: str) -> None:
    with pytest.raises(MarkerError, match=re.escape(message)):
        render(markdown)


def test_an_indented_marker_renders_indented() -> None:
    out = render('=== "Tab"\n\n    <!-- volume-week: hip_thrust:3:2 -->\n\n    After\n')
    lines = out.split("\n")
    assert lines[2].startswith("    | Exercise |")
    assert all(line.startswith("    ") or not line for line in lines[2:])


def test_other_comments_are_left_alone() -> None:
    text = "<!-- a note for editors -->\n<!-- TODO: check the figures -->\n"
    assert render(text) == text


def test_one_pass_renders_calculator_and_figure_markers_and_names_the_calculators() -> None:
    page = markers.render_markers(
        "# Page\n\n<!-- calculator: protein -->\n\n<!-- protein-table: 70 -->\n", CONTEXT, "page.md"
    )
    assert page.calculators == ("protein",)
    # The calculator's block stands apart by blank lines, as Markdown needs for raw HTML.
    assert re.search(
        r'\n\n<div class="mc-calculator" data-calculator="protein" id="mc-protein" '
        r'data-site-root="\.\./\.\./" data-rendered="[0-9a-f]{16}">\n',
        page.text,
    )
    assert "</div>\n\n\n| Body weight |" in page.text
    assert markers.render_markers("<!-- protein-table: 70 -->\n", CONTEXT, "p.md").calculators == ()


def test_every_marker_in_the_table_is_caught_when_malformed() -> None:
    for name in markers.MARKERS:
        with pytest.raises(MarkerError, match=f"page.md:1: malformed marker '{name}'"):
            render(f"Text <!-- {name}: x --> inline\n")


def test_review_due_must_be_a_date() -> None:
    import datetime

    assert markers.review_due({"review_due": datetime.date(2027, 1, 31)}, "p.md") == datetime.date(
        2027, 1, 31
    )
    assert markers.review_due({"review_due": "2027-01-31"}, "p.md") == datetime.date(2027, 1, 31)
    assert markers.review_due({}, "p.md") is None
    with pytest.raises(MarkerError, match=re.escape("p.md: review_due 'soon'")):
        markers.review_due({"review_due": "soon"}, "p.md")


# -- a real build of a tiny project -------------------------------------------------------------


def tiny_build(tmp_path: Path, page: str) -> subprocess.CompletedProcess[str]:
    docs = tmp_path / "docs"
    (docs / "calculators").mkdir(parents=True)
    (docs / "calculators" / "volume.md").write_text("# Volume\n", encoding="utf-8")
    (docs / "guide").mkdir()
    (docs / "guide" / "page.md").write_text(page, encoding="utf-8")
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Tiny\nsite_url: http://127.0.0.1/\nstrict: true\n"
        "theme:\n  name: material\n  font: false\n"
        "markdown_extensions: [admonition, tables, attr_list]\n"
        f"hooks:\n  - {ROOT / 'scripts' / 'hooks' / 'markers.py'}\n",
        encoding="utf-8",
    )
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        check=False,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def test_a_strict_build_renders_the_markers(tmp_path: Path) -> None:
    page = (
        "---\nreview_due: 2099-01-31\n---\n# Page\n\n<!-- warning-signs: emergency -->\n\n"
        "<!-- volume-week: hip_thrust:3:2 squat:3:2 -->\n\n<!-- protein-table: 70 -->\n"
    )
    done = tiny_build(tmp_path, page)
    assert done.returncode == 0, done.stderr
    html = (tmp_path / "site" / "guide" / "page" / "index.html").read_text(encoding="utf-8")
    assert 'class="admonition danger"' in html
    assert "<table>" in html and "Open this week in the volume calculator" in html
    assert 'href="../../calculators/volume/#exercise=hip_thrust&amp;sets=3&amp;sessions=2' in html
    glutes = musclecalc.weekly_volume([("hip_thrust", 3, 2), ("squat", 3, 2)]).muscle("glutes")
    assert f"<td>Glutes</td>\n<td>{glutes.fractional_sets:g}</td>" in html


def test_a_strict_build_fails_on_a_bad_marker(tmp_path: Path) -> None:
    done = tiny_build(tmp_path, "# Page\n\nText\n<!-- volume-week: hip_thrust:3:x -->\n")
    assert done.returncode != 0
    assert "guide/page.md:4: volume-week marker" in done.stderr


def test_the_hook_imports_the_calculators_afresh_before_each_build() -> None:
    """`mkdocs serve` rebuilds in one process: each build must render from musclecalc's source
    as it is now, not from modules imported before an edit."""
    script = f"""
import importlib.util, sys
spec = importlib.util.spec_from_file_location("markers_hook", {str(ROOT / "scripts" / "hooks" / "markers.py")!r})
hook = importlib.util.module_from_spec(spec)
spec.loader.exec_module(hook)
hook.on_pre_build(None)
first = hook._markers[0]
sys.modules["musclecalc._protein"].STALE = True
hook.on_pre_build(None)
fresh = hook._markers[0]
assert fresh is not first
assert not hasattr(sys.modules["musclecalc._protein"], "STALE")
assert sys.modules["sitebuild.calculators"].CALCULATORS is sys.modules["musclecalc._registry"].CALCULATORS
print("fresh")
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "fresh"


def test_a_volume_week_without_a_volume_page_says_so() -> None:
    with pytest.raises(
        MarkerError, match=r"page.md:1: volume-week marker: the site has no volume calculator page"
    ):
        markers.render_markers("<!-- volume-week: squat:3:1 -->\n", Context("guide/"), "page.md")
