// Tests for grouping a page's files by version (and pip's skips) on recorded pages, and for file-name versions.
import { describe, expect, it } from "vitest";
import { fileVersion } from "./file-version";
import type { DistributionFile, SimplePage } from "./index-types";
import { buildProjectListing, findRelease } from "./project-listing";
import { readSample } from "./test-support/read-sample";
import { parseSimpleHtml } from "./simple-html";
import { parseSimpleJson } from "./simple-json";

const INDEX = "https://pypi.org/simple/";

function listingOf(sample: string, name: string) {
  const pageUrl = `${INDEX}${name}/`;
  const text = readSample(sample);
  const page = sample.endsWith(".json") ? parseSimpleJson(text, pageUrl) : parseSimpleHtml(text, pageUrl);
  return buildProjectListing(page, { name, indexUrl: INDEX, pageUrl, fetchedAt: 1234 });
}

function file(filename: string, kind: DistributionFile["kind"]): DistributionFile {
  return { filename, url: `https://files.example/${filename}`, hashes: {}, requiresPython: null, yanked: false, uploadTime: null, size: null, coreMetadata: false, kind };
}

describe("buildProjectListing on recorded pages", () => {
  it("groups toga's wheels and sdists by version, keeping the index's spelling (0.3.0dev1 = 0.3.0.dev1)", () => {
    const listing = listingOf("simple-json/toga.json", "toga");
    expect(listing.versions).toEqual(["0.3.0", "0.3.0dev1", "0.3.0dev2", "0.4.0"]);
    expect(listing.releases.map((r) => [r.version, r.listedAs, r.files.map((f) => f.filename)])).toEqual([
      ["0.3.0", "0.3.0", ["toga-0.3.0-py3-none-any.whl", "toga-0.3.0.tar.gz"]],
      ["0.3.0.dev1", "0.3.0dev1", ["toga-0.3.0.dev1-py3-none-any.whl", "toga-0.3.0.dev1.tar.gz"]],
      ["0.3.0.dev2", "0.3.0dev2", ["toga-0.3.0.dev2-py3-none-any.whl", "toga-0.3.0.dev2.tar.gz"]],
      ["0.4.0", "0.4.0", ["toga-0.4.0-py3-none-any.whl", "toga-0.4.0.tar.gz"]],
    ]);
    expect(listing).toMatchObject({ name: "toga", indexUrl: INDEX, pageUrl: `${INDEX}toga/`, format: "json", fetchedAt: 1234, warnings: [] });
  });

  it("puts PyYAML-3.13 files in the release listed as 3.13.0 (PEP 440 equality)", () => {
    const listing = listingOf("simple-json/pyyaml.json", "pyyaml");
    expect(listing.releases).toHaveLength(1);
    expect(listing.releases[0].listedAs).toBe("3.13.0");
    expect(listing.releases[0].files).toHaveLength(11);
    expect(findRelease(listing, "3.13")).toBe(listing.releases[0]);
    expect(findRelease(listing, "3.13.0.0")).toBe(listing.releases[0]);
    expect(findRelease(listing, "3.14")).toBeUndefined();
  });

  it("skips an invalid version once, with a warning, as pip does (invalid-version, listed as poetry)", () => {
    const listing = listingOf("simple-json/invalid-version.json", "poetry");
    expect(listing.versions).toEqual(["0.1.0"]);
    expect(listing.releases.map((r) => r.files.length)).toEqual([1]);
    expect(listing.warnings).toEqual(['skipped version "21.07.28.5ffb65e2ff8067c732e2b178d03b707c7fb27855" of poetry: not a valid PEP 440 version']);
  });

  it("warns when the page names another project, and skips other projects' files", () => {
    const listing = listingOf("simple-json/relative.json", "relative");
    expect(listing.releases.every((r) => r.files.length === 0)).toBe(true);
    expect(listing.warnings[0]).toBe('https://pypi.org/simple/relative/ calls the project "poetry", not "relative"');
    expect(listing.warnings[1]).toBe("skipped poetry-0.1.0-py3-none-any.whl: it belongs to poetry, not relative");
  });

  it("skips links to another project's files on an HTML page (pytest-with-extra-packages)", () => {
    const listing = listingOf("simple-html/pytest-with-extra-packages.html", "pytest");
    expect(listing.files.map((f) => f.filename)).toEqual(["pytest-3.5.0-py2.py3-none-any.whl", "pytest-3.5.0.tar.gz"]);
    expect(listing.warnings.filter((w) => w.includes("belongs to futures"))).toHaveLength(3);
    expect(listing.versions).toEqual(["3.5.0"]);
  });

  it("keeps eggs in files but in no release; a bdist_dumb archive has no valid version (hbmqtt)", () => {
    const listing = listingOf("simple-json/hbmqtt.json", "hbmqtt");
    expect(listing.files.map((f) => f.filename)).toEqual(["hbmqtt-0.9.6-py3.8.egg", "hbmqtt-0.9.6.tar.gz"]);
    expect(listing.releases[0].files.map((f) => f.filename)).toEqual(["hbmqtt-0.9.6.tar.gz"]);
    expect(listing.warnings[0]).toContain('skipped version "0.9.6.linux-x86_64" of hbmqtt');
  });

  it("derives versions from files on HTML pages, in order of appearance, sdists of every extension included", () => {
    expect(listingOf("simple-html/pyyaml.html", "pyyaml").versions).toEqual(["3.13", "4.2b2"]);
    const relative = listingOf("simple-html/relative.html", "poetry");
    expect(relative.releases.map((r) => [r.version, r.files.length])).toEqual([
      ["0.1.0", 2],
      ["0.1.1", 1],
    ]);
    expect(relative.format).toBe("html");
  });

  it("keeps versions listed without files as empty releases", () => {
    const page: SimplePage = { format: "json", name: "foo", apiVersion: "1.1", files: [file("foo-1.0.tar.gz", "sdist")], versions: ["0.9", "1.0"], warnings: [] };
    const listing = buildProjectListing(page, { name: "foo", indexUrl: INDEX, pageUrl: `${INDEX}foo/`, fetchedAt: 0 });
    expect(listing.releases.map((r) => [r.version, r.files.length])).toEqual([
      ["0.9", 0],
      ["1.0", 1],
    ]);
  });
});

describe("fileVersion", () => {
  it.each([
    ["discord.py-2.0.0-py3-none-any.whl", "wheel", "discord-py", "2.0.0"],
    ["discord.py-2.0.0.tar.gz", "sdist", "discord-py", "2.0.0"],
    ["python-language-server-0.21.2.tar.gz", "sdist", "python-language-server", "0.21.2"],
    ["poetry_test_py2_py3_metadata_merge-0.1.0-py2-none-any.whl", "wheel", "poetry-test-py2-py3-metadata-merge", "0.1.0"],
    ["Twisted-18.9.0.tar.bz2", "sdist", "twisted", "18.9.0"],
    ["foo-bar-1.0.zip", "sdist", "foo-bar", "1.0"],
    ["foo-1.0-1-py3-none-any.whl", "wheel", "foo", "1.0"],
    ["foo-1.0.post1.tgz", "sdist", "foo", "1.0.post1"],
  ] as const)("%s on %s's page is version %s", (filename, kind, project, version) => {
    const found = fileVersion(file(filename, kind), project);
    expect(found.kind).toBe("version");
    if (found.kind === "version") expect(found.version.toString()).toBe(version);
  });

  it("tells other projects' files, invalid versions and non-distributions apart", () => {
    expect(fileVersion(file("sqlalchemy-legacy-4.3.4-py2-none-any.whl", "wheel"), "sqlalchemy-legacy")).toEqual({ kind: "other-project", project: "sqlalchemy" });
    expect(fileVersion(file("foo-1.0.tar.gz", "sdist"), "foo-bar")).toEqual({ kind: "other-project", project: "foo" });
    expect(fileVersion(file("foo-bar-1.0.tar.gz", "sdist"), "foo")).toMatchObject({ kind: "invalid", text: "bar-1.0" });
    expect(fileVersion(file("foo.tar.gz", "sdist"), "foo")).toMatchObject({ kind: "invalid", text: null });
    expect(fileVersion(file("foo-1.0-py2.7.egg", "other"), "foo")).toEqual({ kind: "not-a-distribution" });
  });
});
