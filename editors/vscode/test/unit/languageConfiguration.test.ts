import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";

const config = JSON.parse(fs.readFileSync(path.join(__dirname, "../../language-configuration.json"), "utf8"));
const words = (text: string) => text.match(new RegExp(config.wordPattern, "gu")) ?? [];

test("Kazakh and Russian letters are word characters", () => {
  assert.deepEqual(words("Қылмыстық жауаптылыққа өңір ұлт үй һәм і"), ["Қылмыстық", "жауаптылыққа", "өңір", "ұлт", "үй", "һәм", "і"]);
  assert.deepEqual(words("«шестнадцати» -> четырнадцати."), ["шестнадцати", "четырнадцати"]);
});

test("act ids and unit numbers are single words", () => {
  assert.deepEqual(words("compare stricter lv.kl article 213-1 part 4:9c"), ["compare", "stricter", "lv.kl", "article", "213-1", "part", "4:9c"]);
});

test("guillemets and quotes auto-close", () => {
  const pairs = config.autoClosingPairs.map((p: { open: string; close: string }) => p.open + p.close);
  assert.deepEqual(pairs, ["{}", "[]", "()", '""', "«»"]);
  assert.equal(config.comments.lineComment, "#");
});
