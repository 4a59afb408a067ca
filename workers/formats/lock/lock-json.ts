// JSON lock files (Pipfile.lock, pip's --report): parse with a located error, and find the line of a key for messages.
import { diagnosticAt } from "../input/location";
import type { Diagnostic } from "../../api-input";

export type LockJsonResult = { ok: true; data: unknown } | { ok: false; diagnostics: Diagnostic[] };

/** Line and column of a character offset. */
function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

export function parseLockJson(text: string, file: string): LockJsonResult {
  try {
    return { ok: true, data: JSON.parse(text) as unknown };
  } catch (error) {
    const message = (error as Error).message;
    const at = /position (\d+)/.exec(message);
    const where = at ? position(text, Number(at[1])) : { line: 1, column: 1 };
    return { ok: false, diagnostics: [diagnosticAt("error", where, `invalid JSON: ${message.replace(/ in JSON at position \d+.*$/, "")}`, { file })] };
  }
}

/** The 1-based line where `"key":` first appears after `"section":` (1 when not found). */
export function jsonLine(text: string, section: string, key: string): number {
  const start = text.indexOf(`"${section}"`);
  const at = text.indexOf(`"${key}"`, Math.max(0, start));
  return at < 0 ? 1 : text.slice(0, at).split("\n").length;
}
