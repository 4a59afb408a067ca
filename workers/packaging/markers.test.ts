// Tests for PEP 508 markers against packaging 26.2's answers (real PyPI markers and generated corner cases).
import { describe, it, expect } from "vitest";
import fc from "fast-check";
import {
  evaluateMarker,
  InvalidMarker,
  parseMarker,
  UndefinedComparison,
  UndefinedEnvironmentName,
  type MarkerEnvironment,
} from "./markers";
import { markerEnvironment, defaultTargetEnvironment } from "./environment";
import realVectors from "./vectors/markers.json";
import cornerVectors from "./vectors/markers-corner.json";

interface MarkerVector {
  marker: string;
  valid: boolean;
  normalized?: string;
  results?: Record<string, boolean | string>;
  error?: string;
  message?: string;
  span?: number[];
}

const ERROR_CLASSES: Record<string, string> = {
  UndefinedComparison: "UndefinedComparison",
  // packaging lets a KeyError escape for a name the environment lacks.
  KeyError: "UndefinedEnvironmentName",
};

/** Evaluate like the generator did: `env` or `{...env, extra}` for keys "env|extra=NAME"; errors as "error:Class". */
function outcome(text: string, key: string, environments: Record<string, MarkerEnvironment>, useExtrasArgument: boolean): boolean | string {
  const [envName, extraPart] = key.split("|extra=");
  const env = environments[envName];
  try {
    if (extraPart === undefined) return evaluateMarker(text, env);
    if (useExtrasArgument && extraPart !== "") return evaluateMarker(text, env, [extraPart]);
    return evaluateMarker(text, { ...env, extra: extraPart });
  } catch (error) {
    if (error instanceof UndefinedComparison || error instanceof UndefinedEnvironmentName) return `error:${error.name}`;
    throw error;
  }
}

function expected(result: boolean | string): boolean | string {
  if (typeof result === "boolean") return result;
  const cls = result.slice("error:".length);
  return `error:${ERROR_CLASSES[cls] ?? cls}`;
}

function checkVectors(vectors: MarkerVector[], environments: Record<string, MarkerEnvironment>): string[] {
  const disagreements: string[] = [];
  for (const vector of vectors) {
    let marker;
    try {
      marker = parseMarker(vector.marker);
    } catch (error) {
      if (!(error instanceof InvalidMarker)) throw error;
      if (vector.valid) disagreements.push(`${JSON.stringify(vector.marker)}: rejected (${error.message})`);
      else if (vector.span && (error.message !== vector.message || error.span.join() !== vector.span.join())) {
        disagreements.push(`${JSON.stringify(vector.marker)}: error ${JSON.stringify(error.message)} ${error.span} != ${JSON.stringify(vector.message)} ${vector.span}`);
      }
      continue;
    }
    if (!vector.valid) {
      disagreements.push(`${JSON.stringify(vector.marker)}: accepted, packaging says ${vector.error}`);
      continue;
    }
    if (marker.toString() !== vector.normalized) {
      disagreements.push(`${JSON.stringify(vector.marker)}: printed ${JSON.stringify(marker.toString())}`);
    }
    for (const [key, result] of Object.entries(vector.results ?? {})) {
      for (const useExtrasArgument of [false, true]) {
        const got = outcome(vector.marker, key, environments, useExtrasArgument);
        if (got !== expected(result)) disagreements.push(`${JSON.stringify(vector.marker)} @ ${key}${useExtrasArgument ? " (extras argument)" : ""}: ${got} != ${result}`);
      }
    }
  }
  return disagreements;
}

interface CornerVector {
  marker: string;
  valid: boolean;
  normalized?: string;
  results?: string;
  extraResults?: Record<string, string>;
  error?: string;
  message?: string;
  span?: number[];
}

/** The corner file stores results as one code character per environment; expand to the real file's shape. */
function expandCorner(vector: CornerVector): MarkerVector {
  const envNames = Object.keys(cornerVectors.environments);
  const codes: Record<string, boolean | string> = cornerVectors.codes;
  const { results, extraResults, ...rest } = vector;
  if (results === undefined) return rest;
  const expanded: Record<string, boolean | string> = {};
  envNames.forEach((env, i) => {
    expanded[env] = codes[results[i]];
    for (const [extra, codesForExtra] of Object.entries(extraResults ?? {})) expanded[`${env}|extra=${extra}`] = codes[codesForExtra[i]];
  });
  return { ...rest, results: expanded };
}

describe("markers vs packaging 26.2", () => {
  it(`agrees on all ${realVectors.markers.length} real markers from the PyPI snapshots in 6 environments`, () => {
    expect(checkVectors(realVectors.markers as MarkerVector[], realVectors.environments)).toEqual([]);
  });

  it(`agrees on all ${cornerVectors.markers.length} corner-case markers in ${Object.keys(cornerVectors.environments).length} environments`, () => {
    const vectors = (cornerVectors.markers as CornerVector[]).map(expandCorner);
    expect(vectors.filter((v) => v.valid && Object.keys(v.results ?? {}).length < 25)).toEqual([]);
    expect(checkVectors(vectors, cornerVectors.environments)).toEqual([]);
  });

  it("rejects exactly the strings Python's literal_eval rejects (packaging lets a SyntaxError escape)", () => {
    const syntaxErrors = (cornerVectors.markers as CornerVector[]).filter((v) => v.error === "SyntaxError");
    expect(syntaxErrors.length).toBeGreaterThan(0);
    for (const v of syntaxErrors) expect(() => parseMarker(v.marker)).toThrow(/Invalid string literal/);
  });
});

describe("parseMarker", () => {
  it("underlines the error position", () => {
    let error: unknown;
    try {
      parseMarker('os_name == "nt" xor python_version > "3"');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidMarker);
    const invalid = error as InvalidMarker;
    expect(invalid.reason).toBe("Expected end of marker expression");
    expect(invalid.column).toBe(16);
    expect(invalid.col).toBe(17);
    expect(invalid.message).toBe(
      'Expected end of marker expression\n    os_name == "nt" xor python_version > "3"\n                    ^',
    );
  });

  it("normalises old names, quotes and spacing", () => {
    expect(parseMarker("os.name=='nt'and(sys.platform=='win32')").toString()).toBe('os_name == "nt" and sys_platform == "win32"');
    expect(parseMarker("python_implementation != 'PyPy'").toString()).toBe('platform_python_implementation != "PyPy"');
  });

  it("lists the extras a marker mentions, normalised", () => {
    expect(parseMarker('extra == "Foo_Bar" or (python_version < "3" and "docs.X" == extra)').extraNames()).toEqual(["docs-x", "foo-bar"]);
    expect(parseMarker('python_version < "3"').extraNames()).toEqual([]);
  });

  it("round-trips its printed form (property)", () => {
    const variable = fc.constantFrom("python_version", "os_name", "sys_platform", "platform_machine", "implementation_name");
    const value = fc.constantFrom("3.8", "posix", "linux", "x86_64", "cpython", "");
    const op = fc.constantFrom("<", "<=", "==", "!=", ">=", ">", "in", "not in");
    const item = fc.tuple(variable, op, value).map(([v, o, x]) => `${v} ${o} "${x}"`);
    const expr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
      e: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        item,
        fc.tuple(tie("e"), fc.constantFrom("and", "or"), tie("e")).map(([a, b, c]) => `${a} ${b} ${c}`),
        tie("e").map((e) => `(${e})`),
      ),
    })).e;
    const env = markerEnvironment(defaultTargetEnvironment);
    fc.assert(
      fc.property(expr, (text) => {
        const marker = parseMarker(text);
        const printed = marker.toString();
        // packaging drops "((...))" around a parenthesised group, which can change meaning; only
        // markers without doubled parentheses are guaranteed to keep their value when re-parsed.
        if (!text.includes("((")) {
          expect(parseMarker(printed).toString()).toBe(printed);
          expect(evaluateMarker(printed, env)).toBe(evaluateMarker(marker, env));
        }
      }),
    );
  });
});

describe("evaluateMarker", () => {
  const linux = markerEnvironment(defaultTargetEnvironment);

  it("treats extra as empty unless given", () => {
    expect(evaluateMarker('extra == ""', linux)).toBe(true);
    expect(evaluateMarker('extra == "test"', linux)).toBe(false);
    expect(evaluateMarker('extra == "test"', linux, ["Test"])).toBe(true);
    expect(evaluateMarker('extra == "test"', { ...linux, extra: "TEST" })).toBe(true);
  });

  it("is true when any of several extras makes it true", () => {
    expect(evaluateMarker('extra == "b"', linux, ["a", "b"])).toBe(true);
    expect(evaluateMarker('extra != "a"', linux, ["a"])).toBe(false);
    expect(evaluateMarker('extra != "a"', linux, ["a", "c"])).toBe(true);
  });

  it("applies PEP 685 to extras in top-level comparisons only, as packaging 26.2 does", () => {
    expect(evaluateMarker('extra == "Foo_Bar"', linux, ["foo.bar"])).toBe(true);
    expect(evaluateMarker('(extra == "Foo_Bar")', linux, ["foo.bar"])).toBe(false);
  });

  it("compares versions as PEP 440 and other strings without ordering", () => {
    expect(evaluateMarker('python_version >= "3.8"', { ...linux, python_version: "3.10" })).toBe(true);
    expect(evaluateMarker('python_full_version < "3.14"', { ...linux, python_full_version: "3.14.0rc1" })).toBe(false);
    expect(evaluateMarker('os_name <= "posix"', linux)).toBe(true);
    expect(evaluateMarker('os_name < "zzz"', linux)).toBe(false);
    expect(() => evaluateMarker('os_name ~= "posix"', linux)).toThrow(UndefinedComparison);
  });

  it("needs every variable it reads", () => {
    expect(() => evaluateMarker('os_name == "posix"', {})).toThrow(UndefinedEnvironmentName);
    expect(() => evaluateMarker('"docs" in extras', linux)).toThrow("'extras' does not exist in evaluation environment.");
  });

  it("repairs an untagged python_full_version ending in '+'", () => {
    expect(evaluateMarker('python_full_version >= "3.13"', { ...linux, python_full_version: "3.13.0+" })).toBe(true);
  });

  it("evaluates every comparison, like packaging (no short-circuit)", () => {
    expect(() => evaluateMarker('os_name == "posix" or os_name ~= "x"', linux)).toThrow(UndefinedComparison);
  });

  it("combines markers with and/or", () => {
    const a = parseMarker('os_name == "posix"');
    const b = parseMarker('python_version < "3"');
    expect(a.and(b).toString()).toBe('os_name == "posix" and python_version < "3"');
    expect(a.or(b).evaluate(linux)).toBe(true);
    expect(a.and(b).evaluate(linux)).toBe(false);
    expect(a.or(b).and(a).toString()).toBe('(os_name == "posix" or python_version < "3") and os_name == "posix"');
    expect(a.equals(parseMarker("os_name=='posix'"))).toBe(true);
  });
});
