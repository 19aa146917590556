"""The volume calculator's sample weeks are the programming guide's, and the exercises an exercise
page offers to add to the calculator are exercises the calculator knows."""

from __future__ import annotations

import re

from mkdocs.utils.yaml import yaml_load

from musclecalc import EXERCISES
from musclecalc._volume import SAMPLE_WEEKS
from support.site import ROOT

WEEK_MARKER = re.compile(r"<!--\s*volume-week:(?P<rows>[^>]*)-->")


def test_the_calculators_sample_weeks_are_the_programming_guides() -> None:
    page = (ROOT / "docs" / "exercises" / "programming.md").read_text(encoding="utf-8")
    on_the_page = [match.group("rows").split() for match in WEEK_MARKER.finditer(page)]
    offered = [
        [f"{row['exercise']}:{row['sets']}:{row['sessions']}" for row in preset.rows]
        for preset in SAMPLE_WEEKS
    ]
    assert offered == on_the_page


def test_exercise_pages_offer_only_known_exercises() -> None:
    offered = {}
    for page in sorted((ROOT / "docs" / "exercises").glob("*.md")):
        front = page.read_text(encoding="utf-8").split("---\n")[1]
        ids = yaml_load(front).get("volume_exercises") or []
        offered[page.stem] = ids
        assert set(ids) <= set(EXERCISES), page.name
    assert sum(len(ids) for ids in offered.values()) >= 10
