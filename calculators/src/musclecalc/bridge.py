"""The JSON bridge the web page calls through Pyodide: JSON text in, JSON text out.

None of these functions raises, and none returns NaN or Infinity, whatever it is given.

The page calls :func:`run`, which sends back only what it shows: the answer as HTML, written by
the same renderer the site's build uses. :func:`result` gives the whole result and display as
data, for tests and the command line's ``--json``.

>>> import json
>>> reply = json.loads(run("protein", '{"weight": "70", "goal": "build"}'))
>>> sorted(reply), reply["answer"].splitlines()[0]
(['answer', 'details', 'digest', 'ok'], '<p class="mc-summary">Aim for about 126 g of protein a day (112-154 g).</p>')
>>> full = json.loads(result("protein", '{"weight": "70", "goal": "build"}'))
>>> full["result"]["daily_grams"], full["display"]["summary"]
({'low': 112, 'target': 126, 'high': 154}, 'Aim for about 126 g of protein a day (112-154 g).')
>>> json.loads(run("protein", '{"weight": "heavy", "meals": 0}'))["errors"]
{'weight': 'Enter a body weight as a number between 30 and 300 kg.', 'meals': 'Enter a number of meals a day between 1 and 8.'}
>>> json.loads(run("protein", '{"weight": "154 lb", "weight_unit": "kg"}'))["fields"]
{'weight': '154', 'weight_unit': 'lb'}
>>> json.loads(convert('{"value": "80", "from": "kg", "to": "lb"}'))
{'ok': True, 'value': 176.4, 'text': '176.4'}
"""

from __future__ import annotations

import datetime
import json
import math
from dataclasses import dataclass
from typing import Any, Final, NoReturn

from ._calculator import Answer, Calculator
from ._errors import InputError, UnknownCalculatorError
from ._handout import Stamp
from ._html import markup_digest, render
from ._numbers import NotANumber, format_decimal, parse_number
from ._registry import CALCULATORS, calculator
from ._results import Result
from ._units import UNITS
from ._units import convert as convert_units

__all__ = ["convert", "forms", "result", "run"]

_BAD_JSON: Final = "The form values could not be read (they are not valid JSON)."
_NOT_OBJECT: Final = 'Send the form values as a JSON object, such as {"weight": 70}.'
_NOT_TEXT: Final = "Send the form values as JSON text."
_TOO_BIG: Final = "Enter a smaller number."
_INTERNAL: Final = (
    "Something went wrong in the calculator. Please check your entries and try again."
)


def _reject_constant(name: str) -> NoReturn:
    raise ValueError(f"{name} is not allowed")


def _dumps(data: Any) -> str:
    try:
        return json.dumps(data, allow_nan=False)
    except (TypeError, ValueError):
        return json.dumps({"ok": False, "errors": {"_": _INTERNAL}})


def _failure(errors: dict[str, str]) -> dict[str, Any]:
    return {"ok": False, "errors": errors}


def _load_object(payload: object) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    """The payload as a dict and no failure, or no dict and the failure response."""
    if not isinstance(payload, str):
        return None, _failure({"_": _NOT_TEXT})
    try:
        data = json.loads(payload, parse_constant=_reject_constant)
    except (ValueError, RecursionError):
        return None, _failure({"_": _BAD_JSON})
    if not isinstance(data, dict):
        return None, _failure({"_": _NOT_OBJECT})
    return data, None


@dataclass(frozen=True)
class _Call:
    """One call, read and checked once: the answer (or the failure response), the calculator,
    the payload as read (``None`` when it could not be), with a file's inputs in place of its
    text when the call sent one (``imported``)."""

    outcome: Answer[Result] | dict[str, Any]
    chosen: Calculator[Result] | None = None
    data: dict[str, Any] | None = None
    imported: bool = False


def _calculate(name: object, payload: object) -> _Call:
    """Parse the payload, check it against the form and calculate, each once. A calculator
    that keeps a text log reads a file's text sent as ``"csv"`` in place of its rows."""
    try:
        chosen = calculator(name)
    except UnknownCalculatorError as error:
        return _Call(_failure({"_": str(error)}))
    data, failure = _load_object(payload)
    if data is None:
        assert failure is not None
        return _Call(failure)
    imported = chosen.text_log is not None and "csv" in data
    if chosen.text_log is not None and imported:
        try:
            data.update(chosen.text_log.payload_from(data.pop("csv")))
        except InputError as error:
            return _Call(_failure(dict(error.errors)))
    try:
        return _Call(chosen.answer(data), chosen, data, imported)
    except InputError as error:
        return _Call(_failure(dict(error.errors)), chosen, data, imported)


def _page_reply(
    name: object, payload: object, site_root: object, address: object
) -> dict[str, Any]:
    call = _calculate(name, payload)
    reply: dict[str, Any]
    fields: dict[str, Any] = {}
    if isinstance(call.outcome, dict):
        reply = call.outcome
    else:
        # A summary to take to a doctor is dated today (the reader's clock) and names the page.
        stamp = Stamp(datetime.date.today(), address if isinstance(address, str) else "")
        answer, details = render(
            call.outcome.display, site_root if isinstance(site_root, str) else "", stamp
        )
        reply = {
            "ok": True,
            "answer": answer,
            "details": details,
            "digest": markup_digest(answer, details),
        }
        # Values typed with a unit ("70kg"): the form shows the number and unit it understood.
        fields.update(call.outcome.values.understood)
    chosen, data = call.chosen, call.data
    if chosen is None or data is None:
        return reply
    if chosen.text_log is not None:
        # A text log's rows come back as the form should now show them (after an import, the
        # file's), and as the text of the file the reader may save.
        if call.imported:
            fields.update({f.name: data[f.name] for f in chosen.form.fields if f.name in data})
        reply["csv"] = chosen.text_log.text_from(data)
    if fields:
        reply["fields"] = fields
    return reply


def _full_reply(name: object, payload: object) -> dict[str, Any]:
    outcome = _calculate(name, payload).outcome
    if isinstance(outcome, dict):
        return outcome
    return {"ok": True, "result": outcome.result.to_json(), "display": outcome.display.to_json()}


def run(name: str, payload: str, site_root: str = "", address: str = "") -> str:
    """Run the calculator ``name`` on a JSON object of form values, for the page.

    Returns ``{"ok": true, "answer": "<html>", "details": "<html>", "digest": "<16 hex>"}``
    (the digest is :func:`musclecalc._html.markup_digest` of the two, which the build writes on
    the worked answer as ``data-rendered``; plus ``"fields"``, the number and unit the form
    should show, when a value was typed with its unit: "70kg") or
    ``{"ok": false, "errors": {"<field>": "<message>"}}``, where the field ``"_"`` holds a
    problem that belongs to no field (unreadable JSON, unknown calculator). ``site_root`` is
    the relative path from the page to the site's root, for links in the answer; ``address``
    the page's public address, which a summary to take to a doctor names.

    A calculator that keeps a text log (the progress log) also reads a file's text sent as
    ``"csv"`` in place of its rows, and every reply for it, answer or not, carries ``"csv"``:
    the rows as that file, for the page to save; after an import, ``"fields"`` holds the
    file's rows and units for the form.
    """
    try:
        return _dumps(_page_reply(name, payload, site_root, address))
    except Exception:  # the page must always get an answer it can show
        return _dumps(_failure({"_": _INTERNAL}))


def result(name: str, payload: str) -> str:
    """Like :func:`run`, but the whole result and display as data:
    ``{"ok": true, "result": {...}, "display": {...}}``, or the same failure as :func:`run`."""
    try:
        return _dumps(_full_reply(name, payload))
    except Exception:  # callers rely on always getting JSON back
        return _dumps(_failure({"_": _INTERNAL}))


def forms() -> str:
    """Every calculator's form as JSON: ``{"calculators": [{name, title, summary, fields}]}``."""
    try:
        return _dumps({"calculators": [c.form.to_json() for c in CALCULATORS.values()]})
    except Exception:  # pragma: no cover - the forms are fixed data
        return _dumps(_failure({"_": _INTERNAL}))


def _convert(payload: object) -> dict[str, Any]:
    data, failure = _load_object(payload)
    if data is None:
        assert failure is not None
        return failure
    errors: dict[str, str] = {}
    units: dict[str, str] = {}
    for key in ("from", "to"):
        raw = data.get(key)
        unit = raw.strip().lower() if isinstance(raw, str) else None
        if unit not in UNITS:
            errors[key] = "Choose kg, lb, cm or in."
        else:
            units[key] = unit
    if len(units) == 2 and UNITS[units["from"]].quantity != UNITS[units["to"]].quantity:
        errors["to"] = f"A value in {units['from']} cannot be converted to {units['to']}."
    try:
        value = parse_number(data.get("value"))
    except NotANumber:
        errors["value"] = "Enter the value as a number, such as 80 or 80.5."
    else:
        if value is None:
            errors["value"] = "Enter a value to convert."
        elif not math.isfinite(value):
            errors["value"] = _TOO_BIG
    if errors:
        return _failure(errors)
    assert value is not None
    try:
        converted = convert_units(value, units["from"], units["to"])
        text = format_decimal(converted, UNITS[units["to"]].places)
    except ArithmeticError:  # overflow, or too many digits to round (decimal.InvalidOperation)
        return _failure({"value": _TOO_BIG})
    if not math.isfinite(converted):
        return _failure({"value": _TOO_BIG})
    return {"ok": True, "value": converted, "text": text}


def convert(payload: str) -> str:
    """Convert a value between kg and lb or cm and in for the form's unit switch.

    ``{"value": "80", "from": "kg", "to": "lb"}`` gives ``{"ok": true, "value": 176.4,
    "text": "176.4"}``, rounded to the target unit's step (0.1). A number too big to convert
    gets a message for the value, as a wrong entry does:

    >>> json.loads(convert('{"value": "1e300", "from": "kg", "to": "lb"}'))
    {'ok': False, 'errors': {'value': 'Enter a smaller number.'}}
    """
    try:
        return _dumps(_convert(payload))
    except Exception:  # the page must always get an answer it can show
        return _dumps(_failure({"_": _INTERNAL}))
