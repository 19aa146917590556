// The reader's unit choices, remembered on this device (issue 25): kg or lb, cm or in, chosen on
// one calculator, are the form's units on the others. Nothing else is kept: one localStorage key
// holds only unit fields' names and unit codes (`{"weight_unit":"lb","height_unit":"in"}`),
// written only when the reader changes a unit. A link's own units win (calculator-page.mjs reads
// the remembered units only for a form that no link or saved log filled). A browser that keeps
// nothing (storage switched off or full) simply forgets: every read and write here may fail.

/** The localStorage key. */
export const UNITS_KEY = "musclecalc.units";
/** The unit fields remembered, and the codes each may hold: nothing else is ever written. The
 *  progress log's tape unit takes the same codes as a height. */
export const REMEMBERED = /** @type {Record<string, readonly string[]>} */ ({
  weight_unit: ["kg", "lb"],
  height_unit: ["cm", "in"],
  length_unit: ["cm", "in"],
});

/** @typedef {Record<string, string>} Units  unit field name to unit code */

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
  for (const [name, value] of Object.entries(kept)) {
    if (Object.hasOwn(REMEMBERED, name) && typeof value === "string" && REMEMBERED[name].includes(value)) {
      units[name] = value;
    }
  }
  return units;
}

/**
 * What the key holds once `name` is set to `unit`, or null when that is not a unit choice.
 * @param {string | null} text  what the key holds now
 * @param {string} name  @param {string} unit
 * @returns {string | null}
 */
export function unitsWith(text, name, unit) {
  if (!Object.hasOwn(REMEMBERED, name) || !REMEMBERED[name].includes(unit)) return null;
  return JSON.stringify({ ...unitsFrom(text), [name]: unit });
}

/** @param {() => Storage} storage  @returns {Units} the units remembered here, or none */
export function rememberedUnits(storage = () => localStorage) {
  try {
    return unitsFrom(storage().getItem(UNITS_KEY));
  } catch {
    return {};
  }
}

/** Remember a unit the reader chose; true if it was kept.
 *  @param {string} name  @param {string} unit  @param {() => Storage} storage */
export function rememberUnit(name, unit, storage = () => localStorage) {
  try {
    const store = storage();
    const text = unitsWith(store.getItem(UNITS_KEY), name, unit);
    if (text === null) return false;
    store.setItem(UNITS_KEY, text);
    return true;
  } catch {
    return false;
  }
}
