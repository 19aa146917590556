"""Keep Material's palette component from putting a `color-scheme` meta tag into every page, so
loading a page restyles it once fewer.

On every load the palette component (the light/dark toggle) creates `<meta name="color-scheme">`,
appends it to `<head>` and then fills in its `content` from the header's computed `color-scheme`.
Blink restyles every element of the page when the document's colour scheme changes: in Chromium
traces of the energy calculator (4x CPU slowdown) filling the tag in restyled all 745 elements
(71-87 ms), inside the bundle's first long task, which Lighthouse counts as blocking.

This step rewrites Material's bundle so the tag is created but never attached: setting its content
then touches nothing. The colour scheme still reaches what it is for: Material's own stylesheets
set `color-scheme` on `<body>` for each palette (`light` for default, `dark` for slate), which form
controls, scrollbars inside the page and the calculators inherit, and the site's stylesheet sets
`color-scheme: dark` on the root while the slate palette is on, for the page's own scrollbar
(`:root:has(> body[data-md-color-scheme=slate])`, assets/stylesheets/site.css). What readers lose:
nothing we could find; a browser that reads the meta tag before any style (none that we test) would
paint the first frame's canvas light on a dark device, as it did before Material's script ran.

The code is found by its shape; a Material release without it fails the build loudly, so the step
is looked at again rather than silently doing nothing.

>>> js = 'let r=x("meta",{name:"theme-color"});document.head.appendChild(r);let o=x("meta",{name:"color-scheme"});document.head.appendChild(o);o.content="light"'
>>> without_color_scheme_meta(js)
'let r=x("meta",{name:"theme-color"});document.head.appendChild(r);let o=x("meta",{name:"color-scheme"});o.content="light"'
>>> without_color_scheme_meta("let r=1")
Traceback (most recent call last):
...
sitebuild.color_scheme_meta.ColorSchemeMetaMissing: no color-scheme meta tag appended in this bundle
"""

from __future__ import annotations

import re
from pathlib import Path

from .material_bundle import rewrite_bundles

__all__ = ["ColorSchemeMetaMissing", "detach_color_scheme_meta", "without_color_scheme_meta"]

#: `let o=x("meta",{name:"color-scheme"});document.head.appendChild(o);` with any minified names.
_APPEND = re.compile(
    r"""(let\s+([\w$]+)\s*=\s*[\w$]+\(\s*"meta"\s*,\s*\{\s*name\s*:\s*"color-scheme"\s*\}\s*\)\s*;)"""
    r"""\s*document\.head\.appendChild\(\s*\2\s*\)\s*;"""
)


class ColorSchemeMetaMissing(Exception):
    """Material's bundle no longer appends a color-scheme meta tag the way this step expects."""


def without_color_scheme_meta(js: str) -> str:
    """`js` with the one statement that appends the color-scheme meta tag to `<head>` removed."""
    rewritten, count = _APPEND.subn(r"\1", js)
    if count != 1:
        raise ColorSchemeMetaMissing(
            "no color-scheme meta tag appended in this bundle"
            if not count
            else f"{count} color-scheme meta tags appended; expected one"
        )
    return rewritten


def detach_color_scheme_meta(site_dir: Path) -> list[Path]:
    """Rewrite Material's bundle under `site_dir`; the files rewritten. No bundle, or a bundle
    without the statement, fails: Material changed and this step needs a new look."""
    return rewrite_bundles(site_dir, without_color_scheme_meta, ColorSchemeMetaMissing)
