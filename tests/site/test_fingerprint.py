"""The site's own scripts and stylesheet carry a hash of their content in their names, so the
service worker and static hosts keep them for good; every reference follows the new names."""

from __future__ import annotations

import hashlib
import re
from graphlib import TopologicalSorter
from pathlib import Path

import pytest

from sitebuild import ROOT
from sitebuild.fingerprint import (
    HASH_LENGTH,
    FingerprintError,
    fingerprint,
    hashed_name,
    own_assets,
    references,
    unhashed_references,
)
from support.site import Build

HASHED = re.compile(rf"^(?P<stem>[a-z-]+)\.(?P<hash>[0-9a-f]{{{HASH_LENGTH}}})\.(?:mjs|css)$")


def write(site: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")


def test_the_sources_refer_to_each_other_without_a_cycle() -> None:
    # Fingerprinting counts a JSDoc type's `import("./x.mjs")` as a reference too: a module that
    # names the type of one that imports it would fail the build. Caught here, before a build.
    docs = ROOT / "docs"
    assets = set(own_assets(docs))
    graph = {name: references((docs / name).read_text("utf-8"), name, assets) for name in assets}
    assert "assets/javascripts/calculator-page.mjs" in graph
    assert "assets/javascripts/entry-rows.mjs" in graph["assets/javascripts/calculator-page.mjs"]
    list(TopologicalSorter(graph).static_order())  # raises CycleError on a cycle


def test_a_module_hash_covers_the_new_names_of_what_it_imports(tmp_path: Path) -> None:
    site = tmp_path
    js = "assets/javascripts"
    files = {
        f"{js}/leaf.mjs": "export const a = 1;\n",
        f"{js}/top.mjs": 'import { a } from "./leaf.mjs";\nconst w = new URL("./leaf.mjs", import.meta.url);\n',
        "assets/stylesheets/site.css": "body { color: black; }\n",
        "index.html": '<link href="assets/stylesheets/site.css"><script src="assets/javascripts/top.mjs">',
        "guide/index.html": '<script src="../assets/javascripts/top.mjs?x" type="module">',
        "404.html": '<script src="/assets/javascripts/top.mjs"></script> (top.mjs in prose)',
    }
    write(site, files)
    renamed = fingerprint(site)
    assert sorted(renamed) == sorted(n for n in files if n.startswith("assets/"))
    leaf, top = renamed[f"{js}/leaf.mjs"], renamed[f"{js}/top.mjs"]
    top_text = (site / top).read_text()
    assert top_text.count(f'"./{Path(leaf).name}"') == 2
    assert Path(top).name == hashed_name("top.mjs", top_text.encode())
    assert (site / "index.html").read_text() == (
        f'<link href="{renamed["assets/stylesheets/site.css"]}"><script src="{top}">'
    )
    assert f'"../{top}?x"' in (site / "guide/index.html").read_text()
    assert (site / "404.html").read_text() == f'<script src="/{top}"></script> (top.mjs in prose)'
    assert not any((site / name).exists() for name in renamed)
    assert unhashed_references(site) == []

    # A change to the imported module renames the module that imports it as well.
    write(tmp_path / "again", {**files, f"{js}/leaf.mjs": "export const a = 2;\n"})
    again = fingerprint(tmp_path / "again")
    assert again[f"{js}/leaf.mjs"] != leaf and again[f"{js}/top.mjs"] != top
    assert again["assets/stylesheets/site.css"] == renamed["assets/stylesheets/site.css"]


def test_modules_that_import_each_other_fail_the_build(tmp_path: Path) -> None:
    js = "assets/javascripts"
    write(tmp_path, {f"{js}/a.mjs": 'import "./b.mjs";', f"{js}/b.mjs": 'import "./a.mjs";'})
    with pytest.raises(FingerprintError, match="cycle"):
        fingerprint(tmp_path)


def test_a_site_without_own_assets_fails_the_build(tmp_path: Path) -> None:
    write(tmp_path, {"index.html": "<p>"})
    with pytest.raises(FingerprintError, match="no unhashed"):
        fingerprint(tmp_path)


def test_the_built_site_names_its_own_assets_by_their_content(build: Build) -> None:
    own = [
        *(build.site_dir / "assets" / "javascripts").glob("*.mjs"),
        *(build.site_dir / "assets" / "stylesheets").glob("site*.css"),
    ]
    stems = set()
    for file in own:
        found = HASHED.match(file.name)
        assert found, file.name
        stems.add(found["stem"])
        assert found["hash"] == hashlib.sha256(file.read_bytes()).hexdigest()[:HASH_LENGTH]
    source = {p.stem for p in (ROOT / "docs" / "assets" / "javascripts").glob("*.mjs")}
    assert stems == source | {"site"}
    assert unhashed_references(build.site_dir) == []
