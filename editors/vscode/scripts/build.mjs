// Bundles the extension (and, with --tests, the unit tests) with esbuild.
//   node scripts/build.mjs [--production] [--tests]
import { build } from "esbuild";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const production = process.argv.includes("--production");
const common = { bundle: true, platform: "node", format: "cjs", target: "node18", logLevel: "warning" };

if (process.argv.includes("--tests")) {
  const tests = readdirSync(join(root, "test/unit")).filter((f) => f.endsWith(".test.ts"));
  await build({
    ...common,
    entryPoints: tests.map((f) => join(root, "test/unit", f)),
    outdir: join(root, "out/unit"),
  });
} else {
  await build({
    ...common,
    entryPoints: [join(root, "src/extension.ts")],
    outfile: join(root, "dist/extension.js"),
    external: ["vscode"],
    minify: production,
    sourcemap: !production,
  });
}
