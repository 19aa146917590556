"""Calling the calculators as the tests do: through the JSON bridge, or as a command."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import musclecalc
from musclecalc import bridge

REPO_ROOT = Path(__file__).resolve().parents[2]


def call(name: str, payload: dict[str, Any]) -> dict[str, Any]:
    """Run a calculator through the JSON bridge with a dict payload; returns the whole parsed
    reply (``bridge.result``: ``ok`` with ``result`` and ``display``, or ``errors``)."""
    reply: dict[str, Any] = json.loads(bridge.result(name, json.dumps(payload)))
    return reply


def page_reply(name: str, payload: dict[str, Any], site_root: str = "") -> dict[str, Any]:
    """What the page gets for a payload (``bridge.run``): the answer's HTML, or errors."""
    reply: dict[str, Any] = json.loads(bridge.run(name, json.dumps(payload), site_root))
    return reply


def default_payload(name: str) -> dict[str, Any]:
    """A calculator's default inputs, as the form shows them."""
    form = next(f for f in json.loads(bridge.forms())["calculators"] if f["name"] == name)
    return {f["name"]: f["default"] for f in form["fields"] if f.get("default") not in (None, [])}


def summary_of(name: str, values: dict[str, Any]) -> str:
    """The answer's one-line summary for the form's defaults with ``values`` put over them."""
    summary: str = call(name, {**default_payload(name), **values})["display"]["summary"]
    return summary


def subprocess_env() -> dict[str, str]:
    """An environment in which ``python -m musclecalc`` imports this checkout's package,
    whether or not it is installed (e.g. under another Python with PYTHONPATH set)."""
    source = str(Path(musclecalc.__file__).resolve().parent.parent)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [source, env.get("PYTHONPATH")]))
    env["PYTHONIOENCODING"] = "utf-8"
    return env
