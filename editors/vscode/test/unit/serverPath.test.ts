import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { test } from "node:test";
import { ensureExecutable, resolveServer, serverExecutable } from "../../src/serverPath";

const files = (...present: string[]) => (f: string) => present.includes(f);
const base = { extensionPath: "/ext", env: { PATH: "/usr/local/bin:/usr/bin", HOME: "/home/u" }, platform: "linux" as const };

test("the setting wins over the bundled binary and PATH", () => {
  const r = resolveServer({ ...base, configured: "/opt/zan/bin/zan", isFile: files("/opt/zan/bin/zan", "/ext/server/zan", "/usr/bin/zan") });
  assert.deepEqual(r, { ok: true, command: "/opt/zan/bin/zan", source: "setting" });
});

test("a setting naming a missing file is an error, not a silent fallback", () => {
  const r = resolveServer({ ...base, configured: "/nope/zan", isFile: files("/ext/server/zan") });
  assert.deepEqual(r, { ok: false, message: 'zan.server.path is "/nope/zan", but /nope/zan is not a file.' });
});

test("a relative setting is resolved against the workspace folder, ~ against HOME", () => {
  const rel = resolveServer({ ...base, configured: "target/release/zan", workspaceFolder: "/ws", isFile: files("/ws/target/release/zan") });
  assert.deepEqual(rel, { ok: true, command: "/ws/target/release/zan", source: "setting" });
  const home = resolveServer({ ...base, configured: " ~/bin/zan ", isFile: files("/home/u/bin/zan") });
  assert.deepEqual(home, { ok: true, command: "/home/u/bin/zan", source: "setting" });
});

test("without a setting the bundled server comes before PATH", () => {
  const r = resolveServer({ ...base, configured: "", isFile: files("/ext/server/zan", "/usr/bin/zan") });
  assert.deepEqual(r, { ok: true, command: "/ext/server/zan", source: "bundled" });
});

test("PATH is searched in order", () => {
  const r = resolveServer({ ...base, configured: "", isFile: files("/usr/bin/zan", "/usr/local/bin/zan") });
  assert.deepEqual(r, { ok: true, command: "/usr/local/bin/zan", source: "path" });
});

test("Windows: zan.exe bundled, Path and PATHEXT searched", () => {
  const win = { extensionPath: "C:\\ext", platform: "win32" as const, configured: "" };
  const bundled = resolveServer({ ...win, env: {}, isFile: files("C:\\ext\\server\\zan.exe") });
  assert.deepEqual(bundled, { ok: true, command: "C:\\ext\\server\\zan.exe", source: "bundled" });
  const onPath = resolveServer({ ...win, env: { Path: "C:\\a;C:\\tools", PATHEXT: ".COM;.EXE" }, isFile: files("C:\\tools\\zan.exe") });
  assert.deepEqual(onPath, { ok: true, command: "C:\\tools\\zan.exe", source: "path" });
});

test("nothing found names all three places", () => {
  const r = resolveServer({ ...base, configured: "", isFile: files() });
  assert.equal(r.ok, false);
  assert.match((r as { message: string }).message, /zan\.server\.path.*\.vsix.*PATH/);
});

test("ensureExecutable restores the executable bits a .vsix loses", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zan-"));
  const file = path.join(dir, "zan");
  fs.writeFileSync(file, "#!/bin/sh\n", { mode: 0o644 });
  ensureExecutable(file, "linux");
  assert.equal(fs.statSync(file).mode & 0o777, 0o755);
  fs.rmSync(dir, { recursive: true });
});

test("the server is started as `zan lsp`, with no --stdio added by a transport", () => {
  assert.deepEqual(serverExecutable("/ext/server/zan"), { command: "/ext/server/zan", args: ["lsp"] });
});
