// The client side of "Import official text…": the zan/import request's
// shapes, the language guessed from a file's name, and what the drafter is
// told. Free of the vscode module so it can be unit-tested with node:test.
// The client reads the files itself (the server reads nothing outside the
// workspace roots) and sends their bytes.

export type ImportKind = "act" | "law";

export interface ImportFile {
  name: string;
  lang: string;
  /** The file's bytes, base64-encoded. */
  bytes: string;
}

export interface ImportParams {
  kind: ImportKind;
  files: ImportFile[];
  id?: string;
  /** `act` only: the retrieval date, YYYY-MM-DD. */
  retrieved?: string;
}

export interface ImportFinding {
  code: string;
  file: string;
  line: number;
  message: string;
}

/** As the server answers zan/import. */
export interface ImportResult {
  zan: string;
  findings: ImportFinding[];
  readAs: string[];
  lost: number;
}

/** `kk` or `ru` when a file's name says it («act-kk.txt», «law_ru.docx»), else undefined. */
export function languageOfName(name: string): string | undefined {
  const base = name.replace(/^.*[\\/]/, "").toLowerCase();
  const m = /(?:^|[-_.])(kk|kaz|ru|rus)(?:[-_.]|$)/.exec(base.replace(/\.[^.]+$/, ""));
  if (!m) return undefined;
  return m[1].startsWith("k") ? "kk" : "ru";
}

/** The request: the files' names (without folders) and bytes, with the options. */
export function importParams(
  kind: ImportKind,
  files: { path: string; lang: string; bytes: Uint8Array }[],
  id: string | undefined,
  today: string,
): ImportParams {
  const params: ImportParams = {
    kind,
    files: files.map((f) => ({
      name: f.path.replace(/^.*[\\/]/, ""),
      lang: f.lang,
      bytes: Buffer.from(f.bytes).toString("base64"),
    })),
  };
  if (id) params.id = id;
  if (kind === "act") params.retrieved = today;
  return params;
}

/** What the drafter is told after an import. */
export function importMessage(result: ImportResult): string {
  const notes = result.readAs.length ? ` (${result.readAs.join("; ")})` : "";
  if (result.lost === 0) return `Imported${notes}: every line is in the result.`;
  const n = result.lost;
  return `Imported${notes}: ${n} line${n === 1 ? "" : "s"} not recognised, kept as comments (import-unrecognised).`;
}
