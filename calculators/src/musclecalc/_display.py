"""What the page shows for a result, as value types: words and numbers already written.

Each calculator's module writes its :class:`Display` (its ``present`` step). :mod:`._html` turns
a display into the page's HTML and :mod:`._cli` into terminal text; neither adds wording.

>>> grams(126), kcal(2298.26), count(1, "muscle"), count(3, "muscle")
('126 g', '2,298 kcal', '1 muscle', '3 muscles')
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ._handout import Handout
from ._numbers import format_decimal, format_whole
from ._reading import Values
from ._units import UNITS
from ._warning_signs import LEVEL_ORDER, Call

__all__ = [
    "Alert",
    "Call",
    "Chart",
    "Display",
    "Fact",
    "Figure",
    "Link",
    "Ranked",
    "RankedItem",
    "Table",
    "as_entered",
    "call_list",
    "count",
    "grams",
    "kcal",
    "sentence",
]


@dataclass(frozen=True)
class Link:
    """A link inside the site: ``path`` is relative to the site's root, such as
    ``"causes/too-little-protein/"`` or ``"calculators/protein/#weight=80"``."""

    text: str
    path: str


@dataclass(frozen=True)
class Fact:
    """One line of the result's definition list."""

    label: str
    value: str


@dataclass(frozen=True)
class Table:
    """A table with a caption, column headings and rows of text."""

    caption: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    def __post_init__(self) -> None:
        if any(len(row) != len(self.columns) for row in self.rows):
            raise ValueError("every row needs one cell per column")


@dataclass(frozen=True)
class Chart:
    """An SVG chart and the same information as one or two sentences of text."""

    svg: str
    description: str


@dataclass(frozen=True)
class Figure:
    """One chart with its numbers as a table, for screen readers and print (the progress
    log draws one per measure)."""

    chart: Chart
    table: Table


@dataclass(frozen=True)
class Alert:
    """A message that must be read before anything else, at one of the warning-sign levels
    (:data:`._warning_signs.LEVEL_ORDER`).

    ``title`` says the level in words (never only by colour), ``reasons`` say why, and
    ``action`` says what to do; ``link`` points to the page that explains the level; ``calls``
    are the numbers to call, shown before the action.
    """

    level: str
    title: str
    reasons: tuple[str, ...]
    action: str
    link: Link | None = None
    calls: tuple[Call, ...] = ()

    def __post_init__(self) -> None:
        if self.level not in LEVEL_ORDER:
            raise ValueError(f"unknown alert level {self.level!r}")


@dataclass(frozen=True)
class RankedItem:
    """One entry of a ranked list: a title linked to its page, a badge such as "Likely",
    the reasons in the reader's own numbers, and links to go on with."""

    title: str
    link: Link
    badge: str
    reasons: tuple[str, ...]
    next_steps: tuple[Link, ...] = ()


@dataclass(frozen=True)
class Ranked:
    """A list in order, most important first, under a heading; ``lead`` is a sentence under
    the heading, and ``also`` a second list of less likely items under ``also_heading``."""

    heading: str
    items: tuple[RankedItem, ...]
    lead: str = ""
    also_heading: str = ""
    also: tuple[RankedItem, ...] = ()


@dataclass(frozen=True)
class Display:
    """Everything the page shows for one result.

    The *answer* (alert, summary, facts, ranked list, warnings) is what a screen reader
    announces when it changes; the *details* (chart, table, notes, method and sources) follow.
    """

    summary: str
    facts: tuple[Fact, ...]
    method: str
    sources: tuple[str, ...]
    table: Table | None = None
    chart: Chart | None = None
    warnings: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    alert: Alert | None = None
    ranked: Ranked | None = None
    figures: tuple[Figure, ...] = ()
    handout: Handout | None = None

    def to_json(self) -> dict[str, Any]:
        """The display as JSON, for tests and ``--json``."""
        return {
            "summary": self.summary,
            "facts": [{"label": f.label, "value": f.value} for f in self.facts],
            "table": None if self.table is None else _table_json(self.table),
            "chart": None
            if self.chart is None
            else {"svg": self.chart.svg, "description": self.chart.description},
            "warnings": list(self.warnings),
            "notes": list(self.notes),
            "method": self.method,
            "sources": list(self.sources),
            "alert": None if self.alert is None else _alert_json(self.alert),
            "ranked": None if self.ranked is None else _ranked_json(self.ranked),
            "figures": [
                {
                    "chart": {"svg": f.chart.svg, "description": f.chart.description},
                    "table": _table_json(f.table),
                }
                for f in self.figures
            ],
            "handout": None if self.handout is None else _handout_json(self.handout),
        }


def _handout_json(handout: Handout) -> dict[str, Any]:
    return {
        "title": handout.title,
        "sections": [
            {"heading": s.heading, "items": list(s.items), "numbered": s.numbered}
            for s in handout.sections
        ],
        "closing": handout.closing,
    }


def _table_json(table: Table) -> dict[str, Any]:
    return {
        "caption": table.caption,
        "columns": list(table.columns),
        "rows": [list(row) for row in table.rows],
    }


def _link_json(link: Link) -> dict[str, str]:
    return {"text": link.text, "path": link.path}


def _alert_json(alert: Alert) -> dict[str, Any]:
    return {
        "level": alert.level,
        "title": alert.title,
        "reasons": list(alert.reasons),
        "action": alert.action,
        "link": None if alert.link is None else _link_json(alert.link),
        "calls": [{"number": c.number, "where": c.where} for c in alert.calls],
    }


def _ranked_json(ranked: Ranked) -> dict[str, Any]:
    return {
        "heading": ranked.heading,
        "lead": ranked.lead,
        "items": [_item_json(item) for item in ranked.items],
        "also_heading": ranked.also_heading,
        "also": [_item_json(item) for item in ranked.also],
    }


def _item_json(item: RankedItem) -> dict[str, Any]:
    return {
        "title": item.title,
        "link": _link_json(item.link),
        "badge": item.badge,
        "reasons": list(item.reasons),
        "next_steps": [_link_json(link) for link in item.next_steps],
    }


# ------------------------------------------------------------------------- shared wording


def grams(value: float) -> str:
    """Grams as a whole number with its unit."""
    return f"{format_whole(value)} g"


def kcal(value: float) -> str:
    """Kilocalories as a whole number with thousands separators."""
    return f"{format_whole(value)} kcal"


def call_list(calls: tuple[Call, ...], number: Callable[[str], str] = str) -> str:
    """The sentence that says which numbers to call, each number written by ``number``.

    >>> call_list((Call("999", "in the UK"), Call("112", "in the EU"), Call("911", "in the US")))
    'Call 999 in the UK, 112 in the EU or 911 in the US.'
    >>> call_list((Call("999", "in the UK"),), lambda n: f"[{n}](tel:{n})")
    'Call [999](tel:999) in the UK.'
    """
    parts = [f"{number(call.number)} {call.where}" for call in calls]
    if not parts:
        return ""
    joined = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " or " + parts[-1]
    return f"Call {joined}."


def sentence(text: str) -> str:
    """A clause as a sentence: a capital first letter and a full stop.

    >>> sentence("numbness around the bottom")
    'Numbness around the bottom.'
    """
    return text[:1].upper() + text[1:] + "."


def count(number: int, singular: str) -> str:
    """A count with its noun, plural when it is not 1."""
    return f"{number} {singular if number == 1 else singular + 's'}"


def as_entered(values: Values, name: str, unit_field: str, base_unit: str) -> str:
    """A measurement as typed, with the base-unit value when another unit was used."""
    unit = values.choice(unit_field)
    entered = values.entered[name]
    assert entered is not None
    text = f"{format_decimal(entered, 1)} {UNITS[unit].symbol}"
    if unit != base_unit:
        text += f" ({format_decimal(values.number(name), 1)} {base_unit})"
    return text
