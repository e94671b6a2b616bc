// Finds the `zan` executable that speaks `zan lsp`. Kept free of the vscode
// module so it can be unit-tested with node:test.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export type ServerSource = "setting" | "bundled" | "path";

export type Resolution =
  | { ok: true; command: string; source: ServerSource }
  | { ok: false; message: string };

export interface ResolveOptions {
  /** The `zan.server.path` setting; empty when unset. */
  configured: string;
  /** The extension's install folder; a platform-specific .vsix carries `server/zan` there. */
  extensionPath: string;
  /** First workspace folder, against which a relative setting is resolved. */
  workspaceFolder?: string;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  isFile?: (file: string) => boolean;
}

/**
 * How the client starts the server: `zan lsp` over stdin/stdout. No
 * `transport` field on purpose: with `TransportKind.stdio`,
 * vscode-languageclient appends `--stdio`, which `zan lsp` refuses (exit 2);
 * without one it talks over stdio all the same.
 */
export function serverExecutable(command: string): { command: string; args: string[] } {
  return { command, args: ["lsp"] };
}

export function executableName(platform: NodeJS.Platform): string {
  return platform === "win32" ? "zan.exe" : "zan";
}

function defaultIsFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Order: the setting (an error if it names a missing file), the bundled binary, then PATH. */
export function resolveServer(options: ResolveOptions): Resolution {
  const isFile = options.isFile ?? defaultIsFile;
  const p = options.platform === "win32" ? path.win32 : path.posix;

  const configured = options.configured.trim();
  if (configured !== "") {
    let file = configured;
    if (file === "~" || file.startsWith("~/")) {
      file = p.join(options.env.HOME ?? os.homedir(), file.slice(1));
    } else if (!p.isAbsolute(file) && options.workspaceFolder) {
      file = p.resolve(options.workspaceFolder, file);
    }
    if (isFile(file)) {
      return { ok: true, command: file, source: "setting" };
    }
    return { ok: false, message: `zan.server.path is "${configured}", but ${file} is not a file.` };
  }

  const bundled = p.join(options.extensionPath, "server", executableName(options.platform));
  if (isFile(bundled)) {
    return { ok: true, command: bundled, source: "bundled" };
  }

  const found = searchPath(options.env, options.platform, isFile);
  if (found) {
    return { ok: true, command: found, source: "path" };
  }
  return {
    ok: false,
    message: "The zan language server was not found: set zan.server.path, install a platform-specific .vsix, or put `zan` on PATH.",
  };
}

function searchPath(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, isFile: (f: string) => boolean): string | undefined {
  const windows = platform === "win32";
  const p = windows ? path.win32 : path.posix;
  // Windows spells the variable "Path"; the env object is case-sensitive here.
  const value = env.PATH ?? env.Path ?? "";
  const names = windows
    ? (env.PATHEXT ?? ".EXE;.CMD;.BAT").split(";").filter(Boolean).map((ext) => "zan" + ext.toLowerCase())
    : ["zan"];
  for (const dir of value.split(windows ? ";" : ":")) {
    if (dir === "") continue;
    for (const name of names) {
      const candidate = p.join(dir, name);
      if (isFile(candidate)) return candidate;
    }
  }
  return undefined;
}

/** Unzipping a .vsix drops the executable bit; restore it before spawning the bundled server. */
export function ensureExecutable(file: string, platform: NodeJS.Platform = process.platform): void {
  if (platform === "win32") return;
  const mode = fs.statSync(file).mode;
  if ((mode & 0o111) !== 0o111) {
    fs.chmodSync(file, mode | 0o755);
  }
}
