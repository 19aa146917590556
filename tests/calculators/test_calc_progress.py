"""The progress log: worked examples, bad rows, units, what measures say together, its CSV file
and the command line's --csv."""

from __future__ import annotations

import datetime
import json
import math
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from musclecalc import InputError, bridge, compute_progress
from musclecalc._checkup import CAUSE_TITLES
from musclecalc._cli import main
from musclecalc._progress import EXAMPLE_ROWS
from musclecalc._progress_csv import PROGRESS_CSV
from support.strategies import LEAN, strict_loads
from support.worked_examples import HIPS_FALLING, HIPS_STEADY, PROGRESS, TODAY, Worked, check_worked

REPO = Path(__file__).resolve().parents[2]
SVG = "{http://www.w3.org/2000/svg}"


def full(payload: dict[str, Any]) -> dict[str, Any]:
    reply: dict[str, Any] = strict_loads(bridge.result("progress", json.dumps(payload)))
    return reply


def page(payload: dict[str, Any]) -> dict[str, Any]:
    reply: dict[str, Any] = strict_loads(bridge.run("progress", json.dumps(payload)))
    return reply


@pytest.mark.parametrize("example", PROGRESS, ids=lambda e: e.id)
def test_worked_examples(example: Worked) -> None:
    check_worked(full(example.payload), example)


def test_the_worked_noise_and_change_are_the_hand_computed_ones() -> None:
    steady = full({"entries": HIPS_STEADY, "today": TODAY})["result"]["trends"]["hips"]
    assert steady["noise"] == pytest.approx(math.sqrt(8 / 6))
    falling = full({"entries": HIPS_FALLING, "today": TODAY})["result"]["trends"]["hips"]
    assert falling["noise"] == pytest.approx(math.sqrt(8 / 7))
    assert falling["change_total"] == pytest.approx(-3.0)
    assert falling["change_per_week"] == pytest.approx(-0.375)
    # Each point carries its reading and the trend that day: 99 - 0.375 a week.
    assert [p["trend"] for p in falling["points"]] == pytest.approx(
        [99 - 0.375 * week for week in range(9)]
    )


def test_the_contract_shape() -> None:
    reply = full({"entries": [dict(r) for r in EXAMPLE_ROWS], "today": TODAY})
    trends = reply["result"]["trends"]
    assert set(trends) == {"hips", "waist", "thigh", "weight", "lift"}
    for trend in trends.values():
        assert {"change_per_week", "change_total", "noise", "verdict"} <= set(trend)
        assert trend["verdict"] in {"shrinking", "steady", "growing", "too_few"}
    assert reply["result"]["next"] == ["measurement-illusions"]
    assert trends["hips"]["verdict"] == "steady" and trends["lift"]["verdict"] == "growing"


def test_a_noise_below_the_floor_counts_as_the_floor() -> None:
    # Readings exactly on a line: no spread at all, so the 0.5 cm tape floor is the noise and a
    # 0.4 cm change over four weeks stays "steady" however perfect the line.
    rows = [
        {"date": f"2026-09-{d:02d}", "hips": str(98 - i * 0.1)}
        for i, d in enumerate((1, 8, 15, 22, 29))
    ]
    trend = full({"entries": rows, "today": TODAY})["result"]["trends"]["hips"]
    assert trend["noise"] == 0.5 and trend["verdict"] == "steady"
    # The same readings in inches: the floor converts too (0.5 / 2.54 in).
    inches = [{**row, "hips": str(float(row["hips"]) / 2.54)} for row in rows]
    trend = full({"entries": inches, "length_unit": "in", "today": TODAY})["result"]["trends"][
        "hips"
    ]
    assert trend["noise"] == pytest.approx(0.5 / 2.54) and trend["verdict"] == "steady"


def test_under_three_weeks_is_too_few_however_many_readings() -> None:
    rows = [{"date": f"2026-09-{d:02d}", "hips": "98"} for d in range(1, 21)]  # 19 days
    assert (
        full({"entries": rows, "today": TODAY})["result"]["trends"]["hips"]["verdict"] == "too_few"
    )


# ----------------------------------------------------------------------------- bad rows


def test_bad_rows_get_messages_by_row_all_at_once() -> None:
    rows = [
        {"date": "2026-09-01", "hips": "98"},
        {"date": "2026-09-08", "hips": "97.5"},
        {"date": "2026-09-08", "hips": "97"},  # the same day as row 2
        {"date": "2026-09-15", "hips": "400"},  # no hip is 400 cm
        {"date": "2027-01-01", "hips": "96"},  # after today
        {"date": "2026-09-22", "lift_load": "60"},  # a load without its reps
        {"date": "2026-09-29"},  # a date and nothing measured
        {"date": "1st of May", "weight": "64"},
    ]
    reply = page({"entries": rows, "today": TODAY})
    assert reply["ok"] is False
    errors = reply["errors"]
    assert set(errors) == {
        "entries.2.date",
        "entries.3.hips",
        "entries.4.date",
        "entries.5.lift_reps",
        "entries.6.hips",
        "entries.7.date",
    }
    assert "Row 2 has this date too" in errors["entries.2.date"]
    assert errors["entries.3.hips"] == "Enter your hip circumference between 50 and 200 cm."
    assert "after today (2026-12-01)" in errors["entries.4.date"]
    assert "reps" in errors["entries.5.lift_reps"]
    assert "at least one reading" in errors["entries.6.hips"]
    assert "year-month-day" in errors["entries.7.date"]
    with pytest.raises(InputError) as raised:
        compute_progress(rows, today=TODAY)
    assert dict(raised.value.errors) == errors


def test_bounds_follow_the_unit_chosen() -> None:
    rows = [{"date": "2026-09-01", "hips": "98"}]  # 98 in is no hip
    errors = page({"entries": rows, "length_unit": "in", "today": TODAY})["errors"]
    assert errors == {"entries.0.hips": "Enter your hip circumference between 20 and 79 in."}
    rows = [{"date": "2026-09-01", "weight": "50"}]  # a body weight in kg, not in lb
    assert page({"entries": rows, "weight_unit": "kg", "today": TODAY})["ok"] is True
    errors = page({"entries": rows, "weight_unit": "lb", "today": TODAY})["errors"]
    assert errors == {"entries.0.weight": "Enter your body weight between 66 and 660 lb."}


def test_today_defaults_to_the_real_date() -> None:
    tomorrow = (datetime.date.today() + datetime.timedelta(days=1)).isoformat()
    yesterday = (datetime.date.today() - datetime.timedelta(days=1)).isoformat()
    assert set(page({"entries": [{"date": tomorrow, "hips": "98"}]})["errors"]) == {
        "entries.0.date"
    }
    assert page({"entries": [{"date": yesterday, "hips": "98"}]})["ok"] is True
    # An injected "today" that is not a date is a message, not a crash.
    assert set(
        page({"entries": [{"date": yesterday, "hips": "98"}], "today": "soon"})["errors"]
    ) == {"today"}


# ------------------------------------------------------------------------------- units


weekly_noise = st.lists(st.floats(-1, 1, allow_nan=False), min_size=4, max_size=12)


@LEAN
@given(noise=weekly_noise, per_week=st.floats(-1, 1, allow_nan=False), weight=st.floats(45, 120))
def test_cm_and_in_kg_and_lb_give_the_same_verdicts(noise, per_week, weight) -> None:
    start = datetime.date(2026, 1, 5)
    rows_metric = []
    rows_imperial = []
    for week, wobble in enumerate(noise):
        day = (start + datetime.timedelta(weeks=week)).isoformat()
        hips = 98 + per_week * week + wobble
        kg = weight + per_week * week / 2 + wobble / 3
        rows_metric.append({"date": day, "hips": hips, "weight": kg})
        rows_imperial.append({"date": day, "hips": hips / 2.54, "weight": kg / 0.45359237})
    metric = full({"entries": rows_metric, "today": TODAY})["result"]
    imperial = full(
        {"entries": rows_imperial, "length_unit": "in", "weight_unit": "lb", "today": TODAY}
    )["result"]
    for measure, factor in (("hips", 2.54), ("weight", 0.45359237)):
        a, b = metric["trends"][measure], imperial["trends"][measure]
        if a["verdict"] != "too_few":
            # A change within a hair of the margin may round either way: not a unit question.
            result = compute_progress(rows_metric, today=TODAY).trend(measure).trend
            assert result.margin is not None and result.change_total is not None
            assume(abs(abs(result.change_total) - result.margin) > 1e-9 * result.margin)
            assert b["change_total"] * factor == pytest.approx(a["change_total"], abs=1e-9)
            assert b["noise"] * factor == pytest.approx(a["noise"])
        assert a["verdict"] == b["verdict"], measure
    assert metric["next"] == imperial["next"]


# ----------------------------------------------------------------- measures read together


def _log(**columns: list[str]) -> list[dict[str, str]]:
    weeks = len(next(iter(columns.values())))
    return [
        {
            "date": (datetime.date(2026, 9, 7) + datetime.timedelta(weeks=w)).isoformat(),
            **{name: values[w] for name, values in columns.items()},
        }
        for w in range(weeks)
    ]


FALLING_HIPS = ["99", "98.5", "98", "97.5", "97", "96.5", "96", "95.5"]
FALLING_WAIST = ["76", "75.5", "75", "74.5", "74", "73.5", "73", "72.5"]
FALLING_WEIGHT = ["66", "65.6", "65.2", "64.8", "64.4", "64", "63.6", "63.2"]
STEADY_WEIGHT = ["64", "64.2", "63.9", "64.1", "64", "64.2", "63.9", "64"]
STEADY_HIPS = ["98", "98.4", "97.8", "98.2", "98", "97.9", "98.3", "98"]
RISING_LOAD = ["60", "62.5", "62.5", "65", "67.5", "67.5", "70", "72.5"]
SAME_LOAD = ["60"] * 8
EIGHTS = ["8"] * 8


@pytest.mark.parametrize(
    ("columns", "expected"),
    [
        (
            {"hips": FALLING_HIPS, "waist": FALLING_WAIST, "weight": FALLING_WEIGHT},
            ["too-little-energy"],
        ),
        (
            {
                "hips": FALLING_HIPS,
                "weight": STEADY_WEIGHT,
                "lift_load": SAME_LOAD,
                "lift_reps": EIGHTS,
            },
            ["no-progressive-overload", "too-little-protein"],
        ),
        (
            {"hips": STEADY_HIPS, "lift_load": RISING_LOAD, "lift_reps": EIGHTS},
            ["measurement-illusions"],
        ),
        (
            {
                "hips": FALLING_HIPS,
                "weight": STEADY_WEIGHT,
                "lift_load": RISING_LOAD,
                "lift_reps": EIGHTS,
            },
            [],
        ),
        ({"hips": STEADY_HIPS, "weight": STEADY_WEIGHT}, []),
    ],
)
def test_what_the_measures_say_together(columns: dict[str, list[str]], expected: list[str]) -> None:
    reply = full({"entries": _log(**columns), "today": TODAY})
    assert reply["result"]["next"] == expected
    ranked = reply["display"]["ranked"]
    if expected:
        links = [item["link"]["path"] for item in ranked["items"]]
        assert links == [f"causes/{slug}/" for slug in expected]
    else:
        assert ranked is None


def test_the_next_slugs_are_the_self_checks_and_have_pages() -> None:
    for slug in (
        "too-little-energy",
        "no-progressive-overload",
        "too-little-protein",
        "measurement-illusions",
    ):
        assert slug in CAUSE_TITLES
        assert (REPO / "docs" / "causes" / f"{slug}.md").exists()


def test_fat_loss_links_the_energy_calculator_and_a_falling_weight_names_the_warning_sign() -> None:
    reply = full(
        {
            "entries": _log(hips=FALLING_HIPS, waist=FALLING_WAIST, weight=FALLING_WEIGHT),
            "today": TODAY,
        }
    )
    steps = reply["display"]["ranked"]["items"][0]["next_steps"]
    assert steps == [{"text": "Work out your calories", "path": "calculators/energy/"}]
    assert any(
        "losing weight without trying" in w.lower() or "not trying to lose" in w
        for w in reply["result"]["warnings"]
    )


# ----------------------------------------------------------------------------- display


def test_a_chart_and_a_table_per_measure_with_legible_safe_svg() -> None:
    reply = full({"entries": [dict(r) for r in EXAMPLE_ROWS], "today": TODAY})
    figures = reply["display"]["figures"]
    assert len(figures) == 5
    for figure, measure in zip(figures, ("hips", "waist", "thigh", "weight", "lift"), strict=True):
        svg = figure["chart"]["svg"]
        root = ET.fromstring(svg)
        assert (
            root.get("role") == "img"
            and root.get("aria-labelledby") == f"mc-progress-{measure}-title"
        )
        tags = {element.tag.removeprefix(SVG) for element in root.iter()}
        assert tags <= {"svg", "title", "desc", "rect", "line", "text", "circle", "polygon"}
        for forbidden in ("style", "fill", "stroke", "font", "script", "href", "url("):
            assert forbidden not in svg
        points = trend = reply["result"]["trends"][measure]
        assert svg.count('class="mc-point"') == points["readings"]
        assert svg.count('class="mc-trend"') == 1 and svg.count('<polygon class="mc-band"') == 1
        # The table holds the same numbers: one row per reading with its date and the trend.
        table = figure["table"]
        assert table["columns"] == ["Date", "Reading", "Trend"]
        assert len(table["rows"]) == trend["readings"]


def test_a_measure_with_too_few_readings_draws_its_readings_only() -> None:
    svg = full({"entries": HIPS_STEADY[:3], "today": TODAY})["display"]["figures"][0]["chart"][
        "svg"
    ]
    assert svg.count('class="mc-point"') == 3 and "mc-trend" not in svg.replace(
        "mc-trend mc-key", ""
    )
    assert "<polygon" not in svg


def test_the_worked_answer_on_the_page_has_no_error() -> None:
    form = next(f for f in strict_loads(bridge.forms())["calculators"] if f["name"] == "progress")
    payload = {f["name"]: f["default"] for f in form["fields"]}
    reply = page(payload)
    assert reply["ok"] is True and reply["csv"].startswith("date,hips_cm,")
    assert "What your log points to" in reply["answer"]
    assert reply["details"].count('<section class="mc-figure">') == 5


# ---------------------------------------------------------------------------------- CSV


def test_csv_round_trip_keeps_every_row_and_unit() -> None:
    payload = {"entries": [dict(r) for r in EXAMPLE_ROWS], "length_unit": "in", "weight_unit": "lb"}
    text = PROGRESS_CSV.text_from(payload)
    assert text.splitlines()[0] == "date,hips_in,waist_in,thigh_in,weight_lb,lift_lb,lift_reps"
    back = PROGRESS_CSV.payload_from(text)
    assert back["length_unit"] == "in" and back["weight_unit"] == "lb"
    assert back["entries"] == [{**dict.fromkeys(row, ""), **row} for row in payload["entries"]]


def test_importing_a_csv_through_the_bridge_fills_the_form() -> None:
    text = "\ufeffweight_lb, Date ,hips_in\n141.5,2026-09-07,38.6\n\n141,2026-09-14,38.4\n"
    reply = page({"csv": text, "length_unit": "cm", "today": TODAY})
    assert reply["ok"] is True
    fields = reply["fields"]
    assert fields["length_unit"] == "in" and fields["weight_unit"] == "lb"
    assert [(r["date"], r["hips"], r["weight"]) for r in fields["entries"]] == [
        ("2026-09-07", "38.6", "141.5"),
        ("2026-09-14", "38.4", "141"),
    ]
    assert reply["csv"].startswith("date,hips_in,waist_in,thigh_in,weight_lb,lift_lb,lift_reps\n")
    # Bad values in a readable file still come back as rows, with messages by row.
    bad = page({"csv": "date,hips_cm\n2026-09-07,400\n", "today": TODAY})
    assert bad["ok"] is False and set(bad["errors"]) == {"entries.0.hips"}
    assert bad["fields"]["entries"][0]["hips"] == "400"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "empty"),
        ("hips_cm,weight_kg\n98,64\n", 'no "date" column'),
        ("date,hips_cm,shoe_size\n2026-09-01,98,38\n", '"shoe_size"'),
        ("date,hips_cm,waist_in\n2026-09-01,98,30\n", "mixes units"),
        ("date,hips_cm\n2026-09-01,98,1,2\n", "Line 2"),
        ("date,date\n", "twice"),
        ("x" * 100_001, "too long"),
        (5, "as text"),
    ],
)
def test_unreadable_files_get_one_message(text: Any, words: str) -> None:
    reply = page({"csv": text})
    assert reply["ok"] is False and set(reply["errors"]) == {"csv"}
    assert words in reply["errors"]["csv"]


def test_cells_a_spreadsheet_would_run_are_written_as_text() -> None:
    text = PROGRESS_CSV.text_from(
        {"entries": [{"date": "=HYPERLINK(1)", "hips": "-5", "waist": "@x"}]}
    )
    assert text.splitlines()[1].startswith("'=HYPERLINK(1),-5,'@x")


# ------------------------------------------------------------------------- command line


def test_the_command_line_reads_a_csv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log = tmp_path / "log.csv"
    log.write_text(PROGRESS_CSV.text_from({"entries": HIPS_FALLING}), encoding="utf-8")
    assert main(["progress", "--csv", str(log)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Progress log\n")
    assert "Your hips are going down: 3 cm over 8 weeks" in out
    assert main(["progress", "--csv", str(log), "--json"]) == 0
    reply = json.loads(capsys.readouterr().out)
    assert reply["result"]["trends"]["hips"]["verdict"] == "shrinking"


def test_the_command_line_names_a_bad_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["progress", "--csv", str(tmp_path / "missing.csv")]) == 2
    assert capsys.readouterr().err.startswith("csv: The file ")
    bad = tmp_path / "bad.csv"
    bad.write_text("date,hips_cm\n2026-09-01,400\n", encoding="utf-8")
    assert main(["progress", "--csv", str(bad)]) == 2
    assert (
        capsys.readouterr().err
        == "entries.0.hips: Enter your hip circumference between 50 and 200 cm.\n"
    )


def test_the_pages_floor_table_states_the_calculators_floors() -> None:
    from musclecalc._progress import MEASURES

    text = (REPO / "docs" / "calculators" / "progress.md").read_text(encoding="utf-8")
    floors = {m.id: m.floor for m in MEASURES}
    for label, measure, unit in (
        ("Hips, waist, thigh", "hips", "cm"),
        ("Body weight", "weight", "kg"),
        ("Lift", "lift", "kg"),
    ):
        match = re.search(rf"^\| {label} \| ([\d.]+) {unit} \(([\d.]+) (?:in|lb)\) \|$", text, re.M)
        assert match, label
        assert float(match.group(1)) == floors[measure]
        per = 2.54 if unit == "cm" else 0.45359237
        assert float(match.group(2)) == round(floors[measure] / per, 1)
    assert floors["waist"] == floors["thigh"] == floors["hips"]


def test_the_measurement_cause_and_its_page_link_to_the_log() -> None:
    reply = strict_loads(bridge.result("checkup", json.dumps({"measured": "no"})))
    item = next(
        i
        for i in reply["display"]["ranked"]["items"]
        if i["link"]["path"] == "causes/measurement-illusions/"
    )
    assert {"text": "Start a progress log", "path": "calculators/progress/"} in item["next_steps"]
    page_text = (REPO / "docs" / "causes" / "measurement-illusions.md").read_text(encoding="utf-8")
    assert "](../calculators/progress.md)" in page_text
