// The reader's unit choices, remembered on this device (issue 25): kg or lb, cm or in, chosen on
// one calculator, are the form's units on the others. Nothing else is kept: one localStorage key
// holds only a unit code per quantity (`{"weight":"lb","length":"in"}`), never a number typed,
// written only when the reader changes a unit. A link's own units win (calculator-page.mjs reads
// the remembered units only for a form that no link or saved log filled). A browser that keeps
// nothing (storage switched off or full) simply forgets: every read and write here may fail.

/** The localStorage key. */
export const UNITS_KEY = "musclecalc.units";
/** The quantities remembered, and the codes each may hold: nothing else is ever written. */
export const CODES = /** @type {Record<string, readonly string[]>} */ ({ weight: ["kg", "lb"], length: ["cm", "in"] });
/** The unit fields whose choice is remembered, and the quantity each measures: a height and the
 *  progress log's tape readings are both lengths. */
export const REMEMBERED = /** @type {Record<string, string>} */ ({
  weight_unit: "weight",
  height_unit: "length",
  length_unit: "length",
});

/** @typedef {Record<string, string>} Units  quantity ("weight", "length") to unit code */

/** @param {string} field  a unit field's name  @param {Units} units
 *  @returns {string | undefined} the unit remembered for the quantity it measures */
export function unitFor(field, units) {
  return Object.hasOwn(REMEMBERED, field) ? units[REMEMBERED[field]] : undefined;
}

/**
 * The unit choices kept in `text` (what the key holds), without anything that is not one.
 * @param {string | null} text
 * @returns {Units}
 */
export function unitsFrom(text) {
  /** @type {unknown} */
  let kept;
  try {
    kept = JSON.parse(text ?? "{}");
  } catch {
    return {};
  }
  if (typeof kept !== "object" || kept === null || Array.isArray(kept)) return {};
  /** @type {Units} */
  const units = {};
  for (const [quantity, value] of Object.entries(kept)) {
    if (Object.hasOwn(CODES, quantity) && typeof value === "string" && CODES[quantity].includes(value)) {
      units[quantity] = value;
    }
  }
  return units;
}

/**
 * What the key holds once the unit field `field` is set to `unit`, or null when that is not a
 * unit choice the page remembers.
 * @param {string | null} text  what the key holds now
 * @param {string} field  @param {string} unit
 * @returns {string | null}
 */
export function unitsWith(text, field, unit) {
  const quantity = Object.hasOwn(REMEMBERED, field) ? REMEMBERED[field] : "";
  if (!quantity || !CODES[quantity].includes(unit)) return null;
  return JSON.stringify({ ...unitsFrom(text), [quantity]: unit });
}

/** @param {() => Storage} storage  @returns {Units} the units remembered here, or none */
export function rememberedUnits(storage = () => localStorage) {
  try {
    return unitsFrom(storage().getItem(UNITS_KEY));
  } catch {
    return {};
  }
}

/** Remember a unit the reader chose in the unit field `field`; true if it was kept.
 *  @param {string} field  @param {string} unit  @param {() => Storage} storage */
export function rememberUnit(field, unit, storage = () => localStorage) {
  try {
    const store = storage();
    const text = unitsWith(store.getItem(UNITS_KEY), field, unit);
    if (text === null) return false;
    store.setItem(UNITS_KEY, text);
    return true;
  } catch {
    return false;
  }
}
