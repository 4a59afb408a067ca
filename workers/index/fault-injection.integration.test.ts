// Integration: with 10% of index answers failing (500/503/429) and 5% garbage, ten real requirement sets resolve to the
// same pins as over a clean index. The faults are seeded (FAULT_SEED, printed); retries are what makes them agree.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFixtureIndex } from "../../scripts/fixture-index/server";
import type { FixtureIndex } from "../../scripts/fixture-index/server";
import type { Resolution } from "../api";
import { resolveRequest } from "../resolve/resolve";
import { pins, request } from "../resolve/test-support/fixture-resolve";
import { createIndexClient } from "./index-client";

const SEED = process.env.FAULT_SEED ?? "tangle-faults-1";
const TARGET = { implementation: "cpython", pythonVersion: "3.8.10", os: "linux", arch: "x86_64" } as const;

/** Ten requirement sets from workers/resolve/golden/pip-agreement.json, each over its recorded snapshot's index. */
const SETS: { prefix: string; requirements: string[] }[] = [
  { prefix: "chalice", requirements: ["chalice"] },
  { prefix: "chalice", requirements: ["chalice", "pytest", "tox", "pytest-xdist"] },
  { prefix: "dask", requirements: ["s3fs"] },
  { prefix: "pandas", requirements: ["pandas", "pandas[test]"] },
  { prefix: "pandas", requirements: ["oslo.config"] },
  { prefix: "pyrax", requirements: ["keystoneauth1"] },
  { prefix: "virtualenv-six", requirements: ["virtualenv[testing]"] },
  { prefix: "virtualenv-six", requirements: ["tox", "virtualenv<16"] },
  { prefix: "virtualenv-six", requirements: ["requests[socks]"] },
  { prefix: "cheroot", requirements: ["coverage==5.3", "pytest-mock>=1.11.0", "pytest-sugar>=0.9.3", "pytest-testmon<1.0.0", "pytest-cov"] },
];

let clean: FixtureIndex;
let faulty: FixtureIndex;
beforeAll(async () => {
  console.log(`fault injection: 10% failures, 5% garbage, seed ${JSON.stringify(SEED)} (set FAULT_SEED to change it)`);
  clean = await startFixtureIndex({ port: 0 });
  // Retry-After 0: the 429s and 503s are answered at once, so the test waits only for backoffs.
  faulty = await startFixtureIndex({ port: 0, failRate: 0.1, garbageRate: 0.05, seed: SEED, retryAfterSeconds: 0 });
});
afterAll(async () => {
  await clean.close();
  await faulty.close();
});

async function resolveOn(index: FixtureIndex, prefix: string, requirements: string[]): Promise<{ resolution: Resolution; retries: number }> {
  const indexUrl = `${index.url}/${prefix}/simple`;
  // Short backoffs keep the test quick; the retry count is the product's default.
  const client = createIndexClient({ indexUrl, noCache: true, backoffBaseMs: 5 });
  const resolution = await resolveRequest({ ...request(requirements, { target: TARGET }), indexUrl }, { source: client, now: () => 0 });
  return { resolution, retries: client.stats().retries };
}

describe("an index that fails 10% of the time and sends garbage 5% of the time", () => {
  it.each(SETS)("$prefix: $requirements resolves to the pins of a clean run", async ({ prefix, requirements }) => {
    const expected = await resolveOn(clean, prefix, requirements);
    expect(expected.resolution.status).toBe("resolved");
    faulty.resetStats();
    const got = await resolveOn(faulty, prefix, requirements);
    const faults = faulty.stats().faults;
    console.log(`${prefix} ${requirements.join(" ")}: ${got.retries} retries after faults ${JSON.stringify(faults)} (seed ${JSON.stringify(SEED)})`);
    expect(pins(got.resolution)).toEqual(pins(expected.resolution));
    // The faults happened, and were retried.
    expect(got.retries).toBeGreaterThan(0);
  }, 120_000);
});
