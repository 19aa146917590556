"""Weekly hard sets per muscle from a week's exercises, against a productive range.

Weekly sets of a row = hard sets per session x sessions a week. For each muscle, prime-mover
sets count 1 and helper sets 0.5 (fractional counting); ``direct_sets`` counts prime-mover
sets only. ``sessions`` adds up the sessions of every row that trains the muscle, a
simplification: two exercises done on the same day count as two sessions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Final

from ._calculator import Calculator
from ._catalogue import CORE_MUSCLES, EXERCISES, MUSCLES
from ._chart import Bar, LegendItem, bar_chart
from ._display import Chart, Display, Fact, Table, count
from ._errors import join_words
from ._fields import (
    Bounds,
    ChoiceField,
    EntriesField,
    Form,
    NumberField,
    Option,
    Preset,
    json_number,
)
from ._numbers import format_decimal
from ._reading import Values, read_form
from ._results import Result
from ._sources import BAZ_VALLE_2022, PELLAND_2024, ROGERSON_2024, SCHOENFELD_2017
from ._thresholds import HARD_SETS_HIGH, HARD_SETS_LOW

__all__ = [
    "SAMPLE_WEEKS",
    "STATUS_WORDS",
    "VOLUME",
    "VOLUME_FORM",
    "Entry",
    "MuscleVolume",
    "VolumeResult",
    "compute_volume",
    "high_warning",
    "present_volume",
    "sets_text",
    "status_for",
    "weekly_volume",
]

DEFAULT_BAND: Final = (int(HARD_SETS_LOW.value), int(HARD_SETS_HIGH.value))
#: The most rows a week's list takes: every exercise of the catalogue twice (say a heavy and a
#: light day with different sets). More is not a week anyone trains, only a mistyped or made-up
#: list, which gets a message instead of an answer (and a shared link past it is cut to it).
MAX_ROWS: Final = 2 * len(EXERCISES)
SAMPLE_WEEK: Final = (
    {"exercise": "hip_thrust", "sets": 3, "sessions": 2},
    {"exercise": "squat", "sets": 3, "sessions": 2},
    {"exercise": "romanian_deadlift", "sets": 3, "sessions": 2},
    {"exercise": "leg_curl", "sets": 3, "sessions": 1},
)


def _week(text: str) -> tuple[dict[str, Any], ...]:
    """Rows from ``"hip_thrust:3:2 squat:3:2"`` (exercise:sets per session:sessions a week)."""
    rows = []
    for row in text.split():
        exercise, sets, sessions = row.split(":")
        rows.append({"exercise": exercise, "sets": int(sets), "sessions": int(sessions)})
    return tuple(rows)


#: The sample weeks of the programming guide (docs/exercises/programming.md, whose volume-week
#: markers a test checks against these), offered as starting points in the calculator.
SAMPLE_WEEKS: Final = (
    Preset(
        "Beginner (3 days)",
        _week(
            "goblet_squat:3:1 glute_bridge:2:1 romanian_deadlift:3:1 reverse_lunge:2:1 "
            "hip_thrust:3:1 step_up:2:1"
        ),
    ),
    Preset(
        "Intermediate (4 days)",
        _week(
            "squat:3:1 romanian_deadlift:3:1 bulgarian_split_squat:2:1 leg_curl:3:1 box_jump:2:1 "
            "hip_thrust:4:1 walking_lunge:2:1"
        ),
    ),
)

DELOAD_ADVICE: Final = (
    "Plan a lighter week every 4-8 weeks, or sooner when your lifts stall or your joints "
    "ache: do about half the sets with lighter loads. In a survey, strength and physique "
    "athletes took a lighter week about every 5-6 weeks (Rogerson et al. 2024)."
)


def _check_band(values: Values) -> Mapping[str, str]:
    low, high = values.whole("band_low"), values.whole("band_high")
    if low >= high:
        return {"band_high": f"Make the high end of the range more than the low end ({low} sets)."}
    return {}


VOLUME_FORM: Final = Form(
    name="volume",
    title="Weekly training volume calculator",
    summary=(
        "Counts the hard sets each leg and glute muscle gets in your week and checks them "
        "against the range that builds muscle."
    ),
    fields=(
        EntriesField(
            "entries",
            "Your week's exercises",
            help=(
                "One row per exercise. A hard set is one you end with no more than about "
                "3 reps left in the tank."
            ),
            item_noun="exercise",
            min_items=1,
            max_items=MAX_ROWS,
            default=SAMPLE_WEEK,
            presets=SAMPLE_WEEKS,
            fields=(
                ChoiceField(
                    "exercise",
                    "Exercise",
                    "an exercise",
                    help="Pick the closest match.",
                    default="hip_thrust",
                    options=tuple(Option(e.id, e.name) for e in EXERCISES.values()),
                    required=True,
                ),
                NumberField(
                    "sets",
                    "Hard sets per session",
                    "a number of hard sets per session",
                    help="Warm-up sets do not count.",
                    default=3,
                    bounds=Bounds(1, 20, 1),
                ),
                NumberField(
                    "sessions",
                    "Sessions a week",
                    "a number of sessions a week",
                    help="How many days a week you do this exercise.",
                    default=2,
                    bounds=Bounds(1, 7, 1),
                ),
            ),
        ),
        NumberField(
            "band_low",
            "Range low end (sets a week)",
            "the low end of the range",
            help="Fewer weekly sets than this usually means slower growth.",
            required=False,
            default=DEFAULT_BAND[0],
            bounds=Bounds(1, 40, 1),
            unit_text=" sets",
        ),
        NumberField(
            "band_high",
            "Range high end (sets a week)",
            "the high end of the range",
            help="More weekly sets than this is likely to be more than you can recover from.",
            required=False,
            default=DEFAULT_BAND[1],
            bounds=Bounds(1, 40, 1),
            unit_text=" sets",
        ),
    ),
    check=_check_band,
)


@dataclass(frozen=True)
class Entry:
    """One row of a training week: an exercise, hard sets per session, sessions a week."""

    exercise: str
    sets: int
    sessions: int

    @property
    def weekly_sets(self) -> int:
        """Hard sets a week for this row."""
        return self.sets * self.sessions


@dataclass(frozen=True)
class MuscleVolume:
    """One muscle's weekly volume and where it falls against the range."""

    muscle: str
    name: str
    direct_sets: int
    fractional_sets: float
    sessions: int
    status: str

    def to_json(self) -> dict[str, Any]:
        """The muscle as a JSON object."""
        return {
            "muscle": self.muscle,
            "name": self.name,
            "direct_sets": self.direct_sets,
            "fractional_sets": json_number(self.fractional_sets),
            "sessions": self.sessions,
            "status": self.status,
        }


@dataclass(frozen=True)
class VolumeResult(Result):
    """Weekly volume per muscle, with the range used and deload advice."""

    entries: tuple[Entry, ...]
    muscles: tuple[MuscleVolume, ...]
    band_low: int
    band_high: int
    total_sets: int
    deload: str

    def muscle(self, muscle_id: str) -> MuscleVolume:
        """The volume of one muscle by id, e.g. ``"glutes"``."""
        return next(m for m in self.muscles if m.muscle == muscle_id)

    def figures_json(self) -> dict[str, Any]:
        """The bridge's ``result`` object, without the tail every result shares."""
        return {
            "entries": [
                {
                    "exercise": entry.exercise,
                    "name": EXERCISES[entry.exercise].name,
                    "sets": entry.sets,
                    "sessions": entry.sessions,
                    "weekly_sets": entry.weekly_sets,
                }
                for entry in self.entries
            ],
            "muscles": [m.to_json() for m in self.muscles],
            "band": {"low": self.band_low, "high": self.band_high},
            "total_sets": self.total_sets,
            "deload": self.deload,
        }


def status_for(fractional_sets: float, band_low: float, band_high: float) -> str:
    """``below``, ``productive`` or ``high`` against the range (both ends count as in it).

    >>> status_for(9.5, 10, 20), status_for(10, 10, 20), status_for(20, 10, 20)
    ('below', 'productive', 'productive')
    >>> status_for(20.5, 10, 20)
    'high'
    """
    if fractional_sets < band_low:
        return "below"
    if fractional_sets > band_high:
        return "high"
    return "productive"


def _method(band_low: int, band_high: int) -> str:
    return (
        "Weekly sets = hard sets per session × sessions a week, added up over your exercises. "
        "A muscle that is a prime mover in an exercise counts each set as 1; a muscle that "
        "only helps counts it as 0.5. This is fractional counting, the way Pelland et al. "
        "(2024) counted sets in their dose-response analysis. Direct sets count prime-mover "
        f"sets only. The productive range, here {band_low}-{band_high} hard sets a week per "
        "muscle, is judged on fractional sets; the default of 10-20 follows Schoenfeld, "
        "Ogborn & Krieger (2017) and Baz-Valle et al. (2022). Below it growth is usually "
        "slower, and above it extra sets are likely junk volume that adds fatigue more than "
        "muscle. The sessions count adds up the sessions of every exercise that trains the "
        "muscle, so two exercises on the same day count as two sessions."
    )


def sets_text(sets: float) -> str:
    """A number of sets with its noun, to one decimal place.

    >>> sets_text(1), sets_text(12.5)
    ('1 set', '12.5 sets')
    """
    return f"{format_decimal(sets, 1)} {'set' if sets == 1 else 'sets'}"


def high_warning(name: str, sets: float, band_high: int) -> str:
    """What the calculators say about a muscle above the range (the full table's warning and
    the quick question's, in the same words).

    >>> high_warning("Glutes", 25, 20)[:36]
    'Glutes get 25 sets a week, above 20.'
    """
    return (
        f"{name} get {sets_text(sets)} a week, above {band_high}. Extra sets past this point "
        "tend to add more fatigue than growth (junk volume) and make recovery harder: cut "
        "some, or move them to a muscle that is under the range."
    )


def compute_volume(values: Values) -> VolumeResult:
    """The volume result for checked form values."""
    band_low, band_high = values.whole("band_low"), values.whole("band_high")
    entries = tuple(
        Entry(row.choice("exercise"), row.whole("sets"), row.whole("sessions"))
        for row in values.entries("entries")
    )
    muscles: list[MuscleVolume] = []
    for muscle_id, name in MUSCLES.items():
        direct = 0
        fractional = 0.0
        sessions = 0
        for entry in entries:
            share = EXERCISES[entry.exercise].share(muscle_id)
            if share == 0:
                continue
            fractional += share * entry.weekly_sets
            sessions += entry.sessions
            if share == 1:
                direct += entry.weekly_sets
        if sessions == 0 and muscle_id not in CORE_MUSCLES:
            continue
        status = status_for(fractional, band_low, band_high)
        muscles.append(MuscleVolume(muscle_id, name, direct, fractional, sessions, status))

    notes: list[str] = []
    below = [m for m in muscles if m.status == "below"]
    if below:
        names = join_words([m.name.lower() for m in below])
        notes.append(
            f"Under {band_low} sets a week: {names}. Add sets for the ones you want to grow."
        )
    if any(EXERCISES[e.exercise].plyometric for e in entries):
        notes.append(
            "Jumps train power more than size: their sets count here, but they may build "
            "less muscle than the same number of heavier sets."
        )
    notes.append(
        "Sessions add up over exercises, so two exercises on the same day count as two "
        "sessions: your real number of training days may be lower."
    )
    warnings = [
        high_warning(m.name, m.fractional_sets, band_high) for m in muscles if m.status == "high"
    ]
    return VolumeResult(
        entries=entries,
        muscles=tuple(muscles),
        band_low=band_low,
        band_high=band_high,
        total_sets=sum(entry.weekly_sets for entry in entries),
        deload=DELOAD_ADVICE,
        method=_method(band_low, band_high),
        notes=tuple(notes),
        warnings=tuple(warnings),
        sources=(SCHOENFELD_2017, BAZ_VALLE_2022, PELLAND_2024, ROGERSON_2024),
    )


def weekly_volume(
    entries: Iterable[Entry | tuple[str, int, int]],
    band_low: int = DEFAULT_BAND[0],
    band_high: int = DEFAULT_BAND[1],
) -> VolumeResult:
    """Weekly sets per muscle for a week of exercises.

    Rows are :class:`Entry` values or ``(exercise, sets_per_session, sessions_a_week)``.
    Raises :class:`musclecalc.InputError` for unknown exercises or numbers out of range,
    with keys like ``"entries.0.exercise"``.

    >>> result = weekly_volume([("hip_thrust", 3, 2)])   # 6 sets: glutes 1, hamstrings 0.5
    >>> result.muscle("glutes").fractional_sets, result.muscle("hamstrings").fractional_sets
    (6.0, 3.0)
    >>> result.muscle("glutes").status
    'below'
    """
    rows = [
        {"exercise": e.exercise, "sets": e.sets, "sessions": e.sessions}
        if isinstance(e, Entry)
        else {"exercise": e[0], "sets": e[1], "sessions": e[2]}
        for e in entries
    ]
    values = read_form(VOLUME_FORM, {"entries": rows, "band_low": band_low, "band_high": band_high})
    return compute_volume(values)


#: The words the results give each status.
STATUS_WORDS: Final = {"below": "Below range", "productive": "In range", "high": "Above range"}


def _chart(result: VolumeResult, band: str) -> Chart:
    """The bar chart of fractional sets per muscle, with the range shaded, and its words."""
    bars = [
        Bar(
            m.name,
            m.fractional_sets,
            f"{format_decimal(m.fractional_sets, 1)} {'set' if m.fractional_sets == 1 else 'sets'}",
            kind=m.status,
        )
        for m in result.muscles
    ]
    description = (
        f"Bar chart of fractional hard sets a week per muscle, with the {band} set range "
        "shaded: "
        + "; ".join(
            f"{m.name} {format_decimal(m.fractional_sets, 1)} ({STATUS_WORDS[m.status].lower()})"
            for m in result.muscles
        )
        + "."
    )
    svg = bar_chart(
        "mc-volume-chart",
        "Weekly hard sets per muscle",
        description,
        bars,
        axis_label="Hard sets a week (fractional)",
        band=(result.band_low, result.band_high),
        legend=(
            LegendItem("below", "below range"),
            LegendItem("productive", "in range"),
            LegendItem("high", "above range"),
            LegendItem("band", f"range {band}"),
        ),
    )
    return Chart(svg, description)


def present_volume(result: VolumeResult, values: Values) -> Display:
    """The page text for a volume result."""
    del values  # everything needed is in the result
    band = f"{result.band_low}-{result.band_high}"
    groups = {
        status: [m.name for m in result.muscles if m.status == status] for status in STATUS_WORDS
    }
    in_range, below, high = (len(groups[s]) for s in ("productive", "below", "high"))
    summary = (
        f"{count(in_range, 'muscle')} {'is' if in_range == 1 else 'are'} in the productive "
        f"range of {band} hard sets a week, {below} below it and {high} above it."
    )
    facts = [
        Fact("Productive range", f"{band} hard sets a week per muscle"),
        Fact(
            "Total hard sets",
            f"{result.total_sets} a week over {len(result.entries)} "
            f"{'exercise' if len(result.entries) == 1 else 'exercises'}",
        ),
        Fact("In range", join_words(groups["productive"]) or "none"),
        Fact("Below range", join_words(groups["below"]) or "none"),
        Fact("Above range", join_words(groups["high"]) or "none"),
    ]
    table = Table(
        caption="Weekly sets per muscle (fractional sets count helper sets as half a set)",
        columns=("Muscle", "Direct sets", "Fractional sets", "Sessions", "Status"),
        rows=tuple(
            (
                m.name,
                str(m.direct_sets),
                format_decimal(m.fractional_sets, 1),
                str(m.sessions),
                STATUS_WORDS[m.status],
            )
            for m in result.muscles
        ),
    )
    exercises = ", ".join(
        f"{EXERCISES[e.exercise].name} {e.sets}×{e.sessions}" for e in result.entries
    )
    # The deload advice is a sentence, not a figure: it leads the notes rather than the facts.
    notes = (result.deload, *result.notes, f"Exercises counted (sets × sessions): {exercises}.")
    return Display(
        summary=summary,
        facts=tuple(facts),
        table=table,
        chart=_chart(result, band),
        warnings=result.warnings,
        notes=notes,
        method=result.method,
        sources=tuple(source.citation() for source in result.sources),
    )


VOLUME: Final = Calculator(VOLUME_FORM, compute_volume, present_volume)
