// Material's search worker, with one change: it builds its index only when the page says so.
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
const SITE = new URL("../../../", self.location.href).href;
const channel = new BroadcastChannel(`why-am-i-losing-muscle search ${SITE}`);
const held = [];
let building = false;

function build() {
  if (building) return;
  building = true;
  channel.close();
  for (const data of held.splice(0)) self.dispatchEvent(new MessageEvent("message", { data }));
}

// Registered before Material's own listener, so it sees every message first.
self.addEventListener("message", (event) => {
  if (building || event.data?.type !== SETUP) return;
  event.stopImmediatePropagation();
  held.push(event.data);
});
channel.addEventListener("message", (event) => {
  if (event.data === "build") build();
});
channel.postMessage("waiting");  // the page may have asked before this worker was listening

importScripts("__MATERIAL_WORKER__");
