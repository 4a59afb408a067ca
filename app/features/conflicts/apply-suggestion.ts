// Applies a suggested way out of a conflict to the session: edits the requirements text or changes the target Python.
import type { SuggestionDto } from "../../../workers/api";

export interface EditableSession {
  text: string;
  pythonVersion: string;
}

export type ApplyResult = { ok: true; session: EditableSession } | { ok: false; message: string };

function splitLines(text: string): { lines: string[]; eol: string } {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  return { lines: text.split(/\r\n|\n/), eol };
}

/**
 * `line` is 1-based. A replacement edits the first occurrence of `from` on that line; if the text moved since
 * the resolution (the line no longer holds `from`), the only other line holding it is edited instead.
 */
export function applySuggestion(session: EditableSession, edit: SuggestionDto["edit"]): ApplyResult {
  if (edit.kind === "set-python") return { ok: true, session: { ...session, pythonVersion: edit.version } };
  const { lines, eol } = splitLines(session.text);
  let index = edit.line - 1;
  if (!(lines[index] ?? "").includes(edit.from)) {
    const holders = lines.flatMap((l, i) => (l.includes(edit.from) ? [i] : []));
    if (holders.length !== 1) {
      return { ok: false, message: `Could not find “${edit.from}” in the requirements any more; edit it by hand.` };
    }
    index = holders[0];
  }
  if (edit.kind === "replace-requirement") {
    lines[index] = lines[index].replace(edit.from, edit.to);
  } else {
    const remaining = lines[index].replace(edit.from, "").trim();
    // A line that held only the requirement (quoted in a list, maybe with a comment) goes; anything else keeps the rest.
    if (/^["',\s]*(#.*)?$/.test(remaining)) lines.splice(index, 1);
    else lines[index] = lines[index].replace(edit.from, "");
  }
  return { ok: true, session: { ...session, text: lines.join(eol) } };
}
