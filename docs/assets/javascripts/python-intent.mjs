// Start the calculators' Python before a reader reaches a calculator, but only when they show
// they are heading there: the pointer over, or the focus on, a link to a calculator page. A guide
// page never downloads the runtime for a reader who does not ask for it, and neither does a
// reader who asked the browser to save data or is on a slow connection (the calculator page
// still starts Python when it opens; its worked answer covers the first look).
//
// Material's instant navigation keeps this module and its client of the one worker (worker-client.mjs) from
// page to page, so a start begun on a guide page is the one the calculator page uses.

import { python } from "./worker-client.mjs";

const CALCULATORS = new URL("../../calculators/", import.meta.url);
const SLOW = new Set(["slow-2g", "2g"]);

function readerSavesData() {
  const connection = navigator.connection;
  return Boolean(connection && (connection.saveData || SLOW.has(connection.effectiveType ?? "")));
}

/** @param {EventTarget | null} target  where the pointer or the focus went */
function leadsToCalculator(target) {
  const link = target instanceof Element ? /** @type {HTMLAnchorElement | null} */ (target.closest("a[href]")) : null;
  if (!link) return false;
  const address = new URL(link.href, location.href);
  return address.origin === CALCULATORS.origin && address.pathname.startsWith(CALCULATORS.pathname)
    && address.pathname !== CALCULATORS.pathname;
}

let watching = false;

/** Listen (once per document) for a reader heading to a calculator, and start Python then. */
export function startOnIntent() {
  if (watching || readerSavesData()) return;
  watching = true;
  /** @param {Event} event */
  const intent = (event) => {
    if (!leadsToCalculator(event.target)) return;
    for (const type of ["pointerover", "focusin"]) document.removeEventListener(type, intent);
    python.start().catch(() => {});  // a failure is shown by the calculator page, with a retry
  };
  for (const type of ["pointerover", "focusin"]) document.addEventListener(type, intent, { passive: true });
}
