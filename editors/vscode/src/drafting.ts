// The client side of drafting by editing: the zan/proposeChange and
// zan/updateAmendment requests' shapes and the choices the commands offer.
// Free of the vscode module so it can be unit-tested with node:test.

/** Where an editable copy's unit is, as the server answers zan/proposeChange. */
export interface Proposal {
  text: string;
  unit: string;
  position: { line: number; character: number };
}

/** The amendment file's new text, as the server answers zan/updateAmendment. */
export interface AmendmentUpdate {
  /** The workspace file holding the amendment; absent for a new one. */
  uri?: string;
  text: string;
  operations: number;
  warnings: string[];
}

export interface AmendmentChoice {
  label: string;
  description?: string;
}

/** An amendment id as the grammar writes one: dotted words of letters, digits, `-` and `_`. */
export function isAmendmentId(value: string): boolean {
  return /^[\p{L}\p{N}_-]+(\.[\p{L}\p{N}_-]+)*$/u.test(value);
}

/**
 * The amendments offered for an edited copy: the one last updated from it
 * first, then the workspace's amendments of its act version, then what the
 * drafter typed when it names none of them (a new amendment).
 */
export function amendmentChoices(known: string[], last: string | undefined, typed: string): AmendmentChoice[] {
  const ids = [...new Set([...(last ? [last] : []), ...known])];
  const choices: AmendmentChoice[] = ids.map((id) => ({
    label: id,
    description: id === last ? "last updated from this copy" : undefined,
  }));
  const t = typed.trim();
  if (t && !ids.includes(t) && isAmendmentId(t)) choices.unshift({ label: t, description: "new amendment" });
  return choices;
}

/** What the drafter is told after an update. */
export function updateMessage(id: string, update: AmendmentUpdate, file: string): string {
  const n = update.operations;
  return `Amendment ${id} updated in ${file}: ${n} operation${n === 1 ? "" : "s"}, proved by re-applying.`;
}
