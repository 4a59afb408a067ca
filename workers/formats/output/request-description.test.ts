// Tests for the export headers' parts: the equivalent command line, shell quoting, URL redaction, input file names.
import { describe, expect, it } from "vitest";
import { equivalentCommand, inputFileName, isDefaultIndex, redactUrl, shellQuote } from "./request-description";
import { handmadeRequest } from "./test-support/handmade-resolution";

/** Splits a POSIX shell word list made of bare words and '...' quoting (with the '"'"' idiom). */
function shellWords(command: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  for (let i = 0; i < command.length; i++) {
    const c = command[i];
    if (c === " ") {
      if (word !== null) words.push(word);
      word = null;
    } else if (c === "'") {
      const end = command.indexOf("'", i + 1);
      word = (word ?? "") + command.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      const end = command.indexOf('"', i + 1);
      word = (word ?? "") + command.slice(i + 1, end);
      i = end;
    } else word = (word ?? "") + c;
  }
  if (word !== null) words.push(word);
  return words;
}

describe("the equivalent command line", () => {
  it("spells out the target and leaves out options at the CLI's defaults", () => {
    expect(equivalentCommand(handmadeRequest(), "requirements")).toBe("tangle resolve requirements.in --python 3.8 --platform linux --arch x86_64 --format requirements");
  });

  it("writes every option that differs, in a form the shell splits back into the same words", () => {
    const request = handmadeRequest({
      input: { text: "", fileName: "my reqs/it's.txt" },
      indexUrl: "https://token@pkgs.example.com/simple",
      extraIndexUrls: ["https://a.example/simple", "https://u:p@b.example/simple"],
      constraints: ["a<2", "b<3"],
      overrides: ["c==1"],
      resolution: "lowest",
      prerelease: "disallow",
      excludeNewer: "2024-05-01T00:00:00Z",
    });
    expect(shellWords(equivalentCommand(request, "pylock"))).toEqual([
      "tangle", "resolve", "my reqs/it's.txt",
      "--python", "3.8", "--platform", "linux", "--arch", "x86_64",
      "--index-url", "https://****@pkgs.example.com/simple",
      "--extra-index-url", "https://a.example/simple", "--extra-index-url", "https://u:****@b.example/simple",
      "-c", "constraints-1.txt", "-c", "constraints-2.txt", "--override", "overrides.txt",
      "--resolution", "lowest", "--prerelease", "disallow", "--exclude-newer", "2024-05-01T00:00:00Z",
      "--format", "pylock",
    ]);
  });

  it("quotes like Python's shlex.quote and shows control characters as ?", () => {
    expect(shellQuote("requirements.in")).toBe("requirements.in");
    expect(shellQuote("")).toBe("''");
    expect(shellQuote("a b")).toBe("'a b'");
    expect(shellQuote("it's")).toBe(`'it'"'"'s'`);
    expect(shellQuote("x\ny")).toBe("'x?y'");
    expect(shellQuote("$(rm -rf /)")).toBe("'$(rm -rf /)'");
  });
});

describe("URLs and names", () => {
  it("redacts passwords and tokens as pip does, and leaves other URLs alone", () => {
    expect(redactUrl("https://user:pass@host/simple")).toBe("https://user:****@host/simple");
    expect(redactUrl("https://token@host/simple")).toBe("https://****@host/simple");
    expect(redactUrl("https://host/simple?x=a@b")).toBe("https://host/simple?x=a@b");
    expect(redactUrl("https://host/a@b")).toBe("https://host/a@b");
  });

  it("knows pypi.org's index with or without its trailing slash", () => {
    expect(isDefaultIndex("https://pypi.org/simple/")).toBe(true);
    expect(isDefaultIndex("https://pypi.org/simple")).toBe(true);
    expect(isDefaultIndex("https://test.pypi.org/simple")).toBe(false);
  });

  it("names the input after its file, else after its format (requirements.in for pip requirements)", () => {
    expect(inputFileName(handmadeRequest({ input: { text: "x", fileName: "dev.txt" } }))).toBe("dev.txt");
    expect(inputFileName(handmadeRequest({ input: { text: "x" } }))).toBe("requirements.in");
    expect(inputFileName(handmadeRequest({ input: { text: "[tool.poetry.dependencies]\npython = '^3.8'\n" } }))).toBe("pyproject.toml");
    expect(inputFileName(handmadeRequest({ input: { text: "", format: "Pipfile" } }))).toBe("Pipfile");
  });
});
