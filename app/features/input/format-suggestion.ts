// Decides, from one reading, whether the text on screen is in another format than the one chosen: switch to it, offer it, or say nothing.
import type { InputFormat, InputReading } from "../../../workers/api";

export type FormatSuggestion =
  /** The text does not read in the chosen format but looks like another: read it as that one at once. */
  | { kind: "switch"; to: InputFormat }
  /** It reads, but looks like another format: offer "Read it as X". */
  | { kind: "offer"; to: InputFormat }
  | null;

/**
 * `format`: how the text is read now. A text whose content names another format (`[options]`, `[tool.poetry]`,
 * `setup(`, `[packages]`, `[buildout]`) and gives errors, or nothing at all, in the chosen one is switched; one that reads cleanly anyway
 * (a requirements.txt line can look like anything) is only offered. A text that looks like plain requirements but
 * fails in another format is offered requirements.txt.
 */
export function formatSuggestion(format: InputFormat, reading: InputReading): FormatSuggestion {
  const { looksLike, set } = reading;
  if (set.format !== format || looksLike === format) return null;
  const errors = set.diagnostics.some((d) => d.severity === "error" && d.file === undefined);
  if (looksLike === "requirements.txt") return errors ? { kind: "offer", to: looksLike } : null;
  // Read nothing at all (a pyproject.toml read as setup.cfg is a valid INI file without [options]): as plain as an error.
  const readNothing = set.requirements.length === 0 && set.constraints.length === 0;
  return errors || readNothing ? { kind: "switch", to: looksLike } : { kind: "offer", to: looksLike };
}
