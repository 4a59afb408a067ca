// Tests for the setup.py tokenizer: string forms and their offset maps, logical lines, brackets and comments.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tokenizePython } from "./python-tokenizer";

describe("tokenizePython", () => {
  it("splits logical lines outside brackets and skips comments and continuations", () => {
    const { tokens } = tokenizePython("a = [1,\n  2]  # c\nb = \\\n  3\n");
    expect(tokens.map((t) => (t.type === "newline" ? "NL" : t.raw))).toEqual(["a", "=", "[", "1", ",", "2", "]", "NL", "b", "=", "3", "NL"]);
    expect(tokens.find((t) => t.raw === "2")?.depth).toBe(1);
  });

  it("decodes escapes and maps each decoded character to its source offset", () => {
    const text = `x = "a\\tb\\u00e9" + r'\\d' + b"z" + f"{y}"`;
    const { tokens, problems } = tokenizePython(text);
    expect(problems).toEqual([]);
    const strings = tokens.filter((t) => t.type === "string");
    expect(strings.map((t) => [t.value, t.prefix])).toEqual([
      ["a\tb\u00e9", ""],
      ["\\d", "r"],
      ["z", "b"],
      ["{y}", "f"],
    ]);
    expect(strings[0].chars).toEqual([5, 6, 8, 9, 15]);
  });

  it("reads triple-quoted strings across lines", () => {
    const { tokens } = tokenizePython('s = """one\ntwo"""\n');
    expect(tokens[2].value).toBe("one\ntwo");
    expect(tokens.filter((t) => t.type === "newline")).toHaveLength(1);
  });

  it("reports an unterminated string where it starts and goes on", () => {
    const { tokens, problems } = tokenizePython('a = "open\nb = 2\n');
    expect(problems).toEqual([{ offset: 4, message: "unterminated string literal" }]);
    expect(tokens.some((t) => t.raw === "b")).toBe(true);
  });

  it("maps every character of a plain string back to itself", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."abc 123-_.=<>[]();,".split("")) }), (content) => {
        const text = `x = "${content}"`;
        const token = tokenizePython(text).tokens.find((t) => t.type === "string");
        if (!token?.chars) return false;
        return token.value === content && [...content].every((c, i) => text[token.chars?.[i] ?? -1] === c);
      }),
    );
  });
});
