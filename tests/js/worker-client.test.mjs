// The page's client of the calculators' worker (docs/assets/javascripts/worker-client.mjs),
// spoken to over a real MessageChannel as the worker would (port2 is the worker's end), and its
// redeploy check asked of a real HTTP server.
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { after, test } from "node:test";

import { Calls, isScriptType, SAY, siteWasUpdated, watchStart } from "../../docs/assets/javascripts/worker-client.mjs";

/** @typedef {import("../../docs/assets/javascripts/worker-client.mjs").Answered} Answered */

/** A channel whose port1 is the page's end, with a client on it, and port2 the worker's. */
function channel(timeoutMs = 2_000) {
  const { port1: page, port2: worker } = new MessageChannel();
  const calls = new Calls((message) => page.postMessage(message), timeoutMs);
  page.addEventListener("message", (event) => {
    if (!("op" in event.data)) calls.settle(event.data);
  });
  /** @type {{id: number, op: string, [field: string]: unknown}[]} */
  const received = [];
  /** @type {((message: any) => void)[]} */
  const waiting = [];
  worker.addEventListener("message", (event) => {
    const next = waiting.shift();
    if (next) next(event.data);
    else received.push(event.data);
  });
  /** The next call the worker receives. @returns {Promise<any>} */
  const nextCall = () => (received.length ? Promise.resolve(received.shift()) : new Promise((resolve) => waiting.push(resolve)));
  const close = () => {
    page.close();
    worker.close();
  };
  return { page, worker, calls, nextCall, close };
}

test("each reply resolves the call it answers, whatever the order", async () => {
  const { worker, calls, nextCall, close } = channel();
  try {
    const first = calls.call("run", { name: "protein", payload: "{}", siteRoot: "../" });
    const second = calls.call("convert", { payload: '{"value":"1"}' });
    const [one, two] = [await nextCall(), await nextCall()];
    assert.equal(one.op, "run");
    assert.equal(one.name, "protein");
    assert.equal(two.op, "convert");
    assert.notEqual(one.id, two.id);
    // The second call is answered first.
    worker.postMessage({ id: two.id, json: JSON.stringify({ ok: true, text: "2.2" }), ms: 1 });
    worker.postMessage({ id: one.id, json: JSON.stringify({ ok: false, errors: { weight: "Too low." } }), ms: 1 });
    assert.deepEqual(await second, { ok: true, text: "2.2" });
    assert.deepEqual(await first, { ok: false, errors: { weight: "Too low." } });
    assert.equal(calls.waiting, 0);
  } finally {
    close();
  }
});

test("a call the worker could not answer rejects with the worker's plain reason", async () => {
  const { worker, calls, nextCall, close } = channel();
  try {
    const call = calls.call("run", { name: "energy", payload: "{}", siteRoot: "" });
    const { id } = await nextCall();
    worker.postMessage({ id, error: "Python stopped on these values", detail: "Traceback ..." });
    await assert.rejects(call, { message: "Python stopped on these values" });
  } finally {
    close();
  }
});

test("a call left unanswered times out, and its late reply changes nothing", async () => {
  const { worker, calls, nextCall, close } = channel(50);
  try {
    const call = calls.call("convert", { payload: "{}" });
    const { id } = await nextCall();
    await assert.rejects(call, { message: SAY.noAnswer });
    assert.equal(calls.waiting, 0);
    worker.postMessage({ id, json: "{not json", ms: 1 });  // would throw if it were parsed
    const next = calls.call("convert", { payload: "{}" });
    const again = await nextCall();
    assert.notEqual(again.id, id, "a new call never reuses an id");
    worker.postMessage({ id: again.id, json: '{"ok": true}', ms: 1 });
    assert.deepEqual(await next, { ok: true });
  } finally {
    close();
  }
});

test("a stopped worker rejects every call still waiting", async () => {
  const { calls, nextCall, close } = channel();
  try {
    const waiting = [calls.call("run", { name: "a", payload: "{}", siteRoot: "" }), calls.call("convert", { payload: "{}" })];
    await nextCall();
    calls.stopAll();
    for (const call of waiting) await assert.rejects(call, { message: SAY.stopped });
    assert.equal(calls.waiting, 0);
  } finally {
    close();
  }
});

/** A start watched on port1 while the test speaks for the worker on port2.
 * @param {number} stallMs */
function watched(stallMs) {
  const { port1: page, port2: worker } = new MessageChannel();
  /** @type {Answered[]} */
  const others = [];
  const start = watchStart(page, stallMs, (message) => others.push(message));
  page.start();
  const close = () => {
    start.stop();
    page.close();
    worker.close();
  };
  return { start, worker, others, close };
}

const READY = { op: "ready", python: "3.14.2", start: "snapshot", steps: {}, refused: null, files: ["a.mjs"], checks: {} };

test("the start resolves with the worker's ready message", async () => {
  const { start, worker, close } = watched(1_000);
  try {
    worker.postMessage(READY);
    const ready = await start.ready;
    assert.equal(ready.python, "3.14.2");
    assert.deepEqual(ready.files, ["a.mjs"]);
  } finally {
    close();
  }
});

test("a failed start rejects with the worker's reason for the reader", async () => {
  const { start, worker, close } = watched(1_000);
  try {
    worker.postMessage({ op: "failed", reason: "a file it needs arrived damaged (x.wasm)", detail: "CompileError" });
    await assert.rejects(start.ready, { message: "a file it needs arrived damaged (x.wasm)" });
  } finally {
    close();
  }
});

test("a start that hears nothing for the stall time has stalled", async () => {
  const { start, close } = watched(60);
  try {
    await assert.rejects(start.ready, { message: SAY.stalled });
  } finally {
    close();
  }
});

test("progress keeps a slow start from counting as stalled", async () => {
  const { start, worker, close } = watched(150);
  try {
    for (let beat = 0; beat < 5; beat++) {
      await new Promise((resolve) => setTimeout(resolve, 60));
      worker.postMessage({ op: "progress" });
    }
    // 300 ms in all, twice the stall time, with a beat every 60 ms.
    worker.postMessage(READY);
    assert.equal((await start.ready).start, "snapshot");
  } finally {
    close();
  }
});

test("answers that arrive on the start's port go to the calls", async () => {
  const { start, worker, others, close } = watched(1_000);
  try {
    worker.postMessage(READY);
    await start.ready;
    worker.postMessage({ id: 7, json: "{}", ms: 2 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.deepEqual(others, [{ id: 7, json: "{}", ms: 2 }]);
  } finally {
    close();
  }
});

// The redeploy check: the page's worker script is asked for again; gone means a newer deploy.
const statuses = new Map([["/gone.mjs", 404], ["/removed.mjs", 410], ["/here.mjs", 200], ["/broken.mjs", 500]]);
const server = createServer((request, response) => {
  response.writeHead(statuses.get(request.url ?? "") ?? 404, { "content-type": "text/javascript" });
  response.end();
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(undefined)));
after(() => server.close());
const address = /** @type {import("node:net").AddressInfo} */ (server.address());
const base = `http://127.0.0.1:${address.port}`;

test("a worker script gone from the server (404, 410) means the site was redeployed", async () => {
  assert.equal(await siteWasUpdated(`${base}/gone.mjs`), true);
  assert.equal(await siteWasUpdated(`${base}/removed.mjs`), true);
});

test("a worker script still there, or a server error, is no sign of a redeploy", async () => {
  assert.equal(await siteWasUpdated(`${base}/here.mjs`), false);
  assert.equal(await siteWasUpdated(`${base}/broken.mjs`), false);
});

test("no answer at all (offline) says nothing about a redeploy", async () => {
  const closed = createServer();
  await new Promise((resolve) => closed.listen(0, "127.0.0.1", () => resolve(undefined)));
  const { port } = /** @type {import("node:net").AddressInfo} */ (closed.address());
  await new Promise((resolve) => closed.close(() => resolve(undefined)));
  assert.equal(await siteWasUpdated(`http://127.0.0.1:${port}/gone.mjs`), false);
});

test("module scripts run only with a JavaScript type", () => {
  assert.equal(isScriptType("text/javascript; charset=utf-8"), true);
  assert.equal(isScriptType("application/x-javascript"), true);
  assert.equal(isScriptType("application/octet-stream"), false);
  assert.equal(isScriptType(null), false);
});
