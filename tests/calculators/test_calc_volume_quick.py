"""The volume page's quick question (issue 25): one muscle and a number of hard sets a week,
judged exactly as the full weekly table judges that muscle, with a headline naming the muscle."""

from __future__ import annotations

import pytest
from hypothesis import given

from musclecalc import MUSCLES, weekly_volume
from musclecalc._registry import CALCULATORS
from musclecalc._thresholds import HARD_SETS_HIGH, HARD_SETS_LOW
from musclecalc._volume import STATUS_WORDS
from musclecalc._volume_quick import MAX_WEEKLY_SETS
from support.calculators import call
from support.strategies import valid_rows

QUICK = "volume-quick"


def quick(muscle: str, weekly_sets: object) -> dict[str, object]:
    """The bridge's reply for one muscle and a number of weekly sets."""
    return call(QUICK, {"muscle": muscle, "weekly_sets": weekly_sets})


def test_the_quick_question_is_a_calculator_of_its_own() -> None:
    assert QUICK in CALCULATORS
    form = CALCULATORS[QUICK].form
    assert [f.name for f in form.fields] == ["muscle", "weekly_sets"]
    # No field name of the full table, so the two keep apart in the page's address.
    assert not {"muscle", "weekly_sets"} & {f.name for f in CALCULATORS["volume"].form.fields}


@given(valid_rows)
def test_its_verdict_is_the_full_tables_for_the_same_sets(rows) -> None:
    week = weekly_volume(rows)
    for muscle in week.muscles:
        reply = quick(muscle.muscle, str(muscle.fractional_sets))
        if muscle.fractional_sets > MAX_WEEKLY_SETS:  # past any real week: a typing slip
            assert set(reply["errors"]) == {"weekly_sets"}
            continue
        assert reply["ok"] is True, reply
        assert reply["result"]["status"] == muscle.status
        assert STATUS_WORDS[muscle.status].lower() in reply["display"]["summary"]
        full_warning = [w for w in week.warnings if w.startswith(f"{muscle.name} get ")]
        assert reply["result"]["warnings"] == full_warning


@pytest.mark.parametrize(
    ("sets", "status"),
    [
        (HARD_SETS_LOW.value - 0.5, "below"),
        (HARD_SETS_LOW.value, "productive"),
        (HARD_SETS_HIGH.value, "productive"),
        (HARD_SETS_HIGH.value + 0.5, "high"),
    ],
)
def test_the_bands_ends_come_from_the_thresholds(sets: float, status: str) -> None:
    assert quick("glutes", sets)["result"]["status"] == status


@pytest.mark.parametrize("muscle", list(MUSCLES))
def test_the_headline_names_the_muscle_and_the_number(muscle: str) -> None:
    summary = quick(muscle, "25")["display"]["summary"]
    assert summary.startswith(
        f"25 hard sets a week for {MUSCLES[muscle].lower()}: above range (10-20)."
    )
    assert "10-20" in summary


def test_the_glute_question_of_the_issue() -> None:
    reply = quick("glutes", "25")
    assert reply["display"]["summary"].startswith(
        "25 hard sets a week for glutes: above range (10-20)."
    )
    assert reply["result"]["warnings"][0].startswith("Glutes get 25 sets a week, above 20.")


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("abc", "as a number between 0 and 100 sets"),
        ("-3", "between 0 and 100 sets"),
        ("400", "between 0 and 100 sets"),
        ("", "This is required"),
    ],
)
def test_a_bad_number_gets_a_message_for_its_field(typed: str, words: str) -> None:
    reply = quick("glutes", typed)
    assert reply["ok"] is False
    assert set(reply["errors"]) == {"weekly_sets"}
    assert words in reply["errors"]["weekly_sets"]


def test_an_unknown_muscle_gets_a_message_for_its_field() -> None:
    reply = quick("biceps", "12")
    assert reply["ok"] is False
    assert set(reply["errors"]) == {"muscle"}
    assert "Choose a muscle" in reply["errors"]["muscle"]
