// The self-check's warning signs, staged (issue 25): ticking an emergency or urgent sign puts
// what to do (written by Python at build time, shown by CSS while a box is ticked) under the
// header at once, without waiting for Python, and says it aloud; "None of these" moves on to the
// questions. Focus stays where the reader put it: nothing here traps or takes it, except that
// "None of these" hands it to the section it scrolls to, as a link to it would.

import { jumpWithoutAddress, scrollBelowHeader } from "./jump-in-page.mjs";

/** The notice shown for the most urgent ticked level, if any (CSS decides which one shows).
 *  @param {HTMLElement} signs  the checklist's fieldset (`.mc-signs`) */
export function shownNotice(signs) {
  for (const notice of /** @type {NodeListOf<HTMLElement>} */ (signs.querySelectorAll(".mc-now"))) {
    if (notice.getClientRects().length > 0) return notice;
  }
  return null;
}

/** Wire one self-check's grouped checklist; does nothing on a form without one.
 *  @param {HTMLElement} root  a `.mc-calculator` */
export function stageWarningSigns(root) {
  const signs = /** @type {HTMLElement | null} */ (root.querySelector(".mc-signs"));
  if (!signs) return;
  const live = /** @type {HTMLElement} */ (signs.querySelector("[data-now-live]"));
  let said = "";
  signs.addEventListener("change", (event) => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || box.type !== "checkbox") return;
    const notice = shownNotice(signs);
    const text = notice ? (notice.querySelector(".mc-alert")?.textContent ?? "").replace(/\s+/g, " ").trim() : "";
    if (notice && box.checked && notice.dataset.group === box.dataset.group) {
      scrollBelowHeader(root, notice);
    }
    if (text !== said) {
      live.textContent = text;  // an assertive live region: read out at once, focus untouched
      said = text;
    }
  });
  const none = /** @type {HTMLAnchorElement | null} */ (signs.querySelector("[data-action=no-signs]"));
  jumpWithoutAddress(root, none, () => (none ? /** @type {HTMLElement | null} */ (root.querySelector(none.hash)) : null));
}
