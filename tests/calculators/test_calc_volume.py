"""Volume calculator: worked examples by hand, the catalogue, properties and input errors."""

from __future__ import annotations

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from musclecalc import CORE_MUSCLES, EXERCISES, InputError, weekly_volume
from musclecalc._volume import MAX_ROWS
from support.calculators import call
from support.strategies import LEAN, valid_rows
from support.worked_examples import VOLUME, Worked, check_worked

REQUIRED_EXERCISES = {
    "squat",
    "front_squat",
    "lunge",
    "walking_lunge",
    "reverse_lunge",
    "bulgarian_split_squat",
    "step_up",
    "deadlift",
    "romanian_deadlift",
    "sumo_deadlift",
    "hip_thrust",
    "glute_bridge",
    "single_leg_hip_thrust",
    "single_leg_romanian_deadlift",
    "leg_press",
    "hip_abduction",
    "cable_kickback",
    "good_morning",
    "leg_curl",
    "leg_extension",
    "back_extension",
    "box_jump",
    "jumping_lunge",
    "calf_raise",
}


@pytest.mark.parametrize("example", VOLUME, ids=lambda e: e.id)
def test_worked_example(example: Worked) -> None:
    check_worked(call(example.calculator, example.payload), example)


def test_catalogue_covers_the_common_lower_body_exercises() -> None:
    assert len(EXERCISES) >= 20
    assert set(EXERCISES) >= REQUIRED_EXERCISES


@pytest.mark.parametrize(
    ("exercise", "prime", "helpers"),
    [
        ("hip_thrust", {"glutes"}, {"hamstrings", "adductors"}),
        ("leg_extension", {"quads"}, set()),
        ("hip_abduction", {"glutes"}, set()),
        ("leg_curl", {"hamstrings"}, {"calves"}),
        ("calf_raise", {"calves"}, set()),
        ("squat", {"quads", "glutes"}, {"adductors"}),
        ("romanian_deadlift", {"hamstrings", "glutes"}, {"adductors"}),
    ],
)
def test_anatomy_of_key_exercises(exercise, prime, helpers) -> None:
    assert set(EXERCISES[exercise].prime) == prime
    assert set(EXERCISES[exercise].helpers) == helpers


def test_core_muscles_always_listed_even_at_zero() -> None:
    reply = call("volume", {"entries": [{"exercise": "leg_extension", "sets": 3, "sessions": 1}]})
    muscles = {m["muscle"]: m for m in reply["result"]["muscles"]}
    assert set(CORE_MUSCLES) <= set(muscles)
    assert muscles["glutes"] == {
        "muscle": "glutes",
        "name": "Glutes",
        "direct_sets": 0,
        "fractional_sets": 0,
        "sessions": 0,
        "status": "below",
    }


def test_deload_advice_and_sources() -> None:
    result = call("volume", {"entries": [{"exercise": "squat", "sets": 3, "sessions": 2}]})[
        "result"
    ]
    assert "every 4-8 weeks" in result["deload"]
    dois = {s.get("doi") for s in result["sources"]}
    assert {
        "10.1080/02640414.2016.1210197",
        "10.2478/hukin-2022-0017",
        "10.51224/SRXIV.460",
        "10.1186/s40798-024-00691-y",
    } <= dois


def test_unknown_exercise_message_points_to_the_known_ones() -> None:
    reply = call(
        "volume",
        {
            "entries": [
                {"exercise": "squat", "sets": 3, "sessions": 2},
                {"exercise": "squat", "sets": 0, "sessions": 2},
                {"exercise": "bicep_curl", "sets": 3, "sessions": 8},
            ]
        },
    )
    errors = reply["errors"]
    assert set(errors) == {"entries.1.sets", "entries.2.exercise", "entries.2.sessions"}
    assert "hip_thrust" in errors["entries.2.exercise"]
    assert errors["entries.1.sets"] == "Enter a number of hard sets per session between 1 and 20."
    assert errors["entries.2.sessions"] == "Enter a number of sessions a week between 1 and 7."


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        ([], "Add at least 1 exercise."),
        (None, "Add at least 1 exercise."),
        ("squat", "Send the exercises as a list of rows."),
        (
            [{"exercise": "squat", "sets": 1, "sessions": 1}] * (MAX_ROWS + 1),
            f"Enter at most {MAX_ROWS} exercises; this list has {MAX_ROWS + 1}.",
        ),
    ],
)
def test_problems_with_the_list_itself(entries, message) -> None:
    reply = call("volume", {"entries": entries})
    assert message in reply["errors"]["entries"]


def test_the_row_limit_holds_every_exercise_twice_and_no_more() -> None:
    # A week listing each exercise of the catalogue on two rows is answered; one row more is not.
    week = [{"exercise": e, "sets": 1, "sessions": 1} for e in EXERCISES] * 2
    assert len(week) == MAX_ROWS
    assert call("volume", {"entries": week})["ok"] is True
    reply = call("volume", {"entries": [*week, week[0]]})
    assert set(reply["errors"]) == {"entries"}


def test_a_list_of_thousands_of_rows_is_refused_at_once_without_reading_them() -> None:
    # A made-up link's 2,000 rows, each of them wrong: one message for the list, none per row.
    rows = [{"exercise": "biceps<b>", "sets": -1, "sessions": 99}] * 2000
    started = time.perf_counter()
    reply = call("volume", {"entries": rows})
    elapsed = time.perf_counter() - started
    assert reply["errors"] == {
        "entries": f"Enter at most {MAX_ROWS} exercises; this list has 2,000."
    }
    assert elapsed < 0.5, f"{elapsed:.3f} s"


def test_a_row_that_is_not_an_object_reports_its_fields() -> None:
    reply = call("volume", {"entries": [42]})
    assert set(reply["errors"]) == {"entries.0.exercise", "entries.0.sets", "entries.0.sessions"}


@pytest.mark.parametrize(
    ("band", "errors"),
    [
        ({"band_low": 20, "band_high": 10}, {"band_high"}),
        ({"band_low": 12, "band_high": 12}, {"band_high"}),
        ({"band_low": 0, "band_high": 41}, {"band_low", "band_high"}),
        ({"band_low": 25}, {"band_high"}),  # 25 is above the default high end, 20
    ],
)
def test_band_is_checked(band, errors) -> None:
    reply = call("volume", {"entries": [{"exercise": "squat", "sets": 3, "sessions": 2}], **band})
    assert set(reply["errors"]) == errors


def test_python_api_accepts_tuples_and_raises_input_error() -> None:
    assert weekly_volume([("calf_raise", 4, 3)]).muscle("calves").direct_sets == 12
    with pytest.raises(InputError) as caught:
        weekly_volume([("calf_raise", 4, 3), ("moonwalk", 1, 1)])
    assert set(caught.value.errors) == {"entries.1.exercise"}


# ---------------------------------------------------------------------------- properties


@LEAN
@given(valid_rows, st.data())
def test_more_sets_never_means_less_volume(rows, data) -> None:
    before = weekly_volume(rows)
    index = data.draw(st.integers(0, len(rows) - 1))
    exercise, sets, sessions = rows[index]
    more = list(rows)
    if sets < 20:
        more[index] = (exercise, sets + 1, sessions)
    elif sessions < 7:
        more[index] = (exercise, sets, sessions + 1)
    after = weekly_volume(more)
    for muscle in before.muscles:
        grown = after.muscle(muscle.muscle)
        assert grown.fractional_sets >= muscle.fractional_sets
        assert grown.direct_sets >= muscle.direct_sets
    trained = EXERCISES[exercise].prime
    if more != rows:
        assert after.muscle(trained[0]).direct_sets > before.muscle(trained[0]).direct_sets


@LEAN
@given(valid_rows)
def test_counts_follow_the_fractional_rule(rows) -> None:
    result = weekly_volume(rows)
    assert result.total_sets == sum(s * n for _, s, n in rows)
    for muscle in result.muscles:
        prime = sum(s * n for e, s, n in rows if muscle.muscle in EXERCISES[e].prime)
        helper = sum(s * n for e, s, n in rows if muscle.muscle in EXERCISES[e].helpers)
        assert muscle.direct_sets == prime
        assert muscle.fractional_sets == prime + 0.5 * helper
        assert muscle.direct_sets <= muscle.fractional_sets
        expected = (
            "below"
            if muscle.fractional_sets < 10
            else "high"
            if muscle.fractional_sets > 20
            else "productive"
        )
        assert muscle.status == expected
