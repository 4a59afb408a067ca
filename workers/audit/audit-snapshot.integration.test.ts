// Audits of real snapshot resolutions agree with the reference (pip 23.2 + packaging), and every offered fix re-resolves.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Resolution, ResolveRequest } from "../api";
import { pins, request, resolveOn, startIndex } from "../resolve/test-support/fixture-resolve";
import type { FixtureIndex } from "../../scripts/fixture-index/server";
import { auditPackages } from "./audit-packages";
import { fixVulnerability } from "./fix-vulnerability";
import { createReleaseFactsClient } from "./release-facts";

interface Reference {
  python: string;
  cases: { requirements: string[]; pins: Record<string, string>; vulnerabilities: { name: string; version: string; id: string }[] }[];
}

const reference = JSON.parse(readFileSync(new URL("./golden/audit-reference.json", import.meta.url), "utf8")) as Reference;

let index: FixtureIndex;
beforeAll(async () => {
  index = await startIndex();
});
afterAll(() => index.close());

function resolved(resolution: Resolution): Extract<Resolution, { status: "resolved" }> {
  if (resolution.status !== "resolved") throw new Error(`expected a resolution, got ${resolution.status}: ${JSON.stringify(resolution).slice(0, 300)}`);
  return resolution;
}

describe("audit of snapshot resolutions", () => {
  for (const c of reference.cases) {
    it(`${c.requirements.join(" + ")}: the same advisories as the reference, and every fix re-resolves or names its blocker`, async () => {
      const req: ResolveRequest = request(c.requirements, { target: { implementation: "cpython", pythonVersion: reference.python, os: "linux", arch: "x86_64" } });
      const resolution = resolved(await resolveOn(index, "snapshot-2020", req));
      expect(pins(resolution)).toEqual(c.pins);

      const facts = createReleaseFactsClient();
      const report = await auditPackages(resolution.packages, { facts });
      const found = report.packages.flatMap((p) => (p.vulnerabilities ?? []).map((v) => `${p.name} ${p.version} ${v.id}`)).sort();
      expect(found).toEqual(c.vulnerabilities.map((v) => `${v.name} ${v.version} ${v.id}`).sort());
      expect(report.unavailableCount).toBe(0);
      expect(report.vulnerableCount).toBe(new Set(c.vulnerabilities.map((v) => v.name)).size);

      const resolve = (r: ResolveRequest) => resolveOn(index, "snapshot-2020", r);
      for (const pkg of report.packages.filter((p) => (p.vulnerabilities?.length ?? 0) > 0)) {
        const vulns = pkg.vulnerabilities ?? [];
        // The whole package, and each advisory on its own (what the page's per-advisory "Fix" does).
        for (const subset of [vulns, ...vulns.map((v) => [v])]) {
          const outcome = await fixVulnerability({ ...req, indexUrl: "" }, resolution.packages, pkg, subset, resolve);
          if (outcome.kind === "fixed") {
            const after = resolved(outcome.resolution);
            const chosen = after.packages.find((p) => p.name === pkg.name);
            expect(chosen?.version ?? null).toBe(outcome.to);
            if (chosen === undefined) {
              // The new resolution no longer needs the package (e.g. an older django without sqlparse).
              expect(outcome.diff.removed.map((u) => u.name)).toContain(pkg.name);
              continue;
            }
            expect(outcome.diff.upgraded.map((u) => u.name)).toContain(pkg.name);
            const again = await auditPackages([chosen], { facts });
            const left = new Set((again.packages[0].vulnerabilities ?? []).map((v) => v.id));
            for (const v of subset) expect(left.has(v.id)).toBe(false);
          } else if (outcome.kind === "blocked") {
            expect(outcome.explanation).toMatch(new RegExp(pkg.name));
            expect(outcome.requirement.startsWith(`${pkg.name}>=`)).toBe(true);
          } else {
            expect(outcome.kind).toBe("no-fix");
          }
        }
      }
    }, 120_000);
  }
});
