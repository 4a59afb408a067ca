// Benchmark 2, end to end through the fixture index with 50 ms latency per request: wall time against the
// round-trip lower bound, and requests against the minimum (one listing per project + one metadata per chosen release).
// Usage: npx tsx scripts/bench-index.ts [--latency-ms 50]
import { parseArgs } from "node:util";
import type { ResolvedPackageDto } from "../workers/api";
import { createIndexClient } from "../workers/index/index-client";
import { resolveRequest } from "../workers/resolve/resolve";
import { ROOT_DEPENDENT } from "../workers/resolve/resolved-packages";
import { request } from "../workers/resolve/test-support/fixture-resolve";
import { startFixtureIndex } from "./fixture-index/server";

const { values } = parseArgs({ options: { "latency-ms": { type: "string", default: "50" } } });
const latency = Number(values["latency-ms"]);

const CASES: { id: string; requirements: string[] }[] = [
  { id: "pandas", requirements: ["pandas"] },
  { id: "chalice", requirements: ["chalice"] },
  { id: "jupyter", requirements: ["jupyter"] },
  { id: "sphinx", requirements: ["sphinx"] },
  { id: "cherrypy[testing]", requirements: ["cherrypy[testing]"] },
  { id: "tox + pytest", requirements: ["tox", "pytest"] },
  { id: "data stack", requirements: ["pandas", "matplotlib", "dask", "requests"] },
];

/** Levels of the resolved graph: direct requirements are level 1; each level needs a listing and a metadata round trip. */
function depth(packages: ResolvedPackageDto[]): number {
  const level = new Map<string, number>();
  let frontier = packages.filter((p) => p.dependents.includes(ROOT_DEPENDENT)).map((p) => p.name);
  let d = 0;
  while (frontier.length > 0) {
    d++;
    for (const name of frontier) level.set(name, d);
    const next = new Set<string>();
    for (const name of frontier) {
      const pkg = packages.find((p) => p.name === name);
      for (const dep of pkg?.dependencies ?? []) if (!level.has(dep.name)) next.add(dep.name);
    }
    frontier = [...next];
  }
  return d;
}

const index = await startFixtureIndex({ port: 0, latencyMs: latency });
const target = { implementation: "cpython", pythonVersion: "3.8", os: "linux", arch: "x86_64" } as const;
console.log(`fixture index ${index.url} with ${latency} ms latency per request\n`);
console.log(`${"case".padEnd(20)} ${"pkgs".padStart(4)} ${"depth".padStart(5)} ${"wall ms".padStart(8)} ${"bound ms".padStart(8)} ${"ratio".padStart(6)} ${"requests".padStart(8)} ${"minimum".padStart(8)} ${"ratio".padStart(6)}`);
// Warm the server: it renders listings and hashes its synthetic files on first request (pypi.org has them ready).
for (const c of CASES) {
  const indexUrl = `${index.url}/snapshot-2020/simple`;
  const client = createIndexClient({ indexUrl });
  await resolveRequest({ ...request(c.requirements, { target }), indexUrl }, { source: client, now: () => performance.now() });
}
const wallRatios: number[] = [];
const requestRatios: number[] = [];
for (const c of CASES) {
  const indexUrl = `${index.url}/snapshot-2020/simple`;
  const client = createIndexClient({ indexUrl });
  index.resetStats();
  const started = performance.now();
  const resolution = await resolveRequest({ ...request(c.requirements, { target }), indexUrl }, { source: client, now: () => performance.now(), sourceStats: () => client.stats() });
  const wall = performance.now() - started;
  if (resolution.status !== "resolved") {
    console.log(`${c.id.padEnd(20)} ${resolution.status}`);
    continue;
  }
  const packages = resolution.packages;
  const levels = depth(packages);
  const bound = 2 * levels * latency;
  const minimum = packages.length * 2;
  const requests = index.stats().requests;
  wallRatios.push(wall / bound);
  requestRatios.push(requests / minimum);
  console.log(
    `${c.id.padEnd(20)} ${String(packages.length).padStart(4)} ${String(levels).padStart(5)} ${wall.toFixed(0).padStart(8)} ${String(bound).padStart(8)} ${(wall / bound).toFixed(2).padStart(6)} ${String(requests).padStart(8)} ${String(minimum).padStart(8)} ${(requests / minimum).toFixed(2).padStart(6)}`,
  );
}
await index.close();
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
console.log(`\nwall time / lower bound: mean ${mean(wallRatios).toFixed(2)}x, worst ${Math.max(...wallRatios).toFixed(2)}x (target within 1.5x)`);
console.log(`requests / minimum: mean ${mean(requestRatios).toFixed(2)}x, worst ${Math.max(...requestRatios).toFixed(2)}x (target within 1.2x)`);
