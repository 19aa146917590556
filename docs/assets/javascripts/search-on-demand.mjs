// Tell the site's search worker (scripts/sitebuild/search-worker.js) when to build Material's
// search index: at once when the reader heads for search (focus on, or a press of, the search
// box, or Material's shortcut keys, which focus it), otherwise once the page has settled, so the
// build does not compete with the page's own start.

import { pageSettled } from "./page-settled.mjs";

const SITE = new URL("../../", import.meta.url).href;
const channel = new BroadcastChannel(`why-am-i-losing-muscle search ${SITE}`);
let wanted = false;

function ask() {
  if (wanted) return;
  wanted = true;
  channel.postMessage("build");
}

// A worker that starts after the page asked says it is waiting; the answer is the same.
channel.addEventListener("message", (event) => {
  if (event.data === "waiting" && wanted) channel.postMessage("build");
});

/** @param {Event} event */
const towardSearch = (event) => event.target instanceof Element && event.target.closest(".md-search, label[for=__search]");
for (const type of ["focusin", "pointerdown", "pointerover"]) {
  document.addEventListener(type, (event) => towardSearch(event) && ask(), { passive: true });
}
pageSettled().then(ask, ask);
