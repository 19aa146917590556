"""The exceptions musclecalc raises on purpose: one class per kind of failure.

The browser never sees these: :func:`musclecalc.bridge.run` turns them into
``{"ok": false, "errors": {...}}``. They are for Python callers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from types import MappingProxyType

__all__ = ["CalculatorError", "InputError", "UnknownCalculatorError"]


class CalculatorError(Exception):
    """Base class of every error musclecalc raises on purpose."""


class InputError(CalculatorError):
    """One or more inputs cannot be used.

    ``errors`` maps each failing field (``"weight"``, ``"entries.2.sets"``, or ``"_"`` for a
    problem that belongs to no field) to a sentence for a person.

    >>> error = InputError({"weight": "Enter a body weight between 30 and 300 kg."})
    >>> error.errors["weight"]
    'Enter a body weight between 30 and 300 kg.'
    >>> str(error)
    'weight: Enter a body weight between 30 and 300 kg.'
    """

    def __init__(self, errors: Mapping[str, str]) -> None:
        if not errors:
            raise ValueError("an InputError needs at least one field error")
        self.errors: Mapping[str, str] = MappingProxyType(dict(errors))
        super().__init__("; ".join(f"{field}: {message}" for field, message in errors.items()))


class UnknownCalculatorError(CalculatorError):
    """There is no calculator with this name.

    >>> error = UnknownCalculatorError("biceps", ["protein", "energy", "volume"])
    >>> error.name
    'biceps'
    >>> str(error)
    'There is no calculator called "biceps". Choose protein, energy or volume.'
    """

    def __init__(self, name: object, known: Iterable[str]) -> None:
        self.name = name
        self.known: tuple[str, ...] = tuple(known)
        choose = f"Choose {join_words(self.known, 'or')}."
        # Only a plain short name is repeated back; anything else could be any text at all.
        if isinstance(name, str) and re.fullmatch(r"[A-Za-z0-9_-]{1,40}", name):
            super().__init__(f'There is no calculator called "{name}". {choose}')
        else:
            super().__init__(f"There is no calculator with that name. {choose}")


def join_words(words: Iterable[str], last: str = "and") -> str:
    """Join words the way a sentence does.

    >>> join_words(["kg"], "or")
    'kg'
    >>> join_words(["kg", "lb"], "or")
    'kg or lb'
    >>> join_words(["glutes", "quads", "calves"])
    'glutes, quads and calves'
    """
    items = list(words)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"
