// The progress log's glue between this browser's storage, Python's replies and the form
// (docs/assets/javascripts/progress-log.mjs). Python reads and writes the CSV; these are the
// steps that carry its text.
import assert from "node:assert/strict";
import { test } from "node:test";

import { FORMAT, importRefusal, logRows, logText, parseStoredLog } from "../../docs/assets/javascripts/progress-log.mjs";

const ENTRIES = [
  { date: "2026-01-05", hips: "98", weight: "70" },
  { date: "2026-02-02", hips: "99", weight: "70.5" },
];

test("what is kept is read back: units and rows, nothing else of the form", () => {
  const payload = { length_unit: "cm", weight_unit: "kg", entries: ENTRIES, note: "not kept" };
  const log = parseStoredLog(logText(payload));
  assert.deepEqual(log, { format: FORMAT, length_unit: "cm", weight_unit: "kg", entries: ENTRIES });
});

test("nothing kept, another format, no rows, or not JSON: no log (the worked example shows)", () => {
  assert.equal(parseStoredLog(null), null);
  assert.equal(parseStoredLog(JSON.stringify({ format: FORMAT + 1, entries: ENTRIES })), null);
  assert.equal(parseStoredLog(JSON.stringify({ format: FORMAT, entries: [] })), null);
  assert.equal(parseStoredLog(JSON.stringify({ format: FORMAT, entries: "rows" })), null);
  assert.equal(parseStoredLog("{not json"), null);
  assert.equal(parseStoredLog('"a string"'), null);
});

/** @typedef {import("../../docs/assets/javascripts/progress-log.mjs").Log} Log */

test("a log's rows fill the form's columns in order; a missing value is empty", () => {
  // As storage may hold it: a number where the form writes text.
  const stored = /** @type {Log} */ (/** @type {unknown} */ ({ entries: [{ date: "2026-01-05", hips: "98" }, { hips: 97, waist: "80" }] }));
  const rows = logRows(stored, ["date", "hips", "waist"]);
  assert.deepEqual(rows.getAll("date"), ["2026-01-05", ""]);
  assert.deepEqual(rows.getAll("hips"), ["98", "97"]);
  assert.deepEqual(rows.getAll("waist"), ["", "80"]);
});

test("an import Python read becomes the log", () => {
  assert.equal(importRefusal({ ok: true, fields: { entries: ENTRIES } }, 100), null);
});

test("an import Python could not read says Python's message for the file", () => {
  assert.equal(importRefusal({ ok: false, errors: { csv: "Line 3 has no date." } }, 100), "Line 3 has no date.");
  assert.equal(importRefusal({ ok: false, errors: { other: "First message." } }, 100), "First message.");
  assert.equal(importRefusal({ ok: false }, 100), "The file could not be read.");
});

test("an import with more rows than the form takes changes nothing, and says why", () => {
  const reply = { ok: false, fields: { entries: ENTRIES }, errors: { entries: "The log takes at most 1 reading." } };
  assert.equal(importRefusal(reply, 1), "Nothing was imported: The log takes at most 1 reading.");
  assert.equal(importRefusal({ ok: true, fields: { entries: ENTRIES } }, 1), "Nothing was imported: the file has too many rows.");
});
