// Conservative update, as a property over locks made from a PyPI snapshot: upgrading one package moves only what must move, and the diff says why.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Resolution, ResolvedPackageDto } from "../api";
import { readLock } from "../formats/lock/read-lock";
import { lockResolution } from "../formats/lock/lock-resolution";
import { formatRequirementsTxt } from "../formats/output/requirements-txt";
import { compareVersions, parseVersion } from "../packaging/version";
import { resolveRequest } from "../resolve/resolve";
import { createSnapshotSource, type SnapshotData } from "../resolve/snapshot-source";
import { request } from "../resolve/test-support/fixture-resolve";
import { diffPackages } from "./package-diff";

// Seeded by test-support/fast-check-seed.ts; a failure prints the seed: FC_SEED=<seed> npx vitest run <this file> reproduces it.
const SNAPSHOT = JSON.parse(readFileSync(new URL("../../scripts/data/snapshots/pypi-2020-02-13-chalice.json", import.meta.url), "utf8")) as SnapshotData;
/** Projects of the snapshot with several releases and dependencies of their own: good roots. */
const ROOTS = ["chalice", "botocore", "pytest", "sphinx", "requests", "jinja2", "flask", "tox", "twine", "black", "hypothesis", "pylint"].filter((n) => SNAPSHOT[n]);
const TARGET = { implementation: "cpython" as const, pythonVersion: "3.8", os: "linux" as const, arch: "x86_64" as const };

function versionsOf(name: string): string[] {
  return Object.keys(SNAPSHOT[name]).sort((a, b) => compareVersions(parseVersion(a), parseVersion(b)));
}

async function resolve(requirements: string[], preferences?: Record<string, string>): Promise<Resolution> {
  return resolveRequest(request(requirements, { target: TARGET, indexUrl: "memory://snapshot/simple/", preferences }), { source: createSnapshotSource(SNAPSHOT), now: () => 0 });
}

/** Every package reachable from `start` along dependency edges (start included). */
function downstream(packages: readonly ResolvedPackageDto[], start: string): Set<string> {
  const byName = new Map(packages.map((p) => [p.name, p]));
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length > 0) {
    for (const d of byName.get(queue.pop() as string)?.dependencies ?? []) {
      if (seen.has(d.name)) continue;
      seen.add(d.name);
      queue.push(d.name);
    }
  }
  return seen;
}

const caseArb = fc.record({
  roots: fc.uniqueArray(fc.constantFrom(...ROOTS), { minLength: 1, maxLength: 3 }),
  /** For each root, how far back its locked version is (a fraction of its release history). */
  age: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }),
  upgrade: fc.nat(),
});

describe("resolve --locked --upgrade-package NAME", () => {
  it("keeps every version not downstream of NAME and not forced, and explains every other change", async () => {
    let upgradedSomething = 0;
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ roots, age, upgrade }) => {
        // A lock made from the snapshot: the roots held back to older releases, written as pip-compile output and read back.
        const bounds = roots.map((name, i) => {
          const versions = versionsOf(name);
          return `${name}<=${versions[Math.floor(age[i] * (versions.length - 1))]}`;
        });
        const old = await resolve(bounds);
        fc.pre(old.status === "resolved");
        if (old.status !== "resolved") return;
        const lockText = formatRequirementsTxt(old, request(bounds, { target: TARGET }));
        const read = readLock(lockText, { fileName: "requirements.txt" });
        if (!read.ok) throw new Error(read.diagnostics[0].message);
        const lock = lockResolution(read.graph, { target: TARGET, resolvedAt: "t" }).resolution.packages;
        expect(lock.map((p) => `${p.name}==${p.version}`)).toEqual(old.packages.map((p) => `${p.name}==${p.version}`));

        // Upgrade one locked package; the roots are loosened, everything else is preferred at its locked version.
        const target = lock[upgrade % lock.length].name;
        const preferences = Object.fromEntries(lock.filter((p) => p.name !== target).map((p) => [p.name, p.version]));
        const next = await resolve(roots, preferences);
        expect(next.status).toBe("resolved");
        if (next.status !== "resolved") return;

        const rootSpecifiers = new Map(roots.map((r) => [r, ""]));
        const diff = diffPackages({ packages: old.packages, rootSpecifiers }, { packages: next.packages, rootSpecifiers }, { requested: [target] });
        const below = downstream(next.packages, target);
        const changedNames = new Set(diff.changed.map((c) => c.name));
        for (const change of diff.changed) {
          if (change.name === target) {
            upgradedSomething++;
            expect(change.cause === "requested" || change.cause === "excluded").toBe(true);
            continue;
          }
          // Nothing moves without a reason the diff can name...
          expect(change.cause, `${change.name} ${change.from} -> ${change.to}: ${change.reason}`).not.toBe("free");
          // ...and outside the upgraded package's subtree only a requirement can force a move.
          if (!below.has(change.name)) expect(["excluded", "conflicts", "dependent-moved"]).toContain(change.cause);
        }
        // What is new hangs below the upgraded package or below something that moved.
        const moved = [target, ...changedNames].flatMap((n) => [...downstream(next.packages, n)]);
        for (const added of diff.added) expect(moved, `${added.name} added`).toContain(added.name);
        for (const pkg of next.packages) {
          const locked = old.packages.find((p) => p.name === pkg.name);
          if (locked && !changedNames.has(pkg.name)) expect(pkg.version).toBe(locked.version);
        }
      }),
      { numRuns: 40 },
    );
    expect(upgradedSomething).toBeGreaterThan(3);
  }, 120_000);
});
