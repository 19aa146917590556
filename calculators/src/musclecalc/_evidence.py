"""How strong the main evidence behind each cause is: the one table of evidence grades.

Each cause page shows its grade at build time (the ``evidence-grade`` marker of
``scripts/sitebuild/page_figures.py``), and the self-check's method text lists the same grades, so
the page and the check cannot disagree. To change a grade, change it here.

=========  ==============================================================================
grade      meaning
=========  ==============================================================================
strong     several meta-analyses, consensus statements or clinical guidelines agree
moderate   one meta-analysis or a few trials, with gaps (people, length, what was measured)
weak       only short, small or indirect studies (hormones, muscle activity, lab markers)
judgement  no trial yet: the page's advice is the site's judgement from what is known
=========  ==============================================================================

>>> EVIDENCE["too-little-protein"].grade.title
'Strong'
>>> print(EVIDENCE["sitting-and-inactive-glutes"].sentence())
Judgement: no trial yet. No study has tested whether sitting shrinks the glutes of people who train; the page rests on anatomy and on studies of sitting and health.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

__all__ = ["EVIDENCE", "GRADES", "EvidenceGrade", "Grade"]


@dataclass(frozen=True)
class Grade:
    """One step of the scale: its id, its word for a reader and what it means."""

    id: str
    title: str
    meaning: str


@dataclass(frozen=True)
class EvidenceGrade:
    """A cause's grade and, in a sentence, which evidence it rests on."""

    cause: str
    grade: Grade
    basis: str

    def sentence(self) -> str:
        """The grade as the page and the self-check write it."""
        return f"{self.grade.title}: {self.grade.meaning}. {self.basis}"


GRADES: Final[dict[str, Grade]] = {
    grade.id: grade
    for grade in (
        Grade("strong", "Strong", "several meta-analyses or expert consensus"),
        Grade("moderate", "Moderate", "one meta-analysis or a few trials"),
        Grade("weak", "Weak", "only short, small or indirect studies"),
        Grade("judgement", "Judgement", "no trial yet"),
    )
}


def _grade(cause: str, grade: str, basis: str) -> EvidenceGrade:
    return EvidenceGrade(cause, GRADES[grade], basis)


#: Every cause page's grade, by the page's file name in docs/causes/ (without ``.md``).
EVIDENCE: Final[dict[str, EvidenceGrade]] = {
    entry.cause: entry
    for entry in (
        _grade(
            "too-little-resistance-training",
            "strong",
            "Meta-analyses of training volume and frequency find that more hard sets give more "
            "growth, up to a point (Schoenfeld et al. 2016; 2017).",
        ),
        _grade(
            "no-progressive-overload",
            "moderate",
            "Position stands and trials back adding load or reps over time; few trials compare "
            "progressing with not progressing directly (ACSM 2009).",
        ),
        _grade(
            "same-routine",
            "weak",
            "Muscle-activity (EMG) studies and one trial on squat depth show that exercises "
            "work the glutes differently; no trial has tested rotating glute exercises.",
        ),
        _grade(
            "junk-volume-and-overtraining",
            "moderate",
            "Reviews find that growth levels off at high weekly volumes, but few trials test "
            "very high volumes, and the largest analysis is a preprint (Baz-Valle et al. 2022; "
            "Pelland et al. 2024).",
        ),
        _grade(
            "too-little-protein",
            "strong",
            "A meta-analysis of 49 trials and a position stand agree on the daily amount "
            "(Morton et al. 2018; J\u00e4ger et al. 2017).",
        ),
        _grade(
            "too-little-energy",
            "moderate",
            "One meta-analysis found that a deficit holds back lean mass gains; many of its "
            "trials were weight-loss studies, not young lifters (Murphy & Koehler 2022).",
        ),
        _grade(
            "poor-sleep",
            "weak",
            "Short lab studies show that lost sleep lowers testosterone and muscle protein "
            "building; no long trial has measured muscle growth (Lamon et al. 2021).",
        ),
        _grade(
            "stress-and-cortisol",
            "weak",
            "Small studies show slower recovery under stress; the muscle loss of very high "
            "cortisol is seen in illness, not in everyday stress.",
        ),
        _grade(
            "hormones",
            "strong",
            "Clinical guidelines and NHS advice describe the muscle loss of low testosterone, "
            "thyroid problems and Cushing's syndrome (Bhasin et al. 2018).",
        ),
        _grade(
            "sitting-and-inactive-glutes",
            "judgement",
            "No study has tested whether sitting shrinks the glutes of people who train; the "
            "page rests on anatomy and on studies of sitting and health.",
        ),
        _grade(
            "genetics-and-asymmetry",
            "moderate",
            "One large trial (585 people) found that growth on the same programme varies "
            "widely between people (Hubal et al. 2005).",
        ),
        _grade(
            "measurement-illusions",
            "moderate",
            "A few trials measured muscle with scans and show how early changes and fat loss "
            "mislead a tape or a mirror (Damas et al. 2016).",
        ),
        _grade(
            "patience-and-timelines",
            "moderate",
            "A few trials scanned muscle every few weeks (DeFreitas et al. 2011, 8 weeks); the "
            "three months the page gives for a visible change is the site's judgement.",
        ),
        _grade(
            "age",
            "strong",
            "Consensus statements on sarcopenia and on protein for older adults, and trials of "
            "how older muscle responds to protein (Cruz-Jentoft et al. 2019; Bauer et al. "
            "2013).",
        ),
    )
}
