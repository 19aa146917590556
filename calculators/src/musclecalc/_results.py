"""Value types shared by the calculators' results."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

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


class Result(Protocol):
    """What every calculator returns: JSON-ready data with its method and sources."""

    @property
    def method(self) -> str:
        """Which formula, in words."""
        ...

    @property
    def sources(self) -> tuple[Source, ...]:
        """The studies behind the numbers."""
        ...

    @property
    def notes(self) -> tuple[str, ...]:
        """Sentences that help read the answer."""
        ...

    @property
    def warnings(self) -> tuple[str, ...]:
        """Sentences about safety or limits of the answer."""
        ...

    def to_json(self) -> dict[str, Any]:
        """The result as the bridge's ``result`` object."""
        ...
