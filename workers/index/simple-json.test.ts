// Tests for the PEP 691 JSON parser on recorded pypi.org pages and PEP 691/714 corner cases.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { IndexError } from "./index-error";
import { listSamples, readSample } from "./test-support/read-sample";
import { parseSimpleJson } from "./simple-json";
import { indexErrorOf } from "./test-support/index-error-of";

const page = (name: string): string => `https://pypi.org/simple/${name}/`;


/** A minimal valid page with `files` replaced. */
function pageWith(files: unknown[], meta: unknown = { "api-version": "1.1" }): string {
  return JSON.stringify({ meta, name: "foo", files, versions: [] });
}

describe("parseSimpleJson on pypi.org pages", () => {
  it("reads every field of black's page (api-version 1.4)", () => {
    const parsed = parseSimpleJson(readSample("simple-json/black.json"), page("black"));
    expect(parsed.format).toBe("json");
    expect(parsed.name).toBe("black");
    expect(parsed.apiVersion).toBe("1.4");
    expect(parsed.versions).toEqual(["19.10b0", "21.11b0"]);
    expect(parsed.warnings).toEqual([]);
    expect(parsed.files.map((f) => f.filename)).toEqual([
      "black-19.10b0-py36-none-any.whl",
      "black-19.10b0.tar.gz",
      "black-21.11b0-py3-none-any.whl",
      "black-21.11b0.tar.gz",
    ]);
    expect(parsed.files[0]).toEqual({
      filename: "black-19.10b0-py36-none-any.whl",
      url: "https://files.pythonhosted.org/packages/fd/bb/ad34bbc93d1bea3de086d7c59e528d4a503ac8fe318bd1fa48605584c3d2/black-19.10b0-py36-none-any.whl",
      hashes: { md5: "acc537b0f3f7ebf575616490d7cc14f4", sha256: "13001c5b7dbc81137164b43137320a1785e95ce84e4db849279786877ac6d7f6" },
      requiresPython: ">=3.6",
      yanked: false,
      uploadTime: "2019-10-28T23:53:54.000711Z",
      size: 97525,
      coreMetadata: { sha256: "256c27c1f5cc5c7bad6049ff2c339ac9419f5fc00eddbb895cf4780d7b6752b3" },
      kind: "wheel",
    });
    expect(parsed.files[1].kind).toBe("sdist");
    expect(parsed.files[1].coreMetadata).toBe(false);
    expect(parsed.files[2].yanked).toBe("Broken regex dependency. Use 21.11b1 instead.");
    expect(parsed.files[3].yanked).toBe("Broken regex dependency. Use 21.11b1 instead.");
  });

  it("reads a null requires-python as null and a yank reason (isodate)", () => {
    const parsed = parseSimpleJson(readSample("simple-json/isodate.json"), page("isodate"));
    expect(parsed.files[0].requiresPython).toBeNull();
    expect(parsed.files[0].yanked).toBe("fails for py2.7 but is not marked as py3 only.");
  });

  it("reads the legacy `dist-info-metadata` key and a page without `versions` (isort-metadata, api 1.0)", () => {
    const parsed = parseSimpleJson(readSample("simple-json/isort-metadata.json"), page("isort-metadata"));
    expect(parsed.versions).toBeNull();
    expect(parsed.files[0].coreMetadata).toEqual({ sha256: "e360bf0ed8a06390513d50dd5b7e9d635c789853a93b84163f9de4ae0647580c" });
    expect(parsed.files[0].uploadTime).toBeNull();
    expect(parsed.files[0].size).toBeNull();
  });

  it("resolves relative file URLs against the page URL (relative)", () => {
    const parsed = parseSimpleJson(readSample("simple-json/relative.json"), "https://example.org/simple/poetry/");
    expect(parsed.files.map((f) => f.url)).toEqual([
      "https://example.org/simple/poetry/poetry-0.1.0-py3-none-any.whl",
      "https://example.org/simple/poetry/poetry-0.1.0.tar.gz",
      "https://example.org/simple/poetry/poetry-0.1.1.tar.bz2",
    ]);
    expect(parsed.files[2].kind).toBe("sdist");
  });

  it("reads a file without hashes, requires-python, size or upload time (demo)", () => {
    const [file] = parseSimpleJson(readSample("simple-json/demo.json"), page("demo")).files;
    expect(file.hashes).toEqual({});
    expect(file.requiresPython).toBeNull();
    expect(file.size).toBeNull();
    expect(file.uploadTime).toBeNull();
    expect(file.yanked).toBe(false);
  });

  it("parses every recorded page with absolute URLs and consistent kinds", () => {
    const names = listSamples("simple-json", ".json");
    expect(names.length).toBeGreaterThanOrEqual(40);
    for (const name of names) {
      const parsed = parseSimpleJson(readSample(`simple-json/${name}`), page(name.replace(/\.json$/, "")));
      for (const file of parsed.files) {
        expect(new URL(file.url).protocol).toBe("https:");
        expect(file.url).not.toContain("#");
        expect(file.kind).toBe(file.filename.endsWith(".whl") ? "wheel" : /\.(tar\.gz|zip|tar\.bz2)$/.test(file.filename) ? "sdist" : "other");
      }
    }
  });
});

describe("parseSimpleJson: PEP 691/714 corner cases", () => {
  const file = { filename: "foo-1.0.tar.gz", url: "foo-1.0.tar.gz", hashes: { sha256: "ab" } };

  it("reads yanked true as a yank without reason and an empty string as not yanked (as pip)", () => {
    const parsed = parseSimpleJson(pageWith([{ ...file, yanked: true }, { ...file, yanked: "" }, { ...file, yanked: false }]), page("foo"));
    expect(parsed.files.map((f) => f.yanked)).toEqual(["", false, false]);
  });

  it("skips a file whose URL is not http(s), with a warning naming it, and keeps the others", () => {
    const parsed = parseSimpleJson(pageWith([{ ...file, filename: "foo-0.9.tar.gz", url: "javascript:alert(1)" }, file]), page("foo"));
    expect(parsed.files.map((f) => f.url)).toEqual(["https://pypi.org/simple/foo/foo-1.0.tar.gz"]);
    expect(parsed.warnings).toEqual(['https://pypi.org/simple/foo/: skipped foo-0.9.tar.gz, whose URL "javascript:alert(1)" is not an http(s) URL']);
  });

  it("prefers `core-metadata` over the older keys (PEP 714) and reads true and {} as available without hash", () => {
    const parsed = parseSimpleJson(
      pageWith([
        { ...file, "core-metadata": { sha256: "new" }, "data-dist-info-metadata": { sha256: "old" } },
        { ...file, "core-metadata": false, "data-dist-info-metadata": { sha256: "old" } },
        { ...file, "data-dist-info-metadata": true },
        { ...file, "core-metadata": {} },
      ]),
      page("foo"),
    );
    expect(parsed.files.map((f) => f.coreMetadata)).toEqual([{ sha256: "new" }, false, true, true]);
  });

  it("refuses api-version 2.x and warns about a newer 1.x", () => {
    const error = indexErrorOf(() => parseSimpleJson(pageWith([], { "api-version": "2.0" }), page("foo")));
    expect(error.message).toBe("https://pypi.org/simple/foo/ answered with Simple API version 2.0, which this client cannot read (it reads 1.x)");
    const newer = parseSimpleJson(pageWith([], { "api-version": "1.9" }), page("foo"));
    expect(newer.warnings).toEqual(["https://pypi.org/simple/foo/ uses Simple API version 1.9, newer than 1.4; reading it as 1.4"]);
  });

  it.each([
    ["[]", "expected the body to be an object, found an array"],
    ['{"name": "foo", "files": []}', "expected `meta` to be an object, found nothing"],
    ['{"meta": {}, "name": "foo", "files": []}', "expected `meta.api-version` to be a string, found nothing"],
    ['{"meta": {"api-version": "1.0"}, "name": "foo"}', "expected `files` to be an array, found nothing"],
    ['{"meta": {"api-version": "1.0"}, "name": "foo", "files": {}}', "expected `files` to be an array, found an object"],
    ['{"meta": {"api-version": "1.0"}, "name": "foo", "files": [{"filename": 3, "url": "x"}]}', "expected `files[0].filename` to be a string, found the number 3"],
    ['{"meta": {"api-version": "1.0"}, "name": "foo", "files": [{"filename": "a-1.whl"}]}', "expected `files[0].url` to be a string, found nothing"],
    ['{"meta": {"api-version": "1.0"}, "name": "foo", "files": [{"filename": "a", "url": "a", "yanked": 1}]}', "expected `files[0].yanked` to be a boolean or a string, found the number 1"],
    ['{"meta": {"api-version": "1.0"}, "name": "foo", "files": [{"filename": "a", "url": "a", "hashes": {"sha256": null}}]}', "expected `files[0].hashes.sha256` to be a string, found null"],
    ['{"meta": {"api-version": "1.0"}, "name": "foo", "files": [], "versions": [1]}', "expected `versions[0]` to be a string, found the number 1"],
  ])("rejects %s", (text, detail) => {
    const error = indexErrorOf(() => parseSimpleJson(text, page("foo")));
    expect(error.code).toBe("invalid-response");
    expect(error.message).toBe(`https://pypi.org/simple/foo/ answered with an unexpected Simple API page: ${detail}`);
  });

  it("throws only IndexError for arbitrary JSON and arbitrary text", () => {
    const anyText = fc.oneof(
      fc.json(),
      fc.string(),
      fc.jsonValue().map((files) => JSON.stringify({ meta: { "api-version": "1.0" }, name: "x", files })),
      fc.array(fc.dictionary(fc.constantFrom("filename", "url", "hashes", "yanked", "core-metadata", "size", "requires-python"), fc.jsonValue())).map(
        (files) => JSON.stringify({ meta: { "api-version": "1.1" }, name: "x", files }),
      ),
    );
    fc.assert(
      fc.property(anyText, (text) => {
        try {
          parseSimpleJson(text, page("x"));
        } catch (error) {
          expect(error).toBeInstanceOf(IndexError);
        }
      }),
      { numRuns: 500 },
    );
  });
});
