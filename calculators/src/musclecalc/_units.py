"""Units of body weight and height, with exact conversion factors.

1 lb is exactly 0.45359237 kg and 1 in is exactly 2.54 cm (the international yard and pound
agreement of 1959). Calculations work in kg and cm; other units are converted on the way in.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Final

from ._numbers import round_half_up

__all__ = ["CM_PER_INCH", "KG_PER_POUND", "UNITS", "Unit", "convert", "to_base"]

KG_PER_POUND: Final = 0.45359237
CM_PER_INCH: Final = 2.54


@dataclass(frozen=True)
class Unit:
    """A unit people type values in.

    ``per_base`` is how many of the base unit (kg for mass, cm for length) one of this unit
    is. ``places`` is how many decimals the form shows (its step is ``10 ** -places``).
    """

    symbol: str
    quantity: str
    per_base: float
    places: int = 1

    @property
    def step(self) -> float:
        """The form's step for this unit, e.g. 0.1."""
        return 10.0**-self.places


UNITS: Final[dict[str, Unit]] = {
    "kg": Unit("kg", "mass", 1.0),
    "lb": Unit("lb", "mass", KG_PER_POUND),
    "cm": Unit("cm", "length", 1.0),
    "in": Unit("in", "length", CM_PER_INCH),
}


def to_base(value: float, unit: str) -> float:
    """A value in kg (for kg and lb) or cm (for cm and in).

    >>> to_base(100, "lb")
    45.359237
    >>> to_base(70, "in")
    177.8
    """
    return value * UNITS[unit].per_base


def convert(value: float, from_unit: str, to_unit: str, *, rounded: bool = True) -> float:
    """Convert between kg and lb or cm and in, rounded to the target unit's step.

    >>> convert(80, "kg", "lb")
    176.4
    >>> convert(70, "in", "cm")
    177.8
    >>> convert(80, "kg", "cm")
    Traceback (most recent call last):
    ...
    ValueError: cannot convert kg to cm
    """
    source, target = UNITS[from_unit], UNITS[to_unit]
    if source.quantity != target.quantity:
        raise ValueError(f"cannot convert {from_unit} to {to_unit}")
    result = value * source.per_base / target.per_base
    if not math.isfinite(result):
        raise OverflowError("the converted value is too large")
    return round_half_up(result, target.places) if rounded else result
