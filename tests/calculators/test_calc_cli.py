"""``python -m musclecalc``: readable answers, --json, --help and exit status 2 on bad input."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from musclecalc import bridge
from support.calculators import subprocess_env
from support.strategies import strict_loads


def cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "musclecalc", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
        check=False,
    )


def test_protein_prints_a_readable_answer() -> None:
    done = cli(subprocess_env(), "protein", "--weight", "70", "--goal", "build")
    assert done.returncode == 0, done.stderr
    # 1.6 / 1.8 / 2.2 g/kg x 70 kg = 112 / 126 / 154 g; 126 / 4 meals = 31.5 -> 32 g
    assert "Aim for about 126 g of protein a day (112-154 g)." in done.stdout
    assert "Per meal:" in done.stdout and "32 g at each of 4 meals" in done.stdout
    for heading in ("Warnings", "Notes", "Method", "Sources"):
        assert f"\n{heading}\n" in done.stdout
    assert "doi:10.1186/s12970-017-0177-8" in done.stdout
    assert done.stderr == ""


def test_units_options_with_dashes_or_underscores() -> None:
    # 176 lb = 79.83225712 kg; 70 in = 177.8 cm (as in the worked examples): BMR 1715
    dashed = cli(
        subprocess_env(),
        "energy",
        "--sex",
        "male",
        "--age",
        "40",
        "--height",
        "70",
        "--height-unit",
        "in",
        "--weight",
        "176",
        "--weight-unit",
        "lb",
        "--activity",
        "sedentary",
        "--goal",
        "maintain",
    )
    underscored = cli(
        subprocess_env(),
        "energy",
        "--sex",
        "male",
        "--age",
        "40",
        "--height",
        "70",
        "--height_unit",
        "in",
        "--weight",
        "176",
        "--weight_unit",
        "lb",
        "--activity",
        "sedentary",
        "--goal",
        "maintain",
    )
    assert dashed.returncode == 0 and dashed.stdout == underscored.stdout
    assert "BMR (Mifflin-St Jeor): 1,715 kcal" in dashed.stdout
    assert "176 lb (79.8 kg)" in dashed.stdout


def test_volume_table_and_entries() -> None:
    done = cli(subprocess_env(), "volume", "--entry", "hip_thrust:3:2", "--entry", "leg_curl:2:1")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    # hip thrust: 6 glute sets; leg curl: 2 hamstring sets + half of 6 from hip thrust = 5
    glutes = next(line for line in lines if line.startswith("Glutes "))
    hamstrings = next(line for line in lines if line.startswith("Hamstrings "))
    assert glutes.split() == ["Glutes", "6", "6", "2", "Below", "range"]
    assert hamstrings.split() == ["Hamstrings", "2", "5", "3", "Below", "range"]


def test_json_prints_the_bridge_reply() -> None:
    done = cli(subprocess_env(), "protein", "--weight", "80,5", "--goal", "maintain", "--json")
    assert done.returncode == 0
    expected = bridge.result("protein", json.dumps({"weight": "80,5", "goal": "maintain"}))
    assert strict_loads(done.stdout) == strict_loads(expected)


def test_bad_input_lists_every_field_on_stderr_and_exits_2() -> None:
    done = cli(subprocess_env(), "protein", "--weight", "20", "--meals", "0", "--age", "16")
    assert done.returncode == 2
    assert done.stdout == ""
    assert "weight: Enter a body weight between 30 and 300 kg." in done.stderr.splitlines()
    assert "meals: Enter a number of meals a day between 1 and 8." in done.stderr.splitlines()
    assert any(
        line.startswith("age: This calculator is for adults") for line in done.stderr.splitlines()
    )


def test_bad_input_with_json_prints_the_errors_and_exits_2() -> None:
    done = cli(subprocess_env(), "protein", "--json")
    assert done.returncode == 2
    reply = strict_loads(done.stdout)
    assert reply["ok"] is False and "weight" in reply["errors"]


@pytest.mark.parametrize(
    ("args", "stderr"),
    [
        (
            ["volume", "--entry", "hip_thrust:3"],
            "entries.0: Write each entry as EXERCISE:SETS:SESSIONS",
        ),
        (
            ["volume", "--entry", "moonwalk:3:2"],
            "entries.0.exercise: Choose an exercise from the list.",
        ),
        (["volume"], "entries: Add at least 1 exercise."),
        (["protein", "--weight", "70", "--goal", "bulk"], "invalid choice: 'bulk'"),
        (["biceps"], "invalid choice: 'biceps'"),
    ],
)
def test_other_bad_input_exits_2(args, stderr) -> None:
    done = cli(subprocess_env(), *args)
    assert done.returncode == 2
    assert stderr in done.stderr


def test_help_lists_calculators_fields_choices_and_defaults() -> None:
    done = cli(subprocess_env(), "--help")
    assert done.returncode == 0
    for text in (
        "protein:",
        "energy:",
        "volume:",
        "--weight-unit",
        "kg or lb; default kg",
        "maintain = Keep the muscle I have",
        "default 4",
        "--entry",
        "sedentary = Sedentary",
    ):
        assert text in done.stdout, text


def test_calculator_help_lists_its_fields() -> None:
    done = cli(subprocess_env(), "volume", "--help")
    assert done.returncode == 0
    for text in (
        "--entry EXERCISE:SETS:SESSIONS",
        "--band-low",
        "default 10",
        "default 20",
        "hip_thrust",
        "Hip abduction (machine or band)",
    ):
        assert text in done.stdout, text
    done = cli(subprocess_env(), "energy", "--help")
    assert "120-230 cm or 47-91 in" in " ".join(done.stdout.split())
    assert "{female,male}" in done.stdout


def test_the_volume_quick_question_is_listed_and_runs() -> None:
    env = subprocess_env()
    assert "volume-quick:" in cli(env, "--help").stdout
    done = cli(env, "volume-quick", "--muscle", "hamstrings", "--weekly-sets", "8")
    assert done.returncode == 0, done.stderr
    assert "8 hard sets a week for hamstrings: below range (10-20)." in done.stdout
    bad = cli(env, "volume-quick", "--weekly-sets", "400")
    assert bad.returncode == 2
    assert "weekly_sets: Enter a number of hard sets a week between 0 and 100" in bad.stderr
