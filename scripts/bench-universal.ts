// Benchmark: one universal resolution (CPython >=3.8 on Linux, macOS and Windows) against resolving each of six single targets separately, same run, same warm index client, on the six 2020 snapshot sets.
// Usage: npx tsx scripts/bench-universal.ts [--runs 3]
import { parseArgs } from "node:util";
import type { ResolveRequest, Resolution, TargetDto } from "../workers/api";
import { createIndexClient } from "../workers/index/index-client";
import { resolveRequest } from "../workers/resolve/resolve";
import { request } from "../workers/resolve/test-support/fixture-resolve";
import { startFixtureIndex } from "./fixture-index/server";
import { SNAPSHOT_CASES as CASES } from "./snapshot-cases";
import { loadavg } from "node:os";

const { values } = parseArgs({ options: { runs: { type: "string", default: "3" } } });
const runs = Number(values.runs);


/** The six targets a universal resolution over Linux/macOS/Windows and Pythons 3.8+ stands in for. */
const TARGETS: TargetDto[] = [
  { implementation: "cpython", pythonVersion: "3.8", os: "linux", arch: "x86_64" },
  { implementation: "cpython", pythonVersion: "3.12", os: "linux", arch: "aarch64" },
  { implementation: "cpython", pythonVersion: "3.8", os: "macos", arch: "arm64" },
  { implementation: "cpython", pythonVersion: "3.12", os: "macos", arch: "x86_64" },
  { implementation: "cpython", pythonVersion: "3.8", os: "windows", arch: "x86_64" },
  { implementation: "cpython", pythonVersion: "3.12", os: "windows", arch: "x86_64" },
];

const index = await startFixtureIndex({ port: 0 });

function summary(r: Resolution): string {
  if (r.status === "resolved") return `${r.packages.length} pkgs${r.universal ? `, ${r.universal.forks.length} fork(s)` : ""}`;
  return r.status === "error" ? `error: ${r.error.message.slice(0, 60)}` : "unsatisfiable";
}

console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}; min of ${runs} runs each, warm client (every listing and metadata file fetched once before timing)`);
console.log(`${"case".padEnd(28)} ${"universal ms".padStart(12)} ${"6 targets ms".padStart(12)} ${"ratio".padStart(6)}  universal result / targets resolved`);
const ratios: number[] = [];
try {
  for (const c of CASES) {
    const indexUrl = `${index.url}/${c.prefix}/simple`;
    const client = createIndexClient({ indexUrl });
    const resolve = (req: ResolveRequest) => resolveRequest({ ...req, indexUrl }, { source: client, now: () => performance.now() });
    const universalReq = request(c.requirements, { universal: { python: ">=3.8" } });
    const targetReqs = TARGETS.map((target) => request(c.requirements, { target }));
    // Warm the client with everything both ways will ask for.
    let universal = await resolve(universalReq);
    const single = await Promise.all(targetReqs.map(async (r) => resolve(r)));
    let bestUniversal = Infinity;
    let bestSix = Infinity;
    for (let i = 0; i < runs; i++) {
      let started = performance.now();
      universal = await resolve(universalReq);
      bestUniversal = Math.min(bestUniversal, performance.now() - started);
      started = performance.now();
      for (const r of targetReqs) await resolve(r);
      bestSix = Math.min(bestSix, performance.now() - started);
    }
    const ratio = bestUniversal / bestSix;
    ratios.push(ratio);
    const resolvedTargets = single.filter((r) => r.status === "resolved").length;
    console.log(`${c.id.padEnd(28)} ${bestUniversal.toFixed(0).padStart(12)} ${bestSix.toFixed(0).padStart(12)} ${ratio.toFixed(2).padStart(6)}  ${summary(universal)} / ${resolvedTargets} of 6`);
  }
} finally {
  await index.close();
}
const geomean = Math.exp(ratios.reduce((a, r) => a + Math.log(r), 0) / ratios.length);
console.log(`geometric mean ratio universal / six separate targets: ${geomean.toFixed(2)} (below 1: universal is cheaper)`);
