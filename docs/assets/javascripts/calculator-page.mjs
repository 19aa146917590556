// One calculator on a page: carry its inputs to Python and Python's answer back to the page.
//
// musclecalc (Python, in the worker) validates, computes, writes and renders everything; this
// module reads the fields, posts them, and places what comes back. Answers arrive as HTML from
// musclecalc's one renderer (the same markup the build put on the page), with every text already
// escaped; they are parsed in an inert document and moved in as nodes. Field messages are text.
//
// Fields are found by their error keys ("weight", "entries.2.sets", "_" for the whole form):
// controls carry `data-key`, messages `data-error-for`.

import { deviceLogFor } from "./progress-log.mjs";
import { python, SiteUpdated } from "./worker-client.mjs";

const DEBOUNCE_MS = 250;
const STATUS_TEXT = {
  loading: "Starting the calculator: loading Python into this page (about 13 MB the first time, then cached)…",
  ready: "Ready. The answer updates as you change the values. Nothing you type leaves this page.",
  invalid: "Check the highlighted field. The answer below is from the last values that worked.",
  updated: "The site was updated since this page was opened. Reload the page to use the new version; your values stay in the form.",
};

let uniqueIds = 0;

/** Nodes from markup written by musclecalc's renderer; nothing in it runs while parsing. */
function nodesFrom(html) {
  const parsed = new DOMParser().parseFromString(`<!doctype html><body>${html}`, "text/html");
  return [...document.adoptNode(parsed.body).childNodes];
}

/** Longest address state read, in characters: far more than any form this site writes (30
 *  volume rows take about 1,500), small enough that a made-up link cannot stall the page. */
const MAX_STATE_LENGTH = 20_000;
/** Said when a link holds more than that: the values are not read, and the reader is told so. */
const TOO_LONG_TEXT =
  "This link holds more than the calculator reads (over 20,000 characters), so the form shows its usual values instead.";
/** Characters of a value shown as the label of a choice the select does not offer. */
const MAX_LABEL_LENGTH = 40;

/** Put a value from the address into a control. A select that does not offer it gets it as an
 *  extra, disabled choice, so the reader sees what the link said and Python's message for it
 *  shows beside the field (a select given an unknown value would go blank instead). */
function setFromAddress(control, value) {
  if (!(control instanceof HTMLSelectElement) || [...control.options].some((o) => o.value === value)) {
    control.value = value;
    return;
  }
  const label = value.length > MAX_LABEL_LENGTH ? `${value.slice(0, MAX_LABEL_LENGTH)}…` : value;
  const option = new Option(label, value, false, true);
  option.disabled = true;
  control.add(option);
}

/** The state a link or an earlier visit left: the address's fragment, or an old ?query link.
 *  `keep` false: the values are read and then taken out of the address. */
function addressState(fieldNames, keep) {
  if (location.hash.length > MAX_STATE_LENGTH || location.search.length > MAX_STATE_LENGTH) {
    return { state: new URLSearchParams(), tooLong: true };
  }
  const holdsFields = (state) => [...state.keys()].some((key) => fieldNames.has(key));
  const fromHash = new URLSearchParams(location.hash.slice(1));
  const fromQuery = new URLSearchParams(location.search);
  const state = holdsFields(fromHash) ? fromHash : holdsFields(fromQuery) ? fromQuery : null;
  if (!state) return { state: new URLSearchParams(), tooLong: false };
  // An old link put the values in the query, which servers see: move them into the fragment
  // (or, for a form kept out of the address, take them out).
  if (state === fromQuery || !keep) {
    const address = new URL(location.href);
    if (state === fromQuery) address.search = "";
    address.hash = keep ? fromQuery.toString() : "";
    history.replaceState(history.state, "", address);
  }
  return { state, tooLong: false };
}

/** The fragment that holds a payload, named as its fields. */
function fragmentOf(payload) {
  const state = new URLSearchParams();
  for (const [name, value] of Object.entries(payload)) {
    if (name === "entries") {
      for (const entry of value) for (const [key, item] of Object.entries(entry)) state.append(key, item);
    } else if (Array.isArray(value)) {
      for (const item of value) state.append(name, item);
    } else if (value !== "") {
      state.set(name, value);
    }
  }
  return state.toString();
}

/** This page's address with a fragment in place of the current one. */
function addressWith(fragment) {
  const address = new URL(location.href);
  address.hash = fragment;
  return address;
}

export class Calculator {
  constructor(root) {
    this.root = root;
    this.name = root.dataset.calculator;
    this.siteRoot = root.dataset.siteRoot ?? "";
    this.form = root.querySelector(".mc-form");
    this.status = root.querySelector(".mc-status");
    this.statusText = root.querySelector(".mc-status__text");
    this.retry = root.querySelector("[data-action=retry]");
    this.answer = root.querySelector(".mc-answer");
    this.details = root.querySelector(".mc-details");
    this.glance = root.querySelector(".mc-glance__text");
    this.share = root.querySelector(".mc-share");
    this.entries = root.querySelector(".mc-entries__list");
    this.maxEntries = Number(root.querySelector(".mc-entries")?.dataset.maxItems) || Infinity;
    this.latest = 0;
    this.timer = null;
    // A calculator whose page keeps its inputs on this device (the progress log) never uses the address.
    this.deviceLog = deviceLogFor(this);
    // The self-check's answers stay out of the address (and so out of the history) unless the
    // reader asks for a link; other calculators keep their values there for reloads and bookmarks.
    this.linkOnRequest = "linkOnRequest" in root.dataset;
    // Set by the reader's first edit: from then on the address follows the form.
    this.edited = false;

    this.restoreFromAddress();
    // Said beside the form until the reader's first edit.
    this.notice = this.addressTooLong ? TOO_LONG_TEXT : "";
    this.showErrors({});
    if (this.entries) this.renumberEntries();
    for (const unit of this.form.querySelectorAll(".mc-unit")) unit.dataset.current = unit.value;
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.compute();
    });
    this.form.addEventListener("input", (event) => this.changed(event));
    this.form.addEventListener("change", (event) => this.changed(event));
    this.form.addEventListener("click", (event) => this.clicked(event));
    this.retryLabel = this.retry.textContent;
    this.retry.addEventListener("click", () => (this.updated ? this.reloadKeepingValues() : this.start()));
    this.root.querySelector("[data-action=clear-answers]")?.addEventListener("click", () => this.clearAnswers());
    this.enhance();
    this.start();
  }

  async start() {
    this.setStatus("loading", STATUS_TEXT.loading);
    try {
      await python.start();
    } catch (error) {
      this.failed(error, "could not start");
      return;
    }
    if (!this.root.isConnected) return;
    this.setStatus("ready", STATUS_TEXT.ready);
    this.compute();
  }

  /** Python is not there to answer: say why, keep the worked answer, offer a retry (or, for a
   *  page older than the site, a reload). */
  failed(error, what) {
    this.updated = error instanceof SiteUpdated;
    if (this.updated) {
      this.setStatus("error", STATUS_TEXT.updated);
      this.retry.textContent = "Reload the page";
      return;
    }
    const kept = what === "could not start" ? " The worked example is still shown." : "";
    this.setStatus("error", `The calculator ${what}: ${error.message}.${kept}`);
  }

  /** Reload into the new deploy with the reader's values in the address (a form kept out of the
   *  address takes them out again as soon as the new page has read them). */
  reloadKeepingValues() {
    history.replaceState(history.state, "", addressWith(fragmentOf(this.payload())));
    location.reload();
  }

  setStatus(state, text) {
    if (state === "error") this.doneUpdating(true);
    this.status.dataset.state = state;
    this.statusText.textContent = text;
    this.retry.hidden = state !== "error";
    if (state !== "error") this.retry.textContent = this.retryLabel;
  }

  changed(event) {
    const target = event.target;
    if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement)) return;
    if (target.closest(".mc-share")) return;
    this.edited = true;
    this.notice = "";
    this.markUpdating();
    if (target.classList.contains("mc-unit")) {
      if (event.type === "change") this.switchUnit(target);
      return;
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.compute(), event.type === "change" ? 0 : DEBOUNCE_MS);
  }

  clicked(event) {
    const button = event.target.closest("button[data-action]");
    if (!button) return;
    const action = button.dataset.action;
    if (["add-entry", "remove-entry", "use-preset"].includes(action)) {
      this.edited = true;
      this.markUpdating();
    }
    if (action === "add-entry") this.addEntry();
    if (action === "remove-entry") this.removeEntry(button.closest(".mc-entry"));
    if (action === "use-preset") this.usePreset(button);
  }

  // -- inputs -----------------------------------------------------------------------------------

  fieldControls() {
    return [...this.form.querySelectorAll("[data-name]")].filter((control) => !control.closest(".mc-entry"));
  }

  payload() {
    const payload = {};
    for (const control of this.fieldControls()) {
      const name = control.dataset.name;
      if (control.type === "checkbox") {
        payload[name] ??= [];
        if (control.checked) payload[name].push(control.value);
      } else {
        payload[name] = control.value;
      }
    }
    if (this.entries) {
      payload.entries = [...this.entries.children].map((row) => {
        const entry = {};
        for (const control of row.querySelectorAll("[data-name]")) entry[control.dataset.name] = control.value;
        return entry;
      });
    }
    return payload;
  }

  // The inputs live in the address's fragment, which browsers never send to a server, named as
  // the payload's fields, so an answer can be bookmarked or shared and stays private. It is
  // replaced, never pushed: one history entry per page, not one per edit. A form kept out of
  // the address (the self-check) writes nothing here.
  saveToAddress(payload) {
    if (this.deviceLog) return this.deviceLog.save(payload);
    if (this.linkOnRequest) return;
    history.replaceState(history.state, "", addressWith(fragmentOf(payload)));
  }

  restoreFromAddress() {
    if (this.deviceLog) return this.deviceLog.restore();
    const first = this.entries?.querySelector(".mc-entry");
    const columns = first ? [...first.querySelectorAll("[data-name]")].map((control) => control.dataset.name) : [];
    const names = new Set([...this.fieldControls().map((control) => control.dataset.name), ...columns]);
    const { state, tooLong } = addressState(names, !this.linkOnRequest);
    this.addressTooLong = tooLong;
    if (![...state.keys()].some((key) => names.has(key))) return;
    for (const control of this.fieldControls()) {
      const name = control.dataset.name;
      if (control.type === "checkbox") control.checked = state.getAll(name).includes(control.value);
      else if (state.has(name)) setFromAddress(control, state.get(name));
    }
    if (!first) return;
    const values = columns.map((name) => state.getAll(name));
    const rows = Math.max(...values.map((column) => column.length));
    if (rows === 0) return;
    // Every row the address holds, even past the form's limit: Python's message then says how
    // many rows there are and how many it takes, and the reader chooses which to remove.
    const template = first.cloneNode(true);
    this.entries.replaceChildren();
    for (let index = 0; index < rows; index++) {
      const row = template.cloneNode(true);
      columns.forEach((name, column) => {
        setFromAddress(row.querySelector(`[data-name="${name}"]`), values[column][index] ?? "");
      });
      this.entries.append(row);
    }
  }

  async switchUnit(select) {
    const input = this.form.querySelector(`[data-key="${select.dataset.unitFor}"]`);
    const from = select.dataset.current;
    const to = select.value;
    select.dataset.current = to;
    if (input.value.trim() !== "" && from !== to) {
      try {
        const reply = await python.call("convert", { payload: JSON.stringify({ value: input.value, from, to }) });
        if (!reply.ok) {
          this.refuseUnitSwitch(select, input, from, reply.errors);
          return;
        }
        input.value = reply.text;
      } catch (error) {
        this.failed(error, "stopped");
        return;
      }
    }
    this.compute();
  }

  /** A value that cannot be converted keeps its unit, with Python's message beside the field. */
  refuseUnitSwitch(select, input, from, errors) {
    clearTimeout(this.timer);
    this.latest++;  // an answer still on its way is for values the reader has moved on from
    select.value = from;
    select.dataset.current = from;
    this.showErrors({ [input.dataset.key]: errors.value ?? Object.values(errors)[0] });
    this.setStatus("invalid", STATUS_TEXT.invalid);
  }

  addEntry() {
    const list = this.entries;
    if (list.children.length >= this.maxEntries) return;
    const row = list.lastElementChild.cloneNode(true);
    list.append(row);
    this.renumberEntries();
    row.querySelector("select, input").focus();
    this.compute();
  }

  removeEntry(row) {
    const list = this.entries;
    if (list.children.length <= 1) return;
    const next = row.nextElementSibling || row.previousElementSibling;
    row.remove();
    this.renumberEntries();
    next.querySelector("[data-action=remove-entry]").focus();
    this.compute();
  }

  // Each row's controls and messages take the keys the bridge uses for that row.
  renumberEntries() {
    const listName = this.entries.closest("[data-field]").dataset.field;
    const rows = [...this.entries.children];
    rows.forEach((row, index) => {
      row.dataset.index = index;
      for (const field of row.querySelectorAll("[data-entry-field]")) {
        const key = `${listName}.${index}.${field.dataset.entryField}`;
        const control = field.querySelector("[data-name]");
        const error = field.querySelector(".mc-error");
        control.dataset.key = key;
        error.dataset.errorFor = key;
        error.id = `mc-message-${++uniqueIds}`;
        control.setAttribute("aria-describedby", error.id);
      }
      row.querySelector(".mc-visually-hidden").textContent = ` row ${index + 1}`;
      row.querySelector("[data-action=remove-entry]").disabled = rows.length <= 1;
    });
    this.root.querySelector("[data-action=add-entry]").disabled = rows.length >= this.maxEntries;
  }

  // -- answers ----------------------------------------------------------------------------------

  async compute() {
    clearTimeout(this.timer);
    const request = ++this.latest;
    const payload = this.payload();
    let reply;
    try {
      reply = await python.call("run", { name: this.name, payload: JSON.stringify(payload), siteRoot: this.siteRoot });
    } catch (error) {
      if (request === this.latest) this.failed(error, "stopped");
      return;
    }
    // A reply for older inputs never replaces the answer for newer ones, nor ends "Updating".
    if (request !== this.latest || !this.root.isConnected) return;
    this.doneUpdating(!reply.ok);
    if (reply.ok && reply.fields) this.showUnderstood(reply.fields);
    // Until the reader edits, the form holds what the page or the link gave, and the address is
    // left as it is; after an edit (also one made while Python was starting) it follows the form.
    if (this.edited) this.saveToAddress(payload);
    this.showErrors(reply.ok ? {} : reply.errors);
    if (reply.ok) {
      this.show(reply);
      this.root.dataset.live = "true";  // the answer on show is Python's, computed in this page
      performance.mark("musclecalc:live");  // for `make bench`
      this.setStatus("ready", STATUS_TEXT.ready);
    } else {
      this.answer.classList.add("mc-answer--stale");
      this.setStatus("invalid", STATUS_TEXT.invalid);
    }
  }

  showErrors(errors) {
    for (const control of this.form.querySelectorAll("[aria-invalid]")) control.removeAttribute("aria-invalid");
    for (const message of this.root.querySelectorAll(".mc-error")) {
      message.textContent = "";
      message.hidden = true;
    }
    const shown = this.notice && !("_" in errors) ? { ...errors, _: this.notice } : errors;
    for (const [key, text] of Object.entries(shown)) {
      const selector = `[data-error-for="${CSS.escape(key)}"]`;
      const message = this.root.querySelector(selector) || this.root.querySelector('[data-error-for="_"]');
      message.textContent = text;
      message.hidden = false;
      for (const control of this.form.querySelectorAll(`[data-key="${CSS.escape(key)}"]`)) {
        control.setAttribute("aria-invalid", "true");
      }
    }
  }

  show(reply) {
    const wasOpen = this.details.querySelector(".mc-method")?.open;
    this.answer.replaceChildren(...nodesFrom(reply.answer));
    this.answer.classList.remove("mc-answer--stale");
    this.details.replaceChildren(...nodesFrom(reply.details));
    if (wasOpen) this.details.querySelector(".mc-method").open = true;
    if (this.glance) this.glance.textContent = this.answer.querySelector(".mc-summary")?.textContent ?? "";
  }

  // -- honest state, quicker input, share and print (issue 12) ----------------------------------

  /** Controls only the script can make work, the page's address requests, and printing. */
  enhance() {
    for (const hidden of this.root.querySelectorAll(".mc-presets, .mc-share")) hidden.hidden = false;
    this.share?.querySelector("[data-action=copy-link]").addEventListener("click", () => this.copyLink());
    this.addFromAddress();
    // Print the method and sources too: open them for printing, then put them back.
    addEventListener("beforeprint", () => {
      for (const details of this.root.querySelectorAll("details:not([open])")) {
        details.open = true;
        details.dataset.openedForPrint = "true";
      }
    });
    addEventListener("afterprint", () => {
      for (const details of this.root.querySelectorAll("details[data-opened-for-print]")) {
        details.open = false;
        delete details.dataset.openedForPrint;
      }
    });
  }

  /** From an edit until the reply for it: the answer says it is updating, in words and dimmed. */
  markUpdating() {
    this.root.dataset.updating = "true";
    this.answer.setAttribute("aria-busy", "true");
  }

  doneUpdating(stale = false) {
    delete this.root.dataset.updating;
    this.answer.removeAttribute("aria-busy");
    if (stale) this.answer.classList.add("mc-answer--stale");
  }

  /** Python read a value typed with its unit ("70kg"): show the number and unit it used. A field
   * being typed in is left alone until the reader leaves it (its change event asks again). */
  showUnderstood(fields) {
    let changed = false;
    for (const [name, value] of Object.entries(fields)) {
      const control = this.fieldControls().find((c) => c.dataset.name === name);
      if (!control || control === document.activeElement) continue;
      const number = control.classList.contains("mc-unit")
        ? this.form.querySelector(`[data-key="${CSS.escape(control.dataset.unitFor)}"]`)
        : control;
      if (number === document.activeElement) continue;
      control.value = value;
      if (control.classList.contains("mc-unit")) control.dataset.current = value;
      changed = true;
    }
    if (changed) this.saveToAddress(this.payload());
  }

  /** Rows from text in the address's form: "exercise=squat&sets=3&sessions=1&exercise=...". */
  setRows(text) {
    const state = new URLSearchParams(text);
    const template = this.entries.querySelector(".mc-entry").cloneNode(true);
    const columns = [...template.querySelectorAll("[data-name]")].map((control) => control.dataset.name);
    const count = Math.min(Math.max(...columns.map((name) => state.getAll(name).length)), this.maxEntries);
    const rows = [];
    for (let index = 0; index < count; index++) {
      const row = template.cloneNode(true);
      for (const name of columns) row.querySelector(`[data-name="${name}"]`).value = state.getAll(name)[index] ?? "";
      rows.push(row);
    }
    if (rows.length === 0) return;
    this.entries.replaceChildren(...rows);
    this.renumberEntries();
  }

  usePreset(button) {
    this.setRows(button.dataset.rows);
    this.compute();
  }

  /** `#add=hip_thrust` (from an exercise page): that exercise joins the week shown, once. */
  addFromAddress() {
    const hash = new URLSearchParams(location.hash.slice(1));
    const wanted = hash.getAll("add");
    if (!this.entries || wanted.length === 0 || this.deviceLog) return;
    for (const exercise of wanted) {
      const rows = [...this.entries.children];
      const select = rows[0].querySelector("select[data-name]");
      if (![...select.options].some((option) => option.value === exercise)) continue;
      if (rows.some((row) => row.querySelector("select[data-name]").value === exercise)) continue;
      if (rows.length >= this.maxEntries) break;
      const row = rows.at(-1).cloneNode(true);
      for (const control of row.querySelectorAll("[data-name]")) control.value = control.dataset.default ?? control.value;
      row.querySelector("select[data-name]").value = exercise;
      this.entries.append(row);
    }
    this.renumberEntries();
    this.markUpdating();  // the answer on the page is for the week without it, until Python replies
    this.saveToAddress(this.payload());  // the address now holds the whole week, not "add="
  }

  /** Copy a link that holds the inputs to the clipboard, or select it for copying. A form kept
   *  out of the address makes the link without writing it into the address or the history. */
  async copyLink() {
    const link = addressWith(fragmentOf(this.payload())).href;
    this.saveToAddress(this.payload());
    const status = this.share.querySelector(".mc-share__status");
    const field = this.share.querySelector(".mc-share__address");
    try {
      await navigator.clipboard.writeText(link);
      field.hidden = true;
      status.textContent = "Link copied.";
    } catch {
      field.value = link;
      field.hidden = false;
      field.focus();
      field.select();
      status.textContent = "Copy the selected link (it holds your values; nothing is sent anywhere).";
    }
  }

  /** "Clear my answers": an empty form, nothing of it in the address, the answer for no answers. */
  clearAnswers() {
    this.form.reset();
    for (const control of this.fieldControls()) {
      if (control.type === "checkbox") control.checked = false;
      else if (control instanceof HTMLInputElement) control.value = "";
      if (control.classList.contains("mc-unit")) control.dataset.current = control.value;
    }
    if (location.hash) history.replaceState(history.state, "", addressWith(""));
    const field = this.share.querySelector(".mc-share__address");
    field.value = "";
    field.hidden = true;
    this.share.querySelector(".mc-share__status").textContent = "Answers cleared.";
    this.markUpdating();
    this.compute();
  }
}
