"""The calculators by name: each one's form, calculation and page text."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Final, Generic, TypeVar

from ._display import Display, present_energy, present_protein, present_volume
from ._energy import ENERGY_FORM, EnergyResult, compute_energy
from ._errors import UnknownCalculatorError
from ._protein import PROTEIN_FORM, ProteinResult, compute_protein
from ._results import Result
from ._schema import Form, Values, read_form
from ._volume import VOLUME_FORM, VolumeResult, compute_volume

__all__ = [
    "CALCULATORS",
    "CALCULATOR_NAMES",
    "AnyCalculator",
    "Calculator",
    "calculate",
    "calculator",
]

R = TypeVar("R", ProteinResult, EnergyResult, VolumeResult)


@dataclass(frozen=True)
class Calculator(Generic[R]):
    """A calculator: the form it reads, the sum it does and the text it shows."""

    form: Form
    compute: Callable[[Values], R]
    present: Callable[[R, Values], Display]

    def run(self, payload: Mapping[str, object]) -> tuple[R, Display]:
        """Check the payload, calculate and write the page text.

        Raises :class:`musclecalc.InputError` listing every problem with the payload.
        """
        values = read_form(self.form, payload)
        result = self.compute(values)
        return result, self.present(result, values)


AnyCalculator = Calculator[ProteinResult] | Calculator[EnergyResult] | Calculator[VolumeResult]

CALCULATORS: Final[dict[str, AnyCalculator]] = {
    "protein": Calculator(PROTEIN_FORM, compute_protein, present_protein),
    "energy": Calculator(ENERGY_FORM, compute_energy, present_energy),
    "volume": Calculator(VOLUME_FORM, compute_volume, present_volume),
}
CALCULATOR_NAMES: Final = tuple(CALCULATORS)


def calculator(name: object) -> AnyCalculator:
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
    musclecalc._errors.UnknownCalculatorError: There is no calculator called "biceps". Choose protein, energy or volume.
    """
    result, _ = calculator(name).run(payload)
    return result
