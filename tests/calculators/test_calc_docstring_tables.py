"""The tables in the modules' docstrings show the numbers the code uses: a docstring that keeps
an old number after its constant changed fails here."""

from __future__ import annotations

import re

import pytest

from musclecalc import _energy_equations, _protein, _thresholds
from musclecalc._thresholds import LEAN_MASS_CUT_BAND, PROTEIN_BANDS, Threshold


def table_rows(docstring: str | None) -> list[list[str]]:
    """The body rows of the first reStructuredText simple table in a docstring, as cells split
    on runs of two or more spaces."""
    assert docstring is not None
    lines = docstring.splitlines()
    rules = [i for i, line in enumerate(lines) if re.fullmatch(r"=+( +=+)+", line.strip())]
    assert len(rules) >= 3, "no table found"
    return [re.split(r"\s{2,}", line.strip()) for line in lines[rules[1] + 1 : rules[2]]]


def test_the_thresholds_table_shows_each_thresholds_value() -> None:
    rows = table_rows(_thresholds.__doc__)
    named = {row[0] for row in rows}
    assert named == {
        name for name in dir(_thresholds) if isinstance(getattr(_thresholds, name), Threshold)
    }
    for name, value, *_ in rows:
        assert float(value) == getattr(_thresholds, name).value, name


def test_the_protein_table_shows_the_bands() -> None:
    rows = table_rows(_protein.__doc__)
    assert {row[0] for row in rows} == set(PROTEIN_BANDS)
    for goal, low, target, high, *_ in rows:
        band = PROTEIN_BANDS[goal]
        assert (float(low), float(target), float(high)) == (band.low, band.target, band.high)
    lean = " / ".join(
        f"{x:g}"
        for x in (LEAN_MASS_CUT_BAND.low, LEAN_MASS_CUT_BAND.target, LEAN_MASS_CUT_BAND.high)
    )
    assert f"the band is {lean} g per kg of lean" in " ".join(str(_protein.__doc__).split())


@pytest.mark.parametrize("row", table_rows(_energy_equations.__doc__), ids=lambda row: row[0])
def test_the_energy_table_shows_the_goal_multipliers(row: list[str]) -> None:
    goal, *percents = row
    shown = tuple(float(p.rstrip(" %")) for p in percents)
    assert shown == tuple(round(m * 100, 6) for m in _energy_equations.GOAL_MULTIPLIERS[goal])
