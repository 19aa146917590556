"""The unit fields the page remembers are written twice, by necessity: in unit-memory.mjs (the
page's storage glue) and in sitebuild.calculator_notes (the line that tells the reader). Both
lists must name the same fields, and each must be a real unit choice of some calculator."""

from __future__ import annotations

import json
import subprocess

from musclecalc import bridge
from sitebuild.calculator_notes import REMEMBERED_UNITS
from support.calculators import REPO_ROOT

MODULE = REPO_ROOT / "docs" / "assets" / "javascripts" / "unit-memory.mjs"


def remembered_in_javascript() -> dict[str, str]:
    """unit-memory.mjs's REMEMBERED (field name to quantity), read by Node from the module."""
    done = subprocess.run(
        [
            "node",
            "--input-type=module",
            "-e",
            f"const m = await import({json.dumps(MODULE.as_uri())});"
            " console.log(JSON.stringify(m.REMEMBERED));",
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    )
    remembered: dict[str, str] = json.loads(done.stdout)
    return remembered


def test_the_page_and_the_build_remember_the_same_unit_fields() -> None:
    assert sorted(remembered_in_javascript()) == sorted(REMEMBERED_UNITS)


def test_each_remembered_field_is_a_unit_choice_of_some_calculator_in_its_quantity() -> None:
    units = {"weight": {"kg", "lb"}, "length": {"cm", "in"}}
    found: dict[str, set[str]] = {}
    for form in json.loads(bridge.forms())["calculators"]:
        for field in form["fields"]:
            if field["name"] in REMEMBERED_UNITS and field.get("choices"):
                found.setdefault(field["name"], set()).update(c["value"] for c in field["choices"])
    assert set(found) == set(REMEMBERED_UNITS)
    for name, quantity in remembered_in_javascript().items():
        assert found[name] == units[quantity], name
