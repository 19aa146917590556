"""The examples in musclecalc's docstrings run and give what they show."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
import sys
from pathlib import Path

import pytest

import musclecalc

MODULES = ["musclecalc"] + [
    f"musclecalc.{m.name}"
    for m in pkgutil.iter_modules(musclecalc.__path__)
    if m.name != "__main__"
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS, verbose=False, report=False)
    assert result.failed == 0, f"{result.failed} doctest(s) failed in {name}"


def test_every_public_module_has_examples() -> None:
    attempted = {
        name: doctest.testmod(importlib.import_module(name), report=False).attempted
        for name in MODULES
    }
    without = [
        name
        for name, count in attempted.items()
        if count == 0 and name not in ("musclecalc._cli", "musclecalc._display")
    ]
    assert without == []


def test_version_matches_pyproject() -> None:
    import tomllib

    pyproject = Path(__file__).resolve().parents[2] / "calculators" / "pyproject.toml"
    data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    assert data["project"]["version"] == musclecalc.__version__
    assert data["project"]["requires-python"] == ">=3.11"
    assert data["project"]["dependencies"] == []
    assert sys.version_info >= (3, 11)


def test_public_names_exist() -> None:
    for name in musclecalc.__all__:
        assert hasattr(musclecalc, name), name
