"""MkDocs hook: turn `<!-- calculator: NAME -->` into the calculator's form and a worked answer.

The form is rendered from `musclecalc.bridge.forms()` and the answer from `musclecalc.bridge.run()`
for the form's default inputs, both computed at build time by the same Python the browser runs,
so a page shows a real answer before (or without) JavaScript, and the form and the checks can
never disagree. An unknown calculator name, or a marker that is not written as one, fails the build.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from html import escape
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parents[2]
MARKER = re.compile(r"^<!--\s*calculator:\s*(?P<name>[a-z_]+)\s*-->[ \t]*$", re.M)
LOOSE_MARKER = re.compile(r"<!--\s*calculators?\s*:", re.I)

# Runs in a fresh interpreter on the working tree's source, so `mkdocs serve` always renders the
# calculators as they are now, never a copy imported before an edit.
_EVALUATE = """
import json, sys
from musclecalc import bridge
forms = json.loads(bridge.forms())["calculators"]
results = {}
for form in forms:
    payload = {f["name"]: f["default"] for f in form["fields"] if f.get("default") is not None}
    results[form["name"]] = {"payload": payload, "response": json.loads(bridge.run(form["name"], json.dumps(payload)))}
json.dump({"forms": forms, "results": results}, sys.stdout)
"""

_calculators: dict[str, dict[str, Any]] = {}


def load_calculators() -> dict[str, dict[str, Any]]:
    """Each calculator's form and its answer for the default inputs, by name."""
    env = dict(os.environ, PYTHONPATH=str(ROOT / "calculators" / "src"))
    done = subprocess.run([sys.executable, "-c", _EVALUATE], capture_output=True, text=True, env=env)
    if done.returncode != 0:
        raise PluginError(f"musclecalc could not describe its calculators:\n{done.stderr}")
    data = json.loads(done.stdout)
    calculators = {}
    for form in data["forms"]:
        result = data["results"][form["name"]]
        if not result["response"].get("ok"):
            raise PluginError(f"calculator {form['name']!r}: its default inputs give errors: "
                              f"{result['response'].get('errors')}")
        calculators[form["name"]] = {"form": form, **result}
    return calculators


def on_pre_build(config: MkDocsConfig) -> None:
    _calculators.clear()
    _calculators.update(load_calculators())


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    def render(match: re.Match[str]) -> str:
        name = match.group("name")
        if name not in _calculators:
            known = ", ".join(sorted(_calculators))
            raise PluginError(f"{page.file.src_uri}: unknown calculator {name!r} (known: {known})")
        return render_calculator(_calculators[name])

    rendered = MARKER.sub(render, markdown)
    leftover = LOOSE_MARKER.search(rendered)
    if leftover:
        line = rendered[: leftover.start()].count("\n") + 1
        raise PluginError(f"{page.file.src_uri}:{line}: malformed calculator marker; "
                          "write it alone on a line as <!-- calculator: NAME -->")
    return rendered


# ---------------------------------------------------------------------------------------------
# HTML. One line per element and no blank lines, so Python-Markdown passes it through untouched.


def _attrs(**attributes: Any) -> str:
    parts = []
    for key, value in attributes.items():
        if value is None or value is False:
            continue
        key = key.rstrip("_").replace("_", "-")
        parts.append(key if value is True else f'{key}="{escape(str(value))}"')
    return (" " + " ".join(parts)) if parts else ""


def _text(value: Any) -> str:
    return escape("" if value is None else str(value))


def _value(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


def _options(field: dict[str, Any], selected: Any) -> list[str]:
    return [f'<option{_attrs(value=c["value"], selected=c["value"] == selected)}>{_text(c["label"])}</option>'
            for c in field["choices"]]


def _number_input(field: dict[str, Any], input_id: str, value: Any, described_by: str) -> str:
    integer = float(field.get("step") or 1).is_integer()
    attributes = _attrs(class_="mc-input", id=input_id, name=field["name"], type="text",
                        inputmode="numeric" if integer else "decimal", autocomplete="off",
                        value=_value(value), aria_describedby=described_by, data_name=field["name"])
    return f"<input{attributes}>"


def _field(calc: str, field: dict[str, Any], fields: dict[str, dict[str, Any]], payload: dict[str, Any]) -> str:
    name = field["name"]
    base = f"mc-{calc}-{name}"
    help_id, error_id = f"{base}-help", f"{base}-error"
    described_by = f"{help_id} {error_id}" if field.get("help") else error_id
    optional = "" if field.get("required", True) else ' <span class="mc-optional">(optional)</span>'
    lines = [f'<div class="mc-field mc-field--{field["kind"]}" data-field="{escape(name)}">',
             f'<label class="mc-field__label" for="{base}">{_text(field["label"])}{optional}</label>',
             '<div class="mc-control">']
    if field["kind"] == "number":
        lines.append(_number_input(field, base, payload.get(name, field.get("default")), described_by))
        unit_name = field.get("unit_field")
        if unit_name:
            unit = fields[unit_name]
            attributes = _attrs(class_="mc-unit", id=f"mc-{calc}-{unit_name}", name=unit_name,
                                aria_label=unit["label"], data_name=unit_name, data_unit_for=name)
            lines.append(f"<select{attributes}>")
            lines += _options(unit, payload.get(unit_name, unit.get("default")))
            lines.append("</select>")
    elif field["kind"] == "choice":
        lines.append(f'<select{_attrs(class_="mc-select", id=base, name=name, aria_describedby=described_by, data_name=name)}>')
        lines += _options(field, payload.get(name, field.get("default")))
        lines.append("</select>")
    else:
        raise PluginError(f"calculator {calc!r}: field {name!r} has an unknown kind {field['kind']!r}")
    lines.append("</div>")
    if field.get("help"):
        lines.append(f'<p class="mc-help" id="{help_id}">{_text(field["help"])}</p>')
    lines.append(f'<p class="mc-error" id="{error_id}" hidden></p>')
    lines.append("</div>")
    return "\n".join(lines)


def _entry_row(calc: str, field: dict[str, Any], index: int, row: dict[str, Any]) -> str:
    lines = [f'<li class="mc-entry" data-index="{index}">']
    for sub in field["fields"]:
        sub_name = sub["name"]
        control_id = f"mc-{calc}-entries-{index}-{sub_name}"
        error_id = f"{control_id}-error"
        lines.append(f'<div class="mc-field mc-field--{sub["kind"]}" data-entry-field="{escape(sub_name)}">')
        lines.append(f'<label class="mc-field__label" for="{control_id}">{_text(sub["label"])}</label>')
        if sub["kind"] == "choice":
            lines.append(f'<select{_attrs(class_="mc-select", id=control_id, name=sub_name, aria_describedby=error_id, data_name=sub_name)}>')
            lines += _options(sub, row.get(sub_name))
            lines.append("</select>")
        else:
            lines.append(_number_input(sub, control_id, row.get(sub_name), error_id))
        lines.append(f'<p class="mc-error" id="{error_id}" hidden></p>')
        lines.append("</div>")
    lines.append(f'<button type="button" class="mc-entry__remove md-button" data-action="remove-entry">'
                 f'Remove<span class="mc-visually-hidden"> row {index + 1}</span></button>')
    lines.append("</li>")
    return "\n".join(lines)


def _entries(calc: str, field: dict[str, Any], payload: dict[str, Any]) -> str:
    rows = payload.get(field["name"]) or field.get("default") or []
    error_id = f"mc-{calc}-entries-error"
    help_id = f"mc-{calc}-entries-help"
    lines = [f'<fieldset class="mc-entries" data-field="entries"{_attrs(data_min_items=field.get("min_items"), data_max_items=field.get("max_items"), aria_describedby=f"{help_id} {error_id}")}>',
             f'<legend class="mc-field__label">{_text(field["label"])}</legend>',
             f'<p class="mc-help" id="{help_id}">{_text(field.get("help") or "One row for each exercise you do in a normal week.")}</p>',
             '<ol class="mc-entries__list">']
    lines += [_entry_row(calc, field, i, row) for i, row in enumerate(rows)]
    lines += ["</ol>",
              f'<p class="mc-error" id="{error_id}" hidden></p>',
              '<button type="button" class="mc-entries__add md-button" data-action="add-entry">Add an exercise</button>',
              "</fieldset>"]
    return "\n".join(lines)


def render_display(display: dict[str, Any], calc: str) -> str:
    """The answer, as the page shows it; calculators.mjs builds the same structure live."""
    answer = [f'<p class="mc-summary">{_text(display["summary"])}</p>']
    if display.get("facts"):
        answer.append('<dl class="mc-facts">')
        answer += [f'<div class="mc-fact"><dt>{_text(f["label"])}</dt><dd>{_text(f["value"])}</dd></div>'
                   for f in display["facts"]]
        answer.append("</dl>")
    if display.get("warnings"):
        answer.append('<div class="mc-warnings"><p class="mc-warnings__title">Please note</p><ul>')
        answer += [f"<li>{_text(w)}</li>" for w in display["warnings"]]
        answer.append("</ul></div>")
    details = []
    chart = display.get("chart")
    if chart:
        details.append(f'<figure class="mc-chart-figure">{chart["svg"]}'
                       f'<figcaption>{_text(chart["description"])}</figcaption></figure>')
    table = display.get("table")
    if table:
        details.append(f'<div class="mc-table-wrap"><table><caption>{_text(table["caption"])}</caption>')
        details.append("<thead><tr>" + "".join(f'<th scope="col">{_text(c)}</th>' for c in table["columns"]) + "</tr></thead><tbody>")
        for row in table["rows"]:
            head, *rest = row
            details.append(f'<tr><th scope="row">{_text(head)}</th>' + "".join(f"<td>{_text(c)}</td>" for c in rest) + "</tr>")
        details.append("</tbody></table></div>")
    if display.get("notes"):
        details.append('<ul class="mc-notes">' + "".join(f"<li>{_text(n)}</li>" for n in display["notes"]) + "</ul>")
    details.append(f'<details class="mc-method"><summary>Method and sources</summary><p>{_text(display["method"])}</p>'
                   '<ol class="mc-sources">' + "".join(f"<li>{_text(s)}</li>" for s in display.get("sources", [])) + "</ol></details>")
    return "\n".join([f'<div class="mc-answer" id="mc-{calc}-answer" aria-live="polite">', *answer, "</div>",
                      f'<div class="mc-details" id="mc-{calc}-details">', *details, "</div>"])


def render_calculator(calculator: dict[str, Any]) -> str:
    form = calculator["form"]
    calc = form["name"]
    payload = calculator["payload"]
    fields = {f["name"]: f for f in form["fields"]}
    controls = []
    for field in form["fields"]:
        if field["kind"] == "unit":
            continue  # drawn beside the number it measures
        controls.append(_entries(calc, field, payload) if field["kind"] == "entries"
                        else _field(calc, field, fields, payload))
    return "\n".join([
        "",
        f'<div class="mc-calculator" data-calculator="{escape(calc)}" id="mc-{calc}">',
        f'<form class="mc-form" novalidate aria-label="{escape(form["title"])}">',
        *controls,
        f'<p class="mc-error mc-error--form" id="mc-{calc}-form-error" hidden></p>',
        "</form>",
        f'<div class="mc-status" role="status" data-state="static"><span class="mc-status__text">'
        "Worked example for the values shown. Your own answer is calculated in your browser once "
        'JavaScript runs; nothing you type leaves this page.</span>'
        '<button type="button" class="mc-status__retry md-button" data-action="retry" hidden>Try again</button></div>',
        f'<section class="mc-result" aria-labelledby="mc-{calc}-result-title">',
        f'<h2 class="mc-result__title" id="mc-{calc}-result-title">Your answer</h2>',
        render_display(calculator["response"]["display"], calc),
        "</section>",
        "</div>",
        "",
    ])
