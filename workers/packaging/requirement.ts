// PEP 508 requirements (`name[extras] specifier ; marker` or `name @ url ; marker`) as packaging 26.2's Requirement.
import { normalizeExtraValues } from "./marker-ast";
import { Marker } from "./markers";
import { pythonRepr } from "./parse-python-repr";
import { ParseSyntaxError } from "./parse-syntax-error";
import { Tokenizer } from "./parse-tokenizer";
import { parseRequirementParts, type ParsedRequirementParts } from "./requirement-grammar";
import { InvalidSpecifier, parseSpecifier, parseSpecifierSet, type SpecifierSet } from "./specifiers";

/**
 * A requirement string that is not valid PEP 508. `message` is packaging's (reason, the text, a caret
 * line); `span` is packaging's error span, `column` (0-based) and `col` (1-based) the caret position.
 */
export class InvalidRequirement extends ParseSyntaxError {
  constructor(reason: string, source: string, span: readonly [number, number]) {
    super(reason, source, span);
    this.name = "InvalidRequirement";
  }
}

/** A parsed dependency specifier. */
export class Requirement {
  /** The project name as written (not normalised). */
  readonly name: string;
  /** Extra names as written, unique, sorted (packaging keeps a set). */
  readonly extras: string[];
  readonly specifier: SpecifierSet;
  readonly url: string | null;
  readonly marker: Marker | null;

  constructor(name: string, extras: string[], specifier: SpecifierSet, url: string | null, marker: Marker | null) {
    this.name = name;
    this.extras = extras;
    this.specifier = specifier;
    this.url = url;
    this.marker = marker;
  }

  /** packaging's `str(Requirement)`: `name[a,b]>=1,<2 ; marker` → `name[a,b]<2,>=1; marker`. */
  toString(): string {
    let text = this.name;
    if (this.extras.length > 0) text += `[${this.extras.join(",")}]`;
    const specifier = this.specifier.toString();
    if (specifier) text += specifier;
    if (this.url) {
      text += ` @ ${this.url}`;
      if (this.marker) text += " ";
    }
    if (this.marker) text += `; ${this.marker.toString()}`;
    return text;
  }
}

/** packaging's SpecifierSet message: the first comma-separated piece that is not a valid specifier. */
function invalidSpecifierReason(specifiers: string): string {
  for (const piece of specifiers.split(",")) {
    const spec = piece.trim();
    if (!spec) continue;
    try {
      parseSpecifier(spec);
    } catch (error) {
      if (error instanceof InvalidSpecifier) return `Invalid specifier: ${pythonRepr(spec)}`;
      throw error;
    }
  }
  return `Invalid specifier: ${pythonRepr(specifiers)}`;
}

function sortedUnique(values: readonly string[]): string[] {
  if (values.length === 0) return [];
  return [...new Set(values)].sort();
}

/** Parse a requirement string; throws {@link InvalidRequirement} with packaging's message and position. */
export function parseRequirement(text: string): Requirement {
  const tokenizer = new Tokenizer(text);
  let parts: ParsedRequirementParts;
  try {
    parts = parseRequirementParts(tokenizer);
  } catch (error) {
    if (error instanceof ParseSyntaxError) throw new InvalidRequirement(error.reason, error.source, error.span);
    throw error;
  }
  let specifier: SpecifierSet;
  try {
    specifier = parseSpecifierSet(parts.specifier);
  } catch (error) {
    // A `===` specifier runs up to whitespace, ";" or ")" and may swallow commas and whatever follows
    // ("x===1,>=1.0l"); packaging then lets InvalidSpecifier escape. Here it is an InvalidRequirement
    // with packaging's InvalidSpecifier message as the reason, underlining the specifier.
    if (error instanceof InvalidSpecifier) {
      throw new InvalidRequirement(invalidSpecifierReason(parts.specifier), text, parts.specifierSpan);
    }
    throw error;
  }
  const marker = parts.marker === null ? null : new Marker(normalizeExtraValues(parts.marker));
  return new Requirement(parts.name, sortedUnique(parts.extras), specifier, parts.url || null, marker);
}
