"""Reading a payload against a form: every field's problem is collected before giving up, so a
person sees all of them at once. Values arrive as JSON numbers or lists, or as text exactly as
typed in a browser input.
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Mapping, Sequence
from typing import Final

from ._errors import InputError, join_words
from ._fields import (
    DIRECTION_SIGNS,
    Bounds,
    ChecklistField,
    ChoiceField,
    DateField,
    EntriesField,
    Field,
    Form,
    NumberField,
    UnitField,
)
from ._numbers import NotANumber, format_decimal, format_whole, parse_number, split_unit
from ._units import INCHES_PER_FOOT, feet_and_inches, feet_and_inches_text, to_base
from ._values import Values

__all__ = ["UNIT_WORDS", "Values", "read_form", "read_values"]

#: Words people type after a number, and the unit each one means.
UNIT_WORDS: Final[Mapping[str, str]] = {
    **dict.fromkeys(("kg", "kgs", "kilo", "kilos", "kilogram", "kilograms"), "kg"),
    **dict.fromkeys(("lb", "lbs", "pound", "pounds"), "lb"),
    **dict.fromkeys(("cm", "cms", "centimetre", "centimetres", "centimeter", "centimeters"), "cm"),
    **dict.fromkeys(("in", "ins", "inch", "inches", '"'), "in"),
}


def _blank(raw: object) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def _choice_message(choice: ChoiceField | UnitField) -> str:
    if isinstance(choice, UnitField):
        return f"Choose {join_words([o.value for o in choice.options], 'or')}."
    if len(choice.options) > 8:
        return (
            f"Choose {choice.noun} from the list. The known ones are: {', '.join(choice.values)}."
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
    if isinstance(choice, ChoiceField):
        value = dict(choice.aliases).get(value, value)
    allowed = [o.value for o in choice.options]
    if value not in allowed:
        return None, _choice_message(choice)
    return value, None


def _read_checklist(checklist: ChecklistField, raw: object) -> tuple[tuple[str, ...], str | None]:
    """The ticked values in form order; an unknown or repeated value is an error."""
    if _blank(raw):
        items: list[object] = []
    elif isinstance(raw, str):
        items = [part for part in raw.split(",") if part.strip()]
    elif isinstance(raw, list):
        items = raw
    else:
        return (), f"Send {checklist.noun} as a list."
    chosen: set[str] = set()
    for item in items:
        if not isinstance(item, str):
            return (), f"Send {checklist.noun} as a list of names."
        value = item.strip().lower().replace("-", "_").replace(" ", "_")
        if value not in checklist.values:
            if len(value) <= 40 and value.replace("_", "").isalnum():
                return (), f'"{value}" is not one of {checklist.noun}. Tick boxes from the list.'
            return (
                (),
                f"One of the values is not one of {checklist.noun}. Tick boxes from the list.",
            )
        chosen.add(value)
    if checklist.required and not chosen:
        return (), f"Tick at least one of {checklist.noun}."
    return tuple(v for v in checklist.values if v in chosen), None


_ISO_DATE: Final = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def _read_date(date_field: DateField, raw: object) -> tuple[datetime.date | None, str | None]:
    """A year-month-day date, or a message. Only that order is read: "03/04/2026" means
    different days in different countries.

    >>> when = DateField("date", "Date", "the date", "")
    >>> _read_date(when, " 2026-9-1 ")
    (datetime.date(2026, 9, 1), None)
    >>> _read_date(when, "2026-02-30")[1]
    'Enter the date as a real day, written year-month-day, such as 2026-09-01.'
    """
    example = "written year-month-day, such as 2026-09-01"
    if _blank(raw):
        if date_field.required:
            return None, f"This is required: enter {date_field.noun}, {example}."
        return None, None
    match = _ISO_DATE.fullmatch(raw.strip()) if isinstance(raw, str) else None
    if match is None:
        return None, f"Enter {date_field.noun} {example}."
    try:
        return datetime.date(*(int(part) for part in match.groups())), None
    except ValueError:
        return None, f"Enter {date_field.noun} as a real day, {example}."


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


def _typed_feet_inches(
    number: NumberField, by_name: Mapping[str, Field], raw: object
) -> tuple[float | None, str | None]:
    """A height typed as feet and inches ("5'9", "5 ft 9"), in inches, for a number that may be
    typed in inches: (inches, None); (None, a message) when it cannot be a height; (None, None)
    when the text is not feet and inches at all.

    >>> from musclecalc._shared_fields import HEIGHT_FIELDS
    >>> fields = {f.name: f for f in HEIGHT_FIELDS}
    >>> _typed_feet_inches(fields["height"], fields, "5 ft 9"), _typed_feet_inches(fields["height"], fields, "175")
    ((69.0, None), (None, None))
    >>> _typed_feet_inches(fields["height"], fields, "5'13")[1]
    'Enter the inches after the feet as a number under 12, as in 5 ft 9.'
    """
    unit_field = by_name.get(number.unit_field or "")
    if not isinstance(unit_field, UnitField) or "in" not in [o.value for o in unit_field.options]:
        return None, None
    parts = feet_and_inches(raw)
    if parts is None:
        return None, None
    feet, inches = parts
    if inches is not None and not feet.is_integer():
        return None, "Enter whole feet and then the inches, as in 5 ft 9."
    if inches is not None and inches >= INCHES_PER_FOOT:
        return None, "Enter the inches after the feet as a number under 12, as in 5 ft 9."
    total = feet * INCHES_PER_FOOT + (inches or 0)
    bounds = unit_field.option("in").bounds
    if not bounds.minimum <= total <= bounds.maximum:
        low, high = feet_and_inches_text(bounds.minimum), feet_and_inches_text(bounds.maximum)
        return None, f"Enter {number.noun} between {low} and {high}."
    return total, None


def _read_signed(
    number: NumberField, direction: ChoiceField, raw: object, chosen: str | None, sent: bool
) -> tuple[float | None, dict[str, str], dict[str, str]]:
    """An amount read with the direction chosen beside it: the signed value, a message by
    field, and the fields as the form should now show them.

    With no direction (``sent`` False: a caller that signs the number itself) or "not sure"
    (a link made before the direction existed fills it with its default), a number typed
    with its sign still reads: -0.5 is losing 0.5, and the form shows it so. A positive
    number there is asked about, as a reader may just not have chosen yet.

    >>> from musclecalc._shared_fields import weight_change_fields
    >>> trend, change = weight_change_fields("unsure", "Not sure")
    >>> _read_signed(change, trend, "0,5", "losing", True)
    (-0.5, {}, {})
    >>> _read_signed(change, trend, "-0.5", "unsure", True)
    (-0.5, {}, {'weight_trend': 'losing', 'weight_change_per_week': '0.5'})
    >>> _read_signed(change, trend, "0.5", "unsure", False)
    (0.5, {}, {'weight_trend': 'gaining', 'weight_change_per_week': '0.5'})
    >>> _read_signed(change, trend, "-0.5", "losing", True)[1]
    {'weight_change_per_week': 'Enter the amount without a minus sign: losing or gaining says which way.'}
    """
    assert number.bounds is not None
    bounds = number.bounds
    if sent and chosen is None:
        return None, {}, {}  # the direction's own message says what is wrong
    sign = DIRECTION_SIGNS.get(chosen or "") if sent else None
    if sign is None:
        either_way = Bounds(-bounds.maximum, bounds.maximum, bounds.step)
        value, message = _read_number(number, raw, either_way, None)
        if message is not None:
            # Said with the range the form asks for, unless no direction can be chosen.
            message = (_read_number(number, raw, bounds, None)[1] if sent else None) or message
            return None, {number.name: message}, {}
        if value is None:
            return None, {}, {}
        if sent and value > 0:
            return None, {number.name: _CHOOSE_DIRECTION}, {}
        word = next(word for word, sign in DIRECTION_SIGNS.items() if sign == _sign(value))
        return value, {}, {direction.name: word, number.name: format_decimal(abs(value), 4)}
    try:
        typed = parse_number(raw)
    except NotANumber:
        typed = math.nan
    if typed is not None and typed < 0:
        return None, {number.name: _NO_MINUS}, {}
    if sign == 0:
        if typed is None or typed == 0:
            return 0.0, {}, {}
        return None, {number.name: _STEADY_IS_ZERO}, {}
    if typed is None:
        skip = next((o.label for o in direction.options if o.value not in DIRECTION_SIGNS), None)
        or_skip = f', or choose "{skip}"' if skip else ""
        return None, {number.name: f"Enter how much you are {chosen} a week{or_skip}."}, {}
    amount, message = _read_number(number, raw, bounds, None)
    if message is not None or amount is None:
        return None, {number.name: message or ""}, {}
    return sign * amount, {}, {}


_CHOOSE_DIRECTION: Final = "Choose losing or gaining for this amount, or leave it empty."
_NO_MINUS: Final = "Enter the amount without a minus sign: losing or gaining says which way."
_STEADY_IS_ZERO: Final = (
    "A steady weight changes by 0: leave the amount empty, or choose losing or gaining."
)


def _sign(value: float) -> int:
    return (value > 0) - (value < 0)


def _unit_words(number: NumberField) -> set[str]:
    """What may follow a number without a unit field: its own unit text ("%", "years")."""
    word = number.unit_text.strip().lower()
    return {word, word.rstrip("s")} - {""}


def _typed_unit(
    number: NumberField, by_name: Mapping[str, Field], raw: object
) -> tuple[object, str | None, str | None]:
    """The raw value without a unit typed after it, the unit it names (for a number with a
    unit field), and a message when the word typed is not a unit this number takes."""
    text, word = split_unit(raw)
    if word is None:
        return raw, None, None
    if number.unit_field is None:
        if word in _unit_words(number):
            return text, None, None
        return raw, None, None  # read as before: "not a number"
    unit_field = by_name[number.unit_field]
    assert isinstance(unit_field, UnitField)
    allowed = [option.value for option in unit_field.options]
    unit = UNIT_WORDS.get(word)
    if unit in allowed:
        return text, unit, None
    if len(word) > 12 or not text:
        return raw, None, None
    return (
        raw,
        None,
        f'Enter {number.noun} in {join_words(allowed, "or")}: "{word}" is not one of them. '
        f"You can type the unit after the number, as in 70 {allowed[0]}.",
    )


def _read_fields(
    fields: Sequence[Field], payload: Mapping[str, object], prefix: str, errors: dict[str, str]
) -> Values:
    """Read the fields of a form, or of one row of an entries field, into one :class:`Values`;
    each field that cannot be read gets its message in ``errors`` (its name after ``prefix``).

    Why it is long: it is one pass in a fixed order (units and choices before numbers, because
    a number's bounds depend on its unit and a unit typed with the number wins over the unit
    field) that fills the seven maps a :class:`Values` holds; split by kind of field, each
    piece would take most of those maps and the order would be spread over several functions.
    """
    choices: dict[str, str] = {}
    numbers: dict[str, float | None] = {}
    entered: dict[str, float | None] = {}
    rows: dict[str, tuple[Values, ...]] = {}
    checked: dict[str, tuple[str, ...]] = {}
    understood: dict[str, str] = {}
    dates: dict[str, datetime.date] = {}
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
        if isinstance(f, NumberField) and f.signed_by is not None:
            direction = by_name[f.signed_by]
            assert isinstance(direction, ChoiceField)
            raw, _, message = _typed_unit(f, by_name, payload.get(f.name))
            signed, messages, shown = _read_signed(
                f, direction, raw, choices.get(direction.name), direction.name in payload
            )
            errors.update({prefix + key: text for key, text in messages.items()})
            if not messages:
                if direction.name in shown:
                    choices[direction.name] = shown[direction.name]
                understood.update(shown)
                entered[f.name] = numbers[f.name] = signed
        elif isinstance(f, NumberField):
            inches, message = _typed_feet_inches(f, by_name, payload.get(f.name))
            raw, typed_unit, unit_message = _typed_unit(f, by_name, payload.get(f.name))
            if inches is not None:
                raw, typed_unit = inches, "in"  # shown back as inches: 5 ft 9 is 69 in
            elif message is None:
                message = unit_message
            if message is not None:
                errors[prefix + f.name] = message
                continue
            if typed_unit is not None and f.unit_field is not None:
                # A unit typed with the number wins over the unit chosen beside it.
                choices[f.unit_field] = typed_unit
                errors.pop(prefix + f.unit_field, None)
            bounds, unit = f.bounds, None
            if f.unit_field is not None:
                unit_field = by_name[f.unit_field]
                assert isinstance(unit_field, UnitField)
                unit = choices.get(f.unit_field)
                bounds = None if unit is None else unit_field.option(unit).bounds
            number, message = _read_number(f, raw, bounds, unit)
            if message is not None:
                errors[prefix + f.name] = message
                continue
            if raw is not payload.get(f.name) and number is not None:
                understood[f.name] = format_decimal(number, 4)
                if typed_unit is not None and f.unit_field is not None:
                    understood[f.unit_field] = typed_unit
            entered[f.name] = number
            numbers[f.name] = number if number is None or unit is None else to_base(number, unit)
        elif isinstance(f, EntriesField):
            rows[f.name] = _read_entries(f, payload.get(f.name), prefix, errors)
        elif isinstance(f, ChecklistField):
            ticked, message = _read_checklist(f, payload.get(f.name))
            if message is not None:
                errors[prefix + f.name] = message
            else:
                checked[f.name] = ticked
        elif isinstance(f, DateField):
            day, message = _read_date(f, payload.get(f.name))
            if message is not None:
                errors[prefix + f.name] = message
            elif day is not None:
                dates[f.name] = day
    ordered = {f.name: None for f in fields}
    return Values(
        numbers={k: numbers[k] for k in ordered if k in numbers},
        entered={k: entered[k] for k in ordered if k in entered},
        choices={k: choices[k] for k in ordered if k in choices},
        rows=rows,
        checked=checked,
        understood=understood,
        dates=dates,
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
        # Said without reading a single row: a made-up list of thousands costs nothing.
        errors[key] = (
            f"Enter at most {entries.max_items} {entries.item_noun}s; "
            f"this list has {format_whole(len(raw))}."
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

    A unit typed after the number wins over the unit field; a unit the field does not take
    is named in the message:

    >>> read_form(PROTEIN_FORM, {"weight": "70kg", "weight_unit": "lb"}).choice("weight_unit")
    'kg'

    ``understood`` holds the fields typed with a unit, as the form should now show them:

    >>> read_form(PROTEIN_FORM, {"weight": "154 lbs", "body_fat_percent": "25%"}).understood
    {'weight': '154', 'weight_unit': 'lb', 'body_fat_percent': '25'}
    >>> read_form(PROTEIN_FORM, {"weight": "70"}).understood
    {}
    >>> read_form(PROTEIN_FORM, {"weight": "11 stone"})
    Traceback (most recent call last):
    ...
    musclecalc._errors.InputError: weight: Enter a body weight in kg or lb: "stone" is not one of them. You can type the unit after the number, as in 70 kg.
    >>> read_form(PROTEIN_FORM, {"weight": 20, "meals": "many"})
    Traceback (most recent call last):
    ...
    musclecalc._errors.InputError: weight: Enter a body weight between 30 and 300 kg.; meals: Enter a number of meals a day as a number between 1 and 8.
    """
    values, errors = read_values(form, payload)
    if errors:
        raise InputError(errors)
    return values


def read_values(form: Form, payload: Mapping[str, object]) -> tuple[Values, dict[str, str]]:
    """The values that could be read and a message for each field that could not, without
    raising: for a calculator that checks more (:mod:`._progress`) before it gives up.

    >>> from musclecalc._protein import PROTEIN_FORM
    >>> values, errors = read_values(PROTEIN_FORM, {"weight": "70", "meals": "many"})
    >>> values.number("weight"), list(errors)
    (70.0, ['meals'])
    """
    errors: dict[str, str] = {}
    values = _read_fields(form.fields, payload, "", errors)
    if not errors and form.check is not None:
        errors.update(form.check(values))
    return values, errors
