"""Checked input values: what :mod:`._reading` gives each calculator's ``compute``.

>>> values = Values(numbers={"weight": 70.0}, choices={"goal": "build"})
>>> values.number("weight"), values.optional("age"), values.choice("goal")
(70.0, None, 'build')
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = ["Values"]


@dataclass(frozen=True)
class Values:
    """Checked input values.

    ``numbers`` holds numbers in kg or cm when they have a unit (so calculations need not
    care what was typed) and ``entered`` holds them as typed, in the chosen unit.
    ``checked`` holds each checklist's ticked values, in form order; ``dates`` each date
    field's date (a date left empty is absent). ``understood`` holds, for
    each field typed with a unit ("70kg", "25%"), the number and unit as read, as text for the
    form: ``{"weight": "70", "weight_unit": "kg"}``.
    """

    numbers: Mapping[str, float | None] = field(default_factory=dict)
    entered: Mapping[str, float | None] = field(default_factory=dict)
    choices: Mapping[str, str] = field(default_factory=dict)
    rows: Mapping[str, tuple[Values, ...]] = field(default_factory=dict)
    checked: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    understood: Mapping[str, str] = field(default_factory=dict)
    dates: Mapping[str, datetime.date] = field(default_factory=dict)

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

    def ticked(self, name: str) -> tuple[str, ...]:
        """The values ticked in a checklist field (possibly none)."""
        return self.checked.get(name, ())

    def date(self, name: str) -> datetime.date:
        """A date that must be present (a required date field)."""
        return self.dates[name]
