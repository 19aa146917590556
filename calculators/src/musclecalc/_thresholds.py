"""The numbers the self-check judges answers against, each once, with where it comes from.

Every threshold here is taken from a cause page in ``docs/causes/`` and the study that page
cites for it, so the guides and the check cannot disagree. Where a page gives a sign in words
but no number ("you sit for most of your waking day", "two or more of the signs above"), the
threshold says so in its ``basis`` and has no ``source``.

=============================  =======  =================================  ==================
threshold                      value    unit                               from
=============================  =======  =================================  ==================
PROTEIN_PLATEAU                1.6      g of protein per kg a day          Morton et al. 2018
PROTEIN_LOW                    1.2      g of protein per kg a day          PROTEIN_BANDS
OLDER_AGE                      65       years                              Bauer et al. 2013
OLDER_PROTEIN                  1.2      g of protein per kg a day          Bauer et al. 2013
HARD_SETS_LOW                  10       hard sets per muscle a week        Schoenfeld 2017
HARD_SETS_HIGH                 20       hard sets per muscle a week        Baz-Valle 2022
SLEEP_MIN                      7        hours of sleep a night             Watson et al. 2015
WEEKLY_LOSS_LOW                0.5      % of body weight lost a week       Helms 2014
WEEKLY_LOSS_HIGH               1        % of body weight lost a week       Helms 2014
DEFICIT_KCAL                   500      kcal a day below needs             Murphy 2022
VISIBLE_CHANGE_MONTHS          3        months of training                 site's judgement
HORMONE_SIGNS                  2        signs                              hormones page
SITTING_SHARE                  0.5      of waking hours                    sitting page
=============================  =======  =================================  ==================

:data:`PROTEIN_BANDS` is the protein calculator's table of daily protein for each goal; the
self-check reads the same table, so the calculator's "keep muscle" target can never be called a
likely cause of muscle loss.

>>> PROTEIN_BANDS["maintain"], PROTEIN_LOW.value
(Band(low=1.2, target=1.4, high=1.6), 1.2)
>>> PROTEIN_PLATEAU.value, PROTEIN_PLATEAU.cite, PROTEIN_PLATEAU.page
(1.6, 'Morton et al. 2018', 'too-little-protein')
>>> SITTING_SHARE.source is None
True
>>> len({t.source.doi for t in THRESHOLDS if t.source is not None})
8
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from ._sources import (
    BAUER_2013,
    BAZ_VALLE_2022,
    HELMS_2014_CONTEST,
    JAGER_2017,
    MORTON_2018,
    MURPHY_KOEHLER_2022,
    SCHOENFELD_2017,
    WATSON_2015,
    Source,
)

__all__ = [
    "DEFICIT_KCAL",
    "HARD_SETS_HIGH",
    "HARD_SETS_LOW",
    "HORMONE_SIGNS",
    "ISSN_RANGE",
    "LEAN_MASS_CUT_BAND",
    "OLDER_AGE",
    "OLDER_DAILY_MINIMUM",
    "OLDER_MEAL_GRAMS",
    "OLDER_PROTEIN",
    "PLATEAU_INTERVAL",
    "PROTEIN_BANDS",
    "PROTEIN_LOW",
    "PROTEIN_PLATEAU",
    "SITTING_SHARE",
    "SLEEP_MIN",
    "THRESHOLDS",
    "VISIBLE_CHANGE_MONTHS",
    "WEEKLY_LOSS_HIGH",
    "WEEKLY_LOSS_LOW",
    "Band",
    "Threshold",
]


@dataclass(frozen=True)
class Threshold:
    """One number a rule compares an answer with.

    ``cite`` is the short citation written after it in a sentence ("Morton et al. 2018"),
    ``page`` the cause page (file name in ``docs/causes/`` without ``.md``) that states it,
    and ``basis`` what the number means and why it is the one used.
    """

    value: float
    unit: str
    cite: str
    source: Source | None
    page: str
    basis: str


@dataclass(frozen=True)
class Band:
    """Daily protein in g per kg of body weight for one goal: the range and the aim inside it."""

    low: float
    target: float
    high: float


#: The protein calculator's bands (g per kg of body weight a day), one per goal. "maintain" is
#: the site's own band around 1.4 g/kg, the low end of the ISSN's 1.4-2.0 (Jäger et al. 2017);
#: "build" starts at Morton et al.'s 1.62 g/kg plateau, rounded to 1.6, and ends at the top of
#: its 95 % interval (2.2); "lose" is Helms et al.'s 2.3-3.1 g/kg of lean mass in body weight.
PROTEIN_BANDS: Final[dict[str, Band]] = {
    "maintain": Band(1.2, 1.4, 1.6),
    "build": Band(1.6, 1.8, 2.2),
    "lose": Band(1.8, 2.2, 2.7),
}
#: g per kg of lean (fat-free) mass a day when losing fat with a known body fat (Helms et al.
#: 2014); the protein calculator uses it in place of the "lose" band.
LEAN_MASS_CUT_BAND: Final = Band(2.3, 2.7, 3.1)

#: The figures the bands rest on, as their sources give them, in g per kg a day: the ISSN's
#: range for people who exercise (Jäger et al. 2017), the 95 % confidence interval of Morton et
#: al.'s plateau (2018), and PROT-AGE's daily minimum for healthy older adults (Bauer et al.
#: 2013), with its grams of protein per meal.
ISSN_RANGE: Final = (1.4, 2.0)
PLATEAU_INTERVAL: Final = (1.03, 2.20)
OLDER_DAILY_MINIMUM: Final = (1.0, 1.2)
OLDER_MEAL_GRAMS: Final = (25, 30)

PROTEIN_PLATEAU: Final = Threshold(
    1.6,
    "g of protein per kg of body weight a day",
    "Morton et al. 2018",
    MORTON_2018,
    "too-little-protein",
    "Extra protein stopped adding measurable muscle at about 1.62 g/kg a day on average in a "
    "meta-analysis of 49 trials; below it, more protein still helps most people.",
)
PROTEIN_LOW: Final = Threshold(
    PROTEIN_BANDS["maintain"].low,
    "g of protein per kg of body weight a day",
    "Jäger et al. 2017",
    JAGER_2017,
    "too-little-protein",
    "The bottom of the protein calculator's band for keeping muscle "
    f"({PROTEIN_BANDS['maintain'].low:.1f}-{PROTEIN_BANDS['maintain'].high:.1f} g/kg, the "
    f"site's own band around {PROTEIN_BANDS['maintain'].target:.1f} g/kg, the low end of the "
    f"{ISSN_RANGE[0]:.1f}-{ISSN_RANGE[1]:.1f} g/kg the ISSN position stand gives for people "
    "who exercise). Below it, protein is a likely cause; inside the band it is enough to keep "
    "muscle, so only a possible cause.",
)
OLDER_AGE: Final = Threshold(
    65,
    "years",
    "Bauer et al. 2013",
    BAUER_2013,
    "age",
    "The age from which the PROT-AGE group gives older adults their own, higher protein advice.",
)
OLDER_PROTEIN: Final = Threshold(
    1.2,
    "g of protein per kg of body weight a day",
    "Bauer et al. 2013",
    BAUER_2013,
    "age",
    "PROT-AGE: older adults who exercise or are active need 1.2 g/kg a day or more.",
)
HARD_SETS_LOW: Final = Threshold(
    10,
    "hard sets per muscle a week",
    "Schoenfeld, Ogborn & Krieger 2017",
    SCHOENFELD_2017,
    "junk-volume-and-overtraining",
    "10 or more weekly sets per muscle gave more growth than fewer in this meta-analysis, but "
    "that comparison was a trend that fell short of statistical significance; more sets did "
    "give clearly more growth overall. The site reads 10 as the bottom of its 10-20 band.",
)
HARD_SETS_HIGH: Final = Threshold(
    20,
    "hard sets per muscle a week",
    "Baz-Valle et al. 2022",
    BAZ_VALLE_2022,
    "junk-volume-and-overtraining",
    "In this systematic review, about 12-20 weekly sets per muscle gave the most growth in "
    "trained people, and more than 20 gave no clear extra; past the top of the band, the site "
    "judges that extra sets mostly add tiredness.",
)
SLEEP_MIN: Final = Threshold(
    7,
    "hours of sleep a night",
    "Watson et al. 2015",
    WATSON_2015,
    "poor-sleep",
    "The AASM and SRS consensus: adults need 7 hours or more a night on a regular basis.",
)
WEEKLY_LOSS_LOW: Final = Threshold(
    0.5,
    "% of body weight lost a week",
    "Helms, Aragon & Fitschen 2014",
    HELMS_2014_CONTEST,
    "too-little-energy",
    "The low end of the 0.5-1 % a week loss advised to keep muscle while dieting.",
)
WEEKLY_LOSS_HIGH: Final = Threshold(
    1.0,
    "% of body weight lost a week",
    "Helms, Aragon & Fitschen 2014",
    HELMS_2014_CONTEST,
    "too-little-energy",
    "The top of the 0.5-1 % a week loss advised to keep muscle while dieting; faster loss "
    "risks more muscle.",
)
DEFICIT_KCAL: Final = Threshold(
    500,
    "kcal a day below needs",
    "Murphy & Koehler 2022",
    MURPHY_KOEHLER_2022,
    "too-little-energy",
    "A deficit of about 500 kcal a day was enough, on average, to stop gains in lean mass. "
    "The calorie calculator's fat-loss target often goes past it: fat loss aims to keep "
    "muscle, not to build it, and the calculator says so when it does.",
)
VISIBLE_CHANGE_MONTHS: Final = Threshold(
    3,
    "months of training",
    "the site's judgement",
    None,
    "patience-and-timelines",
    "No study gives a number of months: DeFreitas et al. (2011) saw new muscle on a scanner "
    "after 3 to 4 weeks of an 8-week programme, too small to see in a mirror. Three months is "
    "the site's judgement of when a change becomes easy to see, so starting less than three "
    "months ago makes patience a likely cause.",
)
HORMONE_SIGNS: Final = Threshold(
    2,
    "signs",
    "our hormones page",
    None,
    "hormones",
    "No study gives a number: one sign is enough to see a doctor (most are also warning "
    "signs), and the hormones page calls a hormone problem more likely when two or more of its "
    "signs fit, so two signs make the cause likely and one possible.",
)
SITTING_SHARE: Final = Threshold(
    0.5,
    "of waking hours",
    "our sitting page",
    None,
    "sitting-and-inactive-glutes",
    "No study gives a number of hours for the glutes: the sitting page's sign is sitting for "
    "most of your waking day, read here as more than half of the hours you are awake.",
)

#: Every threshold, in the order of the table above.
THRESHOLDS: Final = (
    PROTEIN_PLATEAU,
    PROTEIN_LOW,
    OLDER_AGE,
    OLDER_PROTEIN,
    HARD_SETS_LOW,
    HARD_SETS_HIGH,
    SLEEP_MIN,
    WEEKLY_LOSS_LOW,
    WEEKLY_LOSS_HIGH,
    DEFICIT_KCAL,
    VISIBLE_CHANGE_MONTHS,
    HORMONE_SIGNS,
    SITTING_SHARE,
)


def _check() -> None:
    if PROTEIN_BANDS["build"].low != PROTEIN_PLATEAU.value:
        raise ValueError("the protein calculator's build band must start at PROTEIN_PLATEAU")


_check()
