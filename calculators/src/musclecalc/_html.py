"""The one renderer of an answer as HTML: the site's build uses it for the worked answer on each
page, and the browser's worker sends the same markup for a live answer, so the two cannot drift.

Every piece of text is escaped here; the only markup not written by this module is the chart's
SVG, which :mod:`._chart` builds from escaped text and numbers. One element per line and no
blank lines, so Python-Markdown passes the markup through untouched.

>>> from ._display import Display, Fact
>>> answer, details = render(Display("Aim for <b>126 g</b>.", (Fact("Daily", "126 g"),), "m", ()))
>>> print(answer)
<p class="mc-summary">Aim for &lt;b&gt;126 g&lt;/b&gt;.</p>
<dl class="mc-facts">
<div class="mc-fact"><dt>Daily</dt><dd>126 g</dd></div>
</dl>
"""

from __future__ import annotations

import hashlib
from html import escape
from typing import Final

from ._display import Alert, Call, Chart, Display, Link, Ranked, RankedItem, Table, call_list
from ._handout import Handout, Stamp, from_line, handout_text, made_line

__all__ = ["markup_digest", "render", "render_alert", "render_handout"]

WARNINGS_TITLE: Final = "Please note"
METHOD_TITLE: Final = "Method and sources"


def _text(value: str) -> str:
    return escape(value, quote=False)


def _attr(value: str) -> str:
    return escape(value, quote=True)


def _link(link: Link, site_root: str) -> str:
    return f'<a href="{_attr(site_root + link.path)}">{_text(link.text)}</a>'


def _items(values: tuple[str, ...]) -> str:
    return "".join(f"<li>{_text(value)}</li>" for value in values)


def _calls(alert: Alert) -> str:
    """The numbers to call as tel: links, in the words of :func:`._display.call_list`.

    The places are escaped here; a number is digits only (``Call`` checks), so it needs none.
    """
    escaped = tuple(Call(call.number, _text(call.where)) for call in alert.calls)
    return call_list(escaped, lambda number: f'<a href="tel:{number}">{number}</a>')


def _alert(alert: Alert, site_root: str) -> list[str]:
    lines = [
        f'<div class="mc-alert mc-alert--{_attr(alert.level)}">',
        f'<p class="mc-alert__title"><strong>{_text(alert.title)}</strong></p>',
    ]
    if alert.reasons:
        lines.append(f'<ul class="mc-alert__reasons">{_items(alert.reasons)}</ul>')
    if alert.calls:
        # Each number is a link a phone dials with one tap; the words around it are escaped.
        lines.append(f'<p class="mc-alert__call">{_calls(alert)}</p>')
    lines.append(f'<p class="mc-alert__action">{_text(alert.action)}</p>')
    if alert.link is not None:
        lines.append(f'<p class="mc-alert__link">{_link(alert.link, site_root)}</p>')
    lines.append("</div>")
    return lines


def render_alert(alert: Alert, site_root: str = "") -> str:
    """One alert's HTML, as the answer shows it (the form shows it too, when a box is ticked).

    >>> from ._display import Call
    >>> html = render_alert(Alert("emergency", "Now", (), "Go.", calls=(Call("999", "here"),)))
    >>> 'href="tel:999"' in html and html.startswith('<div class="mc-alert mc-alert--emergency">')
    True
    """
    return "\n".join(_alert(alert, site_root))


def _ranked(ranked: Ranked, site_root: str) -> list[str]:
    lines = [
        '<section class="mc-ranked">',
        f'<h3 class="mc-ranked__heading">{_text(ranked.heading)}</h3>',
    ]
    if ranked.lead:
        lines.append(f'<p class="mc-ranked__lead">{_text(ranked.lead)}</p>')
    lines += _ranked_list(ranked.items, site_root)
    if ranked.also:
        lines.append(f'<h3 class="mc-ranked__heading">{_text(ranked.also_heading)}</h3>')
        lines += _ranked_list(ranked.also, site_root)
    lines.append("</section>")
    return lines


def _ranked_list(items: tuple[RankedItem, ...], site_root: str) -> list[str]:
    lines = ['<ol class="mc-ranked__list">']
    for item in items:
        lines.append('<li class="mc-ranked__item">')
        lines.append(
            f'<p class="mc-ranked__title">{_link(item.link, site_root)} '
            f'<span class="mc-badge">{_text(item.badge)}</span></p>'
        )
        if item.reasons:
            lines.append(f'<ul class="mc-ranked__reasons">{_items(item.reasons)}</ul>')
        if item.next_steps:
            links = ", ".join(_link(link, site_root) for link in item.next_steps)
            lines.append(f'<p class="mc-ranked__next">Next: {links}</p>')
        lines.append("</li>")
    lines.append("</ol>")
    return lines


def _answer(display: Display, site_root: str) -> list[str]:
    lines = _alert(display.alert, site_root) if display.alert is not None else []
    lines.append(f'<p class="mc-summary">{_text(display.summary)}</p>')
    if display.facts:
        lines.append('<dl class="mc-facts">')
        lines += [
            f'<div class="mc-fact"><dt>{_text(f.label)}</dt><dd>{_text(f.value)}</dd></div>'
            for f in display.facts
        ]
        lines.append("</dl>")
    if display.ranked is not None:
        lines += _ranked(display.ranked, site_root)
    if display.warnings:
        lines.append(
            f'<div class="mc-warnings"><p class="mc-warnings__title">{WARNINGS_TITLE}</p>'
            f"<ul>{_items(display.warnings)}</ul></div>"
        )
    return lines


def _chart(chart: Chart) -> str:
    return (
        f'<figure class="mc-chart-figure">{chart.svg}'
        f"<figcaption>{_text(chart.description)}</figcaption></figure>"
    )


def _table(table: Table) -> list[str]:
    head = "".join(f'<th scope="col">{_text(c)}</th>' for c in table.columns)
    lines = [
        f'<div class="mc-table-wrap"><table class="mc-table"><caption>{_text(table.caption)}</caption>',
        f"<thead><tr>{head}</tr></thead><tbody>",
    ]
    # Each cell names its column, so a phone can show a row as a small card of label: value.
    for first, *rest in table.rows:
        cells = "".join(
            f'<td data-label="{_attr(column)}">{_text(cell)}</td>'
            for column, cell in zip(table.columns[1:], rest, strict=True)
        )
        lines.append(f'<tr><th scope="row">{_text(first)}</th>{cells}</tr>')
    lines.append("</tbody></table></div>")
    return lines


#: A summary of more lines than this prints in smaller type (`data-print="compact"`, site.css) so
#: it stays on one A4 page. Measured in Chromium with every question answered: 52 lines (12 signs)
#: fit at the usual size, 55 (15 signs) did not; the longest possible, 67, fits in the smaller.
COMPACT_PRINT_LINES = 50


def render_handout(handout: Handout, stamp: Stamp) -> str:
    """The "Take this to your doctor" summary as HTML, the same lines as its plain text (which
    rides along in ``data-text``, newlines written as character references so the markup stays
    on one line per element).

    >>> from ._handout import HandoutSection
    >>> html = render_handout(Handout("T", (HandoutSection("S", ("a",)),), "c"), Stamp())
    >>> 'data-text="T&#10;Worked example' in html, "<li>a</li>" in html, "data-print" in html
    (True, True, False)
    """
    plain = handout_text(handout, stamp)
    text = _attr(plain).replace("\n", "&#10;")
    compact = ' data-print="compact"' if len(plain.splitlines()) > COMPACT_PRINT_LINES else ""
    lines = [
        f'<section class="mc-handout"{compact} aria-labelledby="mc-handout-title"'
        f' data-text="{text}">',
        f'<h2 class="mc-handout__title" id="mc-handout-title">{_text(handout.title)}</h2>',
        f'<p class="mc-handout__made">{_text(made_line(stamp))}</p>',
    ]
    for section in handout.sections:
        tag = "ol" if section.numbered else "ul"
        lines.append(f'<h3 class="mc-handout__heading">{_text(section.heading)}</h3>')
        lines.append(f"<{tag}>{_items(section.items)}</{tag}>")
    address = stamp.address
    where = f'<a href="{_attr(address)}">{_text(address)}</a>' if address else ""
    lines.append(f'<p class="mc-handout__from">{_text(from_line(stamp))}{where}</p>')
    lines.append(f'<p class="mc-handout__closing">{_text(handout.closing)}</p>')
    lines.append("</section>")
    return "\n".join(lines)


def _details(display: Display, stamp: Stamp) -> list[str]:
    lines = []
    if display.chart is not None:
        lines.append(_chart(display.chart))
    if display.table is not None:
        lines += _table(display.table)
    for figure in display.figures:
        lines.append('<section class="mc-figure">')
        lines.append(_chart(figure.chart))
        lines += _table(figure.table)
        lines.append("</section>")
    if display.notes:
        lines.append(f'<ul class="mc-notes">{_items(display.notes)}</ul>')
    lines.append(
        f'<details class="mc-method"><summary>{METHOD_TITLE}</summary>'
        f"<p>{_text(display.method)}</p>"
        f'<ol class="mc-sources">{_items(display.sources)}</ol></details>'
    )
    if display.handout is not None:
        lines.append(render_handout(display.handout, stamp))
    return lines


def markup_digest(answer: str, details: str) -> str:
    """A short fingerprint of an answer's markup, the same wherever the markup is made: the page
    keeps the worked answer the build put there when Python's live answer has the same one, so
    the browser neither rebuilds nor lays out again what it already shows.

    >>> markup_digest("<p>a</p>", "") == markup_digest("<p>a</p>", "")
    True
    >>> markup_digest("<p>a</p>", "") == markup_digest("", "<p>a</p>")
    False
    >>> len(markup_digest("", ""))
    16
    """
    both = f"{len(answer)}:{answer}{details}".encode()
    return hashlib.sha256(both).hexdigest()[:16]


def render(display: Display, site_root: str = "", stamp: Stamp | None = None) -> tuple[str, str]:
    """The answer's HTML and the details' HTML, as the page shows them.

    ``site_root`` is the relative path from the page to the site's root (``"../../"`` on
    ``calculators/protein/``); links in the answer start from it. ``stamp`` dates and places a
    summary to take to a doctor, if the display has one (undated: the worked example).
    """
    details = _details(display, stamp or Stamp())
    return "\n".join(_answer(display, site_root)), "\n".join(details)
