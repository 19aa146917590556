"""A calculator's checklist as HTML: its boxes, and the self-check's warning signs in groups.

Phone first (issue 25): an open group is a headed list, a folded one a ``<details>`` that opens
on tap without script. A group's alert (what to do, written by musclecalc's one answer
renderer) is drawn above all the boxes and shown by CSS alone while one of its boxes is ticked;
the page's script (warning-signs.mjs) scrolls it into view and says it aloud. "None of these"
links to the form's next section.

>>> check_box("symptoms", "falls", "Falling <more>", "routine")  # doctest: +NORMALIZE_WHITESPACE
'<li><label class="mc-check__label"><input type="checkbox" class="mc-check" name="symptoms"
value="falls" data-name="symptoms" data-key="symptoms" data-group="routine"> Falling
&lt;more&gt;</label></li>'
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from musclecalc._fields import ChecklistField, ChecklistGroup
from musclecalc._html import render_alert

__all__ = ["check_box", "grouped_checklist"]


def check_box(name: str, value: str, label: str, group: str = "") -> str:
    """One box of a checklist, as a list item whose whole label is the target."""
    extra = f' data-group="{escape(group)}"' if group else ""
    return (
        '<li><label class="mc-check__label"><input type="checkbox" class="mc-check"'
        f' name="{escape(name)}" value="{escape(value)}" data-name="{escape(name)}"'
        f' data-key="{escape(name)}"{extra}> {escape(label)}</label></li>'
    )


def grouped_checklist(
    calc: str,
    field: ChecklistField,
    site_root: str,
    none_target: str | None,
    below: list[str],
    described_by: str,
) -> str:
    """A checklist in its groups, with each group's alert above, the help and error lines
    (``below``), and "None of these" linking to the element ``none_target``."""
    name = field.name
    labels = {option.value: option.label for option in field.options}
    lines = [
        f'<fieldset class="mc-field mc-field--checklist mc-signs" data-field="{escape(name)}"'
        f' aria-describedby="{escape(described_by)}">',
        f'<legend class="mc-field__label">{escape(field.label)}</legend>',
    ]
    for group in field.groups:
        if group.alert is not None:
            lines.append(
                f'<div class="mc-now" id="mc-{calc}-{name}-now-{escape(group.key)}"'
                f' data-group="{escape(group.key)}">'
                f"{render_alert(group.alert, site_root)}</div>"
            )
    lines.append('<p class="mc-visually-hidden" aria-live="assertive" data-now-live></p>')
    for group in field.groups:
        lines += _group(calc, name, group, labels)
    lines += below
    if field.none_label and none_target is not None:
        lines.append(
            '<p class="mc-signs__none"><a class="md-button" data-action="no-signs"'
            f' href="#{escape(none_target)}">{escape(field.none_label)}</a></p>'
        )
    return "\n".join([*lines, "</fieldset>"])


def _group(calc: str, name: str, group: ChecklistGroup, labels: Mapping[str, str]) -> list[str]:
    heading_id = f"mc-{calc}-{name}-{group.key}-heading"
    heading = escape(group.heading)
    boxes = [check_box(name, value, labels[value], group.key) for value in group.values]
    listed = [f'<ul class="mc-checklist" aria-labelledby="{heading_id}">', *boxes, "</ul>"]
    if group.folded:
        return [
            f'<details class="mc-signs__more" data-group="{escape(group.key)}">',
            f'<summary id="{heading_id}">{heading}</summary>',
            *listed,
            "</details>",
        ]
    return [f'<p class="mc-signs__heading" id="{heading_id}">{heading}</p>', *listed]
