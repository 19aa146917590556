"""The memory snapshot the browser restores instead of starting Python: restored under Node with
the same Pyodide, it gives CPython's answers for every worked example; a damaged one is refused
(the worker then starts Python the normal way); it needs no standard library files; it and the files
beside it are named by their contents."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import brotli
import pytest

from musclecalc import bridge
from sitebuild import runtime, runtime_cache
from support.node import run_node
from support.strategies import strict_loads
from support.worked_examples import ALL

HERE = Path(__file__).resolve().parent

CALLS: list[tuple[str, list[str]]] = (
    [("result", [e.calculator, json.dumps(e.payload)]) for e in ALL]
    + [("run", [e.calculator, json.dumps(e.payload), "../"]) for e in ALL]
    + [("run", ["protein", '{"weight": "twenty"}']), ("run", ["volume", "not json"])]
    + [("forms", []), ("convert", ['{"value": "80", "from": "kg", "to": "lb"}'])]
)


@pytest.fixture(scope="session")
def assembled() -> tuple[Path, dict[str, Any]]:
    """The runtime as the site ships it (assembled in build/runtime/, or reused from there)."""
    runtime_cache.prepare()
    return runtime_cache.BUILD_DIR, runtime_cache.manifest()


@pytest.fixture(scope="session")
def restored(assembled: tuple[Path, dict[str, Any]]) -> dict[str, Any]:
    """One Node process restores the snapshot and answers every call."""
    folder, manifest = assembled
    request = {
        "runtime": str(folder / manifest["index_url"]),
        "snapshot": str(folder / manifest["snapshot_url"]),
        "stdlib": str(folder / manifest["snapshot_stdlib_url"]),
        "lock_file": str(folder / manifest["lock_file_url"]),
        "calls": CALLS,
    }
    return run_node(HERE / "restore_snapshot.mjs", request)


def test_a_restored_snapshot_answers_as_cpython(restored: dict[str, Any]) -> None:
    results = restored["results"]
    assert len(results) == len(CALLS)
    for (function, args), from_snapshot in zip(CALLS, results, strict=True):
        assert from_snapshot == getattr(bridge, function)(*args), (function, args)
        strict_loads(from_snapshot)
    for example, text in zip(ALL, results, strict=False):
        assert strict_loads(text)["ok"] is True, example.id


def test_the_answers_come_from_the_snapshot_not_from_files(restored: dict[str, Any]) -> None:
    # musclecalc was imported before the snapshot was taken; no file of it exists after a restore.
    assert "musclecalc" not in restored["site_packages"]


def test_a_damaged_snapshot_is_refused(restored: dict[str, Any]) -> None:
    assert "build id" in restored["refused"]


def test_the_snapshot_and_the_files_beside_it_are_named_by_their_contents(
    assembled: tuple[Path, dict[str, Any]],
) -> None:
    folder, manifest = assembled
    hashed = folder / Path(manifest["snapshot_url"]).parent
    assert hashed.parent.name == manifest["pyodide_version"]
    assert hashed.name == runtime.content_hash(hashed)
    assert {p.name for p in hashed.iterdir()} == {
        "snapshot.bin",
        "python_stdlib.zip",
        "pyodide-lock.json",
        Path(manifest["wheel"]).name,
    }
    for key in ("snapshot_url", "snapshot_stdlib_url", "lock_file_url", "wheel"):
        assert manifest[key].startswith(f"{manifest['pyodide_version']}/{hashed.name}/"), key
    assert (hashed / "snapshot.bin").stat().st_size == manifest["snapshot_bytes"]


def test_the_snapshot_needs_no_standard_library_files(
    assembled: tuple[Path, dict[str, Any]], restored: dict[str, Any]
) -> None:
    # It ships with an empty library: every answer above came from modules loaded in memory, and
    # an import nobody foresaw fails as a missing module, not with a damaged one.
    folder, manifest = assembled
    with zipfile.ZipFile(folder / manifest["snapshot_stdlib_url"]) as library:
        assert library.namelist() == []
    assert restored["unforeseen"] == "ModuleNotFoundError"


def test_the_snapshot_holds_no_docstrings_and_no_asserts(restored: dict[str, Any]) -> None:
    assert restored["optimize"] == 2  # as `python -OO`: less memory to download


def test_the_snapshot_is_small_on_the_wire(assembled: tuple[Path, dict[str, Any]]) -> None:
    # Free memory zeroed and the interpreter's own data XOR-ed out (snapshot-image.mjs) are what
    # make it small: without either, even this quick brotli setting gives over 3.9 MB.
    folder, manifest = assembled
    image = (folder / manifest["snapshot_url"]).read_bytes()
    assert len(brotli.compress(image, quality=5, lgwin=24)) < 3_300_000
