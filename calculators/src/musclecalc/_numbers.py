"""Reading numbers as people type them, rounding as people expect, and writing them back.

Rounding is "half up" on the decimal text of the float (what a person would do by hand), not
Python's round-half-to-even, so a worked example like 31.5 g per meal gives 32 g.
"""

from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_UP, Decimal

__all__ = [
    "NotANumber",
    "format_decimal",
    "format_whole",
    "parse_number",
    "round_half_up",
    "round_whole",
    "split_unit",
]

# Plain decimal numbers as typed into a form: optional sign, digits with an optional
# fraction, optional exponent. ASCII digits only, so "nan", "inf", "1_000", "0x10" and
# other spellings Python's float() would accept are refused.
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


# A number followed by a word or symbol, as people type a measurement: "70kg", "70 kg",
# "154 lbs", "25%", "5'10" is not one of them (only one number is read).
_WITH_UNIT = re.compile(r"(?P<number>[^a-zA-Z%\"]*?)\s*(?P<unit>[a-zA-Z%\"][a-zA-Z.%\"]*)")


class NotANumber(ValueError):
    """The value given cannot be read as a number."""


def parse_number(raw: object) -> float | None:
    """A number from a JSON value or from the text of a browser input.

    Returns ``None`` when nothing was given (``None`` or blank text). A decimal comma is
    accepted when it is the only separator. Booleans, lists, objects and words are refused
    with :class:`NotANumber`. The result may be infinite ("1e999") or, for a float passed in
    directly from Python, NaN; range checks deal with both.

    >>> parse_number(" 80.5 "), parse_number("80,5"), parse_number(80), parse_number("")
    (80.5, 80.5, 80.0, None)
    >>> parse_number("nan")
    Traceback (most recent call last):
    ...
    musclecalc._numbers.NotANumber: not a number
    >>> parse_number(True)
    Traceback (most recent call last):
    ...
    musclecalc._numbers.NotANumber: not a number
    """
    if raw is None:
        return None
    if isinstance(raw, bool):
        raise NotANumber("not a number")
    if isinstance(raw, int):
        try:
            return float(raw)
        except OverflowError:
            return math.inf if raw > 0 else -math.inf
    if isinstance(raw, float):
        return raw
    if isinstance(raw, str):
        text = raw.strip()
        if not text:
            return None
        if text.count(",") == 1 and "." not in text:
            text = text.replace(",", ".")
        if _NUMBER.fullmatch(text) is None:
            raise NotANumber("not a number")
        return float(text)
    raise NotANumber("not a number")


def split_unit(raw: object) -> tuple[object, str | None]:
    """The number part of a typed value and the unit word after it, lower-case, if any.

    Only text is split; anything else comes back as given, with no unit. The number part is
    not checked here (:func:`parse_number` does that).

    >>> split_unit("70kg"), split_unit(" 154 LBS "), split_unit("70,5"), split_unit("25%")
    (('70', 'kg'), ('154', 'lbs'), ('70,5', None), ('25', '%'))
    >>> split_unit("heavy"), split_unit(80)
    (('', 'heavy'), (80, None))
    """
    if not isinstance(raw, str):
        return raw, None
    text = raw.strip()
    match = _WITH_UNIT.fullmatch(text)
    if match is None or _NUMBER.fullmatch(text.replace(",", ".")) is not None:
        return raw, None
    return match.group("number").strip(), match.group("unit").lower().rstrip(".")


def round_half_up(value: float, places: int = 0) -> float:
    """Round to ``places`` decimals, halves away from zero, on the number's shortest text.

    >>> round_half_up(2.675, 2), round_half_up(31.5), round_half_up(-0.125, 2)
    (2.68, 32.0, -0.13)
    """
    if not math.isfinite(value):
        raise ValueError("cannot round a number that is not finite")
    quantum = Decimal(1).scaleb(-places)
    return float(Decimal(repr(value)).quantize(quantum, rounding=ROUND_HALF_UP))


def round_whole(value: float) -> int:
    """Round half up to a whole number.

    >>> round_whole(1482.75), round_whole(126.0), round_whole(2.5)
    (1483, 126, 3)
    """
    return int(round_half_up(value))


def format_decimal(value: float, places: int = 1) -> str:
    """Text for a number with at most ``places`` decimals and no trailing zeros.

    >>> format_decimal(176.36981), format_decimal(70.0), format_decimal(1.725, 2)
    ('176.4', '70', '1.73')
    >>> format_decimal(-0.0)
    '0'
    """
    rounded = Decimal(repr(round_half_up(value, places))).quantize(Decimal(1).scaleb(-places))
    text = f"{rounded:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def format_whole(value: float) -> str:
    """A whole number with thousands separators.

    >>> format_whole(2298.2625), format_whole(950)
    ('2,298', '950')
    """
    return f"{round_whole(value):,}"
