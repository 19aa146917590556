"""The wheel, built by sitebuild.wheel, gives the same answers in the pinned Pyodide
(Python 3.14 compiled to WebAssembly, run here under Node) as under CPython."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import pytest

from musclecalc import bridge
from sitebuild.wheel import build_wheel
from support.node import run_node
from support.strategies import strict_loads
from support.worked_examples import ALL

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
PYODIDE = REPO / "node_modules" / "pyodide" / "pyodide.mjs"

EXTRA_RUNS = [
    ("protein", '{"weight": "twenty"}'),
    ("protein", "not json"),
    ("biceps", "{}"),
    ("volume", '{"entries": [{"exercise": "moonwalk", "sets": 0, "sessions": 9}]}'),
]
CONVERTS = [
    '{"value": "80", "from": "kg", "to": "lb"}',
    '{"value": "70", "from": "in", "to": "cm"}',
    '{"value": "abc", "from": "kg", "to": "lb"}',
]
CALLS: list[tuple[str, list[str]]] = (
    [("result", [e.calculator, json.dumps(e.payload)]) for e in ALL]
    + [("run", [e.calculator, json.dumps(e.payload), "../"]) for e in ALL]
    + [("run", [name, payload]) for name, payload in EXTRA_RUNS]
    + [("forms", [])]
    + [("convert", [payload]) for payload in CONVERTS]
)


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out_dir = tmp_path_factory.mktemp("wheel")
    stale = out_dir / "musclecalc-0.0.1-py3-none-any.whl"
    stale.write_bytes(b"an old build")
    built = build_wheel(out_dir)
    assert not stale.exists(), "build_wheel must remove stale musclecalc wheels"
    assert sorted(out_dir.iterdir()) == [built]
    return built


@pytest.fixture(scope="session")
def pyodide_reply(wheel: Path) -> dict[str, Any]:
    """One Node process (Pyodide takes seconds to load) answers every call."""
    if not PYODIDE.exists():
        pytest.fail(f"Pyodide is missing ({PYODIDE}); run `make node` to install it")
    return run_node(HERE / "run_in_pyodide.mjs", {"wheel": str(wheel), "calls": CALLS})


def test_wheel_is_pure_python_and_complete(wheel: Path) -> None:
    assert wheel.name.endswith("-py3-none-any.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    source = REPO / "calculators" / "src" / "musclecalc"
    expected = {
        f"musclecalc/{p.name}"
        for p in source.iterdir()
        if p.suffix == ".py" or p.name == "py.typed"
    }
    assert expected <= names
    assert not any(name.endswith((".so", ".pyd", ".pyc")) for name in names)


def test_runs_on_python_3_14_from_the_wheel(pyodide_reply: dict[str, Any]) -> None:
    assert pyodide_reply["version"][:2] == [3, 14]
    assert "site-packages/musclecalc/" in pyodide_reply["module_file"]


def test_pyodide_answers_equal_cpython(pyodide_reply: dict[str, Any]) -> None:
    results = pyodide_reply["results"]
    assert len(results) == len(CALLS)
    for (function, args), in_pyodide in zip(CALLS, results, strict=True):
        in_cpython = getattr(bridge, function)(*args)
        assert in_pyodide == in_cpython, (function, args)
        strict_loads(in_pyodide)


def test_worked_examples_are_ok_in_pyodide(pyodide_reply: dict[str, Any]) -> None:
    for example, text in zip(ALL, pyodide_reply["results"], strict=False):
        reply = strict_loads(text)
        assert reply["ok"] is True, example.id
