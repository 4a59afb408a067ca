// The requirements editor's per-line view, read by the one requirements.txt reader (continuations, options, comments).
import type { ParsedLine } from "./api";
import { logicalLines } from "./formats/input/pip-lines";
import type { Diagnostic, InputRequirement } from "./api-input";
import { parseRequirementsTxt } from "./formats/input/requirements-txt";
import { canonicalizeName } from "./packaging/names";

/** A diagnostic's message without the "line 3, column 9: " it starts with (the editor shows where on its own). */
function what(diagnostic: Pick<Diagnostic, "line" | "column" | "message">): string {
  const prefix = `line ${diagnostic.line}, column ${diagnostic.column}: `;
  return diagnostic.message.startsWith(prefix) ? diagnostic.message.slice(prefix.length) : diagnostic.message;
}

/**
 * One entry per physical line, from `parseRequirementsTxt` (includes are not followed: the editor holds one file).
 * A logical line's requirement or option sits on its first physical line; the lines that continue it (`\`) are
 * "blank" unless an error points into them, as is a line that only has a warning (the reader's diagnostics carry it).
 * A line whose reading failed is "error", with the first error on it.
 */
export function parseRequirementLines(text: string): ParsedLine[] {
  const parsed = parseRequirementsTxt(text);
  const physical = text.split(/\r\n|\r|\n/);
  const own = (d: { file?: string }): boolean => d.file === undefined;
  const requirements = new Map<number, InputRequirement>();
  for (const requirement of [...parsed.requirements, ...parsed.constraints]) {
    if (own(requirement) && !requirements.has(requirement.line)) requirements.set(requirement.line, requirement);
  }
  const problems = new Map<number, Diagnostic>();
  for (const diagnostic of parsed.diagnostics) {
    if (!own(diagnostic)) continue;
    if (diagnostic.severity === "error" && !problems.has(diagnostic.line)) problems.set(diagnostic.line, diagnostic);
  }

  const entries: (ParsedLine | undefined)[] = new Array(physical.length);
  for (const logical of logicalLines(text)) {
    const last = logical.at(logical.text.length).line;
    const first = logical.line;
    for (let line = first + 1; line <= last; line++) entries[line - 1] = { line, kind: "blank", text: physical[line - 1] ?? "" };
    const raw = physical[first - 1] ?? "";
    const requirement = requirements.get(first);
    let problem: Diagnostic | undefined;
    for (let line = first; line <= last && problem === undefined; line++) problem = problems.get(line);
    if (logical.text.startsWith("-") && problem === undefined) {
      entries[first - 1] = { line: first, kind: "option", text: raw, option: logical.text.split(/[\s=]/, 1)[0] };
    } else if (requirement) {
      const name = requirement.name !== "" ? requirement.name : (requirement.url ?? requirement.text);
      entries[first - 1] = {
        line: first,
        kind: "requirement",
        text: raw,
        name,
        canonicalName: requirement.name === "" ? "" : canonicalizeName(requirement.name),
        extras: [...requirement.extras],
        specifier: requirement.specifier,
        marker: requirement.marker,
        url: requirement.url,
      };
    } else if (problem !== undefined) {
      entries[problem.line - 1] = { line: problem.line, kind: "error", text: physical[problem.line - 1] ?? "", column: problem.column, message: what(problem) };
    } else {
      // Nothing read and no error: only a warning (an unexpanded ${VAR}), which the reader's diagnostics carry.
      entries[first - 1] = { line: first, kind: "blank", text: raw };
    }
  }
  // Errors in a requirement's continuation lines (a bad --hash) are marked where they are.
  for (const [line, diagnostic] of problems) {
    if (entries[line - 1]?.kind === "blank") entries[line - 1] = { line, kind: "error", text: physical[line - 1] ?? "", column: diagnostic.column, message: what(diagnostic) };
  }
  return physical.map((raw, index): ParsedLine => entries[index] ?? (raw.trim() === "" ? { line: index + 1, kind: "blank", text: raw } : { line: index + 1, kind: "comment", text: raw }));
}
