"""The shape of the self-check's table of causes: a row, what a rule finds, and the wording.

:mod:`._causes` holds the rows, one per cause; this module holds what every row shares: the
:class:`Cause` row itself, the :class:`Table` whose ``cause`` decorator turns a rule into a row, the
:class:`Evidence` a rule returns, the :class:`CauseFinding` the check reports, and the helpers
that write the reader's numbers into the reasons.

>>> from musclecalc._thresholds import SLEEP_MIN
>>> table = Table()
>>> @table.cause("poor-sleep", "Poor sleep", reads=("sleep_hours",), thresholds=(SLEEP_MIN,))
... def short_sleep(a: Answers) -> Evidence | None:
...     return None if a.sleep is None else Evidence((f"{num(a.sleep)} hours.",), True, 1)
>>> table.rows == [short_sleep], short_sleep.slug, short_sleep.grade.grade.id
(True, 'poor-sleep', 'weak')
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Final

from ._checkup_answers import Answers
from ._display import Link
from ._evidence import EVIDENCE, GRADES, EvidenceGrade
from ._numbers import format_decimal
from ._sources import Source
from ._thresholds import Threshold

__all__ = [
    "EATING_HELP_LINK",
    "GRADE_ORDER",
    "MAX_LIKELY",
    "PROGRESS_LINK",
    "RANKING_RULE",
    "VOLUME_LINK",
    "Cause",
    "CauseFinding",
    "Evidence",
    "Ranking",
    "Rule",
    "Table",
    "below",
    "energy_link",
    "months",
    "num",
    "past",
    "protein_link",
    "rank",
]


@dataclass(frozen=True)
class Evidence:
    """What one rule found: strong evidence makes a cause likely."""

    reasons: tuple[str, ...]
    likely: bool
    strength: float
    next_steps: tuple[Link, ...] = ()


#: A cause's rule: the answers in, what fits (or ``None`` when the cause does not fit) out.
Rule = Callable[[Answers], "Evidence | None"]


@dataclass(frozen=True)
class Cause:
    """One row of the table: a cause page and the rule that finds it in the answers.

    ``slug`` is the page's file name in ``docs/causes/`` (without ``.md``) and ``title`` its
    title; ``reads`` the form fields the rule looks at; ``thresholds`` the numbers from
    :mod:`._thresholds` it compares them with; ``sources`` studies its wording cites besides
    the thresholds' own; ``rule`` the function that writes the reasons.
    """

    slug: str
    title: str
    reads: tuple[str, ...]
    thresholds: tuple[Threshold, ...]
    sources: tuple[Source, ...]
    rule: Rule

    @property
    def grade(self) -> EvidenceGrade:
        """How strong the main evidence for this cause is, as its page shows it."""
        return EVIDENCE[self.slug]


class Table:
    """The table as its rows are written: each ``@table.cause(...)`` adds one, in order."""

    def __init__(self) -> None:
        self.rows: list[Cause] = []

    def cause(
        self,
        slug: str,
        title: str,
        *,
        reads: tuple[str, ...],
        thresholds: tuple[Threshold, ...] = (),
        sources: tuple[Source, ...] = (),
    ) -> Callable[[Rule], Cause]:
        """Make the decorated rule the table's next row; a slug with no grade fails at import."""
        if slug not in EVIDENCE:
            raise KeyError(f"{slug}: no evidence grade in _evidence.EVIDENCE")

        def row(rule: Rule) -> Cause:
            made = Cause(slug, title, reads, thresholds, sources, rule)
            self.rows.append(made)
            return made

        return row


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


# ------------------------------------------------------------------------------- wording


def num(value: float, places: int = 1) -> str:
    """A number as the reasons write it: one decimal unless told, no trailing zeros."""
    return format_decimal(value, places)


def below(value: float, threshold: Threshold) -> str:
    """A value under a threshold, with enough decimals that it does not read as the threshold.

    >>> from musclecalc._thresholds import SLEEP_MIN, WEEKLY_LOSS_LOW
    >>> below(6.96, SLEEP_MIN), below(5.5, SLEEP_MIN), below(0.23, WEEKLY_LOSS_LOW)
    ('6.96', '5.5', '0.2')
    """
    if value >= threshold.value:
        return num(value)
    for places in (1, 2, 3):
        text = num(value, places)
        if float(text.replace(",", "")) < threshold.value:
            return text
    return num(value, 3)


def months(value: float) -> str:
    """A number of months with the right noun.

    >>> months(1), months(1.5), months(24)
    ('1 month', '1.5 months', '24 months')
    """
    return f"{num(value)} {'month' if value == 1 else 'months'}"


def past(value: float, threshold: Threshold, *, below: bool) -> float:
    """How far past the threshold, as a share of it: 0 at the threshold."""
    limit = threshold.value
    return (limit - value) / limit if below else (value - limit) / limit


# ------------------------------------------------------------------------------- ranking

#: At most this many causes are called likely; a further likely cause is listed as possible.
MAX_LIKELY: Final = 3
#: The evidence grades, strongest first: the tie-break after how strongly a cause fits.
GRADE_ORDER: Final = tuple(GRADES)

#: How :func:`rank` orders the causes, as the method text says it.
RANKING_RULE: Final = (
    "Causes are listed likely first, then by how far past the threshold your answer is (plus "
    "one for each further sign that agrees). At most "
    f"{MAX_LIKELY} are called likely; a further likely cause is listed as also possible. "
    "When two causes fit equally strongly, the one with the stronger evidence comes first "
    "(strong, then moderate, weak and the site's judgement), and when that is equal too, the "
    "one that comes first in the overview of causes, which starts with training because it is "
    "the most common cause and the easiest to fix. The first cause is where to start."
)
_OVERVIEW_ORDER: Final = (
    "comes first in the overview of causes, which starts with training, the most common "
    "cause and the easiest to fix"
)


@dataclass(frozen=True)
class Ranking:
    """The causes that fit, in order, and why the first one comes first (empty when none)."""

    causes: tuple[CauseFinding, ...]
    why_first: str


def rank(rows: Sequence[Cause], a: Answers) -> Ranking:
    """Every cause whose rule fits the answers, ordered as :data:`RANKING_RULE` says: likely
    first, then the strongest fit (how far past the threshold, plus one for each further piece
    of evidence), then the stronger evidence grade, then the order of the rows (the overview's
    order); at most :data:`MAX_LIKELY` stay likely. With why the first comes first."""
    found = []
    for position, row in enumerate(rows):
        evidence = row.rule(a)
        if evidence is not None:
            finding = CauseFinding(
                row.slug,
                row.title,
                "likely" if evidence.likely else "possible",
                evidence.reasons,
                round(evidence.strength, 6),
                evidence.next_steps,
            )
            found.append((finding, GRADE_ORDER.index(row.grade.grade.id), position, row))

    def key(entry: tuple[CauseFinding, int, int, Cause]) -> tuple[bool, float, int, int]:
        finding, grade, position, _ = entry
        return (finding.likelihood != "likely", -finding.strength, grade, position)

    ordered = sorted(found, key=key)
    capped = [
        (replace(entry[0], likelihood="possible"), *entry[1:])
        if entry[0].likelihood == "likely" and index >= MAX_LIKELY
        else entry
        for index, entry in enumerate(ordered)
    ]
    ordered = sorted(capped, key=key)
    causes = tuple(entry[0] for entry in ordered)
    if not ordered:
        return Ranking((), "")
    if len(ordered) == 1:
        return Ranking(causes, "It is the only cause that fits your answers.")
    return Ranking(causes, _why_first(ordered[0][0], ordered[1][0], ordered[0][3], ordered[1][3]))


def _why_first(first: CauseFinding, second: CauseFinding, row: Cause, next_row: Cause) -> str:
    """One sentence on what put ``first`` before ``second``: the first key of the ranking on
    which they differ.

    >>> from musclecalc._causes import CAUSE_ROWS
    >>> sleep, routine = CAUSE_ROWS["poor-sleep"], CAUSE_ROWS["same-routine"]
    >>> a = CauseFinding("same-routine", routine.title, "possible", (), 1.0)
    >>> b = CauseFinding("poor-sleep", sleep.title, "possible", (), 1.0)
    >>> _why_first(a, b, routine, sleep)
    'It fits your answers as strongly as poor sleep and too little rest, with evidence as strong (weak), and comes first in the overview of causes, which starts with training, the most common cause and the easiest to fix.'
    """
    other = next_row.title[:1].lower() + next_row.title[1:]
    if first.likelihood != second.likelihood:
        return "It is likely; the other causes that fit are only possible."
    if first.strength != second.strength:
        kind = "likely" if first.likelihood == "likely" else "possible"
        return (
            f"Of the {kind} causes, it fits your answers most strongly: furthest past its "
            "threshold, or with the most signs that agree."
        )
    grade, next_grade = row.grade.grade, next_row.grade.grade
    if grade != next_grade:
        return (
            f"It fits your answers as strongly as {other}, and the evidence for it is stronger "
            f"({grade.title.lower()}, against {next_grade.title.lower()})."
        )
    return (
        f"It fits your answers as strongly as {other}, with evidence as strong "
        f"({grade.title.lower()}), and {_OVERVIEW_ORDER}."
    )


# ---------------------------------------------------------------------------- next steps


def _fragment(a: Answers, page: str) -> str:
    if a.weight_text is None:
        return f"calculators/{page}/"
    weight = a.weight_text.split()[0]
    parts = [f"weight={weight}", f"weight_unit={a.weight_unit}"]
    if a.age is not None:
        parts.append(f"age={num(a.age, 0)}")
    return f"calculators/{page}/#" + "&".join(parts)


# The check does not ask for a goal, so its links carry none: the calculator's own default and
# its goal field are the reader's to choose (a reader losing weight on purpose is not building).


def protein_link(a: Answers) -> Link:
    """The protein calculator, with the reader's weight and age filled in."""
    return Link("Work out your protein target", _fragment(a, "protein"))


def energy_link(a: Answers) -> Link:
    """The calorie calculator, with the reader's weight and age filled in."""
    return Link("Work out the calories you need", _fragment(a, "energy"))


#: Where the check sends a reader who ticked a sign about eating, not to the calorie calculator.
EATING_HELP_LINK: Final = Link("Who can help with eating", "red-flags/#routine")
VOLUME_LINK: Final = Link("Count your weekly hard sets", "calculators/volume/")
PROGRESS_LINK: Final = Link("Start a progress log", "calculators/progress/")
