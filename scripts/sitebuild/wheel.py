"""Build the musclecalc wheel (pure Python, py3-none-any) that the site ships to Pyodide.

    python -m sitebuild.wheel OUT_DIR      # prints the path of the wheel it built

The build runs ``python -m build --wheel --no-isolation`` with the current interpreter, so
it uses the hatchling pinned in requirements.txt (installed by ``make venv``) and never
downloads a build backend. Older musclecalc wheels in OUT_DIR are removed first, so OUT_DIR
ends up with exactly one.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from . import ROOT

PACKAGE_DIR = ROOT / "calculators"
WHEEL_GLOB = "musclecalc-*-py3-none-any.whl"


class WheelBuildError(RuntimeError):
    """The build failed or did not leave exactly one musclecalc wheel."""


def build_wheel(out_dir: Path) -> Path:
    """Build the wheel into ``out_dir`` and return its path."""
    out_dir = out_dir.resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    for stale in out_dir.glob("musclecalc-*.whl"):
        stale.unlink()
    command = [
        sys.executable,
        "-m",
        "build",
        "--wheel",
        "--no-isolation",
        "--outdir",
        str(out_dir),
        str(PACKAGE_DIR),
    ]
    completed = subprocess.run(command, capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        raise WheelBuildError(
            f"{' '.join(command)} failed with status {completed.returncode}:\n"
            f"{completed.stdout}\n{completed.stderr}"
        )
    wheels = sorted(out_dir.glob(WHEEL_GLOB))
    if len(wheels) != 1:
        raise WheelBuildError(f"expected one {WHEEL_GLOB} in {out_dir}, found {wheels}")
    return wheels[0]


def main(argv: list[str] | None = None) -> int:
    """Command line: build into the one directory given and print the wheel's path."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1 or args[0] in ("-h", "--help"):
        print(__doc__.strip(), file=sys.stderr)
        return 0 if args and args[0] in ("-h", "--help") else 2
    try:
        wheel = build_wheel(Path(args[0]))
    except WheelBuildError as error:
        print(error, file=sys.stderr)
        return 1
    print(wheel)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
