// A calculator's list of rows (docs/assets/javascripts/entry-rows.mjs): the keys each row's
// fields take, rows from address-style text, and the exercises a link adds.
import assert from "node:assert/strict";
import { test } from "node:test";

import { entryKey, exercisesToAdd, numbering, rowsCutText, rowValues } from "../../docs/assets/javascripts/entry-rows.mjs";

test("a row's field keys are the bridge's: list, index from 0, field", () => {
  assert.equal(entryKey("entries", 2, "sets"), "entries.2.sets");
});

test("rows are numbered in order after a change, labelled from 1 for screen readers", () => {
  const { rows } = numbering("entries", ["exercise", "sets", "sessions"], 3, 30);
  assert.deepEqual(
    rows.map((row) => row.keys),
    [
      ["entries.0.exercise", "entries.0.sets", "entries.0.sessions"],
      ["entries.1.exercise", "entries.1.sets", "entries.1.sessions"],
      ["entries.2.exercise", "entries.2.sets", "entries.2.sessions"],
    ],
  );
  assert.deepEqual(rows.map((row) => row.label), [" row 1", " row 2", " row 3"]);
});

test("no two rows share a key", () => {
  const { rows } = numbering("entries", ["exercise", "sets"], 12, 30);
  const keys = rows.flatMap((row) => row.keys);
  assert.equal(new Set(keys).size, keys.length);
});

test("the only row cannot be removed; any row of several can", () => {
  assert.deepEqual(numbering("entries", ["a"], 1, 30).rows.map((row) => row.removable), [false]);
  assert.deepEqual(numbering("entries", ["a"], 2, 30).rows.map((row) => row.removable), [true, true]);
});

test("a row can be added below the limit, not at it", () => {
  assert.equal(numbering("entries", ["a"], 29, 30).canAdd, true);
  assert.equal(numbering("entries", ["a"], 30, 30).canAdd, false);
  assert.equal(numbering("entries", ["a"], 31, 30).canAdd, false);
});

test("rows from text: as many as the longest column, short columns filled with empty values", () => {
  const state = new URLSearchParams("exercise=squat&sets=3&exercise=hip_thrust&exercise=row&sets=4");
  assert.deepEqual(rowValues(state, ["exercise", "sets"]), [
    ["squat", "3"],
    ["hip_thrust", "4"],
    ["row", ""],
  ]);
});

test("rows from text stop at the limit when one is given", () => {
  const state = new URLSearchParams("sets=1&sets=2&sets=3&sets=4");
  assert.equal(rowValues(state, ["sets"], 2).length, 2);
  assert.equal(rowValues(state, ["sets"]).length, 4, "without a limit: every row");
});

test("a link cut to the limit says how many rows it held, with thousands marked", () => {
  assert.equal(
    rowsCutText(2000, 66),
    "This link lists 2,000 rows; the calculator takes at most 66, so the form shows the first 66.",
  );
});

test("text that names none of the columns gives no rows", () => {
  assert.deepEqual(rowValues(new URLSearchParams("weight=80"), ["exercise", "sets"]), []);
  assert.deepEqual(rowValues(new URLSearchParams(""), []), []);
});

test("a link's exercises join once each, only those offered and not yet in the week", () => {
  const offered = ["squat", "hip_thrust", "deadlift", "row"];
  assert.deepEqual(
    exercisesToAdd(["hip_thrust", "squat", "made_up", "hip_thrust", "row"], offered, ["squat"], 10),
    ["hip_thrust", "row"],
  );
});

test("a link's exercises stop joining when the week is full", () => {
  const offered = ["a", "b", "c"];
  assert.deepEqual(exercisesToAdd(["a", "b", "c"], offered, [], 2), ["a", "b"]);
  assert.deepEqual(exercisesToAdd(["a"], offered, [], 0), []);
});
