// Runs every attack of the hostile index (or those named) against the index client and prints what each cost.
// Usage: node --expose-gc --import tsx scripts/hostile-index/run-attacks.ts [attack ...]
import { formatCost, runAttack } from "./run-attack";
import { ATTACKS, startHostileIndex } from "./server";
import type { Attack } from "./server";

const wanted = process.argv.slice(2);
const unknown = wanted.filter((a) => !(ATTACKS as readonly string[]).includes(a));
if (unknown.length > 0) {
  console.error(`unknown attack(s): ${unknown.join(", ")}; known: ${ATTACKS.join(", ")}`);
  process.exit(2);
}
const attacks: readonly Attack[] = wanted.length > 0 ? (wanted as Attack[]) : ATTACKS;
const server = await startHostileIndex();
console.log(`hostile index on ${server.url}; clock = real time plus timeouts and backoffs slept on the test clock`);
try {
  for (const attack of attacks) console.log(formatCost(await runAttack(server, attack)));
} finally {
  await server.close();
}
