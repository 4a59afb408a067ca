// Solving yields to the event loop on a budget of the context's clock, and a cancel that arrives during a yield stops it at the next check.
import { describe, expect, it } from "vitest";
import { resolveRequest } from "./resolve";
import type { PackageSource } from "./package-source";
import { createSnapshotSource } from "./snapshot-source";
import { YIELD_INTERVAL_MS } from "./solve-once";
import { request } from "./test-support/fixture-resolve";
import { walk } from "./test-support/walk-snapshot";

/** Each answer of the source costs `cost` ms on the test clock: the solve's work is what moves time. */
function costly(source: PackageSource, clock: { t: number }, cost: number): PackageSource & { calls: number } {
  const counted = {
    calls: 0,
    getListing: (name: string) => {
      counted.calls++;
      clock.t += cost;
      return source.getListing(name);
    },
    getMetadata: (...args: Parameters<PackageSource["getMetadata"]>) => {
      counted.calls++;
      clock.t += cost;
      return source.getMetadata(...args);
    },
  };
  return counted;
}

describe("solving yields on a clock budget", () => {
  it("yields whenever YIELD_INTERVAL_MS of the clock have passed, however few iterations that took", async () => {
    const clock = { t: 0 };
    const source = costly(createSnapshotSource(walk(60)), clock, 4);
    const yieldsAt: number[] = [];
    const result = await resolveRequest(request(["a"]), {
      source,
      now: () => clock.t,
      limits: { maxMs: 1e12 },
      yieldToEventLoop: () => {
        yieldsAt.push(clock.t);
        return Promise.resolve();
      },
    });
    expect(result.status).toBe("resolved");
    expect(yieldsAt.length).toBeGreaterThan(5);
    // Between two yields: at least the interval, and no more than the interval plus one iteration's answers.
    const gaps = yieldsAt.slice(1).map((t, i) => t - yieldsAt[i]);
    for (const gap of gaps) {
      expect(gap).toBeGreaterThanOrEqual(YIELD_INTERVAL_MS);
      expect(gap).toBeLessThan(YIELD_INTERVAL_MS * 2);
    }
  });

  it("stops at the first check after a cancel that arrived while it yielded: no further answer is asked for", async () => {
    const clock = { t: 0 };
    const controller = new AbortController();
    const source = costly(createSnapshotSource(walk(60)), clock, 4);
    let callsAtCancel = -1;
    let yields = 0;
    const result = await resolveRequest(request(["a"]), {
      source,
      now: () => clock.t,
      signal: controller.signal,
      limits: { maxMs: 1e12 },
      yieldToEventLoop: () => {
        // The third turn of the event loop delivers the cancel message.
        if (++yields === 3) {
          controller.abort();
          callsAtCancel = source.calls;
        }
        return Promise.resolve();
      },
    });
    expect(result.status === "error" && result.error.kind).toBe("cancelled");
    expect(yields).toBe(3);
    expect(source.calls).toBe(callsAtCancel);
  });
});
