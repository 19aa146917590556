"""The site's build code: what the MkDocs hooks in ``scripts/hooks/`` do, as plain functions. Each
hook is named after the module it adapts (hooks/markers.py adapts :mod:`.markers`, and so on).

Pages, as MkDocs renders them:

- :mod:`.markers`: the one table of page markers and their parser; its renderers are
  :mod:`.calculators` (a calculator's form and worked answer, its checklists from
  :mod:`.checklists`, its notes on what is kept from :mod:`.calculator_notes`) and :mod:`.page_figures` (figures
  from musclecalc), which share :mod:`.marker_types`;
- :mod:`.inline_scripts`, :mod:`.accessible_names`, :mod:`.search_on_demand`: each written page
  made to work under the strict Content-Security-Policy, accessible, and light to load;
- :mod:`.runtime_cache`: the start script on calculator pages, and the runtime assembled once.

After the build, :mod:`.post_build` runs its steps in order: :mod:`.runtime_cache` (copy the
runtime in), :mod:`.data_urls`, :mod:`.theme_switch`, :mod:`.color_scheme_meta`,
:mod:`.table_wrappers` (with its page hook; both rewrite Material's bundle through
:mod:`.material_bundle`), :mod:`.build_traces`, :mod:`.fingerprint`, :mod:`.offline`, :mod:`.precompress`.

The runtime: :mod:`.runtime` (the pinned Pyodide files), :mod:`.wheel` (musclecalc's wheel),
:mod:`.snapshot` (the memory snapshot, made under Node through :mod:`.node`, the one helper that
runs a Node script with JSON on stdin). Shared: :mod:`.templates` (files written from a template
with placeholders). Serving: :mod:`.nginx` (deploy/nginx.conf on the real nginx, for the tests
and `make preview`), :mod:`.check_host` (`make check-host`: a deployed copy's headers and
files checked from outside), :mod:`.server` (a Python server for the benchmark only, see its docstring),
:mod:`.chromium` (how Debian's Chromium is started).

It is installed (editable) into the project's virtual environment by ``make venv``, so hooks,
tests and helper scripts import it by name.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

__all__ = ["ROOT"]

#: The repository's root folder.
ROOT: Final = Path(__file__).resolve().parents[2]
