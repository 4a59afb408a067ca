// Tests of cancellation and progress reporting: an aborted signal stops the solve promptly with a typed result.
import { describe, expect, it } from "vitest";
import { solve } from "./solver";
import type { SolveStats } from "./solver";
import { IntRangeFactory } from "./test-support/int-range";
import type { IntRange } from "./test-support/int-range";
import { RegistryProvider } from "./test-support/registry-provider";
import type { Registry } from "./test-support/registry-provider";

const sets = new IntRangeFactory();

/** root -> p0 -> p1 -> ... -> p(n-1), each with 3 versions; the last package depends on a missing one. */
function chain(n: number): Registry {
  const registry = new Map<string, Map<number, Map<string, IntRange>>>();
  registry.set("root", new Map([[1, new Map([["p0", sets.full()]])]]));
  for (let i = 0; i < n; i++) {
    const next = i + 1 < n ? `p${i + 1}` : "missing";
    registry.set(`p${i}`, new Map([1, 2, 3].map((v) => [v, new Map([[next, sets.full()]])] as [number, Map<string, IntRange>])));
  }
  return registry;
}

describe("cancellation", () => {
  it("returns cancelled at once for an already aborted signal", async () => {
    const controller = new AbortController();
    controller.abort();
    const provider = new RegistryProvider(chain(10));
    const result = await solve({ rootPackage: "root", rootVersion: 1, provider, versionSets: sets, signal: controller.signal });
    expect(result.kind).toBe("cancelled");
    expect(provider.calls).toBe(0);
    expect(result.stats.iterations).toBe(0);
  });

  it("stops right after the provider call during which it was aborted (sync provider)", async () => {
    const controller = new AbortController();
    let calls = 0;
    const provider = new RegistryProvider(chain(200), {
      onCall: () => {
        if (++calls === 25) controller.abort();
      },
    });
    const result = await solve({ rootPackage: "root", rootVersion: 1, provider, versionSets: sets, signal: controller.signal });
    expect(result.kind).toBe("cancelled");
    expect(calls).toBe(25);
  });

  it("stops when aborted while a provider promise is pending", async () => {
    const controller = new AbortController();
    let calls = 0;
    const provider = new RegistryProvider(chain(50), {
      async: true,
      onCall: () => {
        if (++calls === 10) queueMicrotask(() => controller.abort());
      },
    });
    const result = await solve({ rootPackage: "root", rootVersion: 1, provider, versionSets: sets, signal: controller.signal });
    expect(result.kind).toBe("cancelled");
    expect(calls).toBe(10);
  });

  it("reports progress every interval and awaits the callback, which can abort", async () => {
    const controller = new AbortController();
    const seen: SolveStats[] = [];
    const provider = new RegistryProvider(chain(300));
    const result = await solve({
      rootPackage: "root",
      rootVersion: 1,
      provider,
      versionSets: sets,
      signal: controller.signal,
      progressInterval: 10,
      onProgress: async (stats) => {
        seen.push(stats);
        await new Promise<void>((resolve) => setTimeout(resolve, 0));
        if (seen.length === 3) controller.abort();
      },
    });
    expect(result.kind).toBe("cancelled");
    expect(seen.map((s) => s.iterations)).toEqual([10, 20, 30]);
    expect(result.stats.iterations).toBe(30);
    expect(seen[2].decisions).toBeGreaterThan(seen[0].decisions);
  });

  it("solves the same registry to the end without a signal", async () => {
    const result = await solve({ rootPackage: "root", rootVersion: 1, provider: new RegistryProvider(chain(40)), versionSets: sets });
    // "missing" has no versions, so every package of the chain is ruled out in turn.
    expect(result.kind).toBe("unsolvable");
    expect(result.stats.iterations).toBeGreaterThan(30);
  });
});
