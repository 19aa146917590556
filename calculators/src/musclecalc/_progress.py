"""The progress log: dated tape and scale readings, a trend per measure that knows the noise of
the reader's own readings, and what the measures say together.

Each measure (hips, waist, thigh, body weight, and one lift as an estimated one-rep max) gets a
Theil-Sen trend and a verdict from :mod:`._trend`: ``shrinking``, ``steady``, ``growing`` or
``too_few``. Read together, the verdicts point to the causes the self-check also names, by the
same slugs (:data:`._checkup.CAUSE_TITLES`). The parts: the form and its checks
(:mod:`._progress_form`), the result (:mod:`._progress_result`), the page text
(:mod:`._progress_display`), the CSV file (:mod:`._progress_csv`), the trend maths
(:mod:`._trend`) and its chart (:mod:`._trend_chart`).

>>> rows = [{"date": f"2026-09-{day:02d}", "hips": hips}
...         for day, hips in zip((1, 8, 15, 22, 29), ("99", "98.4", "97.6", "97.1", "96.2"))]
>>> result = compute_progress(rows, today="2026-10-01")
>>> hips = result.trend("hips")
>>> hips.trend.verdict, round(hips.trend.change_total, 1)
('shrinking', -2.8)
"""

from __future__ import annotations

from typing import Final

from ._calculator import Calculator
from ._progress_csv import PROGRESS_CSV
from ._progress_display import present_progress
from ._progress_form import EXAMPLE_ROWS, MEASURES, PROGRESS_FORM, Measure, read_progress
from ._progress_result import (
    MeasureTrend,
    ProgressResult,
    compute_progress,
    compute_progress_values,
)

__all__ = [
    "EXAMPLE_ROWS",
    "MEASURES",
    "PROGRESS",
    "PROGRESS_FORM",
    "Measure",
    "MeasureTrend",
    "ProgressResult",
    "compute_progress",
    "present_progress",
    "read_progress",
]

PROGRESS: Final = Calculator(
    PROGRESS_FORM,
    compute_progress_values,
    present_progress,
    read=read_progress,
    text_log=PROGRESS_CSV,
)
