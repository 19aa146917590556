// Offline reading: register the site's service worker (sw.js, built with Workbox by
// sitebuild.offline) with Workbox's own window module, served from this site.
//
// The worker is registered only once the page has settled (page-settled.mjs: on a calculator
// page once its Python has started, elsewhere once the page has loaded and the browser is idle).
// Registering, and on later visits the browser's check for a new sw.js, would otherwise compete
// with the page's own start for the network and the processor.
//
// Whatever a page loads once the worker controls it is cached by the worker. What the page loaded
// before that is handed over here, and sw.js replies once it has stored it: the page's address
// (never its fragment, which holds the reader's values) and its same-origin files. On a calculator
// page the files the calculators' Python loaded (about 6 MB of runtime, exactly as this browser
// loaded them) are handed over too, so a guide page never downloads the runtime. When all is
// stored, <html> gets data-offline="kept".

import { onCalculatorPage, pageSettled } from "./page-settled.mjs";
import { python } from "./worker-client.mjs";
import { Workbox } from "./workbox/workbox-window.prod.mjs";

const WORKER_URL = new URL("../../sw.js", import.meta.url);

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

/** @param {Workbox} workbox */
async function handOver(workbox) {
  const urls = onCalculatorPage() ? [...loadedHere(), ...(await python.started())] : loadedHere();
  if (await workbox.messageSW({ type: "KEEP", urls })) document.documentElement.dataset.offline = "kept";
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
