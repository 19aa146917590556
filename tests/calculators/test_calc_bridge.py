"""The JSON bridge's contract: replies, input reading, forms(), convert() and display."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from typing import Any

import pytest

from musclecalc import _reading, bridge
from musclecalc._chart import Bar, bar_chart
from musclecalc._html import markup_digest
from support.calculators import call
from support.strategies import strict_loads
from support.worked_examples import ALL

SVG_NS = "{http://www.w3.org/2000/svg}"
CHART_CLASSES = {
    "mc-chart",
    "mc-bar",
    "mc-bar--below",
    "mc-bar--productive",
    "mc-bar--high",
    "mc-band",
    "mc-key",
    "mc-axis",
    "mc-grid",
    "mc-label",
    "mc-label--bar",
    "mc-value",
}


SAMPLE_WEEK = next(e for e in ALL if e.id == "volume-sample-week")


def forms_by_name() -> dict[str, dict[str, Any]]:
    return {form["name"]: form for form in strict_loads(bridge.forms())["calculators"]}


def default_payload(form: dict[str, Any]) -> dict[str, Any]:
    """What the page sends before the reader changes anything."""
    return {f["name"]: f["default"] for f in form["fields"] if f["default"] is not None}


# ------------------------------------------------------------------------------- replies


@pytest.mark.parametrize(
    ("name", "payload", "message"),
    [
        ("protein", "{not json", "not valid JSON"),
        ("protein", "", "not valid JSON"),
        ("protein", '{"weight": NaN}', "not valid JSON"),
        ("protein", '{"weight": Infinity}', "not valid JSON"),
        ("protein", "[70]", "JSON object"),
        ("protein", '"70"', "JSON object"),
        ("protein", "null", "JSON object"),
        (
            "biceps",
            "{}",
            'There is no calculator called "biceps". Choose protein, energy, volume, volume-quick, checkup or progress.',
        ),
        ("<script>", "{}", "There is no calculator with that name."),
        ("", "{}", "There is no calculator with that name."),
    ],
)
def test_problems_without_a_field_use_the_underscore_key(name, payload, message) -> None:
    reply = strict_loads(bridge.run(name, payload))
    assert reply == {"ok": False, "errors": {"_": reply["errors"]["_"]}}
    assert message in reply["errors"]["_"]


@pytest.mark.parametrize("payload", [{"weight": "80"}, {"weight": "80", "weight_unit": "lb"}])
def test_an_answer_carries_the_digest_of_its_markup(payload: dict[str, Any]) -> None:
    """The page leaves the build's worked answer in place when the live answer's digest is the
    one the build wrote (`data-rendered`); any change to the markup changes the digest."""
    reply = json.loads(bridge.run("protein", json.dumps(payload), "../../"))
    assert reply["digest"] == markup_digest(reply["answer"], reply["details"])
    assert re.fullmatch(r"[0-9a-f]{16}", reply["digest"])
    other = json.loads(bridge.run("protein", json.dumps({**payload, "weight": "95"}), "../../"))
    assert other["digest"] != reply["digest"]


def test_non_text_arguments_do_not_raise() -> None:
    for name, payload in [(None, "{}"), ("protein", None), ("protein", {"weight": 70}), (3, b"{}")]:
        reply = strict_loads(bridge.run(name, payload))  # wrong types, on purpose
        assert reply["ok"] is False and reply["errors"]


def test_deeply_nested_json_does_not_raise() -> None:
    reply = strict_loads(bridge.run("protein", "[" * 100_000 + "]" * 100_000))
    assert reply["ok"] is False


def test_a_huge_integer_is_out_of_range_not_a_crash() -> None:
    reply = strict_loads(bridge.run("protein", '{"weight": ' + "9" * 400 + "}"))
    assert reply["errors"] == {"weight": "Enter a body weight between 30 and 300 kg."}


@pytest.mark.parametrize(
    ("value", "accepted"),
    [
        (80, 80),
        (80.5, 80.5),
        ("80", 80),
        (" 80.5 ", 80.5),
        ("80,5", 80.5),
        ("8e1", 80),
        ("+80", 80),
        ("80.", 80),
        (True, None),
        (False, None),
        ([80], None),
        ({"v": 80}, None),
        ("nan", None),
        ("inf", None),
        ("1e308", None),
        ("eighty", None),
        ("1_000", None),
        ("٨٠", None),
        (
            "80 kg",
            80,
        ),  # a unit typed with the number is read (tests/calculators/test_calc_input_units.py)
        ("80 st", None),
        ("-80", None),
        (0, None),
    ],
)
def test_how_numbers_are_read(value, accepted) -> None:
    reply = call("protein", {"weight": value, "goal": "maintain"})
    if accepted is None:
        assert reply["ok"] is False and "weight" in reply["errors"]
    else:
        # maintain target = 1.4 g/kg; the weight read must be `accepted`
        assert reply["result"]["daily_grams"]["target"] == round(1.4 * accepted)


def test_null_and_blank_mean_not_given() -> None:
    for blank in (None, "", "   "):
        reply = call("protein", {"weight": 70, "meals": blank, "goal": blank, "age": blank})
        assert reply["ok"] is True
        assert reply["result"]["meals"] == 4 and reply["result"]["goal"] == "build"


def test_unknown_extra_keys_are_ignored() -> None:
    plain = call("protein", {"weight": 70})
    extra = call("protein", {"weight": 70, "colour": "red", "weight_kg": 1000, "": None})
    assert plain == extra


def test_choices_are_case_and_space_tolerant() -> None:
    a = call(
        "energy",
        {
            "sex": " Male ",
            "age": 30,
            "height": 180,
            "weight": 80,
            "activity": "VERY",
            "weight_unit": "KG",
        },
    )
    assert a["ok"] is True and a["result"]["activity"] == "very"


# --------------------------------------------------------------------------------- forms


def test_forms_lists_the_three_calculators_with_titles_and_summaries() -> None:
    forms = strict_loads(bridge.forms())
    assert [f["name"] for f in forms["calculators"]] == [
        "protein",
        "energy",
        "volume",
        "volume-quick",
        "checkup",
        "progress",
    ]
    for form in forms["calculators"]:
        assert form["title"] and form["summary"].endswith(".")
        assert len({f["name"] for f in form["fields"]}) == len(form["fields"])


def test_protein_form_matches_the_documented_shape() -> None:
    fields = {f["name"]: f for f in forms_by_name()["protein"]["fields"]}
    assert list(fields) == [
        "weight",
        "weight_unit",
        "goal",
        "meals",
        "age",
        "body_fat_percent",
    ]
    assert fields["weight"] == {
        "name": "weight",
        "label": "Body weight",
        "kind": "number",
        "required": True,
        "default": 70,
        "min": 30,
        "max": 300,
        "step": 0.1,
        "unit_field": "weight_unit",
        "help": fields["weight"]["help"],
    }
    assert fields["weight_unit"]["for"] == "weight"
    assert fields["weight_unit"]["choices"] == [
        {"value": "kg", "label": "kg", "min": 30, "max": 300, "step": 0.1},
        {"value": "lb", "label": "lb", "min": 66, "max": 660, "step": 0.1},
    ]
    assert fields["age"]["required"] is False and fields["age"]["default"] is None
    assert "unit_field" not in fields["age"] and "years" in fields["age"]["label"]
    assert fields["meals"]["default"] == 4
    # One goal vocabulary across calculators ("lose"); links made with "cut" still open.
    assert [c["value"] for c in fields["goal"]["choices"]] == ["maintain", "build", "lose"]
    assert call("protein", {"weight": 70, "goal": "cut"})["result"]["goal"] == "lose"


def test_volume_form_has_an_entries_field_with_a_sample_week() -> None:
    entries = forms_by_name()["volume"]["fields"][0]
    assert entries["kind"] == "entries"
    assert (entries["min_items"], entries["max_items"]) == (1, 66)  # 33 exercises, twice
    assert 3 <= len(entries["default"]) <= 4
    sub = {f["name"]: f for f in entries["fields"]}
    assert list(sub) == ["exercise", "sets", "sessions"]
    assert (sub["sets"]["min"], sub["sets"]["max"], sub["sets"]["step"]) == (1, 20, 1)
    assert (sub["sessions"]["min"], sub["sessions"]["max"], sub["sessions"]["step"]) == (1, 7, 1)
    assert len(sub["exercise"]["choices"]) >= 20


@pytest.mark.parametrize("name", ["protein", "energy", "volume"])
def test_form_defaults_give_a_result(name) -> None:
    reply = call(name, default_payload(forms_by_name()[name]))
    assert reply["ok"] is True, reply


@pytest.mark.parametrize("name", ["protein", "energy", "volume"])
def test_every_field_in_forms_is_read_by_run(name) -> None:
    form = forms_by_name()[name]
    defaults = default_payload(form)
    junk = {
        "number": "not a number",
        "choice": "no such choice",
        "unit": "furlongs",
        "entries": "not a list",
    }
    for field in form["fields"]:
        reply = call(name, {**defaults, field["name"]: junk[field["kind"]]})
        assert reply["ok"] is False and field["name"] in reply["errors"], field["name"]
        if field["kind"] == "number":
            # the same field, as text typed in a browser, is accepted
            typed = str(field["default"] if field["default"] is not None else field["min"])
            assert call(name, {**defaults, field["name"]: typed})["ok"] is True


@pytest.mark.parametrize("name", ["protein", "energy"])
def test_unit_choice_bounds_are_the_bounds_that_validation_uses(name) -> None:
    form = forms_by_name()[name]
    defaults = default_payload(form)
    for unit_field in (f for f in form["fields"] if f["kind"] == "unit"):
        number = unit_field["for"]
        for choice in unit_field["choices"]:
            base = {**defaults, unit_field["name"]: choice["value"]}
            for inside in (choice["min"], choice["max"]):
                assert call(name, {**base, number: inside})["ok"] is True
            for outside in (choice["min"] - choice["step"], choice["max"] + choice["step"]):
                error = call(name, {**base, number: outside})["errors"][number]
                assert f"between {choice['min']} and {choice['max']} {choice['value']}" in error


def test_number_field_bounds_equal_the_default_unit_choice() -> None:
    for form in forms_by_name().values():
        fields = {f["name"]: f for f in form["fields"]}
        for f in fields.values():
            if f["kind"] == "number" and "unit_field" in f:
                unit = fields[f["unit_field"]]
                default = next(c for c in unit["choices"] if c["value"] == unit["default"])
                assert (f["min"], f["max"], f["step"]) == (
                    default["min"],
                    default["max"],
                    default["step"],
                )


# ------------------------------------------------------------------------------- convert


@pytest.mark.parametrize(
    ("payload", "value", "text"),
    [
        ({"value": "80", "from": "kg", "to": "lb"}, 176.4, "176.4"),  # 80 / 0.45359237 = 176.37
        ({"value": 176.4, "from": "lb", "to": "kg"}, 80.0, "80"),  # 176.4 * 0.45359237 = 80.014
        ({"value": "70", "from": "in", "to": "cm"}, 177.8, "177.8"),  # 70 * 2.54
        ({"value": "177,8", "from": "cm", "to": "in"}, 70.0, "70"),
        ({"value": "165", "from": "cm", "to": "in"}, 65.0, "65"),  # 165 / 2.54 = 64.96
        ({"value": "70", "from": "kg", "to": "kg"}, 70.0, "70"),
    ],
)
def test_convert(payload, value, text) -> None:
    assert strict_loads(bridge.convert(json.dumps(payload))) == {
        "ok": True,
        "value": value,
        "text": text,
    }


@pytest.mark.parametrize(
    ("payload", "keys"),
    [
        ('{"value": "abc", "from": "kg", "to": "lb"}', {"value"}),
        ('{"value": "", "from": "kg", "to": "lb"}', {"value"}),
        ('{"value": true, "from": "kg", "to": "lb"}', {"value"}),
        ('{"value": "1e999", "from": "kg", "to": "lb"}', {"value"}),
        ('{"value": 1e308, "from": "kg", "to": "lb"}', {"value"}),
        ('{"value": 80, "from": "kg", "to": "cm"}', {"to"}),
        ('{"value": 80, "from": "st", "to": 3}', {"from", "to"}),
        ("[1, 2]", {"_"}),
        ("nonsense", {"_"}),
    ],
)
def test_convert_errors(payload, keys) -> None:
    reply = strict_loads(bridge.convert(payload))
    assert reply["ok"] is False and set(reply["errors"]) == keys


# ------------------------------------------------------------------------------- display


def assert_safe_svg(svg: str, chart_id: str) -> ET.Element:
    root = ET.fromstring(svg)  # well-formed XML or this raises
    assert root.tag == f"{SVG_NS}svg"
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == f"{chart_id}-title"
    assert root.get("viewBox")
    title = root.find(f"{SVG_NS}title")
    assert title is not None and title.get("id") == f"{chart_id}-title" and title.text
    for element in root.iter():
        tag = element.tag.removeprefix(SVG_NS)
        assert tag in {"svg", "title", "desc", "rect", "line", "text"}, tag
        for attribute in element.attrib:
            assert attribute in {
                "viewBox",
                "role",
                "aria-labelledby",
                "aria-describedby",
                "id",
                "class",
                "x",
                "y",
                "x1",
                "y1",
                "x2",
                "y2",
                "width",
                "height",
                "text-anchor",
            }, attribute
        if "class" in element.attrib:
            assert set(element.get("class", "").split()) <= CHART_CLASSES
    for forbidden in ("style", "fill", "stroke", "font", "script", "href", "url(", "#"):
        assert forbidden not in svg, forbidden
    return root


def test_every_worked_example_has_the_display_shape() -> None:
    for example in ALL:
        display = call(example.calculator, example.payload)["display"]
        assert list(display) == [
            "summary",
            "facts",
            "table",
            "chart",
            "warnings",
            "notes",
            "method",
            "sources",
            "alert",
            "ranked",
            "figures",
            "handout",
        ]
        assert display["summary"].endswith(".")
        assert all(set(f) == {"label", "value"} and f["value"] for f in display["facts"])
        assert all(re.search(r"doi:10\.\d+/", s) for s in display["sources"])
        if display["table"] is not None:
            table = display["table"]
            assert all(len(row) == len(table["columns"]) for row in table["rows"])


def test_volume_chart_has_one_bar_per_muscle_and_the_band() -> None:
    reply = call("volume", SAMPLE_WEEK.payload)
    svg = reply["display"]["chart"]["svg"]
    root = assert_safe_svg(svg, "mc-volume-chart")
    rects = [r.get("class", "").split() for r in root.iter(f"{SVG_NS}rect")]
    bars = [r for r in root.iter(f"{SVG_NS}rect") if r.get("class", "").split()[:1] == ["mc-bar"]]
    bars = [b for b in bars if "mc-key" not in b.get("class", "")]
    assert len(bars) == len(reply["result"]["muscles"])
    statuses = [b.get("class", "").split()[1] for b in bars]
    assert statuses == [f"mc-bar--{m['status']}" for m in reply["result"]["muscles"]]
    # the range is shaded behind every bar, and the legend keys every status and the range
    assert rects.count(["mc-band"]) == len(bars)
    keys = [c for c in rects if "mc-key" in c]
    assert {c[1] for c in keys if c[0] == "mc-bar"} == {
        "mc-bar--below",
        "mc-bar--productive",
        "mc-bar--high",
    }
    assert ["mc-band", "mc-key"] in keys
    # a longer bar for more sets: glutes (18) is longer than quads (6)
    widths = {
        m["muscle"]: float(b.get("width", "0"))
        for m, b in zip(reply["result"]["muscles"], bars, strict=True)
    }
    assert widths["glutes"] == pytest.approx(3 * widths["quads"])
    assert "Glutes 18 (in range)" in reply["display"]["chart"]["description"]


def test_energy_chart_shows_bmr_tdee_and_target() -> None:
    reply = call("energy", {"sex": "male", "age": 40, "height": 180, "weight": 80})
    root = assert_safe_svg(reply["display"]["chart"]["svg"], "mc-energy-chart")
    labels = [t.text for t in root.iter(f"{SVG_NS}text") if "mc-label" in t.get("class", "")]
    assert {"BMR", "TDEE", "Target"} <= set(labels)


def test_protein_has_no_chart() -> None:
    assert call("protein", {"weight": 70})["display"]["chart"] is None


def test_output_is_reproducible() -> None:
    payload = json.dumps(SAMPLE_WEEK.payload)
    assert bridge.run("volume", payload) == bridge.run("volume", payload)


def test_chart_escapes_text() -> None:
    nasty = "A <b>&amp; \"quoted\" 'x' </svg><script>alert(1)</script>\x00"
    svg = bar_chart("mc-test", nasty, nasty, [Bar(nasty, 3, nasty)], axis_label=nasty)
    root = ET.fromstring(svg)
    texts = [t.text for t in root.iter(f"{SVG_NS}text")]
    assert nasty.replace("\x00", "") in texts
    assert not list(root.iter(f"{SVG_NS}script"))
    with pytest.raises(ValueError, match="chart ids are"):
        bar_chart('x" onload="', "t", "d", [], axis_label="n")


def test_a_long_form_comes_in_headed_groups_that_start_at_its_fields() -> None:
    checkup = forms_by_name()["checkup"]
    names = [f["name"] for f in checkup["fields"]]
    firsts = [group["first"] for group in checkup["groups"]]
    assert [group["title"] for group in checkup["groups"]] == [
        "Your training",
        "Food and body",
        "Sleep",
        "More detail, for a sharper answer (optional)",
    ]
    assert [group["folded"] for group in checkup["groups"]] == [False, False, False, True]
    assert [names.index(first) for first in firsts] == sorted(names.index(f) for f in firsts)
    assert forms_by_name()["protein"]["groups"] == []
    from musclecalc._checkup import CHECKUP_FORM

    with pytest.raises(ValueError, match="groups must start at fields"):
        replace(CHECKUP_FORM, groups=(("sleep_hours", "Late"), ("weight", "Early")))
    with pytest.raises(ValueError, match="groups must start at fields"):
        replace(CHECKUP_FORM, groups=(("no_such_field", "Nowhere"),))
    with pytest.raises(ValueError, match="only a group can be folded"):
        replace(CHECKUP_FORM, folded=("weekly_hard_sets",))


def test_the_self_checks_open_part_asks_at_most_8_questions() -> None:
    """Phone first (issue 25): the questions outside the folded group, a number with its unit
    and a direction with its amount each counted once, are 8 or fewer."""
    from musclecalc._checkup import CHECKUP_FORM
    from musclecalc._fields import ChecklistField, NumberField, UnitField

    names = [f.name for f in CHECKUP_FORM.fields]
    folded_from = names.index(CHECKUP_FORM.folded[0])
    signed = {
        f.signed_by for f in CHECKUP_FORM.fields if isinstance(f, NumberField) and f.signed_by
    }
    core = [
        f
        for f in CHECKUP_FORM.fields[:folded_from]
        if not isinstance(f, (ChecklistField, UnitField)) and f.name not in signed
    ]
    assert 5 <= len(core) <= 8, [f.name for f in core]
    assert CHECKUP_FORM.folded == (CHECKUP_FORM.groups[-1][0],)  # only the last group folds


# -- issue 26: one edit parses the JSON once and checks the form once ------------------------------


@pytest.mark.parametrize(
    ("name", "payload"),
    [
        ("protein", {"weight": "154 lb", "weight_unit": "kg", "goal": "build"}),
        ("energy", {"sex": "female", "age": 30, "weight": "60kg", "height": 165}),
        ("volume", {"entries": [{"exercise": "hip_thrust", "sets": "3", "sessions": "2"}]}),
        ("checkup", {"weight": "80 kg", "protein_grams": 90, "sleep_hours": 6}),
        ("protein", {"weight": "heavy"}),
    ],
)
def test_a_page_call_parses_the_json_once_and_checks_the_form_once(
    monkeypatch: pytest.MonkeyPatch, name: str, payload: dict[str, Any]
) -> None:
    counts = {"parse": 0, "check": 0}
    parse, check = json.loads, _reading.read_values

    def counted_parse(*args: Any, **kwargs: Any) -> Any:
        counts["parse"] += 1
        return parse(*args, **kwargs)

    def counted_check(*args: Any, **kwargs: Any) -> Any:
        counts["check"] += 1
        return check(*args, **kwargs)

    text = json.dumps(payload)
    monkeypatch.setattr(json, "loads", counted_parse)
    monkeypatch.setattr(_reading, "read_values", counted_check)
    reply = bridge.run(name, text)
    monkeypatch.undo()
    assert strict_loads(reply)["ok"] is (name != "protein" or "heavy" not in text)
    assert counts == {"parse": 1, "check": 1}
