"""The site's build code: what the MkDocs hooks in ``scripts/hooks/`` do, as plain functions.

- :mod:`.calculators`: forms and worked answers for calculator pages, from musclecalc;
- :mod:`.runtime` and :mod:`.wheel`: the self-hosted Pyodide runtime and the musclecalc wheel;
- :mod:`.inline_scripts`, :mod:`.data_urls`, :mod:`.accessible_names`: post-processing that keeps
  Material's pages working under the strict Content-Security-Policy and accessible;
- :mod:`.server` and :mod:`.chromium`: serving a built site and starting the browser, for the
  tests and the benchmark.

It is installed (editable) into the project's virtual environment by ``make venv``, so hooks,
tests and helper scripts import it by name.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

__all__ = ["ROOT"]

#: The repository's root folder.
ROOT: Final = Path(__file__).resolve().parents[2]
