// Make the calculators' memory snapshot under Node, with the same Pyodide files the site serves
// (called by sitebuild/snapshot.py; no network).
//
// stdin:  {"runtime": "/dir with pyodide.mjs, pyodide.asm.*, python_stdlib.zip",
//          "sources": {"musclecalc/__init__.py": "...", ...},   // written into site-packages
//          "warm": "Python code that calls every calculator once",
//          "lock_file": "/path/pyodide-lock.json",
//          "out": "/dir/snapshot.bin"}
// stdout: {"snapshot_bytes": N, "memory_bytes": N, "modules": N, "zeroed_bytes": N}
//
// Python starts once, with `_makeSnapshot`, runs the warm-up (every calculator and every path the
// page can reach, so every module it needs is loaded), then is made small before its memory is
// taken:
// - docstrings and asserts are never loaded (PYTHONOPTIMIZE=2, as `python -OO`);
// - caches are emptied and garbage collected, and every byte of free memory is set to zero, so
//   what is left over from start-up compresses to nothing;
// - zipimport forgets the standard library's table of contents: the snapshot holds every module
//   it needs already, and is restored with an empty library (an import nobody foresaw fails
//   cleanly, and the tests restore it that way too);
// - the interpreter's constant data, which the browser has in pyodide.asm.wasm anyway, is
//   XOR-ed out, and zero pages are left out of the file (snapshot-image.mjs, which also puts
//   both back in the worker).
// musclecalc's sources are written straight into site-packages (loadPackage leaves JavaScript
// references behind that a snapshot refuses), and imported by the warm-up, so the snapshot holds
// them as loaded modules; the browser never needs their files.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { packSnapshot } from "../../docs/assets/javascripts/snapshot-image.mjs";
import { printToStderr, runJsonScript } from "./json-stdio.mjs";

/** @typedef {{runtime: string, sources: Record<string, string>, warm: string, lock_file: string, out: string}} Request */
/** @typedef {import("pyodide").PyodideAPI} Pyodide */

// What the browser's worker does after a restore, so everything it touches is loaded already.
/** @param {Pyodide} pyodide  @param {string} warm */
function warmUp(pyodide, warm) {
  pyodide.runPython(warm);
  const bridge = pyodide.pyimport("musclecalc.bridge");
  bridge.forms();
  bridge.destroy();
  pyodide.runPython("import sys; sys.version.split()[0]");
}

// invalidate_caches() first: it makes every zipimporter read its zip's table of contents again.
const FORGET = `
import gc, importlib, linecache, sys, zipimport
importlib.invalidate_caches()
sys.path_importer_cache.clear()
zipimport._zip_directory_cache.clear()
linecache.clearcache()
sys._clear_internal_caches()
gc.collect()
len(sys.modules)
`;
const REMEMBERED_ZIPS = "import zipimport; len(zipimport._zip_directory_cache)";

const UNLIMITED = 0xffffffff;  // dlmalloc's MAX_SIZE_T: no footprint limit

/**
 * The parts of Pyodide's Emscripten module (private: `pyodide._module`) used here: dlmalloc's
 * entry points and the heap.
 * @typedef {object} EmscriptenHeap
 * @property {Uint8Array} HEAPU8
 * @property {(bytes: number) => number} _malloc
 * @property {(pointer: number) => void} _free
 * @property {(pointer: number) => number} _malloc_usable_size
 * @property {() => number} _malloc_footprint
 * @property {() => number} _malloc_footprint_limit
 * @property {(bytes: number) => number} _malloc_set_footprint_limit
 * @property {(increment: number) => number} _sbrk
 */

/** Set every free byte of the heap to zero: hold the footprint where it is, allocate every free
 * block (largest first) and clear it, then free them all; clear what lies above the break.
 * @param {EmscriptenHeap} module  @returns {number} bytes zeroed */
function zeroFreeMemory(module) {
  if (module._malloc_footprint_limit() >>> 0 !== UNLIMITED) throw new Error("malloc already has a footprint limit");
  const heapBytes = module.HEAPU8.length;
  module._malloc_set_footprint_limit(module._malloc_footprint());
  const held = [];
  let zeroed = 0;
  try {
    for (let size = 1 << 24; size >= 8; size >>= 1) {
      for (let block = module._malloc(size) >>> 0; block; block = module._malloc(size) >>> 0) {
        const usable = module._malloc_usable_size(block) >>> 0;
        module.HEAPU8.fill(0, block, block + usable);
        zeroed += usable;
        held.push(block);
      }
    }
  } finally {
    for (const block of held) module._free(block);
    module._malloc_set_footprint_limit(UNLIMITED);
  }
  const brk = module._sbrk(0) >>> 0;
  module.HEAPU8.fill(0, brk);
  zeroed += module.HEAPU8.length - brk;
  if (module.HEAPU8.length !== heapBytes) throw new Error("zeroing free memory grew the heap");
  return zeroed;
}

/** @param {Request} request */
const main = async (request) => {
  /** @type {{loadPyodide: typeof import("pyodide").loadPyodide}} */
  const { loadPyodide } = await import(pathToFileURL(join(request.runtime, "pyodide.mjs")).href);
  const pyodide = await loadPyodide({
    indexURL: request.runtime + "/",
    lockFileURL: request.lock_file,
    env: { PYTHONOPTIMIZE: "2" },
    _makeSnapshot: true,
    ...printToStderr,
  });
  const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
  for (const [path, text] of Object.entries(request.sources)) {
    const file = `${sitePackages}/${path}`;
    pyodide.FS.mkdirTree(file.slice(0, file.lastIndexOf("/")));
    pyodide.FS.writeFile(file, text);
  }
  warmUp(pyodide, request.warm);
  if (pyodide.runPython("import sys; sys.flags.optimize") !== 2) throw new Error("PYTHONOPTIMIZE=2 was not applied");
  const modules = pyodide.runPython(FORGET);
  if (pyodide.runPython(REMEMBERED_ZIPS) !== 0) throw new Error("zipimport still remembers the standard library");
  const zeroed = zeroFreeMemory(/** @type {{_module: EmscriptenHeap}} */ (/** @type {unknown} */ (pyodide))._module);
  const snapshot = pyodide.makeMemorySnapshot();
  const packed = packSnapshot(snapshot, new Uint8Array(readFileSync(join(request.runtime, "pyodide.asm.wasm"))));
  writeFileSync(request.out, packed);
  return { snapshot_bytes: packed.length, memory_bytes: snapshot.length, modules, zeroed_bytes: zeroed };
};

await runJsonScript("make_snapshot.mjs", main, { stack: true });
