"""A trend through dated readings that knows how noisy the readings are.

The trend is a Theil-Sen line (Sen 1968): its slope is the median of the slopes between every
pair of readings, and it passes through the median of what is left. One bad reading (a tape
pulled tight, a weigh-in after a big meal) moves a median far less than it moves an average or
a least-squares line, and the line gives a change per week directly even when readings are
not evenly spaced. An exponentially weighted average would need evenly spaced readings and
lags behind a real change, so it was not used.

The noise is the spread of the readings around that line (their standard deviation, with
n - 2 degrees of freedom since the line used two), never below a floor for the kind of
measurement. The change over the log counts as real when it is both larger than the noise of a
single reading and more than twice its own uncertainty (the noise times the log's length, over
the square root of the spread of the dates: how far an unlucky run of readings could tilt a
line through that many points).

>>> days = [0, 7, 14, 21, 28, 35, 42, 49]
>>> flat = fit_trend(days, [98, 99, 97, 98, 99, 97, 98, 98], floor=0.5)
>>> flat.verdict, flat.change_total
('steady', 0.0)
>>> falling = fit_trend(days, [99, 99, 97, 97.5, 98, 96, 96.5, 96], floor=0.5)
>>> falling.verdict, round(falling.change_total, 2), round(falling.noise, 2)
('shrinking', -2.96, 0.68)
>>> fit_trend([0, 7, 14], [98, 97, 96], floor=0.5).verdict
'too_few'
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median
from typing import Final

__all__ = [
    "MIN_DAYS",
    "MIN_READINGS",
    "VERDICTS",
    "Trend",
    "fit_trend",
    "theil_sen",
]

#: Fewer readings than this, or a log shorter than this many days, gives ``too_few``.
MIN_READINGS: Final = 4
MIN_DAYS: Final = 21
#: How many times its own uncertainty a change must be to count as real.
SIGNIFICANCE: Final = 2.0
VERDICTS: Final = ("shrinking", "steady", "growing", "too_few")


@dataclass(frozen=True)
class Trend:
    """One measure's trend, in the readings' own unit.

    ``slope`` is the change a day and ``intercept`` the trend's value on day 0. For
    ``too_few`` the numbers are ``None``: with so little, any line would mislead.
    """

    verdict: str
    readings: int
    days: int
    slope: float | None
    intercept: float | None
    noise: float | None
    margin: float | None

    @property
    def change_per_week(self) -> float | None:
        """The trend's change over 7 days."""
        return None if self.slope is None else self.slope * 7

    @property
    def change_total(self) -> float | None:
        """The trend's change from the first reading's date to the last one's."""
        return None if self.slope is None else self.slope * self.days

    def at(self, day: float) -> float | None:
        """The trend's value on a day (counted like the readings' days)."""
        if self.slope is None or self.intercept is None:
            return None
        return self.intercept + self.slope * day


def theil_sen(days: Sequence[float], values: Sequence[float]) -> tuple[float, float]:
    """The Theil-Sen line's slope and intercept: the median pairwise slope, and the median of
    each value less slope times day.

    >>> theil_sen([0, 1, 2, 3, 4, 5], [1, 3, 5, 7, 9, 60])   # one wild reading does not move it
    (2.0, 1.0)
    """
    slopes = [
        (values[j] - values[i]) / (days[j] - days[i])
        for i in range(len(days))
        for j in range(i + 1, len(days))
        if days[j] != days[i]
    ]
    slope = median(slopes) if slopes else 0.0
    intercept = median(value - slope * day for day, value in zip(days, values, strict=True))
    return slope, intercept


def fit_trend(days: Sequence[float], values: Sequence[float], *, floor: float) -> Trend:
    """The trend of readings taken on ``days`` (whole days from any start, in order or not)
    and its verdict, with ``floor`` the smallest noise a reading of this kind can have."""
    if len(days) != len(values):
        raise ValueError("one value per day")
    count = len(days)
    span = round(max(days) - min(days)) if days else 0
    if count < MIN_READINGS or span < MIN_DAYS:
        return Trend("too_few", count, span, None, None, None, None)
    slope, intercept = theil_sen(days, values)
    residuals = [v - (intercept + slope * d) for d, v in zip(days, values, strict=True)]
    spread = math.sqrt(sum(r * r for r in residuals) / (count - 2))
    noise = max(spread, floor)
    mean_day = sum(days) / count
    leverage = math.sqrt(sum((d - mean_day) ** 2 for d in days))
    uncertainty = noise * span / leverage
    margin = max(SIGNIFICANCE * uncertainty, noise)
    change = slope * span
    verdict = "steady" if abs(change) <= margin else "shrinking" if change < 0 else "growing"
    return Trend(verdict, count, span, slope, intercept, noise, margin)
