"""Material's scroll wrappers around content tables, written at build time instead of by its bundle.

Material's content component wraps each table that has no class in
`<div class="md-typeset__scrollwrap"><div class="md-typeset__table">`, so a table wider than a
phone scrolls sideways inside the page instead of widening it. The bundle does that after the
first render, and inserting the wrappers made Chromium restyle the whole article: on the energy
calculator, 446 elements, about 100 ms at 4x CPU slowdown, in a long task Lighthouse counts as
blocking (README, `make lighthouse`).

`wrap_tables` writes the same two wrappers around each such table as MkDocs renders a page
(scripts/hooks/table_wrappers.py), and `skip_wrapped_tables` narrows the bundle's selector so it
leaves a wrapped table alone; instant navigation runs the same code on every page it brings in,
so those are covered too. Tables with a class (the calculators' own) are left as they are, as
Material leaves them. A Material bundle that selects tables some other way fails the build, so
the step is looked at again rather than wrapping twice.

Each outer wrapper also carries the name it takes if it turns out to scroll, from the heading the
table sits under (`data-scroll-name`): scrolling-tables.mjs makes a box that scrolls on the
reader's screen a named region the keyboard can reach and scroll, and leaves one that fits alone.

>>> wrap_tables("<p>x</p>\\n<table>\\n<tr><td>1</td></tr>\\n</table>")
'<p>x</p>\\n<div class="md-typeset__scrollwrap" data-scroll-name="Table (scrolls sideways)"><div class="md-typeset__table"><table>\\n<tr><td>1</td></tr>\\n</table></div></div>'
>>> heading = '<h2 id="a">Fat &amp; lean<a class="headerlink" href="#a">&para;</a></h2>'
>>> wrap_tables(heading + "<table></table>")[len(heading):]
'<div class="md-typeset__scrollwrap" data-scroll-name="Table under “Fat &amp; lean” (scrolls sideways)"><div class="md-typeset__table"><table></table></div></div>'
>>> wrap_tables('<table class="mc-table"><tr><td>1</td></tr></table>')
'<table class="mc-table"><tr><td>1</td></tr></table>'
>>> skip_wrapped_tables('...M("table:not([class])",e).map(i=>ti(i))...')
'...M("table:not([class]):not(.md-typeset__table > table)",e).map(i=>ti(i))...'
>>> skip_wrapped_tables("let a=1")
Traceback (most recent call last):
...
sitebuild.table_wrappers.TableSelectorMissing: the bundle selects "table:not([class])" 0 times; expected once
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

from .accessible_names import text_of
from .material_bundle import rewrite_bundles

__all__ = [
    "TableSelectorMissing",
    "scroll_name",
    "skip_wrapped_tables",
    "skip_wrapped_tables_in",
    "wrap_tables",
]

#: What Material's content component selects, and the same minus the tables already wrapped.
SELECTOR = '"table:not([class])"'
NARROWED = '"table:not([class]):not(.md-typeset__table > table)"'
#: A heading (its text, group 1) or a table without attributes (group 2), in page order.
_HEADING_OR_TABLE = re.compile(r"<h[1-6][^>]*>(.*?)</h[1-6]>|(<table>.*?</table>)", re.S)
_HEADER_LINK = re.compile(r'<a class="headerlink".*?</a>', re.S)
_OPEN = (
    '<div class="md-typeset__scrollwrap" data-scroll-name="{name}"><div class="md-typeset__table">'
)
_CLOSE = "</div></div>"


class TableSelectorMissing(Exception):
    """Material's bundle no longer selects content tables the way this step expects."""


def wrap_tables(html: str) -> str:
    """`html` (a page's content) with Material's two scroll wrappers around each table that has
    no attributes, as Python-Markdown writes them, each named after the heading above it."""
    heading = ""

    def wrap(match: re.Match[str]) -> str:
        nonlocal heading
        if match[2] is None:
            heading = text_of(_HEADER_LINK.sub("", match[1]))
            return match[0]
        return _OPEN.format(name=escape(scroll_name(heading))) + match[2] + _CLOSE

    return _HEADING_OR_TABLE.sub(wrap, html)


def scroll_name(heading: str) -> str:
    """What a screen reader calls a table's scrolling box, from the heading it sits under."""
    return f"Table under “{heading}” (scrolls sideways)" if heading else "Table (scrolls sideways)"


def skip_wrapped_tables(js: str) -> str:
    """Material's bundle `js` with its table selector narrowed to tables not yet wrapped."""
    count = js.count(SELECTOR)
    if count != 1:
        raise TableSelectorMissing(f"the bundle selects {SELECTOR} {count} times; expected once")
    return js.replace(SELECTOR, NARROWED)


def skip_wrapped_tables_in(site_dir: Path) -> list[Path]:
    """Rewrite Material's bundle under `site_dir`; the files rewritten. No bundle fails."""
    return rewrite_bundles(site_dir, skip_wrapped_tables, TableSelectorMissing)
