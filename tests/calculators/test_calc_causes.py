"""The self-check's table of causes: each row says what it reads and uses, and says it truly.

Each row of ``musclecalc._causes`` names the form fields its rule reads and the thresholds it
compares them with. These tests hold the rows to that: changing any other answer never changes
what a row finds, and a rule's code names no threshold its row leaves out.
"""

from __future__ import annotations

import ast
import functools
import inspect
import json
import random
import textwrap
from typing import Any

import pytest

from musclecalc import InputError, _thresholds
from musclecalc._cause_table import Cause
from musclecalc._causes import CAUSE_TITLES, CAUSES
from musclecalc._checkup import CHECKUP_FORM
from musclecalc._checkup_answers import Answers, read_answers
from musclecalc._evidence import EVIDENCE
from musclecalc._reading import read_form
from musclecalc._thresholds import THRESHOLDS, Threshold
from support.calculators import REPO_ROOT
from support.worked_examples import CHECKUP

#: Values to try for the answers, blank (not given) included: every number and checklist by
#: hand, near the thresholds; a choice the form offers is tried with each of its options.
CHOICES: dict[str, list[Any]] = {
    "symptoms": [
        [],
        ["weight_loss"],
        ["daily_tasks_harder"],
        ["thyroid_signs", "lasting_fatigue"],
        ["periods_stopped"],
        ["food_worries", "no_improvement"],
    ],
    "months_training": ["", 0, 1, 2.5, 6, 24],
    "weekly_hard_sets": ["", 0, 6, 10, 15, 20, 26],
    "weight": ["", 70, 80, 110, 150],
    "protein_grams": ["", 50, 90, 120, 150, 200],
    "weight_change_per_week": ["", -1.5, -0.6, -0.2, 0, 0.4],
    "age": ["", 22, 45, 66, 80],
    "sleep_hours": ["", 4.5, 6.9, 7, 8.5],
    "sitting_hours": ["", 2, 8, 9, 14],
}
VALUES: dict[str, list[Any]] = {
    field.name: CHOICES.get(field.name)
    or [option.value for option in getattr(field, "options", ())]
    for field in CHECKUP_FORM.fields
}
#: Fields that only say how to read another: the weight's unit is also the unit of the weekly
#: change, and a direction chosen beside an amount ("losing") gives the amount its sign.
PART_OF: dict[str, set[str]] = {"weight_unit": {"weight", "weight_change_per_week"}}
for _field in CHECKUP_FORM.fields:
    if getattr(_field, "signed_by", None):
        PART_OF.setdefault(_field.signed_by, set()).add(_field.name)


@functools.cache
def _answers(payload: str) -> Answers | None:
    """The answers in a payload (as JSON text, so it can be cached), or None if the form
    rejects it."""
    try:
        return read_answers(read_form(CHECKUP_FORM, json.loads(payload)))
    except InputError:
        return None


def people() -> list[dict[str, Any]]:
    """The answers of every worked example the form accepts, and 100 made-up people (the same
    ones on every run)."""
    chosen = random.Random(26)
    made = [
        {name: chosen.choice(values) for name, values in VALUES.items() if chosen.random() < 0.7}
        for _ in range(100)
    ]
    return [p for p in [example.payload for example in CHECKUP] + made if valid(p)]


def valid(payload: dict[str, Any]) -> bool:
    return _answers(json.dumps(payload, sort_keys=True)) is not None


PEOPLE = people()


def found(row: Cause, payload: dict[str, Any]) -> object:
    answers = _answers(json.dumps(payload, sort_keys=True))
    assert answers is not None
    return row.rule(answers)


def test_the_rows_are_the_fourteen_cause_pages_each_with_its_grade() -> None:
    pages = {page.stem for page in (REPO_ROOT / "docs" / "causes").glob("*.md")} - {"index"}
    assert len(CAUSES) == 14
    assert set(CAUSE_TITLES) == pages
    assert set(CAUSE_TITLES) == set(EVIDENCE)
    assert all(row.grade is EVIDENCE[row.slug] for row in CAUSES)


def test_every_field_a_row_names_is_a_field_of_the_form_and_every_field_is_tried() -> None:
    fields = {field.name for field in CHECKUP_FORM.fields}
    assert all(len(VALUES[name]) >= 2 for name in fields), VALUES
    assert set(CHOICES) <= fields
    for row in CAUSES:
        assert set(row.reads) <= fields, row.slug


@pytest.mark.parametrize("row", CAUSES, ids=[row.slug for row in CAUSES])
def test_a_row_reads_only_the_answers_it_names(row: Cause) -> None:
    others = [
        name
        for name in VALUES
        if name not in row.reads and not PART_OF.get(name, set()) & set(row.reads)
    ]
    fitted = 0
    assert len(PEOPLE) > 100
    for payload in PEOPLE:
        before = found(row, payload)
        fitted += before is not None
        for name in others:
            for value in VALUES[name]:
                changed = {**payload, name: value}
                if not valid(changed):
                    continue  # a weight in kg out of range in lb: no answer to compare
                assert found(row, changed) == before, (row.slug, name, value, payload)
    assert fitted, f"no test person fits {row.slug}: the check above proved nothing"


def _names_in_body(row: Cause) -> set[str]:
    tree = ast.parse(textwrap.dedent(inspect.getsource(row.rule)))
    function = tree.body[0]
    assert isinstance(function, ast.FunctionDef)
    names: set[str] = set()
    for statement in function.body:  # the body only: the decorator names the row's thresholds
        names |= {node.id for node in ast.walk(statement) if isinstance(node, ast.Name)}
    return names


@pytest.mark.parametrize("row", CAUSES, ids=[row.slug for row in CAUSES])
def test_a_rule_uses_exactly_the_thresholds_its_row_names(row: Cause) -> None:
    used = {
        getattr(_thresholds, name)
        for name in _names_in_body(row)
        if isinstance(getattr(_thresholds, name, None), Threshold)
    }
    assert used == set(row.thresholds), row.slug


def test_every_threshold_is_used_by_some_row() -> None:
    assert {t for row in CAUSES for t in row.thresholds} == set(THRESHOLDS)
