// What a calculator shows of Python's replies (calculator-page.mjs's third job, split out): the
// answer and its details, the messages beside the fields, the status line, and "updating".
//
// Answers arrive as HTML from musclecalc's one renderer (the same markup the build put on the
// page), with every text already escaped; they are parsed in an inert document and moved in as
// nodes. Field messages are text. Fields are found by their error keys ("weight",
// "entries.2.sets", "_" for the whole form): controls carry `data-key`, messages `data-error-for`.

/** What the status line says in each state but an error. */
export const STATUS_TEXT = {
  loading: "Starting the calculator: loading Python into this page (about 13 MB the first time, then cached)…",
  ready: "Ready. The answer updates as you change the values. Nothing you type leaves this page.",
  invalid: "Check the highlighted field. The answer below is from the last values that worked.",
  updated: "The site was updated since this page was opened. Reload the page to use the new version; your values stay in the form.",
};

/**
 * The messages to show: Python's, and a notice of the page's own under `key` ("_", the whole
 * form, unless the notice is about one field) unless Python has a message there.
 * @param {Record<string, string>} errors
 * @param {string} notice
 * @param {string} [key]
 * @returns {Record<string, string>}
 */
export function messagesToShow(errors, notice, key = "_") {
  return notice && !(key in errors) ? { ...errors, [key]: notice } : errors;
}

/**
 * The status line after Python stopped or did not start (`what`: "could not start" or "stopped").
 * A start that failed leaves the page's worked example on show: when the form holds other values
 * (`yours`: a link's, a saved log's or the reader's edits), it says the answer is not for them.
 * @param {string} what  @param {string} reason  @param {boolean} [yours]
 */
export function failureText(what, reason, yours = false) {
  const example = yours
    ? " The answer shown is the worked example for the page's own values, not for the values in the form."
    : " The worked example is still shown.";
  return `The calculator ${what}: ${reason}.${what === "could not start" ? example : ""}`;
}

/** @param {string} html  @returns {ChildNode[]} nodes from musclecalc's markup; nothing in it runs */
function nodesFrom(html) {
  const parsed = new DOMParser().parseFromString(`<!doctype html><body>${html}`, "text/html");
  return [...document.adoptNode(parsed.body).childNodes];
}

/** @param {Element} root  @param {string} selector */
const one = (root, selector) => /** @type {HTMLElement} */ (root.querySelector(selector));

/** One calculator's answer, messages and status line. */
export class Answer {
  /** @param {HTMLElement} root  the calculator */
  constructor(root) {
    this.root = root;
    this.status = one(root, ".mc-status");
    this.statusText = one(root, ".mc-status__text");
    this.retry = /** @type {HTMLButtonElement} */ (one(root, "[data-action=retry]"));
    this.retryLabel = this.retry.textContent ?? "";
    this.answer = one(root, ".mc-answer");
    this.details = one(root, ".mc-details");
    /** @type {HTMLElement | null} */
    this.glance = root.querySelector(".mc-glance__text");
    /** The fingerprint of the markup on show: to begin with, the build's worked answer's. */
    this.shown = root.dataset.rendered ?? "";
  }

  /** @param {"loading" | "ready" | "invalid" | "error"} state  @param {string} text */
  setStatus(state, text) {
    if (state === "error") this.doneUpdating(true);
    this.status.dataset.state = state;
    this.statusText.textContent = text;
    this.retry.hidden = state !== "error";
    if (state !== "error") this.retry.textContent = this.retryLabel;
  }

  /** From an edit until the reply for it: the answer says it is updating, in words and dimmed. */
  markUpdating() {
    this.root.dataset.updating = "true";
    this.answer.setAttribute("aria-busy", "true");
  }

  /** The answer on show is the page's worked example while the form holds other values (a
   *  link's, a saved log's): "working" until Python's answer for them arrives (in words and
   *  dimmed, the answer busy), "kept" when none will; null once the answer is the reader's.
   *  @param {"working" | "kept" | null} state */
  markExample(state) {
    if (state === null) delete this.root.dataset.example;
    else this.root.dataset.example = state;
    if (state === "working") this.answer.setAttribute("aria-busy", "true");
    else if (!this.root.dataset.updating) this.answer.removeAttribute("aria-busy");
  }

  /** @param {boolean} [stale]  the answer shown is for earlier values */
  doneUpdating(stale = false) {
    delete this.root.dataset.updating;
    if (this.root.dataset.example !== "working") this.answer.removeAttribute("aria-busy");
    if (stale) this.markStale();
  }

  markStale() {
    this.answer.classList.add("mc-answer--stale");
  }

  /** Each message beside its field (a key with no field of its own: beside the whole form).
   *  @param {Record<string, string>} messages */
  showErrors(messages) {
    const form = one(this.root, ".mc-form");
    for (const control of form.querySelectorAll("[aria-invalid]")) control.removeAttribute("aria-invalid");
    for (const message of /** @type {NodeListOf<HTMLElement>} */ (this.root.querySelectorAll(".mc-error"))) {
      message.textContent = "";
      message.hidden = true;
    }
    for (const [key, text] of Object.entries(messages)) {
      const message = /** @type {HTMLElement} */ (
        this.root.querySelector(`[data-error-for="${CSS.escape(key)}"]`) || this.root.querySelector('[data-error-for="_"]')
      );
      message.textContent = text;
      message.hidden = false;
      for (const control of form.querySelectorAll(`[data-key="${CSS.escape(key)}"]`)) {
        control.setAttribute("aria-invalid", "true");
      }
    }
  }

  /** Python's answer and details in place of the ones shown (a method the reader opened stays
   *  open). Markup with the fingerprint of what is on show (the worked answer, when Python's
   *  first answer is for the page's own values) is left in place: nothing to rebuild or lay out.
   *  @param {{answer: string, details: string, digest?: string}} reply */
  show(reply) {
    this.answer.classList.remove("mc-answer--stale");
    this.markExample(null);
    if (reply.digest && reply.digest === this.shown) return;
    this.shown = reply.digest ?? "";
    const wasOpen = /** @type {HTMLDetailsElement | null} */ (this.details.querySelector(".mc-method"))?.open;
    this.answer.replaceChildren(...nodesFrom(reply.answer));
    this.details.replaceChildren(...nodesFrom(reply.details));
    const method = /** @type {HTMLDetailsElement | null} */ (this.details.querySelector(".mc-method"));
    if (wasOpen && method) method.open = true;
    if (this.glance) this.glance.textContent = this.answer.querySelector(".mc-summary")?.textContent ?? "";
  }
}
