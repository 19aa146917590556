// Offline reading: register the site's service worker (sw.js, built with Workbox by
// sitebuild.offline) with Workbox's own window module, served from this site.
//
// Whatever a page loads once the worker controls it is cached by the worker. What the first page
// loaded before that is handed over here, with Workbox's CACHE_URLS message: the page's address
// (never its fragment, which holds the reader's values) and its same-origin files. The
// calculators' runtime (about 13 MB) is handed over only on a page where a calculator has
// started, after it is ready, so a guide page never downloads it. When that is done, <html> gets
// data-offline="kept".

import { Workbox } from "./workbox/workbox-window.prod.mjs";

const WORKER_URL = new URL("../../sw.js", import.meta.url);
const RUNTIME_MANIFEST = new URL("../pyodide/runtime.json", import.meta.url).href;
const READY_POLL_MS = 500;
const READY_GIVE_UP_MS = 10 * 60_000;

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

/** Resolve once a calculator on the page is ready (its runtime has loaded), or give up. */
function calculatorReady() {
  const started = Date.now();
  return new Promise((resolve) => {
    const check = () => {
      if (document.querySelector(".mc-status[data-state=ready]")) resolve(true);
      else if (Date.now() - started > READY_GIVE_UP_MS) resolve(false);
      else setTimeout(check, READY_POLL_MS);
    };
    check();
  });
}

async function handOver(workbox) {
  const loaded = loadedHere();
  await workbox.messageSW({ type: "CACHE_URLS", payload: { urlsToCache: loaded } });
  if (loaded.includes(RUNTIME_MANIFEST) && (await calculatorReady())) {
    const runtime = await workbox.messageSW({ type: "RUNTIME_FILES" });
    await workbox.messageSW({ type: "CACHE_URLS", payload: { urlsToCache: runtime } });
  }
  document.documentElement.dataset.offline = "kept";
}

if ("serviceWorker" in navigator) {
  const workbox = new Workbox(WORKER_URL.href);
  const alreadyControlled = Boolean(navigator.serviceWorker.controller);
  // "controlling": this deploy's worker took over the page (first visit, or a new deploy).
  workbox.addEventListener("controlling", () => handOver(workbox).catch(() => {}));
  workbox
    .register()
    .then(() => {
      if (alreadyControlled) document.documentElement.dataset.offline = "kept";
    })
    .catch(() => {});
}
