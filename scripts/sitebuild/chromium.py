"""How this project starts Debian's Chromium: one place for the tests and the benchmark.

Never Playwright's own browser download (it cannot work offline): the system binary, headless,
with background networking off so nothing tries to leave the machine.
"""

from __future__ import annotations

import os

#: Debian's package `chromium` (`make chromium`); override with the CHROMIUM variable.
EXECUTABLE = os.environ.get("CHROMIUM", "/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
