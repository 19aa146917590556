// The unit choices kept on this device (docs/assets/javascripts/unit-memory.mjs): only unit
// fields' names and unit codes are ever written or read back, and a browser whose storage fails
// (switched off, full) forgets without breaking anything.
import assert from "node:assert/strict";
import { test } from "node:test";

import { failureText } from "../../docs/assets/javascripts/answer.mjs";
import {
  rememberedUnits,
  rememberUnit,
  unitFor,
  unitsFrom,
  unitsWith,
  UNITS_KEY,
} from "../../docs/assets/javascripts/unit-memory.mjs";

/** A Storage of our own: Node has no localStorage. @returns {Storage & {items: Map<string, string>}} */
function memoryStorage() {
  const items = new Map();
  return /** @type {Storage & {items: Map<string, string>}} */ (
    /** @type {unknown} */ ({
      items,
      getItem: (/** @type {string} */ key) => items.get(key) ?? null,
      setItem: (/** @type {string} */ key, /** @type {string} */ value) => void items.set(key, String(value)),
    })
  );
}

const throwing = () => {
  throw new DOMException("The operation is insecure.", "SecurityError");
};

test("a unit choice is added to the units kept, and nothing but unit choices is", () => {
  assert.equal(unitsWith(null, "weight_unit", "lb"), '{"weight":"lb"}');
  assert.equal(unitsWith('{"weight":"lb"}', "height_unit", "in"), '{"weight":"lb","length":"in"}');
  assert.equal(unitsWith('{"weight":"lb"}', "weight_unit", "kg"), '{"weight":"kg"}');
  // The progress log's tape unit is a length, as a height is.
  assert.equal(unitsWith('{"length":"in"}', "length_unit", "cm"), '{"length":"cm"}');
  assert.equal(unitsWith(null, "weight", "93.7"), null);
  assert.equal(unitsWith(null, "weight_unit", "93.7"), null);
  assert.equal(unitsWith(null, "height_unit", "lb"), null);
  assert.equal(unitsWith(null, "goal", "build"), null);
  assert.equal(unitsWith(null, "__proto__", "kg"), null);
  // Whatever else the key held (an older page, a hand edit) is dropped when it is written again.
  assert.equal(unitsWith('{"weight":"93.7","age":"40"}', "height_unit", "cm"), '{"length":"cm"}');
});

test("only known units are read back, whatever the key holds", () => {
  assert.deepEqual(unitsFrom('{"weight":"lb","length":"in"}'), { weight: "lb", length: "in" });
  assert.deepEqual(unitsFrom(null), {});
  assert.deepEqual(unitsFrom("not json"), {});
  assert.deepEqual(unitsFrom('["lb"]'), {});
  assert.deepEqual(unitsFrom('"lb"'), {});
  assert.deepEqual(unitsFrom('{"weight":7,"length":"ft","weight_unit":"lb","__proto__":"lb"}'), {});
});

test("remembering writes the one key, and reading gives it back", () => {
  const storage = memoryStorage();
  assert.equal(rememberUnit("weight_unit", "lb", () => storage), true);
  assert.equal(rememberUnit("height_unit", "in", () => storage), true);
  assert.equal(rememberUnit("weight", "93.7", () => storage), false);
  assert.deepEqual([...storage.items.keys()], [UNITS_KEY]);
  assert.deepEqual(JSON.parse(storage.items.get(UNITS_KEY) ?? ""), { weight: "lb", length: "in" });
  const units = rememberedUnits(() => storage);
  assert.deepEqual(units, { weight: "lb", length: "in" });
  assert.equal(unitFor("weight_unit", units), "lb");
  assert.equal(unitFor("height_unit", units), "in");
  assert.equal(unitFor("length_unit", units), "in");
  assert.equal(unitFor("goal", units), undefined);
});

test("storage that throws (switched off, full) forgets and breaks nothing", () => {
  assert.equal(rememberUnit("weight_unit", "lb", throwing), false);
  assert.deepEqual(rememberedUnits(throwing), {});
  const full = memoryStorage();
  full.setItem = throwing;
  assert.equal(rememberUnit("weight_unit", "lb", () => full), false);
});

test("a start that failed beside the reader's values says the answer is the example, not theirs", () => {
  assert.equal(
    failureText("could not start", "a file it needs did not download", true),
    "The calculator could not start: a file it needs did not download. The answer shown is the worked example for the page's own values, not for the values in the form.",
  );
  assert.equal(failureText("stopped", "Python stopped", true), "The calculator stopped: Python stopped.");
});
