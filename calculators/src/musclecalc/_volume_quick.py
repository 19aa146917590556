"""The volume page's quick question: one muscle and its hard sets a week, against the range.

"I do 25 glute sets a week: is that too many?" needs no list of exercises. This calculator
takes a muscle and a number and judges it exactly as the full weekly table judges that muscle's
total: the same range (:data:`._volume.DEFAULT_BAND`, from :mod:`._thresholds`), the same
:func:`._volume.status_for` and the same words (:data:`._volume.STATUS_WORDS`,
:func:`._volume.high_warning`), so the two answers on the page cannot disagree.

>>> result, display = VOLUME_QUICK.run({"muscle": "glutes", "weekly_sets": "25"})
>>> result.status, display.summary.split(".")[0]
('high', '25 hard sets a week for glutes: above range (10-20)')
>>> VOLUME_QUICK.run({"muscle": "quads", "weekly_sets": "12"})[0].status
'productive'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

from ._calculator import Calculator
from ._catalogue import MUSCLES
from ._display import Display
from ._fields import Bounds, ChoiceField, Form, NumberField, Option, json_number
from ._numbers import format_decimal
from ._reading import Values
from ._results import Result
from ._sources import BAZ_VALLE_2022, SCHOENFELD_2017
from ._volume import DEFAULT_BAND, STATUS_WORDS, high_warning, status_for

__all__ = ["MAX_WEEKLY_SETS", "VOLUME_QUICK", "VOLUME_QUICK_FORM", "QuickVolumeResult"]

#: The most weekly sets the quick question reads for one muscle: five times the top of the
#: range, more than any real week (a bigger number is a typing slip and gets a message).
MAX_WEEKLY_SETS: Final = 5 * DEFAULT_BAND[1]

VOLUME_QUICK_FORM: Final = Form(
    name="volume-quick",
    title="Quick check: one muscle's weekly sets",
    summary=(
        "Pick a muscle, type how many hard sets a week it gets, and see whether that is below, "
        "in or above the range that builds muscle."
    ),
    fields=(
        ChoiceField(
            "muscle",
            "Muscle",
            "a muscle",
            help="",
            default="glutes",
            options=tuple(Option(muscle, name) for muscle, name in MUSCLES.items()),
        ),
        NumberField(
            "weekly_sets",
            "Hard sets a week",
            "a number of hard sets a week",
            help="Over all exercises; a set where it only helps counts as half.",
            default=12,
            bounds=Bounds(0, MAX_WEEKLY_SETS, 0.5),
            unit_text=" sets",
        ),
    ),
)


@dataclass(frozen=True)
class QuickVolumeResult(Result):
    """One muscle's weekly hard sets and where they fall against the range."""

    muscle: str
    name: str
    weekly_sets: float
    band_low: int
    band_high: int
    status: str

    def figures_json(self) -> dict[str, Any]:
        """The bridge's ``result`` object, without the tail every result shares."""
        return {
            "muscle": self.muscle,
            "name": self.name,
            "weekly_sets": json_number(self.weekly_sets),
            "band": {"low": self.band_low, "high": self.band_high},
            "status": self.status,
        }


def _method(band_low: int, band_high: int) -> str:
    return (
        f"The number you type is compared with the productive range of {band_low}-{band_high} "
        "hard sets a week per muscle, both ends counting as inside it: the same range and the "
        "same rule as the volume calculator's full weekly table, which follow Schoenfeld, "
        "Ogborn & Krieger "
        "(2017) and Baz-Valle et al. (2022). The full table also counts the sets for you, "
        "exercise by exercise, with helper sets as half a set (Pelland et al. 2024)."
    )


def compute_volume_quick(values: Values) -> QuickVolumeResult:
    """The quick result for checked form values."""
    muscle = values.choice("muscle")
    weekly_sets = values.number("weekly_sets")
    band_low, band_high = DEFAULT_BAND
    status = status_for(weekly_sets, band_low, band_high)
    name = MUSCLES[muscle]
    notes: list[str] = []
    if status == "below":
        notes.append(
            f"Under {band_low} sets a week growth is usually slower: add sets if you want your "
            f"{name.lower()} to grow."
        )
    notes.append(
        "To count your sets exercise by exercise, with helper muscles as half a set, fill in "
        "the volume calculator's full weekly table (below the quick check on its page)."
    )
    return QuickVolumeResult(
        muscle=muscle,
        name=name,
        weekly_sets=weekly_sets,
        band_low=band_low,
        band_high=band_high,
        status=status,
        method=_method(band_low, band_high),
        notes=tuple(notes),
        warnings=(high_warning(name, weekly_sets, band_high),) if status == "high" else (),
        sources=(SCHOENFELD_2017, BAZ_VALLE_2022),
    )


def present_volume_quick(result: QuickVolumeResult, values: Values) -> Display:
    """The page text for a quick result: a headline that names the muscle and its verdict."""
    del values  # everything needed is in the result
    band = f"{result.band_low}-{result.band_high}"
    sets = format_decimal(result.weekly_sets, 1)
    noun = "set" if result.weekly_sets == 1 else "sets"
    verdict = STATUS_WORDS[result.status]
    summary = f"{sets} hard {noun} a week for {result.name.lower()}: {verdict.lower()} ({band})."
    return Display(
        summary=summary,
        # The headline says it all (muscle, number, verdict, range): no list of facts under it,
        # so the quick answer stays short enough to sit in a phone's first screen.
        facts=(),
        warnings=result.warnings,
        notes=result.notes,
        method=result.method,
        sources=tuple(source.citation() for source in result.sources),
    )


VOLUME_QUICK: Final = Calculator(VOLUME_QUICK_FORM, compute_volume_quick, present_volume_quick)
