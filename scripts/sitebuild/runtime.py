"""Assemble the self-hosted browser runtime: the pinned Pyodide files, the musclecalc wheel, and
the memory snapshot that lets the browser skip Python's start-up.

The four Pyodide files the site needs are taken from the npm tarball whose sha512 matches the
`integrity` that package-lock.json pins, so what the site serves is exactly what the lock names.
They sit in `<version>/`: they change only with the version. The musclecalc wheel is built from
`calculators/`, and `pyodide lockfile add-wheels` (from pyodide-build) writes a pyodide-lock.json
that lists only that wheel, with its sha256. The snapshot and its trimmed standard library come
from sitebuild.snapshot. Those four files change with the calculators, so they sit in
`<version>/<hash>/`, named by a hash of their contents: every path the browser loads names
exactly one content, so all of `<version>/` can be cached for good and a new deploy can never
mix old and new files.

    python -m sitebuild.runtime OUT_DIR     # writes OUT_DIR/<pyodide version>/... and prints the manifest
"""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
from dataclasses import asdict, dataclass
from pathlib import Path

from . import ROOT
from .snapshot import make_snapshot
from .wheel import build_wheel

PACKAGE_LOCK = ROOT / "package-lock.json"
#: The only runtime files the site serves: the loader, the interpreter and the standard library.
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
#: The Python package the browser imports.
PACKAGE = "musclecalc"
#: Bytes per block of the interpreter's and the snapshot's block digests (see `block_digests`).
SHA256_BLOCK_BYTES = 1 << 20
#: Hex digits of the content hash that names the folder of the files that change with the code.
HASH_LENGTH = 16


class RuntimeAssemblyError(Exception):
    """The runtime could not be assembled (a lock mismatch, a failed build)."""


@dataclass(frozen=True)
class Manifest:
    """What the browser needs to start: every path is relative to the manifest's own folder."""

    pyodide_version: str
    index_url: str
    module_url: str
    wasm_url: str
    stdlib_url: str
    lock_file_url: str
    wheel: str
    wheel_sha256: str
    #: The interpreter's length, and the sha256 of each of its blocks of `sha256_block_bytes`
    #: (the last one shorter), as of the snapshot: the worker checks both files block by block
    #: while they arrive, so only the last block's digest is left when the download ends.
    wasm_bytes: int
    wasm_sha256_blocks: tuple[str, ...]
    snapshot_sha256_blocks: tuple[str, ...]
    sha256_block_bytes: int
    snapshot_url: str
    snapshot_bytes: int
    #: Bytes of interpreter memory the snapshot holds (the worker allocates them before it arrives).
    snapshot_memory_bytes: int
    snapshot_stdlib_url: str

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=2) + "\n"


def locked_pyodide() -> tuple[str, str]:
    """The pinned Pyodide version and its npm integrity string, from package-lock.json."""
    lock = json.loads(PACKAGE_LOCK.read_text(encoding="utf-8"))
    entry = lock["packages"].get("node_modules/pyodide")
    if not entry:
        raise RuntimeAssemblyError("package-lock.json does not pin pyodide")
    return entry["version"], entry["integrity"]


def _integrity_of(data: bytes, integrity: str) -> bool:
    algorithm, _, expected = integrity.partition("-")
    digest = hashlib.new(algorithm, data).digest()
    return base64.b64encode(digest).decode() == expected


def fetch_tarball(version: str, integrity: str, cache: Path) -> Path:
    """The pyodide npm tarball, checked against the lock's integrity (npm's cache serves it offline)."""
    cache.mkdir(parents=True, exist_ok=True)
    tarball = cache / f"pyodide-{version}.tgz"
    if not tarball.exists():
        subprocess.run(
            ["npm", "pack", f"pyodide@{version}", "--pack-destination", str(cache), "--silent"],
            check=True,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
        )
    if not _integrity_of(tarball.read_bytes(), integrity):
        tarball.unlink()
        raise RuntimeAssemblyError(
            f"pyodide-{version}.tgz does not match package-lock.json's integrity"
        )
    return tarball


def extract_runtime(tarball: Path, out_dir: Path) -> dict[str, str]:
    """Copy the runtime files out of the tarball; returns each file's sha256."""
    out_dir.mkdir(parents=True, exist_ok=True)
    digests = {}
    with tarfile.open(tarball) as archive:
        for name in RUNTIME_FILES:
            member = archive.extractfile(f"package/{name}")
            if member is None:
                raise RuntimeAssemblyError(f"{name} is missing from {tarball.name}")
            data = member.read()
            (out_dir / name).write_bytes(data)
            digests[name] = hashlib.sha256(data).hexdigest()
        lock_member = archive.extractfile("package/pyodide-lock.json")
        if lock_member is None:
            raise RuntimeAssemblyError(f"pyodide-lock.json is missing from {tarball.name}")
        base_lock = json.load(lock_member)
    # The site's lock keeps Pyodide's own `info` (ABI, Python version) and lists no packages yet.
    (out_dir / "base-lock.json").write_text(json.dumps({"info": base_lock["info"], "packages": {}}))
    return digests


def write_lockfile(out_dir: Path, wheel: Path) -> dict[str, object]:
    """pyodide-lock.json listing only the wheel, written by pyodide-build's CLI."""
    pyodide_cli = Path(sys.executable).with_name("pyodide")
    subprocess.run(
        [
            str(pyodide_cli),
            "lockfile",
            "add-wheels",
            "--input",
            "base-lock.json",
            "--output",
            "pyodide-lock.json",
            wheel.name,
        ],
        check=True,
        cwd=out_dir,
        stdout=subprocess.DEVNULL,
    )
    (out_dir / "base-lock.json").unlink()
    lock = json.loads((out_dir / "pyodide-lock.json").read_text(encoding="utf-8"))
    entry = lock["packages"][PACKAGE]
    if entry["sha256"] != hashlib.sha256(wheel.read_bytes()).hexdigest():
        raise RuntimeAssemblyError("pyodide-lock.json names a different wheel than the one built")
    return entry


def block_digests(data: bytes, block: int = SHA256_BLOCK_BYTES) -> tuple[str, ...]:
    """The sha256 of each `block` bytes of `data`, the last block shorter: as sound a check as one
    sha256 of the whole file (with its length), but one that can run while the file arrives.

    >>> block_digests(b"abc", 2) == (hashlib.sha256(b"ab").hexdigest(), hashlib.sha256(b"c").hexdigest())
    True
    """
    return tuple(
        hashlib.sha256(data[start : start + block]).hexdigest()
        for start in range(0, len(data), block)
    )


def content_hash(folder: Path) -> str:
    """A short sha256 over the names and contents of the files in `folder`."""
    digest = hashlib.sha256()
    for file in sorted(p for p in folder.iterdir() if p.is_file()):
        digest.update(file.name.encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()[:HASH_LENGTH]


def assemble(out_dir: Path, cache: Path | None = None) -> Manifest:
    """Write `<out_dir>/<version>/` (Pyodide), `<out_dir>/<version>/<hash>/` (wheel, lockfile,
    snapshot, trimmed stdlib) and `<out_dir>/runtime.json`."""
    version, integrity = locked_pyodide()
    target = out_dir / version
    if target.exists():
        shutil.rmtree(target)
    tarball = fetch_tarball(version, integrity, cache or ROOT / "build" / "npm")
    extract_runtime(tarball, target)
    staging = target / "staging"
    staging.mkdir()
    (target / "base-lock.json").rename(staging / "base-lock.json")
    wheel = build_wheel(staging)
    entry = write_lockfile(staging, wheel)
    made = make_snapshot(target, wheel, staging / "pyodide-lock.json", staging)
    folder = f"{version}/{content_hash(staging)}"
    staging.rename(out_dir / folder)
    manifest = Manifest(
        pyodide_version=version,
        index_url=f"{version}/",
        module_url=f"{version}/pyodide.mjs",
        wasm_url=f"{version}/pyodide.asm.wasm",
        stdlib_url=f"{version}/python_stdlib.zip",
        lock_file_url=f"{folder}/pyodide-lock.json",
        wheel=f"{folder}/{wheel.name}",
        wheel_sha256=str(entry["sha256"]),
        wasm_bytes=(target / "pyodide.asm.wasm").stat().st_size,
        wasm_sha256_blocks=block_digests((target / "pyodide.asm.wasm").read_bytes()),
        snapshot_sha256_blocks=block_digests((out_dir / folder / made.snapshot.name).read_bytes()),
        sha256_block_bytes=SHA256_BLOCK_BYTES,
        snapshot_url=f"{folder}/{made.snapshot.name}",
        snapshot_bytes=(out_dir / folder / made.snapshot.name).stat().st_size,
        snapshot_memory_bytes=made.memory_bytes,
        snapshot_stdlib_url=f"{folder}/{made.stdlib.name}",
    )
    (out_dir / "runtime.json").write_text(manifest.to_json(), encoding="utf-8")
    return manifest


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    print(assemble(Path(argv[0])).to_json(), end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
