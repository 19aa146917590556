// The site's service worker: pages and files the reader has already loaded keep working offline.
// sitebuild.offline fills in the deploy id, the rule for files kept for good (deploy/nginx.conf's)
// and Workbox's precache list, and
// writes it to sw.js at the site's root, so its scope is the whole site (or its subpath).
// Workbox's runtime comes from this site (assets/javascripts/workbox/), never from a CDN.
//
// - Pages: network first (a reader online always gets the deployed page), the cached copy when
//   the network fails, and the precached offline page for a page never opened.
// - Files whose address changes with their content (hashes of 8+ hex digits, Pyodide's files in
//   its version folder): cache first. Other files: network first.
// - Nothing is precached but the offline page and its small scripts. What a page loaded before
//   this worker controlled it is handed over by offline.mjs (a KEEP message, below); the
//   calculators' runtime files are handed over only on a page where the calculators have run,
//   as the calculators' worker loaded them.
// - Each deploy has its own caches; activating a new deploy's worker deletes the old ones.

/** This script's global scope (TypeScript's WebWorker library types `self` as any worker's). */
const worker = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self));

importScripts("assets/javascripts/workbox/workbox-sw.js");
workbox.setConfig({ modulePathPrefix: "assets/javascripts/workbox/", debug: false });

const { cacheableResponse, core, precaching, routing, strategies } = workbox;

const DEPLOY = "__DEPLOY__";
const NAME = "why-am-i-losing-muscle";
const SCOPE = worker.registration.scope;
const SUFFIX = `${SCOPE} ${DEPLOY}`;
const VERSIONED = new RegExp(__VERSIONED__);  // deploy/nginx.conf's rule, filled in by the build

core.setCacheNameDetails({ prefix: NAME, suffix: SUFFIX });
core.skipWaiting();
core.clientsClaim();

precaching.precacheAndRoute(self.__WB_MANIFEST);  // the list: filled in by the build
precaching.cleanupOutdatedCaches();

/** @param {string} kind */
const cacheName = (kind) => `${NAME}-${kind}-${SUFFIX}`;
const onlyComplete = new cacheableResponse.CacheableResponsePlugin({ statuses: [200] });
// A page's address may carry a reader's values in its fragment (#weight=80, or a self-check link
// someone was sent); the fragment is never part of what is stored, only the address before it.
/** @type {import("workbox-core/types").WorkboxPlugin} */
const withoutFragment = {
  cacheKeyWillBeUsed: async ({ request }) => {
    const url = new URL(request.url);
    if (!url.hash) return request;
    url.hash = "";
    return url.href;
  },
};
/** @param {URL} url */
const inScope = (url) => url.href.startsWith(SCOPE);
/** @param {URL} url  @param {Request} request */
const isPage = (url, request) =>
  request.mode === "navigate" || url.pathname.endsWith("/") || url.pathname.endsWith(".html");

/** @typedef {(options: {url: URL, request: Request}) => boolean} Match */
/** @typedef {import("workbox-strategies").Strategy} Strategy */

// Each kind of file: which requests it covers, and how they are answered and kept.
/** @type {[Match, Strategy][]} */
const ROUTES = [
  [
    ({ url, request }) => inScope(url) && isPage(url, request),
    new strategies.NetworkFirst({
      cacheName: cacheName("pages"),
      plugins: [
        withoutFragment,
        onlyComplete,
        new precaching.PrecacheFallbackPlugin({ fallbackURL: "offline.html" }),
      ],
    }),
  ],
  [
    ({ url }) => inScope(url) && VERSIONED.test(url.pathname),
    new strategies.CacheFirst({ cacheName: cacheName("versioned"), plugins: [withoutFragment, onlyComplete] }),
  ],
  [
    ({ url }) => inScope(url),
    new strategies.NetworkFirst({ cacheName: cacheName("files"), plugins: [withoutFragment, onlyComplete] }),
  ],
];
for (const [match, strategy] of ROUTES) routing.registerRoute(match, strategy);

/** Fetch and store one file as its route would, resolving once it is stored.
 * @param {string} address  @param {ExtendableEvent} event */
async function keep(address, event) {
  const url = new URL(address);
  url.hash = "";
  const request = new Request(url.href, { credentials: "same-origin" });
  const route = ROUTES.find(([match]) => match({ url, request }));
  if (!route) return;
  const [, stored] = route[1].handleAll({ request, event });
  await stored;
}

// offline.mjs hands over what a page loaded before this worker controlled it ({type: "KEEP",
// urls}); the reply comes once every file is stored (Workbox's own CACHE_URLS replies as soon as
// the responses arrive, before megabytes of runtime are written).
worker.addEventListener("message", (event) => {
  const port = event.ports[0];
  if (event.data?.type !== "KEEP" || !port) return;
  const urls = /** @type {string[]} */ (event.data.urls);
  const done = Promise.allSettled(urls.map((address) => keep(address, event)));
  event.waitUntil(done);
  done.then((results) => port.postMessage(results.every((result) => result.status === "fulfilled")));
});

worker.addEventListener("activate", (event) => {
  /** @param {string} name  a cache's: this site's, from another deploy? */
  const older = (name) =>
    name.startsWith(`${NAME}-`) && name.includes(`-${SCOPE} `) && !name.endsWith(SUFFIX);
  event.waitUntil(
    caches.keys().then((names) => Promise.all(names.filter(older).map((name) => caches.delete(name)))),
  );
});
