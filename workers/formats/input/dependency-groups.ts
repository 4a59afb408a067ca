// PEP 735 dependency groups: expands `{include-group = "..."}` entries, detecting unknown groups and include cycles.
import { canonicalizeName } from "../../packaging/names";
import { appendAll } from "./append-all";
import type { Position } from "./location";

export type GroupEntry<T> = { kind: "item"; item: T } | { kind: "include"; name: string; at: Position };

export interface GroupProblem {
  at: Position;
  message: string;
}

/** The most entries one group may expand to: far beyond any real project, far below a memory problem. */
export const MAX_GROUP_ENTRIES = 100_000;

/** Strongly connected components of a graph given as adjacency lists (Tarjan's algorithm, iterative). */
function components(nodeCount: number, edges: number[][]): number[] {
  const index = new Array<number>(nodeCount).fill(-1);
  const low = new Array<number>(nodeCount).fill(0);
  const component = new Array<number>(nodeCount).fill(-1);
  const onStack = new Array<boolean>(nodeCount).fill(false);
  const stack: number[] = [];
  let counter = 0;
  let found = 0;
  for (let root = 0; root < nodeCount; root++) {
    if (index[root] >= 0) continue;
    const work: { node: number; next: number }[] = [{ node: root, next: 0 }];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = true;
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const out = edges[frame.node];
      if (frame.next < out.length) {
        const target = out[frame.next++];
        if (index[target] < 0) {
          index[target] = low[target] = counter++;
          stack.push(target);
          onStack[target] = true;
          work.push({ node: target, next: 0 });
        } else if (onStack[target]) low[frame.node] = Math.min(low[frame.node], index[target]);
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        low[parent] = Math.min(low[parent], low[frame.node]);
      }
      if (low[frame.node] === index[frame.node]) {
        for (;;) {
          const member = stack.pop() as number;
          onStack[member] = false;
          component[member] = found;
          if (member === frame.node) break;
        }
        found++;
      }
    }
  }
  return component;
}

/**
 * Expands every group's includes in order. Group names match after PEP 503 normalisation, as PEP 735 requires. An
 * include of an unknown group, or one that closes a cycle, is reported and skipped; an entry reached twice (a diamond
 * of includes) is kept once; a group past MAX_GROUP_ENTRIES is cut there. A group outside any cycle is expanded once
 * for all; one on a cycle once per group whose expansion reaches it (its value depends on where the cycle is entered).
 */
export function expandGroups<T>(groups: Map<string, GroupEntry<T>[]>): { expanded: Map<string, T[]>; problems: GroupProblem[] } {
  const names = [...groups.keys()];
  const indexOf = new Map<string, number>();
  names.forEach((name, k) => indexOf.set(canonicalizeName(name), k));
  const problems: GroupProblem[] = [];
  const reported = new Set<string>();
  const report = (at: Position, message: string): void => {
    const key = `${at.line}:${at.column}`;
    if (reported.has(key)) return;
    reported.add(key);
    problems.push({ at, message });
  };

  const edges = names.map((name) =>
    (groups.get(name) ?? []).flatMap((entry) => {
      const target = entry.kind === "include" ? indexOf.get(canonicalizeName(entry.name)) : undefined;
      return target === undefined ? [] : [target];
    }),
  );
  const component = components(names.length, edges);
  const componentSize = new Map<number, number>();
  for (const c of component) componentSize.set(c, (componentSize.get(c) ?? 0) + 1);
  const onCycle = (group: number): boolean => (componentSize.get(component[group]) ?? 0) > 1;

  const settled: (T[] | undefined)[] = new Array(names.length);
  const expand = (root: number): T[] => {
    const local = new Map<number, T[]>();
    const known = (group: number): T[] | undefined => settled[group] ?? local.get(group);
    // Depth first without recursion: a frame per group being expanded, resumed at its next entry.
    type Frame = { group: number; entry: number; out: T[]; seen: Set<T>; cut: boolean };
    const work: Frame[] = [];
    const open = (group: number): void => void work.push({ group, entry: 0, out: [], seen: new Set(), cut: false });
    const add = (frame: Frame, items: readonly T[], at: Position): void => {
      for (const item of items) {
        if (frame.cut || frame.seen.has(item)) continue;
        if (frame.out.length >= MAX_GROUP_ENTRIES) {
          frame.cut = true;
          report(at, `dependency group "${names[frame.group]}" expands to more than ${MAX_GROUP_ENTRIES.toLocaleString("en")} entries; it is cut there`);
          return;
        }
        frame.seen.add(item);
        frame.out.push(item);
      }
    };
    open(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const entries = groups.get(names[frame.group]) ?? [];
      if (frame.entry >= entries.length || frame.cut) {
        work.pop();
        if (onCycle(frame.group)) local.set(frame.group, frame.out);
        else settled[frame.group] = frame.out;
        const parent = work[work.length - 1];
        const include = parent === undefined ? undefined : (groups.get(names[parent.group]) ?? [])[parent.entry - 1];
        if (parent !== undefined && include?.kind === "include") add(parent, frame.out, include.at);
        continue;
      }
      const entry = entries[frame.entry++];
      if (entry.kind === "item") {
        add(frame, [entry.item], { line: 1, column: 1 });
        continue;
      }
      const name = names[frame.group];
      const target = indexOf.get(canonicalizeName(entry.name));
      if (target === undefined) {
        report(entry.at, `dependency group "${name}" includes "${entry.name}", which is not defined`);
        continue;
      }
      const onStack = work.findIndex((f) => f.group === target);
      if (onStack >= 0) {
        const cycle = [...work.slice(onStack).map((f) => names[f.group]), names[target]].join(" -> ");
        report(entry.at, `dependency group "${name}" includes "${entry.name}", which forms a cycle (${cycle}); the include is skipped`);
        continue;
      }
      const done = known(target);
      if (done) add(frame, done, entry.at);
      else open(target);
    }
    return known(root) ?? [];
  };

  const result = new Map<string, T[]>();
  names.forEach((name, k) => {
    const out: T[] = [];
    appendAll(out, settled[k] ?? expand(k));
    result.set(name, out);
  });
  return { expanded: result, problems };
}
