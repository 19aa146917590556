// Run musclecalc's bridge inside the pinned Pyodide runtime, under Node, with no network.
//
// stdin:  {"wheel": "/path/musclecalc-...-py3-none-any.whl",
//          "calls": [["run", ["protein", "{...}", "../"]], ["result", [...]], ["forms", []], ["convert", ["{...}"]]]}
// stdout: {"version": [3, 14, 2], "module_file": "...", "results": ["<json text>", ...]}
//
// The wheel is installed by unpacking it into site-packages (no micropip, no downloads).
import { readFileSync } from "node:fs";
import { loadPyodide } from "pyodide";
import { printToStderr, runJsonScript } from "../../scripts/sitebuild/json-stdio.mjs";

/** @typedef {[string, string[]]} Call  a bridge function's name and its arguments */

/** @param {{wheel: string, calls: Call[]}} request */
const main = async (request) => {
  const pyodide = await loadPyodide(printToStderr);
  // Without extractDir the wheel lands in the working directory (/home/pyodide), which
  // is on sys.path only by chance; site-packages is where an installed wheel belongs.
  const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
  pyodide.unpackArchive(new Uint8Array(readFileSync(request.wheel)), "wheel", {
    extractDir: sitePackages,
  });

  const sys = pyodide.pyimport("sys");
  const bridge = pyodide.pyimport("musclecalc.bridge");
  const version = sys.version_info.toJs().slice(0, 3);
  const moduleFile = pyodide.pyimport("musclecalc").__file__;

  const allowed = new Set(["run", "result", "forms", "convert"]);
  const results = request.calls.map(([name, args]) => {
    if (!allowed.has(name)) throw new Error(`unknown bridge function ${name}`);
    return bridge[name](...args);
  });
  return { version, module_file: moduleFile, results };
};

await runJsonScript("run_in_pyodide.mjs", main);
