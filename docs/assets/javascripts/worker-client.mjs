// The page's side of the calculators' Python: one module worker (calculator-worker.mjs) runs
// Pyodide and musclecalc for the whole visit, shared by every calculator on every page that
// Material's instant navigation shows. Calls are posted to it and answered by id.
//
// The worker starts Python as soon as it is created (the build writes which files to load into
// its script). Its start-up steps and each answer are left on the page's performance timeline
// as "musclecalc:" marks (for `make bench`).

const WORKER_URL = new URL("./calculator-worker.mjs", import.meta.url);
/** A start that hears nothing from the worker for this long (no bytes, no stage: it reports both
 * at least once a second while they come) has stalled: the reader is told, with a retry. */
const STALL_MS = 10_000;
const CALL_TIMEOUT_MS = 20_000;
// The snapshot is used on every connection: with it the worker downloads no more than a normal
// start does (the interpreter plus 2.6 MB of snapshot, against the interpreter plus 2.5 MB of
// standard library and the wheel; `make bench`: 5.81 MB brotli either way), and it saves
// seconds of CPU. A reader who asked to save data downloads nothing until a calculator opens.
/** How long the server is asked why a start failed, before the page says what it knows. */
const PROBE_MS = 3_000;

/** What the page says when the worker cannot say it (the worker's own reasons come from
 * calculator-worker.mjs's SAY), after "The calculator could not start: ". */
const SAY = {
  stalled: `its download stalled (nothing arrived for ${STALL_MS / 1000} seconds); check the connection and try again`,
  workerMissing: "the calculator's worker failed to load",
  workerType: (sent) =>
    `the server sends .mjs files with the wrong type ("${sent || "none"}" instead of "text/javascript"), ` +
    "so the browser will not run the calculator; the server's setup needs the types listed in the site's deploy/nginx.conf",
  updated: "the site was updated since this page was opened",
  noAnswer: `no answer within ${CALL_TIMEOUT_MS / 1000} seconds`,
  stopped: "the calculator stopped",
};

/** The start failed because this page belongs to an earlier deploy: its files are gone from the
 * server. Reloading the page (which keeps the reader's values) loads the new one. */
export class SiteUpdated extends Error {}

/** After a failed start: a page whose own worker script is gone from the server was opened before
 * a new deploy (every script name carries a hash of its content). Asked of the server itself. */
async function siteWasUpdated() {
  try {
    const response = await fetch(WORKER_URL, { method: "HEAD", cache: "no-store", signal: AbortSignal.timeout(PROBE_MS) });
    return response.status === 404 || response.status === 410;
  } catch {
    return false;  // offline: nothing can be said
  }
}

/** Why the worker's script did not load, from the server's answer for it. */
async function whyWorkerFailed() {
  try {
    const response = await fetch(WORKER_URL, { cache: "no-store", signal: AbortSignal.timeout(PROBE_MS) });
    const sent = (response.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
    if (response.ok && !/^(text|application)\/(x-)?(javascript|ecmascript)$/.test(sent)) return SAY.workerType(sent);
  } catch {
    // offline: the generic words below
  }
  return SAY.workerMissing;
}

/** The start-up on the page's timeline: a mark when the worker was created, and one when it was
 * ready, named by how it started, carrying the worker's steps (on the page's clock) and, if the
 * snapshot was not used, why. */
function record(message) {
  const steps = Object.fromEntries(
    Object.entries(message.steps).map(([name, at]) => [name, Math.round(at - performance.timeOrigin)]),
  );
  performance.mark(`musclecalc:ready:${message.start}`, {
    detail: { steps, refused: message.refused, checks: message.checks },
  });
}

class PythonWorker {
  #worker = null;
  #ready = null;
  #reportStarted = null;
  #loadedFiles = new Promise((resolve) => (this.#reportStarted = resolve));
  #pending = new Map();
  #nextId = 1;

  /** Resolves, without starting Python, once it has started: with the files of this site the
   * worker loaded (the runtime, as this browser loaded it, for offline use). */
  started() {
    return this.#loadedFiles;
  }

  /** Start Python once; later calls return the same promise (a new one after a failure). A
   * failure of a page from an earlier deploy rejects with SiteUpdated. */
  start() {
    if (!this.#ready) {
      this.#ready = this.#boot().catch(async (error) => {
        this.#stop();
        if (await siteWasUpdated()) throw new SiteUpdated(SAY.updated);
        throw error;
      });
    }
    return this.#ready;
  }

  async #boot() {
    performance.mark("musclecalc:worker");
    const worker = new Worker(WORKER_URL, { type: "module", name: "musclecalc" });
    this.#worker = worker;
    const ready = new Promise((resolve, reject) => {
      let timer = null;
      const watch = () => {
        clearTimeout(timer);
        timer = setTimeout(() => reject(new Error(SAY.stalled)), STALL_MS);
      };
      watch();
      worker.addEventListener("message", (event) => {
        const message = event.data;
        if (message.op === "progress") {
          watch();
        } else if (message.op === "ready") {
          clearTimeout(timer);
          record(message);
          this.#reportStarted(message.files);
          resolve(message.python);
        } else if (message.op === "failed") {
          clearTimeout(timer);
          performance.mark("musclecalc:failed", { detail: { reason: message.reason, detail: message.detail } });
          reject(new Error(message.reason));
        } else {
          this.#settle(message);
        }
      });
      // The worker's script itself did not load or run (what the browser says then is not for
      // the reader: the server is asked why).
      worker.addEventListener("error", (event) => {
        clearTimeout(timer);
        event.preventDefault();
        whyWorkerFailed().then((reason) => reject(new Error(reason)));
      });
    });
    return ready;
  }

  #settle(message) {
    const call = this.#pending.get(message.id);
    if (!call) return;
    this.#pending.delete(message.id);
    clearTimeout(call.timer);
    if (message.error) {
      performance.mark("musclecalc:failed", { detail: { reason: message.error, detail: message.detail } });
      call.reject(new Error(message.error));
      return;
    }
    performance.mark("musclecalc:answered", { detail: { python_ms: message.ms } });
    call.resolve(JSON.parse(message.json));
  }

  #stop() {
    if (this.#worker) this.#worker.terminate();
    this.#worker = null;
    this.#ready = null;
    for (const call of this.#pending.values()) {
      clearTimeout(call.timer);
      call.reject(new Error(SAY.stopped));
    }
    this.#pending.clear();
  }

  /** Post one call ("run" or "convert") and resolve with the bridge's parsed JSON reply. */
  async call(op, fields) {
    performance.mark("musclecalc:asked");
    await this.start();
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(new Error(SAY.noAnswer));
      }, CALL_TIMEOUT_MS);
      this.#pending.set(id, { resolve, reject, timer });
      this.#worker.postMessage({ id, op, ...fields });
    });
  }
}

/** The one worker for the whole visit. */
export const python = new PythonWorker();
