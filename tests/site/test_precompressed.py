"""The build writes `.br` and `.gz` copies beside the site's large files, for hosts that serve them
precompressed; each decompresses to exactly the file beside it."""

from __future__ import annotations

import gzip
from pathlib import Path

import brotli

from sitebuild.precompress import candidates
from support.site import Build


def test_large_files_have_br_and_gz_copies_that_match(build: Build) -> None:
    files = list(candidates(build.site_dir))
    names = {p.relative_to(build.site_dir).as_posix() for p in files}
    assert "calculators/protein/index.html" in names
    assert any(name.endswith("pyodide.asm.wasm") for name in names)
    assert any(name.endswith("snapshot.bin") for name in names)
    for path in files:
        data = path.read_bytes()
        for suffix, unpack in ((".br", brotli.decompress), (".gz", gzip.decompress)):
            copy = Path(f"{path}{suffix}")
            if copy.exists():
                assert unpack(copy.read_bytes()) == data, copy
                assert copy.stat().st_size < len(data)
        if path.suffix in {".html", ".wasm", ".bin", ".mjs"}:
            assert Path(f"{path}.br").exists() and Path(f"{path}.gz").exists(), path
