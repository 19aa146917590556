"""Take the colour-switch rule out of Material's palette stylesheet, so loading a page restyles it
fewer times.

Material's palette component (the light/dark toggle) runs on every page load: it sets a
`data-md-color-switching` attribute on `<body>` and takes it away a moment later. Its stylesheet
has one rule naming that attribute, `[data-md-color-switching] *, ... {transition-duration: 0ms
!important}` (while a reader switches themes, colours change at once instead of fading). Because
a selector names the attribute, setting and removing it each make the browser restyle every
element of the page: on the energy calculator (740 elements, 4x CPU slowdown) two of the load's
five full restyles, 77 to 146 ms each, inside the long tasks Lighthouse counts as blocking. With
no rule naming the attribute, changing it restyles nothing. What readers lose: switching light and
dark now fades the colours that Material animates (0.25 s) instead of snapping.

The rule is found by its selector; a Material release without it fails the build loudly, so the
step is looked at again rather than silently doing nothing.

>>> css = "a{color:red}[data-md-color-switching] *,[data-md-color-switching] :after{transition-duration:0ms!important}b{x:y}"
>>> without_switching_rule(css)
'a{color:red}b{x:y}'
>>> without_switching_rule("@media screen{a,[data-md-color-switching] *{transition:none}}")
'@media screen{}'
>>> without_switching_rule("a{color:red}")
Traceback (most recent call last):
...
sitebuild.theme_switch.ThemeSwitchRuleMissing: no [data-md-color-switching] rule to remove
"""

from __future__ import annotations

import re
from pathlib import Path

__all__ = ["ThemeSwitchRuleMissing", "remove_switching_rule", "without_switching_rule"]

ATTRIBUTE = "data-md-color-switching"
#: A whole rule (from the end of the one before it) whose selector list names the attribute.
_RULE = re.compile(r"(?:(?<=[{}])|^)[^{}@]*\[" + ATTRIBUTE + r"\][^{}]*\{[^{}]*\}")


class ThemeSwitchRuleMissing(Exception):
    """Material's stylesheets have no rule naming the colour-switch attribute any more."""


def without_switching_rule(css: str) -> str:
    """`css` without the rules whose selector list names the colour-switch attribute."""
    rewritten, count = _RULE.subn("", css)
    if not count:
        raise ThemeSwitchRuleMissing(f"no [{ATTRIBUTE}] rule to remove")
    return rewritten


def remove_switching_rule(site_dir: Path) -> list[Path]:
    """Rewrite each of Material's stylesheets under `site_dir` that names the attribute; the
    files rewritten. None at all fails: the rule moved and this step needs a new look."""
    rewritten = []
    for css_path in sorted((site_dir / "assets" / "stylesheets").glob("*.min.css")):
        css = css_path.read_text(encoding="utf-8")
        if ATTRIBUTE in css:
            css_path.write_text(without_switching_rule(css), encoding="utf-8")
            rewritten.append(css_path)
    if not rewritten:
        raise ThemeSwitchRuleMissing(f"no stylesheet under {site_dir} names [{ATTRIBUTE}]")
    return rewritten
