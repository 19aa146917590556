"""Whatever the page sends, the bridge answers with valid JSON and never raises."""

from __future__ import annotations

import json
import math
import re
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from musclecalc import bridge
from support.strategies import (
    LEAN,
    energy_payloads,
    form_payloads,
    json_values,
    protein_payloads,
    strict_loads,
    volume_payloads,
)

FORMS = {form["name"]: form for form in strict_loads(bridge.forms())["calculators"]}
ENTRY_KEY = re.compile(
    r"entries\.(\d+)\.(exercise|sets|sessions|date|hips|waist|thigh|weight|lift_load|lift_reps)"
)
#: Keys only the progress log's replies carry: the log as CSV, and a file's rows after an import.
TEXT_LOG_KEYS = {"csv", "fields"}


def allowed_error_keys(name: str) -> set[str]:
    form = FORMS.get(name)
    return {"_"} | ({f["name"] for f in form["fields"]} if form else set())


def all_numbers_finite(value: Any) -> bool:
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, dict):
        return all(all_numbers_finite(v) for v in value.values())
    if isinstance(value, list):
        return all(all_numbers_finite(v) for v in value)
    return True


def check_reply(name: str, text: str) -> dict[str, Any]:
    """The reply is strict JSON with ok true and a result, or a non-empty errors dict whose
    keys are fields of the form, "_", or entries.N.field."""
    assert isinstance(text, str)
    reply = strict_loads(text)
    assert isinstance(reply, dict) and isinstance(reply["ok"], bool)
    assert all_numbers_finite(reply)
    extra = TEXT_LOG_KEYS if name == "progress" else set()
    if "csv" in reply:
        assert isinstance(reply["csv"], str) and reply["csv"].startswith("date,")
    if reply["ok"] and "answer" in reply:  # bridge.run: what the page shows
        # "fields" only when a value was typed with its unit ("70kg"): what the form now shows
        page = {"ok", "answer", "details", "digest"}
        assert page <= set(reply) - extra <= page | {"fields"}
        assert '<p class="mc-summary">' in reply["answer"] and "mc-method" in reply["details"]
        # The whole result for the same input is as complete as ever.
        return reply
    if reply["ok"]:
        assert set(reply) == {"ok", "result", "display"}
        assert isinstance(reply["result"]["method"], str) and reply["result"]["sources"]
        assert isinstance(reply["display"]["summary"], str)
    else:
        assert set(reply) - extra == {"ok", "errors"}
        errors = reply["errors"]
        assert isinstance(errors, dict) and errors
        allowed = allowed_error_keys(name)
        for key, message in errors.items():
            assert key in allowed or ENTRY_KEY.fullmatch(key), key
            assert isinstance(message, str) and message.endswith(".")
            if match := ENTRY_KEY.fullmatch(key):
                assert int(match.group(1)) < (200 if name == "progress" else 30)
    return reply


names = st.sampled_from(["protein", "energy", "volume", "checkup", "progress"]) | st.text(
    max_size=10
)


@LEAN
@given(names, json_values)
def test_any_json_value(name, value) -> None:
    check_reply(name, bridge.run(name, json.dumps(value)))


@LEAN
@given(names, st.text(max_size=60))
def test_any_text(name, text) -> None:
    check_reply(name, bridge.run(name, text))


@LEAN
@given(protein_payloads)
def test_protein_payloads(payload) -> None:
    check_reply("protein", bridge.run("protein", json.dumps(payload)))


@LEAN
@given(energy_payloads)
def test_energy_payloads(payload) -> None:
    check_reply("energy", bridge.run("energy", json.dumps(payload)))


@LEAN
@given(volume_payloads)
def test_volume_payloads(payload) -> None:
    check_reply("volume", bridge.run("volume", json.dumps(payload)))


@LEAN
@given(json_values)
def test_convert_any_json_value(value) -> None:
    reply = strict_loads(bridge.convert(json.dumps(value)))
    assert isinstance(reply["ok"], bool)
    if reply["ok"]:
        assert math.isfinite(reply["value"]) and isinstance(reply["text"], str)
    else:
        assert reply["errors"] and set(reply["errors"]) <= {"_", "value", "from", "to"}


@LEAN
@given(
    st.fixed_dictionaries(
        {
            "value": st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=8),
            "from": st.sampled_from(["kg", "lb", "cm", "in", "x"]),
            "to": st.sampled_from(["kg", "lb", "cm", "in", "x"]),
        }
    )
)
def test_convert_unit_payloads(payload) -> None:
    reply = strict_loads(bridge.convert(json.dumps(payload)))
    if reply["ok"]:
        assert math.isfinite(reply["value"])
        assert float(reply["text"]) == reply["value"]


@LEAN
@given(st.sampled_from(sorted(FORMS)), st.data())
def test_payloads_built_from_forms(name, data) -> None:
    payload, clean = data.draw(form_payloads(FORMS[name]))
    reply = check_reply(name, bridge.run(name, json.dumps(payload)))
    if clean:
        assert reply["ok"] is True, reply
