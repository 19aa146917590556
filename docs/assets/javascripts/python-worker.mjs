// The page's side of the calculators' Python: one module worker (calculator-worker.mjs) runs
// Pyodide and musclecalc for the whole visit, shared by every calculator on every page that
// Material's instant navigation shows. Calls are posted to it and answered by id.

const RUNTIME_URL = new URL("../pyodide/runtime.json", import.meta.url);
const WORKER_URL = new URL("./calculator-worker.mjs", import.meta.url);
const START_TIMEOUT_MS = 90_000;
const CALL_TIMEOUT_MS = 20_000;

class PythonWorker {
  #worker = null;
  #ready = null;
  #pending = new Map();
  #nextId = 1;

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
    const response = await fetch(RUNTIME_URL);
    if (!response.ok) throw new Error(`could not load ${RUNTIME_URL.pathname} (HTTP ${response.status})`);
    const manifest = await response.json();
    const runtime = {
      moduleURL: new URL(manifest.module_url, RUNTIME_URL).href,
      indexURL: new URL(manifest.index_url, RUNTIME_URL).href,
      lockFileURL: new URL(manifest.lock_file_url, RUNTIME_URL).href,
      packages: manifest.packages,
    };
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
    worker.postMessage({ op: "start", runtime });
    return ready;
  }

  #settle(message) {
    const call = this.#pending.get(message.id);
    if (!call) return;
    this.#pending.delete(message.id);
    clearTimeout(call.timer);
    if (message.error) call.reject(new Error(message.error));
    else call.resolve(JSON.parse(message.json));
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
