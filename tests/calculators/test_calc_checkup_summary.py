"""The self-check's "Take this to your doctor" summary (issue 25): exactly the signs ticked and
the questions answered, the answer's own level and causes, the same lines as HTML and as plain
text, and no crash whatever the page sends."""

from __future__ import annotations

import datetime
import json
from html.parser import HTMLParser
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from musclecalc import bridge
from musclecalc._checkup import CHECKUP, CHECKUP_FORM
from musclecalc._checkup_answers import NOT_SURE
from musclecalc._checkup_handout import (
    ANSWERS_HEADING,
    CAUSES_HEADING,
    LEVEL_HEADING,
    NO_ANSWERS,
    NO_SIGNS,
    SIGNS_HEADING,
)
from musclecalc._fields import ChoiceField, NumberField
from musclecalc._handout import EXAMPLE_LINE, Handout, Stamp, handout_text
from musclecalc._html import COMPACT_PRINT_LINES, render_handout
from musclecalc._warning_signs import SIGNS
from support.strategies import LEAN, field_values

ADDRESS = "https://example.org/muscle/checkup/"
TODAY = datetime.date(2026, 12, 4)
#: Answers to eight of the questions, each in a different kind of field.
ANSWERED = {
    "months_training": "18",
    "progression": "no",
    "weight": "180",
    "weight_unit": "lb",
    "protein_grams": "90",
    "weight_trend": "losing",
    "weight_change_per_week": "1.5",
    "sleep_hours": "6.5",
    "stress": "moderate",
}
ANSWERED_LINES = (
    "Months of regular strength training: 18 months",
    "Have your weights or reps gone up in the last 3 months? No",
    "Body weight: 180 lb",
    "Protein a day (g): 90 g",
    "Your weight over the last few weeks: Losing weight",
    "How much a week (same unit as your weight): 1.5 lb a week",
    "Sleep a night (hours): 6.5 hours",
    "Stress in the last few weeks: Moderate",
)


def handout_of(payload: dict[str, Any]) -> Handout:
    handout = CHECKUP.run(payload)[1].handout
    assert handout is not None
    return handout


def section(handout: Handout, heading: str) -> tuple[str, ...]:
    return next(s.items for s in handout.sections if s.heading == heading)


@pytest.mark.parametrize("code", sorted(SIGNS))
def test_one_ticked_sign_is_listed_in_the_forms_words_and_no_other(code: str) -> None:
    handout = handout_of({"symptoms": [code]})
    assert section(handout, SIGNS_HEADING) == (SIGNS[code].label,)
    text = handout_text(handout, Stamp(TODAY, ADDRESS))
    others = [s.label for c, s in SIGNS.items() if c != code]
    assert [label for label in others if label in text] == []


def test_several_signs_are_listed_in_the_forms_order_and_none_says_so_in_one_line() -> None:
    codes = ["weight_loss", "saddle_numbness", "statin_pain"]
    listed = section(handout_of({"symptoms": codes}), SIGNS_HEADING)
    assert listed == tuple(s.label for c, s in SIGNS.items() if c in codes)
    assert section(handout_of({"sleep_hours": "7"}), SIGNS_HEADING) == (NO_SIGNS,)


def test_answered_questions_are_listed_with_label_value_and_unit_and_nothing_else() -> None:
    assert section(handout_of(ANSWERED), ANSWERS_HEADING) == ANSWERED_LINES


def test_blank_and_not_sure_answers_are_left_out() -> None:
    blank: dict[str, Any] = {}
    for field in CHECKUP_FORM.fields:
        if isinstance(field, NumberField):
            blank[field.name] = ""
        elif isinstance(field, ChoiceField):
            blank[field.name] = NOT_SURE
    handout = handout_of({**blank, "symptoms": []})
    assert section(handout, ANSWERS_HEADING) == (NO_ANSWERS,)
    # One answer among the blanks: only it is listed.
    assert section(handout_of({**blank, "sleep_hours": "5"}), ANSWERS_HEADING) == (
        "Sleep a night (hours): 5 hours",
    )


@pytest.mark.parametrize(
    "payload",
    [
        {"symptoms": ["both_legs"], "sleep_hours": "5"},
        {"symptoms": ["fever_weakness"]},
        {"symptoms": ["falls"], "protein_grams": "60", "weight": "80"},
        {"sleep_hours": "5", "stress": "high"},
        {},
    ],
)
def test_level_and_causes_are_the_answers_own(payload: dict[str, Any]) -> None:
    result, display = CHECKUP.run(payload)
    handout = handout_of(payload)
    level = section(handout, LEVEL_HEADING)
    assert level[0] == f"{_alert_title(display, result)} (level: {result.triage.level})"
    if display.alert is not None:
        assert display.alert.action in level[1]
        assert display.alert.level == result.triage.level
    causes = section(handout, CAUSES_HEADING)
    if result.causes:
        assert causes == tuple(f"{c.title} ({c.likelihood})" for c in result.causes)
    else:
        assert len(causes) == 1


def _alert_title(display: Any, result: Any) -> str:
    if display.alert is not None:
        return str(display.alert.title)
    assert not result.answered  # only an empty form has no alert on show
    return "No warning signs ticked"


class _Lines(HTMLParser):
    """The summary's HTML read back as the lines its plain text should have."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []
        self.text = ""
        self.numbered: list[int] = []
        self.data_text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "section":
            self.data_text = dict(attrs).get("data-text") or ""
        if tag == "ol":
            self.numbered.append(0)
        if tag == "h3":
            self.lines.append("")
        if tag in ("h2", "h3", "p"):
            self.text = ""
        if tag == "li":
            if self.numbered:
                self.numbered[-1] += 1
                self.text = f"{self.numbered[-1]}. "
            else:
                self.text = "- "

    def handle_endtag(self, tag: str) -> None:
        if tag == "ol":
            self.numbered.pop()
        if tag in ("h2", "h3", "p", "li"):
            self.lines.append(self.text)
            self.text = ""

    def handle_data(self, data: str) -> None:
        self.text += data


@pytest.mark.parametrize("stamp", [Stamp(TODAY, ADDRESS), Stamp()])
@pytest.mark.parametrize(
    "payload", [ANSWERED, {"symptoms": ["saddle_numbness", "falls"], "stress": "high"}, {}]
)
def test_plain_text_and_html_say_the_same_lines(payload: dict[str, Any], stamp: Stamp) -> None:
    handout = handout_of(payload)
    text = handout_text(handout, stamp)
    reader = _Lines()
    reader.feed(render_handout(handout, stamp))
    read = reader.lines
    # The plain text has a blank line before the closing address line where the HTML has none.
    expected = text.split("\n")
    blank_before_from = len(expected) - 3
    assert expected[blank_before_from] == ""
    assert read == expected[:blank_before_from] + expected[blank_before_from + 1 :]
    assert reader.data_text == text


def test_the_live_reply_is_dated_today_and_names_the_address_the_build_is_not_dated() -> None:
    payload = json.dumps({"symptoms": ["falls"]})
    reply = json.loads(bridge.run("checkup", payload, "../", ADDRESS))
    today = datetime.date.today()
    assert f"Made on {today.day} " in reply["details"] and str(today.year) in reply["details"]
    assert f'href="{ADDRESS}"' in reply["details"]
    worked = render_handout(handout_of({"symptoms": ["falls"]}), Stamp(None, ADDRESS))
    assert EXAMPLE_LINE in worked and "Made on" not in worked


@pytest.mark.parametrize("ticked", [0, 20, 22, 23, 27])
def test_only_a_summary_too_long_for_one_page_at_the_usual_size_prints_smaller(
    ticked: int,
) -> None:
    """Eight questions answered make 28 lines with no sign ticked and 56 with all 27. Past
    COMPACT_PRINT_LINES (50) the summary asks for the smaller print type (site.css), which
    tests/site/test_checkup_summary.py prints to one A4 page."""
    payload = {**ANSWERED, "symptoms": sorted(SIGNS)[:ticked]}
    handout = handout_of(payload)
    lines = len(handout_text(handout, Stamp(TODAY, ADDRESS)).splitlines())
    html = render_handout(handout, Stamp(TODAY, ADDRESS))
    assert ('<section class="mc-handout" data-print="compact"' in html) == (
        lines > COMPACT_PRINT_LINES
    )
    if ticked in (0, 27):  # the shortest usual size, the longest smaller
        assert ("data-print" in html) is (ticked == 27)


checkup_payloads = st.fixed_dictionaries(
    {},
    optional={
        "symptoms": st.lists(st.sampled_from(sorted(SIGNS)) | st.text(max_size=8), max_size=4)
        | field_values,
        **{
            field.name: field_values | st.sampled_from([o.value for o in field.options])
            for field in CHECKUP_FORM.fields
            if isinstance(field, ChoiceField)
        },
        **{
            field.name: field_values
            for field in CHECKUP_FORM.fields
            if isinstance(field, NumberField)
        },
    },
)


@LEAN
@given(payload=checkup_payloads, address=field_values)
def test_bad_input_never_crashes_and_an_answer_always_carries_its_summary(
    payload: dict[str, Any], address: Any
) -> None:
    reply = json.loads(bridge.run("checkup", json.dumps(payload), "", address))
    if reply["ok"]:
        assert reply["details"].count('<section class="mc-handout"') == 1
    else:
        assert reply["errors"] and all(isinstance(m, str) for m in reply["errors"].values())
