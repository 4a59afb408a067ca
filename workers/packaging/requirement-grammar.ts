// Recursive-descent parser for PEP 508 dependency specifiers, rule for rule as packaging's _parser.py.
import type { MarkerList } from "./marker-ast";
import { parseMarkerExpression } from "./marker-grammar";
import type { Tokenizer } from "./parse-tokenizer";

/** The raw parts of a requirement, before the specifier is parsed (packaging's ParsedRequirement). */
export interface ParsedRequirementParts {
  name: string;
  url: string;
  extras: string[];
  specifier: string;
  /** Where the version specifier (parenthesised or not) sits in the source, for error reports. */
  specifierSpan: [number, number];
  marker: MarkerList | null;
}

/** requirement = WS? IDENTIFIER WS? extras WS? requirement_details END */
export function parseRequirementParts(tokenizer: Tokenizer): ParsedRequirementParts {
  tokenizer.consume("WS");
  const name = tokenizer.expect("IDENTIFIER", "package name at the start of dependency specifier");
  tokenizer.consume("WS");
  const extras = parseExtras(tokenizer);
  tokenizer.consume("WS");
  const { url, specifier, specifierSpan, marker } = parseRequirementDetails(tokenizer);
  tokenizer.expect("END", "end of dependency specifier");
  return { name, url, extras, specifier, specifierSpan, marker };
}

/**
 * requirement_details = AT URL (WS requirement_marker?)?
 *                     | specifier WS? (requirement_marker)?
 */
function parseRequirementDetails(
  tokenizer: Tokenizer,
): Pick<ParsedRequirementParts, "url" | "specifier" | "specifierSpan" | "marker"> {
  if (tokenizer.check("AT")) {
    tokenizer.read();
    tokenizer.consume("WS");
    const urlStart = tokenizer.position;
    const url = tokenizer.expect("URL", "URL after @");
    const none: [number, number] = [urlStart, urlStart];
    if (tokenizer.check("END", true)) return { url, specifier: "", specifierSpan: none, marker: null };
    tokenizer.expect("WS", "whitespace after URL");
    if (tokenizer.check("END", true)) return { url, specifier: "", specifierSpan: none, marker: null };
    const marker = parseRequirementMarker(tokenizer, urlStart, "semicolon (after URL and whitespace)");
    return { url, specifier: "", specifierSpan: none, marker };
  }
  const specifierStart = tokenizer.position;
  const specifier = parseSpecifier(tokenizer);
  const specifierSpan: [number, number] = [specifierStart, tokenizer.position];
  tokenizer.consume("WS");
  if (tokenizer.check("END", true)) return { url: "", specifier, specifierSpan, marker: null };
  const marker = parseRequirementMarker(
    tokenizer,
    specifierStart,
    specifier
      ? "comma (within version specifier), semicolon (after version specifier)"
      : "semicolon (after name with no version specifier)",
  );
  return { url: "", specifier, specifierSpan, marker };
}

/** requirement_marker = SEMICOLON marker WS? */
function parseRequirementMarker(tokenizer: Tokenizer, spanStart: number, expected: string): MarkerList {
  if (!tokenizer.check("SEMICOLON")) tokenizer.raiseSyntaxError(`Expected ${expected} or end`, spanStart);
  tokenizer.read();
  const marker = parseMarkerExpression(tokenizer);
  tokenizer.consume("WS");
  return marker;
}

/** extras = (LEFT_BRACKET wsp* extras_list? wsp* RIGHT_BRACKET)? */
function parseExtras(tokenizer: Tokenizer): string[] {
  if (!tokenizer.check("LEFT_BRACKET", true)) return [];
  return tokenizer.enclosing("LEFT_BRACKET", "RIGHT_BRACKET", "extras", () => {
    tokenizer.consume("WS");
    const extras = parseExtrasList(tokenizer);
    tokenizer.consume("WS");
    return extras;
  });
}

/** extras_list = identifier (wsp* ',' wsp* identifier)* */
function parseExtrasList(tokenizer: Tokenizer): string[] {
  const extras: string[] = [];
  if (!tokenizer.check("IDENTIFIER")) return extras;
  extras.push(tokenizer.read());
  for (;;) {
    tokenizer.consume("WS");
    if (tokenizer.check("IDENTIFIER", true)) tokenizer.raiseSyntaxError("Expected comma between extra names");
    else if (!tokenizer.check("COMMA")) break;
    tokenizer.read();
    tokenizer.consume("WS");
    extras.push(tokenizer.expect("IDENTIFIER", "extra name after comma"));
  }
  return extras;
}

/**
 * specifier = LEFT_PARENTHESIS WS? version_many WS? RIGHT_PARENTHESIS
 *           | WS? version_many WS?
 */
function parseSpecifier(tokenizer: Tokenizer): string {
  return tokenizer.enclosing("LEFT_PARENTHESIS", "RIGHT_PARENTHESIS", "version specifier", () => {
    tokenizer.consume("WS");
    const specifiers = parseVersionMany(tokenizer);
    tokenizer.consume("WS");
    return specifiers;
  });
}

/** version_many = (SPECIFIER (WS? COMMA WS? SPECIFIER)*)? */
function parseVersionMany(tokenizer: Tokenizer): string {
  let specifiers = "";
  while (tokenizer.check("SPECIFIER")) {
    const spanStart = tokenizer.position;
    specifiers += tokenizer.read();
    if (tokenizer.check("VERSION_PREFIX_TRAIL", true)) {
      tokenizer.raiseSyntaxError(
        ".* suffix can only be used with `==` or `!=` operators",
        spanStart,
        tokenizer.position + 1,
      );
    }
    if (tokenizer.check("VERSION_LOCAL_LABEL_TRAIL", true)) {
      tokenizer.raiseSyntaxError(
        "Local version label can only be used with `==` or `!=` operators",
        spanStart,
        tokenizer.position,
      );
    }
    tokenizer.consume("WS");
    if (!tokenizer.check("COMMA")) break;
    specifiers += tokenizer.read();
    tokenizer.consume("WS");
  }
  return specifiers;
}
