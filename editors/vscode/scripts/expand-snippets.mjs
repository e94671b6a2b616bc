// Prints every snippet with its placeholders replaced by their defaults,
// wrapped in an act or amendment, so test.sh can check they parse as zan.
import { readFileSync } from "node:fs";

const snippets = JSON.parse(readFileSync(new URL("../snippets/zan.json", import.meta.url), "utf8"));
const expand = (lines) =>
  lines
    .join("\n")
    .replace(/\$\{\d+\|([^,|]+)[^}]*\}/g, "$1") // ${1|a,b|} -> a
    .replace(/\$\{\d+:([^}]*)\}/g, "$1") // ${1:x} -> x
    .replace(/\$0/g, "") // the final cursor position
    .replace(/\$\d+/g, "x") // $1 (inside quotes) -> x
    .replace(/\t/g, "  ");

const wrap = {
  act: (body) => body,
  amendment: (body) => body,
  article: (body) => `act t.a {\n${body}\n}`,
  part: (body) => `act t.a {\narticle 1 {\n${body}\n}\n}`,
  text: (body) => `act t.a {\narticle 1 {\n${body}\n}\n}`,
  compare: (body) => `act t.a {\n${body}\n}`,
};
for (const [name, snippet] of Object.entries(snippets)) {
  const body = expand(snippet.body);
  const wrapper = wrap[name] ?? ((b) => `amendment t.a.b {\ntarget t.a\n${b}\n}`);
  console.log(`# snippet: ${name}\n${wrapper(body)}\n`);
}
