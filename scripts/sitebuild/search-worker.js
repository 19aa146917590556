// Material's search worker, with two changes: it builds its index only when the page says so, and
// a word that matches nothing is tried again with one typo allowed (below).
// sitebuild.search_on_demand fills in the name of Material's worker and points Material's
// configuration at this file (Material's documented way to bring a search worker of one's own).
//
// Building the index is a second or more of processor time on every page load, which on a phone
// or a two-core laptop competes with what the reader came for (a calculator page's Python above
// all). So the index message Material sends first is held until the page, through a
// BroadcastChannel, asks for it: when the reader heads for search, or once the page has settled
// (search-on-demand.mjs). Queries wait for the index anyway: Material sends none before the
// worker says it is ready.

const SETUP = 0;  // Material's SearchMessageType.SETUP
const QUERY = 2;  // Material's SearchMessageType.QUERY
const RESULT = 3; // Material's SearchMessageType.RESULT
const SITE = new URL("../../../", self.location.href).href;
const channel = new BroadcastChannel(`why-am-i-losing-muscle search ${SITE}`);
/** @type {unknown[]} Material's setup messages, until the page asks for the index */
const held = [];
let building = false;

function build() {
  if (building) return;
  building = true;
  channel.close();
  for (const data of held.splice(0)) self.dispatchEvent(new MessageEvent("message", { data }));
}

// Registered before Material's own listener, so it sees every message first.
/** Material's messages to its worker: `{type, data}` (its SearchMessage). */
/** @typedef {MessageEvent<{type?: number, data?: unknown} | null>} SearchMessageEvent */
self.addEventListener("message", (/** @type {SearchMessageEvent} */ event) => {
  if (building || event.data?.type !== SETUP) return;
  event.stopImmediatePropagation();
  held.push(event.data);
});
channel.addEventListener("message", (event) => {
  if (event.data === "build") build();
});
channel.postMessage("waiting");  // the page may have asked before this worker was listening

// Typos. Lunr, inside Material's worker, finds a word only as typed (plus a trailing wildcard),
// so "protien" or "sciatca" find nothing. When a query's result leaves a word of at least
// FUZZY_MIN letters unmatched in every result (or the result is empty), the query is run once
// more with that word marked `~1`, lunr's own syntax for "one letter added, dropped, changed or
// swapped" (Material's query transform passes `~1` through), and only that second result goes
// to the page. Everything stays in this worker: the query never leaves the page.
const FUZZY_MIN = 5;
/** @type {string | null} */
let asked = null;   // the query Material last sent, while its first result is on its way
let retried = false;

/**
 * The words of `query` no result matched (Material's result: groups of items, each with the
 * query terms it found marked `true`).
 * @param {string} query
 * @param {{terms?: Record<string, boolean>}[][]} items
 * @returns {string[]}
 */
function unmatched(query, items) {
  // Material's result marks each query term it found with `true`, under the term as lunr stems
  // it ("problems" is found as "problem"), so a word counts as found when such a term starts it.
  const found = new Set();
  for (const group of items)
    for (const item of group)
      for (const [term, hit] of Object.entries(item.terms ?? {})) if (hit) found.add(term);
  const words = query.toLowerCase().split(/\s+/).filter((w) => /^[a-z]+$/.test(w) && w.length >= FUZZY_MIN);
  return words.filter((word) => ![...found].some((term) => word.startsWith(term) || term.startsWith(word)));
}

self.addEventListener("message", (/** @type {SearchMessageEvent} */ event) => {
  if (event.data?.type !== QUERY || retried) return;
  asked = typeof event.data.data === "string" ? event.data.data : null;
});

const post = self.postMessage.bind(self);
/**
 * Material's replies, seen on their way out (Material posts each with one argument).
 * @param {{type?: number, data?: {items?: {terms?: Record<string, boolean>}[][]}} | null} message
 * @param {StructuredSerializeOptions} [options]
 */
function relay(message, options) {
  if (message?.type === RESULT && asked !== null && !retried) {
    const query = asked;
    asked = null;
    const typos = unmatched(query, message.data?.items ?? []);
    if (typos.length) {
      const again = query.split(/\s+/).map((w) => (typos.includes(w.toLowerCase()) ? `${w}~1` : w)).join(" ");
      retried = true;
      self.dispatchEvent(new MessageEvent("message", { data: { type: QUERY, data: again } }));
      return;
    }
  } else if (message?.type === RESULT) {
    retried = false;
  }
  post(message, options);
}
self.postMessage = /** @type {typeof self.postMessage} */ (relay);

importScripts("__MATERIAL_WORKER__");
