// PEP 735 dependency groups: expands `{include-group = "..."}` entries, detecting unknown groups and include cycles.
import { canonicalizeName } from "../../packaging/names";
import type { Position } from "./location";

export type GroupEntry<T> = { kind: "item"; item: T } | { kind: "include"; name: string; at: Position };

export interface GroupProblem {
  at: Position;
  message: string;
}

/**
 * Expands every group's includes in place (depth first, in order). Group names match after PEP 503 normalisation,
 * as PEP 735 requires. An include of an unknown group, or one that closes a cycle, is reported and skipped.
 */
export function expandGroups<T>(groups: Map<string, GroupEntry<T>[]>): { expanded: Map<string, T[]>; problems: GroupProblem[] } {
  const byCanonical = new Map<string, string>();
  for (const name of groups.keys()) byCanonical.set(canonicalizeName(name), name);
  const problems: GroupProblem[] = [];
  const reported = new Set<string>();
  const report = (at: Position, message: string): void => {
    const key = `${at.line}:${at.column}`;
    if (reported.has(key)) return;
    reported.add(key);
    problems.push({ at, message });
  };

  const expand = (name: string, stack: string[]): T[] => {
    const out: T[] = [];
    for (const entry of groups.get(name) ?? []) {
      if (entry.kind === "item") {
        out.push(entry.item);
        continue;
      }
      const target = byCanonical.get(canonicalizeName(entry.name));
      if (target === undefined) {
        report(entry.at, `dependency group "${name}" includes "${entry.name}", which is not defined`);
        continue;
      }
      if (stack.includes(target)) {
        const cycle = [...stack.slice(stack.indexOf(target)), target].join(" -> ");
        report(entry.at, `dependency group "${name}" includes "${entry.name}", which forms a cycle (${cycle}); the include is skipped`);
        continue;
      }
      out.push(...expand(target, [...stack, target]));
    }
    return out;
  };

  const expanded = new Map<string, T[]>();
  for (const name of groups.keys()) expanded.set(name, expand(name, [name]));
  return { expanded, problems };
}
