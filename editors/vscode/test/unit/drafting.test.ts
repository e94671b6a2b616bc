import { strict as assert } from "node:assert";
import { test } from "node:test";
import { amendmentChoices, isAmendmentId, updateMessage } from "../../src/drafting";

test("amendment ids are dotted words", () => {
  assert.equal(isAmendmentId("kz.cc.age-14"), true);
  assert.equal(isAmendmentId("kz.ук.2026_1"), true);
  assert.equal(isAmendmentId("kz..cc"), false);
  assert.equal(isAmendmentId("kz cc"), false);
  assert.equal(isAmendmentId(""), false);
});

test("the last amendment comes first, a typed new id before all", () => {
  assert.deepEqual(amendmentChoices(["a.one", "a.two"], "a.two", ""), [
    { label: "a.two", description: "last updated from this copy" },
    { label: "a.one", description: undefined },
  ]);
  assert.deepEqual(amendmentChoices(["a.one"], undefined, " a.new "), [
    { label: "a.new", description: "new amendment" },
    { label: "a.one", description: undefined },
  ]);
  // A known id or something that is no id adds nothing.
  assert.equal(amendmentChoices(["a.one"], undefined, "a.one").length, 1);
  assert.equal(amendmentChoices(["a.one"], undefined, "not an id").length, 1);
});

test("the update message counts operations", () => {
  const update = { text: "", operations: 1, warnings: [] };
  assert.equal(
    updateMessage("kz.cc.x", update, "x.zan"),
    "Amendment kz.cc.x updated in x.zan: 1 operation, proved by re-applying.",
  );
  assert.equal(updateMessage("kz.cc.x", { ...update, operations: 2 }, "x.zan").includes("2 operations"), true);
});
