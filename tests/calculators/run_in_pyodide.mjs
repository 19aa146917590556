// Run musclecalc's bridge inside the pinned Pyodide runtime, under Node, with no network.
//
// stdin:  {"wheel": "/path/musclecalc-...-py3-none-any.whl",
//          "calls": [["run", ["protein", "{...}", "../"]], ["result", [...]], ["forms", []], ["convert", ["{...}"]]]}
// stdout: {"version": [3, 14, 2], "module_file": "...", "results": ["<json text>", ...]}
//
// The wheel is installed by unpacking it into site-packages (no micropip, no downloads).
import { readFileSync } from "node:fs";
import { loadPyodide } from "pyodide";

/** @typedef {[string, string[]]} Call  a bridge function's name and its arguments */

const readStdin = async () => {
  /** @type {Buffer[]} */
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
};

const main = async () => {
  /** @type {{wheel: string, calls: Call[]}} */
  const request = JSON.parse(await readStdin());
  // Anything Python prints goes to stderr, so stdout carries only the answer.
  const pyodide = await loadPyodide({
    stdout: (/** @type {string} */ line) => process.stderr.write(`${line}\n`),
    stderr: (/** @type {string} */ line) => process.stderr.write(`${line}\n`),
  });
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

try {
  process.stdout.write(JSON.stringify(await main()));
} catch (error) {
  // Only the message: Node's default report prints the whole minified runtime.
  process.stderr.write(`run_in_pyodide.mjs failed: ${error instanceof Error ? error.message : error}\n`);
  process.exitCode = 1;
}
