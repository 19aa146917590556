"""Form field types: one description of each calculator's inputs drives the web form (through
``bridge.forms()``), the command line options and input checking (:mod:`._reading`), so all
three agree. The fields several calculators share live in :mod:`._shared_fields`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Final

from ._numbers import format_decimal
from ._units import UNITS

if TYPE_CHECKING:
    from ._display import Alert
    from ._reading import Values

__all__ = [
    "DIRECTION_SIGNS",
    "Bounds",
    "ChecklistField",
    "ChecklistGroup",
    "ChoiceField",
    "DateField",
    "EntriesField",
    "Field",
    "Form",
    "NumberField",
    "Option",
    "Preset",
    "UnitField",
    "UnitOption",
    "json_number",
]


#: The sign each value of a direction choice gives the amount beside it (a number field's
#: ``signed_by``). Any other value of that choice ("not sure") means the amount is not known.
DIRECTION_SIGNS: Final = {"losing": -1, "steady": 0, "gaining": 1}


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

    ``signed_by`` names a choice of :data:`DIRECTION_SIGNS` ("losing", "steady", "gaining")
    that gives the number its sign, so no one has to type a minus (a phone's decimal keypad
    has none): the number is an amount from 0 up, and the value read is signed.
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
    signed_by: str | None = None

    def __post_init__(self) -> None:
        if (self.bounds is None) == (self.unit_field is None):
            raise ValueError(f"{self.name}: give either bounds or a unit field")
        if self.signed_by is not None and (self.bounds is None or self.bounds.minimum != 0):
            raise ValueError(f"{self.name}: a signed amount has bounds from 0")
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
    """A choice among fixed options (a select or radio group).

    ``aliases`` pairs old values with current ones, so links made before a value was renamed
    still open: ``(("cut", "lose"),)``.
    """

    kind: ClassVar[str] = "choice"
    name: str
    label: str
    noun: str
    help: str
    default: str
    options: tuple[Option, ...]
    required: bool = False
    aliases: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        if self.default not in self.values:
            raise ValueError(f"{self.name}: the default is not one of the options")
        if not {new for _, new in self.aliases} <= set(self.values):
            raise ValueError(f"{self.name}: an alias points to no option")

    @property
    def values(self) -> tuple[str, ...]:
        """The allowed values, in form order."""
        return tuple(option.value for option in self.options)

    def label_of(self, value: str) -> str:
        """The label shown for a value."""
        return next(option.label for option in self.options if option.value == value)


@dataclass(frozen=True)
class ChecklistGroup:
    """A run of a checklist's options under a plain heading, for the web form.

    ``key`` names the group in the page's markup; ``folded`` draws it closed under its
    heading, opened with a tap (a ``<details>``); ``alert`` is what to do when one of its boxes
    is ticked, shown at once above the checklist, before any answer is worked out.
    """

    key: str
    heading: str
    values: tuple[str, ...]
    folded: bool = False
    alert: Alert | None = None


@dataclass(frozen=True)
class ChecklistField:
    """Any number of options, each a checkbox (the self-check's symptoms); none is allowed.

    Values arrive as a list of option values, or as one text with the values separated by
    commas (the command line). ``groups``, when given, split the options for the web form; they
    hold every option once, in form order. ``none_label``, when given, is a link under the boxes
    that takes the reader past them to the next part of the form ("None of these").
    """

    kind: ClassVar[str] = "checklist"
    name: str
    label: str
    noun: str
    help: str
    options: tuple[Option, ...]
    required: bool = False
    groups: tuple[ChecklistGroup, ...] = ()
    none_label: str = ""

    def __post_init__(self) -> None:
        grouped = tuple(value for group in self.groups for value in group.values)
        if self.groups and grouped != self.values:
            raise ValueError(f"{self.name}: the groups must hold every option once, in order")

    @property
    def values(self) -> tuple[str, ...]:
        """The allowed values, in form order."""
        return tuple(option.value for option in self.options)


@dataclass(frozen=True)
class DateField:
    """A calendar date, typed as year-month-day (``2026-09-01``), as a browser's date input
    sends it. The reader keeps it in :attr:`Values.dates`."""

    kind: ClassVar[str] = "date"
    name: str
    label: str
    noun: str
    help: str
    required: bool = True


@dataclass(frozen=True)
class Preset:
    """A named set of rows a reader can start an entries field from (a sample week)."""

    label: str
    rows: tuple[Mapping[str, Any], ...]


@dataclass(frozen=True)
class EntriesField:
    """A list of rows, each with its own fields (the volume calculator's exercises).

    ``presets`` are ready-made lists of rows the form offers to start from.
    """

    kind: ClassVar[str] = "entries"
    name: str
    label: str
    help: str
    item_noun: str
    min_items: int
    max_items: int
    fields: tuple[ChoiceField | NumberField | DateField, ...]
    default: tuple[Mapping[str, Any], ...] = ()
    required: bool = True
    presets: tuple[Preset, ...] = ()


Field = NumberField | UnitField | ChoiceField | ChecklistField | EntriesField | DateField


Check = Callable[["Values"], Mapping[str, str]]


@dataclass(frozen=True)
class Form:
    """A calculator's form: its title, one-sentence summary and fields in display order.

    ``check`` looks at several fields together (e.g. a band's low end below its high end);
    it runs only when every field is valid on its own. ``groups`` gives a long form headed
    sections: each ``(first field, title)`` starts a group that runs to the next one.
    ``folded`` names groups (by their first field) the web form draws shut under their title,
    opened with a tap: the optional detail of a form a phone reader may skip.
    ``link_on_request`` keeps the answers out of the page's address (and so out of the
    browser's history) unless the reader asks for a link to them; other forms keep their
    values in the address's fragment, so a reload or a bookmark keeps them.

    >>> Form("demo", "Demo", "A demo.", ()).to_json()["link_on_request"]
    False
    """

    name: str
    title: str
    summary: str
    fields: tuple[Field, ...]
    check: Check | None = None
    groups: tuple[tuple[str, str], ...] = ()
    folded: tuple[str, ...] = ()
    link_on_request: bool = False

    def __post_init__(self) -> None:
        names = [f.name for f in self.fields]
        if len(names) != len(set(names)):
            raise ValueError(f"{self.name}: field names repeat")
        starts = [names.index(first) if first in names else -1 for first, _ in self.groups]
        if -1 in starts or starts != sorted(set(starts)):
            raise ValueError(f"{self.name}: groups must start at fields, in form order")
        if not set(self.folded) <= {first for first, _ in self.groups}:
            raise ValueError(f"{self.name}: only a group can be folded")
        for f in self.fields:
            if isinstance(f, UnitField) and not isinstance(self.field(f.for_field), NumberField):
                raise ValueError(f"{self.name}.{f.name}: 'for' must name a number field")
            if isinstance(f, NumberField) and f.signed_by is not None:
                direction = self.field(f.signed_by)
                if not isinstance(direction, ChoiceField) or not set(DIRECTION_SIGNS) <= set(
                    direction.values
                ):
                    raise ValueError(f"{self.name}.{f.name}: signed_by must name a direction")
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
            "groups": [
                {"first": first, "title": title, "folded": first in self.folded}
                for first, title in self.groups
            ],
            "link_on_request": self.link_on_request,
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
    if number.signed_by is not None:
        data["signed_by"] = number.signed_by
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


def _date_json(date_field: DateField) -> dict[str, Any]:
    return {
        "name": date_field.name,
        "label": date_field.label,
        "kind": "date",
        "required": date_field.required,
        "default": None,
        "help": date_field.help,
    }


def _sub_json(sub: ChoiceField | NumberField | DateField) -> dict[str, Any]:
    if isinstance(sub, NumberField):
        return _number_json(None, sub)
    if isinstance(sub, DateField):
        return _date_json(sub)
    return _choice_json(sub)


def _field_json(form: Form, f: Field) -> dict[str, Any]:
    if isinstance(f, NumberField):
        return _number_json(form, f)
    if isinstance(f, ChoiceField):
        return _choice_json(f)
    if isinstance(f, DateField):
        return _date_json(f)
    if isinstance(f, ChecklistField):
        return {
            "name": f.name,
            "label": f.label,
            "kind": "checklist",
            "required": f.required,
            "default": [],
            "choices": [{"value": o.value, "label": o.label} for o in f.options],
            "help": f.help,
        }
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
        "presets": [
            {"label": preset.label, "rows": [dict(row) for row in preset.rows]}
            for preset in f.presets
        ],
        "item_noun": f.item_noun,
        "fields": [_sub_json(sub) for sub in f.fields],
        "help": f.help,
    }
