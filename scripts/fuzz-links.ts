// Fuzzes the permalink decoder with 10^5 seeded hostile links (npm test runs 1,500): prints the seed, the outcome counts and the slowest links.
import { performance } from "node:perf_hooks";
import { fuzzLinks } from "../app/features/share/test-support/link-fuzz";

const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
const runs = Number(process.argv[2] ?? 100_000);
console.log(`fuzzing ${runs} links, seed ${seed} (FC_SEED=${seed} reproduces)`);
const started = performance.now();
const outcomes = await fuzzLinks(seed, runs, () => performance.now());
const opened = outcomes.filter((o) => o.ok).length;
const slowest = [...outcomes].sort((a, b) => b.ms - a.ms).slice(0, 5);
console.log(`${outcomes.length} decoded in ${((performance.now() - started) / 1000).toFixed(1)} s: ${opened} opened (with their problems named), ${outcomes.length - opened} refused with a message; none threw`);
for (const o of slowest) console.log(`  ${o.ms.toFixed(1)} ms  ${o.link.slice(0, 60)}${o.link.length > 60 ? "…" : ""} (${o.link.length} chars)`);
if (slowest[0] && slowest[0].ms > 1000) {
  console.error(`the slowest link took ${slowest[0].ms.toFixed(0)} ms (limit 1000 ms)`);
  process.exitCode = 1;
}
