// Tests for Python-style repr() of strings used in error messages.
import { describe, it, expect } from "vitest";
import { pythonRepr } from "./parse-python-repr";

describe("pythonRepr", () => {
  it("quotes like Python", () => {
    expect(pythonRepr("abc")).toBe("'abc'");
    expect(pythonRepr("it's")).toBe(`"it's"`);
    expect(pythonRepr(`a"b`)).toBe(`'a"b'`);
    expect(pythonRepr(`it's "x"`)).toBe(`'it\\'s "x"'`);
  });

  it("escapes backslashes and control characters", () => {
    expect(pythonRepr("a\\b")).toBe("'a\\\\b'");
    expect(pythonRepr("a\nb\tc\rd")).toBe("'a\\nb\\tc\\rd'");
    expect(pythonRepr("\x00\x1f\x7f")).toBe("'\\x00\\x1f\\x7f'");
    expect(pythonRepr("föö")).toBe("'föö'");
  });
});
