// Which project the resolver decides next: the one with the fewest versions left in range (discovery order breaks ties), so conflicts show before long walks.
import { describe, expect, it } from "vitest";
import { resolveRequest } from "./resolve";
import type { PackageSource } from "./package-source";
import { createSnapshotSource, type SnapshotData } from "./snapshot-source";
import { request } from "./test-support/fixture-resolve";

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

describe("decision order", () => {
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
