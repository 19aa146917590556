"""Warning signs that mean "see a doctor", each at one level of urgency.

This table is the one place a sign and its urgency are written down. The "When to see a doctor"
page lists the signs from it at build time, and the self-check triages from it, so a sign can
never be an emergency on one page and a routine visit on another.

The levels follow how the NHS, Mayo Clinic and MedlinePlus triage muscle weakness: act now
(emergency number or emergency department), get advice today (urgent), or book a visit (routine).
Each sign sits at the level those services give it, for example NHS advice on sciatica and cauda
equina syndrome (emergency when it affects both legs, the bottom or the genitals, or the bladder
or bowel), on back pain (emergency after a serious accident), on fainting (999 for someone who
fainted while exercising or has chest pain or a pounding heartbeat), on statins (call 111 or a
doctor straight away for unexplained muscle pain), on myasthenia gravis (see a GP; 999 for
severe breathing or swallowing trouble) and on sprains and strains (an urgent treatment centre
after a crack or when you cannot bear weight).

A sign's ``help`` names who else can help besides a doctor (a charity's help line); the
self-check adds it to what to do, and the page says it where it explains the sign.

>>> SIGNS["saddle_numbness"].level, SIGNS["exercise_heart"].level
('emergency', 'emergency')
>>> LEVELS["urgent"].anchor, LEVEL_ORDER
('urgent', ('emergency', 'urgent', 'routine', 'none'))
>>> [sign.code for sign in signs_at("urgent")][:2]
['statin_pain', 'worsening_leg_weakness']
>>> [call.number for call in LEVELS["emergency"].calls]
['999', '112', '911']
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

__all__ = [
    "EATING_HELP",
    "LEVELS",
    "LEVEL_ORDER",
    "SIGNS",
    "Call",
    "Level",
    "WarningSign",
    "signs_at",
]


@dataclass(frozen=True)
class Call:
    """A phone number to call, as dialled (``"999"``), and where it works (``"in the UK"``).

    Every renderer shows the number as something a phone can dial: a ``tel:`` link on a page.
    """

    number: str
    where: str

    def __post_init__(self) -> None:
        if not self.number.isdigit():
            raise ValueError(f"a number to call is digits only: {self.number!r}")


@dataclass(frozen=True)
class Level:
    """How fast to act: its name in words, the page anchor, what to do and the numbers to call.

    Where ``calls`` is not empty, the page and the self-check say "Call ..." with each number as
    a link a phone can dial, then ``action``. ``admonition`` is the kind of box the "When to
    see a doctor" page shows the level in; ``checked_first`` says that the self-check's causes
    wait until the reader has been checked.
    """

    id: str
    title: str
    anchor: str
    action: str
    admonition: str
    checked_first: bool
    calls: tuple[Call, ...] = ()


@dataclass(frozen=True)
class WarningSign:
    """One sign, in the words a reader would use, with its level.

    ``condition`` names what a doctor will want to rule out, for the page's explanation;
    ``label`` is the short checkbox text of the self-check; ``help`` who else can help.
    """

    code: str
    level: str
    label: str
    text: str
    condition: str = ""
    help: str = ""


#: The emergency numbers, in the order the site names them everywhere.
EMERGENCY_CALLS: Final = (
    Call("999", "in the UK"),
    Call("112", "in the EU and many other countries"),
    Call("911", "in the US and Canada"),
)

LEVELS: Final[dict[str, Level]] = {
    "emergency": Level(
        "emergency",
        "Emergency: get help now",
        "emergency",
        "Or go to A&E (the emergency department) now. Do not drive yourself, and do not wait "
        "to see if it passes.",
        "danger",
        True,
        EMERGENCY_CALLS,
    ),
    "urgent": Level(
        "urgent",
        "Urgent: get medical advice today",
        "urgent",
        "Get medical advice today: ask your GP practice for a same-day appointment, call NHS "
        "111 or go to an urgent treatment centre (UK); elsewhere, use an urgent care centre or "
        "a nurse advice line. If it gets worse quickly, treat it as an emergency.",
        "warning",
        True,
    ),
    "routine": Level(
        "routine",
        "Routine: book a doctor's appointment",
        "routine",
        "Book an appointment with your GP or family doctor in the next few weeks. Bring notes "
        "of what changed and when.",
        "info",
        False,
    ),
}

#: Every level, most urgent first, then ``none``: the self-check's answer when no sign is
#: ticked. The one list of levels; alerts on every page use it.
LEVEL_ORDER: Final = (*LEVELS, "none")

#: Who can help with eating, besides a doctor. Checked in December 2026: NEDA (US) closed its
#: helpline in June 2023, so it is not named; Beat and ANAD are named by their web addresses,
#: which change less often than their phone numbers.
EATING_HELP: Final = (
    "Your doctor can help, and so can an eating disorder charity: Beat in the UK "
    "(beateatingdisorders.org.uk) or ANAD in the US (anad.org). Please talk to one of them "
    "before you use a calorie calculator."
)

_ALL: Final = (
    # Emergency
    WarningSign(
        "sudden_weakness",
        "emergency",
        "Sudden weakness or numbness of the face, an arm or a leg, or slurred speech",
        "sudden weakness or numbness of the face, an arm or a leg (often on one side), a face "
        "that droops on one side, or slurred or muddled speech",
        "stroke",
    ),
    WarningSign(
        "exercise_heart",
        "emergency",
        "Chest pain, fainting, severe breathlessness or a racing heartbeat during or just after "
        "exercise",
        "chest pain or tightness, fainting or nearly fainting, severe breathlessness, or a "
        "racing, pounding or irregular heartbeat, during exercise or just after it",
        "a heart problem",
    ),
    WarningSign(
        "saddle_numbness",
        "emergency",
        "Numbness around the bottom or genitals, or new bladder or bowel problems",
        "numbness or pins and needles around your bottom, genitals or inner thighs that does "
        "not go away when you stand up and move (a \u201cnumb bum\u201d that stays numb, or "
        "not feeling the toilet paper when you wipe), or new "
        "trouble starting to pee, holding urine or controlling your bowels, especially with "
        "back pain, buttock pain or sciatica",
        "cauda equina syndrome",
    ),
    WarningSign(
        "dark_urine",
        "emergency",
        "Dark or cola-coloured urine, or very little urine, after hard exercise with severe "
        "muscle pain",
        "dark urine the colour of cola or strong tea, or passing very little urine, after hard "
        "exercise, with severe muscle pain, swelling or weakness",
        "rhabdomyolysis",
    ),
    WarningSign(
        "spreading_weakness",
        "emergency",
        "Weakness that spreads or gets worse over hours or days",
        "weakness that spreads or gets worse over hours to days, for example starting in the "
        "feet or hands and moving up the limbs",
        "Guillain-Barr\u00e9 syndrome",
    ),
    WarningSign(
        "breathing_or_swallowing",
        "emergency",
        "Trouble breathing or swallowing, or sudden severe weakness",
        "trouble breathing or swallowing, or sudden severe weakness such as not being able to "
        "stand up or lift your arms",
        "a nerve or muscle emergency",
    ),
    WarningSign(
        "both_legs",
        "emergency",
        "Sciatica in both legs, or numbness or weakness in both legs",
        "sciatica in both legs at once, or numbness or weakness in both legs that is severe or "
        "getting worse",
        "a trapped nerve or cauda equina syndrome",
    ),
    WarningSign(
        "injury_weakness",
        "emergency",
        "New weakness, numbness or bladder or bowel trouble after a bad fall, crash or blow to "
        "the back or neck",
        "new weakness, numbness or pins and needles, or losing control of your bladder or "
        "bowels, after a serious fall, a crash or a hard blow to your back or neck",
        "a spinal injury",
    ),
    # Urgent
    WarningSign(
        "statin_pain",
        "urgent",
        "Muscle pain, tenderness or weakness while taking a statin",
        "muscle pain, tenderness, weakness or cramps you cannot explain while you take a "
        "statin (a cholesterol medicine)",
        "statin-related muscle damage",
    ),
    WarningSign(
        "worsening_leg_weakness",
        "urgent",
        "A buttock or leg getting thinner, with leg pain or numbness and weakness that is "
        "getting worse",
        "a buttock or leg getting thinner, with pain, tingling or numbness down the leg and "
        "weakness that is getting worse, such as a foot that drags or slaps down (foot drop) "
        "or a leg that buckles under you",
        "a trapped nerve that is getting worse",
    ),
    WarningSign(
        "fever_weakness",
        "urgent",
        "A fever with muscle weakness or pain",
        "a fever together with muscle weakness or muscle pain",
        "infection or inflammation of the muscles",
    ),
    WarningSign(
        "rash_weakness",
        "urgent",
        "New muscle weakness with a new rash",
        "new muscle weakness with a new rash, for example on the eyelids, face or the backs "
        "of the hands",
        "myositis",
    ),
    WarningSign(
        "pop_or_snap",
        "urgent",
        "A pop or snap during a lift with sudden pain, or a limb you cannot use",
        "a pop, snap or crack during a lift or jump with sudden sharp pain, swelling or "
        "bruising, or a limb you cannot move or put weight on, or that looks out of shape",
        "a torn muscle or tendon, or a broken bone",
    ),
    # Routine
    WarningSign(
        "eyelids_or_vision",
        "routine",
        "Drooping eyelids or double vision, or trouble chewing, talking or lifting your arms "
        "that gets worse through the day",
        "drooping eyelids or double vision, or trouble chewing, talking or lifting your arms "
        "that gets worse as the day goes on and better after rest (not the normal tiredness "
        "after a workout)",
        "myasthenia gravis",
    ),
    WarningSign(
        "twitching_cramps",
        "routine",
        "Muscle twitching or cramps together with weakness",
        "muscle twitching or cramps together with weakness",
        "a nerve problem",
    ),
    WarningSign(
        "falls",
        "routine",
        "Falling, tripping or dropping things more than before",
        "falling, tripping or dropping things more than before, or stairs getting harder",
        "a nerve or muscle problem",
    ),
    WarningSign(
        "one_sided_wasting",
        "routine",
        "One arm, leg or buttock slowly getting thinner or weaker than the other",
        "one arm, leg or buttock slowly getting thinner or weaker than the other side (muscle "
        "wasting or atrophy on one side), with no training reason for it",
        "a nerve problem",
    ),
    WarningSign(
        "sciatica",
        "routine",
        "Pain, tingling or numbness running from the buttock down one leg",
        "pain, tingling or numbness running from your buttock down one leg (sciatica) that is "
        "not better after a few weeks, hurts more, or stops you doing normal things",
        "a trapped nerve in the lower back",
    ),
    WarningSign(
        "weight_loss",
        "routine",
        "Losing weight without trying",
        "losing weight without trying: more than 5% of your body weight over 6 to 12 months",
        "an illness that needs checking",
    ),
    WarningSign(
        "lasting_fatigue",
        "routine",
        "Tiredness most of the time that rest does not fix",
        "feeling tired most of the time for weeks, even when you rest",
        "thyroid problems, anaemia or another illness",
    ),
    WarningSign(
        "thyroid_signs",
        "routine",
        "Feeling the cold and gaining weight, or feeling hot and shaky and losing weight",
        "feeling the cold, gaining weight and feeling low, or feeling hot and shaky and losing "
        "weight while eating more",
        "an underactive or overactive thyroid",
    ),
    WarningSign(
        "periods_stopped",
        "routine",
        "Periods stopped or irregular while training hard and eating little",
        "periods that have stopped or become irregular while you train hard and eat little",
        "low energy availability (RED-S)",
        EATING_HELP,
    ),
    WarningSign(
        "food_worries",
        "routine",
        "Eating very little on purpose, or food and weight taking over your thoughts",
        "eating very little or cutting out foods to stay light or lean, skipping meals, making "
        "up for food with extra exercise or by being sick, or food, weight and shape taking "
        "over your thoughts",
        "an eating disorder or low energy availability (RED-S)",
        EATING_HELP,
    ),
    WarningSign(
        "steroid_weakness",
        "routine",
        "Weak thighs or upper arms after months of steroid tablets",
        "weak thighs or upper arms, a rounder face or easy bruising after months of steroid "
        "tablets (do not stop them on your own)",
        "steroid myopathy",
    ),
    WarningSign(
        "daily_tasks_harder",
        "routine",
        "Getting up from a chair or climbing stairs is getting harder",
        "getting out of a chair, climbing stairs or carrying shopping getting harder as you "
        "get older",
        "sarcopenia (muscle loss with age)",
    ),
    WarningSign(
        "no_improvement",
        "routine",
        "No change after several weeks of fixing training, food and sleep",
        "muscles that keep shrinking after 8 to 12 weeks of fixing your training, food and sleep "
        "(our judgement, not a study's number: see the page)",
        "a medical cause",
    ),
    WarningSign(
        "lasting_pain",
        "routine",
        "Joint or muscle pain that is not better after two weeks",
        "pain in a joint or muscle that is not better after about 2 weeks of rest and easier "
        "training, keeps coming back, or gets worse",
        "an injury that needs checking",
    ),
)

#: Every sign by code, most urgent level first.
SIGNS: Final[dict[str, WarningSign]] = {sign.code: sign for sign in _ALL}


def signs_at(level: str) -> tuple[WarningSign, ...]:
    """The signs at one level, in page order."""
    if level not in LEVELS:
        raise KeyError(level)
    return tuple(sign for sign in _ALL if sign.level == level)


def _check() -> None:
    for sign in _ALL:
        if sign.level not in LEVELS:
            raise ValueError(f"{sign.code}: unknown level {sign.level!r}")
    if len(SIGNS) != len(_ALL):
        raise ValueError("warning sign codes repeat")


_check()
