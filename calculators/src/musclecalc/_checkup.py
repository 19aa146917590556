"""The self-check: warning signs first, then the causes that fit the reader's answers.

Triage comes from :mod:`._warning_signs` (the one table of signs and levels): the most urgent
ticked sign sets the level. Then each cause has a rule that looks only at answers given; an
unanswered question, "not sure" and a blank are never evidence. A cause is "likely" when an
answer passes its threshold from :mod:`._thresholds` (or when several signs agree), "possible"
when the evidence is weaker. Causes are ranked likely first, then by strength (how far past
the threshold, plus one for each further piece of evidence), then in the fixed order of
:data:`CAUSE_TITLES`.

>>> result, display = CHECKUP.run({"symptoms": ["saddle_numbness"], "sleep_hours": "5"})
>>> result.triage.level, [cause.cause for cause in result.causes]
('emergency', ['poor-sleep'])
>>> display.ranked.heading
'Once you have been checked'
>>> CHECKUP.run({})[1].summary.startswith("Answer a few questions")
True
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final

from ._calculator import Calculator
from ._display import Alert, Display, Fact, Link, Ranked, RankedItem
from ._evidence import EVIDENCE
from ._fields import Bounds, ChecklistField, ChoiceField, Form, NumberField, Option
from ._numbers import format_decimal
from ._reading import Values
from ._shared_fields import age_field, optional_body_weight_fields, weight_change_fields
from ._sources import HUBAL_2005, Source
from ._thresholds import (
    DEFICIT_KCAL,
    HARD_SETS_HIGH,
    HARD_SETS_LOW,
    HORMONE_SIGNS,
    OLDER_AGE,
    OLDER_PROTEIN,
    PROTEIN_BANDS,
    PROTEIN_LOW,
    PROTEIN_PLATEAU,
    SITTING_SHARE,
    SLEEP_MIN,
    THRESHOLDS,
    VISIBLE_CHANGE_MONTHS,
    WEEKLY_LOSS_HIGH,
    WEEKLY_LOSS_LOW,
    Threshold,
)
from ._units import UNITS, to_base
from ._warning_signs import LEVEL_ORDER, LEVELS, SIGNS

__all__ = [
    "CAUSE_TITLES",
    "CHECKUP",
    "CHECKUP_FORM",
    "CauseFinding",
    "CheckupResult",
    "Triage",
    "compute_checkup",
    "present_checkup",
]

#: Every cause the check can name: its page's file name in docs/causes/ and the page's title.
#: The order breaks ties in the ranking.
CAUSE_TITLES: Final[dict[str, str]] = {
    "too-little-resistance-training": "Too little resistance training",
    "no-progressive-overload": "No progressive overload",
    "same-routine": "Same routine, same angle",
    "junk-volume-and-overtraining": "Junk volume and overtraining",
    "too-little-protein": "Too little protein",
    "too-little-energy": "Not eating enough",
    "poor-sleep": "Poor sleep and too little rest",
    "stress-and-cortisol": "Stress and cortisol",
    "hormones": "Hormone problems",
    "sitting-and-inactive-glutes": "Sitting too long and underused glutes",
    "genetics-and-asymmetry": "Genetics and uneven glutes",
    "measurement-illusions": "Measurement illusions",
    "patience-and-timelines": "Patience and realistic timelines",
    "age": "Age and muscle loss",
}

#: Signs from the warning-sign table that the hormones page also lists.
HORMONE_SIGN_CODES: Final = (
    "thyroid_signs",
    "periods_stopped",
    "steroid_weakness",
    "lasting_fatigue",
    "weight_loss",
    "no_improvement",
)

NOT_SURE: Final = "unsure"
_SKIP_LABEL: Final = "Not sure, or skip"

NONE_TITLE: Final = "No warning signs ticked"
NONE_ACTION: Final = (
    "None of the listed warning signs is ticked, so nothing here needs a doctor first. If one "
    "of them starts, or your muscles keep shrinking after 8 to 12 weeks of fixing your "
    "training, food and sleep, see a doctor."
)
EMPTY_SUMMARY: Final = (
    "Answer a few questions to get your answer: tick any warning signs that fit, then fill in "
    "what you know about your training, food and sleep. Skip anything you are not sure of."
)
CHECKED_FIRST_HEADING: Final = "Once you have been checked"
CAUSES_HEADING: Final = "Your likely causes, most likely first"
ALWAYS_WARNING: Final = (
    "This check points you to pages to read; it cannot diagnose anything. If you are worried "
    "about your health, see a doctor whatever the check says."
)


def _yes_no(name: str, label: str, noun: str, explain: str) -> ChoiceField:
    return ChoiceField(
        name,
        label,
        noun,
        help=explain,
        default=NOT_SURE,
        options=(Option(NOT_SURE, _SKIP_LABEL), Option("yes", "Yes"), Option("no", "No")),
    )


def _count(
    name: str, label: str, noun: str, explain: str, *, bounds: Bounds, unit: str
) -> NumberField:
    return NumberField(
        name, label, noun, help=explain, required=False, bounds=bounds, unit_text=unit
    )


_WEIGHT, _WEIGHT_UNIT = optional_body_weight_fields(
    "Your body weight today, so protein and weight change can be worked out per kg."
)

CHECKUP_FORM: Final = Form(
    name="checkup",
    link_on_request=True,  # warning signs are health data: in the address only when asked
    title="Which cause is mine?",
    summary=(
        "Tick any warning signs and answer what you know; see first whether anything needs a "
        "doctor, then the causes that fit your answers, most likely first."
    ),
    groups=(
        ("months_training", "Your training"),
        ("weight", "Food and body"),
        ("sleep_hours", "Recovery and daily life"),
    ),
    fields=(
        ChecklistField(
            "symptoms",
            "Warning signs: tick any that you have now",
            "the warning signs",
            help="Leave them all unticked if none fits.",
            options=tuple(Option(sign.code, sign.label) for sign in SIGNS.values()),
        ),
        # Training
        _count(
            "months_training",
            "Months of regular strength training",
            "a number of months",
            "How long you have lifted weights at least once a week; 0 if you have not started.",
            bounds=Bounds(0, 600, 0.5),
            unit=" months",
        ),
        _count(
            "weekly_hard_sets",
            "Hard sets a week for the shrinking muscle",
            "a number of sets",
            "Sets that end close to failure, counted over a normal week; the volume calculator "
            "counts them for you.",
            bounds=Bounds(0, 100, 1),
            unit=" sets",
        ),
        _yes_no(
            "progression",
            "Have your weights or reps gone up in the last 3 months?",
            "an answer about progress",
            "Yes if you lift more, or do more reps, than three months ago.",
        ),
        _yes_no(
            "close_to_failure",
            "Do most sets end close to failure?",
            "an answer about how hard your sets are",
            "Yes if the last reps are slow and hard and you could do at most two or three more.",
        ),
        _yes_no(
            "same_exercises",
            "Have you done the same two or three glute exercises for months?",
            "an answer about your exercises",
            "Yes if your glute work has been the same few moves for months.",
        ),
        # Food and body
        _WEIGHT,
        _WEIGHT_UNIT,
        _count(
            "protein_grams",
            "Protein a day (g)",
            "grams of protein a day",
            "About how many grams of protein you eat on a normal day.",
            bounds=Bounds(0, 600, 1),
            unit=" g",
        ),
        *weight_change_fields(NOT_SURE, _SKIP_LABEL),
        age_field("From 65, muscle needs more protein."),
        # Recovery and life
        _count(
            "sleep_hours",
            "Sleep a night (hours)",
            "hours of sleep",
            "How long you sleep on most nights.",
            bounds=Bounds(0, 16, 0.1),
            unit=" hours",
        ),
        ChoiceField(
            "stress",
            "Stress in the last few weeks",
            "your stress",
            help="How stressed you have felt on most days.",
            default=NOT_SURE,
            options=(
                Option(NOT_SURE, _SKIP_LABEL),
                Option("low", "Low"),
                Option("moderate", "Moderate"),
                Option("high", "High"),
            ),
        ),
        _count(
            "sitting_hours",
            "Sitting a day (hours)",
            "hours of sitting",
            "Work, driving and screens together.",
            bounds=Bounds(0, 24, 0.1),
            unit=" hours",
        ),
        _yes_no(
            "measured",
            "Did you measure the change with a tape or photos over weeks?",
            "an answer about measuring",
            "No if it is what the mirror or your clothes suggest.",
        ),
        _yes_no(
            "low_sex_drive",
            "New low sex drive, or erection problems?",
            "an answer about sex drive",
            "A hormone sign; skip it if you prefer.",
        ),
    ),
)


@dataclass(frozen=True)
class Triage:
    """How soon to see a doctor: a level of ``LEVEL_ORDER``, the ticked signs and what to do."""

    level: str
    reasons: tuple[str, ...]
    action: str

    def to_json(self) -> dict[str, Any]:
        """The result's ``triage`` object."""
        return {"level": self.level, "reasons": list(self.reasons), "action": self.action}


@dataclass(frozen=True)
class CauseFinding:
    """One cause that fits the answers, with the reasons in the reader's own numbers."""

    cause: str
    title: str
    likelihood: str
    reasons: tuple[str, ...]
    strength: float
    next_steps: tuple[Link, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """One item of the result's ``causes`` list."""
        return {
            "cause": self.cause,
            "title": self.title,
            "likelihood": self.likelihood,
            "reasons": list(self.reasons),
            "next_steps": [{"text": link.text, "path": link.path} for link in self.next_steps],
        }


@dataclass(frozen=True)
class CheckupResult:
    """The triage and the causes, most likely first; ``answered`` is False for an empty form."""

    triage: Triage
    causes: tuple[CauseFinding, ...]
    answered: bool
    method: str
    notes: tuple[str, ...]
    warnings: tuple[str, ...]
    sources: tuple[Source, ...]

    def to_json(self) -> dict[str, Any]:
        """The bridge's ``result`` object."""
        return {
            "triage": self.triage.to_json(),
            "causes": [cause.to_json() for cause in self.causes],
            "answered": self.answered,
            "method": self.method,
            "notes": list(self.notes),
            "warnings": list(self.warnings),
            "sources": [source.to_json() for source in self.sources],
        }


# ------------------------------------------------------------------------------ reading


@dataclass(frozen=True)
class _Answers:
    """The answers, with every unit worked out; ``None`` or ``"unsure"`` when not given."""

    symptoms: tuple[str, ...]
    months: float | None
    sets: float | None
    progression: str
    failure: str
    same_exercises: str
    weight_kg: float | None
    weight_text: str | None
    weight_unit: str
    protein: float | None
    change_kg: float | None
    change_text: str | None
    age: float | None
    sleep: float | None
    stress: str
    sitting: float | None
    measured: str
    low_sex_drive: str

    @property
    def protein_per_kg(self) -> float | None:
        if self.protein is None or self.weight_kg is None:
            return None
        return self.protein / self.weight_kg

    @property
    def loss_percent(self) -> float | None:
        """Weight lost a week as a percentage of body weight (negative when gaining)."""
        if self.change_kg is None or self.weight_kg is None:
            return None
        return -self.change_kg / self.weight_kg * 100


def _read(values: Values) -> _Answers:
    unit = values.choice("weight_unit")
    entered_weight = values.entered.get("weight")
    entered_change = values.entered.get("weight_change_per_week")
    symbol = UNITS[unit].symbol
    return _Answers(
        symptoms=values.ticked("symptoms"),
        months=values.optional("months_training"),
        sets=values.optional("weekly_hard_sets"),
        progression=values.choice("progression"),
        failure=values.choice("close_to_failure"),
        same_exercises=values.choice("same_exercises"),
        weight_kg=values.optional("weight"),
        weight_text=None
        if entered_weight is None
        else f"{format_decimal(entered_weight, 1)} {symbol}",
        weight_unit=unit,
        protein=values.optional("protein_grams"),
        change_kg=None if entered_change is None else to_base(entered_change, unit),
        change_text=None
        if entered_change is None
        else f"{format_decimal(abs(entered_change), 1)} {symbol}",
        age=values.optional("age"),
        sleep=values.optional("sleep_hours"),
        stress=values.choice("stress"),
        sitting=values.optional("sitting_hours"),
        measured=values.choice("measured"),
        low_sex_drive=values.choice("low_sex_drive"),
    )


def _answered(a: _Answers) -> bool:
    numbers = (a.months, a.sets, a.weight_kg, a.protein, a.change_kg, a.age, a.sleep, a.sitting)
    choices = (a.progression, a.failure, a.same_exercises, a.stress, a.measured, a.low_sex_drive)
    return (
        bool(a.symptoms)
        or any(n is not None for n in numbers)
        or any(c != NOT_SURE for c in choices)
    )


# -------------------------------------------------------------------------------- triage


def _triage(ticked: tuple[str, ...]) -> Triage:
    levels = {SIGNS[code].level for code in ticked}
    level = next((lv for lv in LEVEL_ORDER if lv in levels), "none")
    if level == "none":
        return Triage("none", (), NONE_ACTION)
    ordered = sorted(ticked, key=lambda code: LEVEL_ORDER.index(SIGNS[code].level))
    reasons = tuple(_sentence(SIGNS[code].text) for code in ordered)
    helps = dict.fromkeys(SIGNS[code].help for code in ordered if SIGNS[code].help)
    return Triage(level, reasons, " ".join((LEVELS[level].action, *helps)))


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + "."


# --------------------------------------------------------------------------------- rules


def _num(value: float, places: int = 1) -> str:
    return format_decimal(value, places)


def _below(value: float, threshold: Threshold) -> str:
    """A value under a threshold, with enough decimals that it does not read as the threshold.

    >>> _below(6.96, SLEEP_MIN), _below(5.5, SLEEP_MIN), _below(0.23, WEEKLY_LOSS_LOW)
    ('6.96', '5.5', '0.2')
    """
    if value >= threshold.value:
        return _num(value)
    for places in (1, 2, 3):
        text = _num(value, places)
        if float(text.replace(",", "")) < threshold.value:
            return text
    return _num(value, 3)


def _months(value: float) -> str:
    """A number of months with the right noun.

    >>> _months(1), _months(1.5), _months(24)
    ('1 month', '1.5 months', '24 months')
    """
    return f"{_num(value)} {'month' if value == 1 else 'months'}"


def _past(value: float, threshold: Threshold, *, below: bool) -> float:
    """How far past the threshold, as a share of it: 0 at the threshold."""
    limit = threshold.value
    return (limit - value) / limit if below else (value - limit) / limit


@dataclass(frozen=True)
class _Evidence:
    """What one rule found: strong evidence makes a cause likely."""

    reasons: tuple[str, ...]
    likely: bool
    strength: float
    next_steps: tuple[Link, ...] = ()


def _fragment(a: _Answers, page: str, *extra: str) -> str:
    if a.weight_text is None:
        return f"calculators/{page}/"
    weight = a.weight_text.split()[0]
    parts = [f"weight={weight}", f"weight_unit={a.weight_unit}", *extra]
    if a.age is not None:
        parts.append(f"age={_num(a.age, 0)}")
    return f"calculators/{page}/#" + "&".join(parts)


# The check does not ask for a goal, so its links carry none: the calculator's own default and
# its goal field are the reader's to choose (a reader losing weight on purpose is not building).


def _protein_link(a: _Answers) -> Link:
    return Link("Work out your protein target", _fragment(a, "protein"))


def _energy_link(a: _Answers) -> Link:
    return Link("Work out the calories you need", _fragment(a, "energy"))


#: Signs after which the check never sends a reader to the calorie calculator: the energy page
#: says not to use it with an eating disorder. The doctor and a help line come first.
EATING_SIGN_CODES: Final = ("periods_stopped", "food_worries")
_EATING_HELP_LINK: Final = Link("Who can help with eating", "red-flags/#routine")


_VOLUME_LINK: Final = Link("Count your weekly hard sets", "calculators/volume/")
_PROGRESS_LINK: Final = Link("Start a progress log", "calculators/progress/")


def _resistance(a: _Answers) -> _Evidence | None:
    reasons: list[str] = []
    strength = 0.0
    likely = False
    if a.months is not None and a.months == 0:
        reasons.append("You have not started regular strength training yet.")
        strength += 1
        likely = True
    if a.sets is not None and a.sets < HARD_SETS_LOW.value:
        reasons.append(
            f"You do about {_num(a.sets, 0)} hard sets a week for this muscle; people who did "
            f"{_num(HARD_SETS_LOW.value, 0)} or more grew more ({HARD_SETS_LOW.cite})."
        )
        strength += 1 + _past(a.sets, HARD_SETS_LOW, below=True)
        likely = True
    if a.failure == "no":
        reasons.append(
            "Most of your sets stop well before failure, so they may not count as hard sets: "
            "growth comes from sets whose last reps are slow and hard."
        )
        strength += 1
    if not reasons:
        return None
    return _Evidence(tuple(reasons), likely, strength, (_VOLUME_LINK,))


def _overload(a: _Answers) -> _Evidence | None:
    reasons: list[str] = []
    strength = 0.0
    if a.progression == "no":
        reasons.append(
            "Your weights and reps have not gone up in 3 months; a muscle that is never asked "
            "for a little more stops growing."
        )
        strength += 1
    if a.failure == "no":
        reasons.append("Your sets end at a number rather than when they get hard.")
        strength += 1
    if not reasons:
        return None
    return _Evidence(tuple(reasons), a.progression == "no", strength, (_VOLUME_LINK,))


def _same_routine(a: _Answers) -> _Evidence | None:
    if a.same_exercises != "yes":
        return None
    return _Evidence(
        (
            "You have done the same few glute exercises for months; the glutes are three "
            "muscles, and one or two moves can leave parts of them under-worked.",
        ),
        False,
        1,
    )


def _junk_volume(a: _Answers) -> _Evidence | None:
    if a.sets is None or a.sets <= HARD_SETS_HIGH.value:
        return None
    reasons = [
        f"You do about {_num(a.sets, 0)} hard sets a week for this muscle; growth levels off "
        f"around {_num(HARD_SETS_LOW.value, 0)}-{_num(HARD_SETS_HIGH.value, 0)} sets "
        f"({HARD_SETS_LOW.cite}; {HARD_SETS_HIGH.cite}), and more mostly adds tiredness."
    ]
    strength = 1 + _past(a.sets, HARD_SETS_HIGH, below=False)
    if a.progression == "no":
        reasons.append("With that many sets, your weights are not going up.")
        strength += 1
    return _Evidence(tuple(reasons), a.progression == "no", strength, (_VOLUME_LINK,))


def _protein(a: _Answers) -> _Evidence | None:
    per_kg = a.protein_per_kg
    if per_kg is None or per_kg >= PROTEIN_PLATEAU.value:
        return None
    assert a.protein is not None
    assert a.weight_text is not None
    keep = PROTEIN_BANDS["maintain"]
    reason = (
        f"You eat about {_num(per_kg, 2)} g of protein per kg a day ({_num(a.protein, 0)} g at "
        f"{a.weight_text}); muscle gain levels off around {_num(PROTEIN_PLATEAU.value)} g/kg "
        f"({PROTEIN_PLATEAU.cite})"
    )
    # Below the calculator's keep-muscle band: likely. Inside it: enough to keep muscle, so only
    # possible (the calculator's own "keep muscle" target is never called a likely cause).
    likely = per_kg < PROTEIN_LOW.value
    if likely:
        reason += (
            f", and under {_num(PROTEIN_LOW.value)} g/kg is below even the protein "
            f"calculator's band for keeping muscle ({_num(keep.low)}-{_num(keep.high)} g/kg)"
        )
    else:
        reason += (
            f". It is inside the protein calculator's band for keeping muscle "
            f"({_num(keep.low)}-{_num(keep.high)} g/kg), so it is enough to keep muscle; "
            "building may need more"
        )
    return _Evidence(
        (reason + ".",),
        likely,
        1 + _past(per_kg, PROTEIN_PLATEAU, below=True),
        (_protein_link(a),),
    )


def _energy(a: _Answers) -> _Evidence | None:
    reasons: list[str] = []
    strength = 0.0
    likely = False
    loss = a.loss_percent
    deficit = (
        f"a deficit of about {_num(DEFICIT_KCAL.value, 0)} kcal a day was enough to stop "
        f"muscle gain on average ({DEFICIT_KCAL.cite})"
    )
    if loss is not None and loss > 0:
        assert a.change_text is not None
        band = (
            f"{_num(WEEKLY_LOSS_LOW.value)}-{_num(WEEKLY_LOSS_HIGH.value)} % a week "
            f"({WEEKLY_LOSS_HIGH.cite})"
        )
        if loss > WEEKLY_LOSS_HIGH.value:
            reasons.append(
                f"You lose about {a.change_text} a week, {_num(loss)} % of your body weight: "
                f"faster than the {band} advised to keep muscle on a diet."
            )
            strength += 1 + _past(loss, WEEKLY_LOSS_HIGH, below=False)
            likely = True
        else:
            where = "within" if loss >= WEEKLY_LOSS_LOW.value else "below"
            reasons.append(
                f"You lose about {a.change_text} a week, {_below(loss, WEEKLY_LOSS_LOW)} % of "
                f"your body weight. That is {where} the {band} that keeps most muscle on a "
                f"diet, but while you lose weight you are not building: {deficit}."
            )
            strength += loss / WEEKLY_LOSS_HIGH.value
    elif a.change_kg is not None and a.change_kg < 0:
        assert a.change_text is not None
        reasons.append(
            f"You lose about {a.change_text} a week, so you eat less than you burn; {deficit}. "
            "Add your body weight to compare it with the usual safe rate."
        )
        strength += 1
    eating = [code for code in EATING_SIGN_CODES if code in a.symptoms]
    if eating:
        # The doctor and a help line first; no calorie target (see EATING_SIGN_CODES).
        reasons.insert(
            0,
            "You ticked a sign about eating or your periods: see your doctor about it before "
            "you change what you eat. " + SIGNS[eating[0]].help,
        )
        if "periods_stopped" in eating:
            reasons.append(
                "Periods that stop while you train hard and eat little can mean too little energy."
            )
        if "food_worries" in eating:
            reasons.append(
                "Eating very little on purpose leaves no spare energy for building muscle."
            )
        strength += len(eating)
        return _Evidence(tuple(reasons), likely, strength, (_EATING_HELP_LINK,))
    if not reasons:
        return None
    return _Evidence(tuple(reasons), likely, strength, (_energy_link(a), _protein_link(a)))


def _sleep(a: _Answers) -> _Evidence | None:
    if a.sleep is None or a.sleep >= SLEEP_MIN.value:
        return None
    return _Evidence(
        (
            f"You sleep about {_below(a.sleep, SLEEP_MIN)} hours a night; adults need "
            f"{_num(SLEEP_MIN.value, 0)} hours or more ({SLEEP_MIN.cite}).",
        ),
        True,
        1 + _past(a.sleep, SLEEP_MIN, below=True),
    )


def _stress(a: _Answers) -> _Evidence | None:
    if a.stress != "high":
        return None
    reasons = [
        "Your stress has been high; stress mostly slows recovery, sleep and eating rather than "
        "shrinking muscle by itself."
    ]
    short_sleep = a.sleep is not None and a.sleep < SLEEP_MIN.value
    if short_sleep:
        reasons.append("High stress and short sleep together feed each other.")
    return _Evidence(tuple(reasons), short_sleep, 2 if short_sleep else 1)


def _hormones(a: _Answers) -> _Evidence | None:
    reasons = [_sentence(SIGNS[code].label) for code in HORMONE_SIGN_CODES if code in a.symptoms]
    if a.low_sex_drive == "yes":
        reasons.append("New low sex drive or erection problems.")
    if not reasons:
        return None
    count = len(reasons)
    likely = count >= HORMONE_SIGNS.value
    fit = (
        "One of the signs on the hormones page fits you."
        if count == 1
        else (f"{count} of the signs on the hormones page fit you.")
    )
    summary = (
        f"{fit} One is enough to book a doctor's appointment and ask about a blood test; "
        f"{_num(HORMONE_SIGNS.value, 0)} or more together make a hormone problem more likely."
    )
    return _Evidence((summary, *reasons), likely, count)


def _sitting(a: _Answers) -> _Evidence | None:
    if a.sitting is None:
        return None
    sleep = a.sleep if a.sleep is not None else SLEEP_MIN.value
    waking = 24 - sleep
    limit = SITTING_SHARE.value * waking
    if waking <= 0 or a.sitting <= limit:
        return None
    reasons = (
        f"You sit about {_num(a.sitting)} hours a day, more than half of the about "
        f"{_num(waking)} hours you are awake, so your glutes get little to do most of the day.",
    )
    return _Evidence(reasons, False, 1 + (a.sitting - limit) / limit)


def _genetics(a: _Answers) -> _Evidence | None:
    per_kg = a.protein_per_kg
    if (
        a.months is None
        or a.months < VISIBLE_CHANGE_MONTHS.value
        or a.sets is None
        or not HARD_SETS_LOW.value <= a.sets <= HARD_SETS_HIGH.value
        or a.progression != "yes"
        or per_kg is None
        or per_kg < PROTEIN_PLATEAU.value
        or a.sleep is None
        or a.sleep < SLEEP_MIN.value
    ):
        return None
    return _Evidence(
        (
            f"You have trained for {_months(a.months)} with {_num(a.sets, 0)} hard sets a "
            f"week, you add weight or reps, eat {_num(per_kg, 2)} g of protein per kg and sleep "
            f"{_num(a.sleep)} hours: the usual causes are covered. On the same programme, some "
            "people grow far more slowly than others (Hubal et al. 2005).",
        ),
        False,
        1,
    )


def _measurement(a: _Answers) -> _Evidence | None:
    if a.measured != "no":
        return None
    reasons = [
        "You judge the change by the mirror, not by a tape or photos taken the same way over "
        "weeks; the mirror cannot tell muscle from fat or thighs from glutes."
    ]
    if a.change_kg is not None and a.change_kg < 0:
        reasons.append("You are losing weight, and fat comes off everywhere, including your bum.")
    if a.progression == "yes":
        reasons.append("Your weights are going up, which usually means the muscle is growing.")
    return _Evidence(tuple(reasons), len(reasons) > 1, len(reasons), (_PROGRESS_LINK,))


def _patience(a: _Answers) -> _Evidence | None:
    if a.months is None or a.months == 0 or a.months >= VISIBLE_CHANGE_MONTHS.value:
        return None
    return _Evidence(
        (
            f"You have trained for {_months(a.months)}; new muscle shows on a scanner "
            f"after about 3 to 4 weeks but takes months to see in a mirror "
            f"({VISIBLE_CHANGE_MONTHS.cite}).",
        ),
        True,
        1 + _past(a.months, VISIBLE_CHANGE_MONTHS, below=True),
    )


def _age(a: _Answers) -> _Evidence | None:
    reasons: list[str] = []
    strength = 0.0
    older = a.age is not None and a.age >= OLDER_AGE.value
    if older:
        assert a.age is not None
        reasons.append(
            f"You are {_num(a.age, 0)}; from about {_num(OLDER_AGE.value, 0)}, muscle needs "
            f"more protein at each meal and each day to respond ({OLDER_AGE.cite})."
        )
        strength += 1
        per_kg = a.protein_per_kg
        if per_kg is not None and per_kg < OLDER_PROTEIN.value:
            reasons.append(
                f"You eat about {_num(per_kg, 2)} g of protein per kg a day; active older "
                f"adults need {_num(OLDER_PROTEIN.value)} g/kg or more ({OLDER_PROTEIN.cite})."
            )
            strength += 1 + _past(per_kg, OLDER_PROTEIN, below=True)
    if "daily_tasks_harder" in a.symptoms:
        reasons.append("Getting up from a chair or climbing stairs is getting harder.")
        strength += 1
    if not reasons:
        return None
    likely = older and len(reasons) > 1
    return _Evidence(tuple(reasons), likely, strength, (_protein_link(a),))


_RULES: Final[dict[str, Callable[[_Answers], _Evidence | None]]] = {
    "too-little-resistance-training": _resistance,
    "no-progressive-overload": _overload,
    "same-routine": _same_routine,
    "junk-volume-and-overtraining": _junk_volume,
    "too-little-protein": _protein,
    "too-little-energy": _energy,
    "poor-sleep": _sleep,
    "stress-and-cortisol": _stress,
    "hormones": _hormones,
    "sitting-and-inactive-glutes": _sitting,
    "genetics-and-asymmetry": _genetics,
    "measurement-illusions": _measurement,
    "patience-and-timelines": _patience,
    "age": _age,
}


def _causes(a: _Answers) -> tuple[CauseFinding, ...]:
    found = []
    order = list(CAUSE_TITLES)
    for cause, rule in _RULES.items():
        evidence = rule(a)
        if evidence is None:
            continue
        found.append(
            CauseFinding(
                cause,
                CAUSE_TITLES[cause],
                "likely" if evidence.likely else "possible",
                evidence.reasons,
                round(evidence.strength, 6),
                evidence.next_steps,
            )
        )
    found.sort(key=lambda c: (c.likelihood != "likely", -c.strength, order.index(c.cause)))
    return tuple(found)


def _method() -> str:
    rules = " ".join(f"{t.basis} ({t.cite}: {_num(t.value, 2)} {t.unit}.)" for t in THRESHOLDS)
    grades = " ".join(
        f"{CAUSE_TITLES[cause]}: {EVIDENCE[cause].grade.title.lower()}." for cause in CAUSE_TITLES
    )
    return (
        "Warning signs come first: the most urgent ticked sign sets the level, from the same "
        "table as the page on when to see a doctor. Then each cause has a rule that looks only "
        "at the answers you gave; a blank or \u201cnot sure\u201d never counts. A cause is "
        "likely when an answer passes its threshold, or when several signs agree, and possible "
        "when the evidence is weaker. Causes are listed likely first, then by how far past the "
        f"threshold your answer is. The thresholds: {rules} How strong the main evidence for "
        f"each cause is, as each cause page shows it: {grades}"
    )


def _sources() -> tuple[Source, ...]:
    seen: dict[str, Source] = {}
    for threshold in THRESHOLDS:
        if threshold.source is not None and threshold.source.doi is not None:
            seen.setdefault(threshold.source.doi, threshold.source)
    seen.setdefault(str(HUBAL_2005.doi), HUBAL_2005)
    return tuple(seen.values())


_METHOD: Final = _method()
_SOURCES: Final = _sources()


def compute_checkup(values: Values) -> CheckupResult:
    """The triage and the ranked causes for checked form values."""
    answers = _read(values)
    notes: list[str] = []
    if answers.protein is not None and answers.weight_kg is None:
        notes.append("Add your body weight to check your protein per kg.")
    if answers.change_kg is not None and answers.weight_kg is None and answers.change_kg < 0:
        notes.append("Add your body weight to compare your weekly loss with the safe rate.")
    return CheckupResult(
        triage=_triage(answers.symptoms),
        causes=_causes(answers),
        answered=_answered(answers),
        method=_METHOD,
        notes=tuple(notes),
        warnings=(ALWAYS_WARNING,),
        sources=_SOURCES,
    )


# ------------------------------------------------------------------------------- display


def _alert(triage: Triage) -> Alert:
    if triage.level == "none":
        return Alert(
            "none", NONE_TITLE, (), NONE_ACTION, Link("What the warning signs are", "red-flags/")
        )
    level = LEVELS[triage.level]
    return Alert(
        triage.level,
        level.title,
        triage.reasons,
        triage.action,
        Link("What the warning signs mean", f"red-flags/#{level.anchor}"),
        level.calls,
    )


def _summary(result: CheckupResult) -> str:
    if not result.answered:
        return EMPTY_SUMMARY
    causes = result.causes
    if result.triage.level in ("emergency", "urgent"):
        first = LEVELS[result.triage.level].title + "."
        if causes:
            return f"{first} The causes below can wait until you have been checked."
        return first
    if not causes:
        return (
            "None of the causes this check knows fits your answers so far. Answer more "
            "questions, or read the overview of causes."
        )
    if len(causes) == 1:
        return f"One cause fits your answers: {causes[0].title.lower()}."
    return (
        f"{len(causes)} causes fit your answers. Start with the first: {causes[0].title.lower()}."
    )


def present_checkup(result: CheckupResult, values: Values) -> Display:
    """The page text for a self-check: the alert, a summary, then the ranked causes."""
    facts: list[Fact] = []
    answers = _read(values)
    per_kg = answers.protein_per_kg
    if per_kg is not None:
        facts.append(Fact("Protein per kg a day", f"{_num(per_kg, 2)} g/kg"))
    loss = answers.loss_percent
    if loss is not None and answers.change_kg is not None:
        word = "Weight lost a week" if loss > 0 else "Weight gained a week"
        facts.append(Fact(word, f"{_num(abs(loss), 2)} % of body weight"))
    ranked = None
    if result.causes:
        heading = (
            CHECKED_FIRST_HEADING
            if result.triage.level in ("emergency", "urgent")
            else CAUSES_HEADING
        )
        items = tuple(
            RankedItem(
                cause.title,
                Link(cause.title, f"causes/{cause.cause}/"),
                "Likely" if cause.likelihood == "likely" else "Possible",
                cause.reasons,
                cause.next_steps,
            )
            for cause in result.causes
        )
        ranked = Ranked(heading, items)
    return Display(
        summary=_summary(result),
        facts=tuple(facts),
        method=result.method,
        sources=tuple(source.citation() for source in result.sources),
        warnings=result.warnings,
        notes=result.notes,
        alert=_alert(result.triage) if result.answered else None,
        ranked=ranked,
    )


CHECKUP: Final = Calculator(CHECKUP_FORM, compute_checkup, present_checkup)
