"""Readability of the guide pages: Flesch reading ease of each page's prose.

The prose is the page without its front matter, Sources section, tables, code, HTML, link
targets and Markdown markup, so the score measures the sentences a reader reads.

    python scripts/readability.py            # every guide page, lowest first
    python scripts/readability.py docs/causes/age.md
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import textstat

DOCS = Path(__file__).resolve().parent.parent / "docs"
#: Folders and pages that are guides (calculator pages are mostly forms and formulas).
GUIDE_GLOBS = ("index.md", "causes/*.md", "exercises/*.md", "red-flags.md", "about.md")
#: The lowest Flesch reading ease a guide page may have (60-70 is "plain English").
MINIMUM_SCORE = 50.0


def guide_pages() -> list[Path]:
    """Every guide page, sorted by path."""
    return sorted({p for pattern in GUIDE_GLOBS for p in DOCS.glob(pattern)})


def prose(markdown: str) -> str:
    """The sentences of a page, with markup, tables, code and the Sources section removed."""
    text = re.sub(r"\A---\n.*?\n---\n", "", markdown, flags=re.S)
    text = re.split(r"^##\s+(?:Sources|Bibliography|References)\b.*$", text, flags=re.M)[0]
    text = re.sub(r"^```.*?^```", "", text, flags=re.S | re.M)
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", text)
    lines = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("|") or stripped.startswith("*[") or stripped.startswith("[^"):
            continue  # table rows, abbreviation and footnote definitions
        stripped = re.sub(r'^(?:!!!|\?\?\?\+?|===)\s*\w*\s*(?:"([^"]*)")?', r"\1.", stripped)
        stripped = re.sub(r"^(?:#+|[-*+]|\d+\.)\s+(?:\[[ xX]\]\s+)?", "", stripped)
        lines.append(stripped)
    text = "\n".join(lines)
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)(\{[^}]*\})?", "", text)  # images: alt text is not prose
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)  # links keep their words
    text = re.sub(r"\{[^}]*\}", "", text)  # attribute lists
    text = re.sub(r"[*_`]+", "", text)
    # A heading or list item without a full stop is still a sentence for the reader.
    text = re.sub(r"([^\s.!?:;])\n", r"\1.\n", text)
    return re.sub(r"\s+", " ", text).strip()


def score(path: Path) -> float:
    """Flesch reading ease of one page's prose."""
    return float(textstat.flesch_reading_ease(prose(path.read_text(encoding="utf-8"))))


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or guide_pages()
    rows = sorted((score(p), p) for p in paths)
    for value, path in rows:
        flag = "" if value >= MINIMUM_SCORE else f"  below {MINIMUM_SCORE:g}"
        print(
            f"{value:6.1f}  {path.relative_to(DOCS) if path.is_relative_to(DOCS) else path}{flag}"
        )
    return 0 if all(value >= MINIMUM_SCORE for value, _ in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
