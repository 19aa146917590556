"""The built site: strict, self-contained, CSP-clean, with every calculator rendered at build time."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar
from urllib.parse import urlsplit

import pytest

from musclecalc._handout import EXAMPLE_LINE
from support.calculators import call, default_payload, page_reply
from support.site import ROOT, Build

MARKER = re.compile(r"^<!--\s*calculator:\s*([a-z_-]+)\s*-->\s*$", re.M)
CALCULATOR_PAGES = {
    name: page
    for page in (ROOT / "docs").rglob("*.md")
    for name in MARKER.findall(page.read_text(encoding="utf-8"))
}

# Absolute URLs inside third-party JavaScript the site serves. None is requested by this site:
# each sits on a code path it never takes. A new one fails the test until someone checks it.
KNOWN_DORMANT_URLS = {
    "https://unpkg.com/mermaid": "Material loads mermaid only for mermaid diagrams; none are enabled",
    "https://unpkg.com/resize-observer-polyfill": "Material's polyfill for browsers without ResizeObserver",
    "https://clipboardjs.com/": "a comment in Material's bundled clipboard.js",
    "https://api.github.com/users/": "Material's repository facts; mkdocs.yml sets no repo_url",
    "https://api.github.com/repos/": "Material's repository facts; mkdocs.yml sets no repo_url",
    "https://cdn.jsdelivr.net/pyodide/v": "Pyodide's default indexURL; the worker always passes its own",
    "https://$": "a pattern in Pyodide's URL handling, not an address",
    "http://lunrjs.com": "a licence comment in Material's search worker",
    "http://tartarus.org/~martin/PorterStemmer/js.txt": "a comment in Material's search worker",
    "https://bit.ly/2s3ChXG": "a comment in Material's search worker",
}
NAMESPACES = ("http://www.w3.org/",)


class ResourceCollector(HTMLParser):
    """Collects every URL an HTML page makes the browser load, and its inline scripts."""

    LOADING: ClassVar[set[tuple[str, str]]] = {
        ("script", "src"),
        ("img", "src"),
        ("img", "srcset"),
        ("source", "src"),
        ("source", "srcset"),
        ("iframe", "src"),
        ("embed", "src"),
        ("object", "data"),
        ("video", "src"),
        ("video", "poster"),
        ("audio", "src"),
        ("track", "src"),
        ("form", "action"),
        ("image", "href"),
        ("use", "href"),
        ("input", "src"),
    }

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.inline_scripts: list[str] = []
        self.images_without_alt: list[str] = []
        self.csp: list[str] = []
        self._script: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        for name, value in attrs:
            if value and (
                (tag, name) in self.LOADING or (tag, name.split(":")[-1]) in self.LOADING
            ):
                self.urls += (
                    [part.strip().split(" ")[0] for part in value.split(",")]
                    if "srcset" in name
                    else [value]
                )
        rel = set((attributes.get("rel") or "").lower().split())
        if tag == "link" and attributes.get("href") and not rel & {"canonical", "alternate"}:
            self.urls.append(attributes["href"])  # stylesheets, icons, preloads: all loaded
        if (
            tag == "meta"
            and (attributes.get("http-equiv") or "").lower() == "content-security-policy"
        ):
            self.csp.append(attributes.get("content") or "")
        if tag == "meta" and (attributes.get("http-equiv") or "").lower() == "refresh":
            self.urls.append((attributes.get("content") or "").partition("url=")[2])
        if tag == "img" and not (attributes.get("alt") or "").strip():
            self.images_without_alt.append(attributes.get("src") or "?")
        if tag == "script":
            self._script = attributes

    def handle_data(self, data: str) -> None:
        script = self._script
        if (
            script is not None
            and not script.get("src")
            and data.strip()
            and (script.get("type") or "text/javascript") != "application/json"
        ):
            self.inline_scripts.append(data[:80])

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = None


def html_pages(site_dir: Path) -> list[Path]:
    return sorted(site_dir.rglob("*.html"))


def parse(path: Path) -> ResourceCollector:
    collector = ResourceCollector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector


def test_strict_build_passes_without_warnings(build: Build) -> None:
    assert (build.site_dir / "index.html").exists()
    assert "WARNING" not in build.log, build.log


def test_every_calculator_page_has_a_marker() -> None:
    assert set(CALCULATOR_PAGES) == {
        "protein",
        "energy",
        "volume",
        "volume-quick",
        "checkup",
        "progress",
    }


@pytest.mark.parametrize("name", sorted(CALCULATOR_PAGES))
def test_marker_became_a_form_with_the_prerendered_answer(build: Build, name: str) -> None:
    page = CALCULATOR_PAGES[name].relative_to(ROOT / "docs").with_suffix("")
    html = (build.site_dir / page / "index.html").read_text(encoding="utf-8")
    assert "<!-- calculator:" not in html
    assert f'<div class="mc-calculator" data-calculator="{name}"' in html
    assert '<form class="mc-form"' in html
    assert re.search(rf'id="mc-{name}-answer" aria-live="polite"', html)
    expected = call(name, default_payload(name))
    assert expected["ok"]
    # The worked answer is the page reply's markup itself, links relative to this page.
    site_root = "../" * len(page.parts)
    worked = page_reply(name, default_payload(name), site_root)
    # A live summary to take to a doctor is dated today; the built one is the undated example.
    details, handout, _ = worked["details"].partition('<section class="mc-handout"')
    assert worked["answer"] in html and details in html
    if handout:
        assert EXAMPLE_LINE in html and "Made on " not in html
    from html import escape

    assert f'<p class="mc-summary">{escape(expected["display"]["summary"])}</p>' in html
    for fact in expected["display"]["facts"]:
        assert f"<dd>{escape(fact['value'])}</dd>" in html
    # Every visible control has a label, and every error slot is wired to its control.
    for control_id in re.findall(r'<(?:input|select)[^>]* id="([^"]+)"', html):
        assert f'for="{control_id}"' in html or re.search(
            rf'id="{control_id}"[^>]*aria-label=', html
        ), control_id
    for described in re.findall(r'aria-describedby="([^"]+)"', html):
        for target in described.split():
            assert f'id="{target}"' in html, target


def test_calculator_pages_start_python_from_their_head_and_guide_pages_do_not(
    build: Build,
) -> None:
    # Right after the page's policy tag, before the theme's styles and scripts: starting Python is
    # the longest wait on a calculator page. A guide page waits for the reader's intent.
    start = re.compile(
        r'<meta http-equiv="Content-Security-Policy" content="[^"]*">'
        r'<link rel="modulepreload" href="((?:\.\./)*)assets/javascripts/worker-client\.[0-9a-f]+\.mjs">'
        r'<script type="module" async src="\1assets/javascripts/python-start\.[0-9a-f]+\.mjs"></script>'
        r"\s*<title>"
    )
    for page in html_pages(build.site_dir):
        html = page.read_text(encoding="utf-8")
        depth = len(page.relative_to(build.site_dir).parts) - 1
        found = start.search(html)
        if '<div class="mc-calculator"' in html:
            assert found and found.group(1) == "../" * depth, page
        else:
            assert "python-start." not in html, page


def test_no_page_loads_anything_from_another_origin(build: Build) -> None:
    offenders = []
    for page in html_pages(build.site_dir):
        for url in parse(page).urls:
            parts = urlsplit(url)
            if parts.scheme or parts.netloc:
                offenders.append(f"{page.relative_to(build.site_dir)}: {url}")
    assert offenders == []


def test_stylesheets_load_nothing_from_another_origin_or_data_urls(build: Build) -> None:
    offenders = []
    for sheet in build.site_dir.rglob("*.css"):
        css = sheet.read_text(encoding="utf-8")
        for url in re.findall(r"""url\(\s*["']?([^"')]+)""", css) + re.findall(
            r"""@import\s+["']([^"']+)""", css
        ):
            if urlsplit(url).scheme or url.startswith("//"):
                offenders.append(f"{sheet.relative_to(build.site_dir)}: {url[:60]}")
    assert offenders == []


def test_no_stylesheet_restyles_the_page_when_the_theme_component_starts(build: Build) -> None:
    """Material's palette component sets and removes `data-md-color-switching` on <body> on
    every load; a rule naming it would make each change restyle every element (sitebuild
    .theme_switch). The built stylesheets name it nowhere, and the palette sheet is still there."""
    sheets = {
        sheet.relative_to(build.site_dir).as_posix(): sheet.read_text(encoding="utf-8")
        for sheet in build.site_dir.rglob("*.css")
    }
    assert any(re.fullmatch(r"assets/stylesheets/palette\.\w+\.min\.css", name) for name in sheets)
    assert [name for name, css in sheets.items() if "data-md-color-switching" in css] == []


def scripts_the_site_loads(site_dir: Path) -> set[Path]:
    """Scripts named by a page, Material's workers, our modules and Pyodide's. (Material also copies
    lunr's language packs; an English site never loads them.)"""
    scripts = {site_dir / "assets" / "javascripts" / "workers", site_dir / "assets" / "pyodide"}
    scripts = {p for folder in scripts for p in folder.rglob("*") if p.suffix in {".js", ".mjs"}}
    scripts |= set((site_dir / "assets" / "javascripts").glob("*.mjs"))
    for page in html_pages(site_dir):
        for url in parse(page).urls:
            path = url.split("?")[0]
            if path.endswith((".js", ".mjs")):  # 404.html is served at any depth: root-absolute
                scripts.add(
                    (site_dir / path.lstrip("/"))
                    if path.startswith("/")
                    else (page.parent / path).resolve()
                )
    return scripts


def test_scripts_name_no_other_origin_except_known_dormant_paths(build: Build) -> None:
    found = {}
    loaded = scripts_the_site_loads(build.site_dir)
    assert len(loaded) >= 8 and all(p.exists() for p in loaded)
    for script in loaded:
        for url in re.findall(
            r"https?://[A-Za-z0-9._~:/?#@!$&*+,;=%-]+", script.read_text(encoding="utf-8")
        ):
            if not url.startswith(NAMESPACES):
                found.setdefault(url, script.name)
    unknown = {
        url: where
        for url, where in found.items()
        if not any(url.startswith(known) for known in KNOWN_DORMANT_URLS)
    }
    assert unknown == {}
    own = [p for p in build.site_dir.rglob("*.mjs") if p.parent.name == "javascripts"]
    assert own and all("http" not in p.read_text(encoding="utf-8") for p in own)


def test_no_inline_scripts_and_the_policy_on_every_page(build: Build) -> None:
    from sitebuild.server import content_security_policy

    policy = content_security_policy()
    for page in html_pages(build.site_dir):
        parsed = parse(page)
        assert parsed.inline_scripts == [], page
        assert [" ".join(c.split()) for c in parsed.csp] == [policy], page


def test_every_image_has_alt_text(build: Build) -> None:
    missing = {
        str(p.relative_to(build.site_dir)): parse(p).images_without_alt
        for p in html_pages(build.site_dir)
    }
    assert {page: images for page, images in missing.items() if images} == {}


def test_runtime_files_match_the_npm_lock_and_the_wheel_matches_its_lockfile(build: Build) -> None:
    runtime_dir = build.site_dir / "assets" / "pyodide"
    manifest = json.loads((runtime_dir / "runtime.json").read_text())
    lock = json.loads((ROOT / "package-lock.json").read_text())
    assert manifest["pyodide_version"] == lock["packages"]["node_modules/pyodide"]["version"]
    version_dir = runtime_dir / manifest["pyodide_version"]
    wheel = runtime_dir / manifest["wheel"]
    hashed = wheel.parent  # the files that change with the calculators: named by their contents
    assert hashed.parent == version_dir and re.fullmatch(r"[0-9a-f]{16}", hashed.name)
    runtime_files = ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip"]
    assert sorted(
        p.name for p in version_dir.iterdir() if p.suffix not in {".br", ".gz"}
    ) == sorted([*runtime_files, hashed.name])
    assert sorted(p.name for p in hashed.iterdir() if p.suffix not in {".br", ".gz"}) == sorted(
        ["pyodide-lock.json", wheel.name, "snapshot.bin", "python_stdlib.zip"]
    )
    for name in runtime_files:
        assert (version_dir / name).read_bytes() == (
            ROOT / "node_modules" / "pyodide" / name
        ).read_bytes(), name
    site_lock = json.loads((hashed / "pyodide-lock.json").read_text())
    assert list(site_lock["packages"]) == ["musclecalc"]
    entry = site_lock["packages"]["musclecalc"]
    assert entry["file_name"] == wheel.name
    assert (
        entry["sha256"]
        == hashlib.sha256(wheel.read_bytes()).hexdigest()
        == manifest["wheel_sha256"]
    )
    assert wheel.name.endswith("-py3-none-any.whl")


def test_the_calculators_worker_carries_the_runtime_manifest(build: Build) -> None:
    # The worker starts downloading from what the build wrote into it, so it must name exactly
    # the files runtime.json names, and no page needs to hand it anything.
    [worker_file] = (build.site_dir / "assets" / "javascripts").glob("calculator-worker.*.mjs")
    worker = worker_file.read_text()
    manifest = json.loads((build.site_dir / "assets" / "pyodide" / "runtime.json").read_text())
    written = re.search(r"^const MANIFEST = (\{.*\});$", worker, re.M)
    assert written and json.loads(written.group(1)) == manifest
    assert "__MUSCLECALC_RUNTIME__" not in worker
    source = (ROOT / "docs" / "assets" / "javascripts" / "calculator-worker.mjs").read_text()
    assert source.count("self.__MUSCLECALC_RUNTIME__") == 1


def test_no_runtime_file_or_wheel_is_tracked_by_git() -> None:
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert not re.search(r"\.(whl|wasm)$|pyodide\.asm|python_stdlib\.zip", tracked, re.M)


def _build_pages(tmp_path: Path, markdown: str) -> subprocess.CompletedProcess[str]:
    """Build a one-page site with the project's hooks."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text(markdown, encoding="utf-8")
    hook = ROOT / "scripts" / "hooks" / "markers.py"
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: Marker test\nhooks:\n  - {hook}\n", encoding="utf-8"
    )
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        check=False,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def test_an_unknown_calculator_fails_the_build(tmp_path: Path) -> None:
    done = _build_pages(tmp_path, "# Page\n\n<!-- calculator: nonesuch -->\n")
    assert done.returncode != 0
    assert "index.md:3: calculator marker: unknown calculator 'nonesuch'" in done.stderr


def test_a_malformed_marker_fails_the_build(tmp_path: Path) -> None:
    done = _build_pages(tmp_path, "# Page\n\nSee <!-- calculator: protein --> inline.\n")
    assert done.returncode != 0
    assert "index.md:3: malformed marker 'calculator'" in done.stderr


def test_a_known_marker_builds(tmp_path: Path) -> None:
    done = _build_pages(tmp_path, "# Page\n\n<!-- calculator: protein -->\n")
    assert done.returncode == 0, done.stderr
    assert 'data-calculator="protein"' in (tmp_path / "site" / "index.html").read_text(
        encoding="utf-8"
    )


def test_the_self_checks_questions_come_in_headed_groups(build: Build) -> None:
    html = (build.site_dir / "checkup" / "index.html").read_text(encoding="utf-8")
    start = html.index('<form class="mc-form"')
    form = html[start : html.index("</form>", start)]
    legends = re.findall(r'<legend class="mc-group__title">([^<]+)</legend>', form)
    assert legends == ["Your training", "Food and body", "Sleep"]
    # the signs, then 3 open groups and the folded one
    assert form.count("<fieldset") == form.count("</fieldset>") == 5
    # The optional questions are folded: a <details> that is not open, holding the last group.
    folded = re.search(
        r'<details class="mc-more" data-group="close_to_failure">\s*<summary[^>]*>([^<]+)'
        r"</summary>(.*?)</details>",
        form,
        re.S,
    )
    assert folded is not None
    assert "optional" in folded.group(1)
    assert 'data-field="low_sex_drive"' in folded.group(2)
    assert 'data-field="sleep_hours"' not in folded.group(2)


# -- the post-build pipeline (sitebuild.post_build) ----------------------------------------------


def test_one_hook_runs_after_the_build_and_no_priority_number_sets_an_order() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    hooks = re.findall(r"^  - (scripts/hooks/\S+\.py)$", config, re.M)
    assert sorted(hooks) == sorted(
        p.relative_to(ROOT).as_posix() for p in (ROOT / "scripts" / "hooks").glob("*.py")
    )
    post_build = [h for h in hooks if "def on_post_build" in (ROOT / h).read_text("utf-8")]
    assert post_build == ["scripts/hooks/post_build.py"]
    assert not [h for h in hooks if "event_priority" in (ROOT / h).read_text("utf-8")]
    # Each hook adapts the sitebuild module of its own name.
    for hook in hooks:
        assert (ROOT / "scripts" / "sitebuild" / Path(hook).name).is_file(), hook


def test_the_deploy_id_covers_every_final_file_under_its_fingerprinted_name(build: Build) -> None:
    """The service worker's deploy id is the hash of the site as the steps before it left it:
    the runtime copied in, the icons written, the own assets renamed by their content. Had the
    offline step run before any of them, the id would cover files that changed or are gone."""
    from sitebuild import fingerprint, offline

    worker = (build.site_dir / "sw.js").read_text(encoding="utf-8")
    written = re.search(r'const DEPLOY = "([0-9a-f]{16})";', worker)
    assert written is not None
    files = offline.site_files(build.site_dir)
    assert written.group(1) == offline.deploy_id(build.site_dir, files)
    assert fingerprint.own_assets(build.site_dir) == []  # nothing left unhashed
    assert any(
        re.fullmatch(r"assets/javascripts/calculator-worker\.[0-9a-f]{10}\.mjs", f) for f in files
    )
    assert any(f.startswith("assets/pyodide/") and f.endswith("snapshot.bin") for f in files)
    assert any(f.startswith("assets/images/icons/") for f in files)


def test_the_precompressed_copies_are_of_the_final_files_and_nothing_else(build: Build) -> None:
    """Precompressing is the last step: the service worker written just before it has its
    copies, every copy matches the file beside it, and no copy is left of a file that a later
    step renamed or removed."""
    import gzip

    import brotli

    worker = build.site_dir / "sw.js"
    assert brotli.decompress(Path(f"{worker}.br").read_bytes()) == worker.read_bytes()
    for copy in [*build.site_dir.rglob("*.br"), *build.site_dir.rglob("*.gz")]:
        original = copy.with_suffix("")
        assert original.is_file(), f"{copy} has no file beside it"
        unpack = brotli.decompress if copy.suffix == ".br" else gzip.decompress
        assert unpack(copy.read_bytes()) == original.read_bytes(), copy


def test_the_pipeline_runs_its_steps_in_the_order_of_its_table(tmp_path: Path) -> None:
    from sitebuild import post_build

    ran: list[str] = []
    steps = tuple(
        post_build.Step(step.name, lambda site, name=step.name: ran.append(name))
        for step in post_build.STEPS
    )
    post_build.run(tmp_path, steps)
    assert ran == [
        "runtime",
        "icons",
        "theme-switch",
        "color-scheme",
        "tables",
        "traces",
        "fingerprint",
        "offline",
        "precompress",
    ]
