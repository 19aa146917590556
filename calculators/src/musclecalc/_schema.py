"""Form schemas: one description of each calculator's inputs drives the web form (through
``bridge.forms()``), the command line options, and input checking, so all three agree.

Reading a payload collects every field's problem before giving up, so a person sees all of
them at once. Values arrive as JSON numbers or as text exactly as typed in a browser input.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from ._errors import InputError, join_words
from ._numbers import NotANumber, format_decimal, parse_number
from ._units import UNITS, to_base

__all__ = [
    "Bounds",
    "ChoiceField",
    "EntriesField",
    "Field",
    "Form",
    "NumberField",
    "Option",
    "UnitField",
    "UnitOption",
    "Values",
    "json_number",
    "read_form",
]


def json_number(value: float) -> int | float:
    """A number for JSON: whole numbers as ints so forms show "30", not "30.0".

    >>> json_number(30.0), json_number(0.1)
    (30, 0.1)
    """
    return int(value) if float(value).is_integer() else value


@dataclass(frozen=True)
class Bounds:
    """The allowed range and the form's step for a number, in one unit."""

    minimum: float
    maximum: float
    step: float

    @property
    def whole(self) -> bool:
        """True when only whole numbers are allowed (the step is 1)."""
        return self.step == 1

    def text(self, unit: str) -> str:
        """The range as words, e.g. 'between 30 and 300 kg'."""
        low, high = format_decimal(self.minimum, 2), format_decimal(self.maximum, 2)
        return f"between {low} and {high}{unit}"


@dataclass(frozen=True)
class Option:
    """One choice of a choice field: the value sent and the label shown."""

    value: str
    label: str


@dataclass(frozen=True)
class UnitOption:
    """One unit a number may be typed in, with that number's allowed range in this unit."""

    value: str
    minimum: float
    maximum: float

    @property
    def bounds(self) -> Bounds:
        """The paired number's bounds in this unit."""
        return Bounds(self.minimum, self.maximum, UNITS[self.value].step)


@dataclass(frozen=True)
class NumberField:
    """A number input.

    ``noun`` is how messages name the value ("a body weight"). When the number has a unit,
    ``unit_field`` names the unit field and the bounds come from that field's options;
    otherwise ``bounds`` applies and ``unit_text`` follows the range in messages (" years").
    """

    kind: ClassVar[str] = "number"
    name: str
    label: str
    noun: str
    help: str
    required: bool = True
    default: float | None = None
    bounds: Bounds | None = None
    unit_field: str | None = None
    unit_text: str = ""
    below_minimum: str | None = None

    def __post_init__(self) -> None:
        if (self.bounds is None) == (self.unit_field is None):
            raise ValueError(f"{self.name}: give either bounds or a unit field")
        if self.unit_field is not None and not self.required and self.default is not None:
            raise ValueError(f"{self.name}: optional numbers with a unit cannot have a default")


@dataclass(frozen=True)
class UnitField:
    """The unit the paired number field (``for_field``) is typed in."""

    kind: ClassVar[str] = "unit"
    name: str
    label: str
    for_field: str
    default: str
    options: tuple[UnitOption, ...]
    required: bool = False

    def option(self, value: str) -> UnitOption:
        """The option with this unit symbol."""
        return next(option for option in self.options if option.value == value)


@dataclass(frozen=True)
class ChoiceField:
    """A choice among fixed options (a select or radio group)."""

    kind: ClassVar[str] = "choice"
    name: str
    label: str
    noun: str
    help: str
    default: str
    options: tuple[Option, ...]
    required: bool = False

    @property
    def values(self) -> tuple[str, ...]:
        """The allowed values, in form order."""
        return tuple(option.value for option in self.options)

    def label_of(self, value: str) -> str:
        """The label shown for a value."""
        return next(option.label for option in self.options if option.value == value)


@dataclass(frozen=True)
class EntriesField:
    """A list of rows, each with its own fields (the volume calculator's exercises)."""

    kind: ClassVar[str] = "entries"
    name: str
    label: str
    help: str
    item_noun: str
    min_items: int
    max_items: int
    fields: tuple[ChoiceField | NumberField, ...]
    default: tuple[Mapping[str, Any], ...] = ()
    required: bool = True


Field = NumberField | UnitField | ChoiceField | EntriesField


@dataclass(frozen=True)
class Values:
    """Checked input values.

    ``numbers`` holds numbers in kg or cm when they have a unit (so calculations need not
    care what was typed) and ``entered`` holds them as typed, in the chosen unit.
    """

    numbers: Mapping[str, float | None] = field(default_factory=dict)
    entered: Mapping[str, float | None] = field(default_factory=dict)
    choices: Mapping[str, str] = field(default_factory=dict)
    rows: Mapping[str, tuple[Values, ...]] = field(default_factory=dict)

    def number(self, name: str) -> float:
        """A number that must be present (required, or optional with a default)."""
        value = self.numbers[name]
        if value is None:
            raise KeyError(name)
        return value

    def optional(self, name: str) -> float | None:
        """A number that may be missing."""
        return self.numbers.get(name)

    def whole(self, name: str) -> int:
        """A whole number that must be present."""
        return int(self.number(name))

    def choice(self, name: str) -> str:
        """The value chosen in a choice or unit field."""
        return self.choices[name]

    def entries(self, name: str) -> tuple[Values, ...]:
        """The rows of an entries field."""
        return self.rows[name]


Check = Callable[[Values], Mapping[str, str]]


@dataclass(frozen=True)
class Form:
    """A calculator's form: its title, one-sentence summary and fields in display order.

    ``check`` looks at several fields together (e.g. a band's low end below its high end);
    it runs only when every field is valid on its own.
    """

    name: str
    title: str
    summary: str
    fields: tuple[Field, ...]
    check: Check | None = None

    def __post_init__(self) -> None:
        names = [f.name for f in self.fields]
        if len(names) != len(set(names)):
            raise ValueError(f"{self.name}: field names repeat")
        for f in self.fields:
            if isinstance(f, UnitField) and not isinstance(self.field(f.for_field), NumberField):
                raise ValueError(f"{self.name}.{f.name}: 'for' must name a number field")
            if isinstance(f, NumberField) and f.unit_field is not None:
                unit = self.field(f.unit_field)
                if not isinstance(unit, UnitField) or unit.for_field != f.name:
                    raise ValueError(f"{self.name}.{f.name}: unit field does not pair with it")

    def field(self, name: str) -> Field:
        """The field with this name."""
        for candidate in self.fields:
            if candidate.name == name:
                return candidate
        raise KeyError(name)

    def to_json(self) -> dict[str, Any]:
        """The form as the JSON object ``bridge.forms()`` lists."""
        return {
            "name": self.name,
            "title": self.title,
            "summary": self.summary,
            "fields": [_field_json(self, f) for f in self.fields],
        }


def _number_json(form: Form | None, number: NumberField) -> dict[str, Any]:
    bounds = number.bounds
    if number.unit_field is not None:
        assert form is not None
        unit = form.field(number.unit_field)
        assert isinstance(unit, UnitField)
        bounds = unit.option(unit.default).bounds
    assert bounds is not None
    data: dict[str, Any] = {
        "name": number.name,
        "label": number.label,
        "kind": "number",
        "required": number.required,
        "default": None if number.default is None else json_number(number.default),
        "min": json_number(bounds.minimum),
        "max": json_number(bounds.maximum),
        "step": json_number(bounds.step),
    }
    if number.unit_field is not None:
        data["unit_field"] = number.unit_field
    data["help"] = number.help
    return data


def _choice_json(choice: ChoiceField) -> dict[str, Any]:
    return {
        "name": choice.name,
        "label": choice.label,
        "kind": "choice",
        "required": choice.required,
        "default": choice.default,
        "choices": [{"value": o.value, "label": o.label} for o in choice.options],
        "help": choice.help,
    }


def _field_json(form: Form, f: Field) -> dict[str, Any]:
    if isinstance(f, NumberField):
        return _number_json(form, f)
    if isinstance(f, ChoiceField):
        return _choice_json(f)
    if isinstance(f, UnitField):
        return {
            "name": f.name,
            "label": f.label,
            "kind": "unit",
            "for": f.for_field,
            "required": f.required,
            "default": f.default,
            "choices": [
                {
                    "value": o.value,
                    "label": UNITS[o.value].symbol,
                    "min": json_number(o.minimum),
                    "max": json_number(o.maximum),
                    "step": json_number(o.bounds.step),
                }
                for o in f.options
            ],
        }
    return {
        "name": f.name,
        "label": f.label,
        "kind": "entries",
        "required": f.required,
        "min_items": f.min_items,
        "max_items": f.max_items,
        "default": [dict(row) for row in f.default],
        "fields": [
            _number_json(None, sub) if isinstance(sub, NumberField) else _choice_json(sub)
            for sub in f.fields
        ],
        "help": f.help,
    }


# ---------------------------------------------------------------------------------- reading


def _blank(raw: object) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def _choice_message(choice: ChoiceField | UnitField) -> str:
    if isinstance(choice, UnitField):
        return f"Choose {join_words([o.value for o in choice.options], 'or')}."
    if len(choice.options) > 8:
        return (
            f"Choose {choice.noun} from the list. The known ones are: "
            f"{', '.join(choice.values)}."
        )
    shown = [
        o.value if o.label.lower() == o.value else f"{o.label} ({o.value})" for o in choice.options
    ]
    return f"Choose {choice.noun}: {join_words(shown, 'or')}."


def _read_choice(choice: ChoiceField | UnitField, raw: object) -> tuple[str | None, str | None]:
    if _blank(raw):
        if choice.required:
            return None, _choice_message(choice)
        return choice.default, None
    if not isinstance(raw, str):
        return None, _choice_message(choice)
    value = raw.strip().lower().replace("-", "_").replace(" ", "_")
    allowed = [o.value for o in choice.options]
    if value not in allowed:
        return None, _choice_message(choice)
    return value, None


def _read_number(
    number: NumberField, raw: object, bounds: Bounds | None, unit: str | None
) -> tuple[float | None, str | None]:
    suffix = f" {unit}" if unit else number.unit_text
    range_text = "" if bounds is None else " " + bounds.text(suffix)
    try:
        value = parse_number(raw)
    except NotANumber:
        return None, f"Enter {number.noun} as a number{range_text}."
    if value is None:
        if number.required:
            return None, f"This is required: enter {number.noun}{range_text}."
        return number.default, None
    if math.isnan(value):
        return None, f"Enter {number.noun} as a number{range_text}."
    if bounds is None:
        return value, None
    if value < bounds.minimum:
        return None, number.below_minimum or f"Enter {number.noun}{range_text}."
    if value > bounds.maximum:
        return None, f"Enter {number.noun}{range_text}."
    if bounds.whole and not value.is_integer():
        return None, f"Enter {number.noun}{range_text}, as a whole number."
    return value, None


def _read_fields(
    fields: Sequence[Field], payload: Mapping[str, object], prefix: str, errors: dict[str, str]
) -> Values:
    choices: dict[str, str] = {}
    numbers: dict[str, float | None] = {}
    entered: dict[str, float | None] = {}
    rows: dict[str, tuple[Values, ...]] = {}
    by_name = {f.name: f for f in fields}
    # Units and choices first: a number's bounds depend on its unit.
    for f in fields:
        if isinstance(f, ChoiceField | UnitField):
            value, message = _read_choice(f, payload.get(f.name))
            if message is not None:
                errors[prefix + f.name] = message
            elif value is not None:
                choices[f.name] = value
    for f in fields:
        if isinstance(f, NumberField):
            bounds, unit = f.bounds, None
            if f.unit_field is not None:
                unit_field = by_name[f.unit_field]
                assert isinstance(unit_field, UnitField)
                unit = choices.get(f.unit_field)
                bounds = None if unit is None else unit_field.option(unit).bounds
            number, message = _read_number(f, payload.get(f.name), bounds, unit)
            if message is not None:
                errors[prefix + f.name] = message
                continue
            entered[f.name] = number
            numbers[f.name] = number if number is None or unit is None else to_base(number, unit)
        elif isinstance(f, EntriesField):
            rows[f.name] = _read_entries(f, payload.get(f.name), prefix, errors)
    ordered = {f.name: None for f in fields}
    return Values(
        numbers={k: numbers[k] for k in ordered if k in numbers},
        entered={k: entered[k] for k in ordered if k in entered},
        choices={k: choices[k] for k in ordered if k in choices},
        rows=rows,
    )


def _read_entries(
    entries: EntriesField, raw: object, prefix: str, errors: dict[str, str]
) -> tuple[Values, ...]:
    key = prefix + entries.name
    at_least = f"Add at least {entries.min_items} {entries.item_noun}."
    if _blank(raw):
        errors[key] = at_least
        return ()
    if not isinstance(raw, list):
        errors[key] = f"Send the {entries.item_noun}s as a list of rows."
        return ()
    if len(raw) < entries.min_items:
        errors[key] = at_least
        return ()
    if len(raw) > entries.max_items:
        errors[key] = (
            f"Enter at most {entries.max_items} {entries.item_noun}s; this list has {len(raw)}."
        )
        return ()
    rows = []
    for index, row in enumerate(raw):
        row_payload: Mapping[str, object] = row if isinstance(row, dict) else {}
        rows.append(_read_fields(entries.fields, row_payload, f"{key}.{index}.", errors))
    return tuple(rows)


def read_form(form: Form, payload: Mapping[str, object]) -> Values:
    """Check a payload against a form and return its values, or raise :class:`InputError`
    listing every problem.

    >>> from musclecalc._protein import PROTEIN_FORM
    >>> values = read_form(PROTEIN_FORM, {"weight": "154,3", "weight_unit": "lb"})
    >>> round(values.number("weight"), 3), values.entered["weight"], values.choice("goal")
    (69.989, 154.3, 'build')
    >>> read_form(PROTEIN_FORM, {"weight": 20, "meals": "many"})
    Traceback (most recent call last):
    ...
    musclecalc._errors.InputError: weight: Enter a body weight between 30 and 300 kg.; meals: Enter a number of meals a day as a number between 1 and 8.
    """
    errors: dict[str, str] = {}
    values = _read_fields(form.fields, payload, "", errors)
    if not errors and form.check is not None:
        errors.update(form.check(values))
    if errors:
        raise InputError(errors)
    return values


#: Body weight and its unit, shared by every calculator that asks for it, so the bounds (and the
#: messages built from them) are the same on every form.
BODY_WEIGHT_FIELDS: tuple[NumberField, UnitField] = (
    NumberField(
        "weight",
        "Body weight",
        "a body weight",
        help="Your body weight today.",
        default=70,
        unit_field="weight_unit",
    ),
    UnitField(
        "weight_unit",
        "Weight unit",
        for_field="weight",
        default="kg",
        options=(UnitOption("kg", 30, 300), UnitOption("lb", 66, 660)),
    ),
)
