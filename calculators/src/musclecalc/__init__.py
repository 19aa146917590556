"""musclecalc: protein, energy and weekly training volume calculators, the self-check and the
progress log.

Pure Python with no dependencies, so the same code runs on the command line, in tests and
in the browser through Pyodide. The web page calls only :mod:`musclecalc.bridge`; Python
callers can use the typed functions below.

>>> protein_needs(70, "build").daily_grams
Range(low=112, target=126, high=154)
>>> energy_needs("female", 30, 175, 70, "moderate", "maintain").bmr_kcal
1483
>>> weekly_volume([("hip_thrust", 3, 2)]).muscle("glutes").direct_sets
6
"""

from __future__ import annotations

from . import _evidence as evidence
from . import _warning_signs as warning_signs
from . import bridge
from ._calculator import Calculator
from ._catalogue import CORE_MUSCLES, EXERCISES, MUSCLES, Exercise
from ._energy import (
    ACTIVITY_FACTORS,
    EnergyResult,
    energy_needs,
    katch_mcardle_bmr,
    mifflin_st_jeor_bmr,
)
from ._errors import CalculatorError, InputError, UnknownCalculatorError
from ._progress import MeasureTrend, ProgressResult, compute_progress
from ._protein import ProteinResult, protein_needs
from ._registry import CALCULATOR_NAMES, calculate
from ._results import Range
from ._sources import Source
from ._units import CM_PER_INCH, KG_PER_POUND
from ._volume import Entry, MuscleVolume, VolumeResult, weekly_volume

__version__ = "0.1.0"

__all__ = [
    "ACTIVITY_FACTORS",
    "CALCULATOR_NAMES",
    "CM_PER_INCH",
    "CORE_MUSCLES",
    "EXERCISES",
    "KG_PER_POUND",
    "MUSCLES",
    "Calculator",
    "CalculatorError",
    "EnergyResult",
    "Entry",
    "Exercise",
    "InputError",
    "MeasureTrend",
    "MuscleVolume",
    "ProgressResult",
    "ProteinResult",
    "Range",
    "Source",
    "UnknownCalculatorError",
    "VolumeResult",
    "__version__",
    "bridge",
    "calculate",
    "compute_progress",
    "energy_needs",
    "evidence",
    "katch_mcardle_bmr",
    "mifflin_st_jeor_bmr",
    "protein_needs",
    "warning_signs",
    "weekly_volume",
]
