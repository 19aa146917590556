// A calculator whose inputs stay on this device: the progress log.
//
// The page marks it with a panel, `<div class="mc-log" data-log-for="progress">`, which holds the
// export, import and delete controls. Such a calculator never reads or writes the address: its
// rows are kept in this browser's localStorage, and only after the reader changes them (the
// worked example the page starts with is never saved). Python does all the reading and writing
// of the CSV file (musclecalc's text log): this module only moves text between the file, the
// worker and the form. The pure steps of that (exported for tests/js) take and return text.

import { rememberedUnits, rememberUnit, unitFor } from "./unit-memory.mjs";
import { python } from "./worker-client.mjs";

/** @typedef {import("./address-state.mjs").Payload} Payload */
/** @typedef {import("./address-state.mjs").Entry} Entry */
/** @typedef {import("./worker-client.mjs").Reply} Reply */
/** @typedef {{format?: number, length_unit?: string, weight_unit?: string, entries: Entry[]}} Log */
/**
 * What the log needs of its calculator (calculator-page.mjs's Calculator, which imports this
 * module: named here by its shape, as a reference back would be an import cycle to the build).
 * @typedef {object} Calculator
 * @property {string} name
 * @property {string} siteRoot
 * @property {HTMLElement} root
 * @property {HTMLFormElement} form
 * @property {import("./entry-rows.mjs").EntryRows | null} rows
 * @property {() => Payload} payload
 * @property {() => void} markUpdating
 * @property {() => Promise<void>} compute
 */

export const STORAGE_KEY = "musclecalc.progress-log";
export const FORMAT = 1;
/** @type {Record<string, string[]>} the unit choices, and the columns each converts */
export const UNIT_COLUMNS = { length_unit: ["hips", "waist", "thigh"], weight_unit: ["weight", "lift_load"] };

/**
 * The log kept in storage, from its text: null for nothing kept, a log of another format, no
 * rows, or text that is not our JSON.
 * @param {string | null} text
 * @returns {Log | null}
 */
export function parseStoredLog(text) {
  try {
    const log = JSON.parse(text ?? "null");
    return log?.format === FORMAT && Array.isArray(log.entries) && log.entries.length > 0 ? log : null;
  } catch {
    return null;
  }
}

/**
 * The text to keep for a payload: its units and rows, nothing else of the form.
 * @param {Payload} payload
 * @returns {string}
 */
export function logText(payload) {
  const { length_unit, weight_unit, entries } = payload;
  return JSON.stringify({ format: FORMAT, length_unit, weight_unit, entries });
}

/**
 * A log's rows as address-style text for the form's columns (a value missing from a row is empty).
 * @param {Log} log
 * @param {string[]} columns
 * @returns {URLSearchParams}
 */
export function logRows(log, columns) {
  const rows = new URLSearchParams();
  for (const entry of log.entries) for (const name of columns) rows.append(name, String(entry?.[name] ?? ""));
  return rows;
}

/**
 * Why Python's reply for an imported file leaves the log as it is (null: it can be imported):
 * Python's own message where it gave one.
 * @param {Reply} reply
 * @param {number} maxEntries
 * @returns {string | null}
 */
export function importRefusal(reply, maxEntries) {
  const entries = /** @type {Entry[] | undefined} */ (reply.fields?.entries);
  if (!entries) return reply.errors?.csv ?? Object.values(reply.errors ?? {})[0] ?? "The file could not be read.";
  // Python's message names the limit; the form would cut the rest, so nothing changes.
  if (entries.length > maxEntries) return `Nothing was imported: ${reply.errors?.entries ?? "the file has too many rows."}`;
  return null;
}

/** @returns {Log | null} the log this browser keeps (storage switched off: none) */
function stored() {
  try {
    return parseStoredLog(localStorage.getItem(STORAGE_KEY));
  } catch {
    return null;
  }
}

/** @param {unknown} error */
const reasonOf = (error) => (error instanceof Error ? error.message : String(error));

class DeviceLog {
  /**
   * @param {Calculator} calculator
   * @param {import("./entry-rows.mjs").EntryRows} rows  the calculator's rows
   * @param {HTMLElement} panel  the page's `.mc-log` for it
   */
  constructor(calculator, rows, panel) {
    this.calculator = calculator;
    this.rows = rows;
    this.panel = panel;
    this.status = /** @type {HTMLElement} */ (panel.querySelector(".mc-log__status"));
    // The example rows and units the page was built with, for "Delete my log".
    const example = calculator.payload();
    /** @type {Log} */
    this.example = { ...example, entries: /** @type {Entry[]} */ (example.entries) };
    this.pristine = true;  // the form shows the example, not the reader's own log
    // Nothing here belongs in a link: the share box goes, the address is never touched.
    calculator.root.querySelector(".mc-share")?.remove();
    const form = calculator.form;
    /** @param {Event} event */
    const edited = (event) => {
      const target = /** @type {Element} */ (event.target);
      if (event.isTrusted && !target.closest?.("[data-name$='_unit']")) this.pristine = false;
    };
    form.addEventListener("input", edited);
    form.addEventListener("click", (event) => {
      if (/** @type {Element} */ (event.target).closest("[data-action=add-entry], [data-action=remove-entry]")) edited(event);
    });
    for (const select of /** @type {NodeListOf<HTMLSelectElement>} */ (form.querySelectorAll("select[data-name$='_unit']"))) {
      select.dataset.current = select.value;
      // Switching units converts the readings already typed; the calculator hears of it after.
      select.addEventListener("input", (event) => event.stopPropagation());
      select.addEventListener("change", (event) => {
        event.stopPropagation();
        rememberUnit(select.dataset.name ?? "", select.value);  // for the other calculators too
        this.switchUnit(select);
      });
    }
    const control = (/** @type {string} */ action) => /** @type {HTMLElement} */ (panel.querySelector(`[data-action=${action}]`));
    control("export-log").addEventListener("click", () => this.exportLog());
    const file = /** @type {HTMLInputElement} */ (control("import-log"));
    file.addEventListener("change", () => this.importLog(file));
    control("delete-log").addEventListener("click", () => this.deleteLog());
    panel.hidden = false;
  }

  /** @param {string} text */
  say(text) {
    this.status.textContent = text;
  }

  /** The saved log into the form, or the example left as it is. */
  restore() {
    const log = stored();
    if (!log) {
      this.say("Showing a worked example. Change it or add your own readings: they are saved only in this browser.");
      return;
    }
    this.fill(log);
    this.pristine = false;
    this.say(`Your log: ${log.entries.length} ${log.entries.length === 1 ? "reading" : "readings"}, saved only in this browser.`);
  }

  /** After each answer for the reader's own edits: keep the rows on this device.
   *  @param {Payload} payload */
  save(payload) {
    if (this.pristine) return;
    try {
      localStorage.setItem(STORAGE_KEY, logText(payload));
    } catch {
      this.say("This browser would not save your log (its storage is full or switched off). Export it to keep a copy.");
    }
  }

  /** @param {Log} log  its rows and units into the form */
  fill(log) {
    this.rows.fill(logRows(log, this.rows.columns()));
    for (const name of /** @type {("length_unit" | "weight_unit")[]} */ (Object.keys(UNIT_COLUMNS))) {
      const select = /** @type {HTMLSelectElement | null} */ (this.calculator.form.querySelector(`select[data-name="${name}"]`));
      const unit = log[name];
      if (select && unit !== undefined && [...select.options].some((option) => option.value === unit)) {
        select.value = unit;
        select.dataset.current = unit;
      }
    }
  }

  /** Once Python is there: the example's readings in the units the reader chose on another
   *  calculator, converted as a unit switch here converts them. A saved log keeps its own. */
  async useRememberedUnits() {
    if (!this.pristine) return;
    const remembered = rememberedUnits();
    for (const select of /** @type {NodeListOf<HTMLSelectElement>} */ (this.calculator.form.querySelectorAll("select[data-name$='_unit']"))) {
      const to = unitFor(select.dataset.name ?? "", remembered);
      if (!to || to === select.value || ![...select.options].some((option) => option.value === to)) continue;
      select.value = to;
      await this.switchUnit(select);
    }
  }

  /** @param {HTMLSelectElement} select */
  async switchUnit(select) {
    const from = select.dataset.current ?? "";
    const to = select.value;
    select.dataset.current = to;
    this.calculator.markUpdating();
    const inputs = (UNIT_COLUMNS[select.dataset.name ?? ""] ?? [])
      .flatMap((name) => /** @type {HTMLInputElement[]} */ ([...this.rows.list.querySelectorAll(`[data-name="${name}"]`)]))
      .filter((input) => input.value.trim() !== "");
    await Promise.all(
      inputs.map(async (input) => {
        const reply = await python.call("convert", { payload: JSON.stringify({ value: input.value, from, to }) });
        if (reply.ok && reply.text !== undefined) input.value = reply.text;  // a value Python cannot read keeps its text and gets its message
      }),
    ).catch(() => {});
    this.calculator.compute();
  }

  async exportLog() {
    try {
      const payload = JSON.stringify(this.calculator.payload());
      const reply = await python.call("run", { name: this.calculator.name, payload, siteRoot: this.calculator.siteRoot });
      const url = URL.createObjectURL(new Blob([reply.csv ?? ""], { type: "text/csv" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = `progress-log-${new Date().toISOString().slice(0, 10)}.csv`;
      link.hidden = true;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      this.say("Your log was saved as a CSV file in your downloads.");
    } catch (error) {
      this.say(`The log could not be exported: ${reasonOf(error)}.`);
    }
  }

  /** @param {HTMLInputElement} input  the file chooser */
  async importLog(input) {
    const file = input.files?.[0];
    input.value = "";
    if (!file) return;
    try {
      const payload = JSON.stringify({ csv: await file.text() });
      const reply = await python.call("run", { name: this.calculator.name, payload, siteRoot: this.calculator.siteRoot });
      const refusal = importRefusal(reply, this.rows.maxEntries);
      if (refusal !== null) {
        this.say(refusal);
        return;
      }
      const log = /** @type {Log} */ (reply.fields);
      this.fill(log);
      this.pristine = false;
      this.save(this.calculator.payload());
      this.say(`Imported ${log.entries.length} readings from ${file.name}. They replace the log in this browser.`);
      this.calculator.markUpdating();
      this.calculator.compute();
    } catch (error) {
      this.say(`The file could not be imported: ${reasonOf(error)}.`);
    }
  }

  deleteLog() {
    if (!confirm("Delete your progress log from this browser? Export it first if you want a copy.")) return;
    try {
      localStorage.removeItem(STORAGE_KEY);
    } catch {
      // storage off: nothing was saved
    }
    this.fill(this.example);
    this.pristine = true;
    this.say("Your log is deleted from this browser. The worked example is shown again.");
    this.calculator.markUpdating();
    this.calculator.compute();
  }
}

/** The device log for a calculator whose page has a log panel for it, or null.
 *  @param {Calculator} calculator */
export function deviceLogFor(calculator) {
  const panel = /** @type {HTMLElement | null} */ (
    document.querySelector(`.mc-log[data-log-for="${CSS.escape(calculator.name)}"]`)
  );
  return panel && calculator.rows ? new DeviceLog(calculator, calculator.rows, panel) : null;
}
