// The calculators' Python, off the main thread: one module worker runs Pyodide and musclecalc.
// It starts Python as soon as it is created (worker-client.mjs creates it when the page wants
// Python): which files to load is written into this script by the build (the runtime's
// manifest, runtime.json), so the start waits neither for a round trip nor for the page.
//
// Messages in:  {id, op: "run", name, payload, siteRoot, address}   payload: a JSON string;
//               address: the page's public address, named by a summary to take to a doctor
//               {id, op: "convert", payload}
// Messages out: {op: "ready", python, start, steps, refused, files, checks}
//               | {op: "failed", reason, detail} (reason: plain words for the reader; detail: the
//               error as it was, for developers, never shown)
//               {op: "progress"} (bytes arrived or a stage was reached: at most one a second,
//               so the page can tell a slow start from a stalled one)
//               (steps: when each stage was reached, as ms since the epoch on the shared high-resolution
//               clock (timeOrigin + now), which the page turns into its own time; refused: why the
//               snapshot was not used, if it was not; files: every file of this site the worker
//               loaded, which offline.mjs keeps for offline use; checks: how long checking
//               the interpreter and the snapshot against the build's sha256 took, and how long
//               the start waited for it, in ms)
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
// damaged file), the page hears at once, in plain words, and offers a retry. The interpreter and
// the snapshot are checked against the sha256 the build wrote before either is used: a damaged
// interpreter is a failure, a damaged snapshot a quiet normal start.

/** The runtime's manifest, filled in by the build (sitebuild.runtime_cache.install); its
 * paths are relative to assets/pyodide/. */
const MANIFEST = self.__MUSCLECALC_RUNTIME__;
const RUNTIME_DIR = new URL("../pyodide/", import.meta.url);

/** @typedef {import("pyodide").PyodideAPI} Pyodide */
/** @typedef {{name: string, blocks: string[], blockBytes: number}} BlockCheck  the build's sha256 of each block */
/** @typedef {{run(name: string, payload: string, siteRoot: string, address: string): string, convert(payload: string): string}} Bridge */

/** musclecalc.bridge, once Python has started. @type {Bridge | null} */
let bridge = null;
const HEALTH_CHECK = JSON.stringify({ value: "1", from: "kg", to: "lb" });

/** A start-up failure to show the reader as it is. */
class StartError extends Error {}

/** Every reason the worker gives the reader, in plain words (the page puts "The calculator could
 * not start: " before it). Nothing else the runtime says reaches the reader. */
/** @typedef {(name: string) => string} Said */
const SAY = {
  offline: /** @type {Said} */ (name) => `a file it needs could not be downloaded (${name}); check the connection`,
  status: (/** @type {string} */ name, /** @type {number} */ status) => `a file it needs did not download (${name}, status ${status})`,
  page: /** @type {Said} */ (name) => `the server sent a web page instead of a file it needs (${name})`,
  incomplete: /** @type {Said} */ (name) => `a file it needs arrived damaged (${name} is incomplete)`,
  damaged: /** @type {Said} */ (name) => `a file it needs arrived damaged (${name})`,
  checksum: /** @type {Said} */ (name) => `a file it needs arrived damaged (${name} failed its checksum)`,
  notInterpreter: /** @type {Said} */ (name) => `a file it needs arrived damaged (${name} is not a working interpreter)`,
  wrongType: (/** @type {string} */ name, /** @type {string} */ sent, /** @type {string} */ wanted) =>
    `the server sends .${name.split(".").pop()} files with the wrong type ("${sent || "none"}" instead of ` +
    `"${wanted}"), so the browser will not run ${name}; the server's setup needs the types listed in ` +
    "the site's deploy/nginx.conf",
  notBuilt: "this copy of the site was not built with its calculator files",
  python: "Python stopped while starting; reloading the page may help",
  call: "Python stopped on these values",
};

/** @param {string} url */
const fileName = (url) => new URL(url).pathname.split("/").pop() ?? "";

/** Tell the page that the start is moving (bytes arrived, a stage was reached), once a second
 * at most: the page calls a start that hears nothing for a while stalled. */
let lastProgress = 0;
function progressed() {
  const now = performance.now();
  if (now - lastProgress < 1_000) return;
  lastProgress = now;
  self.postMessage({ op: "progress" });
}

/** @type {Record<string, number>} */
const steps = {};
/** Note when a stage was reached; a stage reached again is noted again ("instantiated #2"). */
const step = (/** @type {string} */ name) => {
  let key = name;
  for (let count = 2; key in steps; count++) key = `${name} #${count}`;
  steps[key] = performance.timeOrigin + performance.now();
  progressed();
};
/** The integrity checks' cost, by file: ms from the file's last byte until its check was done,
 * and ms by which the check held the start back (the part after the file was also needed). */
/** @type {Record<string, {after_download_ms: number, delay_ms: number}>} */
const checks = {};
/** @type {Record<string, {arrived: number, ended: number}>} */
const checkTimes = {};
step("worker script run");
/** Why the snapshot was not used, if it was not. @type {string | null} */
let refused = null;

// Pyodide fetches the interpreter and the standard library itself. The worker fetches them
// first, to check them and to start every download at once, and hands Pyodide these responses.
const networkFetch = self.fetch.bind(self);
/** @type {Map<string, {keep: boolean, response: Promise<Response>}>} */
const prefetched = new Map();
self.fetch = (input, init) => {
  const url = String(input instanceof Request ? input.url : input);
  const hit = prefetched.get(url);
  if (!hit) return networkFetch(input, init);
  if (!hit.keep) prefetched.delete(url);
  return hit.response;
};

/** A response that is really the file asked for, or a StartError that says what went wrong
 * (`type`: the media type the browser insists on for this file, if any).
 * @param {string} url  @param {string} [type]  @returns {Promise<Response>} */
async function download(url, type) {
  let response;
  try {
    response = await networkFetch(url);
  } catch {
    throw new StartError(SAY.offline(fileName(url)));
  }
  if (!response.ok) throw new StartError(SAY.status(fileName(url), response.status));
  const sent = (response.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (sent === "text/html") throw new StartError(SAY.page(fileName(url)));
  if (type && sent !== type) throw new StartError(SAY.wrongType(fileName(url), sent, type));
  return response;
}

/** A body's bytes, read chunk by chunk (each chunk counts as progress); a body of another length
 * than expected (if given) is a StartError. With `check` ({name, blocks, blockBytes}: the build's
 * sha256 of each block), each block's digest starts as soon as the block is in, so little is left
 * to do when the last byte arrives; `verified` then resolves to whether every block matched.
 * @param {Response} response  @param {string} url  @param {number} [expectedLength]  @param {BlockCheck} [check]
 * @returns {Promise<{data: Uint8Array<ArrayBuffer>, verified: Promise<boolean> | null}>} */
async function readAll(response, url, expectedLength, check) {
  const name = fileName(url);
  const data = expectedLength === undefined ? null : new Uint8Array(expectedLength);
  /** @type {Uint8Array[]} */
  const chunks = [];
  /** @type {Promise<ArrayBuffer>[]} */
  const digests = [];
  let length = 0;
  let hashed = 0;
  /** @param {BlockCheck} check  @param {Uint8Array<ArrayBuffer>} data  @param {boolean} last */
  const hashBlocks = (check, data, last) => {
    while (hashed < length && (length - hashed >= check.blockBytes || last)) {
      const end = Math.min(hashed + check.blockBytes, length);
      digests.push(crypto.subtle.digest("SHA-256", data.subarray(hashed, end)));  // copies the block
      hashed = end;
    }
  };
  let read;
  try {
    read = /** @type {ReadableStream<Uint8Array>} */ (response.body).getReader();
  } catch {
    throw new StartError(SAY.offline(name));
  }
  for (;;) {
    let next;
    try {
      next = await read.read();
    } catch {
      throw new StartError(SAY.offline(name));
    }
    if (next.done) break;
    if (data) {
      if (length + next.value.length > data.length) throw new StartError(SAY.damaged(name));
      data.set(next.value, length);
    } else {
      chunks.push(next.value);
    }
    length += next.value.length;
    if (check && data) hashBlocks(check, data, false);
    progressed();
  }
  if (expectedLength !== undefined && length !== expectedLength) throw new StartError(SAY.incomplete(name));
  let verified = null;
  if (check && data) {
    const arrived = performance.now();
    hashBlocks(check, data, true);
    verified = Promise.all(digests).then((list) => {
      checkTimes[check.name] = { arrived, ended: performance.now() };
      checks[check.name] = { after_download_ms: Math.round(performance.now() - arrived), delay_ms: 0 };
      const hex = list.map((digest) => [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join(""));
      return hex.length === check.blocks.length && hex.every((digest, index) => digest === check.blocks[index]);
    });
  }
  if (data) return { data, verified };
  const joined = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    joined.set(chunk, at);
    at += chunk.length;
  }
  return { data: joined, verified };
}

/** @param {string} url  @param {number} [expectedLength] */
async function bytes(url, expectedLength) {
  return (await readAll(await download(url), url, expectedLength)).data;
}

/** @param {string} url  @param {string} sha256 */
async function checkedBytes(url, sha256) {
  const data = await bytes(url);
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", data));
  const hex = [...digest].map((byte) => byte.toString(16).padStart(2, "0")).join("");
  if (hex !== sha256) throw new StartError(SAY.checksum(fileName(url)));
  return data;
}

/** Wait for a check where its file is needed, noting by how much the digest held the start back.
 * @param {Promise<unknown>} check  @param {string} name */
async function awaitCheck(check, name) {
  const needed = performance.now();
  try {
    await check;
  } finally {
    const times = checkTimes[name];
    if (times) checks[name].delay_ms = Math.round(Math.max(0, times.ended - Math.max(times.arrived, needed)));
  }
}

/** The runtime's files as absolute addresses.
 * @param {RuntimeManifest | undefined} manifest */
function runtimeFromManifest(manifest) {
  if (!manifest) throw new StartError(SAY.notBuilt);
  const url = (/** @type {string} */ path) => new URL(path, RUNTIME_DIR).href;
  return {
    moduleURL: url(manifest.module_url),
    asmURL: url(manifest.index_url + "pyodide.asm.mjs"),
    indexURL: url(manifest.index_url),
    wasmURL: url(manifest.wasm_url),
    wasmCheck: {
      bytes: manifest.wasm_bytes,
      blocks: manifest.wasm_sha256_blocks,
      blockBytes: manifest.sha256_block_bytes,
    },
    stdlibURL: url(manifest.stdlib_url),
    lockFileURL: url(manifest.lock_file_url),
    wheelURL: url(manifest.wheel),
    wheelSha256: manifest.wheel_sha256,
    snapshot: {
      url: url(manifest.snapshot_url),
      bytes: manifest.snapshot_bytes,
      memoryBytes: manifest.snapshot_memory_bytes,
      check: { blocks: manifest.snapshot_sha256_blocks, blockBytes: manifest.sha256_block_bytes },
      stdlibURL: url(manifest.snapshot_stdlib_url),
    },
  };
}

/** What to do with the interpreter's instance before Pyodide uses it, once (the snapshot is
 * completed there); it never throws.
 * @type {((instance: WebAssembly.Instance) => Promise<void>) | null} */
let onInstantiated = null;

/** The interpreter, compiled while it downloads, and checked against the build's sha256 from a
 * copy of the same response (which also counts the bytes as they come). Pyodide asks for the file
 * and instantiates the response: both steps use this compiled module instead, once checked.
 * @param {string} url  @param {{bytes: number, blocks: string[], blockBytes: number}} check */
function compileInterpreter(url, check) {
  const name = fileName(url);
  const both = download(url, "application/wasm").then((response) => [response, response.clone()]);
  const compiled = WebAssembly.compileStreaming(both.then(([response]) => response)).catch((error) => {
    if (error instanceof StartError) throw error;
    throw new StartError(SAY.notInterpreter(name));
  });
  compiled.then(() => step("compiled"), () => {});
  const checked = both.then(async ([, copy]) => {
    const { verified } = await readAll(copy, url, check.bytes, { ...check, name });
    if (!(await verified)) throw new StartError(SAY.checksum(name));
    step("interpreter checked");
  });
  prefetched.set(url, { keep: true, response: Promise.resolve(new Response(null)) });
  WebAssembly.instantiateStreaming = async (_response, imports) => {
    const module = await compiled;
    await awaitCheck(checked, name);
    const instance = await WebAssembly.instantiate(module, imports);
    step("instantiated");
    const hook = onInstantiated;
    onInstantiated = null;
    await hook?.(instance);
    return { module, instance };
  };
  return Promise.all([compiled, checked]);
}

/** @param {string} url */
function prefetch(url) {
  const response = download(url);
  prefetched.set(url, { keep: false, response });
  return response;
}

/** Resolves never; rejects as soon as one of the promises does.
 * @param {Promise<unknown>[]} promises  @returns {Promise<never>} */
const firstFailure = (promises) =>
  new Promise((_, reject) => promises.forEach((promise) => promise.catch(reject)));

/** Media types a browser runs as a module script. */
const JAVASCRIPT = /^(text|application)\/(x-)?(javascript|ecmascript)$/;

/** Why a module did not load, in plain words: it is fetched again (from the browser's cache if
 * it arrived) to see the status and the type the server gave it.
 * @param {string} url */
async function whyNotLoaded(url) {
  let response;
  try {
    response = await download(url);
  } catch (error) {
    return error;
  }
  const sent = (response.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (!JAVASCRIPT.test(sent)) return new StartError(SAY.wrongType(fileName(url), sent, "text/javascript"));
  return new StartError(SAY.damaged(fileName(url)));
}

/** @param {string} url */
async function loadModule(url) {
  try {
    return await import(url);
  } catch {
    throw await whyNotLoaded(url);
  }
}

/** @typedef {ReturnType<typeof runtimeFromManifest>} Runtime */
/**
 * What both ways of starting share: Pyodide's loader and its options, once its modules are in.
 * @typedef {{loadPyodide: typeof import("pyodide").loadPyodide,
 *            options: () => Promise<import("pyodide").PyodideConfig>}} Common
 */
/** @typedef {{pyodide: Pyodide, bridge: Bridge}} Started */

/** @param {Runtime} runtime */
async function loadModules(runtime) {
  const [{ loadPyodide }, asm] = await Promise.all([loadModule(runtime.moduleURL), loadModule(runtime.asmURL)]);
  step("pyodide's modules loaded");
  return {
    loadPyodide: /** @type {typeof import("pyodide").loadPyodide} */ (loadPyodide),
    createPyodideModule: /** @type {import("pyodide").PyodideConfig["createPyodideModule"]} */ (asm.default),
  };
}

/** @param {Runtime} runtime  @param {Common} common  @returns {Promise<Started>} */
async function fromSnapshot(runtime, common) {
  const { snapshot } = runtime;
  // Pyodide waits for the snapshot before it builds its module, but needs only its size until it
  // restores it: so it gets zeros of the right size at once, and they are filled in when the
  // interpreter is instantiated, by then usually downloaded.
  const image = new Uint8Array(snapshot.memoryBytes);
  const name = fileName(snapshot.url);
  const filled = Promise.all([
    download(snapshot.url).then(async (response) => {
      const { data, verified } = await readAll(response, snapshot.url, snapshot.bytes, { ...snapshot.check, name });
      step("snapshot downloaded");
      // A snapshot that is not the build's is never restored: the normal start takes over.
      if (!(await verified)) throw new Error("the snapshot failed its checksum");
      step("snapshot verified");
      return data;
    }),
    import("./snapshot-image.mjs"),  // with the downloads, not as a static import that would hold them back
  ]);
  /** @type {{resolve: () => void, reject: (error: unknown) => void}} */
  let completed = { resolve: () => {}, reject: () => {} };
  const completing = new Promise((resolve, reject) => (completed = { resolve: () => resolve(undefined), reject }));
  onInstantiated = async (instance) => {
    try {
      await awaitCheck(filled, name);
      const [packed, { unpackSnapshot, restoreInterpreterData }] = await filled;
      const memory = /** @type {WebAssembly.Memory} */ (instance.exports.memory);
      restoreInterpreterData(unpackSnapshot(packed, image), memory.buffer);
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

/** @param {Runtime} runtime  @param {Common} common  @returns {Promise<Started>} */
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
  const interpreter = compileInterpreter(runtime.wasmURL, runtime.wasmCheck);
  const lockFile = download(runtime.lockFileURL).then((response) =>
    response.json().catch(() => {
      throw new StartError(SAY.damaged(fileName(runtime.lockFileURL)));
    }),
  );
  const modules = loadModules(runtime);
  const critical = firstFailure([interpreter, lockFile, modules]);
  let criticalError = null;
  critical.catch((error) => (criticalError = error));
  /** @type {Common} */
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
      refused = detail(error);  // start the normal way, quietly
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

/** Plain words for the page: ours as they are; anything else the runtime said ("Program
 * terminated with exit(1)", a parser's message, a traceback) becomes one plain sentence. */
/** @param {unknown} error */
function plain(error) {
  return error instanceof StartError ? error.message : SAY.python;
}

/** The error as it was, cut to its last line: for developers (a performance mark), never shown. */
/** @param {unknown} error */
function detail(error) {
  const lines = String(error instanceof Error ? error.message : error).trim().split("\n").filter(Boolean);
  return (lines.at(-1) ?? "unknown error").slice(0, 300);
}

// Started at once; calls that arrive first wait for it (the page sends none before "ready").
const startUp = start().then(
  (how) => self.postMessage({ op: "ready", ...how, steps, refused, checks, files: loadedFiles() }),
  (error) => self.postMessage({ op: "failed", reason: plain(error), detail: detail(error) }),
);

/** @typedef {{id: number, op: "convert", payload: string}} ConvertCall */
/** @typedef {{id: number, op: "run", name: string, payload: string, siteRoot?: string, address?: string}} RunCall */
self.addEventListener("message", async (/** @type {MessageEvent<ConvertCall | RunCall>} */ event) => {
  const message = event.data;
  await startUp;
  try {
    if (!bridge) throw new Error("the calculator has not started");
    const began = performance.now();
    const json = message.op === "convert"
      ? bridge.convert(message.payload)
      : bridge.run(message.name, message.payload, message.siteRoot ?? "", message.address ?? "");
    self.postMessage({ id: message.id, json, ms: performance.now() - began });
  } catch (error) {
    self.postMessage({ id: message.id, error: bridge ? SAY.call : SAY.python, detail: detail(error) });
  }
});
