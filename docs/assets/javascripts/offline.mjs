// Offline reading: register the site's service worker (sw.js, built with Workbox by
// sitebuild.offline) with Workbox's own window module, served from this site.
//
// The worker is registered only once the page has what it came for: on a calculator page once
// its Python has started, elsewhere once the page has loaded and the browser is idle. Registering
// (and, on later visits, the browser's check for a new sw.js) would otherwise compete with the
// page's own start for the network and the processor.
//
// Whatever a page loads once the worker controls it is cached by the worker. What the page loaded
// before that is handed over here, with Workbox's CACHE_URLS message: the page's address (never
// its fragment, which holds the reader's values) and its same-origin files. On a calculator page
// the files the calculators' Python loaded (about 6 MB of runtime, exactly as this browser loaded
// them) are handed over too, so a guide page never downloads the runtime. When that is done,
// <html> gets data-offline="kept".

import { python } from "./python-worker.mjs";
import { Workbox } from "./workbox/workbox-window.prod.mjs";

const WORKER_URL = new URL("../../sw.js", import.meta.url);
const IDLE_TIMEOUT_MS = 5_000;
const onCalculatorPage = () => document.querySelector(".mc-calculator") !== null;

/** The page's address without its fragment, and the same-origin files it has loaded. */
function loadedHere() {
  const page = new URL(location.href);
  page.hash = "";
  const files = performance
    .getEntriesByType("resource")
    .map((entry) => entry.name)
    .filter((url) => new URL(url).origin === location.origin);
  return [...new Set([page.href, ...files])];
}

async function handOver(workbox) {
  await workbox.messageSW({ type: "CACHE_URLS", payload: { urlsToCache: loadedHere() } });
  if (onCalculatorPage()) {
    await workbox.messageSW({ type: "CACHE_URLS", payload: { urlsToCache: await python.started() } });
  }
  document.documentElement.dataset.offline = "kept";
}

/** Resolves when the page has what it came for (see the top of this file). */
function pageSettled() {
  if (onCalculatorPage()) return python.started();
  const loaded = document.readyState === "complete"
    ? Promise.resolve()
    : new Promise((resolve) => addEventListener("load", resolve, { once: true }));
  const idle = () => new Promise((resolve) =>
    "requestIdleCallback" in self ? requestIdleCallback(resolve, { timeout: IDLE_TIMEOUT_MS }) : setTimeout(resolve, 0));
  return loaded.then(idle);
}

if ("serviceWorker" in navigator) {
  const alreadyControlled = Boolean(navigator.serviceWorker.controller);
  pageSettled().then(() => {
    const workbox = new Workbox(WORKER_URL.href);
    // "controlling": this deploy's worker took over the page (first visit, or a new deploy).
    workbox.addEventListener("controlling", () => handOver(workbox).catch(() => {}));
    return workbox.register().then(() => {
      if (alreadyControlled) document.documentElement.dataset.offline = "kept";
    });
  }).catch(() => {});
}
