"""Figures on guide pages, rendered at build time from the calculators' own code.

A page never types a number that a calculator produces. It holds a marker, alone on its line,
and this hook replaces it with Markdown computed by `musclecalc`:

- `<!-- warning-signs: LEVEL -->`: the warning signs at one level (`emergency`, `urgent` or
  `routine`) and what to do, from `musclecalc.warning_signs`, the table the self-check triages
  from. The red-flags page and the self-check can never disagree about a sign's urgency. The
  numbers to call are `tel:` links, so a phone dials them with one tap.
- `<!-- evidence-grade: CAUSE -->`: how strong the main evidence for a cause is, from
  `musclecalc.evidence`, the table the self-check's method text lists too.
- `<!-- volume-week: hip_thrust:3:2 squat:3:2 -->`: a week of exercises (exercise id, hard sets per
  session, sessions a week), with each row's weekly sets, the weekly sets per muscle that
  `musclecalc.weekly_volume` gives, and a link that opens the week in the volume calculator.
- `<!-- protein-table: 50 60 70 -->`: daily protein for each body weight (kg) and goal, from
  `musclecalc.protein_needs`.
- `<!-- corrections-route: here -->`: the corrections address a self-hoster sets in `mkdocs.yml`
  (`extra.corrections`), or a sentence saying that none is set up.
- `<!-- exercise-muscles: hip_thrust squat -->`: each exercise's prime movers (1 set) and helpers
  (0.5 set), from the catalogue `musclecalc.EXERCISES` that the volume calculator counts with.

It also reads each page's `review_due` date (front matter). An unknown marker, a malformed one or
a bad value raises :class:`MarkerError`, naming the page and the line; the hook
(scripts/hooks/page_figures.py) turns it into a failed build.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

import musclecalc
from musclecalc import evidence, warning_signs
from musclecalc._display import call_list

#: A marker: `<!-- name: arguments -->` alone on its line (indented inside a tab or admonition).
MARKER = re.compile(
    r"^(?P<indent>[ \t]*)<!--[ \t]*(?P<name>[a-z]+(?:-[a-z]+)+)[ \t]*:(?P<args>[^\n]*?)-->[ \t]*$",
    re.M,
)
#: Anything that starts like one of our markers, to catch a marker written wrongly.
LOOSE_MARKER = re.compile(
    r"<!--\s*(?:warning[ _-]?signs?|volume[ _-]?weeks?|protein[ _-]?tables?|exercise[ _-]?muscles?"
    r"|evidence[ _-]?grades?)\b",
    re.I,
)
VOLUME_PAGE = "calculators/volume.md"
GOAL_NAMES = {"maintain": "Keep muscle", "build": "Build muscle", "lose": "Lose fat, keep muscle"}
STATUS_WORDS = {"below": "below the range", "productive": "in the range", "high": "above the range"}
ROW = re.compile(r"(?P<exercise>[a-z_]+):(?P<sets>\d+):(?P<sessions>\d+)")


class MarkerError(ValueError):
    """A marker or a page's front matter cannot be rendered; the message says where and why."""


@dataclass(frozen=True)
class Context:
    """What a renderer needs to know about the page it writes into."""

    page_url: str
    volume_url: str
    corrections_label: str = ""
    corrections_url: str = ""


# -- warning signs ------------------------------------------------------------------------------


def render_warning_signs(args: str, context: Context) -> str:
    """The signs at one level as an admonition: what to do, then the list of signs."""
    level_id = args.strip()
    if level_id not in warning_signs.LEVELS:
        known = ", ".join(warning_signs.LEVELS)
        raise MarkerError(f"unknown warning-sign level {level_id!r} (known: {known})")
    level = warning_signs.LEVELS[level_id]
    kind = {"emergency": "danger", "urgent": "warning", "routine": "info"}[level_id]
    action = level.action
    if level.calls:
        action = call_list(level.calls, lambda number: f"[{number}](tel:{number})") + " " + action
    lines = [
        f'!!! {kind} "{level.title}"',
        f"    {action}",
        "",
        "    If you have any of these:",
        "",
    ]
    lines += [f"    - {sign.text}" for sign in warning_signs.signs_at(level_id)]
    return "\n".join(lines) + "\n"


# -- evidence grade -----------------------------------------------------------------------------


def render_evidence_grade(args: str, context: Context) -> str:
    """How strong a cause's main evidence is, as a note under the page's short answer."""
    cause = args.strip()
    if cause not in evidence.EVIDENCE:
        known = ", ".join(evidence.EVIDENCE)
        raise MarkerError(f"unknown cause {cause!r} for an evidence grade (known: {known})")
    entry = evidence.EVIDENCE[cause]
    return (
        f'!!! info "How strong the evidence is: {entry.grade.title}"\n'
        f"    {entry.grade.title}: {entry.grade.meaning}. {entry.basis}\n"
    )


# -- volume week --------------------------------------------------------------------------------


def parse_week(args: str) -> list[tuple[str, int, int]]:
    """`hip_thrust:3:2 squat:3:2` as rows of (exercise id, sets per session, sessions a week)."""
    rows = []
    for word in args.split():
        match = ROW.fullmatch(word)
        if not match:
            raise MarkerError(
                f"{word!r} is not written as exercise:sets:sessions, e.g. hip_thrust:3:2"
            )
        if match["exercise"] not in musclecalc.EXERCISES:
            raise MarkerError(f"unknown exercise {match['exercise']!r}")
        rows.append((match["exercise"], int(match["sets"]), int(match["sessions"])))
    if not rows:
        raise MarkerError("a volume-week marker needs at least one exercise:sets:sessions row")
    return rows


def volume_fragment(rows: Sequence[tuple[str, int, int]]) -> str:
    """The volume calculator's address fragment for a week: one exercise/sets/sessions triple a row."""
    return "&".join(f"exercise={e}&sets={s}&sessions={n}" for e, s, n in rows)


def sets_text(value: float) -> str:
    """Weekly sets as the calculator shows them: 18, 13.5."""
    return f"{value:g}"


def render_volume_week(args: str, context: Context) -> str:
    """The week's rows, its weekly sets per muscle and a link that opens it in the calculator."""
    rows = parse_week(args)
    try:
        result = musclecalc.weekly_volume(rows)
    except musclecalc.InputError as error:
        raise MarkerError(f"the volume calculator rejects this week: {error}") from error
    lines = ["| Exercise | Hard sets × sessions | Sets a week |", "| --- | --- | --- |"]
    for entry in result.entries:
        name = musclecalc.EXERCISES[entry.exercise].name
        lines.append(f"| {name} | {entry.sets} × {entry.sessions} | {entry.weekly_sets} |")
    band = f"{result.band_low}–{result.band_high}"
    lines += [
        "",
        f"| Muscle | Sets a week (helper sets count half) | Direct sets | Against {band} sets |",
        "| --- | --- | --- | --- |",
    ]
    for muscle in result.muscles:
        if muscle.fractional_sets == 0 and muscle.muscle != "glutes":
            continue
        lines.append(
            f"| {muscle.name} | {sets_text(muscle.fractional_sets)} | {muscle.direct_sets} "
            f"| {STATUS_WORDS[muscle.status]} |"
        )
    href = f"{context.volume_url}#{volume_fragment(rows)}"
    link = f'<a href="{escape(href)}">Open this week in the volume calculator</a>'
    return "\n".join(lines) + f"\n\n{link}\n"


# -- protein table ------------------------------------------------------------------------------


def parse_weights(args: str) -> list[float]:
    """`50 60 70` as body weights in kg."""
    weights = []
    for word in args.split():
        try:
            weights.append(float(word))
        except ValueError:
            raise MarkerError(f"{word!r} is not a body weight in kg") from None
    if not weights:
        raise MarkerError("a protein-table marker needs at least one body weight in kg")
    return weights


def render_protein_table(args: str, context: Context) -> str:
    """Daily protein, target and range, for each body weight and goal."""
    weights = parse_weights(args)
    header = ["Body weight"]
    for goal, name in GOAL_NAMES.items():
        per_kg = musclecalc.protein_needs(70, goal).grams_per_kg
        header.append(f"{name}: aim {per_kg.target:g} g/kg (range {per_kg.low:g}–{per_kg.high:g})")
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    for weight in weights:
        cells = [f"{weight:g} kg ({weight / musclecalc.KG_PER_POUND:.0f} lb)"]
        for goal in GOAL_NAMES:
            try:
                grams = musclecalc.protein_needs(weight, goal).daily_grams
            except musclecalc.InputError as error:
                raise MarkerError(
                    f"the protein calculator rejects {weight:g} kg: {error}"
                ) from error
            cells.append(f"{grams.target} g ({grams.low}–{grams.high} g)")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


# -- exercise muscles ---------------------------------------------------------------------------


def render_exercise_muscles(args: str, context: Context) -> str:
    """A table of exercises with the muscles each one counts as prime mover and as helper."""
    ids = args.split()
    if not ids:
        raise MarkerError("an exercise-muscles marker needs at least one exercise id")
    lines = ["| Exercise | Prime movers (1 set) | Helpers (0.5 set) |", "| --- | --- | --- |"]
    for exercise_id in ids:
        if exercise_id not in musclecalc.EXERCISES:
            raise MarkerError(f"unknown exercise {exercise_id!r}")
        exercise = musclecalc.EXERCISES[exercise_id]

        def names(muscles: tuple[str, ...]) -> str:
            return ", ".join(musclecalc.MUSCLES[m].lower() for m in muscles) or "none"

        lines.append(f"| {exercise.name} | {names(exercise.prime)} | {names(exercise.helpers)} |")
    return "\n".join(lines) + "\n"


# -- corrections route --------------------------------------------------------------------------


def render_corrections_route(args: str, context: Context) -> str:
    """Where to report a mistake on this copy of the site."""
    if args.strip() != "here":
        raise MarkerError("write the corrections marker as <!-- corrections-route: here -->")
    if context.corrections_url:
        label = context.corrections_label or "Report a mistake"
        return f'To report a mistake on this copy of the site: <a href="{escape(context.corrections_url)}">{escape(label)}</a>.\n'
    return "Whoever runs this copy of the site has not set up a corrections address yet.\n"


RENDERERS: dict[str, Callable[[str, Context], str]] = {
    "warning-signs": render_warning_signs,
    "evidence-grade": render_evidence_grade,
    "volume-week": render_volume_week,
    "protein-table": render_protein_table,
    "exercise-muscles": render_exercise_muscles,
    "corrections-route": render_corrections_route,
}


# -- the page -----------------------------------------------------------------------------------


def render_markers(markdown: str, context: Context, where: str) -> str:
    """Every marker replaced by its figures; `where` names the page in errors."""

    def line_of(position: int) -> int:
        return markdown[:position].count("\n") + 1

    def render(match: re.Match[str]) -> str:
        name = match["name"]
        if name not in RENDERERS:
            known = ", ".join(RENDERERS)
            raise MarkerError(
                f"{where}:{line_of(match.start())}: unknown marker {name!r} (known: {known})"
            )
        try:
            figures = RENDERERS[name](match["args"], context)
        except MarkerError as error:
            raise MarkerError(f"{where}:{line_of(match.start())}: {name} marker: {error}") from None
        indent = match["indent"]
        return "\n".join(
            indent + line if line else line for line in figures.rstrip("\n").split("\n")
        )

    rendered = MARKER.sub(render, markdown)
    leftover = LOOSE_MARKER.search(rendered)
    if leftover:
        line = rendered[: leftover.start()].count("\n") + 1
        raise MarkerError(
            f"{where}:{line}: malformed marker; write it alone on a line, "
            "e.g. <!-- volume-week: hip_thrust:3:2 -->"
        )
    return rendered


def review_due(meta: dict[str, object], where: str) -> datetime.date | None:
    """The page's `review_due` date, if it has one; a malformed date fails the build."""
    value = meta.get("review_due")
    if value is None:
        return None
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        raise MarkerError(
            f"{where}: review_due {value!r} is not a date written as YYYY-MM-DD"
        ) from None
