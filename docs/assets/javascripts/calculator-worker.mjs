// The calculators' Python, off the main thread: one module worker runs Pyodide and musclecalc.
// It starts Python as soon as it is created (python-worker.mjs creates it when the page wants
// Python): which files to load is written into this script by the build (the runtime's
// manifest, runtime.json), so the start waits neither for a round trip nor for the page.
//
// Messages in:  {id, op: "run", name, payload, siteRoot}   payload: a JSON string
//               {id, op: "convert", payload}
// Messages out: {op: "ready", python, start, steps, refused, files} | {op: "failed", reason}
//               (steps: when each stage was reached, as ms since the epoch on the shared high-resolution
//               clock (timeOrigin + now), which the page turns into its own time; refused: why the
//               snapshot was not used, if it was not; files: every file of this site the worker
//               loaded, which offline.mjs keeps for offline use)
//               {id, json, ms}  (the bridge's JSON reply, and how long Python took) | {id, error}
//
// Start-up, fastest first: every file is requested at once, the interpreter is compiled while
// it streams in, and a memory snapshot made at build time (an interpreter that has already
// started and run every calculator) is restored instead of starting Python. The snapshot comes
// without its zero pages and without the interpreter's constant data (snapshot-image.mjs puts
// both back: the zero pages when it arrives, the constant data from the interpreter's fresh
// memory when Pyodide instantiates it), and with an empty standard library (it needs none). If
// the snapshot cannot be used (missing, damaged, made for another build), Python starts the
// normal way from the full standard library and the wheel, and nothing is said about it. If a
// file Python cannot do without fails (an error status, a web page instead of the file, a
// damaged file), the page hears at once, in plain words, and offers a retry.

/** The runtime's manifest, filled in by the build (sitebuild.runtime_cache.install); its
 * paths are relative to assets/pyodide/. */
const MANIFEST = self.__MUSCLECALC_RUNTIME__;
const RUNTIME_DIR = new URL("../pyodide/", import.meta.url);

let bridge = null;
const HEALTH_CHECK = JSON.stringify({ value: "1", from: "kg", to: "lb" });

/** A start-up failure to show the reader as it is. */
class StartError extends Error {}

const fileName = (url) => new URL(url).pathname.split("/").pop();
const steps = {};
/** Note when a stage was reached; a stage reached again is noted again ("instantiated #2"). */
const step = (name) => {
  let key = name;
  for (let count = 2; key in steps; count++) key = `${name} #${count}`;
  steps[key] = performance.timeOrigin + performance.now();
};
step("worker script run");
let refused = null;

// Pyodide fetches the interpreter and the standard library itself. The worker fetches them
// first, to check them and to start every download at once, and hands Pyodide these responses.
const networkFetch = self.fetch.bind(self);
const prefetched = new Map();
self.fetch = (input, init) => {
  const url = String(input instanceof Request ? input.url : input);
  const hit = prefetched.get(url);
  if (!hit) return networkFetch(input, init);
  if (!hit.keep) prefetched.delete(url);
  return hit.response;
};

/** A response that is really the file asked for, or a StartError that says what went wrong. */
async function download(url) {
  let response;
  try {
    response = await networkFetch(url);
  } catch {
    throw new StartError(`a file it needs could not be downloaded (${fileName(url)}); check the connection`);
  }
  if (!response.ok) {
    throw new StartError(`a file it needs did not download (${fileName(url)}, status ${response.status})`);
  }
  if ((response.headers.get("content-type") ?? "").startsWith("text/html")) {
    throw new StartError(`the server sent a web page instead of a file it needs (${fileName(url)})`);
  }
  return response;
}

async function bytes(url, expectedLength) {
  const data = new Uint8Array(await (await download(url)).arrayBuffer());
  if (expectedLength !== undefined && data.length !== expectedLength) {
    throw new StartError(`a file it needs arrived incomplete (${fileName(url)})`);
  }
  return data;
}

async function checkedBytes(url, sha256) {
  const data = await bytes(url);
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", data));
  const hex = [...digest].map((byte) => byte.toString(16).padStart(2, "0")).join("");
  if (hex !== sha256) throw new StartError(`a file it needs arrived damaged (${fileName(url)} failed its checksum)`);
  return data;
}

/** The runtime's files as absolute addresses. */
function runtimeFromManifest(manifest) {
  if (!manifest) throw new StartError("this copy of the site was not built with its calculator files");
  const url = (path) => new URL(path, RUNTIME_DIR).href;
  return {
    moduleURL: url(manifest.module_url),
    asmURL: url(manifest.index_url + "pyodide.asm.mjs"),
    indexURL: url(manifest.index_url),
    wasmURL: url(manifest.wasm_url),
    stdlibURL: url(manifest.stdlib_url),
    lockFileURL: url(manifest.lock_file_url),
    wheelURL: url(manifest.wheel),
    wheelSha256: manifest.wheel_sha256,
    snapshot: {
      url: url(manifest.snapshot_url),
      bytes: manifest.snapshot_bytes,
      memoryBytes: manifest.snapshot_memory_bytes,
      stdlibURL: url(manifest.snapshot_stdlib_url),
    },
  };
}

/** What to do with the interpreter's instance before Pyodide uses it, once (the snapshot is
 * completed there); it never throws. */
let onInstantiated = null;

/** The interpreter, compiled while it downloads. Pyodide asks for the file and instantiates the
 * response: both steps use this compiled module instead. */
function compileInterpreter(url) {
  const compiled = WebAssembly.compileStreaming(download(url)).catch((error) => {
    if (error instanceof StartError) throw error;
    throw new StartError(`a file it needs arrived damaged (${fileName(url)} is not a working interpreter)`);
  });
  compiled.then(() => step("compiled"), () => {});
  prefetched.set(url, { keep: true, response: Promise.resolve(new Response(null)) });
  WebAssembly.instantiateStreaming = async (_response, imports) => {
    const module = await compiled;
    const instance = await WebAssembly.instantiate(module, imports);
    step("instantiated");
    const hook = onInstantiated;
    onInstantiated = null;
    await hook?.(instance);
    return { module, instance };
  };
  return compiled;
}

function prefetch(url) {
  const response = download(url);
  prefetched.set(url, { keep: false, response });
  return response;
}

/** Resolves never; rejects as soon as one of the promises does. */
const firstFailure = (promises) =>
  new Promise((_, reject) => promises.forEach((promise) => promise.catch(reject)));

async function loadModules(runtime) {
  try {
    const [{ loadPyodide }, asm] = await Promise.all([import(runtime.moduleURL), import(runtime.asmURL)]);
    step("pyodide's modules loaded");
    return { loadPyodide, createPyodideModule: asm.default };
  } catch {
    throw new StartError(`a file it needs did not download (${fileName(runtime.moduleURL)})`);
  }
}

async function fromSnapshot(runtime, common) {
  const { snapshot } = runtime;
  // Pyodide waits for the snapshot before it builds its module, but needs only its size until it
  // restores it: so it gets zeros of the right size at once, and they are filled in when the
  // interpreter is instantiated, by then usually downloaded.
  const image = new Uint8Array(snapshot.memoryBytes);
  const filled = Promise.all([
    bytes(snapshot.url, snapshot.bytes).then((data) => {
      step("snapshot downloaded");
      return data;
    }),
    import("./snapshot-image.mjs"),  // with the downloads, not as a static import that would hold them back
  ]);
  let completed = null;
  const completing = new Promise((resolve, reject) => (completed = { resolve, reject }));
  onInstantiated = async (instance) => {
    try {
      const [packed, { unpackSnapshot, restoreInterpreterData }] = await filled;
      restoreInterpreterData(unpackSnapshot(packed, image), instance.exports.memory.buffer);
      step("snapshot completed");
      completed.resolve();
    } catch (error) {
      // The race below is lost; the abandoned restore must then fail at once on the image's
      // missing header rather than run Python on a half-filled memory.
      image.fill(0, 0, 64);
      completed.reject(error);
    }
  };
  const stdlib = prefetch(snapshot.stdlibURL);
  const failed = firstFailure([filled, completing, stdlib]);
  let lost = false;
  failed.catch(() => (lost = true));
  const restoring = (async () => {
    const options = await common.options();
    // A snapshot that failed already (missing, say) starts nothing: an abandoned interpreter
    // would take the worker's time from the normal start.
    if (lost) throw new Error("the snapshot failed before Python started");
    return common.loadPyodide({ ...options, stdLibURL: snapshot.stdlibURL, _loadSnapshot: image });
  })();
  const pyodide = await Promise.race([restoring, failed]);
  step("snapshot restored");
  // The snapshot's Python works, or the normal start takes over. (A light call: the first call
  // of any kind after a restore pays for the browser compiling the interpreter's code it runs.)
  const restored = pyodide.pyimport("musclecalc.bridge");
  if (!JSON.parse(restored.convert(HEALTH_CHECK)).ok) throw new Error("the restored calculators do not answer");
  step("snapshot checked");
  return { pyodide, bridge: restored };
}

async function normally(runtime, common) {
  step("normal start");
  const wheel = checkedBytes(runtime.wheelURL, runtime.wheelSha256);
  const stdlib = prefetch(runtime.stdlibURL);
  const pyodide = await Promise.race([
    common.loadPyodide({ ...(await common.options()), stdLibURL: runtime.stdlibURL }),
    firstFailure([wheel, stdlib]),
  ]);
  const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
  pyodide.unpackArchive(await wheel, "wheel", { extractDir: sitePackages });
  step("wheel unpacked");
  return { pyodide, bridge: pyodide.pyimport("musclecalc.bridge") };
}

async function start() {
  const runtime = runtimeFromManifest(MANIFEST);
  const interpreter = compileInterpreter(runtime.wasmURL);
  const lockFile = download(runtime.lockFileURL).then((response) => response.json());
  const modules = loadModules(runtime);
  const critical = firstFailure([interpreter, lockFile, modules]);
  let criticalError = null;
  critical.catch((error) => (criticalError = error));
  const common = {
    loadPyodide: async (options) => (await modules).loadPyodide(options),
    options: async () => ({
      indexURL: runtime.indexURL,
      createPyodideModule: (await modules).createPyodideModule,
      lockFileContents: structuredClone(await lockFile),
    }),
  };
  let started = null;
  let how = "snapshot";
  if (runtime.snapshot) {
    try {
      started = await Promise.race([fromSnapshot(runtime, common), critical]);
    } catch (error) {
      if (criticalError) throw criticalError;
      refused = plain(error);  // start the normal way, quietly
      started = null;
    }
  }
  if (!started) {
    how = "normal";
    onInstantiated = null;
    started = await Promise.race([normally(runtime, common), critical]);
  }
  bridge = started.bridge;
  // Read, not run: runPython would compile code, and the compiler's first use costs ~0.3 s.
  const sys = started.pyodide.pyimport("sys");
  const python = sys.version.split(" ")[0];
  sys.destroy();
  return { python, start: how };
}

/** This worker's script and every file of this site it loaded since, in the order loaded. */
function loadedFiles() {
  const files = performance.getEntriesByType("resource").map((entry) => entry.name);
  return [...new Set([self.location.href, ...files])].filter((url) => new URL(url).origin === self.location.origin);
}

/** Plain words for the page: ours as they are, anything else cut to its last line, no traceback. */
function plain(error) {
  if (error instanceof StartError) return error.message;
  const lines = String(error?.message ?? error).trim().split("\n").filter(Boolean);
  return `Python stopped while starting (${(lines.at(-1) ?? "unknown error").slice(0, 160)})`;
}

// Started at once; calls that arrive first wait for it (the page sends none before "ready").
const startUp = start().then(
  (how) => self.postMessage({ op: "ready", ...how, steps, refused, files: loadedFiles() }),
  (error) => self.postMessage({ op: "failed", reason: plain(error) }),
);

self.addEventListener("message", async (event) => {
  const message = event.data;
  await startUp;
  try {
    if (!bridge) throw new Error("the calculator has not started");
    const began = performance.now();
    const json = message.op === "convert"
      ? bridge.convert(message.payload)
      : bridge.run(message.name, message.payload, message.siteRoot ?? "");
    self.postMessage({ id: message.id, json, ms: performance.now() - began });
  } catch (error) {
    self.postMessage({ id: message.id, error: String(error && error.message ? error.message : error) });
  }
});
