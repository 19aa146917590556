"""The studies the calculators rest on, each cited once here."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

__all__ = ["Source"]


@dataclass(frozen=True)
class Source:
    """A published source. ``where`` is the journal with volume, issue and pages."""

    author: str
    year: int
    title: str
    where: str
    doi: str | None = None
    url: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The source as a result's ``sources`` entry."""
        data: dict[str, Any] = {
            "author": self.author,
            "year": self.year,
            "title": self.title,
            "journal": self.where,
        }
        if self.doi is not None:
            data["doi"] = self.doi
        if self.url is not None:
            data["url"] = self.url
        return data

    def citation(self) -> str:
        """One line for a reader.

        >>> print(HALL_2008.citation())
        Hall KD (2008). What is the required energy deficit per unit weight loss? International Journal of Obesity 32(3):573-576. doi:10.1038/sj.ijo.0803720
        """
        link = f"doi:{self.doi}" if self.doi is not None else (self.url or "")
        title = self.title if self.title.endswith(("?", ".")) else self.title + "."
        return f"{self.author} ({self.year}). {title} {self.where}. {link}".strip()


def _source(author: str, year: int, title: str, where: str, doi: str) -> Source:
    return Source(author, year, title, where, doi=doi)


JAGER_2017: Final = _source(
    "Jäger R, et al.",
    2017,
    "International Society of Sports Nutrition position stand: protein and exercise",
    "Journal of the International Society of Sports Nutrition 14:20",
    "10.1186/s12970-017-0177-8",
)
MORTON_2018: Final = _source(
    "Morton RW, et al.",
    2018,
    "A systematic review, meta-analysis and meta-regression of the effect of protein "
    "supplementation on resistance training-induced gains in muscle mass and strength in "
    "healthy adults",
    "British Journal of Sports Medicine 52(6):376-384",
    "10.1136/bjsports-2017-097608",
)
SCHOENFELD_ARAGON_2018: Final = _source(
    "Schoenfeld BJ, Aragon AA",
    2018,
    "How much protein can the body use in a single meal for muscle-building? Implications "
    "for daily protein distribution",
    "Journal of the International Society of Sports Nutrition 15:10",
    "10.1186/s12970-018-0215-1",
)
HELMS_2014_PROTEIN: Final = _source(
    "Helms ER, Zinn C, Rowlands DS, Brown SR",
    2014,
    "A systematic review of dietary protein during caloric restriction in resistance trained "
    "lean athletes: a case for higher intakes",
    "International Journal of Sport Nutrition and Exercise Metabolism 24(2):127-138",
    "10.1123/ijsnem.2013-0054",
)
BAUER_2013: Final = _source(
    "Bauer J, et al.",
    2013,
    "Evidence-based recommendations for optimal dietary protein intake in older people: a "
    "position paper from the PROT-AGE Study Group",
    "Journal of the American Medical Directors Association 14(8):542-559",
    "10.1016/j.jamda.2013.05.021",
)
MIFFLIN_1990: Final = _source(
    "Mifflin MD, St Jeor ST, Hill LA, Scott BJ, Daugherty SA, Koh YO",
    1990,
    "A new predictive equation for resting energy expenditure in healthy individuals",
    "American Journal of Clinical Nutrition 51(2):241-247",
    "10.1093/ajcn/51.2.241",
)
IRAKI_2019: Final = _source(
    "Iraki J, Fitschen P, Espinar S, Helms E",
    2019,
    "Nutrition recommendations for bodybuilders in the off-season: a narrative review",
    "Sports 7(7):154",
    "10.3390/sports7070154",
)
HELMS_2014_CONTEST: Final = _source(
    "Helms ER, Aragon AA, Fitschen PJ",
    2014,
    "Evidence-based recommendations for natural bodybuilding contest preparation: nutrition "
    "and supplementation",
    "Journal of the International Society of Sports Nutrition 11:20",
    "10.1186/1550-2783-11-20",
)
HALL_2008: Final = _source(
    "Hall KD",
    2008,
    "What is the required energy deficit per unit weight loss?",
    "International Journal of Obesity 32(3):573-576",
    "10.1038/sj.ijo.0803720",
)
SCHOENFELD_2017: Final = _source(
    "Schoenfeld BJ, Ogborn D, Krieger JW",
    2017,
    "Dose-response relationship between weekly resistance training volume and increases in "
    "muscle mass: a systematic review and meta-analysis",
    "Journal of Sports Sciences 35(11):1073-1082",
    "10.1080/02640414.2016.1210197",
)
BAZ_VALLE_2022: Final = _source(
    "Baz-Valle E, Balsalobre-Fernández C, Alix-Fages C, Santos-Concejero J",
    2022,
    "A systematic review of the effects of different resistance training volumes on muscle "
    "hypertrophy",
    "Journal of Human Kinetics 81:199-210",
    "10.2478/hukin-2022-0017",
)
PELLAND_2024: Final = _source(
    "Pelland JC, et al.",
    2024,
    "The resistance training dose-response: meta-regressions exploring the effects of weekly "
    "volume and frequency on muscle hypertrophy and strength gain",
    "SportRxiv (preprint; not peer reviewed in the latest version checked, September 2024)",
    "10.51224/SRXIV.460",
)
ROGERSON_2024: Final = _source(
    "Rogerson D, Nolan D, Korakakis PA, Immonen V, Wolf M, Bell L",
    2024,
    "Deloading practices in strength and physique sports: a cross-sectional survey",
    "Sports Medicine - Open 10:26",
    "10.1186/s40798-024-00691-y",
)
WATSON_2015: Final = _source(
    "Watson NF, Badr MS, Belenky G, et al.",
    2015,
    "Recommended amount of sleep for a healthy adult: a joint consensus statement of the "
    "American Academy of Sleep Medicine and Sleep Research Society",
    "Sleep 38(6):843-844",
    "10.5665/sleep.4716",
)
DEFREITAS_2011: Final = _source(
    "DeFreitas JM, Beck TW, Stock MS, Dillon MA, Kasishke PR",
    2011,
    "An examination of the time course of training-induced skeletal muscle hypertrophy",
    "European Journal of Applied Physiology 111(11):2785-2790",
    "10.1007/s00421-011-1905-4",
)
MURPHY_KOEHLER_2022: Final = _source(
    "Murphy C, Koehler K",
    2022,
    "Energy deficiency impairs resistance training gains in lean mass but not strength: a "
    "meta-analysis and meta-regression",
    "Scandinavian Journal of Medicine & Science in Sports 32(1):125-137",
    "10.1111/sms.14075",
)
HUBAL_2005: Final = _source(
    "Hubal MJ, Gordish-Dressman H, Thompson PD, et al.",
    2005,
    "Variability in muscle size and strength gain after unilateral resistance training",
    "Medicine & Science in Sports & Exercise 37(6):964-972",
    "10.1249/01.mss.0000170469.90461.5f",
)
SEN_1968: Final = _source(
    "Sen PK",
    1968,
    "Estimates of the regression coefficient based on Kendall's tau",
    "Journal of the American Statistical Association 63(324):1379-1389",
    "10.2307/2285891",
)
