"""Units of body weight and height, with exact conversion factors.

1 lb is exactly 0.45359237 kg and 1 in is exactly 2.54 cm (the international yard and pound
agreement of 1959). Calculations work in kg and cm; other units are converted on the way in.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Final

from ._numbers import round_half_up

__all__ = [
    "CM_PER_INCH",
    "INCHES_PER_FOOT",
    "KG_PER_POUND",
    "UNITS",
    "Unit",
    "convert",
    "feet_and_inches",
    "feet_and_inches_text",
    "to_base",
]

KG_PER_POUND: Final = 0.45359237
CM_PER_INCH: Final = 2.54
INCHES_PER_FOOT: Final = 12

# A height as feet and inches in one text: "5'9\"", "5' 9", "5 ft 9", "5ft 9in", "5 feet 9 inches",
# "6'" or "6 ft". Feet are marked (', ft, feet); the inches' mark may be left out.
_FEET_INCHES: Final = re.compile(
    r"(?P<feet>[0-9]+(?:[.,][0-9]+)?)\s*(?:'|\u2019|\u2032|ft\.?|feet|foot)"
    r"(?:\s*(?P<inches>[0-9]+(?:[.,][0-9]+)?)\s*"
    r"(?:\"|''|\u201d|\u2033|\u2019\u2019|in\.?|ins|inch|inches)?)?",
    re.IGNORECASE,
)


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


def feet_and_inches(raw: object) -> tuple[float, float | None] | None:
    """The feet and inches of a height typed as both, or None for text that is not one.

    >>> feet_and_inches("5'9"), feet_and_inches("5 ft 9"), feet_and_inches(" 5FT 9IN ")
    ((5.0, 9.0), (5.0, 9.0), (5.0, 9.0))
    >>> feet_and_inches("5 feet 9,5 inches"), feet_and_inches("6'"), feet_and_inches("69 in")
    ((5.0, 9.5), (6.0, None), None)
    >>> feet_and_inches("175"), feet_and_inches(69)
    (None, None)
    """
    if not isinstance(raw, str):
        return None
    match = _FEET_INCHES.fullmatch(raw.strip())
    if match is None:
        return None
    inches = match.group("inches")
    return (
        float(match.group("feet").replace(",", ".")),
        None if inches is None else float(inches.replace(",", ".")),
    )


def feet_and_inches_text(inches: float) -> str:
    """A length in inches as feet and whole inches, for messages.

    >>> feet_and_inches_text(47), feet_and_inches_text(91), feet_and_inches_text(72)
    ('3 ft 11 in', '7 ft 7 in', '6 ft 0 in')
    """
    feet, rest = divmod(round(inches), INCHES_PER_FOOT)
    return f"{feet} ft {rest} in"
