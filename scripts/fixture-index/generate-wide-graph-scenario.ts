// Writes scenarios/wide-graph.json: the synthetic 1,000-project graph of wide-graph.ts as a fixture index, for the graph's benchmark and tests at the size of big projects.
// Usage: npx tsx scripts/fixture-index/generate-wide-graph-scenario.ts
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { wideGraph } from "./wide-graph";

/** Packages in the scenario (the explorer benchmark's 1,000-package target). */
export const WIDE_GRAPH_SIZE = 1000;

const graph = wideGraph(WIDE_GRAPH_SIZE);
const byName = new Map(graph.projects.map((p) => [p.name, p]));

/** Every project `name` pulls in, itself included. */
function closure(name: string): string[] {
  const seen = new Set([name]);
  for (const current of seen) for (const dep of byName.get(current)?.dependencies ?? []) seen.add(/^[a-z0-9-]+/.exec(dep)?.[0] ?? dep);
  return [...seen];
}

// The case checked by the resolver's scenario tests is a small corner of the graph (resolving all of it takes seconds;
// the explorer benchmark does that); the first project that pulls in 10 to 40 others.
const sample = graph.projects.map((p) => closure(p.name)).find((c) => c.length >= 10 && c.length <= 40) ?? closure(graph.projects[0].name);
const scenario: Record<string, unknown> = {
  $scenario: {
    description: `${WIDE_GRAPH_SIZE} synthetic projects (scripts/fixture-index/wide-graph.ts, seed 1) shaped like a big resolution: ${graph.roots.length} requirements, 0-8 dependencies each, a few hubs. Requiring the ${graph.roots.length} roots (wg-...-0 to wg-...-${graph.roots.length - 1}) resolves to all ${WIDE_GRAPH_SIZE}, each at 1.0.0.`,
    cases: [
      {
        name: `${sample[0]} pulls in its ${sample.length - 1} dependencies, each at 1.0.0`,
        requirements: [sample[0]],
        python: "3.11",
        result: Object.fromEntries(sample.map((name) => [name, "1.0.0"])),
        pip: false,
      },
    ],
  },
};
for (const project of graph.projects) scenario[project.name] = { "1.0.0": { dependencies: project.dependencies } };
const out = fileURLToPath(new URL("./scenarios/wide-graph.json", import.meta.url));
writeFileSync(out, JSON.stringify(scenario, null, 1) + "\n");
console.log(`wrote ${out}: ${graph.projects.length} projects, ${graph.roots.length} roots`);
