"""The self-check's answers, read once from the form with every unit worked out.

The form lives in :mod:`._checkup`, the rules that read these answers in :mod:`._causes`. An
answer not given is ``None`` (a number) or :data:`NOT_SURE` (a choice); neither is ever
evidence.

>>> from musclecalc._checkup import CHECKUP_FORM
>>> from musclecalc._reading import read_form
>>> a = read_answers(read_form(CHECKUP_FORM, {"weight": "80", "protein_grams": "96"}))
>>> a.protein_per_kg, a.sleep, a.stress, answered(a)
(1.2, None, 'unsure', True)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from ._numbers import format_decimal
from ._reading import Values
from ._units import UNITS, to_base

__all__ = ["NOT_SURE", "Answers", "answered", "read_answers"]

#: The value of every yes/no or choice question that was skipped.
NOT_SURE: Final = "unsure"


@dataclass(frozen=True)
class Answers:
    """The answers, with every unit worked out; ``None`` or ``"unsure"`` when not given.

    Each row of :data:`._causes.CAUSES` names the form fields its rule reads, and a test
    checks that it reads no other.
    """

    symptoms: tuple[str, ...]
    months: float | None
    sets: float | None
    progression: str
    failure: str
    same_exercises: str
    weight_kg: float | None
    weight_text: str | None
    weight_unit: str
    protein: float | None
    change_kg: float | None
    change_text: str | None
    age: float | None
    sleep: float | None
    stress: str
    sitting: float | None
    measured: str
    low_sex_drive: str

    @property
    def protein_per_kg(self) -> float | None:
        """Protein a day per kg of body weight, when both were given."""
        if self.protein is None or self.weight_kg is None:
            return None
        return self.protein / self.weight_kg

    @property
    def loss_percent(self) -> float | None:
        """Weight lost a week as a percentage of body weight (negative when gaining)."""
        if self.change_kg is None or self.weight_kg is None:
            return None
        return -self.change_kg / self.weight_kg * 100


def read_answers(values: Values) -> Answers:
    """The answers in checked form values."""
    unit = values.choice("weight_unit")
    entered_weight = values.entered.get("weight")
    entered_change = values.entered.get("weight_change_per_week")
    symbol = UNITS[unit].symbol
    return Answers(
        symptoms=values.ticked("symptoms"),
        months=values.optional("months_training"),
        sets=values.optional("weekly_hard_sets"),
        progression=values.choice("progression"),
        failure=values.choice("close_to_failure"),
        same_exercises=values.choice("same_exercises"),
        weight_kg=values.optional("weight"),
        weight_text=None
        if entered_weight is None
        else f"{format_decimal(entered_weight, 1)} {symbol}",
        weight_unit=unit,
        protein=values.optional("protein_grams"),
        change_kg=None if entered_change is None else to_base(entered_change, unit),
        change_text=None
        if entered_change is None
        else f"{format_decimal(abs(entered_change), 1)} {symbol}",
        age=values.optional("age"),
        sleep=values.optional("sleep_hours"),
        stress=values.choice("stress"),
        sitting=values.optional("sitting_hours"),
        measured=values.choice("measured"),
        low_sex_drive=values.choice("low_sex_drive"),
    )


def answered(a: Answers) -> bool:
    """Whether the reader answered anything at all (an empty form gets a prompt instead)."""
    numbers = (a.months, a.sets, a.weight_kg, a.protein, a.change_kg, a.age, a.sleep, a.sitting)
    choices = (a.progression, a.failure, a.same_exercises, a.stress, a.measured, a.low_sex_drive)
    return (
        bool(a.symptoms)
        or any(n is not None for n in numbers)
        or any(c != NOT_SURE for c in choices)
    )
