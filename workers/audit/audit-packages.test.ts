import { describe, expect, it } from "vitest";
import { auditPackages, AUDIT_PROGRESS_INTERVAL_MS } from "./audit-packages";
import type { ReleaseFactsClient } from "./release-facts";
import type { AuditProgressDto } from "../api-audit";
import { resolvedPackage } from "../../test-support/resolved-package";

/** Facts for every release at once; each lookup moves the test clock on by `stepMs`. */
function factsWithClock(stepMs: number): { facts: ReleaseFactsClient; now: () => number } {
  let t = 0;
  return {
    now: () => t,
    facts: {
      async facts() {
        t += stepMs;
        return { vulnerabilities: [], licence: { expression: "MIT", classifiers: [], text: null }, url: null };
      },
    },
  };
}

const PACKAGES = Array.from({ length: 1000 }, (_, i) => resolvedPackage(`p${i}`, "1.0"));

describe("audit progress", () => {
  it("on a quick index says only where it starts and that it is done, not once per package", async () => {
    const seen: AuditProgressDto[] = [];
    const { facts, now } = factsWithClock(0);
    const report = await auditPackages(PACKAGES, { facts, now, onProgress: (p) => seen.push(p) });
    expect(report.packages).toHaveLength(1000);
    expect(seen).toEqual([
      { done: 0, total: 1000 },
      { done: 1000, total: 1000 },
    ]);
  });

  it("on a slow index reports as it goes, each report at least the interval after the last, and always the end", async () => {
    const seen: { at: number; done: number }[] = [];
    // 8 lookups at once, 7 ms each on the clock: about 57 ms of clock per 8 packages.
    const { facts, now } = factsWithClock(7);
    await auditPackages(PACKAGES.slice(0, 200), { facts, now, onProgress: (p) => seen.push({ at: now(), done: p.done }) });
    expect(seen[0].done).toBe(0);
    expect(seen[seen.length - 1].done).toBe(200);
    const middle = seen.slice(1, -1);
    expect(middle.length).toBeGreaterThan(3);
    for (let i = 1; i < seen.length - 1; i++) expect(seen[i].at - seen[i - 1].at).toBeGreaterThanOrEqual(AUDIT_PROGRESS_INTERVAL_MS);
    // Counts only go up.
    expect(seen.map((s) => s.done)).toEqual([...seen.map((s) => s.done)].sort((a, b) => a - b));
  });
});
