"""No source maps and no generator tag with version numbers in the published site
(sitebuild.build_traces, a step of sitebuild.post_build)."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

from sitebuild import build_traces
from sitebuild.build_traces import remove_build_traces
from support.site import Build


def test_the_built_site_has_no_source_map_and_no_generator_tag(build: Build) -> None:
    site = build.site_dir
    assert sorted(site.rglob("*.map")) == []
    # Material ships maps and comments naming them beside these bundles; a real build has them.
    bundles = [
        *site.glob("assets/javascripts/bundle.*.min.js"),
        *site.glob("assets/javascripts/workers/search.*.min.js"),
        *site.glob("assets/stylesheets/*.min.css"),
        # Workbox's npm builds end with the comment too; the offline step copies them without it.
        *site.glob("assets/javascripts/workbox/*.*js"),
    ]
    assert len(bundles) >= 11
    for file in bundles:
        assert "sourceMappingURL" not in file.read_text(encoding="utf-8"), file
    pages = sorted(site.rglob("*.html"))
    assert {"index.html", "404.html", "offline.html"} <= {p.name for p in pages}
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert not re.search(r'<meta\s+name="generator"', html, re.I), page
        assert "mkdocs-material-" not in html, page


def test_remove_build_traces_leaves_the_code_and_the_runtime_as_they_were(tmp_path: Path) -> None:
    (tmp_path / "assets/pyodide/1.0").mkdir(parents=True)
    runtime = tmp_path / "assets/pyodide/1.0/pyodide.mjs"
    runtime.write_text("x;\n//# sourceMappingURL=pyodide.mjs.map\n", encoding="utf-8")
    (tmp_path / "bundle.min.js").write_text(
        "let a=1;\n//# sourceMappingURL=bundle.min.js.map", encoding="utf-8"
    )
    (tmp_path / "bundle.min.js.map").write_text("{}", encoding="utf-8")
    (tmp_path / "main.min.css").write_text(
        "a{b:c}\n/*# sourceMappingURL=main.min.css.map*/\n", encoding="utf-8"
    )
    (tmp_path / "index.html").write_text(
        '<head>\n  <meta charset="utf-8">\n  <meta name="generator" content="mkdocs-1.6.1, '
        'mkdocs-material-9.8.1">\n  <title>t</title>\n</head>\n',
        encoding="utf-8",
    )
    removed = remove_build_traces(tmp_path)
    assert removed.maps == ("bundle.min.js.map",)
    assert set(removed.rewritten) == {"bundle.min.js", "main.min.css", "index.html"}
    assert (tmp_path / "bundle.min.js").read_text(encoding="utf-8") == "let a=1;\n"
    assert (tmp_path / "main.min.css").read_text(encoding="utf-8") == "a{b:c}\n"
    assert (tmp_path / "index.html").read_text(encoding="utf-8") == (
        '<head>\n  <meta charset="utf-8">\n  <title>t</title>\n</head>\n'
    )
    assert "sourceMappingURL" in runtime.read_text(encoding="utf-8")  # the npm files, untouched
    assert remove_build_traces(tmp_path) == build_traces.Removed((), ())


def test_the_modules_examples_hold() -> None:
    from sitebuild import check_host

    for module in (build_traces, check_host):
        assert doctest.testmod(module).failed == 0, module.__name__
