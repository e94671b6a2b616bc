// Packages a platform-specific .vsix that carries the zan binary as server/zan.
//   ZAN_SERVER_BINARY=/path/to/zan VSCE_TARGET=linux-x64 npm run package
// Defaults: the binary is $CARGO_TARGET_DIR/release/zan, else <repo>/target/release/zan;
// the target is this machine's platform and architecture.
import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const fail = (message) => {
  console.error(`package: ${message}`);
  process.exit(1);
};

const target = process.env.VSCE_TARGET ?? `${process.platform}-${process.arch}`;
const windows = target.startsWith("win32-");
const exe = windows ? "zan.exe" : "zan";
const binary = resolve(
  process.env.ZAN_SERVER_BINARY ??
    join(process.env.CARGO_TARGET_DIR ?? join(root, "../../target"), "release", exe),
);
if (!existsSync(binary)) {
  fail(`no server binary at ${binary}; build it with \`cargo build --release\` or set ZAN_SERVER_BINARY`);
}

rmSync(join(root, "server"), { recursive: true, force: true });
mkdirSync(join(root, "server"));
copyFileSync(binary, join(root, "server", exe));
chmodSync(join(root, "server", exe), 0o755);

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit" });
  if (r.status !== 0) fail(`${cmd} ${args.join(" ")} exited with ${r.status ?? r.signal}`);
};
run(process.execPath, [join(root, "scripts/build.mjs"), "--production"]);

const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const out = process.env.VSIX_OUT ?? join(root, `zan-${version}-${target}.vsix`);
run(process.execPath, [
  join(root, "node_modules/@vscode/vsce/vsce"),
  "package",
  "--target", target,
  "--no-dependencies",
  "--skip-license",
  "--out", out,
]);
console.log(`package: ${out}`);
