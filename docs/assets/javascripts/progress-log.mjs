// A calculator whose inputs stay on this device: the progress log.
//
// The page marks it with a panel, `<div class="mc-log" data-log-for="progress">`, which holds the
// export, import and delete controls. Such a calculator never reads or writes the address: its
// rows are kept in this browser's localStorage, and only after the reader changes them (the
// worked example the page starts with is never saved). Python does all the reading and writing
// of the CSV file (musclecalc's text log): this module only moves text between the file, the
// worker and the form.

import { python } from "./worker-client.mjs";

const STORAGE_KEY = "musclecalc.progress-log";
const FORMAT = 1;
const UNIT_COLUMNS = { length_unit: ["hips", "waist", "thigh"], weight_unit: ["weight", "lift_load"] };

function stored() {
  try {
    const log = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? "null");
    return log?.format === FORMAT && Array.isArray(log.entries) && log.entries.length > 0 ? log : null;
  } catch {
    return null;  // storage off, or not our JSON: start from the example
  }
}

class DeviceLog {
  constructor(calculator, panel) {
    this.calculator = calculator;
    this.panel = panel;
    this.status = panel.querySelector(".mc-log__status");
    // The example rows and units the page was built with, for "Delete my log".
    this.example = calculator.payload();
    this.pristine = true;  // the form shows the example, not the reader's own log
    // Nothing here belongs in a link: the share box goes, the address is never touched.
    calculator.root.querySelector(".mc-share")?.remove();
    const form = calculator.form;
    const edited = (event) => {
      if (event.isTrusted && !event.target.closest?.("[data-name$='_unit']")) this.pristine = false;
    };
    form.addEventListener("input", edited);
    form.addEventListener("click", (event) => {
      if (event.target.closest("[data-action=add-entry], [data-action=remove-entry]")) edited(event);
    });
    for (const select of form.querySelectorAll("select[data-name$='_unit']")) {
      select.dataset.current = select.value;
      // Switching units converts the readings already typed; the calculator hears of it after.
      select.addEventListener("input", (event) => event.stopPropagation());
      select.addEventListener("change", (event) => {
        event.stopPropagation();
        this.switchUnit(select);
      });
    }
    panel.querySelector("[data-action=export-log]").addEventListener("click", () => this.exportLog());
    panel.querySelector("[data-action=import-log]").addEventListener("change", (event) => this.importLog(event.target));
    panel.querySelector("[data-action=delete-log]").addEventListener("click", () => this.deleteLog());
    panel.hidden = false;
  }

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

  /** After each answer for the reader's own edits: keep the rows on this device. */
  save(payload) {
    if (this.pristine) return;
    const log = { format: FORMAT, length_unit: payload.length_unit, weight_unit: payload.weight_unit, entries: payload.entries };
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(log));
    } catch {
      this.say("This browser would not save your log (its storage is full or switched off). Export it to keep a copy.");
    }
  }

  fill(log) {
    const calculator = this.calculator;
    const columns = [...calculator.entries.querySelector(".mc-entry").querySelectorAll("[data-name]")].map((c) => c.dataset.name);
    const rows = new URLSearchParams();
    for (const entry of log.entries) for (const name of columns) rows.append(name, String(entry?.[name] ?? ""));
    calculator.setRows(rows.toString());
    for (const name of Object.keys(UNIT_COLUMNS)) {
      const select = calculator.form.querySelector(`select[data-name="${name}"]`);
      if (select && [...select.options].some((option) => option.value === log[name])) {
        select.value = log[name];
        select.dataset.current = log[name];
      }
    }
  }

  async switchUnit(select) {
    const from = select.dataset.current;
    const to = select.value;
    select.dataset.current = to;
    this.calculator.markUpdating();
    const inputs = UNIT_COLUMNS[select.dataset.name]
      .flatMap((name) => [...this.calculator.entries.querySelectorAll(`[data-name="${name}"]`)])
      .filter((input) => input.value.trim() !== "");
    await Promise.all(
      inputs.map(async (input) => {
        const reply = await python.call("convert", { payload: JSON.stringify({ value: input.value, from, to }) });
        if (reply.ok) input.value = reply.text;  // a value Python cannot read keeps its text and gets its message
      }),
    ).catch(() => {});
    this.calculator.compute();
  }

  async exportLog() {
    try {
      const payload = JSON.stringify(this.calculator.payload());
      const reply = await python.call("run", { name: this.calculator.name, payload, siteRoot: this.calculator.siteRoot });
      const url = URL.createObjectURL(new Blob([reply.csv], { type: "text/csv" }));
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
      this.say(`The log could not be exported: ${error.message}.`);
    }
  }

  async importLog(input) {
    const file = input.files?.[0];
    input.value = "";
    if (!file) return;
    try {
      const payload = JSON.stringify({ csv: await file.text() });
      const reply = await python.call("run", { name: this.calculator.name, payload, siteRoot: this.calculator.siteRoot });
      if (!reply.fields?.entries) {
        this.say(reply.errors?.csv ?? Object.values(reply.errors ?? {})[0] ?? "The file could not be read.");
        return;
      }
      if (reply.fields.entries.length > this.calculator.maxEntries) {
        // Python's message names the limit; the form would cut the rest, so nothing changes.
        this.say(`Nothing was imported: ${reply.errors?.entries ?? "the file has too many rows."}`);
        return;
      }
      this.fill(reply.fields);
      this.pristine = false;
      this.save(this.calculator.payload());
      this.say(`Imported ${reply.fields.entries.length} readings from ${file.name}. They replace the log in this browser.`);
      this.calculator.markUpdating();
      this.calculator.compute();
    } catch (error) {
      this.say(`The file could not be imported: ${error.message}.`);
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

/** The device log for a calculator whose page has a log panel for it, or null. */
export function deviceLogFor(calculator) {
  const panel = document.querySelector(`.mc-log[data-log-for="${CSS.escape(calculator.name)}"]`);
  return panel && calculator.entries ? new DeviceLog(calculator, panel) : null;
}
