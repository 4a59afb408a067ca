// Property tests: on random small registries the solver's answers are checked independently (solution check, brute force, proof check).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isDerived, nodesBottomUp } from "./derivation-tree";
import type { DerivationNode, DerivationTree, TreeTerm } from "./derivation-tree";
import { reportText } from "./report/text-report";
import { treeToGraph } from "./report/tree-graph";
import { solve } from "./solver";
import type { SolveResult } from "./solver";
import { simplify } from "./test-support/explain";
import type { IntRange } from "./test-support/int-range";
import { IntRangeFactory } from "./test-support/int-range";
import { RegistryProvider } from "./test-support/registry-provider";
import type { Registry } from "./test-support/registry-provider";

const sets = new IntRangeFactory();
const ROOT = "root";
const ROOT_VERSION = 1;
/** Every version set is built from bounds in 0..20, so these points cover all its regions. */
const POINTS = Array.from({ length: 23 }, (_, i) => i - 1);

interface World {
  registry: Registry;
  unavailable: Map<string, Map<number, string>>;
  async: boolean;
  policy: "fewest-versions" | "conflicts-first";
  /** Facts about a version also cover the non-existent versions up to the next one (versionSpan). */
  spans: boolean;
}

const rangeArb: fc.Arbitrary<IntRange> = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(fc.integer({ min: 0, max: 13 }), fc.integer({ min: 1, max: 9 })).map(([a, w]) => sets.between(a, a + w)) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 14 }).map((a) => sets.atLeast(a)) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 14 }).map((b) => sets.lessThan(b)) },
  { weight: 2, arbitrary: fc.constant(sets.full()) },
  { weight: 1, arbitrary: fc.constant(sets.empty()) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 7, max: 14 }))
      .map(([a, b]) => sets.singleton(a).union(sets.atLeast(b))),
  },
);

const worldArb: fc.Arbitrary<World> = fc
  .integer({ min: 1, max: 5 })
  .chain((n) => {
    const names = Array.from({ length: n }, (_, i) => `p${i}`);
    const target = fc.constantFrom(...names, ...names, ...names, ROOT);
    const deps = fc.uniqueArray(fc.tuple(target, rangeArb), { maxLength: 2, selector: ([d]) => d });
    // Versions are even numbers, ranges have any integer bounds: most ranges contain versions that don't exist.
    const pkg = fc.dictionary(fc.integer({ min: 0, max: 6 }).map((k) => String(2 * k)), deps, { minKeys: 1, maxKeys: 5 });
    return fc.record({
      root: fc.uniqueArray(fc.tuple(fc.constantFrom(...names), rangeArb), { minLength: 1, maxLength: 2, selector: ([d]) => d }),
      packages: fc.tuple(...names.map(() => pkg)),
      unavailable: fc.array(fc.tuple(fc.constantFrom(...names), fc.integer({ min: 0, max: 6 }).map((k) => 2 * k)), { maxLength: 2 }),
      async: fc.boolean(),
      policy: fc.constantFrom<"fewest-versions" | "conflicts-first">("fewest-versions", "conflicts-first"),
      spans: fc.boolean(),
    }).map(({ root, packages, unavailable, async, policy, spans }) => {
      const registry = new Map<string, Map<number, Map<string, IntRange>>>();
      registry.set(ROOT, new Map([[ROOT_VERSION, new Map(root)]]));
      names.forEach((name, i) => {
        registry.set(
          name,
          new Map(Object.entries(packages[i]).map(([v, d]) => [Number(v), new Map(d)] as [number, Map<string, IntRange>])),
        );
      });
      const un = new Map<string, Map<number, string>>();
      for (const [p, v] of unavailable) {
        if (registry.get(p)?.has(v)) un.set(p, (un.get(p) ?? new Map<number, string>()).set(v, "broken"));
      }
      return { registry, unavailable: un, async, policy, spans };
    });
  });

function usable(world: World, pkg: string, v: number): boolean {
  if (pkg === ROOT) return v === ROOT_VERSION;
  return (world.registry.get(pkg)?.has(v) ?? false) && !world.unavailable.get(pkg)?.has(v);
}

/** Independent check of a solution: the root at its version, every chosen version usable and its dependencies met. */
function checkSolution(world: World, solution: Map<string, number>): string | null {
  if (solution.get(ROOT) !== ROOT_VERSION) return "root missing";
  for (const [pkg, v] of solution) {
    if (!usable(world, pkg, v)) return `${pkg} ${v} is not usable`;
    for (const [dep, r] of world.registry.get(pkg)?.get(v) ?? []) {
      const chosen = solution.get(dep);
      if (chosen === undefined || !r.contains(chosen)) return `${pkg} ${v} needs ${dep} ${r.toString()}, got ${String(chosen)}`;
    }
  }
  return null;
}

/** Brute force: does any selection (each package unselected or one usable version) satisfy everything? */
function bruteForceSolvable(world: World): boolean {
  const names = [...world.registry.keys()].filter((p) => p !== ROOT);
  const options = names.map((p) => [null, ...[...(world.registry.get(p)?.keys() ?? [])].filter((v) => usable(world, p, v))]);
  const solution = new Map<string, number>([[ROOT, ROOT_VERSION]]);
  const search = (i: number): boolean => {
    if (i === names.length) return checkSolution(world, solution) === null;
    for (const o of options[i]) {
      if (o === null) solution.delete(names[i]);
      else solution.set(names[i], o);
      if (search(i + 1)) return true;
    }
    solution.delete(names[i]);
    return false;
  };
  return search(0);
}

/** Whether a package state (null: unselected) makes a term true. */
function holds(term: TreeTerm<IntRange>, state: number | null): boolean {
  return term.positive ? state !== null && term.set.contains(state) : state === null || !term.set.contains(state);
}

function allHold(terms: readonly TreeTerm<IntRange>[], world: Map<string, number | null>): boolean {
  return terms.every((t) => holds(t, world.get(t.package) ?? null));
}

/**
 * Independent proof check. Each external fact must be true of the registry; each derived node
 * must follow from its causes: in every world (root at its version) where all of its terms hold,
 * all terms of one of its causes hold.
 */
function checkProof(world: World, tree: DerivationTree<number, IntRange, string>): string | null {
  const root = tree.root;
  if (!(root.terms.length === 0 || (root.terms.length === 1 && root.terms[0].package === ROOT && holds(root.terms[0], ROOT_VERSION)))) {
    return "the conclusion is not that the root is forbidden";
  }
  for (const node of nodesBottomUp(root)) {
    const problem = checkNode(world, node);
    if (problem) return `${problem} (node ${node.id})`;
  }
  return null;
}

function checkNode(world: World, node: DerivationNode<number, IntRange, string>): string | null {
  const versions = (p: string) => [...(world.registry.get(p)?.keys() ?? [])];
  switch (node.kind) {
    case "root":
      return node.package === ROOT && node.version === ROOT_VERSION ? null : "bad root fact";
    case "dependency":
      // With spans, a fact covers gaps between versions; it must hold for every version that exists.
      for (const v of world.spans ? versions(node.package) : POINTS) {
        if (!node.versions.contains(v)) continue;
        const r = world.registry.get(node.package)?.get(v)?.get(node.dependency);
        if (!r || !r.equals(node.dependencyRange)) return `${node.package} ${v} has no dependency ${node.dependency} ${node.dependencyRange.toString()}`;
      }
      return null;
    case "no-versions":
      return versions(node.package).some((v) => node.versions.contains(v)) ? `${node.package} has versions in ${node.versions.toString()}` : null;
    case "unavailable":
      return (world.spans ? versions(node.package) : POINTS).every((v) => !node.versions.contains(v) || world.unavailable.get(node.package)?.has(v))
        ? null
        : `${node.package} ${node.versions.toString()} is not unavailable`;
    case "derived": {
      const all = [...node.cause1.terms, ...node.cause2.terms, ...node.terms];
      const pkgs = [...new Set(all.map((t) => t.package))].filter((p) => p !== ROOT);
      // Per package, one state for each distinct combination of truth values of the terms about it.
      const statesOf = (p: string): (number | null)[] => {
        const terms = all.filter((t) => t.package === p);
        const seen = new Map<string, number | null>();
        for (const s of [null, ...POINTS]) {
          const key = terms.map((t) => (holds(t, s) ? "1" : "0")).join("");
          if (!seen.has(key)) seen.set(key, s);
        }
        return [...seen.values()];
      };
      const states = pkgs.map(statesOf);
      const w = new Map<string, number | null>([[ROOT, ROOT_VERSION]]);
      const search = (i: number): boolean => {
        if (i === pkgs.length) return !allHold(node.terms, w) || allHold(node.cause1.terms, w) || allHold(node.cause2.terms, w);
        for (const s of states[i]) {
          w.set(pkgs[i], s);
          if (!search(i + 1)) return false;
        }
        return true;
      };
      return search(0) ? null : "does not follow from its causes";
    }
  }
}

async function solveWorld(world: World, signal?: AbortController): Promise<SolveResult<number, IntRange, string>> {
  let calls = 0;
  const controller = signal ?? new AbortController();
  const provider = new RegistryProvider(world.registry, {
    unavailable: world.unavailable,
    async: world.async ? (call) => call % 3 !== 1 : false,
    policy: world.policy,
    spans: world.spans,
    onCall: () => {
      // A bounded registry must be solved in bounded work: abort runaway solves (reported as a failure).
      if (++calls > 20_000) controller.abort();
    },
  });
  return solve({ rootPackage: ROOT, rootVersion: ROOT_VERSION, provider, versionSets: sets, signal: controller.signal });
}

describe("solver on random registries", () => {
  it("returns valid solutions, and proofs exactly when brute force finds none", async () => {
    let solved = 0;
    let unsolvable = 0;
    await fc.assert(
      fc.asyncProperty(worldArb, async (world) => {
        const result = await solveWorld(world);
        expect(result.kind).not.toBe("cancelled");
        const possible = bruteForceSolvable(world);
        if (result.kind === "solved") {
          solved++;
          expect(checkSolution(world, result.solution)).toBeNull();
          // Only packages the root (transitively) needs are selected.
          expect(result.solution.size).toBeLessThanOrEqual(world.registry.size);
        } else if (result.kind === "unsolvable") {
          unsolvable++;
          expect(possible).toBe(false);
          expect(checkProof(world, result.tree)).toBeNull();
        }
        if (possible) expect(result.kind).toBe("solved");
      }),
      { numRuns: 400 },
    );
    // The generator must exercise both outcomes.
    expect(solved).toBeGreaterThan(80);
    expect(unsolvable).toBeGreaterThan(80);
  });

  it("explains every failure without losing structure", async () => {
    await fc.assert(
      fc.asyncProperty(worldArb, async (world) => {
        const result = await solveWorld(world);
        if (result.kind !== "unsolvable") return;
        const simplified = simplify(result.tree, world.registry, sets);
        for (const tree of [result.tree, simplified]) {
          const ids = new Set<number>();
          const nodes = nodesBottomUp(tree.root);
          for (const node of nodes) {
            expect(ids.has(node.id)).toBe(false);
            ids.add(node.id);
          }
          const report = reportText(tree);
          // One line per stated derived node at most, plus blank separators; numbers are 1..n in order.
          const derivedCount = nodes.filter(isDerived).length;
          expect(report.lines.filter((l) => l.text !== "").length).toBeLessThanOrEqual(Math.max(1, derivedCount));
          const numbers = report.lines.map((l) => l.number).filter((n) => n !== null);
          expect(numbers).toEqual(numbers.map((_, i) => i + 1));
          expect(report.lines[report.lines.length - 1].text).toMatch(/version solving failed\.$/);
          // Every "(n)" cited refers to an earlier line.
          report.lines.forEach((line, i) => {
            for (const m of line.text.matchAll(/\((\d+)\)/g)) {
              const cited = Number(m[1]);
              expect(report.lines.slice(0, i).some((l) => l.number === cited)).toBe(true);
            }
          });
          const graph = treeToGraph(tree, undefined, report.lines);
          expect(graph.nodes.length).toBe(nodes.length);
          expect(graph.edges.length).toBe(2 * derivedCount);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("is deterministic, with sync and async providers alike", async () => {
    await fc.assert(
      fc.asyncProperty(worldArb, async (world) => {
        const a = await solveWorld({ ...world, async: false });
        const b = await solveWorld({ ...world, async: true });
        expect(b.kind).toBe(a.kind);
        if (a.kind === "solved" && b.kind === "solved") expect([...b.solution]).toEqual([...a.solution]);
        if (a.kind === "unsolvable" && b.kind === "unsolvable") expect(reportText(b.tree).text).toBe(reportText(a.tree).text);
      }),
      { numRuns: 150 },
    );
  });
});
