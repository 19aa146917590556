"""Running a Node script of the tests' own (Pyodide under Node) with a JSON request, through the
build's one helper for it (sitebuild.node)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sitebuild.node import NodeMissingError, NodeScriptError, run_json

__all__ = ["run_node"]


def run_node(script: Path, request: dict[str, Any]) -> dict[str, Any]:
    """Send ``request`` as JSON on stdin to ``node script`` and return its JSON reply.

    Fails the test (never skips) when Node is missing or the script fails."""
    try:
        return run_json(script, request)
    except NodeMissingError as error:
        pytest.fail(f"{error}; install Node 20")
    except NodeScriptError as error:
        pytest.fail(str(error))
