"""Figures on guide pages, rendered at build time from the calculators' own code.

A page never types a number that a calculator produces. It holds a marker, alone on its line,
and sitebuild.markers replaces it with Markdown computed by `musclecalc` by one of these renderers:

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

A bad value raises :class:`MarkerError`; sitebuild.markers adds the page and the line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape

import musclecalc
from musclecalc import evidence, warning_signs
from musclecalc._display import call_list

from .marker_types import Context, MarkerError

VOLUME_PAGE = "calculators/volume.md"
GOAL_NAMES = {"maintain": "Keep muscle", "build": "Build muscle", "lose": "Lose fat, keep muscle"}
STATUS_WORDS = {"below": "below the range", "productive": "in the range", "high": "above the range"}
ROW = re.compile(r"(?P<exercise>[a-z_]+):(?P<sets>\d+):(?P<sessions>\d+)")


# -- warning signs ------------------------------------------------------------------------------


def render_warning_signs(args: str, context: Context) -> str:
    """The signs at one level as an admonition: what to do, then the list of signs."""
    level_id = args.strip()
    if level_id not in warning_signs.LEVELS:
        known = ", ".join(warning_signs.LEVELS)
        raise MarkerError(f"unknown warning-sign level {level_id!r} (known: {known})")
    level = warning_signs.LEVELS[level_id]
    action = level.action
    if level.calls:
        action = call_list(level.calls, lambda number: f"[{number}](tel:{number})") + " " + action
    lines = [
        f'!!! {level.admonition} "{level.title}"',
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
    if context.volume_url is None:
        raise MarkerError(f"the site has no volume calculator page ({VOLUME_PAGE}) to link to")
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
