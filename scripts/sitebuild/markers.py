"""Markers: `<!-- NAME: ARGUMENTS -->` alone on a line of a page becomes what a renderer writes.

:data:`MARKERS` is the one table of markers: each name and the function that renders it. The
calculator marker writes a calculator's form and worked answer (sitebuild.calculators); the others
write figures computed by `musclecalc` (sitebuild.page_figures, whose docstring shows each one's
arguments). Adding a marker is one renderer and one row here.

One parser (:func:`render_markers`) finds every marker, indented or not (inside a tab or an
admonition the figures are indented to match), and one error path names the page and the line of
any marker it cannot render: an unknown name, bad arguments, or a marker written anywhere but
alone on its line. The hook (scripts/hooks/markers.py) turns that error into a failed build.

>>> page = render_markers("Intro\\n<!-- corrections-route: here -->\\n", Context("about/"), "about.md")
>>> page.text.splitlines()[1]
'Whoever runs this copy of the site has not set up a corrections address yet.'
>>> page.calculators
()
>>> render_markers("<!-- sample-week: hip_thrust:3:2 -->\\n", Context(""), "guide.md")
Traceback (most recent call last):
...
sitebuild.marker_types.MarkerError: guide.md:1: unknown marker 'sample-week' (known: calculator, warning-signs, evidence-grade, volume-week, protein-table, exercise-muscles, corrections-route)
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Final

from . import page_figures
from .calculators import render_calculator_marker
from .marker_types import Context, MarkerError, Renderer

__all__ = ["MARKERS", "Context", "MarkerError", "RenderedPage", "render_markers", "review_due"]

#: Every marker a page may hold, and its renderer.
MARKERS: Final[dict[str, Renderer]] = {
    "calculator": render_calculator_marker,
    "warning-signs": page_figures.render_warning_signs,
    "evidence-grade": page_figures.render_evidence_grade,
    "volume-week": page_figures.render_volume_week,
    "protein-table": page_figures.render_protein_table,
    "exercise-muscles": page_figures.render_exercise_muscles,
    "corrections-route": page_figures.render_corrections_route,
}
#: The calculator marker's name: pages with it start Python early (see sitebuild.runtime_cache).
CALCULATOR: Final = "calculator"

#: A marker: `<!-- name: arguments -->` alone on its line (indented inside a tab or admonition).
MARKER: Final = re.compile(
    r"^(?P<indent>[ \t]*)<!--[ \t]*(?P<name>[a-z]+(?:-[a-z]+)*)[ \t]*:(?P<args>[^\n]*?)-->[ \t]*$",
    re.M,
)


def _loose(name: str) -> str:
    """A pattern for `name` as it might be mistyped: any separator or none, singular or plural.

    >>> _loose("warning-signs")
    'warning[ _-]?signs?'
    """
    words = name.split("-")
    words[-1] = words[-1].removesuffix("s")
    return r"[ _-]?".join(re.escape(word) for word in words) + "s?"


#: Anything that starts like one of the markers, to catch a marker written wrongly.
LOOSE_MARKER: Final = re.compile(
    r"<!--\s*(?P<name>" + "|".join(_loose(name) for name in MARKERS) + r")\b", re.I
)


@dataclass(frozen=True)
class RenderedPage:
    """A page's Markdown with its markers rendered, and the calculators it shows."""

    text: str
    calculators: tuple[str, ...]


def render_markers(markdown: str, context: Context, where: str) -> RenderedPage:
    """Every marker in ``markdown`` replaced by what its renderer writes; ``where`` names the
    page in errors (:class:`MarkerError`, with the marker's line)."""
    calculators: list[str] = []

    def line_of(position: int) -> int:
        return markdown[:position].count("\n") + 1

    def render(match: re.Match[str]) -> str:
        name = match["name"]
        at = f"{where}:{line_of(match.start())}"
        if name not in MARKERS:
            raise MarkerError(f"{at}: unknown marker {name!r} (known: {', '.join(MARKERS)})")
        try:
            written = MARKERS[name](match["args"], context)
        except MarkerError as error:
            raise MarkerError(f"{at}: {name} marker: {error}") from None
        if name == CALCULATOR:
            calculators.append(match["args"].strip())
        indent = match["indent"]
        # The marker's line keeps its own newline, so the renderer's last one goes.
        lines = written.removesuffix("\n").split("\n")
        return "\n".join(indent + line if line else line for line in lines)

    rendered = MARKER.sub(render, markdown)
    leftover = LOOSE_MARKER.search(rendered)
    if leftover:
        line = rendered[: leftover.start()].count("\n") + 1
        raise MarkerError(
            f"{where}:{line}: malformed marker {leftover['name']!r}; write it alone on its line, "
            "e.g. <!-- calculator: protein --> or <!-- volume-week: hip_thrust:3:2 -->"
        )
    return RenderedPage(rendered, tuple(calculators))


def review_due(meta: dict[str, object], where: str) -> datetime.date | None:
    """The page's `review_due` date (front matter), if it has one; a malformed date raises
    :class:`MarkerError`.

    >>> review_due({"review_due": "2027-01-31"}, "p.md")
    datetime.date(2027, 1, 31)
    """
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
