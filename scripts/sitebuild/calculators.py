"""The `<!-- calculator: NAME -->` marker: a calculator's form and its worked answer.

The form is written from the calculator's typed fields (``musclecalc``'s :class:`Form`), with
every control showing its default. The worked answer is the calculator run on those defaults and
written by ``musclecalc``'s one answer renderer, the same one the browser's worker sends live
answers through, so the answer a page is built with and the one it shows live cannot differ.
sitebuild.markers lists this renderer in its table; the markers hook imports musclecalc afresh
before each build, so `mkdocs serve` shows the calculators as their source is now.

>>> block = render_calculator_marker("protein", Context("calculators/protein/", site_root="../../"))
>>> block.splitlines()[1]
'<div class="mc-calculator" data-calculator="protein" id="mc-protein" data-site-root="../../">'
>>> render_calculator_marker("biceps", Context(""))
Traceback (most recent call last):
...
sitebuild.marker_types.MarkerError: unknown calculator 'biceps' (known: checkup, energy, progress, protein, volume, volume-quick)
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from html import escape
from typing import Any, Final
from urllib.parse import urlencode

from musclecalc import InputError
from musclecalc._fields import (
    ChecklistField,
    ChoiceField,
    DateField,
    EntriesField,
    Field,
    Form,
    NumberField,
    UnitField,
)
from musclecalc._handout import Stamp
from musclecalc._html import markup_digest, render
from musclecalc._registry import CALCULATORS
from musclecalc._units import UNITS

from .calculator_notes import share_controls, units_kept_line
from .checklists import check_box, grouped_checklist
from .handout_tools import HANDOUT_TOOLS
from .marker_types import Context, MarkerError

__all__ = ["default_payload", "render_calculator", "render_calculator_marker"]

#: The summary line musclecalc's renderer writes first in every answer (its text is escaped).
SUMMARY: Final = re.compile(r'<p class="mc-summary">(?P<text>[^<]*)</p>')
#: Words shown while an answer is out of date: waiting for Python, or kept after a bad value;
#: or while the answer is the page's worked example beside a link's values (issue 25).
STATE_LABELS: Final = (
    '<span class="mc-state mc-state--updating">Updating…</span>'
    '<span class="mc-state mc-state--stale">Not updated: check the marked field</span>'
    '<span class="mc-state mc-state--example">'
    "Example for the page's own values: working out yours…</span>"
    '<span class="mc-state mc-state--example-kept">'
    "Example for the page's own values, not yours</span>"
)
#: What the page says before its script runs, under the form.
STATIC_STATUS: Final = (
    '<div class="mc-status" role="status" data-state="static"><span class="mc-status__text">'
    "Worked example for the values shown. Your own answer is calculated in your browser once "
    "JavaScript runs; nothing you type leaves this page.</span>"
    '<button type="button" class="mc-status__retry md-button" data-action="retry" hidden>'
    "Try again</button></div>"
)


def render_calculator_marker(args: str, context: Context) -> str:
    """The marker's block for the calculator named in ``args``, links in its answer starting
    from ``context.site_root``; set apart by blank lines, so Markdown leaves it as it is."""
    name = args.strip()
    if name not in CALCULATORS:
        known = ", ".join(sorted(CALCULATORS))
        raise MarkerError(f"unknown calculator {name!r} (known: {known})")
    form = CALCULATORS[name].form
    return render_calculator(form, context.site_root, context.page_address) + "\n"


def default_payload(form: Form) -> dict[str, Any]:
    """The form's default values, as the page sends them before anything is typed."""
    payload: dict[str, Any] = {}
    for field in form.fields:
        if isinstance(field, EntriesField):
            default: Any = [dict(row) for row in field.default]
        else:
            default = getattr(field, "default", None)
        if default not in (None, []):
            payload[field.name] = default
    return payload


def render_calculator(form: Form, site_root: str = "", page_address: str = "") -> str:
    """A calculator's whole block: form, status line, and the worked answer for its defaults.
    A summary to take to a doctor names ``page_address`` and, being the worked example, no date;
    the page's script sends the address with each live answer."""
    try:
        display = CALCULATORS[form.name].run(default_payload(form))[1]
    except InputError as error:
        raise MarkerError(
            f"calculator {form.name!r}: its default inputs give errors: {error}"
        ) from error
    answer, details = render(display, site_root, Stamp(None, page_address))
    summary = SUMMARY.search(answer)
    calc = form.name
    attributes = _attrs(
        data_site_root=site_root,
        data_page_address=page_address or None,
        data_rendered=markup_digest(answer, details),  # a live answer with the same stays put
    )
    return "\n".join(
        [
            "",
            f'<div class="mc-calculator" data-calculator="{escape(calc)}" id="mc-{calc}"'
            f"{attributes}"
            f"{' data-link-on-request' if form.link_on_request else ''}>",
            '<div class="mc-layout">',
            # The answer's headline, kept in view on a phone while the form is edited: a copy of
            # the summary below, for the eye only (screen readers hear the answer from its live
            # region), and a link to the whole answer, for everyone. The link comes first and
            # floats at the top right, so a new answer or "Updating" never moves it under a
            # finger on its way down.
            '<div class="mc-glance"><p class="mc-glance__line">'
            f'<a class="mc-glance__go" href="#mc-{calc}-result-title" data-action="show-answer">'
            'Your answer<span aria-hidden="true"> \u2193</span></a>'
            f'<span class="mc-glance__text" aria-hidden="true">'
            f"{summary.group('text') if summary else ''}</span> "
            f'<span aria-hidden="true">{STATE_LABELS}</span></p></div>',
            # The form and its answer side by side on a wide screen: the answer sticks in view
            # within this box only, so it never slides over the details or the page below.
            '<div class="mc-main">',
            f'<form class="mc-form" novalidate aria-label="{escape(form.title)}">',
            *_controls(form, site_root),
            *units_kept_line(form),
            _error("_", f"mc-{calc}-form-error", "mc-error mc-error--form"),
            "</form>",
            STATIC_STATUS,
            f'<section class="mc-result" aria-labelledby="mc-{calc}-result-title">',
            f'<div class="mc-result__head"><h2 class="mc-result__title" id="mc-{calc}-result-title">'
            f"Your answer</h2>{STATE_LABELS}</div>",
            # The answer's markup starts and ends inside its box, as the page places it live.
            f'<div class="mc-answer" id="mc-{calc}-answer" aria-live="polite">{answer}</div>',
            share_controls(calc, on_request=form.link_on_request),
            "</section>",
            "</div>",
            f'<div class="mc-details" id="mc-{calc}-details">{details}</div>',
            HANDOUT_TOOLS if display.handout is not None else "",
            "</div>",
            "</div>",
            "",
        ]
    )


# ---------------------------------------------------------------------------------------------
# The form's HTML. One line per element and no blank lines, so Python-Markdown passes it through.
# Controls carry `data-key` and error messages `data-error-for`, both the field's error key as the
# bridge names it ("weight", "entries.2.sets", "_" for the form), so the page's JavaScript finds
# them by key and never rebuilds an element id.


def _group_id(calc: str, first_field: str) -> str:
    """The id of the section of a form that starts with ``first_field``."""
    return f"mc-{calc}-{first_field}-group"


def _controls(form: Form, site_root: str = "") -> list[str]:
    """Every field's markup in form order; a long form in headed sections (each group runs to
    the next one, or the end), a folded one shut in a ``<details>`` under its title. Unit fields
    are drawn beside the number they measure."""
    group_titles = dict(form.groups)
    names = [field.name for field in form.fields]
    lines: list[str] = []
    closing = ""
    for index, field in enumerate(form.fields):
        if field.name in group_titles:
            lines.append(closing)
            lines.extend(_group_start(form, field.name))
            closing = "</fieldset></details>" if field.name in form.folded else "</fieldset>"
        if isinstance(field, ChecklistField) and field.groups:
            after = next((n for n in names[index + 1 :] if n in group_titles), None)
            below, described_by = _help_and_error(form.name, field.name, field.help)
            none_target = None if after is None else _group_id(form.name, after)
            lines.append(
                grouped_checklist(form.name, field, site_root, none_target, below, described_by)
            )
        elif not isinstance(field, UnitField):
            lines.append(_control(form, field))
    lines.append(closing)
    return [line for line in lines if line]


def _group_start(form: Form, first: str) -> list[str]:
    """The opening of the section that starts at field ``first``: a fieldset under its legend,
    or, folded, the same inside a ``<details>`` whose summary carries the title (the legend
    stays for screen readers, which announce it on entering the fields)."""
    group_id = _group_id(form.name, first)
    title = _text(dict(form.groups)[first])
    if first not in form.folded:
        return [
            f'<fieldset class="mc-group" id="{group_id}">',
            f'<legend class="mc-group__title">{title}</legend>',
        ]
    return [
        f'<details class="mc-more" data-group="{escape(first)}">',
        f'<summary class="mc-more__title">{title}</summary>',
        f'<fieldset class="mc-group" id="{group_id}">',
        f'<legend class="mc-visually-hidden">{title}</legend>',
    ]


def _control(form: Form, field: Field) -> str:
    if isinstance(field, EntriesField):
        return _entries(form.name, field)
    if isinstance(field, ChecklistField):
        return _checklist(form.name, field)
    if isinstance(field, NumberField | ChoiceField):
        return _field(form, field)
    raise MarkerError(f"calculator {form.name!r}: field {field.name!r} has no control")


def _attrs(**attributes: Any) -> str:
    parts = []
    for python_name, value in attributes.items():
        if value is None or value is False:
            continue
        key = python_name.rstrip("_").replace("_", "-")
        parts.append(key if value is True else f'{key}="{escape(str(value))}"')
    return (" " + " ".join(parts)) if parts else ""


def _text(value: object) -> str:
    return escape("" if value is None else str(value))


def _value(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


def _options(options: tuple[tuple[str, str], ...], selected: object) -> list[str]:
    return [
        f"<option{_attrs(value=value, selected=value == selected)}>{_text(label)}</option>"
        for value, label in options
    ]


def _choices(field: ChoiceField | UnitField) -> tuple[tuple[str, str], ...]:
    """A choice's (value, label) pairs; a unit's label is its symbol."""
    if isinstance(field, UnitField):
        return tuple((o.value, UNITS[o.value].symbol) for o in field.options)
    return tuple((o.value, o.label) for o in field.options)


def _error(key: str, error_id: str | None, classes: str = "mc-error") -> str:
    return f"<p{_attrs(class_=classes, id=error_id, data_error_for=key)} hidden></p>"


def _whole_steps(form: Form | None, number: NumberField) -> bool:
    """True when the number is typed in whole steps (in its default unit, if it has one)."""
    if number.unit_field is not None and form is not None:
        unit = form.field(number.unit_field)
        assert isinstance(unit, UnitField)
        return float(unit.option(unit.default).bounds.step).is_integer()
    return number.bounds is None or float(number.bounds.step).is_integer()


def _takes_feet_and_inches(form: Form, number: NumberField) -> bool:
    """True for a length that may be typed in inches, so also as feet and inches ("5'9"): its
    field gets the full keyboard, whose number layer has the ' and the space a phone's decimal
    keypad lacks."""
    if number.unit_field is None:
        return False
    unit = form.field(number.unit_field)
    return isinstance(unit, UnitField) and "in" in [option.value for option in unit.options]


def _number_input(
    number: NumberField | DateField,
    key: str,
    value: object,
    ids: tuple[str | None, str | None],
    *,
    whole: bool,
    default: object = None,
    keyboard: str | None = None,
) -> str:
    control_id, described_by = ids
    date = isinstance(number, DateField)  # a year-month-day date: the browser's date picker
    attributes = _attrs(
        class_="mc-input",
        id=control_id,
        name=number.name,
        type="date" if date else "text",
        inputmode=None if date else keyboard or ("numeric" if whole else "decimal"),
        autocomplete="off",
        value=_value(value),
        aria_describedby=described_by,
        data_name=number.name,
        data_key=key,
        data_default=None if default is None else _value(default),
    )
    return f"<input{attributes}>"


def _select(
    choice: ChoiceField,
    key: str,
    selected: object,
    ids: tuple[str | None, str | None],
    *,
    default: object = None,
) -> list[str]:
    control_id, described_by = ids
    attributes = _attrs(
        class_="mc-select",
        id=control_id,
        name=choice.name,
        aria_describedby=described_by,
        data_name=choice.name,
        data_key=key,
        data_default=default,
    )
    return [f"<select{attributes}>", *_options(_choices(choice), selected), "</select>"]


def _help_and_error(calc: str, name: str, help_text: str) -> tuple[list[str], str]:
    """The help and error paragraphs under a field, and the ids its control is described by."""
    base = f"mc-{calc}-{name}"
    lines = []
    described = []
    if help_text:
        lines.append(f'<p class="mc-help" id="{base}-help">{_text(help_text)}</p>')
        described.append(f"{base}-help")
    lines.append(_error(name, f"{base}-error"))
    described.append(f"{base}-error")
    return lines, " ".join(described)


def _optional_note(field: NumberField | ChoiceField) -> str:
    """What an optional number does when left empty: its default, or "(optional)" when the
    answer simply leaves it out. A choice always has a value, so it is never marked optional."""
    if field.required or not isinstance(field, NumberField):
        return ""
    if field.default is not None:
        return f' <span class="mc-default">({_text(_value(field.default))} if left empty)</span>'
    return ' <span class="mc-optional">(optional)</span>'


def _unit_select(form: Form, number: NumberField) -> list[str]:
    """The unit beside a number, named for screen readers by its own label."""
    if number.unit_field is None:
        return []
    unit = form.field(number.unit_field)
    assert isinstance(unit, UnitField)
    attributes = _attrs(
        class_="mc-unit",
        id=f"mc-{form.name}-{unit.name}",
        name=unit.name,
        aria_label=unit.label,
        data_name=unit.name,
        data_key=unit.name,
        data_unit_for=number.name,
    )
    return [f"<select{attributes}>", *_options(_choices(unit), unit.default), "</select>"]


def _field(form: Form, field: NumberField | ChoiceField) -> str:
    calc, name = form.name, field.name
    control_id = f"mc-{calc}-{name}"
    below, described_by = _help_and_error(calc, name, field.help)
    lines = [
        f'<div class="mc-field mc-field--{field.kind}" data-field="{escape(name)}">',
        f'<label class="mc-field__label" for="{control_id}">'
        f"{_text(field.label)}{_optional_note(field)}</label>",
        '<div class="mc-control">',
    ]
    ids = (control_id, described_by)
    if isinstance(field, NumberField):
        whole = _whole_steps(form, field)
        keyboard = "text" if _takes_feet_and_inches(form, field) else None
        lines.append(_number_input(field, name, field.default, ids, whole=whole, keyboard=keyboard))
        lines += _unit_select(form, field)
    else:
        lines += _select(field, name, field.default, ids)
    return "\n".join([*lines, "</div>", *below, "</div>"])


def _checklist(calc: str, field: ChecklistField) -> str:
    name = field.name
    below, described_by = _help_and_error(calc, name, field.help)
    lines = [
        f'<fieldset class="mc-field mc-field--checklist" data-field="{escape(name)}"'
        f"{_attrs(aria_describedby=described_by)}>",
        f'<legend class="mc-field__label">{_text(field.label)}</legend>',
        '<ul class="mc-checklist">',
        *(check_box(name, option.value, option.label) for option in field.options),
    ]
    return "\n".join([*lines, "</ul>", *below, "</fieldset>"])


def _entry_row(field: EntriesField, index: int, row: Mapping[str, Any]) -> str:
    lines = [f'<li class="mc-entry" data-index="{index}">']
    for sub in field.fields:
        key = f"{field.name}.{index}.{sub.name}"
        # Each row's controls carry the field's default, for a row the page adds.
        control = (
            _select(sub, key, row.get(sub.name), (None, None), default=sub.default)
            if isinstance(sub, ChoiceField)
            else [
                _number_input(
                    sub,
                    key,
                    row.get(sub.name),
                    (None, None),
                    whole=isinstance(sub, NumberField) and _whole_steps(None, sub),
                    default=sub.default if isinstance(sub, NumberField) else None,
                )
            ]
        )
        lines += [
            f'<div class="mc-field mc-field--{sub.kind}" data-entry-field="{escape(sub.name)}">',
            '<label class="mc-field__label">'
            f'<span class="mc-field__text">{_text(sub.label)}</span>',
            *control,
            "</label>",
            _error(key, None),
            "</div>",
        ]
    lines.append(
        '<button type="button" class="mc-entry__remove md-button" data-action="remove-entry">'
        f'Remove<span class="mc-visually-hidden"> row {index + 1}</span></button>'
    )
    lines.append("</li>")
    return "\n".join(lines)


def _presets(calc: str, field: EntriesField) -> list[str]:
    """Buttons that fill the list with a ready-made set of rows (a sample week), each row's
    values in the address's form (``exercise=squat&sets=3&sessions=1&exercise=...``). Hidden
    until the page's script runs, since only it can use them."""
    if not field.presets:
        return []
    label_id = f"mc-{calc}-{field.name}-presets"
    buttons = [
        '<button type="button" class="md-button mc-presets__use" data-action="use-preset"'
        f"{_attrs(data_rows=urlencode([(k, v) for row in p.rows for k, v in row.items()]))}>"
        f"{_text(p.label)}</button>"
        for p in field.presets
    ]
    return [
        f'<div class="mc-presets" role="group" aria-labelledby="{label_id}" hidden>',
        f'<p class="mc-presets__label" id="{label_id}">Start from a sample week:</p>',
        *buttons,
        "</div>",
    ]


def _add_label(noun: str) -> str:
    """The add-a-row button's words, from the row's noun: "Add an exercise", "Add a reading"."""
    return f"Add {'an' if noun[:1] in 'aeiou' else 'a'} {noun}"


def _entries(calc: str, field: EntriesField) -> str:
    error_id = f"mc-{calc}-{field.name}-error"
    help_id = f"mc-{calc}-{field.name}-help"
    limits = _attrs(
        data_min_items=field.min_items,
        data_max_items=field.max_items,
        aria_describedby=f"{help_id} {error_id}",
    )
    lines = [
        f'<fieldset class="mc-entries" data-field="{escape(field.name)}"{limits}>',
        f'<legend class="mc-field__label">{_text(field.label)}</legend>',
        f'<p class="mc-help" id="{help_id}">{_text(field.help)}</p>',
        *_presets(calc, field),
        '<ol class="mc-entries__list">',
        *(_entry_row(field, i, row) for i, row in enumerate(field.default)),
        "</ol>",
        _error(field.name, error_id),
        '<button type="button" class="mc-entries__add md-button" data-action="add-entry">'
        f"{_text(_add_label(field.item_noun))}</button>",
        "</fieldset>",
    ]
    return "\n".join(lines)
