// The verdict comes before the ways out, a cancel after it keeps it, and a solve that runs out of budget says where it got stuck.
import { describe, expect, it } from "vitest";
import type { Resolution } from "../api";
import { resolveRequest } from "./resolve";
import { createSnapshotSource, type SnapshotData } from "./snapshot-source";
import { request } from "./test-support/fixture-resolve";
import { walk } from "./test-support/walk-snapshot";

/** `app` needs `lib>=2`, which needs Python-free `dep<1`; the user pins `dep>=1`: no solution, one obvious way out. */
const CONFLICT: SnapshotData = {
  app: { "1.0": { dependencies: ["lib>=1"] }, "2.0": { dependencies: ["lib>=2"] } },
  lib: { "1.0": { dependencies: [] }, "2.0": { dependencies: ["dep<1"] }, "2.1": { dependencies: ["dep<1"] } },
  dep: { "0.5": { dependencies: [] }, "1.0": { dependencies: [] } },
};

/** A clock that never moves: these runs must not depend on how fast the machine is (the time budget has its own ticking clock). */
const now = (): number => 0;

describe("verdict first, then ways out", () => {
  it("hands over the explanation before the ways-out re-solves make a single request", async () => {
    const source = createSnapshotSource(CONFLICT);
    let atVerdict: { requests: number; verdict: Resolution } | null = null;
    const result = await resolveRequest(request(["app==2.0", "dep>=1"]), {
      source,
      now,
      onVerdict: (verdict) => (atVerdict = { requests: source.requests, verdict }),
    });
    expect(result.status).toBe("unsatisfiable");
    const seen = atVerdict as { requests: number; verdict: Resolution } | null;
    expect(seen?.verdict.status).toBe("unsatisfiable");
    if (seen?.verdict.status !== "unsatisfiable" || result.status !== "unsatisfiable") return;
    expect(seen.verdict.explanation).toBe(result.explanation);
    expect(seen.verdict.suggestions).toEqual([]);
    expect(result.suggestions.length).toBeGreaterThan(0);
    expect(result.waysOutIncomplete).toBe(false);
  });

  it("keeps the verdict when cancelled while ways out are searched, and says they were not all explored", async () => {
    const controller = new AbortController();
    const source = createSnapshotSource(CONFLICT);
    let requestsAtVerdict = -1;
    const progress: number[] = [];
    const result = await resolveRequest(request(["app==2.0", "dep>=1"]), {
      source,
      now,
      signal: controller.signal,
      onVerdict: () => {
        requestsAtVerdict = source.requests;
        controller.abort();
      },
      onWaysOutProgress: (p) => progress.push(p.solves),
    });
    expect(result.status).toBe("unsatisfiable");
    if (result.status !== "unsatisfiable") return;
    expect(result.suggestions).toEqual([]);
    expect(result.waysOutIncomplete).toBe(true);
    expect(progress).toEqual([]);
    expect(source.requests).toBe(requestsAtVerdict);
  });

  it("gives up at the decision budget with a message naming the projects it went back through", async () => {
    const result = await resolveRequest(request(["a"]), { source: createSnapshotSource(walk(60)), now, limits: { maxDecisions: 40 } });
    expect(result.status).toBe("error");
    if (result.status !== "error") return;
    expect(result.error.kind).toBe("too-complex");
    expect(result.error.message).toMatch(/^Gave up after \d+ decisions in [\d.]+ s: the limit of 40 decisions \(--max-decisions in the terminal\) was reached/);
    expect(result.error.message).toMatch(/kept going back through the versions of a \(\d+ versions tried\)/);
    // The same input with the default budget resolves.
    const resolved = await resolveRequest(request(["a"]), { source: createSnapshotSource(walk(60)), now });
    expect(resolved.status === "resolved" && resolved.packages.map((p) => `${p.name}==${p.version}`).sort()).toEqual(["a==1.0", "c==1.0"]);
  });

  it("gives up at the time budget, measured on the clock it is given", async () => {
    let clock = 0;
    const ticking = () => (clock += 50);
    const result = await resolveRequest(request(["a"]), { source: createSnapshotSource(walk(60)), now: ticking, limits: { maxMs: 1_000 } });
    expect(result.status).toBe("error");
    if (result.status === "error") expect(result.error.message).toMatch(/the time limit of 1 s \(--max-seconds in the terminal\)/);
  });
});
