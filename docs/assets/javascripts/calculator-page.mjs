// One calculator on a page: carry its inputs to Python and Python's answer back to the page.
//
// musclecalc (Python, in the worker) validates, computes, writes and renders everything; this
// module reads the fields, posts them, and places what comes back. Its jobs live beside it:
// address-state.mjs (the inputs in the page's address), entry-rows.mjs (a list of rows) and
// answer.mjs (the answer, the field messages and the status line); `Calculator` wires them to
// the form and to the worker (worker-client.mjs).

import { AddressState, setFromAddress, TOO_LONG_TEXT } from "./address-state.mjs";
import { copyText } from "./copy-text.mjs";
import { Answer, failureText, messagesToShow, STATUS_TEXT } from "./answer.mjs";
import { EntryRows, rowsCutText } from "./entry-rows.mjs";
import { enhanceHandout } from "./handout-tools.mjs";
import { jumpWithoutAddress } from "./jump-in-page.mjs";
import { deviceLogFor } from "./progress-log.mjs";
import { rememberedUnits, rememberUnit, REMEMBERED, unitFor } from "./unit-memory.mjs";
import { python, SiteUpdated } from "./worker-client.mjs";

/** @typedef {import("./address-state.mjs").Payload} Payload */
/** @typedef {HTMLInputElement | HTMLSelectElement} Control */
/** @typedef {{select: HTMLSelectElement, input: HTMLInputElement, from: string, value: string, to: string}} UnitToApply
 *  a remembered unit for a number the page gave, to be converted once Python is there */

const DEBOUNCE_MS = 250;

/** @param {Control} control  @returns {boolean} true when it no longer holds the page's own value */
function changedFromPage(control) {
  if (control instanceof HTMLSelectElement) {
    const initial = [...control.options].find((option) => option.defaultSelected) ?? control.options[0];
    return control.value !== (initial?.value ?? "");
  }
  return control.type === "checkbox" ? control.checked !== control.defaultChecked : control.value !== control.defaultValue;
}

export class Calculator {
  /** @param {HTMLElement} root  a `.mc-calculator` */
  constructor(root) {
    this.root = root;
    this.name = root.dataset.calculator ?? "";
    this.siteRoot = root.dataset.siteRoot ?? "";
    /** The page's public address, as the build knows it: a summary to take to a doctor names it. */
    this.pageAddress = root.dataset.pageAddress ?? "";
    this.form = /** @type {HTMLFormElement} */ (root.querySelector(".mc-form"));
    /** @type {HTMLElement | null} */
    this.share = root.querySelector(".mc-share");
    const list = /** @type {HTMLElement | null} */ (root.querySelector(".mc-entries__list"));
    this.rows = list ? new EntryRows(root, list) : null;
    this.view = new Answer(root);
    this.latest = 0;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.timer = undefined;
    /** Set after a start failed because the site was updated: the retry button reloads. */
    this.updated = false;
    // The self-check's answers stay out of the address (and so out of the history) unless the
    // reader asks for a link; other calculators keep their values there for reloads and bookmarks.
    // Its own names only: another calculator on the page keeps its values beside these.
    this.address = new AddressState("linkOnRequest" in root.dataset, this.ownNames());
    // A calculator whose page keeps its inputs on this device (the progress log) never uses the address.
    this.deviceLog = deviceLogFor(this);
    // Set by the reader's first edit: from then on the address follows the form.
    this.edited = false;

    /** Set by `restore` when a link held more rows than the form takes: what to say about it. */
    this.rowsCut = "";
    const { tooLong, filled } = this.restore();
    /** True when a link or a saved log put the reader's values in the form: until Python's first
     *  answer, the answer on the page is the worked example for the page's own values. */
    this.filled = filled;
    /** Units the reader chose on another calculator, for a form no link or log filled.
     *  @type {UnitToApply[]} */
    this.unitsToApply = filled || this.deviceLog ? [] : this.takeRememberedUnits();
    /** The form's values Python last answered (to begin with, the page's or the link's own): a
     *  unit switch converts a number only when it was answered in the unit left.
     *  @type {Payload} */
    this.answered = this.payload();
    // Said beside the form (or beside the list, for rows cut) until the reader's first edit.
    this.notice = tooLong ? TOO_LONG_TEXT : this.rowsCut;
    this.noticeFor = this.rowsCut && !tooLong ? this.rows?.listName() ?? "_" : "_";
    this.view.showErrors(messagesToShow({}, this.notice, this.noticeFor));
    this.rows?.renumber();
    for (const unit of this.units()) unit.dataset.current = unit.value;
    if (filled) this.view.markExample("working");
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.compute();
    });
    this.form.addEventListener("input", (event) => this.changed(event));
    this.form.addEventListener("change", (event) => this.changed(event));
    this.form.addEventListener("click", (event) => this.clicked(event));
    // Whether a number was answered is judged as the reader reaches for its unit list: the
    // answer to a number just typed may arrive before the new unit is picked, and must not
    // turn "206, then lb" into 454.2 lb.
    this.form.addEventListener("focusin", (event) => {
      const target = event.target;
      if (target instanceof HTMLSelectElement && target.classList.contains("mc-unit")) {
        target.dataset.answered = String(this.answeredIn(target, target.value));
      }
    });
    this.view.retry.addEventListener("click", () => (this.updated ? this.reloadKeepingValues() : this.start()));
    this.root.querySelector("[data-action=clear-answers]")?.addEventListener("click", () => this.clearAnswers());
    this.enhance();
    this.start();
  }

  async start() {
    this.view.setStatus("loading", STATUS_TEXT.loading);
    if (this.root.dataset.example) this.view.markExample("working");  // a retry
    try {
      await python.start();
    } catch (error) {
      this.failed(error, "could not start");
      return;
    }
    if (!this.root.isConnected) return;
    this.view.setStatus("ready", STATUS_TEXT.ready);
    if (this.unitsToApply.length && !(await this.applyRememberedUnits())) return;
    if (this.deviceLog && !this.filled) await this.deviceLog.useRememberedUnits();
    this.compute();
  }

  /** The units remembered from another calculator become this form's: a unit with no number
   *  beside it at once, one beside the page's example number once Python has converted it.
   *  @returns {UnitToApply[]} */
  takeRememberedUnits() {
    const remembered = rememberedUnits();
    /** @type {UnitToApply[]} */
    const pending = [];
    for (const select of this.units()) {
      const to = unitFor(select.dataset.name ?? "", remembered);
      if (!to || to === select.value || ![...select.options].some((option) => option.value === to)) continue;
      const input = /** @type {HTMLInputElement | null} */ (this.form.querySelector(`[data-key="${select.dataset.unitFor}"]`));
      if (!input || input.value.trim() === "") select.value = to;
      else pending.push({ select, input, from: select.value, value: input.value, to });
    }
    return pending;
  }

  /** The page's example numbers in the remembered units, converted by Python (as a unit switch
   *  is); a number the reader changed meanwhile is left as typed. False if Python stopped. */
  async applyRememberedUnits() {
    this.markUpdating();
    for (const { select, input, from, value, to } of this.unitsToApply) {
      if (select.value !== from || input.value !== value) continue;
      let reply;
      try {
        reply = await python.call("convert", { payload: JSON.stringify({ value, from, to }) });
      } catch (error) {
        this.failed(error, "stopped");
        return false;
      }
      if (!reply.ok || select.value !== from || input.value !== value) continue;
      input.value = reply.text ?? value;
      select.value = to;
      select.dataset.current = to;
      Object.assign(this.answered, { [input.dataset.name ?? ""]: input.value, [select.dataset.name ?? ""]: to });
    }
    this.unitsToApply = [];
    return true;
  }

  /** Python is not there to answer: say why, keep the worked answer, offer a retry (or, for a
   *  page older than the site, a reload).
   *  @param {unknown} error  @param {"could not start" | "stopped"} what */
  failed(error, what) {
    if (this.root.dataset.example) this.view.markExample("kept");
    this.updated = error instanceof SiteUpdated;
    if (this.updated) {
      this.view.setStatus("error", STATUS_TEXT.updated);
      this.view.retry.textContent = "Reload the page";
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    this.view.setStatus("error", failureText(what, message, this.filled || this.edited));
  }

  /** Reload into the new deploy with the reader's values in the address (a form kept out of the
   *  address takes them out again as soon as the new page has read them). */
  reloadKeepingValues() {
    this.address.write(this.payload());
    location.reload();
  }

  markUpdating() {
    this.view.markUpdating();
  }

  /** @param {Event} event */
  changed(event) {
    const target = event.target;
    if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement)) return;
    if (target.closest(".mc-share")) return;
    this.edited = true;
    this.notice = "";
    this.markUpdating();
    const name = target.dataset.name ?? "";
    if (target instanceof HTMLSelectElement && event.type === "change" && Object.hasOwn(REMEMBERED, name)) {
      rememberUnit(name, target.value);
    }
    if (target instanceof HTMLSelectElement && target.classList.contains("mc-unit")) {
      if (event.type === "change") this.switchUnit(target);
      return;
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.compute(), event.type === "change" ? 0 : DEBOUNCE_MS);
  }

  /** @param {MouseEvent} event */
  clicked(event) {
    const button = /** @type {HTMLButtonElement | null} */ (
      event.target instanceof Element ? event.target.closest("button[data-action]") : null
    );
    if (!button || !this.rows) return;
    const action = button.dataset.action;
    if (action !== "add-entry" && action !== "remove-entry" && action !== "use-preset") return;
    this.edited = true;
    this.markUpdating();
    if (action === "add-entry" && !this.rows.add()) return;
    if (action === "remove-entry" && !this.rows.remove(/** @type {HTMLElement} */ (button.closest(".mc-entry")))) return;
    if (action === "use-preset") this.rows.fill(new URLSearchParams(button.dataset.rows));
    this.compute();
  }

  // -- inputs -----------------------------------------------------------------------------------

  /** @returns {Control[]} the form's controls outside the list of rows */
  fieldControls() {
    return /** @type {Control[]} */ ([...this.form.querySelectorAll("[data-name]")]).filter(
      (control) => !control.closest(".mc-entry"),
    );
  }

  /** @returns {Set<string>} every name this form's values go by in the address (a list's
   *  columns, and `add`, the exercise page's request a list takes in) */
  ownNames() {
    const names = new Set(this.fieldControls().map((control) => control.dataset.name ?? ""));
    for (const column of this.rows?.columns() ?? []) names.add(column);
    if (this.rows) names.add("add");
    return names;
  }

  /** @returns {HTMLSelectElement[]} the unit choices */
  units() {
    return /** @type {HTMLSelectElement[]} */ ([...this.form.querySelectorAll("select.mc-unit")]);
  }

  /** @returns {Payload} the form's values, named as the bridge reads them */
  payload() {
    /** @type {Payload} */
    const payload = {};
    for (const control of this.fieldControls()) {
      const name = control.dataset.name ?? "";
      if (control instanceof HTMLInputElement && control.type === "checkbox") {
        const ticked = /** @type {string[]} */ (payload[name] ??= []);
        if (control.checked) ticked.push(control.value);
      } else {
        payload[name] = control.value;
      }
    }
    if (this.rows) payload.entries = this.rows.values();
    return payload;
  }

  /** After an edit: the device log, or the address, follows the form.
   *  @param {Payload} payload */
  save(payload) {
    if (this.deviceLog) this.deviceLog.save(payload);
    else this.address.save(payload);
  }

  /** The values a link or an earlier visit left, into the form: whether the link was too long
   *  to read, and whether the form now holds values other than the page's own.
   *  @returns {{tooLong: boolean, filled: boolean}} */
  restore() {
    if (this.deviceLog) {
      this.deviceLog.restore();
      return { tooLong: false, filled: !this.deviceLog.pristine };
    }
    const names = this.ownNames();
    names.delete("add");
    const { state, tooLong } = this.address.read(names);
    if (![...state.keys()].some((key) => names.has(key))) return { tooLong, filled: false };
    for (const control of this.fieldControls()) {
      const name = control.dataset.name ?? "";
      if (control instanceof HTMLInputElement && control.type === "checkbox") {
        control.checked = state.getAll(name).includes(control.value);
      } else {
        const value = state.get(name);
        if (value !== null) setFromAddress(control, value);
      }
    }
    if (this.rows) {
      const held = this.rows.fill(state, true);
      if (held > this.rows.maxEntries) this.rowsCut = rowsCutText(held, this.rows.maxEntries);
    }
    this.openHeldAnswers();
    return { tooLong, filled: true };
  }

  /** A folded part of the form (a group of warning signs, the optional questions) that a link
   *  filled in opens, so nothing the answer counts is hidden from the reader. */
  openHeldAnswers() {
    for (const folded of /** @type {NodeListOf<HTMLDetailsElement>} */ (this.form.querySelectorAll("details"))) {
      const controls = /** @type {NodeListOf<Control>} */ (folded.querySelectorAll("input, select"));
      if ([...controls].some(changedFromPage)) folded.open = true;
    }
  }

  /** True when the number beside this unit list holds the value Python last answered, in `unit`.
   *  @param {HTMLSelectElement} select  @param {string} unit */
  answeredIn(select, unit) {
    const input = /** @type {HTMLInputElement | null} */ (this.form.querySelector(`[data-key="${select.dataset.unitFor}"]`));
    if (!input) return true;
    return this.answered[input.dataset.name ?? ""] === input.value && this.answered[select.dataset.name ?? ""] === unit;
  }

  /** A number answered in the unit left is converted to the new one; a number typed and not yet
   *  answered is read in the unit picked (the reader typed it in that unit).
   *  @param {HTMLSelectElement} select */
  async switchUnit(select) {
    const input = /** @type {HTMLInputElement} */ (this.form.querySelector(`[data-key="${select.dataset.unitFor}"]`));
    const from = select.dataset.current ?? "";
    const to = select.value;
    const answered = select.dataset.answered ? select.dataset.answered === "true" : this.answeredIn(select, from);
    delete select.dataset.answered;
    select.dataset.current = to;
    if (input.value.trim() !== "" && from !== to && answered) {
      try {
        const reply = await python.call("convert", { payload: JSON.stringify({ value: input.value, from, to }) });
        if (!reply.ok) {
          this.refuseUnitSwitch(select, input, from, reply.errors ?? {});
          return;
        }
        input.value = reply.text ?? input.value;
        // The same answered value, in the new unit: switching back converts it again.
        Object.assign(this.answered, { [input.dataset.name ?? ""]: input.value, [select.dataset.name ?? ""]: to });
      } catch (error) {
        this.failed(error, "stopped");
        return;
      }
    }
    this.compute();
  }

  /** A value that cannot be converted keeps its unit, with Python's message beside the field.
   *  @param {HTMLSelectElement} select  @param {HTMLInputElement} input  @param {string} from
   *  @param {Record<string, string>} errors */
  refuseUnitSwitch(select, input, from, errors) {
    clearTimeout(this.timer);
    this.latest++;  // an answer still on its way is for values the reader has moved on from
    select.value = from;
    select.dataset.current = from;
    rememberUnit(select.dataset.name ?? "", from);
    this.view.showErrors({ [input.dataset.key ?? "_"]: errors.value ?? Object.values(errors)[0] });
    this.view.setStatus("invalid", STATUS_TEXT.invalid);
  }

  // -- answers ----------------------------------------------------------------------------------

  async compute() {
    clearTimeout(this.timer);
    const request = ++this.latest;
    const payload = this.payload();
    let reply;
    try {
      reply = await python.call("run", { name: this.name, payload: JSON.stringify(payload), siteRoot: this.siteRoot, address: this.pageAddress });
    } catch (error) {
      if (request === this.latest) this.failed(error, "stopped");
      return;
    }
    // A reply for older inputs never replaces the answer for newer ones, nor ends "Updating".
    if (request !== this.latest || !this.root.isConnected) return;
    this.view.doneUpdating(!reply.ok);
    if (reply.ok && reply.fields) this.showUnderstood(reply.fields);
    if (reply.ok) this.answered = { ...payload, .../** @type {Payload} */ (reply.fields ?? {}) };
    // Until the reader edits, the form holds what the page or the link gave, and the address is
    // left as it is; after an edit (also one made while Python was starting) it follows the form.
    if (this.edited) this.save(payload);
    this.view.showErrors(messagesToShow(reply.ok ? {} : reply.errors ?? {}, this.notice, this.noticeFor));
    if (reply.ok) {
      this.view.show({ answer: reply.answer ?? "", details: reply.details ?? "", digest: reply.digest });
      this.root.dataset.live = "true";  // the answer on show is Python's, computed in this page
      performance.mark("musclecalc:live");  // for `make bench`
      this.view.setStatus("ready", STATUS_TEXT.ready);
    } else {
      if (this.root.dataset.example) this.view.markExample("kept");
      this.view.markStale();
      this.view.setStatus("invalid", STATUS_TEXT.invalid);
    }
  }

  /** Python read a value typed with its unit ("70kg"): show the number and unit it used. A field
   * being typed in is left alone until the reader leaves it (its change event asks again).
   * @param {Record<string, unknown>} fields */
  showUnderstood(fields) {
    let changed = false;
    for (const [name, value] of Object.entries(fields)) {
      const control = this.fieldControls().find((c) => c.dataset.name === name);
      if (!control || control === document.activeElement || typeof value !== "string") continue;
      const number = control.classList.contains("mc-unit")
        ? this.form.querySelector(`[data-key="${CSS.escape(control.dataset.unitFor ?? "")}"]`)
        : control;
      if (number === document.activeElement) continue;
      control.value = value;
      if (control.classList.contains("mc-unit")) control.dataset.current = value;
      changed = true;
    }
    if (changed) this.save(this.payload());
  }

  // -- honest state, quicker input, share and print (issue 12) ----------------------------------

  /** Controls only the script can make work, the page's address requests, and printing. */
  enhance() {
    for (const hidden of /** @type {NodeListOf<HTMLElement>} */ (this.root.querySelectorAll(".mc-presets, .mc-share, .mc-units-kept"))) {
      hidden.hidden = false;
    }
    this.share?.querySelector("[data-action=copy-link]")?.addEventListener("click", () => this.copyLink());
    // The headline kept in view on a phone takes the reader to the whole answer.
    jumpWithoutAddress(this.root, this.root.querySelector("[data-action=show-answer]"), () => /** @type {HTMLElement | null} */ (this.root.querySelector(".mc-result__title")));
    this.addFromAddress();
    enhanceHandout(this.root);
    // Print the method and sources too: open them for printing, then put them back.
    const details = () => /** @type {NodeListOf<HTMLDetailsElement>} */ (this.root.querySelectorAll("details"));
    addEventListener("beforeprint", () => {
      for (const closed of details()) {
        if (closed.open) continue;
        closed.open = true;
        closed.dataset.openedForPrint = "true";
      }
    });
    addEventListener("afterprint", () => {
      for (const opened of details()) {
        if (!opened.dataset.openedForPrint) continue;
        opened.open = false;
        delete opened.dataset.openedForPrint;
      }
    });
  }

  /** `#add=hip_thrust` (from an exercise page): that exercise joins the week shown, once. */
  addFromAddress() {
    const wanted = this.address.added();
    if (!this.rows || wanted.length === 0 || this.deviceLog) return;
    this.rows.addExercises(wanted);
    this.markUpdating();  // the answer on the page is for the week without it, until Python replies
    this.address.save(this.payload());  // the address now holds the whole week, not "add="
  }

  /** Copy a link that holds the inputs to the clipboard, or select it for copying. A form kept
   *  out of the address makes the link without writing it into the address or the history. */
  async copyLink() {
    if (!this.share) return;
    const link = this.address.linkTo(this.payload());
    this.save(this.payload());
    const status = /** @type {HTMLElement} */ (this.share.querySelector(".mc-share__status"));
    const field = /** @type {HTMLInputElement} */ (this.share.querySelector(".mc-share__address"));
    await copyText(link, field, status, {
      copied: "Link copied.",
      select: "Copy the selected link (it holds your values; nothing is sent anywhere).",
    });
  }

  /** "Clear my answers": an empty form, nothing of it in the address, the answer for no answers.
   *  Units are not answers: those kept on this device stay (every number is empty, so they are
   *  simply set). */
  clearAnswers() {
    this.form.reset();
    for (const control of this.fieldControls()) {
      if (!(control instanceof HTMLInputElement)) continue;
      if (control.type === "checkbox") control.checked = false;
      else control.value = "";
    }
    this.takeRememberedUnits();
    for (const unit of this.units()) unit.dataset.current = unit.value;
    this.address.clear();
    if (this.share) {
      const field = /** @type {HTMLInputElement} */ (this.share.querySelector(".mc-share__address"));
      field.value = "";
      field.hidden = true;
      /** @type {HTMLElement} */ (this.share.querySelector(".mc-share__status")).textContent = "Answers cleared.";
    }
    this.markUpdating();
    this.compute();
  }
}
