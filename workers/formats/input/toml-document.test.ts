// Tests for TOML parsing with positions: values, keys, escapes inside strings, array tables, and syntax errors.
import { describe, expect, it } from "vitest";
import { parseTomlDocument, type TomlDocument } from "./toml-document";

function doc(text: string): TomlDocument {
  const parsed = parseTomlDocument(text);
  if (!parsed.ok) throw new Error(parsed.diagnostic.message);
  return parsed.document;
}

describe("TomlDocument positions", () => {
  const text = [
    "[project]", // 1
    'name = "demo"', // 2
    "dependencies = [", // 3
    '    "requests>=2",  # comment', // 4
    "    'attrs',", // 5
    '    """multi', // 6
    'line""",', // 7
    "]", // 8
    "[tool.poetry.dependencies]", // 9
    'click = { version = "^8.1", extras = ["a", "b"] }', // 10
    '"quoted.key" = "\\u00e9x\\ty"', // 11
    "[[source]]", // 12
    'url = "https://a"', // 13
    "[[source]]", // 14
    'url = "https://b"', // 15
  ].join("\n");
  const d = doc(text);

  it("locates values, keys and array items", () => {
    expect(d.valuePosition(["project", "name"])).toEqual({ line: 2, column: 8 });
    expect(d.keyPosition(["project", "name"])).toEqual({ line: 2, column: 1 });
    expect(d.valuePosition(["project", "dependencies", 0])).toEqual({ line: 4, column: 5 });
    expect(d.valuePosition(["project", "dependencies", 1])).toEqual({ line: 5, column: 5 });
    expect(d.valuePosition(["project", "dependencies", 2])).toEqual({ line: 6, column: 5 });
    expect(d.valuePosition(["tool", "poetry", "dependencies", "click", "version"])).toEqual({ line: 10, column: 21 });
    expect(d.keyPosition(["tool", "poetry", "dependencies", "click", "extras"])).toEqual({ line: 10, column: 29 });
    expect(d.valuePosition(["tool", "poetry", "dependencies", "click", "extras", 1])).toEqual({ line: 10, column: 44 });
    expect(d.valuePosition(["source", 0, "url"])).toEqual({ line: 13, column: 7 });
    expect(d.valuePosition(["source", 1, "url"])).toEqual({ line: 15, column: 7 });
  });

  it("maps offsets inside strings, through escapes and line breaks", () => {
    const deps = d.stringMapper(["project", "dependencies", 0]);
    expect(deps(0)).toEqual({ line: 4, column: 6 });
    expect(deps(8)).toEqual({ line: 4, column: 14 });
    const multi = d.stringMapper(["project", "dependencies", 2]);
    expect(multi(0)).toEqual({ line: 6, column: 8 });
    expect(multi(6)).toEqual({ line: 7, column: 1 });
    const escaped = d.stringMapper(["tool", "poetry", "dependencies", "quoted.key"]);
    expect(d.data.tool).toMatchObject({ poetry: { dependencies: { "quoted.key": "éx\ty" } } });
    expect(escaped(0)).toEqual({ line: 11, column: 17 });
    expect(escaped(1)).toEqual({ line: 11, column: 23 });
    expect(escaped(2)).toEqual({ line: 11, column: 24 });
    expect(escaped(3)).toEqual({ line: 11, column: 26 });
  });

  it("gives the source text of an entry", () => {
    expect(d.sourceText(["tool", "poetry", "dependencies", "click"])).toBe('click = { version = "^8.1", extras = ["a", "b"] }');
  });
});

describe("TOML syntax errors", () => {
  it("become one located diagnostic", () => {
    const parsed = parseTomlDocument('[project]\ndependencies = ["a",, "b"]\n');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.diagnostic).toEqual({
      severity: "error",
      message: "line 2, column 21: invalid TOML: invalid value",
      line: 2,
      column: 21,
    });
  });

  it("reports a redefined key where it is redefined", () => {
    const parsed = parseTomlDocument('[project]\nname = "a"\nname = "b"\n');
    expect(parsed.ok ? null : [parsed.diagnostic.line, parsed.diagnostic.column]).toEqual([3, 1]);
  });
});
