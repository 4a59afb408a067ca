// Splits an editor's text into lines and parses each one as a PEP 508 requirement, keeping errors located.
import type { ParsedLine } from "./api";
import { canonicalizeName } from "./packaging/names";
import { InvalidRequirement, parseRequirement } from "./packaging/requirement";

/** pip treats `#` as a comment at the start of a line or after whitespace. */
function stripComment(text: string): string {
  const match = /(^|\s)#/.exec(text);
  return match ? text.slice(0, match.index) : text;
}

export function parseRequirementLines(text: string): ParsedLine[] {
  return text.split(/\r\n|\r|\n/).map((raw, index): ParsedLine => {
    const line = index + 1;
    const body = stripComment(raw);
    if (body.trim() === "") {
      return raw.trim() === "" ? { line, kind: "blank", text: raw } : { line, kind: "comment", text: raw };
    }
    if (body.trimStart().startsWith("-")) {
      return { line, kind: "option", text: raw, option: body.trim().split(/[\s=]/, 1)[0] };
    }
    try {
      const req = parseRequirement(body);
      return {
        line,
        kind: "requirement",
        text: raw,
        name: req.name,
        canonicalName: canonicalizeName(req.name),
        extras: [...req.extras],
        specifier: req.specifier.toString(),
        marker: req.marker ? req.marker.toString() : null,
        url: req.url,
      };
    } catch (error) {
      if (error instanceof InvalidRequirement) {
        return { line, kind: "error", text: raw, column: error.column + 1, message: error.message };
      }
      throw error;
    }
  });
}
