"""What a calculator says under its form and answer about what is kept: the "Copy link" controls
(and, for the self-check, "Clear my answers" with its note) and the line on remembered units.
:mod:`.calculators` places them."""

from __future__ import annotations

from typing import Final

from musclecalc._fields import Form, UnitField

__all__ = ["REMEMBERED_UNITS", "share_controls", "units_kept_line"]


def share_controls(calc: str, *, on_request: bool) -> str:
    """The "Copy link" control, hidden until the page's script runs (which alone can use it).
    A form whose answers stay out of the address until asked (the self-check) says so, and
    gets "Clear my answers"."""
    label = "Copy a link to these answers" if on_request else "Copy link to this answer"
    extra = (
        '<button type="button" class="md-button mc-share__clear" data-action="clear-answers">'
        "Clear my answers</button>"
        '<p class="mc-share__note">Your answers stay in this page only: they are not put in '
        "its address, your browsing history or any storage unless you ask for a link. A choice of "
        "kg or lb is the one thing this browser remembers from this form.</p>"
        if on_request
        else ""
    )
    return (
        '<div class="mc-share" hidden>'
        f'<button type="button" class="md-button mc-share__copy" data-action="copy-link">{label}</button>'
        f"{extra}"
        f'<input class="mc-share__address" id="mc-{calc}-address" type="text" readonly hidden '
        'aria-label="Link to this answer">'
        '<p class="mc-share__status" role="status"></p></div>'
    )


#: The unit fields whose choice the page remembers on the device, as unit-memory.mjs's REMEMBERED.
REMEMBERED_UNITS: Final = ("weight_unit", "height_unit", "length_unit")


def units_kept_line(form: Form) -> list[str]:
    """The line saying the unit choice is kept on this device (issue 25), for a form with a
    unit the page remembers; hidden until the page's script (which alone keeps it) runs. What
    else is kept differs: nothing (the self-check), the numbers in the address only (the other
    calculators), or the log, which the progress page's own panel describes.

    >>> from musclecalc._checkup import CHECKUP_FORM
    >>> "Nothing else" in units_kept_line(CHECKUP_FORM)[0]
    True
    """
    fields = [f for f in form.fields if f.name in REMEMBERED_UNITS]
    if not fields:
        return []
    if form.link_on_request:
        rest = " Nothing else you enter is kept."
    elif any(isinstance(f, UnitField) for f in fields):
        rest = " Your numbers are kept only in this page's address, never in that storage."
    else:
        rest = ""
    return [
        '<p class="mc-units-kept" hidden>Units you pick (kg or lb, cm or in) are remembered '
        f"in this browser's storage, and the other calculators open in them.{rest}</p>"
    ]
