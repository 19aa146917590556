"""Fixtures for the calculator tests."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import musclecalc
from musclecalc import bridge

REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The repository's top folder."""
    return REPO_ROOT


@pytest.fixture(scope="session")
def call() -> Callable[[str, dict[str, Any]], dict[str, Any]]:
    """Run a calculator through the JSON bridge with a dict payload; returns the parsed reply."""

    def run(name: str, payload: dict[str, Any]) -> dict[str, Any]:
        reply: dict[str, Any] = json.loads(bridge.run(name, json.dumps(payload)))
        return reply

    return run


@pytest.fixture(scope="session")
def subprocess_env() -> dict[str, str]:
    """An environment in which ``python -m musclecalc`` imports this checkout's package,
    whether or not it is installed (e.g. under another Python with PYTHONPATH set)."""
    source = str(Path(musclecalc.__file__).resolve().parent.parent)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [source, env.get("PYTHONPATH")]))
    env["PYTHONIOENCODING"] = "utf-8"
    return env
