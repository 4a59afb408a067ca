// Tests for pip's option handling in requirements files: argument/option split, shlex, optparse matching.
import { describe, expect, it } from "vitest";
import { breakArgsOptions, parseOptions, shellSplit } from "./pip-options";

describe("breakArgsOptions", () => {
  it("splits at the first word that starts with -", () => {
    expect(breakArgsOptions("foo>=1 ; python_version < '3' --hash=sha256:ab")).toEqual({
      args: "foo>=1 ; python_version < '3'",
      optionsStart: 30,
    });
    expect(breakArgsOptions("-r base.txt")).toEqual({ args: "", optionsStart: 0 });
  });
});

describe("shellSplit", () => {
  it("handles quotes and escapes, keeping offsets", () => {
    expect(shellSplit(`-i "https://a b" 'c d' e\\ f`)).toEqual([
      { value: "-i", start: 0, end: 2 },
      { value: "https://a b", start: 3, end: 16 },
      { value: "c d", start: 17, end: 22 },
      { value: "e f", start: 23, end: 27 },
    ]);
    expect(shellSplit(`--hash "abc`)).toEqual({ message: "could not split options: no closing quotation", start: 7 });
  });
});

describe("parseOptions", () => {
  it("reads long, short, = and attached forms and unique prefixes", () => {
    const line = "--index-url=https://x -rbase.txt --extra https://y --pre -C k=v";
    const parsed = parseOptions(line, 0);
    expect(parsed.problems).toEqual([]);
    expect(parsed.options.map((o) => [o.name, o.value, o.valueStart])).toEqual([
      ["index-url", "https://x", 12],
      ["requirement", "base.txt", 24],
      ["extra-index-url", "https://y", 41],
      ["pre", null, 56],
      ["config-settings", "k=v", 60],
    ]);
  });

  it("reports unknown, ambiguous and incomplete options where they are", () => {
    expect(parseOptions("--nope --no x --pre=1 -r", 0).problems).toEqual([
      { message: "no such option: --nope", start: 0 },
      { message: "ambiguous option: --no (--no-index, --no-binary?)", start: 7 },
      { message: "--pre option does not take a value", start: 14 },
      { message: "-r option requires 1 argument", start: 22 },
    ]);
  });
});
