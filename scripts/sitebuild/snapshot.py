"""The calculators' memory snapshot, and the (empty) standard library it is restored with.

Starting Python takes the browser seconds; restoring a snapshot of an interpreter that has
already started, imported musclecalc and run every calculator once takes a fraction of that.
`make_snapshot.mjs` makes `snapshot.bin` under Node with the very Pyodide files the site serves
(see its header for how the snapshot is made small). Every module the calculators use is loaded
in it, so it needs no standard library files: it comes with an empty `python_stdlib.zip`
(Pyodide always loads one), which saves the reader the library's download. The tests restore it
with that empty zip and get CPython's answers for every worked example.

Everything in a snapshot is frozen at the moment it was made, so every restore starts with the
same `random` state and the same string hash seed. musclecalc uses neither (its answers are
the same in every process: the tests compare them with CPython's).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from .node import NodeMissingError, NodeScriptError, run_json

SCRIPT = Path(__file__).with_name("make_snapshot.mjs")

#: Python run before the snapshot is taken: every calculator, its error paths and the unit switch,
#: so every module and code path the page can reach is loaded (lazily imported modules included).
WARM_UP = """
import json
import musclecalc.bridge as bridge
_forms = json.loads(bridge.forms())["calculators"]
for _form in _forms:
    _name = _form["name"]
    bridge.run(_name, "{}")
    bridge.run(_name, "{}", "../")
    # The page's first call: the form's own values (the worked example), which must succeed.
    bridge.run(_name, json.dumps({f["name"]: f["default"] for f in _form["fields"]}), "../")
    bridge.result(_name, "{}")
    bridge.run(_name, "not json")
    bridge.run(_name, json.dumps({f["name"]: "abc" for f in _form["fields"]}))
    bridge.run(_name, json.dumps({f["name"]: "-1" for f in _form["fields"]}))
    bridge.run(_name, json.dumps({"entries": [{"exercise": "x", "sets": "a", "sessions": "9"}]}))
bridge.run("no-such-calculator", "{}")
bridge.convert('{"value": "80", "from": "kg", "to": "lb"}')
bridge.convert('{"value": "70", "from": "in", "to": "cm"}')
bridge.convert('{"value": "abc", "from": "kg", "to": "lb"}')
del _forms, _form, _name
"""


class SnapshotError(RuntimeError):
    """Node could not make the snapshot."""


@dataclass(frozen=True)
class Snapshot:
    """The two files made together, and what the snapshot run reported."""

    snapshot: Path
    stdlib: Path
    #: Bytes of interpreter memory the snapshot holds, zero pages included.
    memory_bytes: int
    #: Python modules loaded in the snapshot.
    modules: int
    #: Bytes of free memory set to zero before the snapshot was taken.
    zeroed_bytes: int


def wheel_sources(wheel: Path) -> dict[str, str]:
    """The Python files of the wheel, by their path under site-packages."""
    with zipfile.ZipFile(wheel) as archive:
        return {
            name: archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.endswith(".py") and ".dist-info/" not in name
        }


def write_empty_zip(path: Path) -> Path:
    """A zip with nothing in it (always the same 22 bytes)."""
    with zipfile.ZipFile(path, "w"):
        pass
    return path


def make_snapshot(runtime_dir: Path, wheel: Path, lock_file: Path, out_dir: Path) -> Snapshot:
    """Write `snapshot.bin` and its empty `python_stdlib.zip` into `out_dir`, starting Pyodide
    from `runtime_dir` with `lock_file`."""
    out_dir.mkdir(parents=True, exist_ok=True)
    request = {
        "runtime": str(runtime_dir.resolve()),
        "sources": wheel_sources(wheel),
        "warm": WARM_UP,
        "lock_file": str(lock_file.resolve()),
        "out": str((out_dir / "snapshot.bin").resolve()),
    }
    try:
        reply = run_json(SCRIPT, request, timeout=600)
    except (NodeMissingError, NodeScriptError) as error:
        raise SnapshotError(f"the calculators' snapshot could not be made: {error}") from error
    return Snapshot(
        snapshot=out_dir / "snapshot.bin",
        stdlib=write_empty_zip(out_dir / "python_stdlib.zip"),
        memory_bytes=int(reply["memory_bytes"]),
        modules=int(reply["modules"]),
        zeroed_bytes=int(reply["zeroed_bytes"]),
    )
