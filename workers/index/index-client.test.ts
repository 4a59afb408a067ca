// Tests for the index client against a fake pypi.org serving the recorded samples: listings, metadata, indexes, caches.
import { createHash } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { createFakeFetch } from "./test-support/fake-fetch";
import type { FakeAnswer, FakeRoute } from "./test-support/fake-fetch";
import { createIndexClient } from "./index-client";
import type { IndexClientOptions } from "./index-client";
import type { ListingResult, MetadataResult, ProjectListing, ReleaseMetadata } from "./index-types";
import { createMemoryStore } from "./test-support/memory-store";
import { hasSample, listSamples, readSample } from "./test-support/read-sample";
import { createTestClock } from "./test-support/test-clock";

const PYPI = "https://pypi.org/simple";
const JSON_TYPE = { "Content-Type": "application/vnd.pypi.simple.v1+json" };
const REQUESTS_2_18_4_METADATA = "https://files.pythonhosted.org/packages/49/df/50aa1999ab9bde74656c2919d9c0c085fd2b3775fd3eca826012bef76d8c/requests-2.18.4-py2.py3-none-any.whl.metadata";
const SIX_1_11_0_METADATA = "https://files.pythonhosted.org/packages/67/4b/141a581104b1f6397bfa78ac9d43d8ad29a7ca43ea90a2d863fe3056e86a/six-1.11.0-py2.py3-none-any.whl.metadata";

/** Routes of a fake pypi.org serving the recorded samples: Simple JSON pages, JSON API releases, .metadata files. */
function pypiRoutes(): Record<string, FakeRoute> {
  const routes: Record<string, FakeRoute> = {};
  for (const file of listSamples("simple-json", ".json")) {
    const name = file.replace(/\.json$/, "");
    const text = readSample(`simple-json/${file}`);
    routes[`https://pypi.org/simple/${name}/`] = { body: text, headers: JSON_TYPE };
    const page = JSON.parse(text) as { files: { filename: string; url: string }[] };
    for (const f of page.files) {
      if (hasSample(`core-metadata/${f.filename}.metadata`)) routes[`${f.url}.metadata`] = { body: readSample(`core-metadata/${f.filename}.metadata`) };
    }
    if (!hasSample(`release-json/${name}`)) continue;
    for (const release of listSamples(`release-json/${name}`, ".json")) {
      routes[`https://pypi.org/pypi/${name}/${release.replace(/\.json$/, "")}/json`] = { body: readSample(`release-json/${name}/${release}`), headers: { "Content-Type": "application/json" } };
    }
  }
  return routes;
}

/** A Simple JSON page for `name` on any index. */
function simplePage(name: string, files: { filename: string; url?: string; "core-metadata"?: unknown; yanked?: unknown }[], versions?: string[]): FakeAnswer {
  const body = JSON.stringify({ meta: { "api-version": "1.1" }, name, files: files.map((f) => ({ url: f.filename, hashes: {}, ...f })), versions: versions ?? [] });
  return { body, headers: JSON_TYPE };
}

/** A JSON API answer `/pypi/<name>/<version>/json` for `name` `version` with the given `requires_dist` and files. */
function releaseJson(name: string, version: string, requiresDist: string[] | null, files: { filename: string; packagetype: string; uploadTime: string }[]): FakeAnswer {
  const urls = files.map((f) => ({ filename: f.filename, url: `https://files.example/${f.filename}`, packagetype: f.packagetype, upload_time_iso_8601: f.uploadTime, digests: {} }));
  const body = JSON.stringify({ info: { name, version, requires_dist: requiresDist, dynamic: null, summary: null }, urls });
  return { body, headers: { "Content-Type": "application/json" } };
}

/** Replaces the recorded page of `name` in `routes` by the same page advertising core metadata (PEP 658) for no file. */
function withoutCoreMetadata(routes: Record<string, FakeRoute>, name: string): void {
  const page = JSON.parse(readSample(`simple-json/${name}.json`)) as { files: Record<string, unknown>[] };
  for (const f of page.files) f["core-metadata"] = f["data-dist-info-metadata"] = false;
  routes[`https://pypi.org/simple/${name}/`] = { body: JSON.stringify(page), headers: JSON_TYPE };
}

function setup(options: Partial<IndexClientOptions> = {}, routes: Record<string, FakeRoute> = pypiRoutes()) {
  const fake = createFakeFetch(routes);
  const clock = createTestClock();
  const client = createIndexClient({ indexUrl: PYPI, fetch: fake.fetch, clock, random: () => 0.5, timeoutMs: 10_000_000, requestBudgetMs: 100_000_000, ...options });
  const urls = (): string[] => fake.calls.map((c) => c.url);
  return { fake, clock, client, urls };
}

function found(result: ListingResult): ProjectListing {
  if (result.kind !== "found") throw new Error(`expected a listing, got ${JSON.stringify(result)}`);
  return result.listing;
}

function known(result: MetadataResult): ReleaseMetadata {
  if (result.kind !== "known") throw new Error(`expected metadata, got ${JSON.stringify(result)}`);
  return result;
}

describe("index client: listings", () => {
  it("fetches a Simple JSON page under the canonical name, with the Simple API Accept header", async () => {
    const { client, fake } = setup();
    const listing = found(await client.getListing("Requests"));
    expect(listing.name).toBe("requests");
    expect(listing.indexUrl).toBe("https://pypi.org/simple/");
    expect(listing.pageUrl).toBe("https://pypi.org/simple/requests/");
    expect(listing.versions).toEqual(["2.18.0", "2.18.1", "2.18.2", "2.18.3", "2.18.4", "2.19.0"]);
    expect(fake.calls).toEqual([{ url: "https://pypi.org/simple/requests/", accept: "application/vnd.pypi.simple.v1+json, text/html;q=0.1", headerNames: ["accept"], n: 0 }]);
    expect(client.stats()).toMatchObject({ requests: 1, listingsFetched: 1, cacheHits: 0, inFlight: 0, queued: 0 });
    expect(client.stats().bytes).toBe(readSample("simple-json/requests.json").length);
  });

  it("answers an unknown project with a not-found result naming the indexes consulted", async () => {
    const { client, urls } = setup({ extraIndexUrls: ["https://mirror.example/simple/"] });
    expect(await client.getListing("no-such-project")).toEqual({
      kind: "not-found",
      name: "no-such-project",
      indexUrls: ["https://pypi.org/simple/", "https://mirror.example/simple/"],
    });
    expect(urls()).toEqual(["https://pypi.org/simple/no-such-project/", "https://mirror.example/simple/no-such-project/"]);
  });

  it("refuses names that are not PEP 508 project names with a typed error, before any request", async () => {
    const { client, fake } = setup();
    for (const name of ["../../admin", "", "foo/bar", "-foo", "foo?x=1", "a b"]) {
      const result = await client.getListing(name);
      expect(result.kind, name).toBe("error");
      if (result.kind !== "error") continue;
      expect(result.error.code).toBe("invalid-project-name");
      expect(result.error.message).toBe(
        `${JSON.stringify(name.trim())} is not a valid project name (PEP 508: letters, digits, and ".", "_" or "-" between them); nothing was requested for it`,
      );
    }
    expect(fake.calls).toHaveLength(0);
  });

  it("reads an HTML answer and resolves relative links against the page", async () => {
    const { client } = setup({ indexUrl: "https://legacy.example/simple" }, {
      "https://legacy.example/simple/poetry/": { body: readSample("simple-html/relative.html"), headers: { "Content-Type": "text/html; charset=utf-8" } },
    });
    const listing = found(await client.getListing("poetry"));
    expect(listing.format).toBe("html");
    expect(listing.files.map((f) => f.url)).toEqual([
      "https://legacy.example/simple/poetry/poetry-0.1.0-py3-none-any.whl",
      "https://legacy.example/simple/poetry/poetry-0.1.0.tar.gz",
      "https://legacy.example/simple/poetry/poetry-0.1.1.tar.bz2",
    ]);
  });

  it("skips invalid versions with warnings on the listing", async () => {
    const { client } = setup({}, { "https://pypi.org/simple/poetry/": { body: readSample("simple-json/invalid-version.json"), headers: JSON_TYPE } });
    const listing = found(await client.getListing("poetry"));
    expect(listing.versions).toEqual(["0.1.0"]);
    expect(listing.warnings).toHaveLength(1);
  });

  it("retries garbage like a 5xx, then reports it as an error result naming the URL, never an exception", async () => {
    const body = '{"meta": {"api-version": "1.0"}, "name": "foo", "files": [';
    const { client } = setup({ retries: 1 }, { "https://pypi.org/simple/foo/": { body, headers: JSON_TYPE } });
    const result = await client.getListing("foo");
    expect(result.kind).toBe("error");
    if (result.kind !== "error") return;
    expect(result.error.code).toBe("invalid-response");
    expect(result.error.message).toBe(
      `https://pypi.org/simple/foo/ answered with text that is not JSON (Unexpected end of JSON input); it begins "{\\"meta\\": {\\"api-version\\": \\"1.0\\"}, \\"name\\": \\"foo\\", \\"files\\": [" (after 1 retry)`,
    );
    expect(client.stats()).toMatchObject({ requests: 2, retries: 1 });
    // Errors are not remembered: the next call asks again.
    await client.getListing("foo");
    expect(client.stats().requests).toBe(4);
  });

  it("a garbage answer followed by a good one is a success", async () => {
    const page = { body: readSample("simple-json/six.json"), headers: JSON_TYPE };
    const { client } = setup({}, { "https://pypi.org/simple/six/": [{ body: "<html>Bad gateway</html>", headers: JSON_TYPE }, page] });
    expect(found(await client.getListing("six")).versions).toEqual(["1.11.0"]);
    expect(client.stats()).toMatchObject({ requests: 2, retries: 1 });
  });

  it("retries a 429 (honouring Retry-After) and a 503, then succeeds", async () => {
    const page = { body: readSample("simple-json/six.json"), headers: JSON_TYPE };
    const { client, clock } = setup({}, {
      "https://pypi.org/simple/six/": [{ status: 429, headers: { "Retry-After": "3" } }, { status: 503 }, page],
    });
    expect(found(await client.getListing("six")).versions).toEqual(["1.11.0"]);
    expect(client.stats()).toMatchObject({ requests: 3, retries: 2 });
    // Retry-After: 3 s; then the default backoff, 250 ms * 2^1 jittered by random() = 0.5 to 3/4.
    expect(clock.sleeps.filter((ms) => ms !== 10_000_000 && ms !== 100_000_000)).toEqual([3000, 375]);
  });

  it("reports a timeout as an error result", async () => {
    const { client } = setup({ timeoutMs: 20_000, retries: 1 }, { "https://pypi.org/simple/slow/": { hang: true } });
    const result = await client.getListing("slow");
    expect(result.kind === "error" && result.error.code).toBe("timeout");
    expect(client.stats()).toMatchObject({ requests: 2, inFlight: 0 });
  });
});

describe("index client: multiple indexes", () => {
  const primary = "https://primary.example/simple/";
  const extra = "https://extra.example/simple/";

  it("takes a project from the first index that has it and never asks later ones (dependency confusion)", async () => {
    const { client, urls } = setup({ indexUrl: primary, extraIndexUrls: [extra] }, {
      [`${primary}internal-tool/`]: simplePage("internal-tool", [{ filename: "internal_tool-1.0-py3-none-any.whl" }]),
      [`${extra}internal-tool/`]: simplePage("internal-tool", [{ filename: "internal_tool-99.0-py3-none-any.whl" }]),
      [`${extra}public-lib/`]: simplePage("public-lib", [{ filename: "public_lib-2.0.tar.gz" }]),
    });
    const internal = found(await client.getListing("internal_tool"));
    expect(internal.indexUrl).toBe(primary);
    expect(internal.versions).toEqual(["1.0"]);
    const lib = found(await client.getListing("public-lib"));
    expect(lib.indexUrl).toBe(extra);
    expect(lib.files[0].url).toBe("https://extra.example/simple/public-lib/public_lib-2.0.tar.gz");
    expect(urls()).toEqual([`${primary}internal-tool/`, `${primary}public-lib/`, `${extra}public-lib/`]);
  });

  it("does not fall through to a later index when an earlier one fails", async () => {
    const { client, urls } = setup({ indexUrl: primary, extraIndexUrls: [extra], retries: 0 }, {
      [`${primary}lib/`]: { status: 500 },
      [`${extra}lib/`]: simplePage("lib", [{ filename: "lib-6.6.6.tar.gz" }]),
    });
    const result = await client.getListing("lib");
    expect(result.kind === "error" && result.error.message).toBe(`${primary}lib/ answered 500`);
    expect(urls()).toEqual([`${primary}lib/`]);
  });

  it("fetches metadata (core metadata and JSON API) from the index that served the listing", async () => {
    const { client, urls } = setup({ indexUrl: primary, extraIndexUrls: [extra] }, {
      [`${extra}lib/`]: simplePage("lib", [{ filename: "lib-1.0-py3-none-any.whl", "core-metadata": true }, { filename: "lib-2.0.tar.gz" }]),
      [`${extra}lib/lib-1.0-py3-none-any.whl.metadata`]: { body: "Metadata-Version: 2.1\nName: lib\nVersion: 1.0\nRequires-Dist: dep>=2\n" },
      "https://extra.example/pypi/lib/2.0/json": releaseJson("lib", "2.0", ["dep>=3"], [{ filename: "lib-2.0.tar.gz", packagetype: "sdist", uploadTime: "2020-01-01T00:00:00Z" }]),
    });
    const listing = found(await client.getListing("lib"));
    expect(known(await client.getMetadata(listing, "1.0"))).toMatchObject({ requiresDist: ["dep>=2"], source: "core-metadata" });
    expect(known(await client.getMetadata(listing, "2.0"))).toMatchObject({ requiresDist: ["dep>=3"], source: "json-api" });
    expect(urls()).toEqual([`${primary}lib/`, `${extra}lib/`, `${extra}lib/lib-1.0-py3-none-any.whl.metadata`, "https://extra.example/pypi/lib/2.0/json"]);
  });
});

describe("index client: metadata", () => {
  it("reads dependencies from the JSON API where the index has one and the listing advertises no core metadata (requests 2.18.4)", async () => {
    const routes = pypiRoutes();
    withoutCoreMetadata(routes, "requests");
    const { client, urls } = setup({}, routes);
    const listing = found(await client.getListing("requests"));
    const metadata = known(await client.getMetadata(listing, "2.18.4"));
    expect(metadata).toMatchObject({ name: "requests", version: "2.18.4", source: "json-api", sourceUrl: "https://pypi.org/pypi/requests/2.18.4/json", yanked: false, providesExtra: null });
    expect(metadata.requiresDist).toHaveLength(9);
    expect(metadata.requiresDist[0]).toBe("certifi (>=2017.4.17)");
    expect(urls()).toEqual(["https://pypi.org/simple/requests/", "https://pypi.org/pypi/requests/2.18.4/json"]);
    expect(client.stats()).toMatchObject({ requests: 2, metadataFetched: 1 });
  });

  it("answers a release whose wheel advertises core metadata with that one file and no JSON API request (requests 2.18.4)", async () => {
    const { client, fake } = setup();
    const listing = found(await client.getListing("requests"));
    const metadata = known(await client.getMetadata(listing, "2.18.4"));
    const metadataUrl = REQUESTS_2_18_4_METADATA;
    expect(metadata).toMatchObject({ name: "requests", version: "2.18.4", source: "core-metadata", sourceUrl: metadataUrl, yanked: false, providesExtra: ["security", "socks", "socks"] });
    expect(metadata.requiresDist).toHaveLength(9);
    expect(metadata.requiresDist[0]).toBe("certifi (>=2017.4.17)");
    expect(fake.calls.slice(1)).toEqual([{ url: metadataUrl, accept: null, headerNames: [], n: 0 }]);
    expect(client.stats()).toMatchObject({ requests: 2, metadataFetched: 1 });
  });

  it("takes a wheel's core metadata over the JSON API's null without asking the JSON API (funcsigs 1.0.2: null there, 1 dependency in the wheel)", async () => {
    const { client, urls } = setup();
    const listing = found(await client.getListing("funcsigs"));
    const metadata = known(await client.getMetadata(listing, "1.0.2"));
    expect(metadata.source).toBe("core-metadata");
    expect(metadata.requiresDist).toEqual(["ordereddict; python_version<\"2.7\""]);
    expect(urls().slice(1)).toEqual([
      "https://files.pythonhosted.org/packages/69/cb/f5be453359271714c01b9bd06126eaf2e368f1fddfff30818754b5ac2328/funcsigs-1.0.2-py2.py3-none-any.whl.metadata",
    ]);
  });

  it("asks the JSON API first where the best file is an sdist, and confirms its null through the sdist's core metadata", async () => {
    const pkgInfo = (version: string): string => `Metadata-Version: 2.2\nName: foo\nVersion: ${version}\nRequires-Dist: bar>=1\n`;
    const sdist = (version: string) => ({ filename: `foo-${version}.tar.gz`, packagetype: "sdist", uploadTime: "2020-01-01T00:00:00Z" });
    const wheel = (version: string) => ({ filename: `foo-${version}-py3-none-any.whl`, packagetype: "bdist_wheel", uploadTime: "2019-12-31T00:00:00Z" });
    const { client, urls } = setup({}, {
      // 1.0: the JSON API lists the dependencies; 2.0 (sdist only) and 3.0 (its wheel, uploaded first, advertises no
      // core metadata) have a JSON API null that only the sdist's Metadata 2.2 core metadata settles.
      "https://pypi.org/simple/foo/": simplePage("foo", [
        { filename: "foo-1.0.tar.gz", "core-metadata": true },
        { filename: "foo-2.0.tar.gz", "core-metadata": true },
        { filename: "foo-3.0-py3-none-any.whl" },
        { filename: "foo-3.0.tar.gz", "core-metadata": true },
      ]),
      "https://pypi.org/pypi/foo/1.0/json": releaseJson("foo", "1.0", ["baz"], [sdist("1.0")]),
      "https://pypi.org/pypi/foo/2.0/json": releaseJson("foo", "2.0", null, [sdist("2.0")]),
      "https://pypi.org/pypi/foo/3.0/json": releaseJson("foo", "3.0", null, [wheel("3.0"), sdist("3.0")]),
      "https://pypi.org/simple/foo/foo-1.0.tar.gz.metadata": { body: pkgInfo("1.0") },
      "https://pypi.org/simple/foo/foo-2.0.tar.gz.metadata": { body: pkgInfo("2.0") },
      "https://pypi.org/simple/foo/foo-3.0.tar.gz.metadata": { body: pkgInfo("3.0") },
    });
    const listing = found(await client.getListing("foo"));
    expect(known(await client.getMetadata(listing, "1.0"))).toMatchObject({ requiresDist: ["baz"], source: "json-api", sourceUrl: "https://pypi.org/pypi/foo/1.0/json" });
    const two = known(await client.getMetadata(listing, "2.0"));
    expect(two).toMatchObject({ requiresDist: ["bar>=1"], source: "core-metadata", sourceUrl: "https://pypi.org/simple/foo/foo-2.0.tar.gz.metadata" });
    // Without core metadata the JSON API's null would have been read as "no dependencies" (a wheel was uploaded first).
    expect(known(await client.getMetadata(listing, "3.0"))).toMatchObject({ requiresDist: ["bar>=1"], source: "core-metadata" });
    expect(urls()).toEqual([
      "https://pypi.org/simple/foo/",
      "https://pypi.org/pypi/foo/1.0/json",
      "https://pypi.org/pypi/foo/2.0/json",
      "https://pypi.org/simple/foo/foo-2.0.tar.gz.metadata",
      "https://pypi.org/pypi/foo/3.0/json",
      "https://pypi.org/simple/foo/foo-3.0.tar.gz.metadata",
    ]);
    expect(client.stats()).toMatchObject({ requests: 6, metadataFetched: 3 });
  });

  it("a JSON API null with core metadata in no file: 'no dependencies' only when a wheel was uploaded first", async () => {
    const routes = pypiRoutes();
    withoutCoreMetadata(routes, "six");
    withoutCoreMetadata(routes, "pyyaml");
    const { client, urls } = setup({}, routes);
    const six = known(await client.getMetadata(found(await client.getListing("six")), "1.11.0"));
    expect(six).toMatchObject({ requiresDist: [], source: "json-api" });
    const pyyaml = await client.getMetadata(found(await client.getListing("pyyaml")), "3.13");
    expect(pyyaml.kind).toBe("unknown");
    expect(pyyaml.kind === "unknown" && pyyaml.reason).toBe(
      "the index lists no dependencies for PyYAML 3.13, but its metadata came from PyYAML-3.13.tar.gz (sdist, uploaded first), whose metadata does not have to list them, and no wheel metadata (PEP 658) is available to check",
    );
    // Neither release's page advertises core metadata, so the JSON API is all that is asked.
    expect(urls()).toEqual(["https://pypi.org/simple/six/", "https://pypi.org/pypi/six/1.11.0/json", "https://pypi.org/simple/pyyaml/", "https://pypi.org/pypi/pyyaml/3.13.0/json"]);
  });

  it("reports an sdist-only release without metadata as unknown dependencies (twisted 18.9.0)", async () => {
    const { client } = setup();
    const result = await client.getMetadata(found(await client.getListing("twisted")), "18.9.0");
    expect(result).toMatchObject({ kind: "unknown", name: "twisted", version: "18.9.0", yanked: false });
    expect(result.kind === "unknown" && result.reason).toContain("Twisted-18.9.0.tar.bz2 (sdist, uploaded first)");
  });

  it("detects once that an index has no JSON API and then uses PEP 658 metadata only", async () => {
    const index = "https://mirror.example/simple/";
    const routes: Record<string, FakeRoute> = {
      // 1.0 and 2.0: sdists with core metadata (the JSON API is asked first); 3.0: a wheel with core metadata.
      [`${index}foo/`]: simplePage("foo", [
        { filename: "foo-1.0.tar.gz", "core-metadata": true },
        { filename: "foo-2.0.tar.gz", "core-metadata": true },
        { filename: "foo-3.0-py3-none-any.whl", "core-metadata": true },
      ]),
      [`${index}foo/foo-1.0.tar.gz.metadata`]: { body: "Metadata-Version: 2.2\nName: foo\nVersion: 1.0\nRequires-Dist: a\n" },
      [`${index}foo/foo-2.0.tar.gz.metadata`]: { body: "Metadata-Version: 2.2\nName: foo\nVersion: 2.0\nRequires-Dist: b\n" },
      [`${index}foo/foo-3.0-py3-none-any.whl.metadata`]: { body: "Metadata-Version: 2.1\nName: foo\nVersion: 3.0\nRequires-Dist: c\n" },
    };
    const { client, urls } = setup({ indexUrl: index }, routes);
    const listing = found(await client.getListing("foo"));
    expect(known(await client.getMetadata(listing, "1.0"))).toMatchObject({ requiresDist: ["a"], source: "core-metadata" });
    expect(known(await client.getMetadata(listing, "2.0"))).toMatchObject({ requiresDist: ["b"], source: "core-metadata" });
    expect(known(await client.getMetadata(listing, "3.0"))).toMatchObject({ requiresDist: ["c"], source: "core-metadata" });
    expect(urls()).toEqual([
      `${index}foo/`,
      "https://mirror.example/pypi/foo/1.0/json",
      `${index}foo/foo-1.0.tar.gz.metadata`,
      `${index}foo/foo-2.0.tar.gz.metadata`,
      `${index}foo/foo-3.0-py3-none-any.whl.metadata`,
    ]);
  });

  it("says why dependencies are unknown when the index has neither a JSON API nor core metadata", async () => {
    const index = "https://files.example/repo/";
    const { client, urls } = setup({ indexUrl: index }, { [`${index}foo/`]: simplePage("foo", [{ filename: "foo-1.0-py3-none-any.whl" }]) });
    const result = await client.getMetadata(found(await client.getListing("foo")), "1.0");
    expect(result).toEqual({
      kind: "unknown",
      name: "foo",
      version: "1.0",
      reason: "https://files.example/repo/ has no JSON API and lists no core metadata (PEP 658) for any file of foo 1.0: only building it would tell its dependencies",
      yanked: false,
    });
    expect(urls()).toEqual([`${index}foo/`]);
  });

  it("checks core metadata against the advertised sha256", async () => {
    const index = "https://mirror.example/simple/";
    const body = "Metadata-Version: 2.1\nName: foo\nVersion: 1.0\n";
    const sha256 = createHash("sha256").update(body).digest("hex");
    const routes = (advertised: string): Record<string, FakeRoute> => ({
      [`${index}foo/`]: simplePage("foo", [{ filename: "foo-1.0-py3-none-any.whl", "core-metadata": { sha256: advertised } }]),
      [`${index}foo/foo-1.0-py3-none-any.whl.metadata`]: { body },
      "https://mirror.example/pypi/foo/1.0/json": { status: 404 },
    });
    const good = setup({ indexUrl: index }, routes(sha256)).client;
    expect(known(await good.getMetadata(found(await good.getListing("foo")), "1.0")).requiresDist).toEqual([]);
    const bad = setup({ indexUrl: index, retries: 1 }, routes("00".repeat(32)));
    const result = await bad.client.getMetadata(found(await bad.client.getListing("foo")), "1.0");
    // A hash mismatch is garbage: retried once here, then reported.
    expect(result.kind === "error" && result.error.message).toBe(
      `${index}foo/foo-1.0-py3-none-any.whl.metadata answered with a body whose sha256 is ${sha256}, not the advertised ${"00".repeat(32)} (after 1 retry)`,
    );
    // The wheel's metadata is read first and a bad one is an error, not a reason to ask the JSON API instead.
    expect(bad.urls()).toEqual([`${index}foo/`, `${index}foo/foo-1.0-py3-none-any.whl.metadata`, `${index}foo/foo-1.0-py3-none-any.whl.metadata`]);
  });

  it("rejects metadata of another release", async () => {
    const { client } = setup({}, {
      "https://pypi.org/simple/foo/": simplePage("foo", [{ filename: "foo-1.0-py3-none-any.whl" }]),
      "https://pypi.org/pypi/foo/1.0/json": { body: readSample("release-json/six/1.11.0.json") },
    });
    const result = await client.getMetadata(found(await client.getListing("foo")), "1.0");
    expect(result.kind === "error" && result.error.message).toBe("https://pypi.org/pypi/foo/1.0/json answered with metadata for six 1.11.0 where foo 1.0 was asked for");
    const wheel = setup({}, {
      "https://pypi.org/simple/foo/": simplePage("foo", [{ filename: "foo-1.0-py3-none-any.whl", "core-metadata": true }]),
      "https://pypi.org/simple/foo/foo-1.0-py3-none-any.whl.metadata": { body: readSample("core-metadata/six-1.11.0-py2.py3-none-any.whl.metadata") },
    });
    const fromWheel = await wheel.client.getMetadata(found(await wheel.client.getListing("foo")), "1.0");
    expect(fromWheel.kind === "error" && fromWheel.error.message).toBe(
      "https://pypi.org/simple/foo/foo-1.0-py3-none-any.whl.metadata answered with metadata for six 1.11.0 where foo 1.0 was asked for",
    );
  });

  it("takes the yank status from the listing (black 21.11b0), and errors for a version the listing does not have", async () => {
    const { client } = setup();
    const listing = found(await client.getListing("black"));
    expect(known(await client.getMetadata(listing, "21.11b0")).yanked).toBe("Broken regex dependency. Use 21.11b1 instead.");
    expect(known(await client.getMetadata(listing, "19.10b0")).yanked).toBe(false);
    const missing = await client.getMetadata(listing, "22.1.0");
    expect(missing.kind === "error" && missing.error.message).toBe("https://pypi.org/simple/black/ lists no version 22.1.0 of black");
  });
});

describe("index client: sharing, pooling and priorities", () => {
  it("de-duplicates identical in-flight requests", async () => {
    const { client, fake } = setup();
    const [a, b, c] = await Promise.all([client.getListing("requests"), client.getListing("REQUESTS"), client.getListing("Requests")]);
    expect(a).toBe(b);
    expect(b).toBe(c);
    const listing = found(a);
    const [m1, m2] = await Promise.all([client.getMetadata(listing, "2.18.4"), client.getMetadata(listing, "2.18.4.0")]);
    expect(m1).toEqual(m2);
    expect(fake.calls.map((call) => call.url)).toEqual(["https://pypi.org/simple/requests/", REQUESTS_2_18_4_METADATA]);
  });

  it("keeps at most `concurrency` requests on the wire", async () => {
    const names = Array.from({ length: 12 }, (_, i) => `p${i}`);
    let peak = 0;
    const fake = createFakeFetch();
    for (const name of names) {
      fake.route(`https://pypi.org/simple/${name}/`, () => {
        peak = Math.max(peak, fake.pending() + 1);
        return { ...simplePage(name, [{ filename: `${name}-1.0.tar.gz` }]), delayMs: 5 };
      });
    }
    const client = createIndexClient({ indexUrl: PYPI, fetch: fake.fetch, concurrency: 3 });
    const results = await Promise.all(names.map((n) => client.getListing(n)));
    expect(results.every((r) => r.kind === "found")).toBe(true);
    expect(peak).toBe(3);
  });

  it("lets what the solver waits for overtake speculative prefetches", async () => {
    const fake = createFakeFetch();
    for (const name of ["a", "b", "c", "d", "e"]) fake.route(`https://pypi.org/simple/${name}/`, { ...simplePage(name, []), delayMs: 5 });
    const client = createIndexClient({ indexUrl: PYPI, fetch: fake.fetch, concurrency: 1 });
    client.prefetchListing("a");
    client.prefetchListing("b");
    client.prefetchListing("c");
    client.prefetchListing("e");
    await new Promise((r) => setTimeout(r, 0));
    // Nothing speculative goes out before the solver waits on the network.
    expect(client.stats()).toMatchObject({ inFlight: 0, queued: 4 });
    expect(fake.calls).toEqual([]);
    const [d, e] = await Promise.all([client.getListing("d"), client.getListing("e")]);
    expect([d.kind, e.kind]).toEqual(["found", "found"]);
    // The prefetches "a", "b" and "c" run once the network is in use: wait for the fifth request, not for a time.
    await vi.waitFor(() => expect(fake.calls).toHaveLength(5), { timeout: 10_000 });
    // "e", queued as a prefetch, was promoted the moment it was asked for, ahead of "d", which reaches the pool a
    // moment later; the prefetches "a", "b" and "c" follow, once the network is in use anyway.
    expect(fake.calls.map((c) => c.url.split("/")[4])).toEqual(["e", "d", "a", "b", "c"]);
  });
});

describe("index client: caches", () => {
  it("answers repeated calls from memory and a new session from the store, within the listing TTL", async () => {
    const store = createMemoryStore();
    const first = setup({ store });
    const listing = found(await first.client.getListing("requests"));
    await first.client.getMetadata(listing, "2.18.4");
    expect(found(await first.client.getListing("requests"))).toBe(listing);
    expect(first.client.stats()).toMatchObject({ requests: 2, cacheHits: 1 });

    const second = setup({ store });
    const again = await second.client.getListing("requests");
    expect(again.kind === "found" && again.fromCache).toBe(true);
    expect(known(await second.client.getMetadata(found(again), "2.18.4")).requiresDist).toHaveLength(9);
    expect(second.client.stats()).toMatchObject({ requests: 0, cacheHits: 2 });
  });

  it("sends no speculative request in a session the store answers whole (a warm resolution)", async () => {
    const store = createMemoryStore();
    const first = setup({ store });
    const listing = found(await first.client.getListing("requests"));
    await first.client.getMetadata(listing, "2.18.4");

    const second = setup({ store });
    // A guess the solver will not need (a version never fetched before), then what it does need, all in the store.
    second.client.prefetchMetadata(found(await second.client.getListing("requests")), "2.18.3");
    await second.client.getMetadata(listing, "2.18.4");
    await new Promise((r) => setTimeout(r, 0));
    expect(second.urls()).toEqual([]);
    expect(second.client.stats()).toMatchObject({ requests: 0, cacheHits: 2, queued: 1 });
  });

  it("refetches listings after the TTL (injected clock) but keeps metadata forever", async () => {
    const store = createMemoryStore();
    const { client, clock, urls } = setup({ store, listingTtlMs: 60_000 });
    const listing = found(await client.getListing("requests"));
    await client.getMetadata(listing, "2.18.4");
    clock.advance(60_000);
    const fresh = found(await client.getListing("requests"));
    expect(fresh).not.toBe(listing);
    clock.advance(365 * 24 * 3600 * 1000);
    const later = setup({ store, listingTtlMs: 60_000 });
    later.clock.advance(366 * 24 * 3600 * 1000);
    await later.client.getMetadata(fresh, "2.18.4");
    expect(later.urls()).toEqual([]);
    expect(urls()).toEqual(["https://pypi.org/simple/requests/", REQUESTS_2_18_4_METADATA, "https://pypi.org/simple/requests/"]);
  });

  it("remembers a not-found answer for the TTL", async () => {
    const { client, clock, urls } = setup();
    await client.getListing("nothing-here");
    await client.getListing("nothing-here");
    expect(urls()).toHaveLength(1);
    clock.advance(10 * 60 * 1000);
    await client.getListing("nothing-here");
    expect(urls()).toHaveLength(2);
  });

  it("applies the listing's yank status to cached metadata", async () => {
    const store = createMemoryStore();
    const first = setup({ store });
    const listing = found(await first.client.getListing("black"));
    expect(known(await first.client.getMetadata(listing, "19.10b0")).yanked).toBe(false);
    const yankedNow: ProjectListing = {
      ...listing,
      releases: listing.releases.map((r) => ({ ...r, files: r.files.map((f) => ({ ...f, yanked: "security hole" })) })),
    };
    const second = setup({ store });
    expect(known(await second.client.getMetadata(yankedNow, "19.10b0")).yanked).toBe("security hole");
    expect(second.urls()).toEqual([]);
  });

  it("noCache leaves the store alone; refresh ignores it but overwrites", async () => {
    const store = createMemoryStore();
    const none = setup({ store, noCache: true });
    await none.client.getMetadata(found(await none.client.getListing("six")), "1.11.0");
    expect(store.size).toBe(0);
    const filled = setup({ store });
    await filled.client.getMetadata(found(await filled.client.getListing("six")), "1.11.0");
    expect(store.size).toBe(2);
    const refreshing = setup({ store, refresh: true });
    await refreshing.client.getMetadata(found(await refreshing.client.getListing("six")), "1.11.0");
    expect(refreshing.urls()).toEqual(["https://pypi.org/simple/six/", SIX_1_11_0_METADATA]);
    expect(store.size).toBe(2);
  });
});

describe("index client: cancellation", () => {
  // The fetches never answer ("b" even ignores the abort): only the cancel can settle these calls.
  it("settles every pending call at once with a cancelled error, queued ones included", async () => {
    const controller = new AbortController();
    const fake = createFakeFetch();
    for (const name of ["a", "b", "c"]) fake.route(`https://pypi.org/simple/${name}/`, { hang: true, ignoreAbort: name === "b" });
    const client = createIndexClient({ indexUrl: PYPI, fetch: fake.fetch, concurrency: 2, signal: controller.signal });
    const pending = ["a", "b", "c"].map((n) => client.getListing(n));
    await vi.waitFor(() => expect(fake.pending()).toBe(2));
    expect(client.stats()).toMatchObject({ inFlight: 2, queued: 1 });
    controller.abort();
    const results = await Promise.all(pending);
    expect(results.map((r) => r.kind === "error" && r.error.code)).toEqual(["cancelled", "cancelled", "cancelled"]);
    expect(fake.calls).toHaveLength(2);
    const after = await client.getListing("d");
    expect(after.kind === "error" && after.error.code).toBe("cancelled");
  });

  it("a cancelled resolution's queued requests are never sent, and the ones in flight are aborted", async () => {
    const run = new AbortController();
    const fake = createFakeFetch();
    for (const name of ["a", "b", "c", "d"]) fake.route(`https://pypi.org/simple/${name}/`, simplePage(name, [{ filename: `${name}-1.0.tar.gz` }]));
    // "c", asked for urgently, goes first (prefetches wait for it) and stays on the wire until the test lets it answer.
    let answerC = (): void => undefined;
    const cMayAnswer = new Promise<void>((resolve) => (answerC = resolve));
    const sent: string[] = [];
    const aborted: string[] = [];
    let firstC = true;
    const gated: typeof fetch = async (input, init) => {
      const url = String(input);
      sent.push(url.split("/")[4]);
      init?.signal?.addEventListener("abort", () => aborted.push(url.split("/")[4]));
      if (url.endsWith("/c/") && firstC) {
        firstC = false;
        await cMayAnswer;
      }
      return fake.fetch(input, init);
    };
    const client = createIndexClient({ indexUrl: PYPI, fetch: gated, concurrency: 1 });
    client.prefetchListing("a", run.signal);
    client.prefetchListing("b", run.signal);
    const waited = client.getListing("c", "urgent", run.signal);
    client.prefetchListing("d");
    await vi.waitFor(() => expect(client.stats()).toMatchObject({ inFlight: 1, queued: 3 }));
    run.abort();
    answerC();
    const c = await waited;
    expect(c.kind === "error" && c.error.code).toBe("cancelled");
    await vi.waitFor(() => expect(client.stats()).toMatchObject({ inFlight: 0, queued: 0 }));
    // "c" was on the wire (aborted), "d" is wanted by a caller without a signal; "a" and "b" were only the cancelled run's.
    expect(sent).toEqual(["c", "d"]);
    expect(aborted).toEqual(["c"]);
    // What was dropped or aborted is not remembered as failed: the next resolution asks for it.
    expect(found(await client.getListing("c")).name).toBe("c");
    expect(found(await client.getListing("a")).name).toBe("a");
    expect(sent).toEqual(["c", "d", "c", "a"]);
  });

  it("a request the next resolution also asks for is still sent when the first is cancelled", async () => {
    const first = new AbortController();
    const second = new AbortController();
    const fake = createFakeFetch();
    for (const name of ["a", "b"]) fake.route(`https://pypi.org/simple/${name}/`, { ...simplePage(name, [{ filename: `${name}-1.0.tar.gz` }]), delayMs: 1 });
    const client = createIndexClient({ indexUrl: PYPI, fetch: fake.fetch, concurrency: 1 });
    client.prefetchListing("a", first.signal);
    client.prefetchListing("b", first.signal);
    const b = client.getListing("b", "urgent", second.signal);
    first.abort();
    expect(found(await b).name).toBe("b");
    // "a" was the first run's alone (and not yet sent): it never is.
    expect(fake.calls.map((c) => c.url.split("/")[4])).toEqual(["b"]);
  });

  it("does not retry a failed request for a resolution cancelled meanwhile", async () => {
    const run = new AbortController();
    const { client, fake } = setup({}, {
      "https://pypi.org/simple/six/": () => {
        run.abort();
        return { status: 503 };
      },
    });
    const result = await client.getListing("six", "urgent", run.signal);
    expect(result.kind === "error" && result.error.code).toBe("cancelled");
    expect(fake.calls).toHaveLength(1);
    expect(client.stats()).toMatchObject({ retries: 0 });
  });
});
