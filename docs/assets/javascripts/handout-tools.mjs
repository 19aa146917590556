// "Take this to your doctor" (issue 25): print the self-check's summary, or copy it as text.
//
// musclecalc writes the summary, both as HTML and as plain text (the section's `data-text`),
// with each answer; this module only starts the browser's print (the page's print style shows
// the summary alone) and carries Python's text to the clipboard. Nothing is stored or sent.

import { copyText } from "./copy-text.mjs";

/** @param {Element} root  @param {string} selector */
const one = (root, selector) => /** @type {HTMLElement} */ (root.querySelector(selector));

/**
 * Show and wire the print and copy buttons under a calculator's summary, if it has one.
 * @param {HTMLElement} root  a `.mc-calculator`
 */
export function enhanceHandout(root) {
  const tools = /** @type {HTMLElement | null} */ (root.querySelector(".mc-handout-tools"));
  if (!tools) return;
  tools.hidden = false;
  one(tools, "[data-action=print-summary]").addEventListener("click", () => print());
  one(tools, "[data-action=copy-summary]").addEventListener("click", () => copySummary(root, tools));
}

/** Copy the summary's text to the clipboard or, if the browser refuses, select it in a field.
 *  @param {HTMLElement} root  @param {HTMLElement} tools */
async function copySummary(root, tools) {
  const text = /** @type {HTMLElement | null} */ (root.querySelector(".mc-handout"))?.dataset.text ?? "";
  const field = /** @type {HTMLTextAreaElement} */ (one(tools, ".mc-handout-tools__text"));
  const status = one(tools, ".mc-handout-tools__status");
  await copyText(text, field, status, {
    copied: "Summary copied.",
    select: "Copy the selected text (nothing is sent anywhere).",
  });
}
