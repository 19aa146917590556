"""The self-check's rules: one row per cause, and the ranking in one function.

Each row is one cause page of ``docs/causes/``, written as one function under
``@_TABLE.cause(slug, title, reads=..., thresholds=..., sources=...)``: the fields it reads and the numbers from
:mod:`._thresholds` it uses (tests check it uses no others), then the rule and its reasons'
wording; its evidence grade is the page's, from :mod:`._evidence` (see :mod:`._cause_table`).
To change a cause, change its row; to add one, add a row (rows are in the order written).
:func:`._cause_table.rank` orders what the rules find, as its ``RANKING_RULE`` says on the page.

>>> [row.slug for row in CAUSES][:3]
['too-little-resistance-training', 'no-progressive-overload', 'same-routine']
>>> row = CAUSE_ROWS["poor-sleep"]
>>> row.reads, [t.value for t in row.thresholds], row.grade.grade.id
(('sleep_hours',), [7], 'weak')
"""

from __future__ import annotations

from typing import Final

from ._cause_table import (
    EATING_HELP_LINK,
    PROGRESS_LINK,
    VOLUME_LINK,
    Evidence,
    Table,
    below,
    energy_link,
    months,
    num,
    past,
    protein_link,
)
from ._checkup_answers import Answers
from ._display import sentence
from ._sources import HUBAL_2005
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
    VISIBLE_CHANGE_MONTHS,
    WEEKLY_LOSS_HIGH,
    WEEKLY_LOSS_LOW,
)
from ._warning_signs import SIGNS

__all__ = [
    "CAUSES",
    "CAUSE_ROWS",
    "CAUSE_TITLES",
    "EATING_SIGN_CODES",
    "HORMONE_SIGN_CODES",
]


#: Signs after which the check never sends a reader to the calorie calculator: the energy page
#: says not to use it with an eating disorder. The doctor and a help line come first.
EATING_SIGN_CODES: Final = ("periods_stopped", "food_worries")

_TABLE: Final = Table()


@_TABLE.cause(
    "too-little-resistance-training",
    "Too little resistance training",
    reads=("months_training", "weekly_hard_sets", "close_to_failure"),
    thresholds=(HARD_SETS_LOW,),
)
def _resistance(a: Answers) -> Evidence | None:
    reasons: list[str] = []
    strength = 0.0
    likely = False
    if a.months is not None and a.months == 0:
        reasons.append("You have not started regular strength training yet.")
        strength += 1
        likely = True
    if a.sets is not None and a.sets < HARD_SETS_LOW.value:
        reasons.append(
            f"You do about {num(a.sets, 0)} hard sets a week for this muscle; people who did "
            f"{num(HARD_SETS_LOW.value, 0)} or more grew more ({HARD_SETS_LOW.cite})."
        )
        strength += 1 + past(a.sets, HARD_SETS_LOW, below=True)
        likely = True
    if a.failure == "no":
        reasons.append(
            "Most of your sets stop well before failure, so they may not count as hard sets: "
            "growth comes from sets whose last reps are slow and hard."
        )
        strength += 1
    if not reasons:
        return None
    return Evidence(tuple(reasons), likely, strength, (VOLUME_LINK,))


@_TABLE.cause(
    "no-progressive-overload",
    "No progressive overload",
    reads=("progression", "close_to_failure"),
)
def _overload(a: Answers) -> Evidence | None:
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
    return Evidence(tuple(reasons), a.progression == "no", strength, (VOLUME_LINK,))


@_TABLE.cause("same-routine", "Same routine, same angle", reads=("same_exercises",))
def _same_routine(a: Answers) -> Evidence | None:
    if a.same_exercises != "yes":
        return None
    return Evidence(
        (
            "You have done the same few glute exercises for months; the glutes are three "
            "muscles, and one or two moves can leave parts of them under-worked.",
        ),
        False,
        1,
    )


@_TABLE.cause(
    "junk-volume-and-overtraining",
    "Junk volume and overtraining",
    reads=("weekly_hard_sets", "progression"),
    thresholds=(HARD_SETS_HIGH, HARD_SETS_LOW),
)
def _junk_volume(a: Answers) -> Evidence | None:
    if a.sets is None or a.sets <= HARD_SETS_HIGH.value:
        return None
    reasons = [
        f"You do about {num(a.sets, 0)} hard sets a week for this muscle; growth levels off "
        f"around {num(HARD_SETS_LOW.value, 0)}-{num(HARD_SETS_HIGH.value, 0)} sets "
        f"({HARD_SETS_LOW.cite}; {HARD_SETS_HIGH.cite}), and more mostly adds tiredness."
    ]
    strength = 1 + past(a.sets, HARD_SETS_HIGH, below=False)
    if a.progression == "no":
        reasons.append("With that many sets, your weights are not going up.")
        strength += 1
    return Evidence(tuple(reasons), a.progression == "no", strength, (VOLUME_LINK,))


@_TABLE.cause(
    "too-little-protein",
    "Too little protein",
    reads=("protein_grams", "weight", "age"),
    thresholds=(PROTEIN_PLATEAU, PROTEIN_LOW),
)
def _protein(a: Answers) -> Evidence | None:
    per_kg = a.protein_per_kg
    if per_kg is None or per_kg >= PROTEIN_PLATEAU.value:
        return None
    assert a.protein is not None
    assert a.weight_text is not None
    keep = PROTEIN_BANDS["maintain"]
    reason = (
        f"You eat about {num(per_kg, 2)} g of protein per kg a day ({num(a.protein, 0)} g at "
        f"{a.weight_text}); muscle gain levels off around {num(PROTEIN_PLATEAU.value)} g/kg "
        f"({PROTEIN_PLATEAU.cite})"
    )
    # Below the calculator's keep-muscle band: likely. Inside it: enough to keep muscle, so only
    # possible (the calculator's own "keep muscle" target is never called a likely cause).
    likely = per_kg < PROTEIN_LOW.value
    if likely:
        reason += (
            f", and under {num(PROTEIN_LOW.value)} g/kg is below even the protein "
            f"calculator's band for keeping muscle ({num(keep.low)}-{num(keep.high)} g/kg)"
        )
    else:
        reason += (
            f". It is inside the protein calculator's band for keeping muscle "
            f"({num(keep.low)}-{num(keep.high)} g/kg), so it is enough to keep muscle; "
            "building may need more"
        )
    return Evidence(
        (reason + ".",),
        likely,
        1 + past(per_kg, PROTEIN_PLATEAU, below=True),
        (protein_link(a),),
    )


@_TABLE.cause(
    "too-little-energy",
    "Not eating enough",
    reads=("weight_change_per_week", "weight", "symptoms", "age"),
    thresholds=(WEEKLY_LOSS_LOW, WEEKLY_LOSS_HIGH, DEFICIT_KCAL),
)
def _energy(a: Answers) -> Evidence | None:
    reasons: list[str] = []
    strength = 0.0
    likely = False
    loss = a.loss_percent
    deficit = (
        f"a deficit of about {num(DEFICIT_KCAL.value, 0)} kcal a day was enough to stop "
        f"muscle gain on average ({DEFICIT_KCAL.cite})"
    )
    if loss is not None and loss > 0:
        assert a.change_text is not None
        band = (
            f"{num(WEEKLY_LOSS_LOW.value)}-{num(WEEKLY_LOSS_HIGH.value)} % a week "
            f"({WEEKLY_LOSS_HIGH.cite})"
        )
        if loss > WEEKLY_LOSS_HIGH.value:
            reasons.append(
                f"You lose about {a.change_text} a week, {num(loss)} % of your body weight: "
                f"faster than the {band} advised to keep muscle on a diet."
            )
            strength += 1 + past(loss, WEEKLY_LOSS_HIGH, below=False)
            likely = True
        else:
            where = "within" if loss >= WEEKLY_LOSS_LOW.value else "below"
            reasons.append(
                f"You lose about {a.change_text} a week, {below(loss, WEEKLY_LOSS_LOW)} % of "
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
        return Evidence(tuple(reasons), likely, strength, (EATING_HELP_LINK,))
    if not reasons:
        return None
    return Evidence(tuple(reasons), likely, strength, (energy_link(a), protein_link(a)))


@_TABLE.cause(
    "poor-sleep", "Poor sleep and too little rest", reads=("sleep_hours",), thresholds=(SLEEP_MIN,)
)
def _sleep(a: Answers) -> Evidence | None:
    if a.sleep is None or a.sleep >= SLEEP_MIN.value:
        return None
    return Evidence(
        (
            f"You sleep about {below(a.sleep, SLEEP_MIN)} hours a night; adults need "
            f"{num(SLEEP_MIN.value, 0)} hours or more ({SLEEP_MIN.cite}).",
        ),
        True,
        1 + past(a.sleep, SLEEP_MIN, below=True),
    )


@_TABLE.cause(
    "stress-and-cortisol",
    "Stress and cortisol",
    reads=("stress", "sleep_hours"),
    thresholds=(SLEEP_MIN,),
)
def _stress(a: Answers) -> Evidence | None:
    if a.stress != "high":
        return None
    reasons = [
        "Your stress has been high; stress mostly slows recovery, sleep and eating rather than "
        "shrinking muscle by itself."
    ]
    short_sleep = a.sleep is not None and a.sleep < SLEEP_MIN.value
    if short_sleep:
        reasons.append("High stress and short sleep together feed each other.")
    return Evidence(tuple(reasons), short_sleep, 2 if short_sleep else 1)


#: Signs from the warning-sign table that the hormones page also lists.
HORMONE_SIGN_CODES: Final = (
    "thyroid_signs",
    "periods_stopped",
    "steroid_weakness",
    "lasting_fatigue",
    "weight_loss",
    "no_improvement",
)


@_TABLE.cause(
    "hormones", "Hormone problems", reads=("symptoms", "low_sex_drive"), thresholds=(HORMONE_SIGNS,)
)
def _hormones(a: Answers) -> Evidence | None:
    reasons = [sentence(SIGNS[code].label) for code in HORMONE_SIGN_CODES if code in a.symptoms]
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
        f"{num(HORMONE_SIGNS.value, 0)} or more together make a hormone problem more likely."
    )
    return Evidence((summary, *reasons), likely, count)


@_TABLE.cause(
    "sitting-and-inactive-glutes",
    "Sitting too long and underused glutes",
    reads=("sitting_hours", "sleep_hours"),
    thresholds=(SITTING_SHARE, SLEEP_MIN),
)
def _sitting(a: Answers) -> Evidence | None:
    if a.sitting is None:
        return None
    sleep = a.sleep if a.sleep is not None else SLEEP_MIN.value
    waking = 24 - sleep
    limit = SITTING_SHARE.value * waking
    if waking <= 0 or a.sitting <= limit:
        return None
    reasons = (
        f"You sit about {num(a.sitting)} hours a day, more than half of the about "
        f"{num(waking)} hours you are awake, so your glutes get little to do most of the day.",
    )
    return Evidence(reasons, False, 1 + (a.sitting - limit) / limit)


@_TABLE.cause(
    "genetics-and-asymmetry",
    "Genetics and uneven glutes",
    reads=(
        "months_training",
        "weekly_hard_sets",
        "progression",
        "protein_grams",
        "weight",
        "sleep_hours",
    ),
    thresholds=(VISIBLE_CHANGE_MONTHS, HARD_SETS_LOW, HARD_SETS_HIGH, PROTEIN_PLATEAU, SLEEP_MIN),
    sources=(HUBAL_2005,),
)
def _genetics(a: Answers) -> Evidence | None:
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
    return Evidence(
        (
            f"You have trained for {months(a.months)} with {num(a.sets, 0)} hard sets a "
            f"week, you add weight or reps, eat {num(per_kg, 2)} g of protein per kg and sleep "
            f"{num(a.sleep)} hours: the usual causes are covered. On the same programme, some "
            "people grow far more slowly than others (Hubal et al. 2005).",
        ),
        False,
        1,
    )


@_TABLE.cause(
    "measurement-illusions",
    "Measurement illusions",
    reads=("measured", "weight_change_per_week", "progression"),
)
def _measurement(a: Answers) -> Evidence | None:
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
    return Evidence(tuple(reasons), len(reasons) > 1, len(reasons), (PROGRESS_LINK,))


@_TABLE.cause(
    "patience-and-timelines",
    "Patience and realistic timelines",
    reads=("months_training",),
    thresholds=(VISIBLE_CHANGE_MONTHS,),
)
def _patience(a: Answers) -> Evidence | None:
    if a.months is None or a.months == 0 or a.months >= VISIBLE_CHANGE_MONTHS.value:
        return None
    return Evidence(
        (
            f"You have trained for {months(a.months)}; new muscle shows on a scanner "
            f"after about 3 to 4 weeks but takes months to see in a mirror "
            f"({VISIBLE_CHANGE_MONTHS.cite}).",
        ),
        True,
        1 + past(a.months, VISIBLE_CHANGE_MONTHS, below=True),
    )


@_TABLE.cause(
    "age",
    "Age and muscle loss",
    reads=("age", "protein_grams", "weight", "symptoms"),
    thresholds=(OLDER_AGE, OLDER_PROTEIN),
)
def _age(a: Answers) -> Evidence | None:
    reasons: list[str] = []
    strength = 0.0
    older = a.age is not None and a.age >= OLDER_AGE.value
    if older:
        assert a.age is not None
        reasons.append(
            f"You are {num(a.age, 0)}; from about {num(OLDER_AGE.value, 0)}, muscle needs "
            f"more protein at each meal and each day to respond ({OLDER_AGE.cite})."
        )
        strength += 1
        per_kg = a.protein_per_kg
        if per_kg is not None and per_kg < OLDER_PROTEIN.value:
            reasons.append(
                f"You eat about {num(per_kg, 2)} g of protein per kg a day; active older "
                f"adults need {num(OLDER_PROTEIN.value)} g/kg or more ({OLDER_PROTEIN.cite})."
            )
            strength += 1 + past(per_kg, OLDER_PROTEIN, below=True)
    if "daily_tasks_harder" in a.symptoms:
        reasons.append("Getting up from a chair or climbing stairs is getting harder.")
        strength += 1
    if not reasons:
        return None
    likely = older and len(reasons) > 1
    return Evidence(tuple(reasons), likely, strength, (protein_link(a),))


# ------------------------------------------------------------------------------- ranking

#: Every cause, one row each, in the order written above (the last tie-break).
CAUSES: Final = tuple(_TABLE.rows)
#: The rows by slug.
CAUSE_ROWS: Final = {row.slug: row for row in CAUSES}
#: Every cause the check can name: its page's file name in docs/causes/ and the page's title.
CAUSE_TITLES: Final = {row.slug: row.title for row in CAUSES}
