"""The progress log as a CSV file: what "Export" saves and "Import" reads back.

One header row, then one row per date. The units are in the header, so a file says what its
numbers mean wherever it goes: ``date,hips_cm,waist_cm,thigh_cm,weight_kg,lift_kg,lift_reps``
(or ``_in`` and ``_lb``). Columns may come in any order and any may be left out but ``date``;
cells are kept as text, so the progress log checks them exactly as it checks typed values.

>>> text = PROGRESS_CSV.text_from({"length_unit": "in", "entries": [{"date": "2026-09-01", "hips": "38.5"}]})
>>> print(text, end="")
date,hips_in,waist_in,thigh_in,weight_kg,lift_kg,lift_reps
2026-09-01,38.5,,,,,
>>> PROGRESS_CSV.payload_from(text)["entries"]
[{'date': '2026-09-01', 'hips': '38.5', 'waist': '', 'thigh': '', 'weight': '', 'lift_load': '', 'lift_reps': ''}]
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from typing import Any, Final

from ._errors import InputError, join_words

__all__ = ["COLUMNS", "LENGTH_UNITS", "PROGRESS_CSV", "WEIGHT_UNITS", "ProgressCsv"]

LENGTH_UNITS: Final = ("cm", "in")
WEIGHT_UNITS: Final = ("kg", "lb")
#: Each row field, and the unit list its column's name takes a unit from (None: no unit).
COLUMNS: Final[dict[str, str | None]] = {
    "date": None,
    "hips": "length_unit",
    "waist": "length_unit",
    "thigh": "length_unit",
    "weight": "weight_unit",
    "lift_load": "weight_unit",
    "lift_reps": None,
}
_UNITS: Final = {"length_unit": LENGTH_UNITS, "weight_unit": WEIGHT_UNITS}
_DEFAULT_UNITS: Final = {"length_unit": "cm", "weight_unit": "kg"}
#: The column names' stems: the lift's load is "lift_kg", not "lift_load_kg".
_STEMS: Final = {"lift_load": "lift"}
#: A file longer than this is not a progress log (200 rows of 7 numbers take about 8,000).
MAX_CHARACTERS: Final = 100_000
_FORMULA_START: Final = re.compile(r"[=+@\t\r]|-(?![\d.])")


def _column(field: str, unit: str | None) -> str:
    stem = _STEMS.get(field, field)
    return stem if unit is None else f"{stem}_{unit}"


def _unreadable(message: str) -> InputError:
    return InputError({"csv": message})


def _cell(value: object) -> str:
    """A value as a cell. Text that a spreadsheet would run as a formula is kept as text."""
    if isinstance(value, bool) or value is None:
        return ""
    text = value if isinstance(value, str) else str(value) if isinstance(value, int | float) else ""
    return "'" + text if _FORMULA_START.match(text) else text


class ProgressCsv:
    """Reads and writes the progress log's CSV (the calculator's ``text_log``)."""

    def header(self, units: Mapping[str, str]) -> list[str]:
        """The header row for these units."""
        return [
            _column(field, None if kind is None else units[kind]) for field, kind in COLUMNS.items()
        ]

    def text_from(self, payload: Mapping[str, object]) -> str:
        """The payload's rows as CSV text, in the units it names (cm and kg if it names none
        or a unit it cannot use)."""
        units = dict(_DEFAULT_UNITS)
        for kind, allowed in _UNITS.items():
            chosen = payload.get(kind)
            if isinstance(chosen, str) and chosen.strip().lower() in allowed:
                units[kind] = chosen.strip().lower()
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(self.header(units))
        entries = payload.get("entries")
        for row in entries if isinstance(entries, list) else []:
            values: Mapping[str, Any] = row if isinstance(row, dict) else {}
            writer.writerow([_cell(values.get(field)) for field in COLUMNS])
        return out.getvalue()

    def _columns(self, header: list[str]) -> tuple[list[str | None], dict[str, str]]:
        """Each column's row field (None for a column left out) and the units the header names."""
        known: dict[str, tuple[str, str | None, str | None]] = {}
        for field, kind in COLUMNS.items():
            if kind is None:
                known[_column(field, None)] = (field, None, None)
            else:
                for unit in _UNITS[kind]:
                    known[_column(field, unit)] = (field, kind, unit)
        fields: list[str | None] = []
        units: dict[str, str] = {}
        for name in header:
            cleaned = name.strip().lower().replace(" ", "_")
            if cleaned == "":
                fields.append(None)
                continue
            if cleaned not in known:
                shown = f'"{cleaned}"' if re.fullmatch(r"[a-z0-9_]{1,30}", cleaned) else "one"
                raise _unreadable(
                    f"The file's column {shown} is not one the progress log keeps. Use the "
                    f"columns {', '.join(self.header(_DEFAULT_UNITS))} (or the same with in and lb)."
                )
            row_field, kind, column_unit = known[cleaned]
            if row_field in fields:
                raise _unreadable(f'The file has the column for "{row_field}" twice.')
            if (
                kind is not None
                and column_unit is not None
                and units.setdefault(kind, column_unit) != column_unit
            ):
                words = join_words(_UNITS[kind], "or")
                raise _unreadable(
                    f"The file mixes units: give every {'length' if kind == 'length_unit' else 'weight'} "
                    f"in the same unit ({words})."
                )
            fields.append(row_field)
        if "date" not in fields:
            raise _unreadable(
                'The file has no "date" column. The first line must name the columns, such as '
                + ",".join(self.header(_DEFAULT_UNITS))
                + "."
            )
        return fields, units

    def payload_from(self, text: object) -> dict[str, object]:
        """The units and rows a CSV file holds; :class:`musclecalc.InputError` keyed ``csv`` if
        it is not a progress log's file."""
        if not isinstance(text, str):
            raise _unreadable("Send the file's contents as text.")
        if len(text) > MAX_CHARACTERS:
            raise _unreadable("This file is too long to be a progress log.")
        if "\x00" in text:
            raise _unreadable("This file is not a text file: save it as CSV and try again.")
        try:
            rows = [row for row in csv.reader(io.StringIO(text.lstrip("\ufeff"))) if any(row)]
        except csv.Error:
            raise _unreadable("This file could not be read as CSV.") from None
        if not rows:
            raise _unreadable("This file is empty.")
        fields, units = self._columns(rows[0])
        entries: list[dict[str, str]] = []
        for number, row in enumerate(rows[1:], start=2):
            if len(row) > len(fields):
                raise _unreadable(f"Line {number} has more cells than the first line has names.")
            entry = dict.fromkeys(COLUMNS, "")
            for field, cell in zip(fields, row, strict=False):
                if field is not None:
                    entry[field] = cell.strip().removeprefix("'")
            entries.append(entry)
        return {**_DEFAULT_UNITS, **units, "entries": entries}


PROGRESS_CSV: Final = ProgressCsv()
