"""A one-page summary to take to a doctor ("Take this to your doctor"), as value types and as
plain text; :mod:`._html` writes the same summary as HTML, line for line.

A :class:`Handout` holds what the reader gave and what the check said; the :class:`Stamp` says
when it was made and where, and is added as the page is written (the build's worked example has
no date: it is not anyone's answer).

>>> handout = Handout("Take this", (HandoutSection("Signs", ("Numb feet",)),), "Not a diagnosis.")
>>> print(handout_text(handout, Stamp(made_on=datetime.date(2026, 12, 4), address="https://x/")))
Take this
Made on 4 December 2026.
<BLANKLINE>
Signs
- Numb feet
<BLANKLINE>
From the self-check at https://x/
Not a diagnosis.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Final

__all__ = [
    "EXAMPLE_LINE",
    "Handout",
    "HandoutSection",
    "Stamp",
    "from_line",
    "handout_text",
    "made_line",
]

#: What the build's worked example says in place of a date.
EXAMPLE_LINE: Final = (
    "Worked example for the values shown on the page, not anyone's answers: your own summary "
    "shows the date you make it."
)
_MONTHS: Final = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@dataclass(frozen=True)
class HandoutSection:
    """A heading and its lines, shown as a list (numbered when ``numbered``)."""

    heading: str
    items: tuple[str, ...]
    numbered: bool = False


@dataclass(frozen=True)
class Handout:
    """The summary: a title, its sections in order, and a closing line."""

    title: str
    sections: tuple[HandoutSection, ...]
    closing: str


@dataclass(frozen=True)
class Stamp:
    """When the summary was made (``None`` for the build's worked example) and the public
    address of the page that made it (``""`` when not known)."""

    made_on: datetime.date | None = None
    address: str = ""


def made_line(stamp: Stamp) -> str:
    """The line under the title: the date in words, or that this is the worked example.

    >>> made_line(Stamp(datetime.date(2027, 1, 9))), made_line(Stamp()).startswith("Worked")
    ('Made on 9 January 2027.', True)
    """
    day = stamp.made_on
    if day is None:
        return EXAMPLE_LINE
    return f"Made on {day.day} {_MONTHS[day.month - 1]} {day.year}."


def from_line(stamp: Stamp) -> str:
    """The line that says where the summary comes from (before the address, if known)."""
    return "From the self-check at " if stamp.address else "From the site's self-check."


def _item(index: int, section: HandoutSection, item: str) -> str:
    return f"{index}. {item}" if section.numbered else f"- {item}"


def handout_text(handout: Handout, stamp: Stamp) -> str:
    """The summary as plain text, for the clipboard: one line per item, a blank line between
    sections."""
    lines = [handout.title, made_line(stamp)]
    for section in handout.sections:
        lines += ["", section.heading]
        lines += [_item(i, section, item) for i, item in enumerate(section.items, 1)]
    lines += ["", from_line(stamp) + stamp.address, handout.closing]
    return "\n".join(lines)
