"""The calculators by name: one line per calculator."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from ._calculator import Calculator
from ._checkup import CHECKUP
from ._energy import ENERGY
from ._errors import UnknownCalculatorError
from ._progress import PROGRESS
from ._protein import PROTEIN
from ._results import Result
from ._volume import VOLUME
from ._volume_quick import VOLUME_QUICK

__all__ = ["CALCULATORS", "CALCULATOR_NAMES", "calculate", "calculator"]

CALCULATORS: Final[dict[str, Calculator[Any]]] = {
    PROTEIN.name: PROTEIN,
    ENERGY.name: ENERGY,
    VOLUME.name: VOLUME,
    VOLUME_QUICK.name: VOLUME_QUICK,
    CHECKUP.name: CHECKUP,
    PROGRESS.name: PROGRESS,
}
CALCULATOR_NAMES: Final = tuple(CALCULATORS)


def calculator(name: object) -> Calculator[Any]:
    """The calculator with this name, or :class:`musclecalc.UnknownCalculatorError`."""
    if isinstance(name, str) and name in CALCULATORS:
        return CALCULATORS[name]
    raise UnknownCalculatorError(name, CALCULATOR_NAMES)


def calculate(name: str, payload: Mapping[str, object]) -> Result:
    """Run a calculator by name on form values, as the web form would send them.

    >>> calculate("protein", {"weight": "80,5", "goal": "maintain"}).daily_grams
    Range(low=97, target=113, high=129)
    >>> calculate("biceps", {})
    Traceback (most recent call last):
    ...
    musclecalc._errors.UnknownCalculatorError: There is no calculator called "biceps". Choose protein, energy, volume, volume-quick, checkup or progress.
    """
    result: Result = calculator(name).run(payload)[0]
    return result
