// Tests for the configparser-style INI reader: continuations, comments, key case, buildout's += and inline comments.
import { describe, expect, it } from "vitest";
import { IniFile, readIni } from "./ini-file";

describe("readIni (configparser rules)", () => {
  const text = [
    "[Section]", // 1
    "Key = first", // 2
    "  second", // 3
    "", // 4
    "  # a comment inside the value", // 5
    "  third", // 6
    "", // 7
    "other: x ; not a comment", // 8
    "; a comment line", // 9
    "[next]", // 10
    "empty =", // 11
  ].join("\n");
  const { file, problems } = readIni(text);

  it("joins continuation lines, keeps inner blank lines, drops comment lines and trailing blanks", () => {
    const option = file.option("Section", "key");
    expect(option && IniFile.value(option)).toBe("first\nsecond\n\nthird");
    expect(option?.lines.map((l) => [l.line, l.column])).toEqual([
      [2, 7],
      [3, 3],
      [4, 1],
      [6, 3],
    ]);
  });

  it("lower-cases keys, keeps section names, takes : as a delimiter and has no inline comments", () => {
    expect(file.sections.map((s) => s.name)).toEqual(["Section", "next"]);
    const other = file.option("Section", "other");
    expect(other && IniFile.value(other)).toBe("x ; not a comment");
    const empty = file.option("next", "empty");
    expect(empty && IniFile.value(empty)).toBe("");
    expect(problems).toEqual([]);
  });

  it("reports lines outside sections and lines without a delimiter, and reads on", () => {
    const bad = readIni("orphan = 1\n[a]\nno delimiter here\nb = 2\n");
    expect(bad.problems).toEqual([
      { line: 1, column: 1, message: "text before the first [section] header is ignored" },
      { line: 3, column: 1, message: '"no delimiter here" is neither a [section] header nor a key = value line' },
    ]);
    expect(bad.file.option("a", "b")?.lines[0].text).toBe("2");
  });
});

describe("readIni with buildout's options", () => {
  it("keeps key case, strips inline comments, and reads += / -=", () => {
    const { file } = readIni("[buildout]\nEggs += Plone  # the CMS\n    Pillow ; imaging\nparts -= test\n", {
      lowercaseKeys: false,
      inlineComments: true,
      appendOperators: true,
    });
    const eggs = file.option("buildout", "Eggs");
    expect(eggs?.op).toBe("+=");
    expect(eggs?.lines.map((l) => l.text)).toEqual(["Plone", "Pillow"]);
    expect(file.option("buildout", "parts")?.op).toBe("-=");
  });
});
