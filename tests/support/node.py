"""Running a Node script of the tests' own (Pyodide under Node) with a JSON request."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

__all__ = ["run_node"]


def run_node(script: Path, request: dict[str, Any]) -> dict[str, Any]:
    """Send ``request`` as JSON on stdin to ``node script`` and return its JSON reply.

    Fails the test (never skips) when Node is missing or the script fails."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is needed to run Pyodide; install Node 20 and run `make node`")
    done = subprocess.run(
        [node, str(script)],
        input=json.dumps(request),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, f"node failed:\n{done.stderr[-4000:]}"
    reply: dict[str, Any] = json.loads(done.stdout)
    return reply
