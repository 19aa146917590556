// A calculator's list of rows (the volume calculator's exercises, the progress log's readings):
// calculator-page.mjs's second job, split out. Rows are copies of the first row the build wrote;
// each row's controls and messages carry the keys the bridge uses for that row
// ("entries.2.sets"), renumbered after every change. The pure functions are exported for
// tests/js.

import { setFromAddress } from "./address-state.mjs";

/** @typedef {import("./address-state.mjs").Entry} Entry */

let uniqueIds = 0;

/**
 * The key of one row's field, as the bridge names it in its messages.
 * @param {string} listName  @param {number} index  @param {string} field
 */
export const entryKey = (listName, index, field) => `${listName}.${index}.${field}`;

/**
 * What each row shows once the list has `count` rows: its fields' keys, the words that tell a
 * screen reader which row a button is for, whether it may be removed; and whether a row may be
 * added.
 * @param {string} listName
 * @param {string[]} fields  the row's field names (`data-entry-field`), in order
 * @param {number} count
 * @param {number} maxEntries
 */
export function numbering(listName, fields, count, maxEntries) {
  const rows = Array.from({ length: count }, (_, index) => ({
    keys: fields.map((field) => entryKey(listName, index, field)),
    label: ` row ${index + 1}`,
    removable: count > 1,
  }));
  return { rows, canAdd: count < maxEntries };
}

/**
 * The rows an address-style text holds ("exercise=squat&sets=3&exercise=..."), as values in
 * `columns` order: as many rows as the longest column, at most `limit`; a short column's
 * missing values are empty.
 * @param {URLSearchParams} state
 * @param {string[]} columns
 * @param {number} [limit]
 * @returns {string[][]}
 */
export function rowValues(state, columns, limit = Infinity) {
  const values = columns.map((name) => state.getAll(name));
  const count = Math.min(Math.max(0, ...values.map((column) => column.length)), limit);
  return Array.from({ length: count }, (_, index) => values.map((column) => column[index] ?? ""));
}

/**
 * Said beside a list when a link held more rows than the form takes (Python's limit, which the
 * page declares): only the first ones are built, so a made-up link cannot stall the page.
 * @param {number} inLink  @param {number} limit
 */
export function rowsCutText(inLink, limit) {
  const count = inLink.toLocaleString("en-GB");
  return `This link lists ${count} rows; the calculator takes at most ${limit}, so the form shows the first ${limit}.`;
}

/**
 * The exercises a link asks to add that join the week: each one once, only those the form
 * offers and the week does not hold yet, while there is room.
 * @param {string[]} wanted  @param {string[]} offered  @param {string[]} present  @param {number} room
 * @returns {string[]}
 */
export function exercisesToAdd(wanted, offered, present, room) {
  /** @type {string[]} */
  const added = [];
  for (const exercise of wanted) {
    if (!offered.includes(exercise) || present.includes(exercise) || added.includes(exercise)) continue;
    if (added.length >= room) break;
    added.push(exercise);
  }
  return added;
}

/** @param {ParentNode} parent  @param {string} selector  @returns {HTMLElement[]} */
const all = (parent, selector) => /** @type {HTMLElement[]} */ ([...parent.querySelectorAll(selector)]);
/** @param {ParentNode} row  @returns {(HTMLInputElement | HTMLSelectElement)[]} */
const controlsOf = (row) => /** @type {HTMLInputElement[]} */ (all(row, "[data-name]"));

/** The list of rows of one calculator. */
export class EntryRows {
  /**
   * @param {HTMLElement} root  the calculator
   * @param {HTMLElement} list  its `.mc-entries__list`
   */
  constructor(root, list) {
    this.root = root;
    this.list = list;
    this.maxEntries = Number(/** @type {HTMLElement | null} */ (root.querySelector(".mc-entries"))?.dataset.maxItems) || Infinity;
  }

  /** @returns {HTMLElement[]} */
  rows() {
    return /** @type {HTMLElement[]} */ ([...this.list.children]);
  }

  /** @returns {string} the list's field name, as the bridge names it ("entries") */
  listName() {
    return /** @type {HTMLElement} */ (this.list.closest("[data-field]")).dataset.field ?? "";
  }

  /** @returns {string[]} the names of a row's controls, in order */
  columns() {
    const first = this.list.querySelector(".mc-entry");
    return first ? controlsOf(first).map((control) => control.dataset.name ?? "") : [];
  }

  /** @returns {Entry[]} each row's values by name */
  values() {
    return this.rows().map((row) => Object.fromEntries(controlsOf(row).map((c) => [c.dataset.name ?? "", c.value])));
  }

  /** Each row's controls and messages take the keys the bridge uses for that row. */
  renumber() {
    const listName = this.listName();
    const rows = this.rows();
    const fields = rows.length ? all(rows[0], "[data-entry-field]").map((field) => field.dataset.entryField ?? "") : [];
    const plan = numbering(listName, fields, rows.length, this.maxEntries);
    rows.forEach((row, index) => {
      const { keys, label, removable } = plan.rows[index];
      row.dataset.index = String(index);
      all(row, "[data-entry-field]").forEach((field, column) => {
        const control = /** @type {HTMLElement} */ (field.querySelector("[data-name]"));
        const error = /** @type {HTMLElement} */ (field.querySelector(".mc-error"));
        control.dataset.key = keys[column];
        error.dataset.errorFor = keys[column];
        error.id = `mc-message-${++uniqueIds}`;
        control.setAttribute("aria-describedby", error.id);
      });
      /** @type {HTMLElement} */ (row.querySelector(".mc-visually-hidden")).textContent = label;
      /** @type {HTMLButtonElement} */ (row.querySelector("[data-action=remove-entry]")).disabled = !removable;
    });
    /** @type {HTMLButtonElement} */ (this.root.querySelector("[data-action=add-entry]")).disabled = !plan.canAdd;
  }

  /** A copy of the last row at the end, focused; false (nothing added) at the limit. */
  add() {
    if (this.list.children.length >= this.maxEntries) return false;
    const row = /** @type {HTMLElement} */ (/** @type {HTMLElement} */ (this.list.lastElementChild).cloneNode(true));
    this.list.append(row);
    this.renumber();
    /** @type {HTMLElement} */ (row.querySelector("select, input")).focus();
    return true;
  }

  /** The row gone, the focus on a neighbour's remove button; false (nothing removed) for the
   *  only row.
   *  @param {HTMLElement} row */
  remove(row) {
    if (this.list.children.length <= 1) return false;
    const next = /** @type {HTMLElement} */ (row.nextElementSibling || row.previousElementSibling);
    row.remove();
    this.renumber();
    /** @type {HTMLElement} */ (next.querySelector("[data-action=remove-entry]")).focus();
    return true;
  }

  /**
   * Rows from address-style text in place of the list's (nothing changes if it holds none), at
   * most the form's limit: a made-up link of thousands of rows would stall the page. As the
   * address gives them (`fromAddress`), values a select does not offer are shown as they are.
   * Returns the number of rows the text held.
   * @param {URLSearchParams} state
   * @param {boolean} [fromAddress]
   * @returns {number}
   */
  fill(state, fromAddress = false) {
    const template = /** @type {HTMLElement} */ (this.list.querySelector(".mc-entry")?.cloneNode(true));
    if (!template) return 0;
    const columns = this.columns();
    const held = rowValues(state, columns).length;
    const values = rowValues(state, columns, this.maxEntries);
    if (values.length === 0) return 0;
    const rows = values.map((row) => {
      const copy = /** @type {HTMLElement} */ (template.cloneNode(true));
      columns.forEach((name, column) => {
        const control = /** @type {HTMLInputElement} */ (copy.querySelector(`[data-name="${name}"]`));
        if (fromAddress) setFromAddress(control, row[column]);
        else control.value = row[column];
      });
      return copy;
    });
    this.list.replaceChildren(...rows);
    this.renumber();
    return held;
  }

  /** `#add=hip_thrust` (from an exercise page): each exercise named joins the week, once.
   *  @param {string[]} wanted */
  addExercises(wanted) {
    const rows = this.rows();
    /** @param {ParentNode} row */
    const exerciseOf = (row) => /** @type {HTMLSelectElement} */ (row.querySelector("select[data-name]"));
    const offered = [...exerciseOf(rows[0]).options].map((option) => option.value);
    const present = rows.map((row) => exerciseOf(row).value);
    for (const exercise of exercisesToAdd(wanted, offered, present, this.maxEntries - rows.length)) {
      const row = /** @type {HTMLElement} */ (/** @type {HTMLElement} */ (this.list.lastElementChild).cloneNode(true));
      for (const control of controlsOf(row)) control.value = control.dataset.default ?? control.value;
      exerciseOf(row).value = exercise;
      this.list.append(row);
    }
    this.renumber();
  }
}
