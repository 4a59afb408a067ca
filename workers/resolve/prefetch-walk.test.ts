// Fetching ahead of the solver: the next versions of a walk back through a project's (or an extra's) versions, and down the graph through the extras asked for.
import { describe, expect, it } from "vitest";
import { resolveRequest } from "./resolve";
import type { PackageSource } from "./package-source";
import { createSnapshotSource, type SnapshotData } from "./snapshot-source";
import { request } from "./test-support/fixture-resolve";
import { turnGate } from "./test-support/turn-gate";

/** Twelve versions of `a`; with its extra `x` each needs `missing`, which no index has, so every a[x] is rejected in turn. */
const WALK: SnapshotData = {
  a: Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`${i + 1}.0`, { dependencies: ['missing; extra == "x"', 'other; extra == "y"'] }])),
  other: { "1.0": {} },
  b: Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`${i + 1}.0`, { dependencies: ["missing"] }])),
};

/** The metadata asks the resolver makes for `a` and `b`, in order, with their priority. */
function recording(source: PackageSource): { source: PackageSource; asks: string[] } {
  const asks: string[] = [];
  return {
    asks,
    source: {
      getListing: (...args) => source.getListing(...args),
      getMetadata: (listing, version, priority, signal) => {
        if (listing.name === "a" || listing.name === "b") asks.push(`${version} ${priority ?? "urgent"}`);
        return source.getMetadata(listing, version, priority, signal);
      },
    },
  };
}

async function walkAsks(requirement: string): Promise<string[]> {
  const { source, asks } = recording(createSnapshotSource(WALK));
  const result = await resolveRequest(request([requirement]), { source, now: () => 0 });
  expect(result.status).toBe("unsatisfiable");
  return asks;
}

describe("prefetching along a walk through versions", () => {
  it("fetches the next versions of an extra's walk ahead of the solver, as it does for the project's own walk", async () => {
    const asks = await walkAsks("a[x]");
    // Every version is read once, newest first; after the first moves, ahead of the solver.
    const versions = asks.map((a) => a.split(" ")[0]);
    expect(new Set(versions).size).toBe(12);
    // (The newest is read again by the search for ways out, which starts afresh.)
    const prefetched = asks.filter((a) => a.endsWith(" prefetch")).map((a) => a.split(" ")[0]);
    expect(prefetched.length).toBeGreaterThanOrEqual(8);
    expect(prefetched).toContain("1.0");
  });

  it("fetches the next versions of a project's own walk ahead of the solver", async () => {
    const asks = await walkAsks("b");
    expect(new Set(asks.map((a) => a.split(" ")[0])).size).toBe(12);
    expect(asks.filter((a) => a.endsWith(" prefetch")).length).toBeGreaterThanOrEqual(8);
  });
});

describe("prefetching down the graph", () => {
  it("follows the dependencies of the extras asked for while the solver waits on something else", async () => {
    const snapshot: SnapshotData = {
      app: { "1.0": { dependencies: ['tool; extra == "dev"'] } },
      tool: { "1.0": { dependencies: ["helper"] } },
      helper: { "1.0": {} },
      slow: { "1.0": {} },
    };
    const events: string[] = [];
    const base = createSnapshotSource(snapshot);
    // slow's listing is answered once helper's is asked for (or after 1,000 event-loop turns): the solver waits for
    // it before deciding anything, and prefetching alone can reach helper meanwhile, through app's extra.
    const gate = turnGate();
    const source: PackageSource = {
      getListing: async (name, priority, signal) => {
        events.push(`listing ${name}`);
        if (name === "helper") gate.open();
        if (name === "slow") {
          await gate.opened;
          events.push("slow answered");
        }
        return base.getListing(name, priority, signal);
      },
      getMetadata: async (...args) => base.getMetadata(...args),
    };
    const result = await resolveRequest(request(["slow", "app[dev]"]), { source, now: () => 0 });
    expect(result.status).toBe("resolved");
    expect(events.indexOf("listing helper")).toBeGreaterThan(-1);
    expect(events.indexOf("listing helper")).toBeLessThan(events.indexOf("slow answered"));
  });
});

describe("a project the index lacks", () => {
  /** app 2.0 needs `gone` (no index has it) and a pin the root forbids: its listing is read, the solver never picks it. */
  const SNAPSHOT: SnapshotData = {
    app: { "2.0": { dependencies: ["gone", "pin==2"] }, "1.0": { dependencies: ["pin==1"] } },
    pin: { "1.0": {}, "2.0": {} },
  };

  async function projectListReads(requirements: string[]): Promise<{ status: string; reads: number; listings: string[] }> {
    const base = createSnapshotSource(SNAPSHOT);
    let reads = 0;
    const listings: string[] = [];
    const source: PackageSource = {
      getListing: (name, ...rest) => {
        listings.push(name);
        return base.getListing(name, ...rest);
      },
      getMetadata: (...args) => base.getMetadata(...args),
      projectNames: () => {
        reads += 1;
        return base.projectNames!();
      },
    };
    const result = await resolveRequest(request(requirements), { source, now: () => 0 });
    return { status: result.status, reads, listings };
  }

  it("only asked for ahead of the solver costs no read of the index's project list", async () => {
    const r = await projectListReads(["app", "pin==1"]);
    expect(r.status).toBe("resolved");
    expect(r.listings).toContain("gone");
    expect(r.reads).toBe(0);
  });

  it("that the solver needs has the project list read, for the explanation's close names", async () => {
    const r = await projectListReads(["app", "pin==2"]);
    expect(r.status).toBe("unsatisfiable");
    expect(r.reads).toBeGreaterThan(0);
  });
});
