// Which project the resolver decides next: the one with the fewest versions left in range (discovery order breaks ties), so conflicts show before long walks, whatever order the index answers in.
import { describe, expect, it } from "vitest";
import { resolveRequest } from "./resolve";
import type { PackageSource } from "./package-source";
import { createSnapshotSource, type SnapshotData } from "./snapshot-source";
import { request } from "./test-support/fixture-resolve";
import { turnGate } from "./test-support/turn-gate";

/**
 * app 1.0 needs `long` (30 versions) and `short` (2 versions), named in that order; every version of both needs
 * `missing`, which no index has. Nothing can be installed.
 */
const SNAPSHOT: SnapshotData = {
  app: { "1.0": { dependencies: ["long", "short"] } },
  long: Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`${i + 1}.0`, { dependencies: ["missing"] }])),
  short: { "1.0": { dependencies: ["missing"] }, "2.0": { dependencies: ["missing"] } },
};

function counting(source: PackageSource): { source: PackageSource; metadata: Map<string, number> } {
  const metadata = new Map<string, number>();
  return {
    metadata,
    source: {
      getListing: (...args) => source.getListing(...args),
      getMetadata: (listing, version, priority, signal) => {
        metadata.set(listing.name, (metadata.get(listing.name) ?? 0) + 1);
        return source.getMetadata(listing, version, priority, signal);
      },
    },
  };
}

/**
 * The source with `slow`'s listing held back until the resolver reads a release of `other` (a slow answer, no clock;
 * let through after 1,000 event-loop turns should nothing read `other`).
 */
function slowListing(source: PackageSource, slow: string, other: string): PackageSource {
  const gate = turnGate();
  return {
    getListing: async (name, ...rest) => {
      if (name === slow) await gate.opened;
      return source.getListing(name, ...rest);
    },
    getMetadata: (listing, ...rest) => {
      if (listing.name === other) gate.open();
      return source.getMetadata(listing, ...rest);
    },
  };
}

describe("decision order", () => {
  it("does not depend on when a listing arrives: a project with no version left is decided first, however late its listing", async () => {
    // t 1.0 needs p (two versions) and c<1 (none: c has only 1.0). Nothing can be installed; deciding c first shows
    // it at once, deciding p first makes a decision for nothing.
    const snapshot: SnapshotData = {
      app: { "1.0": { dependencies: ["t"] } },
      t: { "1.0": { dependencies: ["p", "c<1"] } },
      p: { "1.0": { dependencies: [] }, "2.0": { dependencies: [] } },
      c: { "1.0": { dependencies: [] } },
    };
    const outcomes: string[] = [];
    for (const [slow, other] of [[null, null], ["c", "p"], ["p", "c"]] as const) {
      const base = createSnapshotSource(snapshot);
      const source = slow && other ? slowListing(base, slow, other) : base;
      const result = await resolveRequest(request(["app"]), { source, now: () => 0 });
      expect(result.status).toBe("unsatisfiable");
      if (result.status !== "unsatisfiable") return;
      outcomes.push(`${result.explanation}\n${result.stats.decisions} decisions, ${result.stats.conflicts} conflicts`);
    }
    // c's listing coming late used to leave it counted as "many versions" when its priority was taken, and the count
    // stayed: p was decided first.
    expect(outcomes[1]).toBe(outcomes[0]);
    expect(outcomes[2]).toBe(outcomes[0]);
    expect(outcomes[0]).toMatch(/no versions of c match <1/);
  });

  it("decides the project with fewer versions first: the verdict comes without walking the long one's 30 versions", async () => {
    const { source, metadata } = counting(createSnapshotSource(SNAPSHOT));
    const result = await resolveRequest(request(["app"]), { source, now: () => 0 });
    expect(result.status).toBe("unsatisfiable");
    if (result.status !== "unsatisfiable") return;
    // The verdict is about short (both versions need the missing project), not about long.
    expect(result.explanation).toMatch(/\bshort\b/);
    expect(result.explanation).toMatch(/missing/);
    expect(metadata.get("short")).toBeGreaterThanOrEqual(2);
    // Discovery order alone read all 30 versions of long before giving up.
    expect(metadata.get("long") ?? 0).toBeLessThanOrEqual(2);
  });
});
