"""Give two of Material's controls the accessible names its templates leave out.

- The search dialog (`role="dialog"`) gets `aria-label="Search this site"`.
- Task-list checkboxes (pymdownx.tasklist) get their item's text as `aria-label`, so a screen
  reader says what each box on a checklist is for.

A page that has a search box whose markup no longer matches fails the build, so an upgrade of
Material cannot silently drop the fix.
"""

from __future__ import annotations

import re
from html import escape, unescape

SEARCH_DIALOG = re.compile(
    r'(<div class="md-search" data-md-component="search" role="dialog")(?![^>]*aria-label)'
)
TASK_ITEM = re.compile(
    r'(<li class="task-list-item">\s*(?:<label class="task-list-control">)?\s*<input type="checkbox")'
    r"(?P<rest>[^>]*>)(?P<after>.*?)(?=<ul|<ol|</li>)",
    re.S,
)


class AccessibleNameError(Exception):
    """Material's markup no longer matches what this module names."""


def text_of(html: str) -> str:
    """The words an HTML fragment shows, tags dropped and spaces collapsed, as a name to give.

    >>> text_of("Fat &amp; <em>lean</em>\\n mass")
    'Fat & lean mass'
    >>> text_of('See <a href="x/">the <abbr title="National Health Service">NHS</abbr></a>.')
    'See the NHS.'
    """
    return " ".join(unescape(re.sub(r"<[^>]+>", "", html)).split())


def name_controls(html: str, where: str) -> str:
    if 'class="md-search"' in html:
        html, count = SEARCH_DIALOG.subn(r'\1 aria-label="Search this site"', html)
        if count != 1 and 'aria-label="Search this site"' not in html:
            raise AccessibleNameError(
                f"{where}: Material's search dialog markup changed; update accessible_names.py"
            )

    def label(match: re.Match[str]) -> str:
        text = text_of(match.group("after")) or "Checklist item"
        return f'{match.group(1)} aria-label="{escape(text)}"{match.group("rest")}{match.group("after")}'

    return TASK_ITEM.sub(label, html)
