"""Running a Node script that reads one JSON request on stdin and prints one JSON reply: the
memory snapshot (sitebuild.snapshot) and the tests that run Pyodide under Node both talk to
Node this way, through :func:`run_json`.

>>> run_json(Path("no-such-script.mjs"), {}, node="/no/such/node")
Traceback (most recent call last):
...
sitebuild.node.NodeMissingError: Node.js is needed to run no-such-script.mjs (`make node`)
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

from . import ROOT

__all__ = ["NodeMissingError", "NodeScriptError", "run_json"]

#: How much of a failed script's stderr an error message quotes (its end: the stack trace).
STDERR_TAIL = 4000


class NodeMissingError(RuntimeError):
    """No Node.js on this machine."""


class NodeScriptError(RuntimeError):
    """The script exited with an error, or did not print JSON."""


def run_json(
    script: Path, request: dict[str, Any], *, timeout: float = 180, node: str | None = None
) -> dict[str, Any]:
    """``request`` as JSON on the stdin of ``node SCRIPT`` (run in the repository's root), and
    the JSON object it prints."""
    executable = node if node is not None else shutil.which("node")
    if executable is None or not Path(executable).exists():
        raise NodeMissingError(f"Node.js is needed to run {script.name} (`make node`)")
    done = subprocess.run(
        [executable, str(script)],
        input=json.dumps(request),
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=timeout,
        check=False,
    )
    if done.returncode != 0:
        raise NodeScriptError(f"{script.name} failed:\n{done.stderr[-STDERR_TAIL:]}")
    try:
        reply = json.loads(done.stdout)
    except ValueError as error:
        raise NodeScriptError(f"{script.name} printed no JSON: {done.stdout[:200]!r}") from error
    if not isinstance(reply, dict):
        raise NodeScriptError(f"{script.name} printed JSON that is not an object")
    return reply
