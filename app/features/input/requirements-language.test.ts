import { describe, it, expect } from "vitest";
import { StringStream } from "@codemirror/language";
import { configToken, requirementsToken } from "./requirements-language";

function tokens(line: string, tokenize: (s: StringStream) => string | null): [string, string][] {
  const stream = new StringStream(line, 4, 2);
  const out: [string, string][] = [];
  while (!stream.eol()) {
    stream.start = stream.pos;
    const style = tokenize(stream);
    if (stream.pos === stream.start) throw new Error(`no progress at ${stream.pos}`);
    if (style) out.push([stream.current(), style]);
  }
  return out;
}

const req = (line: string) => {
  const state = { phase: "name" as const } as { phase: "name" | "afterName" | "extras" | "marker" | "url" | "option" };
  return tokens(line, (s) => requirementsToken(s, state));
};

describe("requirementsToken", () => {
  it("colours name, extras, specifiers and the marker", () => {
    expect(req('Requests[security,socks] >= 2.8.1, ==2.8.* ; python_version < "2.7"')).toEqual([
      ["Requests", "variableName"],
      ["[", "bracket"],
      ["security", "labelName"],
      [",", "punctuation"],
      ["socks", "labelName"],
      ["]", "bracket"],
      [">=", "operator"],
      ["2.8.1", "number"],
      [",", "punctuation"],
      ["==", "operator"],
      ["2.8.*", "number"],
      [";", "punctuation"],
      ["python_version", "propertyName"],
      ["<", "operator"],
      ['"2.7"', "string"],
    ]);
  });
  it("colours options, URLs and comments", () => {
    expect(req("-r base.txt  # shared")).toEqual([
      ["-r", "meta"],
      ["base.txt", "string"],
      ["# shared", "comment"],
    ]);
    expect(req("pip @ https://x.test/pip.whl ; os_name == 'nt'")).toEqual([
      ["pip", "variableName"],
      ["@", "operator"],
      ["https://x.test/pip.whl", "url"],
      [";", "punctuation"],
      ["os_name", "propertyName"],
      ["==", "operator"],
      ["'nt'", "string"],
    ]);
    expect(req("numpy==1.19 --hash=sha256:abc")).toEqual([
      ["numpy", "variableName"],
      ["==", "operator"],
      ["1.19", "number"],
      ["--hash=sha256:abc", "meta"],
    ]);
  });
  it("keeps a # inside a URL", () => {
    expect(req("pkg @ https://x.test/a#egg=pkg")[2]).toEqual(["https://x.test/a#egg=pkg", "url"]);
  });
});

describe("configToken", () => {
  it("colours sections, keys, strings and comments", () => {
    expect(tokens("[project]", configToken)).toEqual([["[project]", "heading"]]);
    expect(tokens('dependencies = ["requests>=2"] # deps', configToken)).toEqual([
      ["dependencies", "propertyName"],
      ['"requests>=2"', "string"],
      ["# deps", "comment"],
    ]);
  });
});
