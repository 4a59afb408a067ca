// Tests for the core-metadata parser against pypi.org .metadata files (and the JSON API's view of the same releases).
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseCoreMetadata } from "./core-metadata";
import { IndexError } from "./index-error";
import { parseReleaseJson } from "./json-api";
import { hasSample, listSamples, readSample } from "./test-support/read-sample";
import { indexErrorOf } from "./test-support/index-error-of";

const url = (file: string): string => `https://files.pythonhosted.org/packages/xx/${file}.metadata`;


describe("parseCoreMetadata on pypi.org .metadata files", () => {
  it("reads black 21.11b0: every Requires-Dist in order, Provides-Extra, Requires-Python, Project-URL", () => {
    const file = "black-21.11b0-py3-none-any.whl";
    const metadata = parseCoreMetadata(readSample(`core-metadata/${file}.metadata`), url(file));
    expect(metadata.metadataVersion).toBe("2.1");
    expect(metadata.name).toBe("black");
    expect(metadata.version).toBe("21.11b0");
    expect(metadata.summary).toBe("The uncompromising code formatter.");
    expect(metadata.homePage).toBe("https://github.com/psf/black");
    expect(metadata.license).toBe("MIT");
    expect(metadata.requiresPython).toBe(">=3.6.2");
    expect(metadata.projectUrls).toEqual({ Changelog: "https://github.com/psf/black/blob/main/CHANGES.md" });
    expect(metadata.providesExtra).toEqual(["colorama", "d", "jupyter", "python2", "uvloop"]);
    expect(metadata.requiresDist).toHaveLength(16);
    expect(metadata.requiresDist[0]).toBe("click (>=7.1.2)");
    expect(metadata.requiresDist[8]).toBe('typed-ast (>=1.4.2) ; python_version < "3.8" and implementation_name == "cpython"');
    expect(metadata.requiresDist[15]).toBe("uvloop (>=0.15.2) ; extra == 'uvloop'");
    expect(metadata.dynamic).toEqual([]);
  });

  it("reads CRLF line ends (PyYAML 3.13 Windows wheels) and the absence of Requires-Dist as []", () => {
    const file = "PyYAML-3.13-cp27-cp27m-win32.whl";
    const text = readSample(`core-metadata/${file}.metadata`);
    expect(text).toContain("\r\n");
    const metadata = parseCoreMetadata(text, url(file));
    expect(metadata.name).toBe("PyYAML");
    expect(metadata.version).toBe("3.13");
    expect(metadata.homePage).toBe("http://pyyaml.org/wiki/PyYAML");
    expect(metadata.requiresDist).toEqual([]);
    expect(metadata.requiresPython).toBeNull();
  });

  it("keeps a multi-line License with its continuation lines de-indented (isodate 0.7.0)", () => {
    const file = "isodate-0.7.0-py3-none-any.whl";
    const metadata = parseCoreMetadata(readSample(`core-metadata/${file}.metadata`), url(file));
    const lines = (metadata.license ?? "").split("\n");
    expect(lines[0]).toBe("Copyright (c) 2021, Hugo van Kemenade and contributors");
    expect(lines[1]).toBe("Copyright (c) 2009-2018, Gerhard Weis and contributors");
    expect(lines).toContain("    * Redistributions of source code must retain the above copyright");
    expect(lines.at(-1)).toBe("SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.");
    expect(metadata.projectUrls).toEqual({ Homepage: "https://github.com/gweis/isodate/" });
  });

  it("reads several Project-URL lines and Metadata-Version 2.3 (poetry-core 2.1.3)", () => {
    const file = "poetry_core-2.1.3-py3-none-any.whl";
    const metadata = parseCoreMetadata(readSample(`core-metadata/${file}.metadata`), url(file));
    expect(metadata.metadataVersion).toBe("2.3");
    expect(metadata.requiresPython).toBe(">=3.9, <4.0");
    expect(metadata.projectUrls).toEqual({
      "Bug Tracker": "https://github.com/python-poetry/poetry/issues",
      Homepage: "https://github.com/python-poetry/poetry-core",
      Repository: "https://github.com/python-poetry/poetry-core",
    });
  });

  it("agrees with the JSON API wherever the release's metadata came from that wheel and lists dependencies", () => {
    let compared = 0;
    for (const file of listSamples("core-metadata", ".metadata")) {
      const wheel = file.replace(/\.metadata$/, "");
      const metadata = parseCoreMetadata(readSample(`core-metadata/${file}`), url(wheel));
      const project = metadata.name.toLowerCase().replace(/[-_.]+/g, "-");
      if (!hasSample(`release-json/${project}`)) continue;
      const releaseFiles = listSamples(`release-json/${project}`, ".json").filter((f) => {
        const release = parseReleaseJson(readSample(`release-json/${project}/${f}`), "x");
        return release.info.version === metadata.version && release.files.some((u) => u.filename === wheel);
      });
      for (const f of releaseFiles) {
        const { info } = parseReleaseJson(readSample(`release-json/${project}/${f}`), "x");
        if (info.requiresDist === null) continue;
        expect(new Set(metadata.requiresDist)).toEqual(new Set(info.requiresDist));
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(20);
  });

  it("parses every recorded file", () => {
    for (const file of listSamples("core-metadata", ".metadata")) {
      const metadata = parseCoreMetadata(readSample(`core-metadata/${file}`), url(file));
      expect(metadata.name).not.toBe("");
      for (const requirement of metadata.requiresDist) expect(requirement).toBe(requirement.trim());
    }
    for (const file of listSamples("core-metadata/mocked", ".metadata")) {
      const metadata = parseCoreMetadata(readSample(`core-metadata/mocked/${file}`), url(file));
      expect(metadata.requiresDist.length).toBe(1);
    }
  });
});

describe("parseCoreMetadata: format corner cases", () => {
  it("unfolds continuation lines, takes field names case-insensitively and ignores the description body", () => {
    const text = [
      "Metadata-Version: 2.2",
      "name: foo",
      "VERSION: 1.0",
      "Requires-Dist: bar (>=1.0);",
      '  python_version < "3.8"',
      "Dynamic: Requires-Dist",
      "Provides-Extra: test",
      "Description: old style",
      "       |continued",
      "",
      "Requires-Dist: not-a-header-anymore",
    ].join("\n");
    const metadata = parseCoreMetadata(text, url("foo"));
    expect(metadata.name).toBe("foo");
    expect(metadata.version).toBe("1.0");
    expect(metadata.requiresDist).toEqual(['bar (>=1.0); python_version < "3.8"']);
    expect(metadata.dynamic).toEqual(["Requires-Dist"]);
    expect(metadata.providesExtra).toEqual(["test"]);
  });

  it("ends the headers at the first non-header line, as Python's email parser does", () => {
    const metadata = parseCoreMetadata("Name: foo\nVersion: 1\nRequires-Dist: a\nthis is body text\nRequires-Dist: b\n", url("foo"));
    expect(metadata.requiresDist).toEqual(["a"]);
  });

  it.each([
    ["", "an empty body where core metadata was expected"],
    ["<html><body>404</body></html>", 'text that is not core metadata: expected `Field: value` at line 1, found "<html><body>404</body></html>"'],
    ["  indented: first", 'core metadata that starts with an indented line (line 1: "  indented: first")'],
    ["Metadata-Version: 2.1\nVersion: 1.0\n", "core metadata without a `Name` field"],
    ["Metadata-Version: 2.1\nName: foo\n", "core metadata without a `Version` field"],
  ])("rejects %j", (text, detail) => {
    const error = indexErrorOf(() => parseCoreMetadata(text, url("foo")));
    expect(error.message).toBe(`${url("foo")} answered with ${detail}`);
  });

  it("throws only IndexError for arbitrary text", () => {
    const line = fc.oneof(fc.constantFrom("Name: x", "Version: 1", "Requires-Dist: a", " cont", "\t", "", "Project-URL: a, b", "Project-URL: nocomma", ":"), fc.string());
    fc.assert(
      fc.property(fc.array(line).map((lines) => lines.join(fc.sample(fc.constantFrom("\n", "\r\n", "\r"), 1)[0])), (text) => {
        try {
          parseCoreMetadata(text, url("x"));
        } catch (error) {
          expect(error).toBeInstanceOf(IndexError);
        }
      }),
      { numRuns: 500 },
    );
  });
});
