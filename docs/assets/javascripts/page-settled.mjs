// When a page has what the reader came for, so that work nobody is waiting for (registering the
// offline worker, building the search index) can start without competing with it: on a page with
// a calculator once its Python has started, elsewhere once the page has loaded and the browser is
// idle. A calculator whose Python does not start counts as settled after a while all the same.

import { python } from "./worker-client.mjs";

const IDLE_TIMEOUT_MS = 5_000;
const CALCULATOR_GIVE_UP_MS = 30_000;

export const onCalculatorPage = () => document.querySelector(".mc-calculator") !== null;

const loaded = () =>
  document.readyState === "complete"
    ? Promise.resolve()
    : new Promise((resolve) => addEventListener("load", resolve, { once: true }));

const idle = () =>
  new Promise((resolve) =>
    "requestIdleCallback" in self ? requestIdleCallback(resolve, { timeout: IDLE_TIMEOUT_MS }) : setTimeout(resolve, 0),
  );

/** Resolves once the page (the first one of the visit) has settled. */
export function pageSettled() {
  if (onCalculatorPage()) {
    const givenUp = new Promise((resolve) => setTimeout(resolve, CALCULATOR_GIVE_UP_MS));
    return Promise.race([python.started(), givenUp]).then(idle);
  }
  return loaded().then(idle);
}
