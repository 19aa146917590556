"""One fact, one answer: pages agree with the calculators and with the warning-sign table.

- A paragraph that mentions a warning sign links to that sign's level on the red-flags page.
- A page that states a weekly set total for a muscle states one its own volume-week markers give.
- A page that gives grams of protein for a body weight gives the protein calculator's figures.
- A sample week's day table adds up to the same rows as the volume-week marker under it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import musclecalc
from musclecalc import warning_signs
from support.site import ROOT

DOCS = ROOT / "docs"
GUIDES = sorted(
    [
        *DOCS.glob("causes/*.md"),
        *DOCS.glob("exercises/*.md"),
        DOCS / "index.md",
        DOCS / "about.md",
        *DOCS.glob("calculators/*.md"),
    ]
)


def ids(paths: list[Path]) -> list[str]:
    return [p.relative_to(DOCS).as_posix() for p in paths]


def body(path: Path) -> str:
    """A page without its front matter and Sources list."""
    text = re.sub(r"\A---\n.*?\n---\n", "", path.read_text(encoding="utf-8"), flags=re.S)
    return re.split(r"^## (?:Sources|Bibliography)\s*$", text, flags=re.M)[0]


def paragraphs(text: str) -> list[str]:
    """Blocks separated by blank lines; an admonition's indented body joins its title line."""
    blocks: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        if blocks and block.startswith("    ") and blocks[-1].lstrip().startswith("!!!"):
            blocks[-1] += "\n" + block
        else:
            blocks.append(block)
    return blocks


# -- warning signs ------------------------------------------------------------------------------

#: Words that name a warning sign in a reader's terms, by sign code. A paragraph that uses them is
#: talking about that sign, so it must send the reader to the sign's level.
SIGN_WORDS = {
    "sudden_weakness": r"\b(?:a|of) stroke\b|sudden weakness|slurred speech",
    "saddle_numbness": r"\bnumb(?:ness|ed|ing)?\b[^.]{0,60}\b(bottom|bum|buttocks?|genitals|saddle|inner thighs?)\b"
    r"|\b(bladder|bowel) (control|problems|trouble)|cauda equina",
    "dark_urine": r"dark (urine|pee)|cola-coloured|rhabdomyolysis",
    "spreading_weakness": r"weakness that (spreads|gets worse)|Guillain",
    "breathing_or_swallowing": r"(trouble|difficulty) (breathing|swallowing)",
    "both_legs": r"(?:numb|weak|sciatica)[^.]{0,40}both legs|both legs[^.]{0,40}(?:numb|weak)",
    "statin_pain": r"\bstatins?\b",
    "eyelids_or_vision": r"droop\w* eyelids?|double vision|myasthenia",
    "fever_weakness": r"\bfever\b",
    "rash_weakness": r"\brash\b",
    "pop_or_snap": r"\b(?:pop|snap|crack)(?:s|ped|ping)?\b|sharp pain|gives? way",
    "sciatica": r"sciatica|\bnumb(?:ness|ed|ing)?\b[^.]{0,40}\b(leg|thigh)",
    "twitching_cramps": r"(?<!fast-)(?<!slow-)\btwitch(?:es|ing)?\b",
    "weight_loss": r"(los\w*|lost) weight without trying",
    "periods_stopped": r"periods? (have |has )?(stop|become irregular)",
    "lasting_pain": r"pain[^.]{0,60}\b(not better|keeps coming back|does not settle|lasts)",
    # issue 23: the new and changed signs
    "exercise_heart": r"\bfaint(?:ed|ing|s)?\b|chest (?:pain|tightness)|tight chest|racing heart"
    r"|heart(?:beat)? (?:that )?races|palpitations|irregular heartbeat",
    "injury_weakness": r"after a (?:serious |bad )?(?:fall|crash|accident)|blow to (?:the|your) (?:back|neck)",
    "worsening_leg_weakness": r"foot drop|foot (?:that )?drags|dragging foot|leg (?:that )?buckles",
    "food_worries": r"eating disorder|restrict\w* (?:your )?(?:food|eating)|eating very little",
}
LINK = re.compile(r"\]\((?:\.\./)?red-flags\.md#(?P<anchor>[a-z-]+)\)")


def test_every_sign_has_words_to_find_it_by_and_they_match_its_own_text() -> None:
    for code, pattern in SIGN_WORDS.items():
        sign = warning_signs.SIGNS[code]
        assert re.search(pattern, sign.text, re.I) or re.search(pattern, sign.label, re.I), code


@pytest.mark.parametrize("path", GUIDES, ids=ids(GUIDES))
def test_a_paragraph_that_mentions_a_sign_links_to_its_level(path: Path) -> None:
    problems = []
    for paragraph in paragraphs(body(path)):
        if paragraph.lstrip().startswith(("<!--", "|", "![")):
            continue
        linked = set(LINK.findall(paragraph))
        for code, pattern in SIGN_WORDS.items():
            if re.search(pattern, paragraph, re.I):
                level = warning_signs.SIGNS[code].level
                if level not in linked:
                    problems.append(f"{code} ({level}) not linked: {paragraph.strip()[:90]!r}")
    assert problems == []


@pytest.mark.parametrize("path", GUIDES, ids=ids(GUIDES))
def test_links_to_red_flags_use_a_level_anchor(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for anchor in re.findall(r"\]\((?:\.\./)?red-flags\.md(#[a-z-]*)?\)", text):
        assert anchor.lstrip("#") in warning_signs.LEVELS, (
            f"red-flags link without a level anchor: {anchor!r}"
        )


# -- weekly set totals --------------------------------------------------------------------------

WEEK = re.compile(r"^[ \t]*<!-- volume-week: (.+?) -->$", re.M)
MUSCLE_WORDS = {
    "glutes": "glute",
    "quads": "quad",
    "hamstrings": "hamstring",
    "adductors": "adductor",
    "calves": "cal(?:f|ves)",
}
NUMBER = r"(?<![\d.–-])(?<!to )(\d+(?:\.\d+)?)(?![\d.]| ?(?:to|–|-) ?\d)"


def stated_totals(text: str) -> list[tuple[str, float]]:
    """(muscle, number) for every weekly set total a page states in words."""
    found = []
    for muscle, word in MUSCLE_WORDS.items():
        patterns = [
            rf"{NUMBER} (?:hard |weekly |fractional |direct )?{word}s? sets",
            rf"{NUMBER} (?:hard )?sets (?:a week )?(?:for|of) (?:the |your )?{word}",
            rf"\b{word}s? (?:get|gets|got|land at|lands at|total|come to|add up to) (?:about |only )?{NUMBER}",
        ]
        for pattern in patterns:
            found += [(muscle, float(n)) for n in re.findall(pattern, text, re.I)]
    return found


def produced_totals(text: str) -> dict[str, set[float]]:
    """Every weekly set figure the page's own volume-week markers produce, per muscle."""
    produced: dict[str, set[float]] = {m: set() for m in MUSCLE_WORDS}
    for args in WEEK.findall(text):
        rows = [(e, int(s), int(n)) for e, s, n in (word.split(":") for word in args.split())]
        for muscle in musclecalc.weekly_volume(rows).muscles:
            produced[muscle.muscle] |= {muscle.fractional_sets, float(muscle.direct_sets)}
    return produced


def test_the_totals_check_sees_typed_totals() -> None:
    text = (
        "This week lands at 15 glute sets. Glutes get 18, quads 6. Do 10 to 20 glute sets a week."
    )
    assert stated_totals(text) == [("glutes", 15.0), ("glutes", 18.0)]


@pytest.mark.parametrize("path", GUIDES, ids=ids(GUIDES))
def test_no_page_states_a_set_total_its_weeks_do_not_produce(path: Path) -> None:
    text = body(path)
    produced = produced_totals(text)
    wrong = [(m, n) for m, n in stated_totals(text) if n not in produced[m]]
    assert wrong == [], f"typed weekly totals the volume calculator does not give: {wrong}"


# -- protein ------------------------------------------------------------------------------------


def protein_figures(weight: float) -> set[int]:
    """Every daily gram figure the protein calculator gives for a body weight, any goal."""
    figures: set[int] = set()
    for goal in ("maintain", "build", "cut"):
        result = musclecalc.protein_needs(weight, goal)
        daily = result.daily_grams
        figures |= {daily.low, daily.target, daily.high, result.per_meal_grams}
    return figures


@pytest.mark.parametrize("path", GUIDES, ids=ids(GUIDES))
def test_protein_grams_for_a_body_weight_are_the_calculators(path: Path) -> None:
    """A sentence that gives grams of protein for a body weight either uses the calculator's
    figures or shows the sum (a g/kg figure named in the same sentence, times the weight)."""
    wrong = []
    for sentence in re.split(r"(?<=[.!?])\s+", " ".join(body(path).split())):
        lower = sentence.lower()
        if (
            "lean" in lower
            or "per meal" in lower
            or "a week" in lower
            or not re.search(r"protein|a day", lower)
        ):
            continue
        weights = [float(w) for w in re.findall(r"(\d+(?:\.\d+)?) kg\b(?! of lean)", sentence)]
        grams = [int(g) for g in re.findall(r"(?<![\d.])(\d+) g\b(?! ?(?:/|per) ?kg)", sentence)]
        if not weights or not grams:
            continue
        rates = [float(r) for r in re.findall(r"(\d+(?:\.\d+)?) g (?:per kg|/kg)", sentence)]
        allowed = set().union(*(protein_figures(w) for w in weights if 30 <= w <= 300))
        allowed |= {round(w * r) for w in weights for r in rates}
        wrong += [(sentence[:80], g) for g in grams if g not in allowed]
    assert wrong == []


def test_the_protein_story_names_the_calculators_target() -> None:
    build = musclecalc.protein_needs(70, "build").grams_per_kg
    for path in [*GUIDES, DOCS / "red-flags.md"]:
        for claim in re.findall(r"aims? (?:at|for) (?:about )?(\d\.\d) g", body(path)):
            assert float(claim) == build.target, path.name


def test_the_protein_method_table_states_the_calculators_bands() -> None:
    """docs/calculators/protein.md explains each goal's band; it must be the band the code uses."""
    text = (DOCS / "calculators" / "protein.md").read_text(encoding="utf-8")
    goals = {"Keep the muscle you have": "maintain", "Build muscle": "build", "Lose fat": "cut"}
    for label, goal in goals.items():
        row = re.search(
            rf"^\| {label} \| ([\d.]+)–([\d.]+) g/kg of body weight \| ([\d.]+) g/kg \|", text, re.M
        )
        assert row, label
        band = musclecalc.protein_needs(70, goal).grams_per_kg
        assert tuple(float(x) for x in row.groups()) == (band.low, band.high, band.target), label


# -- sample weeks -------------------------------------------------------------------------------


def test_sample_week_day_tables_add_up_to_their_markers() -> None:
    text = (DOCS / "exercises" / "programming.md").read_text(encoding="utf-8")
    names = {e.name: e.id for e in musclecalc.EXERCISES.values()}
    tabs = re.split(r"^=== ", text, flags=re.M)[1:]
    assert len(tabs) >= 2
    for tab in tabs:
        rows = re.findall(r"^    \| [^|]+ \| ([^|]+?) \| (\d+) x [^|]+\|", tab, re.M)
        table: dict[str, int] = {}
        for name, sets in rows:
            assert name in names, f"{name!r} is not written as the calculator names it"
            table[names[name]] = table.get(names[name], 0) + int(sets)
        marker = re.search(r"<!-- volume-week: (.+?) -->", tab)
        assert marker and rows
        week = {e: int(s) * int(n) for e, s, n in (w.split(":") for w in marker.group(1).split())}
        assert table == week
