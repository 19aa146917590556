// The page's client of the calculators' worker: one module worker (calculator-worker.mjs) runs
// Pyodide and musclecalc for the whole visit, shared by every calculator on every page that
// Material's instant navigation shows. Calls are posted to it and answered by id.
//
// The protocol's parts that need no browser are exported for tests/js, which speak it over a
// real MessageChannel: `watchStart` (the start's messages and its stall watchdog), `Calls`
// (call and reply matched by id, errors, time-outs) and `siteWasUpdated` (is this page from an
// earlier deploy? asked of the server).
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
export const SAY = {
  stalled: `its download stalled (nothing arrived for ${STALL_MS / 1000} seconds); check the connection and try again`,
  workerMissing: "the calculator's worker failed to load",
  workerType: (/** @type {string} */ sent) =>
    `the server sends .mjs files with the wrong type ("${sent || "none"}" instead of "text/javascript"), ` +
    "so the browser will not run the calculator; the server's setup needs the types listed in the site's deploy/nginx.conf",
  updated: "the site was updated since this page was opened",
  noAnswer: `no answer within ${CALL_TIMEOUT_MS / 1000} seconds`,
  stopped: "the calculator stopped",
};

/**
 * The bridge's JSON reply to a call (musclecalc.bridge): `ok` with the answer's markup (run) or
 * the converted text (convert), or the messages by field key; `fields`: the values as Python
 * read them; `csv`: the progress log as a file.
 * @typedef {object} Reply
 * @property {boolean} ok
 * @property {Record<string, string>} [errors]
 * @property {Record<string, unknown>} [fields]
 * @property {string} [answer]
 * @property {string} [details]
 * @property {string} [digest]  the fingerprint of answer and details (musclecalc._html.markup_digest)
 * @property {string} [text]
 * @property {string} [csv]
 */

/**
 * The worker's messages (calculator-worker.mjs says what each carries).
 * @typedef {{op: "progress"}} Progress
 * @typedef {{op: "ready", python: string, start: string, steps: Record<string, number>,
 *            refused: string | null, files: string[], checks: Record<string, unknown>}} Ready
 * @typedef {{op: "failed", reason: string, detail: string}} Failed
 * @typedef {{id: number, json: string, ms: number} | {id: number, error: string, detail: string}} Answered
 * @typedef {Progress | Ready | Failed | Answered} WorkerMessage
 */

/**
 * What a port needs for the start's messages: a Worker, or a MessagePort in the tests.
 * @typedef {{addEventListener(type: "message", listener: (event: MessageEvent) => void): void,
 *            removeEventListener(type: "message", listener: (event: MessageEvent) => void): void}} MessageSource
 */

/** The start failed because this page belongs to an earlier deploy: its files are gone from the
 * server. Reloading the page (which keeps the reader's values) loads the new one. */
export class SiteUpdated extends Error {}

/**
 * After a failed start: a page whose own worker script is gone from the server (404 or 410) was
 * opened before a new deploy (every script name carries a hash of its content). Asked of the
 * server itself; no answer (offline) says nothing.
 * @param {URL | string} workerUrl
 * @param {number} [timeoutMs]
 * @returns {Promise<boolean>}
 */
export async function siteWasUpdated(workerUrl, timeoutMs = PROBE_MS) {
  try {
    const response = await fetch(workerUrl, { method: "HEAD", cache: "no-store", signal: AbortSignal.timeout(timeoutMs) });
    return response.status === 404 || response.status === 410;
  } catch {
    return false;  // offline: nothing can be said
  }
}

/**
 * Whether a Content-Type header is one a browser runs a module script as.
 * @param {string | null} contentType
 */
export function isScriptType(contentType) {
  const sent = (contentType ?? "").split(";")[0].trim().toLowerCase();
  return /^(text|application)\/(x-)?(javascript|ecmascript)$/.test(sent);
}

/** Why the worker's script did not load, from the server's answer for it.
 *  @param {URL | string} workerUrl */
async function whyWorkerFailed(workerUrl) {
  try {
    const response = await fetch(workerUrl, { cache: "no-store", signal: AbortSignal.timeout(PROBE_MS) });
    const type = response.headers.get("content-type");
    if (response.ok && !isScriptType(type)) return SAY.workerType((type ?? "").split(";")[0].trim().toLowerCase());
  } catch {
    // offline: the generic words below
  }
  return SAY.workerMissing;
}

/** The start-up on the page's timeline: a mark when the worker was created, and one when it was
 * ready, named by how it started, carrying the worker's steps (on the page's clock) and, if the
 * snapshot was not used, why.
 * @param {Ready} message */
function record(message) {
  const steps = Object.fromEntries(
    Object.entries(message.steps).map(([name, at]) => [name, Math.round(at - performance.timeOrigin)]),
  );
  performance.mark(`musclecalc:ready:${message.start}`, {
    detail: { steps, refused: message.refused, checks: message.checks },
  });
}

/**
 * The start as the worker reports it: resolves with its "ready" message, rejects with its
 * "failed" reason, or with SAY.stalled once `stallMs` pass without a message (each "progress"
 * restarts the watch). Every other message (a call's answer) goes to `onOther`, before and after.
 * @param {MessageSource} source
 * @param {number} stallMs
 * @param {(message: Answered) => void} onOther
 * @returns {{ready: Promise<Ready>, stop: () => void, fail: (error: Error) => void}}  `stop` ends
 *   the watch (not the listening); `fail` ends the start with an error found elsewhere
 */
export function watchStart(source, stallMs, onOther) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  /** @type {(error: Error) => void} */
  let fail = () => {};
  const ready = new Promise((resolve, reject) => {
    fail = reject;
    const watch = () => {
      clearTimeout(timer);
      timer = setTimeout(() => reject(new Error(SAY.stalled)), stallMs);
    };
    watch();
    source.addEventListener("message", (event) => {
      const message = /** @type {WorkerMessage} */ (event.data);
      if (!("op" in message)) {
        onOther(message);
      } else if (message.op === "progress") {
        watch();
      } else if (message.op === "ready") {
        clearTimeout(timer);
        resolve(message);
      } else if (message.op === "failed") {
        clearTimeout(timer);
        performance.mark("musclecalc:failed", { detail: { reason: message.reason, detail: message.detail } });
        reject(new Error(message.reason));
      }
    });
  });
  return {
    ready,
    stop: () => clearTimeout(timer),
    fail: (error) => {
      clearTimeout(timer);
      fail(error);
    },
  };
}

/**
 * Calls posted to the worker and their replies, matched by id; a call unanswered after
 * `timeoutMs` rejects with SAY.noAnswer, one the worker could not answer with its plain reason.
 */
export class Calls {
  /** @type {Map<number, {resolve: (reply: Reply) => void, reject: (error: Error) => void, timer: ReturnType<typeof setTimeout>}>} */
  #pending = new Map();
  #nextId = 1;

  /**
   * @param {(message: {id: number, op: string, [field: string]: string | number}) => void} post
   * @param {number} timeoutMs
   */
  constructor(post, timeoutMs) {
    this.post = post;
    this.timeoutMs = timeoutMs;
  }

  /** @returns {number} calls still waiting for a reply */
  get waiting() {
    return this.#pending.size;
  }

  /**
   * Post one call ("run" or "convert") and resolve with the bridge's parsed JSON reply.
   * @param {"run" | "convert"} op
   * @param {Record<string, string>} fields
   * @returns {Promise<Reply>}
   */
  call(op, fields) {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(new Error(SAY.noAnswer));
      }, this.timeoutMs);
      this.#pending.set(id, { resolve, reject, timer });
      this.post({ ...fields, id, op });
    });
  }

  /** A reply from the worker to its call; one for no call waiting (timed out) is dropped.
   *  @param {Answered} message */
  settle(message) {
    const call = this.#pending.get(message.id);
    if (!call) return;
    this.#pending.delete(message.id);
    clearTimeout(call.timer);
    if ("error" in message) {
      performance.mark("musclecalc:failed", { detail: { reason: message.error, detail: message.detail } });
      call.reject(new Error(message.error));
      return;
    }
    performance.mark("musclecalc:answered", { detail: { python_ms: message.ms } });
    call.resolve(JSON.parse(message.json));
  }

  /** Every call still waiting rejects with SAY.stopped (the worker is gone). */
  stopAll() {
    for (const call of this.#pending.values()) {
      clearTimeout(call.timer);
      call.reject(new Error(SAY.stopped));
    }
    this.#pending.clear();
  }
}

class PythonWorker {
  /** @type {Worker | null} */
  #worker = null;
  /** @type {Calls | null} */
  #calls = null;
  /** @type {Promise<string> | null} */
  #ready = null;
  /** @type {(files: string[]) => void} */
  #reportStarted = () => {};
  /** @type {Promise<string[]>} */
  #loadedFiles = new Promise((resolve) => (this.#reportStarted = resolve));

  /** Resolves, without starting Python, once it has started: with the files of this site the
   * worker loaded (the runtime, as this browser loaded it, for offline use). */
  started() {
    return this.#loadedFiles;
  }

  /** Start Python once; later calls return the same promise (a new one after a failure). A
   * failure of a page from an earlier deploy rejects with SiteUpdated.
   * @returns {Promise<string>} the Python version */
  start() {
    if (!this.#ready) {
      this.#ready = this.#boot().catch(async (error) => {
        this.#stop();
        if (await siteWasUpdated(WORKER_URL)) throw new SiteUpdated(SAY.updated);
        throw error;
      });
    }
    return this.#ready;
  }

  async #boot() {
    performance.mark("musclecalc:worker");
    const worker = new Worker(WORKER_URL, { type: "module", name: "musclecalc" });
    const calls = new Calls((message) => worker.postMessage(message), CALL_TIMEOUT_MS);
    this.#worker = worker;
    this.#calls = calls;
    const start = watchStart(worker, STALL_MS, (message) => calls.settle(message));
    // The worker's script itself did not load or run (what the browser says then is not for
    // the reader: the server is asked why).
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      start.stop();
      whyWorkerFailed(WORKER_URL).then((reason) => start.fail(new Error(reason)));
    });
    const message = await start.ready;
    record(message);
    this.#reportStarted(message.files);
    return message.python;
  }

  #stop() {
    this.#worker?.terminate();
    this.#worker = null;
    this.#ready = null;
    this.#calls?.stopAll();
    this.#calls = null;
  }

  /** Post one call ("run" or "convert") and resolve with the bridge's parsed JSON reply.
   * @param {"run" | "convert"} op
   * @param {Record<string, string>} fields
   * @returns {Promise<Reply>} */
  async call(op, fields) {
    performance.mark("musclecalc:asked");
    await this.start();
    if (!this.#calls) throw new Error(SAY.stopped);
    return this.#calls.call(op, fields);
  }
}

/** The one worker for the whole visit. */
export const python = new PythonWorker();
