"""What a calculator is: the form it reads, the sum it does and the display it writes.

Each calculator's module builds one :class:`Calculator` and :mod:`._registry` lists them, one line
each, so adding a calculator is one new module plus one registry line. A calculator whose form
the shared reader cannot check alone (the progress log: its rows' bounds follow units chosen
above them, and no row may be dated after today) gives its own ``read``; one whose inputs can be
kept as a file gives a ``text_log`` that turns that file into a payload and back.

>>> from musclecalc._protein import PROTEIN
>>> result, display = PROTEIN.run({"weight": "70"})
>>> PROTEIN.name, result.daily_grams.target, display.summary
('protein', 126, 'Aim for about 126 g of protein a day (112-154 g).')
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from ._display import Display
from ._fields import Form
from ._reading import Values, read_form
from ._results import Result

__all__ = ["Answer", "Calculator", "Reader", "TextLog"]

R = TypeVar("R", bound=Result)

#: Checks a payload against a form: :func:`._reading.read_form` or a calculator's own.
Reader = Callable[[Form, Mapping[str, object]], Values]


class TextLog(Protocol):
    """A calculator's inputs as a text file the reader keeps (the progress log's CSV)."""

    def payload_from(self, text: str) -> dict[str, object]:
        """The payload a file's text holds; :class:`musclecalc.InputError` if unreadable."""

    def text_from(self, payload: Mapping[str, object]) -> str:
        """A payload's inputs as a file's text, readable again by :meth:`payload_from`."""


@dataclass(frozen=True)
class Answer(Generic[R]):
    """One run of a calculator: the values it read, its result and the page text."""

    values: Values
    result: R
    display: Display


@dataclass(frozen=True)
class Calculator(Generic[R]):
    """A calculator: its form, its calculation and its page text."""

    form: Form
    compute: Callable[[Values], R]
    present: Callable[[R, Values], Display]
    read: Reader = read_form
    text_log: TextLog | None = None

    @property
    def name(self) -> str:
        """The calculator's name, as pages and the command line use it."""
        return self.form.name

    def answer(self, payload: Mapping[str, object]) -> Answer[R]:
        """Check the payload once, calculate and write the page text; the checked values come
        with the answer (the bridge sends back the units they were typed in).

        Raises :class:`musclecalc.InputError` listing every problem with the payload.
        """
        values = self.read(self.form, payload)
        result = self.compute(values)
        return Answer(values, result, self.present(result, values))

    def run(self, payload: Mapping[str, object]) -> tuple[R, Display]:
        """The result and the page text for a payload (see :meth:`answer`)."""
        answer = self.answer(payload)
        return answer.result, answer.display
