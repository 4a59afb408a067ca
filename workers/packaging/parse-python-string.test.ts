// Tests for decoding quoted marker values with Python's string-literal rules (ast.literal_eval).
import { describe, it, expect } from "vitest";
import { decodePythonString } from "./parse-python-string";

const ok = (token: string): string => {
  const result = decodePythonString(token);
  if (!result.ok) throw new Error(result.reason);
  return result.value;
};

describe("decodePythonString", () => {
  it("returns plain text unchanged", () => {
    expect(ok('"posix"')).toBe("posix");
    expect(ok("'a\"b'")).toBe('a"b');
    expect(ok('""')).toBe("");
  });

  it("decodes Python escapes (checked against ast.literal_eval)", () => {
    expect(ok('"\\x41\\u00e9\\U0001F600"')).toBe("Aé😀");
    expect(ok('"\\160\\400\\777"')).toBe("pĀǿ");
    expect(ok('"\\n\\t\\\\\\\'\\a"')).toBe("\n\t\\'\x07");
    expect(ok('"\\q\\8"')).toBe("\\q\\8");
    expect(ok('"a\\\nb"')).toBe("ab");
    expect(ok('"a\\\r\nb"')).toBe("ab");
  });

  it("refuses what Python refuses", () => {
    for (const token of ['"a\nb"', '"a\rb"', '"\\x4"', '"\\U00110000"', '"a\x00"', '"\\N{DASH}"', '"abc\\"']) {
      expect(decodePythonString(token).ok, JSON.stringify(token)).toBe(false);
    }
  });
});
