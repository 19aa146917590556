"""Calculator pages: `<!-- calculator: NAME -->` becomes the calculator's form and a worked answer.

The form is rendered from `musclecalc.bridge.forms()`. The worked answer is the markup
`musclecalc.bridge.run()` gives for the form's default inputs: the same renderer the browser's
worker uses, so the answer a page is built with and the one it shows live cannot differ.

:func:`describe` asks musclecalc in this process; :func:`describe_fresh` runs it in a new
interpreter (``python -m sitebuild.calculators``), so `mkdocs serve` always renders the
calculators as their source is now, never a copy imported before an edit.

    python -m sitebuild.calculators [SITE_ROOT]     # prints what describe() returns, as JSON
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable
from html import escape
from typing import Any, Final
from urllib.parse import urlencode

__all__ = [
    "CalculatorMarkerError",
    "describe",
    "describe_fresh",
    "render_calculator",
    "replace_markers",
]

MARKER: Final = re.compile(r"^<!--\s*calculator:\s*(?P<name>[a-z_]+)\s*-->[ \t]*$", re.M)
LOOSE_MARKER: Final = re.compile(r"<!--\s*calculators?\s*:", re.I)

Described = dict[str, dict[str, Any]]

#: The summary line musclecalc's renderer writes first in every answer (its text is escaped).
SUMMARY: Final = re.compile(r'<p class="mc-summary">(?P<text>[^<]*)</p>')
#: Words shown while an answer is out of date: waiting for Python, or kept after a bad value.
STATE_LABELS: Final = (
    '<span class="mc-state mc-state--updating">Updating…</span>'
    '<span class="mc-state mc-state--stale">Not updated: check the marked field</span>'
)


class CalculatorMarkerError(Exception):
    """A page names a calculator that does not exist, or writes its marker wrongly."""


def describe(site_root: str = "") -> Described:
    """Each calculator's form, default inputs and worked answer (HTML), by name.

    ``site_root`` is the relative path from the page to the site's root, for links in answers.
    """
    from musclecalc import bridge

    described: Described = {}
    for form in json.loads(bridge.forms())["calculators"]:
        payload = {
            f["name"]: f["default"] for f in form["fields"] if f.get("default") not in (None, [])
        }
        reply = json.loads(bridge.run(form["name"], json.dumps(payload), site_root))
        if not reply.get("ok"):
            raise ValueError(
                f"calculator {form['name']!r}: its default inputs give errors: {reply.get('errors')}"
            )
        described[form["name"]] = {
            "form": form,
            "payload": payload,
            "site_root": site_root,
            "answer": reply["answer"],
            "details": reply["details"],
        }
    return described


def describe_fresh(site_root: str = "") -> Described:
    """:func:`describe` in a new interpreter, on the calculators' source as it is now."""
    done = subprocess.run(
        [sys.executable, "-m", "sitebuild.calculators", site_root],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise CalculatorMarkerError(
            f"musclecalc could not describe its calculators:\n{done.stderr}"
        )
    described: Described = json.loads(done.stdout)
    return described


def replace_markers(markdown: str, where: str, calculators: Callable[[], Described]) -> str:
    """The page with each calculator marker replaced by its form and worked answer.

    ``calculators`` is called only when the page has a marker. Raises
    :class:`CalculatorMarkerError` for an unknown name or a malformed marker.
    """

    def render(match: re.Match[str]) -> str:
        known = calculators()
        name = match.group("name")
        if name not in known:
            raise CalculatorMarkerError(
                f"{where}: unknown calculator {name!r} (known: {', '.join(sorted(known))})"
            )
        return render_calculator(known[name])

    rendered = MARKER.sub(render, markdown)
    leftover = LOOSE_MARKER.search(rendered)
    if leftover:
        line = rendered[: leftover.start()].count("\n") + 1
        raise CalculatorMarkerError(
            f"{where}:{line}: malformed calculator marker; "
            "write it alone on a line as <!-- calculator: NAME -->"
        )
    return rendered


# ---------------------------------------------------------------------------------------------
# The form's HTML. One line per element and no blank lines, so Python-Markdown passes it through.
# Controls carry `data-key` and error messages `data-error-for`, both the field's error key as the
# bridge names it ("weight", "entries.2.sets", "_" for the form), so the page's JavaScript finds
# them by key and never rebuilds an element id.


def _attrs(**attributes: Any) -> str:
    parts = []
    for python_name, value in attributes.items():
        if value is None or value is False:
            continue
        key = python_name.rstrip("_").replace("_", "-")
        parts.append(key if value is True else f'{key}="{escape(str(value))}"')
    return (" " + " ".join(parts)) if parts else ""


def _text(value: Any) -> str:
    return escape("" if value is None else str(value))


def _value(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


def _options(field: dict[str, Any], selected: Any) -> list[str]:
    return [
        f"<option{_attrs(value=c['value'], selected=c['value'] == selected)}>{_text(c['label'])}</option>"
        for c in field["choices"]
    ]


def _error(key: str, error_id: str | None, classes: str = "mc-error") -> str:
    return f"<p{_attrs(class_=classes, id=error_id, data_error_for=key)} hidden></p>"


def _number_input(
    field: dict[str, Any],
    key: str,
    value: Any,
    control_id: str | None,
    described_by: str | None,
    *,
    default: Any = None,
) -> str:
    integer = float(field.get("step") or 1).is_integer()
    attributes = _attrs(
        class_="mc-input",
        id=control_id,
        name=field["name"],
        type="text",
        inputmode="numeric" if integer else "decimal",
        autocomplete="off",
        value=_value(value),
        aria_describedby=described_by,
        data_name=field["name"],
        data_key=key,
        data_default=None if default is None else _value(default),
    )
    return f"<input{attributes}>"


def _select(
    field: dict[str, Any],
    key: str,
    selected: Any,
    control_id: str | None,
    described_by: str | None,
    *,
    default: Any = None,
) -> list[str]:
    attributes = _attrs(
        class_="mc-select",
        id=control_id,
        name=field["name"],
        aria_describedby=described_by,
        data_name=field["name"],
        data_key=key,
        data_default=default,
    )
    return [f"<select{attributes}>", *_options(field, selected), "</select>"]


def _help_and_error(calc: str, field: dict[str, Any]) -> tuple[list[str], str]:
    """The help and error paragraphs under a field, and the ids its control is described by."""
    base = f"mc-{calc}-{field['name']}"
    lines = []
    described = []
    if field.get("help"):
        lines.append(f'<p class="mc-help" id="{base}-help">{_text(field["help"])}</p>')
        described.append(f"{base}-help")
    lines.append(_error(field["name"], f"{base}-error"))
    described.append(f"{base}-error")
    return lines, " ".join(described)


def _optional_note(field: dict[str, Any]) -> str:
    """What an optional field does when left empty: its default, or "(optional)" when the answer
    simply leaves it out. A choice always has a value, so it is never marked optional."""
    if field.get("required", True) or field["kind"] != "number":
        return ""
    if field.get("default") is not None:
        return f' <span class="mc-default">({_text(_value(field["default"]))} if left empty)</span>'
    return ' <span class="mc-optional">(optional)</span>'


def _field(
    calc: str, field: dict[str, Any], fields: dict[str, dict[str, Any]], payload: dict[str, Any]
) -> str:
    name = field["name"]
    control_id = f"mc-{calc}-{name}"
    below, described_by = _help_and_error(calc, field)
    optional = _optional_note(field)
    lines = [
        f'<div class="mc-field mc-field--{field["kind"]}" data-field="{escape(name)}">',
        f'<label class="mc-field__label" for="{control_id}">{_text(field["label"])}{optional}</label>',
        '<div class="mc-control">',
    ]
    if field["kind"] == "number":
        lines.append(
            _number_input(
                field, name, payload.get(name, field.get("default")), control_id, described_by
            )
        )
        unit_name = field.get("unit_field")
        if unit_name:
            unit = fields[unit_name]
            attributes = _attrs(
                class_="mc-unit",
                id=f"mc-{calc}-{unit_name}",
                name=unit_name,
                aria_label=unit["label"],
                data_name=unit_name,
                data_key=unit_name,
                data_unit_for=name,
            )
            lines += [
                f"<select{attributes}>",
                *_options(unit, payload.get(unit_name, unit.get("default"))),
                "</select>",
            ]
    elif field["kind"] == "choice":
        lines += _select(
            field, name, payload.get(name, field.get("default")), control_id, described_by
        )
    else:
        raise CalculatorMarkerError(
            f"calculator {calc!r}: field {name!r} has an unknown kind {field['kind']!r}"
        )
    return "\n".join([*lines, "</div>", *below, "</div>"])


def _checklist(calc: str, field: dict[str, Any], payload: dict[str, Any]) -> str:
    name = field["name"]
    below, described_by = _help_and_error(calc, field)
    ticked = set(payload.get(name) or [])
    lines = [
        f'<fieldset class="mc-field mc-field--checklist" data-field="{escape(name)}"{_attrs(aria_describedby=described_by)}>',
        f'<legend class="mc-field__label">{_text(field["label"])}</legend>',
        '<ul class="mc-checklist">',
    ]
    for choice in field["choices"]:
        box = _attrs(
            type="checkbox",
            class_="mc-check",
            name=name,
            value=choice["value"],
            checked=choice["value"] in ticked,
            data_name=name,
            data_key=name,
        )
        lines.append(
            f'<li><label class="mc-check__label"><input{box}> {_text(choice["label"])}</label></li>'
        )
    return "\n".join([*lines, "</ul>", *below, "</fieldset>"])


def _entry_row(field: dict[str, Any], index: int, row: dict[str, Any]) -> str:
    lines = [f'<li class="mc-entry" data-index="{index}">']
    for sub in field["fields"]:
        key = f"{field['name']}.{index}.{sub['name']}"
        control = (
            # Each row's controls carry the field's default, for a row the page adds.
            _select(sub, key, row.get(sub["name"]), None, None, default=sub.get("default"))
            if sub["kind"] == "choice"
            else [
                _number_input(
                    sub, key, row.get(sub["name"]), None, None, default=sub.get("default")
                )
            ]
        )
        lines.append(
            f'<div class="mc-field mc-field--{sub["kind"]}" data-entry-field="{escape(sub["name"])}">'
        )
        lines.append(
            f'<label class="mc-field__label"><span class="mc-field__text">{_text(sub["label"])}</span>'
        )
        lines += control
        lines.append("</label>")
        lines.append(_error(key, None))
        lines.append("</div>")
    lines.append(
        '<button type="button" class="mc-entry__remove md-button" data-action="remove-entry">'
        f'Remove<span class="mc-visually-hidden"> row {index + 1}</span></button>'
    )
    lines.append("</li>")
    return "\n".join(lines)


def _presets(calc: str, field: dict[str, Any]) -> list[str]:
    """Buttons that fill the list with a ready-made set of rows (a sample week), each row's
    values in the address's form (``exercise=squat&sets=3&sessions=1&exercise=...``). Hidden
    until the page's script runs, since only it can use them."""
    presets = field.get("presets") or []
    if not presets:
        return []
    label_id = f"mc-{calc}-{field['name']}-presets"
    buttons = [
        '<button type="button" class="md-button mc-presets__use" data-action="use-preset"'
        f"{_attrs(data_rows=urlencode([(k, v) for row in p['rows'] for k, v in row.items()]))}>"
        f"{_text(p['label'])}</button>"
        for p in presets
    ]
    return [
        f'<div class="mc-presets" role="group" aria-labelledby="{label_id}" hidden>',
        f'<p class="mc-presets__label" id="{label_id}">Start from a sample week:</p>',
        *buttons,
        "</div>",
    ]


def _entries(calc: str, field: dict[str, Any], payload: dict[str, Any]) -> str:
    rows = payload.get(field["name"]) or field.get("default") or []
    error_id = f"mc-{calc}-{field['name']}-error"
    help_id = f"mc-{calc}-{field['name']}-help"
    lines = [
        f'<fieldset class="mc-entries" data-field="{escape(field["name"])}"'
        f"{_attrs(data_min_items=field.get('min_items'), data_max_items=field.get('max_items'), aria_describedby=f'{help_id} {error_id}')}>",
        f'<legend class="mc-field__label">{_text(field["label"])}</legend>',
        f'<p class="mc-help" id="{help_id}">{_text(field.get("help"))}</p>',
        *_presets(calc, field),
        '<ol class="mc-entries__list">',
    ]
    lines += [_entry_row(field, i, row) for i, row in enumerate(rows)]
    lines += [
        "</ol>",
        _error(field["name"], error_id),
        '<button type="button" class="mc-entries__add md-button" data-action="add-entry">Add an exercise</button>',
        "</fieldset>",
    ]
    return "\n".join(lines)


_CONTROLS: Final = {"entries": _entries, "checklist": _checklist}


def _share(calc: str, *, on_request: bool) -> str:
    """The "Copy link" control, hidden until the page's script runs (which alone can use it).
    A form whose answers stay out of the address until asked (the self-check) says so, and
    gets "Clear my answers"."""
    label = "Copy a link to these answers" if on_request else "Copy link to this answer"
    extra = (
        '<button type="button" class="md-button mc-share__clear" data-action="clear-answers">'
        "Clear my answers</button>"
        '<p class="mc-share__note">Your answers stay in this page only: they are not put in '
        "its address, your browsing history or any storage unless you ask for a link.</p>"
        if on_request
        else ""
    )
    return (
        '<div class="mc-share" hidden>'
        f'<button type="button" class="md-button mc-share__copy" data-action="copy-link">{label}</button>'
        f"{extra}"
        f'<input class="mc-share__address" id="mc-{calc}-address" type="text" readonly hidden '
        'aria-label="Link to this answer">'
        '<p class="mc-share__status" role="status"></p></div>'
    )


def render_calculator(calculator: dict[str, Any]) -> str:
    """A calculator's whole block: form, status line, and the worked answer."""
    form = calculator["form"]
    calc = form["name"]
    payload = calculator["payload"]
    fields = {f["name"]: f for f in form["fields"]}
    group_titles = {group["first"]: group["title"] for group in form.get("groups", [])}
    controls = []
    in_group = False
    for field in form["fields"]:
        if field["name"] in group_titles:
            # A long form in headed sections: each group runs to the next one, or the end.
            if in_group:
                controls.append("</fieldset>")
            in_group = True
            controls.append('<fieldset class="mc-group">')
            title = _text(group_titles[field["name"]])
            controls.append(f'<legend class="mc-group__title">{title}</legend>')
        if field["kind"] == "unit":
            continue  # drawn beside the number it measures
        special = _CONTROLS.get(field["kind"])
        controls.append(
            special(calc, field, payload) if special else _field(calc, field, fields, payload)
        )
    if in_group:
        controls.append("</fieldset>")
    summary = SUMMARY.search(calculator["answer"])
    return "\n".join(
        [
            "",
            f'<div class="mc-calculator" data-calculator="{escape(calc)}" id="mc-{calc}"'
            f"{_attrs(data_site_root=calculator.get('site_root', ''))}"
            f"{' data-link-on-request' if form.get('link_on_request') else ''}>",
            '<div class="mc-layout">',
            # The answer's headline, kept in view on a phone while the form is edited (a copy of
            # the summary below, for the eye only: screen readers get the answer's live region).
            '<div class="mc-glance" aria-hidden="true">'
            f'<p class="mc-glance__text">{summary.group("text") if summary else ""}</p>'
            f"{STATE_LABELS}</div>",
            f'<form class="mc-form" novalidate aria-label="{escape(form["title"])}">',
            *controls,
            _error("_", f"mc-{calc}-form-error", "mc-error mc-error--form"),
            "</form>",
            '<div class="mc-status" role="status" data-state="static"><span class="mc-status__text">'
            "Worked example for the values shown. Your own answer is calculated in your browser once "
            "JavaScript runs; nothing you type leaves this page.</span>"
            '<button type="button" class="mc-status__retry md-button" data-action="retry" hidden>Try again</button></div>',
            f'<section class="mc-result" aria-labelledby="mc-{calc}-result-title">',
            f'<div class="mc-result__head"><h2 class="mc-result__title" id="mc-{calc}-result-title">'
            f"Your answer</h2>{STATE_LABELS}</div>",
            # The answer's markup starts and ends inside its box, as the page places it live.
            f'<div class="mc-answer" id="mc-{calc}-answer" aria-live="polite">{calculator["answer"]}</div>',
            _share(calc, on_request=bool(form.get("link_on_request"))),
            "</section>",
            f'<div class="mc-details" id="mc-{calc}-details">{calculator["details"]}</div>',
            "</div>",
            "</div>",
            "",
        ]
    )


def main(argv: list[str]) -> int:
    """Print :func:`describe` for the site root given (default: the site's root itself)."""
    json.dump(describe(argv[0] if argv else ""), sys.stdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
