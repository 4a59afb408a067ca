// Tests for JSON text parsing errors: byte positions checked against V8's own positions.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { IndexError } from "./index-error";
import { jsonErrorOffset, parseJsonText } from "./json-text";

const URL = "https://pypi.org/simple/foo/";

function errorOf(fn: () => unknown): IndexError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(IndexError);
    return error as IndexError;
  }
  throw new Error("expected an IndexError");
}

/** The position V8 reports in its JSON.parse message, when it reports one. */
function v8Position(text: string): number | null {
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    const match = /at position (\d+)/.exec((error as Error).message);
    return match === null ? null : Number(match[1]);
  }
}

describe("parseJsonText", () => {
  it("returns the parsed value of valid JSON (a leading BOM is tolerated)", () => {
    expect(parseJsonText('{"a": [1, "x", null]}', URL)).toEqual({ a: [1, "x", null] });
    expect(parseJsonText('\ufeff{"a": 1}', URL)).toEqual({ a: 1 });
  });

  it("names the URL and the byte where the text goes wrong", () => {
    const error = errorOf(() => parseJsonText('{"a": 1,}', URL));
    expect(error.code).toBe("invalid-response");
    expect(error.url).toBe(URL);
    expect(error.message).toBe(`${URL} answered with invalid JSON at byte 8 (found "}")`);
  });

  it("counts bytes, not characters, before the error", () => {
    // "é" is two bytes in UTF-8, "€" three: the bad "x" is character 10 but byte 12.
    const error = errorOf(() => parseJsonText('{"é€": 1 x}', URL));
    expect(jsonErrorOffset('{"é€": 1 x}')).toBe(9);
    expect(error.message).toContain("at byte 12");
  });

  it("says when the text ends early", () => {
    expect(errorOf(() => parseJsonText('{"files": [', URL)).message).toBe(`${URL} answered with invalid JSON at byte 11 (the text ends early)`);
    expect(errorOf(() => parseJsonText("", URL)).message).toContain("at byte 0 (the text ends early)");
  });

  it("rejects an HTML error page", () => {
    expect(errorOf(() => parseJsonText("<html><body>502 Bad Gateway</body></html>", URL)).message).toContain("at byte 0");
  });

  it.each([
    ['{"a": tru}', 9],
    ["[1 2]", 3],
    ['"\\u12g4"', 5],
    ['"\\x"', 2],
    ["[1.]", 3],
    ["[-]", 2],
    ["[01]", 2],
    ['{"a": 1} x', 9],
    ['{"a"}', 4],
    ["[1}", 2],
  ])("finds the error in %j at %i", (text, offset) => {
    expect(jsonErrorOffset(text)).toBe(offset);
  });

  it("agrees with V8 wherever V8 reports a position (mutated real-looking JSON)", () => {
    const mutation = fc.record({
      value: fc.json({ maxDepth: 3 }),
      at: fc.nat(),
      insert: fc.constantFrom("}", "]", ",", ":", '"', "x", "\\", "-", ".", "e", "0", " ", "\u0001", "t", "{", "["),
      cut: fc.boolean(),
    });
    fc.assert(
      fc.property(mutation, ({ value, at, insert, cut }) => {
        const at2 = at % (value.length + 1);
        const text = cut ? value.slice(0, at2) : value.slice(0, at2) + insert + value.slice(at2);
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        if (valid) return;
        const offset = jsonErrorOffset(text);
        expect(offset).toBeGreaterThanOrEqual(0);
        expect(offset).toBeLessThanOrEqual(text.length);
        const v8 = v8Position(text);
        if (v8 !== null) expect(offset).toBe(v8);
        expect(() => parseJsonText(text, URL)).toThrow(IndexError);
      }),
      { numRuns: 2000 },
    );
  });
});
