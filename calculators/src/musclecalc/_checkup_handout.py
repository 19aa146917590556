"""The self-check's "Take this to your doctor" summary: the signs ticked, the questions answered,
the level and the causes, in the words the page uses. Unticked signs and questions left blank
or "not sure" are never listed.

>>> from musclecalc._checkup import CHECKUP
>>> handout = CHECKUP.run({"symptoms": ["saddle_numbness"], "sleep_hours": "5"})[1].handout
>>> for section in handout.sections[:2]:
...     print(section.heading, section.items)
Warning signs I ticked ('Numbness around the bottom or genitals, or new bladder or bowel problems',)
My answers ('Sleep a night (hours): 5 hours',)
"""

from __future__ import annotations

from typing import Final

from ._cause_table import CauseFinding, num
from ._checkup_answers import NOT_SURE, read_answers
from ._display import Alert, call_list
from ._fields import ChecklistField, ChoiceField, Form, NumberField
from ._handout import Handout, HandoutSection
from ._reading import Values
from ._warning_signs import SIGNS

__all__ = ["HANDOUT_TITLE", "checkup_handout"]

HANDOUT_TITLE: Final = "Take this to your doctor: my muscle-loss self-check"
SIGNS_HEADING: Final = "Warning signs I ticked"
NO_SIGNS: Final = "None of the warning signs on the list."
ANSWERS_HEADING: Final = "My answers"
NO_ANSWERS: Final = "No questions answered."
LEVEL_HEADING: Final = "What the check said"
CAUSES_HEADING: Final = "Causes that fit my answers, most likely first"
NO_CAUSES: Final = "None of the causes the check knows fits these answers."
CLOSING: Final = (
    "This check points to pages to read; it cannot diagnose anything. Nothing was sent or kept."
)


def _line(label: str, value: str) -> str:
    """ "Label: value", or "Question? value" for a label that is a question."""
    return f"{label} {value}" if label.endswith("?") else f"{label}: {value}"


def _answer(form: Form, values: Values, name: str) -> str | None:
    """One answered question as "label: value unit", or None when blank or "not sure"."""
    field = form.field(name)
    answers = read_answers(values)
    if name == "weight":
        return None if answers.weight_text is None else _line(field.label, answers.weight_text)
    if name == "weight_change_per_week":
        text = answers.change_text
        return None if text is None else _line(field.label, f"{text} a week")
    if isinstance(field, NumberField):
        value = values.entered.get(name, values.numbers.get(name))
        return None if value is None else _line(field.label, num(value, 2) + field.unit_text)
    if isinstance(field, ChoiceField):
        chosen = values.choices.get(name, NOT_SURE)
        if chosen == NOT_SURE:
            return None
        label = next((o.label for o in field.options if o.value == chosen), chosen)
        return _line(field.label, label)
    return None


def _answers(form: Form, values: Values) -> tuple[str, ...]:
    lines = (
        _answer(form, values, field.name)
        for field in form.fields
        if not isinstance(field, ChecklistField)
    )
    return tuple(line for line in lines if line is not None)


def _level(alert: Alert) -> tuple[str, ...]:
    calls = call_list(alert.calls)
    return (f"{alert.title} (level: {alert.level})", " ".join(filter(None, (calls, alert.action))))


def checkup_handout(
    form: Form, values: Values, alert: Alert, causes: tuple[CauseFinding, ...]
) -> Handout:
    """The summary of one self-check: ``alert`` is the answer's alert, ``causes`` its ranking."""
    signs = tuple(SIGNS[code].label for code in values.ticked("symptoms") if code in SIGNS)
    answers = _answers(form, values)
    ranked = tuple(f"{cause.title} ({cause.likelihood})" for cause in causes)
    return Handout(
        HANDOUT_TITLE,
        (
            HandoutSection(SIGNS_HEADING, signs or (NO_SIGNS,)),
            HandoutSection(ANSWERS_HEADING, answers or (NO_ANSWERS,)),
            HandoutSection(LEVEL_HEADING, _level(alert)),
            HandoutSection(CAUSES_HEADING, ranked or (NO_CAUSES,), numbered=bool(ranked)),
        ),
        CLOSING,
    )
