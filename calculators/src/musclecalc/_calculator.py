"""What a calculator is: the form it reads, the sum it does and the display it writes.

Each calculator's module builds one :class:`Calculator` and :mod:`._registry` lists them, one line
each, so adding a calculator is one new module plus one registry line.

>>> from musclecalc._protein import PROTEIN
>>> result, display = PROTEIN.run({"weight": "70"})
>>> PROTEIN.name, result.daily_grams.target, display.summary
('protein', 126, 'Aim for about 126 g of protein a day (112-154 g).')
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

from ._display import Display
from ._fields import Form
from ._reading import Values, read_form
from ._results import Result

__all__ = ["Calculator"]

R = TypeVar("R", bound=Result)


@dataclass(frozen=True)
class Calculator(Generic[R]):
    """A calculator: its form, its calculation and its page text."""

    form: Form
    compute: Callable[[Values], R]
    present: Callable[[R, Values], Display]

    @property
    def name(self) -> str:
        """The calculator's name, as pages and the command line use it."""
        return self.form.name

    def run(self, payload: Mapping[str, object]) -> tuple[R, Display]:
        """Check the payload, calculate and write the page text.

        Raises :class:`musclecalc.InputError` listing every problem with the payload.
        """
        values = read_form(self.form, payload)
        result = self.compute(values)
        return result, self.present(result, values)
