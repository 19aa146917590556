"""The project's own Python stays in pieces a maintainer can hold: files of at most 500 lines,
functions of at most 60 unless their docstring says why ("Why it is long: ...").

The limits walk every ``.py`` file under ``calculators/src`` and ``scripts`` with :mod:`ast`.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

from support.calculators import REPO_ROOT

MAX_FILE_LINES = 500
MAX_FUNCTION_LINES = 60
#: The words that start a long function's reason in its docstring, and the least it may say.
REASON = "Why it is long:"
MIN_REASON_CHARS = 40

ROOTS = (REPO_ROOT / "calculators" / "src", REPO_ROOT / "scripts")


@dataclass(frozen=True)
class Function:
    path: Path
    name: str
    line: int
    lines: int
    docstring: str


def python_files(roots: tuple[Path, ...] = ROOTS) -> list[Path]:
    return sorted(path for root in roots for path in root.rglob("*.py"))


def line_count(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def functions(path: Path) -> list[Function]:
    """Every function and method in a file, nested ones included, with its length in lines
    (from ``def`` to its last line, decorators left out)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return [
        Function(
            path,
            node.name,
            node.lineno,
            (node.end_lineno or node.lineno) - node.lineno + 1,
            ast.get_docstring(node) or "",
        )
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
    ]


def has_reason(function: Function) -> bool:
    _, found, reason = function.docstring.partition(REASON)
    return bool(found) and len(reason.strip()) >= MIN_REASON_CHARS


def too_long(paths: list[Path], root: Path = REPO_ROOT) -> tuple[list[str], list[str]]:
    """The files over the limit and the long functions with no reason, as readable lines."""
    files = [
        f"{path.relative_to(root)}: {line_count(path)} lines"
        for path in paths
        if line_count(path) > MAX_FILE_LINES
    ]
    long_functions = [
        f"{f.path.relative_to(root)}:{f.line} {f.name}: {f.lines} lines"
        for path in paths
        for f in functions(path)
        if f.lines > MAX_FUNCTION_LINES and not has_reason(f)
    ]
    return files, long_functions


def test_the_walk_finds_the_packages_and_the_build_code() -> None:
    names = {path.relative_to(REPO_ROOT).as_posix() for path in python_files()}
    assert "calculators/src/musclecalc/_checkup.py" in names
    assert "scripts/sitebuild/post_build.py" in names
    assert "scripts/hooks/markers.py" in names
    assert len(names) > 60


def test_no_python_file_is_over_500_lines() -> None:
    files, _ = too_long(python_files())
    assert files == []


def test_no_function_is_over_60_lines_without_a_reason_in_its_docstring() -> None:
    _, long_functions = too_long(python_files())
    assert long_functions == []


@pytest.mark.parametrize(
    ("body_lines", "docstring", "flagged"),
    [
        (58, "Short enough.", False),
        (59, "One line too many.", True),
        (70, "Why it is long: one pass over the fields in a fixed order, units first.", False),
        (70, "Why it is long: because.", True),
        (70, "It is long, and that is fine.", True),
    ],
)
def test_the_limits_catch_what_they_should(
    tmp_path: Path, body_lines: int, docstring: str, flagged: bool
) -> None:
    # def line + docstring line + body: 58 body lines make a 60-line function.
    body = "".join(f"    x{i} = {i}\n" for i in range(body_lines))
    source = f'def made_up():\n    """{docstring}"""\n{body}'
    path = tmp_path / "made_up.py"
    path.write_text(source, encoding="utf-8")
    big = tmp_path / "big.py"
    big.write_text("x = 1\n" * (MAX_FILE_LINES + 1), encoding="utf-8")
    fits = tmp_path / "fits.py"
    fits.write_text("x = 1\n" * MAX_FILE_LINES, encoding="utf-8")
    files, long_functions = too_long([path, big, fits], tmp_path)
    assert files == [f"big.py: {MAX_FILE_LINES + 1} lines"]
    assert bool(long_functions) is flagged, long_functions
