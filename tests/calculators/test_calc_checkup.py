"""The self-check: triage from the warning-sign table, causes ranked against the thresholds."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from musclecalc import KG_PER_POUND, bridge
from musclecalc._cause_table import MAX_LIKELY, RANKING_RULE
from musclecalc._checkup import CAUSE_TITLES
from musclecalc._thresholds import THRESHOLDS
from musclecalc._warning_signs import LEVELS, SIGNS
from support.calculators import REPO_ROOT, call, page_reply, subprocess_env
from support.strategies import LEAN, field_values, json_values, strict_loads
from support.worked_examples import CHECKUP, CHECKUP_TYPICAL, Worked, check_worked

CAUSES_DIR = REPO_ROOT / "docs" / "causes"


def causes(reply: dict[str, Any]) -> list[str]:
    return [item["cause"] for item in reply["result"]["causes"]]


@pytest.mark.parametrize("example", CHECKUP, ids=[e.id for e in CHECKUP])
def test_worked_example(example: Worked) -> None:
    reply = call("checkup", example.payload)
    check_worked(reply, example)
    found = causes(reply)
    first = example.extra["first"]
    if first is None:
        assert found == [], found
    else:
        assert found[0] == first, found
        if "likely" in example.extra:
            expected = "likely" if example.extra["likely"] else "possible"
            assert reply["result"]["causes"][0]["likelihood"] == expected
    for absent in example.extra.get("absent", []):
        assert absent not in found
    if "order" in example.extra:
        assert found[: len(example.extra["order"])] == example.extra["order"]
    if "reason" in example.extra:
        assert any(example.extra["reason"] in r for r in reply["result"]["causes"][0]["reasons"])
    if "heading" in example.extra:
        assert reply["display"]["ranked"]["heading"] == example.extra["heading"]
    if "reason_first" in example.extra:
        assert reply["result"]["triage"]["reasons"][0].startswith(example.extra["reason_first"])


def test_every_cause_has_an_example_that_puts_it_first_and_one_that_leaves_it_out() -> None:
    firsts = {e.extra["first"] for e in CHECKUP}
    left_out = {cause for e in CHECKUP for cause in e.extra.get("absent", [])}
    assert set(CAUSE_TITLES) <= firsts
    assert set(CAUSE_TITLES) <= left_out


@pytest.mark.parametrize("cause", sorted(CAUSE_TITLES))
def test_every_cause_has_its_page_with_the_same_title(cause: str) -> None:
    page = CAUSES_DIR / f"{cause}.md"
    assert page.exists(), page
    title = re.search(r"^title: (.*)$", page.read_text(encoding="utf-8"), re.M)
    assert title is not None
    assert title.group(1).strip() == CAUSE_TITLES[cause]


def test_every_triage_level_has_an_example() -> None:
    levels = {e.expected.get("triage.level") for e in CHECKUP}
    assert {"emergency", "urgent", "routine", "none"} <= levels


@pytest.mark.parametrize("code", sorted(SIGNS))
def test_each_sign_alone_gives_its_own_level_in_words_with_the_red_flags_link(code: str) -> None:
    reply = call("checkup", {"symptoms": [code]})
    level = SIGNS[code].level
    assert reply["result"]["triage"]["level"] == level
    action = reply["result"]["triage"]["action"]
    assert action.startswith(LEVELS[level].action)
    assert action == " ".join(t for t in (LEVELS[level].action, SIGNS[code].help) if t)
    alert = reply["display"]["alert"]
    assert alert["action"] == action
    assert alert["title"] == LEVELS[level].title
    assert alert["link"]["path"] == f"red-flags/#{LEVELS[level].anchor}"


def test_the_form_offers_every_warning_sign_as_a_checkbox() -> None:
    form = next(f for f in strict_loads(bridge.forms())["calculators"] if f["name"] == "checkup")
    symptoms = next(f for f in form["fields"] if f["name"] == "symptoms")
    assert symptoms["kind"] == "checklist"
    assert [c["value"] for c in symptoms["choices"]] == list(SIGNS)
    for required in (
        "sudden_weakness",
        "saddle_numbness",
        "dark_urine",
        "spreading_weakness",
        "statin_pain",
        "weight_loss",
    ):
        assert required in SIGNS


def test_an_emergency_comes_first_on_the_page_in_words() -> None:
    html = page_reply("checkup", {"symptoms": ["dark_urine"], "sleep_hours": 5})["answer"]
    assert html.index("Emergency: get help now") < html.index("Once you have been checked")
    assert html.index("mc-alert--emergency") < html.index("mc-summary")


def test_unsure_and_blank_are_never_evidence() -> None:
    blank = dict.fromkeys(
        (
            "months_training",
            "weekly_hard_sets",
            "protein_grams",
            "sleep_hours",
            "sitting_hours",
            "age",
            "weight",
        ),
        "",
    )
    unsure = dict.fromkeys(
        (
            "progression",
            "close_to_failure",
            "same_exercises",
            "stress",
            "measured",
            "low_sex_drive",
        ),
        "unsure",
    )
    reply = call("checkup", {**blank, **unsure, "symptoms": []})
    assert reply["ok"] is True
    assert reply["result"]["causes"] == []
    assert reply["result"]["answered"] is False


@pytest.mark.parametrize(
    ("kg", "lb"),
    [
        (
            {"weight": 80, "protein_grams": 72, "weight_change_per_week": -1.2},
            {
                "weight": 80 / KG_PER_POUND,
                "protein_grams": 72,
                "weight_change_per_week": -1.2 / KG_PER_POUND,
            },
        ),
        (
            {"weight": 70, "protein_grams": 70, "age": 70, "weight_change_per_week": -0.3},
            {"weight": 154.3, "protein_grams": 70, "age": 70, "weight_change_per_week": -0.66},
        ),
    ],
)
def test_kilograms_and_pounds_give_the_same_ranking(kg: dict[str, Any], lb: dict[str, Any]) -> None:
    in_kg = call("checkup", {**kg, "weight_unit": "kg"})["result"]["causes"]
    in_lb = call("checkup", {**lb, "weight_unit": "lb"})["result"]["causes"]
    assert [(c["cause"], c["likelihood"]) for c in in_kg] == [
        (c["cause"], c["likelihood"]) for c in in_lb
    ]
    assert in_kg


def test_next_steps_fill_in_the_readers_numbers() -> None:
    reply = call("checkup", {"weight": 176.4, "weight_unit": "lb", "protein_grams": 60, "age": 70})
    links = [link["path"] for c in reply["result"]["causes"] for link in c["next_steps"]]
    assert "calculators/protein/#weight=176.4&weight_unit=lb&age=70" in links


@pytest.mark.parametrize(
    "symptoms",
    [
        "bogus",
        ["saddle_numbness", "bogus"],
        [1, 2],
        {"a": 1},
        ["<script>alert(1)</script>"],
        ["x" * 5000],
        42,
        True,
    ],
)
def test_an_unknown_or_malformed_symptom_is_an_error_on_symptoms(symptoms: Any) -> None:
    reply = call("checkup", {"symptoms": symptoms})
    assert reply["ok"] is False
    assert set(reply["errors"]) == {"symptoms"}
    assert "<script>" not in reply["errors"]["symptoms"]


@LEAN
@given(
    st.fixed_dictionaries(
        {},
        optional={
            "symptoms": st.lists(st.sampled_from(sorted(SIGNS)) | st.text(max_size=8), max_size=6)
            | json_values,
            "weight": field_values,
            "weight_unit": field_values,
            "protein_grams": field_values,
            "weight_change_per_week": field_values,
            "sleep_hours": field_values,
            "stress": field_values,
            "measured": field_values,
            "months_training": field_values,
        },
    )
)
def test_hostile_input_gets_an_answer_or_field_errors(payload: dict[str, Any]) -> None:
    reply = strict_loads(bridge.result("checkup", json.dumps(payload)))
    if reply["ok"]:
        assert reply["result"]["triage"]["level"] in ("emergency", "urgent", "routine", "none")
    else:
        assert set(reply["errors"]) <= set(payload) | {"_"}


def test_every_threshold_source_is_in_the_bibliography() -> None:
    about = (REPO_ROOT / "docs" / "about.md").read_text(encoding="utf-8")
    for threshold in THRESHOLDS:
        assert (CAUSES_DIR / f"{threshold.page}.md").exists()
        if threshold.source is not None:
            assert f"doi.org/{threshold.source.doi}" in about, threshold.cite


# ------------------------------------------------------------------------------ command line


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "musclecalc", "checkup", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=subprocess_env(),
        timeout=60,
        check=False,
    )


def test_cli_puts_the_emergency_first() -> None:
    done = cli("--symptoms", "saddle_numbness", "--symptoms", "dark_urine", "--sleep-hours", "5")
    assert done.returncode == 0, done.stderr
    assert done.stdout.index("EMERGENCY: GET HELP NOW") < done.stdout.index(
        "Once you have been checked"
    )
    assert "Poor sleep and too little rest (Start here)" in done.stdout


def test_cli_accepts_commas_and_matches_the_bridge_json() -> None:
    done = cli("--symptoms", "statin_pain,weight_loss", "--json")
    assert done.returncode == 0, done.stderr
    expected = bridge.result("checkup", json.dumps({"symptoms": ["statin_pain", "weight_loss"]}))
    assert strict_loads(done.stdout) == strict_loads(expected)


@pytest.mark.parametrize(
    "args", [("--symptoms", "bogus"), ("--stress", "extreme"), ("--sleep-hours", "30")]
)
def test_cli_exits_2_on_bad_input(args: tuple[str, ...]) -> None:
    done = cli(*args)
    assert done.returncode == 2
    assert done.stderr.strip()


# -- issue 23: signs, help lines, one rule per fact, wording -------------------------------------


def _first_reasons(reply: dict[str, Any], cause: str) -> list[str]:
    found = [c for c in reply["result"]["causes"] if c["cause"] == cause]
    assert found, causes(reply)
    return list(found[0]["reasons"])


@pytest.mark.parametrize("code", [c for c in sorted(SIGNS) if SIGNS[c].level == "emergency"])
def test_an_emergency_answer_shows_the_numbers_as_links_a_phone_can_dial(code: str) -> None:
    html = page_reply("checkup", {"symptoms": [code]})["answer"]
    call_line = re.search(r'<p class="mc-alert__call">(.*?)</p>', html)
    assert call_line is not None, html
    for number in ("999", "112", "911"):
        assert f'<a href="tel:{number}">{number}</a>' in call_line.group(1)
    assert html.index("mc-alert__call") < html.index("mc-alert__action")


def test_a_non_emergency_answer_has_no_call_line() -> None:
    html = page_reply("checkup", {"symptoms": ["statin_pain"]})["answer"]
    assert "tel:" not in html


@pytest.mark.parametrize(
    ("code", "level"),
    [
        ("exercise_heart", "emergency"),
        ("injury_weakness", "emergency"),
        ("worsening_leg_weakness", "urgent"),
        ("sciatica", "routine"),
        ("eyelids_or_vision", "routine"),
        ("breathing_or_swallowing", "emergency"),
        ("food_worries", "routine"),
    ],
)
def test_signs_sit_at_the_level_the_nhs_gives(code: str, level: str) -> None:
    assert SIGNS[code].level == level
    assert call("checkup", {"symptoms": [code]})["result"]["triage"]["level"] == level


def test_the_myasthenia_sign_does_not_catch_training_fatigue() -> None:
    sign = SIGNS["eyelids_or_vision"]
    assert "worse" in sign.text and "rest" in sign.text
    assert "more you use them" not in sign.text  # the old wording fits any hard set
    assert "workout" in sign.text


@pytest.mark.parametrize("code", ["periods_stopped", "food_worries"])
@pytest.mark.parametrize("extra", [{}, {"weight": 60, "weight_change_per_week": -0.9}])
def test_an_eating_sign_gets_the_doctor_and_a_help_line_and_no_calorie_calculator(
    code: str, extra: dict[str, Any]
) -> None:
    reply = call("checkup", {"symptoms": [code], **extra})
    assert "Beat" in reply["result"]["triage"]["action"]
    reasons = _first_reasons(reply, "too-little-energy")
    assert "doctor" in reasons[0] and "Beat" in reasons[0]
    links = [link["path"] for c in reply["result"]["causes"] for link in c["next_steps"]]
    assert not [path for path in links if path.startswith("calculators/energy")], links
    html = page_reply("checkup", {"symptoms": [code], **extra})["answer"]
    assert "calculators/energy" not in html


def test_no_help_line_named_anywhere_is_the_closed_neda_line() -> None:
    texts = [p.read_text(encoding="utf-8") for p in (REPO_ROOT / "docs").rglob("*.md")]
    texts += [p.read_text(encoding="utf-8") for p in (REPO_ROOT / "calculators/src").rglob("*.py")]
    assert not [t for t in texts if re.search(r"\bNEDA\b(?! \(US\) closed)", t)]


@pytest.mark.parametrize(
    ("weight", "unit"),
    [(w, "kg") for w in (45, 50.5, 61, 65, 70, 71, 73, 77, 80.3, 95, 120, 150)]
    + [(w, "lb") for w in (110, 143, 161, 176.4, 199, 250, 301)],
)
def test_the_protein_calculators_keep_muscle_target_is_never_a_likely_cause(
    weight: float, unit: str
) -> None:
    target = call("protein", {"weight": weight, "weight_unit": unit, "goal": "maintain"})
    grams = target["result"]["daily_grams"]["target"]
    reply = call("checkup", {"weight": weight, "weight_unit": unit, "protein_grams": grams})
    found = [c for c in reply["result"]["causes"] if c["cause"] == "too-little-protein"]
    assert [c["likelihood"] for c in found] in ([], ["possible"]), (grams, found)


def test_protein_under_the_keep_muscle_band_is_likely() -> None:
    reply = call("checkup", {"weight": 80, "protein_grams": 90})  # 1.125 g/kg < 1.2
    assert reply["result"]["causes"][0]["likelihood"] == "likely"


def test_a_slow_loss_is_called_below_the_band_not_within_it() -> None:
    # 0.23 kg of 100 kg = 0.23 % a week, under 0.5 %
    reply = call("checkup", {"weight": 100, "weight_change_per_week": -0.23})
    reason = _first_reasons(reply, "too-little-energy")[0]
    assert "below the 0.5-1 % a week" in reason
    assert "within" not in reason


def test_a_loss_inside_the_band_is_called_within_it() -> None:
    reply = call("checkup", {"weight": 100, "weight_change_per_week": -0.7})
    assert "within the 0.5-1 % a week" in _first_reasons(reply, "too-little-energy")[0]


def test_one_month_is_singular() -> None:
    reasons = _first_reasons(call("checkup", {"months_training": 1}), "patience-and-timelines")
    assert "trained for 1 month;" in reasons[0]
    assert "1 months" not in reasons[0]


def test_sleep_just_under_the_line_is_not_written_as_the_line() -> None:
    reason = _first_reasons(call("checkup", {"sleep_hours": 6.96}), "poor-sleep")[0]
    assert "about 6.96 hours" in reason
    assert "about 7 hours" not in reason


def test_next_steps_never_carry_a_goal_the_reader_did_not_give() -> None:
    reply = call(
        "checkup",
        {"weight": 70, "weight_change_per_week": -0.5, "protein_grams": 80, "age": 30},
    )
    links = [link["path"] for c in reply["result"]["causes"] for link in c["next_steps"]]
    assert any(path.startswith("calculators/energy/") for path in links)
    assert not [path for path in links if "goal=" in path], links


def test_one_hormone_sign_already_means_a_doctor_in_the_cause_text_too() -> None:
    reply = call("checkup", {"symptoms": ["weight_loss"]})
    assert reply["result"]["triage"]["level"] == "routine"
    summary = _first_reasons(reply, "hormones")[0]
    assert "One is enough to book a doctor's appointment" in summary
    assert "with 2 or more, a doctor's blood test is worth booking" not in summary


# -- issue 25: a decisive ranking -------------------------------------------------------------------


def _likely(reply: dict[str, Any]) -> list[str]:
    return [c["cause"] for c in reply["result"]["causes"] if c["likelihood"] == "likely"]


@pytest.mark.parametrize(
    "payload",
    [e.payload for e in CHECKUP] + [CHECKUP_TYPICAL],
    ids=[e.id for e in CHECKUP] + ["typical"],
)
def test_at_most_three_causes_are_likely(payload: dict[str, Any]) -> None:
    reply = call("checkup", payload)
    if reply["ok"]:
        assert len(_likely(reply)) <= MAX_LIKELY == 3


def test_a_typical_reader_gets_three_likely_causes_one_to_start_with_and_the_rest_possible() -> (
    None
):
    reply = call("checkup", CHECKUP_TYPICAL)
    found = reply["result"]["causes"]
    assert len(found) == 8
    assert [c["likelihood"] for c in found] == ["likely"] * 3 + ["possible"] * 5
    ranked = reply["display"]["ranked"]
    assert [item["badge"] for item in ranked["items"]] == ["Start here", "Likely", "Likely"]
    assert [item["title"] for item in ranked["items"]] == [c["title"] for c in found[:3]]
    assert ranked["also_heading"] == "Also possible"
    assert [item["badge"] for item in ranked["also"]] == ["Possible"] * 5
    assert [item["title"] for item in ranked["also"]] == [c["title"] for c in found[3:]]
    why = reply["result"]["start_here"]
    assert ranked["lead"] == f"Start here: {found[0]['title'].lower()}. {why}"
    assert why.endswith(".") and len(why) > 30
    html = page_reply("checkup", CHECKUP_TYPICAL)["answer"]
    assert html.count('<span class="mc-badge">Start here</span>') == 1
    assert html.index("Start here: ") < html.index("Also possible") < html.index(found[3]["title"])


def test_a_likely_cause_past_the_third_keeps_its_reasons_under_also_possible() -> None:
    uncapped = call("checkup", CHECKUP_TYPICAL)["result"]["causes"][3:]
    demoted = [c for c in uncapped if c["cause"] in {"too-little-protein", "poor-sleep"}]
    assert demoted, uncapped
    assert all(c["likelihood"] == "possible" and c["reasons"] for c in demoted)


def test_equal_fits_go_to_the_stronger_evidence_not_to_the_order_of_the_list() -> None:
    # Both fit with strength 1 and are possible; same-routine comes first in the table, but
    # measurement illusions has the stronger evidence (moderate, against weak).
    reply = call("checkup", {"same_exercises": "yes", "measured": "no"})
    assert causes(reply) == ["measurement-illusions", "same-routine"]
    assert "evidence for it is stronger (moderate, against weak)" in reply["result"]["start_here"]


def test_equal_fit_and_evidence_go_to_the_overview_order_and_the_answer_says_so() -> None:
    reply = call("checkup", {"same_exercises": "yes", "stress": "high"})  # both weak, strength 1
    assert causes(reply) == ["same-routine", "stress-and-cortisol"]
    why = reply["result"]["start_here"]
    assert "as strongly as stress and cortisol, with evidence as strong (weak)" in why
    assert "first in the overview of causes" in why


def test_one_cause_alone_is_where_to_start() -> None:
    reply = call("checkup", {"sleep_hours": 5})
    assert reply["result"]["start_here"] == "It is the only cause that fits your answers."
    assert reply["display"]["ranked"]["also"] == []


def test_a_likely_cause_before_possible_ones_says_why() -> None:
    reply = call("checkup", {"sleep_hours": 5, "same_exercises": "yes"})
    assert causes(reply) == ["poor-sleep", "same-routine"]
    assert reply["result"]["start_here"].startswith("It is likely; the other causes")


def test_the_method_text_states_the_tie_rule() -> None:
    method = call("checkup", {"sleep_hours": 5})["result"]["method"]
    assert RANKING_RULE in method
    assert "At most 3 are called likely" in method
    assert "the one with the stronger evidence comes first" in method
