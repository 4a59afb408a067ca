// Tests for the JSON API parsers against recorded pypi.org release pages.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { IndexError } from "./index-error";
import { parseReleaseJson } from "./json-api";
import { listSamples, readSample } from "./test-support/read-sample";
import { indexErrorOf } from "./test-support/index-error-of";

const url = (name: string, version: string): string => `https://pypi.org/pypi/${name}/${version}/json`;


describe("parseReleaseJson on pypi.org releases", () => {
  it("reads requests 2.18.4: old-style requirement strings verbatim, '' requires_python as null", () => {
    const { info, files } = parseReleaseJson(readSample("release-json/requests/2.18.4.json"), url("requests", "2.18.4"));
    expect(info.name).toBe("requests");
    expect(info.version).toBe("2.18.4");
    expect(info.requiresDist).toEqual([
      "certifi (>=2017.4.17)",
      "chardet (>=3.0.2,<3.1.0)",
      "idna (>=2.5,<2.7)",
      "urllib3 (<1.23,>=1.21.1)",
      "cryptography (>=1.3.4); extra == 'security'",
      "idna (>=2.0.0); extra == 'security'",
      "pyOpenSSL (>=0.14); extra == 'security'",
      "PySocks (!=1.5.7,>=1.5.6); extra == 'socks'",
      'win-inet-pton; sys_platform == "win32" and (python_version == "2.7" or python_version == "2.6") and extra == \'socks\'',
    ]);
    expect(info.requiresPython).toBeNull();
    expect(info.summary).toBe("Python HTTP for Humans.");
    expect(info.license).toBe("Apache 2.0");
    expect(info.homePage).toBe("http://python-requests.org");
    expect(info.projectUrls).toEqual({ Homepage: "http://python-requests.org" });
    expect(info.yanked).toBe(false);
    expect(files[0]).toEqual({
      filename: "requests-2.18.4-py2.py3-none-any.whl",
      url: "https://files.pythonhosted.org/packages/49/df/50aa1999ab9bde74656c2919d9c0c085fd2b3775fd3eca826012bef76d8c/requests-2.18.4-py2.py3-none-any.whl",
      packagetype: "bdist_wheel",
      uploadTime: "2017-08-15T13:23:43.489631Z",
      requiresPython: null,
      yanked: false,
      hashes: { md5: "e770e65750c42f40b97b0ed738d0f859", sha256: "098be851f30be5bcb2c7537798d44314f576e53818ba9def25141ae4dce8b25d" },
      size: 88704,
    });
  });

  it("reads null requires_dist as null (not as an empty list) and yanks with reasons (isodate 0.7.0)", () => {
    const { info, files } = parseReleaseJson(readSample("release-json/isodate/0.7.0.json"), url("isodate", "0.7.0"));
    expect(info.requiresDist).toBeNull();
    expect(info.homePage).toBeNull();
    expect(info.yanked).toBe("fails for py2.7 but is not marked as py3 only.");
    expect(files.map((f) => f.yanked)).toEqual(["fails for py2.7 but is not marked as py3 only.", "fails for py2.7 but is not marked as py3 only."]);
  });

  it("parses every recorded release", () => {
    let releases = 0;
    for (const project of ["attrs", "black", "hbmqtt", "ipython", "requests", "toga", "twisted", "wheel"]) {
      for (const file of listSamples(`release-json/${project}`, ".json")) {
        const { info, files } = parseReleaseJson(readSample(`release-json/${project}/${file}`), url(project, file));
        expect(files.length).toBeGreaterThan(0);
        expect(info.name.toLowerCase().replace(/[-_.]+/g, "-")).toBe(project);
        releases += 1;
      }
    }
    expect(releases).toBeGreaterThanOrEqual(10);
  });

  it.each([
    ["{}", "expected `info` to be an object, found nothing"],
    ['{"info": {"name": "x", "version": "1"}}', "expected `urls` to be an array, found nothing"],
    ['{"info": {"name": "x"}, "urls": []}', "expected `info.version` to be a string, found nothing"],
    ['{"info": {"name": "x", "version": "1", "requires_dist": "a"}, "urls": []}', 'expected `info.requires_dist` to be an array, found the string "a"'],
    ['{"info": {"name": "x", "version": "1", "requires_dist": [null]}, "urls": []}', "expected `info.requires_dist[0]` to be a string, found null"],
    ['{"info": {"name": "x", "version": "1", "yanked": "no"}, "urls": []}', 'expected `info.yanked` to be a boolean, found the string "no"'],
    ['{"info": {"name": "x", "version": "1"}, "urls": [{"filename": "x-1.tar.gz", "url": "u"}]}', "expected `urls[0].packagetype` to be a string, found nothing"],
  ])("rejects %s", (text, detail) => {
    const error = indexErrorOf(() => parseReleaseJson(text, url("x", "1")));
    expect(error.message).toBe(`https://pypi.org/pypi/x/1/json answered with an unexpected JSON API release: ${detail}`);
  });

  it("throws only IndexError for arbitrary JSON", () => {
    const info = fc.dictionary(fc.constantFrom("name", "version", "requires_dist", "requires_python", "yanked", "yanked_reason", "project_urls", "dynamic"), fc.jsonValue());
    const text = fc.oneof(fc.json(), fc.record({ info, urls: fc.jsonValue() }).map((v) => JSON.stringify(v)));
    fc.assert(
      fc.property(text, (t) => {
        try {
          parseReleaseJson(t, url("x", "1"));
        } catch (error) {
          expect(error).toBeInstanceOf(IndexError);
        }
      }),
      { numRuns: 500 },
    );
  });
});
