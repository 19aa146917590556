// The page's side of the calculators' Python: one module worker (calculator-worker.mjs) runs
// Pyodide and musclecalc for the whole visit, shared by every calculator on every page that
// Material's instant navigation shows. Calls are posted to it and answered by id.
//
// The worker starts Python as soon as it is created (the build writes which files to load into
// its script). Its start-up steps and each answer are left on the page's performance timeline
// as "musclecalc:" marks (for `make bench`).

const WORKER_URL = new URL("./calculator-worker.mjs", import.meta.url);
const START_TIMEOUT_MS = 90_000;
const CALL_TIMEOUT_MS = 20_000;
// The snapshot is used on every connection: with it the worker downloads no more than a normal
// start does (the interpreter plus 2.6 MB of snapshot, against the interpreter plus 2.5 MB of
// standard library and the wheel; `make bench`: 5.81 MB brotli either way), and it saves
// seconds of CPU. A reader who asked to save data downloads nothing until a calculator opens.

/** The start-up on the page's timeline: a mark when the worker was created, and one when it was
 * ready, named by how it started, carrying the worker's steps (on the page's clock) and, if the
 * snapshot was not used, why. */
function record(message) {
  const steps = Object.fromEntries(
    Object.entries(message.steps).map(([name, at]) => [name, Math.round(at - performance.timeOrigin)]),
  );
  performance.mark(`musclecalc:ready:${message.start}`, { detail: { steps, refused: message.refused } });
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

  /** Start Python once; later calls return the same promise (a new one after a failure). */
  start() {
    if (!this.#ready) {
      this.#ready = this.#boot().catch((error) => {
        this.#stop();
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
      const timer = setTimeout(
        () => reject(new Error(`Python did not start within ${START_TIMEOUT_MS / 1000} seconds`)),
        START_TIMEOUT_MS,
      );
      worker.addEventListener("message", (event) => {
        const message = event.data;
        if (message.op === "ready") {
          clearTimeout(timer);
          record(message);
          this.#reportStarted(message.files);
          resolve(message.python);
        } else if (message.op === "failed") {
          clearTimeout(timer);
          reject(new Error(message.reason));
        } else {
          this.#settle(message);
        }
      });
      worker.addEventListener("error", (event) => {
        clearTimeout(timer);
        reject(new Error(event.message || "the calculator's worker failed to load"));
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
      call.reject(new Error("the calculator stopped"));
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
        reject(new Error(`no answer within ${CALL_TIMEOUT_MS / 1000} seconds`));
      }, CALL_TIMEOUT_MS);
      this.#pending.set(id, { resolve, reject, timer });
      this.#worker.postMessage({ id, op, ...fields });
    });
  }
}

/** The one worker for the whole visit. */
export const python = new PythonWorker();
