"""Nothing in the published site tells a visitor what built it or how its bundles were written.

Material for MkDocs ships source maps beside its bundles (`bundle.<hash>.min.js.map`,
`main.<hash>.min.css.map`, the search worker's) with a `sourceMappingURL` comment at the end of
each bundle, and its base template writes `<meta name="generator" content="mkdocs-1.6.1,
mkdocs-material-9.8.1">` into every page: exact versions for anyone scanning for a known flaw,
and source a reader never needs. After the build, `remove_build_traces()` deletes every `*.map`
file, the comments that point at them, and the generator tag. The template override is left
alone (overrides only extend blocks), so this is a rewrite of the written files, like
sitebuild.inline_scripts.

The runtime's folder (`assets/pyodide/`) is skipped: its files stay byte for byte the ones in the
pinned npm tarball (their `sourceMappingURL` names a map that was never copied). It is a step of
sitebuild.post_build, before the content hashes, the service worker's deploy id and the
precompressed copies; sitebuild.offline strips the comments from the Workbox files it copies later.

>>> strip_source_map_comment("let a=1;\\n//# sourceMappingURL=bundle.min.js.map\\n")
'let a=1;\\n'
>>> strip_generator('<meta charset="utf-8">\\n  <meta name="generator" content="mkdocs-1.6.1">\\n')
'<meta charset="utf-8">\\n'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

SKIPPED = ("assets/pyodide/",)
SCRIPT_SUFFIXES = (".js", ".mjs", ".css")
_SOURCE_MAP_COMMENT = re.compile(
    r"^[ \t]*(?://[#@] sourceMappingURL=\S*|/\*[#@] sourceMappingURL=\S*?\s*\*/)[ \t]*\n?",
    re.MULTILINE,
)
_GENERATOR = re.compile(r"[ \t]*<meta\s+name=\"generator\"[^>]*>[ \t]*\n?", re.IGNORECASE)


@dataclass(frozen=True)
class Removed:
    """What `remove_build_traces` took out of a site: map files deleted, files rewritten."""

    maps: tuple[str, ...]
    rewritten: tuple[str, ...]


def strip_source_map_comment(text: str) -> str:
    """`text` without its `sourceMappingURL` comments (JavaScript `//#` or CSS `/*# */`)."""
    return _SOURCE_MAP_COMMENT.sub("", text)


def strip_generator(html: str) -> str:
    """`html` without its `<meta name="generator">` tag."""
    return _GENERATOR.sub("", html)


def _published(site_dir: Path, suffixes: tuple[str, ...]) -> list[Path]:
    return sorted(
        file
        for file in site_dir.rglob("*")
        if file.is_file()
        and file.name.endswith(suffixes)
        and not file.relative_to(site_dir).as_posix().startswith(SKIPPED)
    )


def remove_build_traces(site_dir: Path) -> Removed:
    """Delete the source maps and the comments and tags naming the tools, in place."""
    maps = _published(site_dir, (".map",))
    for file in maps:
        file.unlink()
    rewritten = []
    for file in _published(site_dir, (*SCRIPT_SUFFIXES, ".html")):
        text = file.read_text(encoding="utf-8")
        new = strip_generator(text) if file.suffix == ".html" else strip_source_map_comment(text)
        if new != text:
            file.write_text(new, encoding="utf-8")
            rewritten.append(file)
    return Removed(
        tuple(f.relative_to(site_dir).as_posix() for f in maps),
        tuple(f.relative_to(site_dir).as_posix() for f in rewritten),
    )
