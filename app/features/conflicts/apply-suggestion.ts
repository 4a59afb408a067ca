// Applies a suggested way out of a conflict to the session: a native line edit of the file, a what-if taken back, or another target Python.
import type { SuggestionDto } from "../../../workers/api";

export interface EditableSession {
  text: string;
  pythonVersion: string;
  /** What-if pins (canonical name -> specifier) and exclusions. */
  pins: Record<string, string>;
  excluded: string[];
}

export type ApplyResult = { ok: true; session: EditableSession } | { ok: false; message: string };

/** Whether a suggestion can be applied with one click (the worker found a native edit, or it is not a file edit). */
export function isApplicable(edit: SuggestionDto["edit"]): boolean {
  return edit.kind !== "by-hand";
}

/**
 * Requirement edits replace (or delete) one whole line, `from` -> `to`, as the worker computed them in the file's own
 * syntax. `line` is 1-based; if the text moved since the resolution (that line no longer reads `from`), the only other
 * line reading `from` is edited instead.
 */
export function applySuggestion(session: EditableSession, edit: SuggestionDto["edit"]): ApplyResult {
  switch (edit.kind) {
    case "set-python":
      return { ok: true, session: { ...session, pythonVersion: edit.version } };
    case "remove-what-if": {
      const pins = { ...session.pins };
      delete pins[edit.name];
      const excluded = edit.what === "exclusion" ? session.excluded.filter((n) => n !== edit.name) : session.excluded;
      return { ok: true, session: { ...session, pins, excluded } };
    }
    case "by-hand":
      return { ok: false, message: `This one cannot be applied for you: ${edit.reason}.` };
    case "replace-requirement":
    case "remove-requirement": {
      const eol = session.text.includes("\r\n") ? "\r\n" : "\n";
      const lines = session.text.split(/\r\n|\n/);
      let index = edit.line - 1;
      if (lines[index] !== edit.from) {
        const holders = lines.flatMap((l, i) => (l === edit.from ? [i] : []));
        if (holders.length !== 1) {
          return { ok: false, message: `Could not find “${edit.from.trim()}” in the requirements any more; edit it by hand.` };
        }
        index = holders[0];
      }
      if (edit.kind === "replace-requirement") lines[index] = edit.to;
      else lines.splice(index, 1);
      return { ok: true, session: { ...session, text: lines.join(eol) } };
    }
  }
}
