// Tests for PEP 508 requirements against packaging 26.2's answers (every real string in the snapshots, plus corners).
import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { InvalidRequirement, parseRequirement, type Requirement } from "./requirement";
import realVectors from "./vectors/requirements.json";
import cornerVectors from "./vectors/requirements-corner.json";

interface RequirementVector {
  input: string;
  valid: boolean;
  name?: string;
  extras?: string[];
  specifier?: string;
  url?: string | null;
  marker?: string | null;
  string?: string;
  error?: string;
  message?: string;
  span?: number[];
}

function fields(req: Requirement): Omit<RequirementVector, "input" | "valid" | "string" | "error" | "message" | "span"> {
  return {
    name: req.name,
    extras: [...req.extras],
    specifier: req.specifier.toString(),
    url: req.url,
    marker: req.marker === null ? null : req.marker.toString(),
  };
}

function checkVectors(vectors: RequirementVector[]): string[] {
  const disagreements: string[] = [];
  for (const vector of vectors) {
    let req: Requirement;
    try {
      req = parseRequirement(vector.input);
    } catch (error) {
      if (!(error instanceof InvalidRequirement)) throw error;
      if (vector.valid) disagreements.push(`${JSON.stringify(vector.input)}: rejected (${error.message})`);
      else if (vector.error === "InvalidSpecifier" && error.reason !== vector.message) {
        disagreements.push(`${JSON.stringify(vector.input)}: ${JSON.stringify(error.reason)} != ${JSON.stringify(vector.message)}`);
      } else if (vector.error === "SyntaxError" && !error.reason.startsWith("Invalid string literal")) {
        disagreements.push(`${JSON.stringify(vector.input)}: ${JSON.stringify(error.reason)}, packaging: SyntaxError`);
      } else if (vector.span && (error.message !== vector.message || error.span.join() !== vector.span.join())) {
        disagreements.push(`${JSON.stringify(vector.input)}: ${JSON.stringify(error.message)} ${error.span} != ${JSON.stringify(vector.message)} ${vector.span}`);
      }
      continue;
    }
    if (!vector.valid) {
      disagreements.push(`${JSON.stringify(vector.input)}: accepted, packaging says ${vector.error ?? "invalid"}`);
      continue;
    }
    const { name, extras, specifier, url, marker } = vector;
    const got = fields(req);
    if (JSON.stringify(got) !== JSON.stringify({ name, extras, specifier, url, marker })) {
      disagreements.push(`${JSON.stringify(vector.input)}: ${JSON.stringify(got)}`);
    }
    if (vector.string !== undefined && req.toString() !== vector.string) {
      disagreements.push(`${JSON.stringify(vector.input)}: printed ${JSON.stringify(req.toString())} != ${JSON.stringify(vector.string)}`);
    }
  }
  return disagreements;
}

describe("requirements vs packaging 26.2", () => {
  it(`agrees on all ${realVectors.requirements.length} real requirement strings from the PyPI snapshots`, () => {
    expect(checkVectors(realVectors.requirements as RequirementVector[])).toEqual([]);
  });

  it(`agrees on all ${cornerVectors.requirements.length} corner cases, error spans and messages included`, () => {
    expect(checkVectors(cornerVectors.requirements as RequirementVector[])).toEqual([]);
  });

  it("prints real requirements in packaging's form, which re-parses to itself", () => {
    let checked = 0;
    for (const vector of realVectors.requirements as RequirementVector[]) {
      // packaging prints every value in double quotes without escaping: 'a"b' cannot round-trip.
      if (!vector.valid || /'[^']*"[^']*'/.test(vector.input)) continue;
      checked++;
      const printed = parseRequirement(vector.input).toString();
      expect(parseRequirement(printed).toString()).toBe(printed);
    }
    expect(checked).toBeGreaterThan(5700);
  });
});

describe("parseRequirement", () => {
  it("accepts the old parenthesised form PyPI still serves", () => {
    const req = parseRequirement("Babel (>=0.8,!=2.3.0) ; extra == 'i18n'");
    expect(req.name).toBe("Babel");
    expect(req.specifier.toString()).toBe("!=2.3.0,>=0.8");
    expect(req.marker?.toString()).toBe('extra == "i18n"');
    expect(req.toString()).toBe('Babel!=2.3.0,>=0.8; extra == "i18n"');
  });

  it("parses URL requirements", () => {
    const req = parseRequirement("pip @ https://example.com/pip-23.2-py3-none-any.whl ; python_version >= '3.7'");
    expect(req.url).toBe("https://example.com/pip-23.2-py3-none-any.whl");
    expect(req.specifier.toString()).toBe("");
    expect(req.toString()).toBe('pip @ https://example.com/pip-23.2-py3-none-any.whl ; python_version >= "3.7"');
  });

  it("reports the column with a caret line", () => {
    let error: unknown;
    try {
      parseRequirement("requests >=2.0 foo");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidRequirement);
    const invalid = error as InvalidRequirement;
    expect(invalid.span).toEqual([9, 15]);
    expect(invalid.column).toBe(15);
    expect(invalid.col).toBe(16);
    expect(invalid.reason).toBe("Expected comma (within version specifier), semicolon (after version specifier) or end");
    expect(invalid.message.split("\n")).toEqual([
      "Expected comma (within version specifier), semicolon (after version specifier) or end",
      "    requests >=2.0 foo",
      "             ~~~~~~^",
    ]);
  });

  it("sorts and de-duplicates extras like packaging's set", () => {
    expect(parseRequirement("x[b, a, b]").extras).toEqual(["a", "b"]);
  });

  it("never throws anything but InvalidRequirement on arbitrary input (property)", () => {
    const pieces = fc.constantFrom(
      "name", "x", "[", "]", "a", ",", "(", ")", ">=", "==", "~=", "!=", "<", "1.0", ".*", "+local", " ", "\t", ";", "@",
      "https://u", "python_version", "extra", "'3'", '"x"', "and", "or", "not", "in", "\n", "é", "\\",
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 14 }), (parts) => {
        const text = parts.join("");
        try {
          const req = parseRequirement(text);
          expect(parseRequirement(req.toString()).name).toBe(req.name);
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidRequirement);
          const invalid = error as InvalidRequirement;
          expect(invalid.span[0]).toBeLessThanOrEqual(invalid.span[1]);
          expect(invalid.span[1]).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
