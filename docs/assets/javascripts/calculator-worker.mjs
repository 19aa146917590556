// The calculators' Python, off the main thread: one module worker runs Pyodide and musclecalc.
//
// Messages in:  {op: "start", runtime: {moduleURL, indexURL, lockFileURL, packages}}
//               {id, op: "run", name, payload, siteRoot}   payload: a JSON string
//               {id, op: "convert", payload}
// Messages out: {op: "ready", python} | {op: "failed", reason}
//               {id, json}  (the bridge's JSON reply)  | {id, error}

let bridge = null;

async function start(runtime) {
  const { loadPyodide } = await import(runtime.moduleURL);
  const pyodide = await loadPyodide({
    indexURL: runtime.indexURL,
    lockFileURL: runtime.lockFileURL,
    packages: runtime.packages,
  });
  bridge = pyodide.pyimport("musclecalc.bridge");
  return pyodide.runPython("import sys; sys.version.split()[0]");
}

self.addEventListener("message", async (event) => {
  const message = event.data;
  if (message.op === "start") {
    try {
      const python = await start(message.runtime);
      self.postMessage({ op: "ready", python });
    } catch (error) {
      self.postMessage({ op: "failed", reason: String(error && error.message ? error.message : error) });
    }
    return;
  }
  try {
    if (!bridge) throw new Error("the calculator has not started");
    const json = message.op === "convert"
      ? bridge.convert(message.payload)
      : bridge.run(message.name, message.payload, message.siteRoot ?? "");
    self.postMessage({ id: message.id, json });
  } catch (error) {
    self.postMessage({ id: message.id, error: String(error && error.message ? error.message : error) });
  }
});
