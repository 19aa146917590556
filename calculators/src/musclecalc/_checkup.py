"""The self-check: its form, the triage from the warning signs, and the page text.

Triage comes from :mod:`._warning_signs` (the one table of signs and levels): the most urgent
ticked sign sets the level. The causes come from :mod:`._causes`, the table of rules, one row per
cause, ranked by :func:`._cause_table.rank`; the answers they read are :mod:`._checkup_answers`.

>>> result, display = CHECKUP.run({"symptoms": ["saddle_numbness"], "sleep_hours": "5"})
>>> result.triage.level, [cause.cause for cause in result.causes]
('emergency', ['poor-sleep'])
>>> display.ranked.heading
'Once you have been checked'
>>> CHECKUP.run({})[1].summary.startswith("Answer a few questions")
True
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

from ._calculator import Calculator
from ._cause_table import RANKING_RULE, CauseFinding, num, rank
from ._causes import CAUSE_TITLES, CAUSES
from ._checkup_answers import NOT_SURE, answered, read_answers
from ._checkup_handout import checkup_handout
from ._display import Alert, Display, Fact, Link, Ranked, RankedItem, sentence
from ._fields import (
    Bounds,
    ChecklistField,
    ChecklistGroup,
    ChoiceField,
    Form,
    NumberField,
    Option,
)
from ._reading import Values
from ._results import Result
from ._shared_fields import age_field, optional_body_weight_fields, weight_change_fields
from ._sources import Source
from ._thresholds import THRESHOLDS
from ._warning_signs import LEVEL_ORDER, LEVELS, SIGNS, signs_at

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

_SKIP_LABEL: Final = "Not sure, or skip"

NONE_TITLE: Final = "No warning signs ticked"
NONE_ACTION: Final = (
    "None of the listed warning signs is ticked, so nothing here needs a doctor first. If one "
    "of them starts, or your muscles keep shrinking after 8 to 12 weeks of fixing your "
    "training, food and sleep, see a doctor."
)
#: Short: on a phone it is the headline that stays at the top of the screen.
EMPTY_SUMMARY: Final = "Answer a few questions to get your answer; skip any you are not sure of."
CHECKED_FIRST_HEADING: Final = "Once you have been checked"
CAUSES_HEADING: Final = "Your likely causes, most likely first"
ALSO_HEADING: Final = "Also possible"
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


#: The warning signs as the form groups them, phone first: the emergency signs open, the others
#: closed under a plain heading. Ticking an emergency or urgent sign shows what to do at once.
SIGN_HEADINGS: Final = {
    "emergency": "Get help now if you have any of these",
    "urgent": "Signs to get medical advice about today",
    "routine": "Signs to book a doctor's appointment for",
}
NO_SIGNS_LABEL: Final = "None of these: go to the questions"


def _level_alert(level: str) -> Alert:
    """What to do for a level, as the form shows it the moment a sign of that level is ticked."""
    about = LEVELS[level]
    link = Link("What the warning signs mean", f"red-flags/#{about.anchor}")
    return Alert(level, about.title, (), about.action, link, about.calls)


_SIGN_GROUPS: Final = tuple(
    ChecklistGroup(
        level,
        heading,
        tuple(sign.code for sign in signs_at(level)),
        folded=level != "emergency",
        alert=_level_alert(level) if level != "routine" else None,
    )
    for level, heading in SIGN_HEADINGS.items()
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
    # Phone first (issue 25): the core questions open, at most 8; the rest folded, for a
    # sharper answer when the reader wants one.
    groups=(
        ("months_training", "Your training"),
        ("weight", "Food and body"),
        ("sleep_hours", "Sleep"),
        ("close_to_failure", "More detail, for a sharper answer (optional)"),
    ),
    folded=("close_to_failure",),
    fields=(
        ChecklistField(
            "symptoms",
            "Warning signs: tick any that you have now",
            "the warning signs",
            help="Leave them all unticked if none fits.",
            options=tuple(Option(sign.code, sign.label) for sign in SIGNS.values()),
            groups=_SIGN_GROUPS,
            none_label=NO_SIGNS_LABEL,
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
        # Sleep
        _count(
            "sleep_hours",
            "Sleep a night (hours)",
            "hours of sleep",
            "How long you sleep on most nights.",
            bounds=Bounds(0, 16, 0.1),
            unit=" hours",
        ),
        # More detail, folded: a sharper answer for those who want one
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
        age_field("From 65, muscle needs more protein."),
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
class CheckupResult(Result):
    """The triage and the causes, most likely first; ``answered`` is False for an empty form."""

    triage: Triage
    causes: tuple[CauseFinding, ...]
    answered: bool
    start_here: str

    def figures_json(self) -> dict[str, Any]:
        """The bridge's ``result`` object, without the tail every result shares."""
        return {
            "triage": self.triage.to_json(),
            "causes": [cause.to_json() for cause in self.causes],
            "answered": self.answered,
            "start_here": self.start_here,
        }


# -------------------------------------------------------------------------------- triage


def _triage(ticked: tuple[str, ...]) -> Triage:
    levels = {SIGNS[code].level for code in ticked}
    level = next((lv for lv in LEVEL_ORDER if lv in levels), "none")
    if level == "none":
        return Triage("none", (), NONE_ACTION)
    ordered = sorted(ticked, key=lambda code: LEVEL_ORDER.index(SIGNS[code].level))
    reasons = tuple(sentence(SIGNS[code].text) for code in ordered)
    helps = dict.fromkeys(SIGNS[code].help for code in ordered if SIGNS[code].help)
    return Triage(level, reasons, " ".join((LEVELS[level].action, *helps)))


def _method() -> str:
    rules = " ".join(f"{t.basis} ({t.cite}: {num(t.value, 2)} {t.unit}.)" for t in THRESHOLDS)
    grades = " ".join(f"{row.title}: {row.grade.grade.title.lower()}." for row in CAUSES)
    return (
        "Warning signs come first: the most urgent ticked sign sets the level, from the same "
        "table as the page on when to see a doctor. Then each cause has a rule that looks only "
        "at the answers you gave; a blank or \u201cnot sure\u201d never counts. A cause is "
        "likely when an answer passes its threshold, or when several signs agree, and possible "
        f"when the evidence is weaker. {RANKING_RULE} The thresholds: {rules} How strong the "
        f"main evidence for each cause is, as each cause page shows it: {grades}"
    )


def _sources() -> tuple[Source, ...]:
    """The thresholds' studies in the table's order, then those the rows' wording cites."""
    seen: dict[str, Source] = {}
    cited = (threshold.source for threshold in THRESHOLDS)
    for source in (*cited, *(source for row in CAUSES for source in row.sources)):
        if source is not None and source.doi is not None:
            seen.setdefault(source.doi, source)
    return tuple(seen.values())


_METHOD: Final = _method()
_SOURCES: Final = _sources()


def compute_checkup(values: Values) -> CheckupResult:
    """The triage and the ranked causes for checked form values."""
    answers = read_answers(values)
    notes: list[str] = []
    if answers.protein is not None and answers.weight_kg is None:
        notes.append("Add your body weight to check your protein per kg.")
    if answers.change_kg is not None and answers.weight_kg is None and answers.change_kg < 0:
        notes.append("Add your body weight to compare your weekly loss with the safe rate.")
    ranking = rank(CAUSES, answers)
    return CheckupResult(
        triage=_triage(answers.symptoms),
        causes=ranking.causes,
        answered=answered(answers),
        start_here=ranking.why_first,
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


def _checked_first(triage: Triage) -> bool:
    return triage.level in LEVELS and LEVELS[triage.level].checked_first


def _summary(result: CheckupResult) -> str:
    if not result.answered:
        return EMPTY_SUMMARY
    causes = result.causes
    if _checked_first(result.triage):
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


def _ranked(result: CheckupResult) -> Ranked:
    """The likely causes (at most three), the first marked "Start here" with why it comes
    first, then the others under "Also possible"."""
    heading = CHECKED_FIRST_HEADING if _checked_first(result.triage) else CAUSES_HEADING
    likely = [cause for cause in result.causes if cause.likelihood == "likely"]
    main = likely or list(result.causes[:1])
    badges = ("Start here", *("Likely" for _ in main[1:]))
    first = result.causes[0]
    return Ranked(
        heading,
        tuple(_item(cause, badge) for cause, badge in zip(main, badges, strict=True)),
        lead=f"Start here: {first.title.lower()}. {result.start_here}",
        also_heading=ALSO_HEADING,
        also=tuple(_item(cause, "Possible") for cause in result.causes[len(main) :]),
    )


def _item(cause: CauseFinding, badge: str) -> RankedItem:
    link = Link(cause.title, f"causes/{cause.cause}/")
    return RankedItem(cause.title, link, badge, cause.reasons, cause.next_steps)


def present_checkup(result: CheckupResult, values: Values) -> Display:
    """The page text for a self-check: the alert, a summary, then the ranked causes."""
    facts: list[Fact] = []
    answers = read_answers(values)
    per_kg = answers.protein_per_kg
    if per_kg is not None:
        facts.append(Fact("Protein per kg a day", f"{num(per_kg, 2)} g/kg"))
    loss = answers.loss_percent
    if loss is not None and answers.change_kg is not None:
        word = "Weight lost a week" if loss > 0 else "Weight gained a week"
        facts.append(Fact(word, f"{num(abs(loss), 2)} % of body weight"))
    ranked = _ranked(result) if result.causes else None
    return Display(
        summary=_summary(result),
        facts=tuple(facts),
        method=result.method,
        sources=tuple(source.citation() for source in result.sources),
        warnings=result.warnings,
        notes=result.notes,
        alert=_alert(result.triage) if result.answered else None,
        ranked=ranked,
        handout=checkup_handout(CHECKUP_FORM, values, _alert(result.triage), result.causes),
    )


CHECKUP: Final = Calculator(CHECKUP_FORM, compute_checkup, present_checkup)
