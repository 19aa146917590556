// Calculator pages: carry the form's inputs to Python and Python's answer back to the page.
//
// musclecalc (Python, in a Web Worker under Pyodide) validates, computes and formats everything;
// this module only reads fields, posts them, and places the strings it gets back with textContent.
// The worker starts the first time a page with a calculator is shown and is reused on every later
// page: Material's instant navigation swaps pages without reloading this module.

const RUNTIME_URL = new URL("../pyodide/runtime.json", import.meta.url);
const WORKER_URL = new URL("./calculator-worker.mjs", import.meta.url);
const START_TIMEOUT_MS = 90_000;
const CALL_TIMEOUT_MS = 20_000;
const DEBOUNCE_MS = 250;

const STATUS_TEXT = {
  loading: "Starting the calculator: loading Python into this page (about 13 MB the first time, then cached)…",
  ready: "Ready. The answer updates as you change the values. Nothing you type leaves this page.",
  invalid: "Check the highlighted field. The answer below is from the last values that worked.",
};

// ---------------------------------------------------------------------------------------------
// One Python worker for the whole visit.

class PythonWorker {
  #worker = null;
  #ready = null;
  #pending = new Map();
  #nextId = 1;

  start() {
    if (!this.#ready) {
      this.#ready = this.#boot().catch((error) => {
        this.#stop();
        throw error;
      });
    }
    return this.#ready;
  }

  async #boot() {
    const response = await fetch(RUNTIME_URL);
    if (!response.ok) throw new Error(`could not load ${RUNTIME_URL.pathname} (HTTP ${response.status})`);
    const manifest = await response.json();
    const runtime = {
      moduleURL: new URL(manifest.module_url, RUNTIME_URL).href,
      indexURL: new URL(manifest.index_url, RUNTIME_URL).href,
      lockFileURL: new URL(manifest.lock_file_url, RUNTIME_URL).href,
      packages: manifest.packages,
    };
    const worker = new Worker(WORKER_URL, { type: "module", name: "musclecalc" });
    this.#worker = worker;
    const ready = new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`Python did not start within ${START_TIMEOUT_MS / 1000} seconds`)),
        START_TIMEOUT_MS,
      );
      worker.addEventListener("message", (event) => {
        const message = event.data;
        if (message.op === "ready") {
          clearTimeout(timer);
          resolve(message.python);
        } else if (message.op === "failed") {
          clearTimeout(timer);
          reject(new Error(message.reason));
        } else {
          this.#settle(message);
        }
      });
      worker.addEventListener("error", (event) => {
        clearTimeout(timer);
        reject(new Error(event.message || "the calculator's worker failed to load"));
      });
    });
    worker.postMessage({ op: "start", runtime });
    return ready;
  }

  #settle(message) {
    const call = this.#pending.get(message.id);
    if (!call) return;
    this.#pending.delete(message.id);
    clearTimeout(call.timer);
    if (message.error) call.reject(new Error(message.error));
    else call.resolve(JSON.parse(message.json));
  }

  #stop() {
    if (this.#worker) this.#worker.terminate();
    this.#worker = null;
    this.#ready = null;
    for (const call of this.#pending.values()) {
      clearTimeout(call.timer);
      call.reject(new Error("the calculator stopped"));
    }
    this.#pending.clear();
  }

  async call(op, fields) {
    await this.start();
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(new Error(`no answer within ${CALL_TIMEOUT_MS / 1000} seconds`));
      }, CALL_TIMEOUT_MS);
      this.#pending.set(id, { resolve, reject, timer });
      this.#worker.postMessage({ id, op, ...fields });
    });
  }
}

const python = new PythonWorker();

// ---------------------------------------------------------------------------------------------
// Small DOM helpers: every string goes in as text.

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) node.append(child);
  return node;
}

function textElement(tag, text, attributes = {}) {
  const node = element(tag, attributes);
  node.textContent = text;
  return node;
}

// Python draws charts as SVG markup; an XML parse makes nodes from it without running anything.
function svgFrom(markup) {
  const parsed = new DOMParser().parseFromString(markup, "image/svg+xml");
  const root = parsed.documentElement;
  if (root.nodeName !== "svg" || parsed.querySelector("parsererror")) return null;
  return document.importNode(root, true);
}

// ---------------------------------------------------------------------------------------------
// One calculator on the page.

class Calculator {
  constructor(root) {
    this.root = root;
    this.name = root.dataset.calculator;
    this.form = root.querySelector(".mc-form");
    this.status = root.querySelector(".mc-status");
    this.statusText = root.querySelector(".mc-status__text");
    this.retry = root.querySelector("[data-action=retry]");
    this.answer = root.querySelector(".mc-answer");
    this.details = root.querySelector(".mc-details");
    this.entries = root.querySelector(".mc-entries__list");
    this.maxEntries = Number(root.querySelector(".mc-entries")?.dataset.maxItems) || Infinity;
    this.latest = 0;
    this.timer = null;
    this.answeredOnce = false;
    for (const unit of this.form.querySelectorAll(".mc-unit")) unit.dataset.current = unit.value;

    this.restoreFromAddress();
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.compute();
    });
    this.form.addEventListener("input", (event) => this.changed(event));
    this.form.addEventListener("change", (event) => this.changed(event));
    this.form.addEventListener("click", (event) => this.clicked(event));
    this.retry.addEventListener("click", () => this.start());
    this.start();
  }

  async start() {
    this.setStatus("loading", STATUS_TEXT.loading);
    try {
      await python.start();
    } catch (error) {
      this.setStatus("error", `The calculator could not start: ${error.message}. The worked example is still shown.`);
      return;
    }
    if (!this.root.isConnected) return;
    this.setStatus("ready", STATUS_TEXT.ready);
    this.compute();
  }

  setStatus(state, text) {
    this.status.dataset.state = state;
    this.statusText.textContent = text;
    this.retry.hidden = state !== "error";
  }

  changed(event) {
    const target = event.target;
    if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement)) return;
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
    if (button.dataset.action === "add-entry") this.addEntry();
    if (button.dataset.action === "remove-entry") this.removeEntry(button.closest(".mc-entry"));
  }

  // -- inputs -----------------------------------------------------------------------------------

  fieldControls() {
    return [...this.form.querySelectorAll("[data-name]")].filter((control) => !control.closest(".mc-entry"));
  }

  payload() {
    const payload = {};
    for (const control of this.fieldControls()) payload[control.dataset.name] = control.value;
    if (this.entries) {
      payload.entries = [...this.entries.children].map((row) => {
        const entry = {};
        for (const control of row.querySelectorAll("[data-name]")) entry[control.dataset.name] = control.value;
        return entry;
      });
    }
    return payload;
  }

  // The inputs live in the address, named as the payload's fields, so an answer can be shared.
  saveToAddress(payload) {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(payload)) {
      if (name === "entries") {
        for (const entry of value) for (const [key, item] of Object.entries(entry)) query.append(key, item);
      } else if (value !== "") {
        query.set(name, value);
      }
    }
    const address = new URL(location.href);
    address.search = query.toString();
    history.replaceState(history.state, "", address);
  }

  restoreFromAddress() {
    const query = new URLSearchParams(location.search);
    for (const control of this.fieldControls()) {
      if (query.has(control.dataset.name)) control.value = query.get(control.dataset.name);
    }
    for (const unit of this.form.querySelectorAll(".mc-unit")) unit.dataset.current = unit.value;
    if (!this.entries) return;
    const first = this.entries.querySelector(".mc-entry");
    const names = [...first.querySelectorAll("[data-name]")].map((control) => control.dataset.name);
    const columns = names.map((name) => query.getAll(name));
    const rows = Math.max(...columns.map((column) => column.length));
    if (rows === 0) return;
    const template = first.cloneNode(true);
    this.entries.replaceChildren();
    for (let index = 0; index < Math.min(rows, this.maxEntries); index++) {
      const row = template.cloneNode(true);
      names.forEach((name, column) => {
        row.querySelector(`[data-name="${name}"]`).value = columns[column][index] ?? "";
      });
      this.entries.append(row);
    }
    this.renumberEntries();
  }

  async switchUnit(select) {
    const input = this.form.querySelector(`[data-name="${select.dataset.unitFor}"]`);
    const from = select.dataset.current;
    const to = select.value;
    select.dataset.current = to;
    if (input.value.trim() !== "" && from !== to) {
      try {
        const reply = await python.call("convert", { payload: JSON.stringify({ value: input.value, from, to }) });
        if (reply.ok) input.value = reply.text;
      } catch (error) {
        this.setStatus("error", `The calculator stopped: ${error.message}.`);
        return;
      }
    }
    this.compute();
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

  renumberEntries() {
    const rows = [...this.entries.children];
    rows.forEach((row, index) => {
      row.dataset.index = index;
      for (const field of row.querySelectorAll("[data-entry-field]")) {
        const id = `mc-${this.name}-entries-${index}-${field.dataset.entryField}`;
        const control = field.querySelector("[data-name]");
        const error = field.querySelector(".mc-error");
        control.id = id;
        field.querySelector("label").htmlFor = id;
        error.id = `${id}-error`;
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
      reply = await python.call("run", { name: this.name, payload: JSON.stringify(payload) });
    } catch (error) {
      if (request === this.latest) this.setStatus("error", `The calculator stopped: ${error.message}.`);
      return;
    }
    if (request !== this.latest || !this.root.isConnected) return;
    // The first answer is for the values already on the page; later ones are the reader's own.
    if (this.answeredOnce) this.saveToAddress(payload);
    this.answeredOnce = true;
    this.showErrors(reply.ok ? {} : reply.errors);
    if (reply.ok) {
      this.render(reply.display);
      this.root.dataset.live = "true";  // the answer on show is Python's, computed in this page
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
    for (const [field, text] of Object.entries(errors)) {
      const key = field === "_" ? "form" : field.replaceAll(".", "-");
      const message = this.root.querySelector(`#mc-${this.name}-${key}-error`)
        || this.root.querySelector(`#mc-${this.name}-form-error`);
      message.textContent = text;
      message.hidden = false;
      const control = this.root.querySelector(`#mc-${this.name}-${key}`);
      if (control) control.setAttribute("aria-invalid", "true");
    }
  }

  // Builds the same structure the build-time hook renders (scripts/hooks/calculator_forms.py).
  render(display) {
    const answer = [textElement("p", display.summary, { class: "mc-summary" })];
    if (display.facts.length) {
      answer.push(element("dl", { class: "mc-facts" }, ...display.facts.map((fact) => element(
        "div", { class: "mc-fact" }, textElement("dt", fact.label), textElement("dd", fact.value)))));
    }
    if (display.warnings.length) {
      answer.push(element("div", { class: "mc-warnings" },
        textElement("p", "Please note", { class: "mc-warnings__title" }),
        element("ul", {}, ...display.warnings.map((warning) => textElement("li", warning)))));
    }
    this.answer.replaceChildren(...answer);
    this.answer.classList.remove("mc-answer--stale");

    const details = [];
    const chart = display.chart && svgFrom(display.chart.svg);
    if (chart) {
      details.push(element("figure", { class: "mc-chart-figure" }, chart,
        textElement("figcaption", display.chart.description)));
    }
    if (display.table) {
      const { caption, columns, rows } = display.table;
      details.push(element("div", { class: "mc-table-wrap" }, element("table", {},
        textElement("caption", caption),
        element("thead", {}, element("tr", {}, ...columns.map((column) => textElement("th", column, { scope: "col" })))),
        element("tbody", {}, ...rows.map(([head, ...cells]) => element("tr", {},
          textElement("th", head, { scope: "row" }), ...cells.map((cell) => textElement("td", cell))))))));
    }
    if (display.notes.length) {
      details.push(element("ul", { class: "mc-notes" }, ...display.notes.map((note) => textElement("li", note))));
    }
    const method = this.details.querySelector(".mc-method");
    details.push(element("details", method && method.open ? { class: "mc-method", open: "" } : { class: "mc-method" },
      textElement("summary", "Method and sources"), textElement("p", display.method),
      element("ol", { class: "mc-sources" }, ...display.sources.map((source) => textElement("li", source)))));
    this.details.replaceChildren(...details);
  }
}

// ---------------------------------------------------------------------------------------------
// Material emits document$ on the first load and after every instant navigation.

function mount() {
  for (const root of document.querySelectorAll(".mc-calculator:not([data-mounted])")) {
    root.dataset.mounted = "true";
    new Calculator(root);
  }
}

if (typeof document$ !== "undefined") document$.subscribe(mount);
else mount();
