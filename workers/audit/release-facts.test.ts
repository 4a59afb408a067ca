import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { createFakeFetch } from "../index/test-support/fake-fetch";
import { IndexError } from "../index/index-error";
import { createMemoryStore } from "../index/test-support/memory-store";
import { createTestClock } from "../index/test-support/test-clock";
import { auditPackages, VULNERABILITY_DATA_UNAVAILABLE } from "./audit-packages";
import { createReleaseFactsClient, DEFAULT_FACTS_TTL_MS } from "./release-facts";
import { resolvedPackage } from "../../test-support/resolved-package";

const ROOT = "https://pypi.example/simple/";
const URL_REQUESTS = "https://pypi.example/pypi/requests/2.18.0/json";
/** A verbatim pypi.org response (workers/index/samples), with the vulnerabilities list we want to see read. */
const sample = JSON.parse(readFileSync(new URL("../index/samples/release-json/requests/2.18.0.json", import.meta.url), "utf8")) as Record<string, unknown>;

function withVulnerabilities(vulnerabilities: unknown): string {
  return JSON.stringify({ ...sample, vulnerabilities });
}

const ADVISORY = {
  aliases: ["CVE-2018-18074", "GHSA-x84v-xcm2-53pg"],
  details: "The Requests package ... sends an HTTP Authorization header to an http URI upon receiving a same-hostname https-to-http redirect.",
  fixed_in: ["2.20.0"],
  id: "PYSEC-2018-28",
  link: "https://osv.dev/vulnerability/PYSEC-2018-28",
  source: "osv",
  summary: null,
  withdrawn: null,
};

describe("release facts from the JSON API", () => {
  it("reads vulnerabilities, drops withdrawn ones, and reads the licence fields", async () => {
    const fake = createFakeFetch({ [URL_REQUESTS]: { body: withVulnerabilities([ADVISORY, { ...ADVISORY, id: "PYSEC-OLD", withdrawn: "2022-01-01T00:00:00Z" }]) } });
    const facts = await createReleaseFactsClient({ fetch: fake.fetch }).facts(ROOT, "requests", "2.18.0");
    if (facts instanceof IndexError) throw facts;
    expect(facts.vulnerabilities).toEqual([
      { id: "PYSEC-2018-28", aliases: ADVISORY.aliases, summary: null, details: ADVISORY.details, fixedIn: ["2.20.0"], link: ADVISORY.link },
    ]);
    expect(facts.licence).toEqual({ expression: null, classifiers: expect.arrayContaining(["License :: OSI Approved :: Apache Software License"]), text: "Apache 2.0" });
  });

  it("says 'not available' when the index has no vulnerabilities field or no JSON API, never 'none'", async () => {
    const noField = JSON.stringify({ ...sample, vulnerabilities: undefined });
    const fake = createFakeFetch({ [URL_REQUESTS]: { body: noField } });
    const client = createReleaseFactsClient({ fetch: fake.fetch });
    const pkg = { ...resolvedPackage("requests", "2.18.0"), index: ROOT };
    const report = await auditPackages([pkg, { ...resolvedPackage("six", "1.0"), index: ROOT }], { facts: client, fallbackLicence: async () => "MIT" });
    expect(report.packages.map((p) => p.vulnerabilities)).toEqual([null, null]);
    expect(report.unavailableCount).toBe(2);
    expect(report.vulnerableCount).toBe(0);
    // six's JSON page is a 404 (no JSON API): its licence comes from the core metadata's free text.
    expect(report.packages[1].licence).toEqual({ kind: "text", text: "MIT", label: "MIT", permissive: false });
    expect(VULNERABILITY_DATA_UNAVAILABLE).toBe("vulnerability data not available from this index");
  });

  it("caches facts in the store for an hour, then asks again", async () => {
    const fake = createFakeFetch({ [URL_REQUESTS]: { body: withVulnerabilities([ADVISORY]) } });
    const store = createMemoryStore();
    const clock = createTestClock();
    await createReleaseFactsClient({ fetch: fake.fetch, store, clock }).facts(ROOT, "requests", "2.18.0");
    await createReleaseFactsClient({ fetch: fake.fetch, store, clock }).facts(ROOT, "requests", "2.18.0");
    expect(fake.calls).toHaveLength(1);
    clock.advance(DEFAULT_FACTS_TTL_MS + 1);
    await createReleaseFactsClient({ fetch: fake.fetch, store, clock }).facts(ROOT, "requests", "2.18.0");
    expect(fake.calls).toHaveLength(2);
  });

  it("takes the index URL as pip does (no trailing slash needed) and answers a bad one with an IndexError", async () => {
    const fake = createFakeFetch({ [URL_REQUESTS]: { body: withVulnerabilities([ADVISORY]) } });
    const client = createReleaseFactsClient({ fetch: fake.fetch });
    const facts = await client.facts("https://pypi.example/simple", "requests", "2.18.0");
    expect(facts instanceof IndexError ? facts.message : facts.vulnerabilities?.map((v) => v.id)).toEqual(["PYSEC-2018-28"]);
    expect(await client.facts("not a url", "requests", "2.18.0")).toBeInstanceOf(IndexError);
  });

  it("returns a garbage answer as an IndexError naming the URL and field", async () => {
    const fake = createFakeFetch({ [URL_REQUESTS]: { body: withVulnerabilities([{ id: 7 }]) } });
    const facts = await createReleaseFactsClient({ fetch: fake.fetch }).facts(ROOT, "requests", "2.18.0");
    expect(facts).toBeInstanceOf(IndexError);
    expect((facts as IndexError).message).toContain("vulnerabilities[0].id");
  });
});
