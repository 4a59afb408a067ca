// Integration tests of the index client against the fixture index server over real HTTP on localhost.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFixtureIndex } from "../../scripts/fixture-index/server";
import type { FixtureIndex } from "../../scripts/fixture-index/server";
import { createIndexClient } from "./index-client";

describe("index client against the fixture index server (real HTTP on localhost)", () => {
  let fixture: FixtureIndex;
  beforeAll(async () => {
    fixture = await startFixtureIndex({
      port: 0,
      scenarios: {
        // lib 1.0.0's wheel advertises no core metadata and 2.0.0 is an sdist: both are read from the JSON API.
        "json-api": {
          lib: {
            "1.0.0": { dependencies: ["helper>=1"], files: [{ filename: "lib-1.0.0-py3-none-any.whl", metadata: false }] },
            "2.0.0": { dependencies: ["helper>=2"], files: ["lib-2.0.0.tar.gz"] },
          },
          helper: { "1.0.0": {}, "2.0.0": {} },
        },
      },
    });
  });
  afterAll(async () => {
    await fixture.close();
  });

  it("fetches a listing and release metadata from /snapshot-2020/simple, each release from its wheel's core metadata alone", async () => {
    fixture.resetStats();
    const client = createIndexClient({ indexUrl: `${fixture.url}/snapshot-2020/simple` });
    const result = await client.getListing("Requests");
    expect(result.kind).toBe("found");
    if (result.kind !== "found") return;
    const listing = result.listing;
    expect(listing.format).toBe("json");
    expect(listing.versions).toContain("2.22.0");
    expect(listing.releases.find((r) => r.version === "2.22.0")?.files.length).toBeGreaterThan(0);
    const metadata = await client.getMetadata(listing, "2.22.0");
    expect(metadata.kind).toBe("known");
    if (metadata.kind !== "known") return;
    expect(metadata.source).toBe("core-metadata");
    expect(metadata.sourceUrl).toBe(`${fixture.url}/snapshot-2020/files/requests-2.22.0-py3-none-any.whl.metadata`);
    expect(metadata.requiresDist).toContain("certifi (>=2017.4.17)");
    // A release without dependencies (JSON API: requires_dist null) is answered by its wheel's core metadata too.
    const six = await client.getListing("six");
    expect(six.kind).toBe("found");
    if (six.kind !== "found") return;
    const sixMetadata = await client.getMetadata(six.listing, "1.15.0");
    expect(sixMetadata).toMatchObject({ kind: "known", requiresDist: [], source: "core-metadata" });
    expect(await client.getListing("surely-not-a-project")).toMatchObject({ kind: "not-found" });
    expect(client.stats()).toMatchObject({ inFlight: 0, listingsFetched: 2, metadataFetched: 2 });
    const served = fixture.stats().byKind;
    expect(served.metadata?.requests).toBe(2);
    expect(served["json-release"]).toBeUndefined();
  });

  it("reads the JSON API where the best file advertises no core metadata (scenario json-api)", async () => {
    fixture.resetStats();
    const client = createIndexClient({ indexUrl: `${fixture.url}/scenarios/json-api/simple` });
    const result = await client.getListing("lib");
    if (result.kind !== "found") throw new Error(JSON.stringify(result));
    expect(await client.getMetadata(result.listing, "1.0.0")).toMatchObject({ kind: "known", requiresDist: ["helper>=1"], source: "json-api" });
    expect(await client.getMetadata(result.listing, "2.0.0")).toMatchObject({ kind: "known", requiresDist: ["helper>=2"], source: "json-api" });
    const served = fixture.stats().byKind;
    expect(served["json-release"]?.requests).toBe(2);
    expect(served.metadata).toBeUndefined();
  });

  it("reports the sdist-only release without metadata as unknown dependencies (scenario unknown-metadata)", async () => {
    const client = createIndexClient({ indexUrl: `${fixture.url}/scenarios/unknown-metadata/simple` });
    const result = await client.getListing("oldpkg");
    if (result.kind !== "found") throw new Error(JSON.stringify(result));
    expect(await client.getMetadata(result.listing, "0.4.0")).toMatchObject({ kind: "known", requiresDist: ["helper>=1"] });
    const unknown = await client.getMetadata(result.listing, "0.5.0");
    expect(unknown).toMatchObject({ kind: "unknown", name: "oldpkg", version: "0.5.0" });
  });

  it("rides out injected 500/503/429 faults with retries", async () => {
    const flaky = await startFixtureIndex({ port: 0, failRate: 0.3, seed: 7, retryAfterSeconds: 0 });
    try {
      const client = createIndexClient({ indexUrl: `${flaky.url}/snapshot-2020/simple`, retries: 8, backoffBaseMs: 1 });
      const names = ["requests", "six", "idna", "chardet", "certifi", "urllib3", "click", "toolz", "numpy", "pyyaml"];
      const results = await Promise.all(names.map((n) => client.getListing(n)));
      expect(results.map((r) => r.kind)).toEqual(names.map(() => "found"));
      expect(client.stats().retries).toBeGreaterThan(0);
      expect(client.stats().requests).toBe(names.length + client.stats().retries);
    } finally {
      await flaky.close();
    }
  });
});
