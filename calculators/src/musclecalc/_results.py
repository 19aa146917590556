"""Value types shared by the calculators' results: a range, and the base every result shares.

>>> from musclecalc import protein_needs
>>> list(protein_needs(70).to_json())[-4:]
['method', 'notes', 'warnings', 'sources']
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any

from ._sources import Source

__all__ = ["Range", "Result"]


@dataclass(frozen=True)
class Range:
    """A recommendation as a range with a point to aim for: ``low <= target <= high``.

    >>> Range(112, 126, 154).to_json()
    {'low': 112, 'target': 126, 'high': 154}
    >>> Range(3, 2, 1)
    Traceback (most recent call last):
    ...
    ValueError: a range needs low <= target <= high, got 3, 2, 1
    """

    low: float
    target: float
    high: float

    def __post_init__(self) -> None:
        if not self.low <= self.target <= self.high:
            raise ValueError(
                f"a range needs low <= target <= high, got {self.low}, {self.target}, {self.high}"
            )

    def to_json(self) -> dict[str, float]:
        """The range as a JSON object."""
        return {"low": self.low, "target": self.target, "high": self.high}


@dataclass(frozen=True, kw_only=True)
class Result(ABC):
    """What every calculator returns: its own figures, then the tail every result shares.

    A calculator's result class adds its own fields and writes them in :meth:`figures_json`;
    ``to_json`` adds the shared tail, so the bridge's ``result`` object ends the same way for
    every calculator. The tail's fields are keyword-only.
    """

    method: str
    """Which formula, in words."""
    notes: tuple[str, ...]
    """Sentences that help read the answer."""
    warnings: tuple[str, ...]
    """Sentences about safety or limits of the answer."""
    sources: tuple[Source, ...]
    """The studies behind the numbers."""

    @abstractmethod
    def figures_json(self) -> dict[str, Any]:
        """The calculator's own part of the bridge's ``result`` object."""

    def to_json(self) -> dict[str, Any]:
        """The bridge's ``result`` object: the calculator's figures, then the shared tail."""
        return {
            **self.figures_json(),
            "method": self.method,
            "notes": list(self.notes),
            "warnings": list(self.warnings),
            "sources": [source.to_json() for source in self.sources],
        }
