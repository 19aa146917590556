"""Helpers shared by the calculator tests.

Deliberately not a conftest.py: tests/site imports the root tests/conftest.py by the module name
"conftest", and a second conftest.py here would shadow it once collected.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import musclecalc
from musclecalc import bridge

REPO_ROOT = Path(__file__).resolve().parents[2]


def call(name: str, payload: dict[str, Any]) -> dict[str, Any]:
    """Run a calculator through the JSON bridge with a dict payload; returns the parsed reply."""
    reply: dict[str, Any] = json.loads(bridge.run(name, json.dumps(payload)))
    return reply


def subprocess_env() -> dict[str, str]:
    """An environment in which ``python -m musclecalc`` imports this checkout's package,
    whether or not it is installed (e.g. under another Python with PYTHONPATH set)."""
    source = str(Path(musclecalc.__file__).resolve().parent.parent)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [source, env.get("PYTHONPATH")]))
    env["PYTHONIOENCODING"] = "utf-8"
    return env
