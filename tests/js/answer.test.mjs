// What a calculator says beside its answer (docs/assets/javascripts/answer.mjs).
import assert from "node:assert/strict";
import { test } from "node:test";

import { failureText, messagesToShow } from "../../docs/assets/javascripts/answer.mjs";

test("the page's notice shows beside the whole form unless Python has a message there", () => {
  assert.deepEqual(messagesToShow({ weight: "Too low." }, "Link too long."), {
    weight: "Too low.",
    _: "Link too long.",
  });
  assert.deepEqual(messagesToShow({ _: "Python's own." }, "Link too long."), { _: "Python's own." });
  assert.deepEqual(messagesToShow({ weight: "Too low." }, ""), { weight: "Too low." });
});

test("a notice about one field shows beside it unless Python has a message there", () => {
  assert.deepEqual(messagesToShow({}, "Rows cut.", "entries"), { entries: "Rows cut." });
  assert.deepEqual(messagesToShow({ entries: "Python's own." }, "Rows cut.", "entries"), {
    entries: "Python's own.",
  });
});

test("a start that failed says the worked example is still shown; a stop does not", () => {
  assert.equal(
    failureText("could not start", "a file it needs did not download"),
    "The calculator could not start: a file it needs did not download. The worked example is still shown.",
  );
  assert.equal(failureText("stopped", "Python stopped on these values"), "The calculator stopped: Python stopped on these values.");
});
