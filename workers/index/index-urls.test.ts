// Tests for index URL handling: --index-url normalisation, JSON API root, .metadata URLs, hash fragments.
import { describe, expect, it } from "vitest";
import { IndexError } from "./index-error";
import { coreMetadataUrl, jsonApiRoot, normalizeIndexUrl, projectPageUrl, releaseJsonUrl, resolveFileUrl, urlFilename } from "./index-urls";

describe("index URLs", () => {
  it("normalises an --index-url to one trailing slash, dropping query and fragment", () => {
    expect(normalizeIndexUrl("https://pypi.org/simple")).toBe("https://pypi.org/simple/");
    expect(normalizeIndexUrl(" https://pypi.org/simple/ ")).toBe("https://pypi.org/simple/");
    expect(normalizeIndexUrl("http://127.0.0.1:8080/snapshot-2020/simple?x=1#y")).toBe("http://127.0.0.1:8080/snapshot-2020/simple/");
  });

  it("rejects what is not an absolute http(s) URL, naming it", () => {
    expect(() => normalizeIndexUrl("pypi.org/simple")).toThrow(IndexError);
    expect(() => normalizeIndexUrl("pypi.org/simple")).toThrow('the index URL "pypi.org/simple" is not an absolute URL (expected e.g. https://pypi.org/simple)');
    expect(() => normalizeIndexUrl("file:///srv/simple")).toThrow('the index URL "file:///srv/simple" is not an http(s) URL');
  });

  it("derives the project page, the JSON API root and release URLs", () => {
    const root = normalizeIndexUrl("https://pypi.org/simple");
    expect(projectPageUrl(root, "zope-interface")).toBe("https://pypi.org/simple/zope-interface/");
    expect(jsonApiRoot(root)).toBe("https://pypi.org/pypi/");
    expect(jsonApiRoot("http://127.0.0.1:9/snapshot-2020/simple/")).toBe("http://127.0.0.1:9/snapshot-2020/pypi/");
    expect(jsonApiRoot("https://example.org/repository/pypi-proxy/")).toBeNull();
    expect(releaseJsonUrl("https://pypi.org/pypi/", "requests", "2.18.4")).toBe("https://pypi.org/pypi/requests/2.18.4/json");
    expect(releaseJsonUrl("https://pypi.org/pypi/", "foo", "1.0+local")).toBe("https://pypi.org/pypi/foo/1.0%2Blocal/json");
  });

  it("appends .metadata to the file URL without its fragment (PEP 658)", () => {
    expect(coreMetadataUrl("https://files.example/p/foo-1.0-py3-none-any.whl#sha256=ab")).toBe("https://files.example/p/foo-1.0-py3-none-any.whl.metadata");
  });

  it("resolves links and pulls hashes out of fragments", () => {
    expect(resolveFileUrl("../../packages/foo-1.0.tar.gz#sha256=ABC&egg=foo", "https://example.org/simple/foo/")).toEqual({
      url: "https://example.org/packages/foo-1.0.tar.gz",
      fragmentHashes: { sha256: "abc" },
    });
    expect(resolveFileUrl("http://[bad", "https://example.org/")).toBeNull();
    // No fragment, or an empty one: the URL without "#", no hashes.
    expect(resolveFileUrl("foo-1.0.tar.gz", "https://example.org/simple/foo/")).toEqual({ url: "https://example.org/simple/foo/foo-1.0.tar.gz", fragmentHashes: {} });
    expect(resolveFileUrl("foo-1.0.tar.gz#", "https://example.org/simple/foo/")).toEqual({ url: "https://example.org/simple/foo/foo-1.0.tar.gz", fragmentHashes: {} });
    // Only http(s) links are files: never fetched, never shown as links.
    expect(resolveFileUrl("javascript:alert(1)", "https://example.org/simple/foo/")).toBeNull();
    expect(resolveFileUrl("data:text/html,<script>alert(1)</script>", "https://example.org/simple/foo/")).toBeNull();
    expect(resolveFileUrl("file:///etc/passwd", "https://example.org/simple/foo/")).toBeNull();
    expect(urlFilename("https://example.org/a/foo%2Bbar-1.0.tar.gz")).toBe("foo+bar-1.0.tar.gz");
    expect(urlFilename("https://example.org/a/")).toBeNull();
  });
});
