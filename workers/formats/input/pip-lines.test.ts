// Tests for pip's line preprocessing: continuations, comments, and that every offset maps back to its character.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitLines } from "./location";
import { logicalLines } from "./pip-lines";

describe("logicalLines", () => {
  it("joins backslash continuations into the first line's number", () => {
    const lines = logicalLines("a \\\n  b\nc\n");
    expect(lines.map((l) => [l.line, l.text])).toEqual([
      [1, "a   b"],
      [3, "c"],
    ]);
    expect(lines[0].at(4)).toEqual({ line: 2, column: 3 });
  });

  it("drops comments (after whitespace) and blank lines, keeps # inside words", () => {
    const lines = logicalLines("# top\n\nx#y  # tail\n   \n");
    expect(lines.map((l) => l.text)).toEqual(["x#y"]);
  });

  it("does not join a comment line that ends in a backslash", () => {
    const lines = logicalLines("# note \\\nreal\n");
    expect(lines.map((l) => [l.line, l.text])).toEqual([[2, "real"]]);
  });

  it("maps every character of single physical lines back to itself", () => {
    const line = fc.string({ unit: fc.constantFrom(..."ab =<>;[]#.-\t".split("")), maxLength: 20 });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 6 }), (raw) => {
        const text = raw.join("\n");
        const physical = splitLines(text);
        for (const logical of logicalLines(text)) {
          for (let i = 0; i < logical.text.length; i++) {
            const { line, column } = logical.at(i);
            if (physical[line - 1][column - 1] !== logical.text[i]) return false;
          }
        }
        return true;
      }),
    );
  });
});
