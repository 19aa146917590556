// A calculator's inputs in the page's address (calculator-page.mjs's first job, split out).
//
// The inputs live in the address's fragment, which browsers never send to a server, named as the
// payload's fields, so an answer can be bookmarked or shared and stays private. The fragment is
// replaced, never pushed: one history entry per page, not one per edit. A form kept out of the
// address (the self-check: `linkOnRequest`) reads a link once, takes it out of the address, and
// writes nothing there unless the reader asks for a link. The pure functions (exported for
// tests/js) take and return addresses as text; `AddressState` applies them to `location`.

/** @typedef {Record<string, string>} Entry  one row of a list field: column name to value */
/** @typedef {{[name: string]: string | string[] | Entry[]}} Payload  what the bridge reads */

/** Longest address state read, in characters: far more than any form this site writes (66
 *  volume rows take at most about 3,700), small enough that a made-up link cannot stall the page. */
export const MAX_STATE_LENGTH = 20_000;
/** Said when a link holds more than that: the values are not read, and the reader is told so. */
export const TOO_LONG_TEXT =
  "This link holds more than the calculator reads (over 20,000 characters), so the form shows its usual values instead.";
/** Characters of a value shown as the label of a choice the select does not offer. */
export const MAX_LABEL_LENGTH = 40;

/**
 * The state a link or an earlier visit left in `href` (the fragment, or an old ?query link),
 * if it names any of `fieldNames`; and the address to put in its place, or null to leave it.
 * An old link put the values in the query, which servers see: they move into the fragment (for
 * a form kept out of the address, `keep` false, they are taken out altogether).
 * @param {string} href
 * @param {Set<string>} fieldNames
 * @param {boolean} keep
 * @returns {{state: URLSearchParams, tooLong: boolean, replacement: string | null}}
 */
export function stateFromAddress(href, fieldNames, keep) {
  const address = new URL(href);
  if (address.hash.length > MAX_STATE_LENGTH || address.search.length > MAX_STATE_LENGTH) {
    return { state: new URLSearchParams(), tooLong: true, replacement: null };
  }
  /** @param {URLSearchParams} state */
  const holdsFields = (state) => [...state.keys()].some((key) => fieldNames.has(key));
  const fromHash = new URLSearchParams(address.hash.slice(1));
  const fromQuery = new URLSearchParams(address.search);
  const state = holdsFields(fromHash) ? fromHash : holdsFields(fromQuery) ? fromQuery : null;
  if (!state) return { state: new URLSearchParams(), tooLong: false, replacement: null };
  if (state !== fromQuery && keep) return { state, tooLong: false, replacement: null };
  if (state === fromQuery) address.search = "";
  address.hash = keep ? fromQuery.toString() : "";
  return { state, tooLong: false, replacement: address.href };
}

/**
 * The fragment that holds a payload, named as its fields: list rows column by column in row
 * order, checkboxes once per ticked value, empty fields left out.
 * @param {Payload} payload
 * @returns {string}
 */
export function fragmentOf(payload) {
  const state = new URLSearchParams();
  for (const [name, value] of Object.entries(payload)) {
    if (name === "entries" && Array.isArray(value)) {
      for (const entry of /** @type {Entry[]} */ (value)) {
        for (const [key, item] of Object.entries(entry)) state.append(key, item);
      }
    } else if (Array.isArray(value)) {
      for (const item of /** @type {string[]} */ (value)) state.append(name, item);
    } else if (value !== "") {
      state.set(name, value);
    }
  }
  return state.toString();
}

/**
 * The fragment after one calculator writes its own: what `hash` held for other calculators on
 * the page (named values whose names are not in `ownNames`) is kept, then come this calculator's
 * values. Two calculators on one page (the volume page's quick question and its weekly table)
 * so keep each other's state; a bare anchor such as `#how-it-works` (a name with no value) goes,
 * as it did before.
 * @param {string} hash  the address's fragment, with or without its "#"
 * @param {Set<string>} ownNames  every name this calculator writes
 * @param {string} fragment  this calculator's values (`fragmentOf`)
 * @returns {string}
 */
export function mergedFragment(hash, ownNames, fragment) {
  const merged = new URLSearchParams();
  for (const [name, value] of new URLSearchParams(hash.replace(/^#/, ""))) {
    if (value !== "" && !ownNames.has(name)) merged.append(name, value);
  }
  for (const [name, value] of new URLSearchParams(fragment)) merged.append(name, value);
  return merged.toString();
}

/**
 * `href` with `fragment` in place of its fragment.
 * @param {string} href
 * @param {string} fragment
 * @returns {string}
 */
export function addressWith(href, fragment) {
  const address = new URL(href);
  address.hash = fragment;
  return address.href;
}

/**
 * The label of an extra choice for a value the select does not offer: the value, cut short.
 * @param {string} value
 * @returns {string}
 */
export function optionLabel(value) {
  return value.length > MAX_LABEL_LENGTH ? `${value.slice(0, MAX_LABEL_LENGTH)}…` : value;
}

/**
 * Put a value from the address into a control. A select that does not offer it gets it as an
 * extra, disabled choice, so the reader sees what the link said and Python's message for it
 * shows beside the field (a select given an unknown value would go blank instead).
 * @param {HTMLInputElement | HTMLSelectElement} control
 * @param {string} value
 */
export function setFromAddress(control, value) {
  if (!(control instanceof HTMLSelectElement) || [...control.options].some((o) => o.value === value)) {
    control.value = value;
    return;
  }
  const option = new Option(optionLabel(value), value, false, true);
  option.disabled = true;
  control.add(option);
}

/** One calculator's side of the page's address. */
export class AddressState {
  /** @param {boolean} linkOnRequest  the form stays out of the address unless a link is asked for
   *  @param {Set<string>} ownNames  the names this calculator's values go by in the address */
  constructor(linkOnRequest, ownNames) {
    this.linkOnRequest = linkOnRequest;
    this.ownNames = ownNames;
  }

  /** @param {Payload} payload  @returns {string} the page's address with the payload in its
   *  fragment, beside what other calculators on the page keep there */
  #holding(payload) {
    return addressWith(location.href, mergedFragment(location.hash, this.ownNames, fragmentOf(payload)));
  }

  /**
   * The state the address holds for these fields (taking it out of the address, or moving it
   * out of the query, where that is due).
   * @param {Set<string>} fieldNames
   */
  read(fieldNames) {
    const { state, tooLong, replacement } = stateFromAddress(location.href, fieldNames, !this.linkOnRequest);
    if (replacement !== null) history.replaceState(history.state, "", replacement);
    return { state, tooLong };
  }

  /** After an edit: the address follows the form (not for a form kept out of it).
   *  @param {Payload} payload */
  save(payload) {
    if (this.linkOnRequest) return;
    this.write(payload);
  }

  /** Put the payload in the address whatever the form's rule (before a reload into a new deploy).
   *  @param {Payload} payload */
  write(payload) {
    history.replaceState(history.state, "", this.#holding(payload));
  }

  /** @param {Payload} payload  @returns {string} this page's address holding the payload */
  linkTo(payload) {
    return this.#holding(payload);
  }

  /** Nothing of the form in the address (what other calculators keep there stays). */
  clear() {
    if (location.hash) history.replaceState(history.state, "", this.#holding({}));
  }

  /** @returns {string[]} the exercises an exercise page's link asks to add (`#add=hip_thrust`) */
  added() {
    return new URLSearchParams(location.hash.slice(1)).getAll("add");
  }
}
