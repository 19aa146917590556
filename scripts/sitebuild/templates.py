"""Files the build writes from a template (`service-worker.js`, `search-worker.js`, and the site's
copy of `calculator-worker.mjs`): the template's text with each placeholder replaced by a value."""

from __future__ import annotations

from pathlib import Path


class TemplateError(Exception):
    """A template does not hold one of its placeholders exactly once."""


def fill(template: Path, values: dict[str, str]) -> str:
    """The text of `template` with each placeholder (a key of `values`) replaced by its value;
    every placeholder must occur exactly once."""
    text = template.read_text(encoding="utf-8")
    for placeholder, value in values.items():
        if text.count(placeholder) != 1:
            raise TemplateError(f"{template.name}: {placeholder} must occur exactly once")
        text = text.replace(placeholder, value)
    return text
