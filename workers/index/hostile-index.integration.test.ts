// Integration: the index client against a hostile index (scripts/hostile-index): every attack ends in a clear message
// with bounded requests, clock time and memory, each printed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatCost, runAttack } from "../../scripts/hostile-index/run-attack";
import type { AttackCost } from "../../scripts/hostile-index/run-attack";
import { INJECTIONS } from "../../scripts/hostile-index/payloads";
import { startHostileIndex } from "../../scripts/hostile-index/server";
import type { Attack, HostileIndex } from "../../scripts/hostile-index/server";
import { BODY_LIMITS } from "./request-limits";
import { createIndexClient } from "./index-client";
import type { IndexErrorCode } from "./index-error";

/** Dependencies of many-deps' root here (scripts/hostile-index/run-attacks.ts runs 10,000). */
const DEPENDENCIES = 2_000;
/** Generous bounds, far under what each attack cost before it was bounded (0.9-2.4 GiB); printed, not tuned. */
const MEMORY_BOUND_MIB = 400;

let server: HostileIndex;
beforeAll(async () => {
  server = await startHostileIndex({ dependencies: DEPENDENCIES });
}, 120_000);
afterAll(async () => {
  await server.close();
});

async function attack(name: Attack): Promise<AttackCost> {
  const cost = await runAttack(server, name);
  console.log(formatCost(cost));
  return cost;
}

function errorOf(cost: AttackCost): { code: IndexErrorCode; message: string } {
  const outcome = cost.outcome;
  if (!("kind" in outcome) || outcome.kind !== "error") throw new Error(`expected an error result, got: ${cost.message}`);
  return outcome.error;
}

const root = (name: Attack): string => `http://127.0.0.1:${new URL(server.url).port}/${name}/simple/victim/`;

describe("bodies too large: refused at the limit as they stream, once, never retried", () => {
  const limitMiB = BODY_LIMITS.listing / (1024 * 1024);
  it.each<Attack>(["gzip-bomb", "huge-listing", "huge-declared", "endless"])("%s", async (name) => {
    const cost = await attack(name);
    const error = errorOf(cost);
    expect(error.code).toBe("too-large");
    expect(error.message).toBe(`${root(name)} answered with more than ${limitMiB} MiB (decompressed), the most read for a project listing; stopped reading it`);
    expect(cost.requests).toBe(1);
    expect(cost.peakHeapMiB).toBeLessThan(MEMORY_BOUND_MIB);
  }, 120_000);
});

describe("time: a stalled or dribbling index costs one request budget (60 s on the test clock)", () => {
  it.each<Attack>(["stall", "stall-body", "slow-body"])("%s", async (name) => {
    const cost = await attack(name);
    const error = errorOf(cost);
    expect(error.code).toBe("timeout");
    expect(error.message).toMatch(new RegExp(`^${root(name).replace(/[.?]/g, "\\$&")} gave no complete answer within 60 s \\([12] attempts?; the last: .* did not answer within 30 s\\)$`));
    expect(cost.clockAdvancedMs).toBe(60_000);
    expect(cost.requests).toBeLessThanOrEqual(2);
  }, 60_000);

  it("a 429 asking to wait a day fails at once and says so", async () => {
    const cost = await attack("retry-after");
    const error = errorOf(cost);
    expect(error.message).toBe(`${root("retry-after")} answered 429 Too Many Requests and asked to wait 86400 s before retrying; not waiting more than 60 s for one request`);
    expect(cost.requests).toBe(1);
    expect(cost.clockAdvancedMs).toBe(0);
  });
});

describe("redirects: named, counted, not retried", () => {
  it("a loop is named at the URL that repeats", async () => {
    const cost = await attack("redirect-loop");
    expect(errorOf(cost)).toMatchObject({ code: "too-many-redirects", message: `redirect loop at ${root("redirect-loop")} (reached again after 2 redirects from ${root("redirect-loop")})` });
    expect(cost.requests).toBe(2);
  });

  it("an endless chain stops after 10 redirects", async () => {
    const cost = await attack("redirect-chain");
    expect(errorOf(cost)).toMatchObject({ code: "too-many-redirects", message: `more than 10 redirects from ${root("redirect-chain")} (the last to ${root("redirect-chain")}?hop=11)` });
    expect(cost.requests).toBe(11);
  });
});

describe("garbage: retried like a 5xx, then reported with the URL", () => {
  it("a listing that is not JSON", async () => {
    const cost = await attack("garbage");
    const error = errorOf(cost);
    expect(error.code).toBe("invalid-response");
    expect(error.message).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/garbage\/simple\/victim\/ answered with text that is not JSON \(.+\); it begins "<html><body>Service temporarily unavailable, try again<\/body\.\.\." \(after 5 retries\)$/);
    expect(cost.requests).toBe(6);
  }, 60_000);

  it("metadata whose sha256 is not the advertised one", async () => {
    const cost = await attack("hash-mismatch");
    const error = errorOf(cost);
    expect(error.code).toBe("invalid-response");
    expect(error.message).toMatch(/\/hash-mismatch\/files\/victim-1\.0-py3-none-any\.whl\.metadata answered with a body whose sha256 is [0-9a-f]{64}, not the advertised 0{64} \(after 5 retries\)$/);
    // The listing once, the metadata six times.
    expect(cost.requests).toBe(7);
  }, 60_000);
});

describe("scale: many versions and many dependencies cost the minimum of requests", () => {
  it("100,000 versions of one project: one listing, one metadata", async () => {
    const cost = await attack("many-versions");
    expect(cost.message).toBe("resolved 1 packages");
    expect(cost.outcome).toMatchObject({ status: "resolved", packages: [{ name: "many", version: "99.999" }] });
    expect(cost.requests).toBe(2);
    expect(cost.peakHeapMiB).toBeLessThan(1024);
  }, 120_000);

  it(`${DEPENDENCIES.toLocaleString("en")} dependencies: one listing and one metadata per project`, async () => {
    const cost = await attack("many-deps");
    expect(cost.message).toBe(`resolved ${DEPENDENCIES + 1} packages`);
    expect(cost.requests).toBe(2 * (DEPENDENCIES + 1));
    expect(cost.peakHeapMiB).toBeLessThan(1024);
  }, 120_000);
});

describe("injection: markup in every text field stays data", () => {
  it("keeps text verbatim for the page to escape, and drops files whose URL is not http(s)", async () => {
    const client = createIndexClient({ indexUrl: server.simpleRoot("injection"), noCache: true });
    server.resetStats();
    const listing = await client.getListing("victim");
    if (listing.kind !== "found") throw new Error(`expected a listing, got ${listing.kind}`);
    expect(listing.listing.versions).toEqual(["1.0", "0.9"]);
    expect(listing.listing.files.every((f) => f.url.startsWith(`${server.url}/injection/files/`))).toBe(true);
    expect(listing.listing.warnings.filter((w) => w.includes("is not an http(s) URL"))).toHaveLength(2);
    expect(listing.listing.files[0]).toMatchObject({ requiresPython: `>=3; ${INJECTIONS[0]}`, uploadTime: INJECTIONS[1] });
    expect(listing.listing.files[1].yanked).toBe(INJECTIONS[2]);
    const metadata = await client.getMetadata(listing.listing, "1.0");
    expect(metadata).toMatchObject({
      kind: "known",
      summary: INJECTIONS[0],
      license: INJECTIONS[1],
      homePage: INJECTIONS[2],
      projectUrls: { Docs: INJECTIONS[2] },
      requiresDist: [`other; extra == "${INJECTIONS[3]}"`],
    });
    expect(server.requests("injection")).toBe(2);
    expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined();
  });
});
