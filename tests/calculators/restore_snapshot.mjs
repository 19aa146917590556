// Restore the calculators' memory snapshot in the pinned Pyodide under Node, as the browser's
// worker does (zero pages put back, then the interpreter's constant data from its fresh memory;
// the empty standard library it ships with), and answer bridge calls from it. Also offers the
// runtime a damaged snapshot, to see it refused (the worker then starts Python the normal way).
//
// stdin:  {"runtime": "/dir/314.0.7", "snapshot": "/path/snapshot.bin", "stdlib": "/path/python_stdlib.zip",
//          "lock_file": "/path/pyodide-lock.json", "calls": [["run", ["protein", "{...}", "../"]], ...]}
// stdout: {"results": [...], "site_packages": [...], "random": N, "unforeseen": "...",
//          "optimize": N, "refused": "message"}
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { restoreInterpreterData, unpackSnapshot } from "../../docs/assets/javascripts/snapshot-image.mjs";
import { printToStderr, runJsonScript } from "../../scripts/sitebuild/json-stdio.mjs";

/** @typedef {[string, string[]]} Call  a bridge function's name and its arguments */
/** @typedef {{runtime: string, snapshot: string, stdlib: string, lock_file: string, calls: Call[]}} Request */

/** @param {Request} request */
const main = async (request) => {
  /** @type {{loadPyodide: typeof import("pyodide").loadPyodide}} */
  const { loadPyodide } = await import(pathToFileURL(join(request.runtime, "pyodide.mjs")).href);
  const options = { indexURL: request.runtime + "/", lockFileURL: request.lock_file, stdLibURL: request.stdlib, ...printToStderr };
  const unpacked = unpackSnapshot(new Uint8Array(readFileSync(request.snapshot)));
  const { image } = unpacked;

  // As the worker does: the interpreter's constant data goes back in from its fresh memory, the
  // moment it is instantiated (under Node, Pyodide instantiates the interpreter's bytes).
  const instantiate = WebAssembly.instantiate;
  /** @type {typeof unpacked | null} */
  let pending = unpacked;
  /** @param {BufferSource} source  @param {WebAssembly.Imports} [imports] */
  const instantiateAndRestore = async (source, imports) => {
    const result = await instantiate(source, imports);
    const memory = /** @type {WebAssembly.Memory | undefined} */ (result.instance?.exports.memory);
    if (pending && memory) {
      restoreInterpreterData(pending, memory.buffer);
      pending = null;
    }
    return result;
  };
  WebAssembly.instantiate = /** @type {typeof WebAssembly.instantiate} */ (instantiateAndRestore);
  const pyodide = await loadPyodide({ ...options, _loadSnapshot: image });
  if (pending) throw new Error("the interpreter's data was not put back");
  const bridge = pyodide.pyimport("musclecalc.bridge");
  const allowed = new Set(["run", "result", "forms", "convert"]);
  const results = request.calls.map(([name, args]) => {
    if (!allowed.has(name)) throw new Error(`unknown bridge function ${name}`);
    return bridge[name](...args);
  });
  const sitePackagesFiles = pyodide.runPython(
    "import os, site; sorted(os.listdir(site.getsitepackages()[0]))",
  ).toJs();
  const random = pyodide.runPython("import random; random.random()");
  // Nothing the warm-up did not load can be imported: the library is empty, and says so cleanly.
  const unforeseen = pyodide.runPython(`
try:
    import wave  # no calculator uses it (csv was the example until the progress log read CSV)
    result = "imported"
except ModuleNotFoundError as error:
    result = type(error).__name__
result`);
  const optimize = pyodide.runPython("import sys; sys.flags.optimize");

  const damaged = image.slice();  // a fully restored image, but another build's id
  damaged.fill(0, 16, 48);  // the build id the runtime checks
  let refused = "";
  try {
    await loadPyodide({ ...options, _loadSnapshot: damaged });
  } catch (error) {
    refused = String(error instanceof Error ? error.message : error);
  }
  return { results, site_packages: sitePackagesFiles, random, unforeseen, optimize, refused };
};

await runJsonScript("restore_snapshot.mjs", main);
