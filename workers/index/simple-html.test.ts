// Tests for the PEP 503 HTML parser on recorded pages, PyPI-style pages rendered from the JSON samples, and corner cases.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { decodeHtmlEntities, scanHtmlTags } from "./html-tags";
import { IndexError } from "./index-error";
import { listSamples, readSample } from "./test-support/read-sample";
import { parseSimpleHtml } from "./simple-html";
import { parseSimpleJson } from "./simple-json";
import { indexErrorOf } from "./test-support/index-error-of";

const page = (name: string): string => `https://pypi.org/simple/${name}/`;


describe("parseSimpleHtml on pypi.org pages", () => {
  it("reads hrefs, #sha256 fragments and HTML-unescaped data-requires-python (futures-partial-yank)", () => {
    const parsed = parseSimpleHtml(readSample("simple-html/futures-partial-yank.html"), page("futures"));
    expect(parsed.format).toBe("html");
    expect(parsed.name).toBeNull();
    expect(parsed.versions).toBeNull();
    expect(parsed.files).toEqual([
      {
        filename: "futures-3.2.0-py2-none-any.whl",
        url: "https://files.pythonhosted.org/packages/2d/99/b2c4e9d5a30f6471e410a146232b4118e697fa3ffc06d6a65efde84debd0/futures-3.2.0-py2-none-any.whl",
        hashes: { sha256: "41353b36198757a766cfc82dc9b60e88ecb28e543dd92473b2cc74fc7bf205af" },
        requiresPython: ">=2.6, <3",
        yanked: "",
        uploadTime: null,
        size: null,
        coreMetadata: false,
        kind: "wheel",
      },
      {
        filename: "futures-3.2.0.tar.gz",
        url: "https://files.pythonhosted.org/packages/1f/9e/7b2ff7e965fc654592269f2906ade1c7d705f1bf25b7d469fa153f7d19eb/futures-3.2.0.tar.gz",
        hashes: { sha256: "baf0d469c9e541b747986b7404cd63a5496955bd0c43a3cc068c449b09b7d4a4" },
        requiresPython: ">=2.6, <3",
        yanked: false,
        uploadTime: null,
        size: null,
        coreMetadata: false,
        kind: "sdist",
      },
    ]);
  });

  it("reads a yank reason and both escaped and raw `>` in attribute values (black)", () => {
    const parsed = parseSimpleHtml(readSample("simple-html/black.html"), page("black"));
    expect(parsed.files.map((f) => f.requiresPython)).toEqual([">=3.6", ">=3.6", ">=3.6.2", ">=3.6.2"]);
    expect(parsed.files.map((f) => f.yanked)).toEqual([false, false, "Broken regex dependency. Use 21.11b1 instead.", "Broken regex dependency. Use 21.11b1 instead."]);
  });

  it("reads data-dist-info-metadata on an anchor spanning lines (isort-metadata)", () => {
    const [file] = parseSimpleHtml(readSample("simple-html/isort-metadata.html"), page("isort")).files;
    expect(file.filename).toBe("isort-metadata-4.3.4-py3-none-any.whl");
    expect(file.coreMetadata).toEqual({ sha256: "e360bf0ed8a06390513d50dd5b7e9d635c789853a93b84163f9de4ae0647580c" });
    expect(file.hashes).toEqual({ sha256: "1153601da39a25b14ddc54955dbbacbb6b2d19135386699e2ad58517953b34af" });
  });

  it("takes the file name from the link, not the anchor text (relative: text says .tar.bz)", () => {
    const parsed = parseSimpleHtml(readSample("simple-html/relative.html"), "https://example.org/simple/poetry/");
    expect(parsed.files.map((f) => [f.filename, f.url])).toEqual([
      ["poetry-0.1.0-py3-none-any.whl", "https://example.org/simple/poetry/poetry-0.1.0-py3-none-any.whl"],
      ["poetry-0.1.0.tar.gz", "https://example.org/simple/poetry/poetry-0.1.0.tar.gz"],
      ["poetry-0.1.1.tar.bz2", "https://example.org/simple/poetry/poetry-0.1.1.tar.bz2"],
    ]);
  });

  it("keeps md5 fragments as md5 hashes (ipython)", () => {
    const parsed = parseSimpleHtml(readSample("simple-html/ipython.html"), page("ipython"));
    expect(parsed.files[0].hashes).toEqual({ md5: "2aff56d8e78341f64663bcbc81366376" });
    expect(parsed.files[2].requiresPython).toBeNull();
  });

  it("reads, from PyPI-style HTML rendered from every recorded JSON page, the same files as the JSON parser", () => {
    const escape = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
    let compared = 0;
    for (const name of listSamples("simple-json", ".json")) {
      const json = parseSimpleJson(readSample(`simple-json/${name}`), page(name));
      const anchors = json.files.map((f) => {
        const fragment = f.hashes.sha256 === undefined ? "" : `#sha256=${f.hashes.sha256}`;
        const attributes = [`href="${escape(f.url + fragment)}"`];
        if (f.requiresPython !== null) attributes.push(`data-requires-python="${escape(f.requiresPython)}"`);
        if (f.yanked !== false) attributes.push(f.yanked === "" ? "data-yanked" : `data-yanked="${escape(f.yanked)}"`);
        if (f.coreMetadata !== false) {
          const value = f.coreMetadata === true ? "true" : `sha256=${f.coreMetadata.sha256}`;
          attributes.push(`data-core-metadata="${value}" data-dist-info-metadata="${value}"`);
        }
        return `    <a ${attributes.join(" ")}>${escape(f.filename)}</a><br />`;
      });
      const text = `<!DOCTYPE html>\n<html>\n  <head>\n    <meta name="pypi:repository-version" content="1.1">\n    <title>Links for ${name}</title>\n  </head>\n  <body>\n${anchors.join("\n")}\n  </body>\n</html>\n<!--SERIAL 1-->`;
      const html = parseSimpleHtml(text, page(name));
      expect(html.files).toEqual(
        json.files.map((f) => ({
          ...f,
          hashes: f.hashes.sha256 === undefined ? {} : { sha256: f.hashes.sha256 },
          uploadTime: null,
          size: null,
          coreMetadata: f.coreMetadata === false || f.coreMetadata === true ? f.coreMetadata : { sha256: f.coreMetadata.sha256 },
        })),
      );
      compared += html.files.length;
    }
    expect(compared).toBeGreaterThanOrEqual(100);
  });

  it("parses every recorded page", () => {
    for (const name of listSamples("simple-html", ".html")) {
      const parsed = parseSimpleHtml(readSample(`simple-html/${name}`), page(name.replace(/\.html$/, "")));
      expect(parsed.files.length).toBeGreaterThan(0);
      for (const file of parsed.files) expect(file.url).toMatch(/^https:\/\/[^#]+$/);
    }
  });
});

describe("parseSimpleHtml: PEP 503/592/629/658/714 corner cases", () => {
  const wrap = (body: string, head = ""): string => `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;

  it("resolves links against <base href>", () => {
    const parsed = parseSimpleHtml(wrap('<a href="foo-1.0.tar.gz">x</a>', '<base href="https://files.example.org/dist/">'), page("foo"));
    expect(parsed.files[0].url).toBe("https://files.example.org/dist/foo-1.0.tar.gz");
  });

  it("prefers data-core-metadata over data-dist-info-metadata and reads true, a hash and false", () => {
    const parsed = parseSimpleHtml(
      wrap(
        '<a href="a-1.whl" data-core-metadata="sha256=AB12" data-dist-info-metadata="sha256=ffff">a</a>' +
          '<a href="b-1.whl" data-dist-info-metadata="true">b</a>' +
          "<a href='c-1.whl' data-core-metadata>c</a>" +
          '<a href="d-1.whl" data-core-metadata="false">d</a>' +
          '<a href="e-1.whl">e</a>',
      ),
      page("foo"),
    );
    expect(parsed.files.map((f) => f.coreMetadata)).toEqual([{ sha256: "ab12" }, true, true, false, false]);
  });

  it("reads data-yanked with and without a reason, entity-decoded", () => {
    const parsed = parseSimpleHtml(wrap('<a href="a-1.whl" data-yanked="">a</a><a href="b-1.whl" data-yanked="broke &lt;3.8 &amp; more">b</a>'), page("foo"));
    expect(parsed.files.map((f) => f.yanked)).toEqual(["", "broke <3.8 & more"]);
  });

  it("ignores anchors in comments and scripts, and anchors without href", () => {
    const parsed = parseSimpleHtml(wrap('<!-- <a href="x-1.whl">x</a> --><script>"<a href=\'y-1.whl\'>"</script><a name="top">top</a><A HREF=z-1.whl>z</A>'), page("foo"));
    expect(parsed.files.map((f) => f.filename)).toEqual(["z-1.whl"]);
  });

  it("decodes percent-escapes in file names", () => {
    const parsed = parseSimpleHtml(wrap('<a href="/files/foo-1.0%2Blocal.tar.gz#sha256=ABCDEF">x</a>'), page("foo"));
    expect(parsed.files[0]).toMatchObject({ filename: "foo-1.0+local.tar.gz", url: "https://pypi.org/files/foo-1.0%2Blocal.tar.gz", hashes: { sha256: "abcdef" } });
  });

  it("checks pypi:repository-version (PEP 629)", () => {
    const meta = (v: string): string => `<meta name="pypi:repository-version" content="${v}">`;
    expect(parseSimpleHtml(wrap("", meta("1.0")), page("foo")).apiVersion).toBe("1.0");
    expect(indexErrorOf(() => parseSimpleHtml(wrap("", meta("2.0")), page("foo"))).message).toContain("Simple API version 2.0, which this client cannot read");
  });

  it.each([
    ["", "an empty body where a Simple API HTML page was expected"],
    ["   \n", "an empty body where a Simple API HTML page was expected"],
    ["Service unavailable", "text that is not an HTML page (no tags at all)"],
    ['<html><a href="foo-1.0.tar.gz', "broken HTML: the text ends inside a quoted href value of a <a> tag (the tag starts at byte 6)"],
    ["<html><a href=x", "broken HTML: the text ends inside a <a> tag (the tag starts at byte 6)"],
    ["<html><!-- never closed", "broken HTML: the text ends inside a comment (the tag starts at byte 6)"],
  ])("rejects %j", (text, detail) => {
    const error = indexErrorOf(() => parseSimpleHtml(text, page("foo")));
    expect(error.message).toBe(`https://pypi.org/simple/foo/ answered with ${detail}`);
  });

  it("throws only IndexError for arbitrary text", () => {
    const pieces = fc.constantFrom("<a ", "href=", '"', "'", ">", "</a>", "<!--", "-->", "data-yanked", "&gt;", "#sha256=00", "foo-1.0.tar.gz", " ", "<base href=", "<", "http://[", "%zz");
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(pieces).map((p) => p.join(""))), (text) => {
        try {
          parseSimpleHtml(text, page("foo"));
        } catch (error) {
          expect(error).toBeInstanceOf(IndexError);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe("html tag scanning", () => {
  it("decodes named, decimal and hex references, and legacy ones without `;` only before a non-name character", () => {
    expect(decodeHtmlEntities("&gt;=3.6, &lt;4 &amp; &#62; &#x3E; &quot;&apos;")).toBe(">=3.6, <4 & > > \"'");
    expect(decodeHtmlEntities("&gt 3, &lt")).toBe("> 3, <");
    expect(decodeHtmlEntities("&gt=3 &ampx &unknown;")).toBe("&gt=3 &ampx &unknown;");
  });

  it("keeps the first of repeated attributes and lower-cases names", () => {
    const [tag] = scanHtmlTags('<A HREF="one" href="two" Data-Yanked>');
    expect(tag.name).toBe("a");
    expect([...tag.attributes]).toEqual([
      ["href", "one"],
      ["data-yanked", null],
    ]);
  });
});
