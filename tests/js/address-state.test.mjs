// The calculators' inputs in the page's address (docs/assets/javascripts/address-state.mjs):
// what a link gives the form, what the form writes back, and links too long to read.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  addressWith,
  fragmentOf,
  mergedFragment,
  MAX_LABEL_LENGTH,
  MAX_STATE_LENGTH,
  optionLabel,
  stateFromAddress,
} from "../../docs/assets/javascripts/address-state.mjs";

const PAGE = "https://example.org/site/calculators/protein/";
const FIELDS = new Set(["weight", "weight_unit", "goal", "exercise", "sets"]);

test("a fragment that names the form's fields is read and left in the address", () => {
  const { state, tooLong, replacement } = stateFromAddress(`${PAGE}#weight=80&weight_unit=kg`, FIELDS, true);
  assert.equal(state.get("weight"), "80");
  assert.equal(state.get("weight_unit"), "kg");
  assert.equal(tooLong, false);
  assert.equal(replacement, null);
});

test("a fragment that names none of the form's fields is not the form's state", () => {
  const { state, replacement } = stateFromAddress(`${PAGE}#how-it-works`, FIELDS, true);
  assert.deepEqual([...state.keys()], []);
  assert.equal(replacement, null);
});

test("an old ?query link moves into the fragment, which servers never see", () => {
  const { state, replacement } = stateFromAddress(`${PAGE}?weight=70&goal=gain`, FIELDS, true);
  assert.equal(state.get("weight"), "70");
  assert.equal(replacement, `${PAGE}#weight=70&goal=gain`);
});

test("a query that is not the form's stays where it is", () => {
  const { replacement } = stateFromAddress(`${PAGE}?utm=x`, FIELDS, true);
  assert.equal(replacement, null);
});

test("a form kept out of the address reads a link once and takes it out", () => {
  const fromHash = stateFromAddress(`${PAGE}#weight=80`, FIELDS, false);
  assert.equal(fromHash.state.get("weight"), "80");
  assert.equal(fromHash.replacement, PAGE);
  const fromQuery = stateFromAddress(`${PAGE}?weight=80`, FIELDS, false);
  assert.equal(fromQuery.state.get("weight"), "80");
  assert.equal(fromQuery.replacement, PAGE);
});

test("the fragment wins over the query when both name fields", () => {
  const { state } = stateFromAddress(`${PAGE}?weight=1#weight=2`, FIELDS, true);
  assert.equal(state.get("weight"), "2");
});

test("a link longer than the calculator reads is not read, and says so", () => {
  const long = `${PAGE}#weight=${"9".repeat(MAX_STATE_LENGTH)}`;
  const { state, tooLong, replacement } = stateFromAddress(long, FIELDS, true);
  assert.equal(tooLong, true);
  assert.deepEqual([...state.keys()], []);
  assert.equal(replacement, null);
  const longQuery = stateFromAddress(`${PAGE}?weight=${"9".repeat(MAX_STATE_LENGTH)}`, FIELDS, true);
  assert.equal(longQuery.tooLong, true);
});

test("a link just within the limit is read", () => {
  const fragment = `#weight=${"9".repeat(MAX_STATE_LENGTH - "#weight=".length)}`;
  assert.equal(fragment.length, MAX_STATE_LENGTH);
  const { tooLong, state } = stateFromAddress(`${PAGE}${fragment}`, FIELDS, true);
  assert.equal(tooLong, false);
  assert.equal(state.get("weight")?.length, MAX_STATE_LENGTH - "#weight=".length);
});

test("a payload's fragment names its fields, rows column by column, ticked boxes once each", () => {
  const fragment = fragmentOf({
    weight: "80",
    note: "",
    signs: ["fatigue", "pain"],
    entries: [
      { exercise: "squat", sets: "3" },
      { exercise: "hip_thrust", sets: "4" },
    ],
  });
  const state = new URLSearchParams(fragment);
  assert.equal(state.get("weight"), "80");
  assert.equal(state.has("note"), false, "an empty field is left out");
  assert.deepEqual(state.getAll("signs"), ["fatigue", "pain"]);
  assert.deepEqual(state.getAll("exercise"), ["squat", "hip_thrust"]);
  assert.deepEqual(state.getAll("sets"), ["3", "4"]);
});

test("what the form writes, the form reads back", () => {
  const payload = { weight: "72.5", weight_unit: "kg", goal: "keep" };
  const { state } = stateFromAddress(addressWith(PAGE, fragmentOf(payload)), FIELDS, true);
  assert.deepEqual(Object.fromEntries(state), payload);
});

test("values with the address's own characters survive the round trip", () => {
  const payload = { weight: "80 kg & more#1=2" };
  const address = addressWith(PAGE, fragmentOf(payload));
  assert.equal(new URL(address).hash.includes("&more"), false);
  assert.equal(stateFromAddress(address, FIELDS, true).state.get("weight"), payload.weight);
});

test("an address with a new fragment keeps the page and its query", () => {
  assert.equal(addressWith(`${PAGE}?lang=en#old=1`, "weight=80"), `${PAGE}?lang=en#weight=80`);
  assert.equal(addressWith(`${PAGE}#weight=80`, ""), PAGE);
});

test("an unknown choice from a link is shown cut short", () => {
  assert.equal(optionLabel("squat"), "squat");
  const long = "x".repeat(MAX_LABEL_LENGTH + 5);
  assert.equal(optionLabel(long), `${"x".repeat(MAX_LABEL_LENGTH)}…`);
  assert.equal(optionLabel("y".repeat(MAX_LABEL_LENGTH)), "y".repeat(MAX_LABEL_LENGTH));
});

test("two calculators on one page keep each other's values in the fragment", () => {
  const quick = new Set(["muscle", "weekly_sets"]);
  const week = new Set(["exercise", "sets", "sessions", "band_low", "band_high", "add"]);
  // The weekly table was edited first; then the quick question writes its own values.
  const afterQuick = mergedFragment("#exercise=squat&sets=3&sessions=2", quick, "muscle=glutes&weekly_sets=25");
  assert.equal(afterQuick, "exercise=squat&sets=3&sessions=2&muscle=glutes&weekly_sets=25");
  // The table's next edit replaces its rows and keeps the quick question's values.
  const afterWeek = mergedFragment(`#${afterQuick}`, week, "exercise=hip_thrust&sets=4&sessions=1");
  assert.equal(afterWeek, "muscle=glutes&weekly_sets=25&exercise=hip_thrust&sets=4&sessions=1");
  const { state } = stateFromAddress(`${PAGE}#${afterWeek}`, quick, true);
  assert.equal(state.get("weekly_sets"), "25");
  assert.deepEqual(stateFromAddress(`${PAGE}#${afterWeek}`, week, true).state.getAll("exercise"), ["hip_thrust"]);
});

test("a calculator's old values and a bare anchor go when it writes its own", () => {
  const quick = new Set(["muscle", "weekly_sets"]);
  assert.equal(mergedFragment("#how-it-works", quick, "muscle=quads&weekly_sets=8"), "muscle=quads&weekly_sets=8");
  assert.equal(mergedFragment("muscle=glutes&weekly_sets=25", quick, ""), "");
});
