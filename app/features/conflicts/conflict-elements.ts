// Turns the resolver's conflict graph (causes -> derived facts -> "version solving failed") into Cytoscape elements, marking what clashes.
import type { ElementDefinition } from "cytoscape";
import type { ExplanationGraphDto } from "../../../workers/api";

type ExplanationNode = ExplanationGraphDto["nodes"][number];

const CHAR_WIDTH = 6.6;
const LINE_HEIGHT = 15;
const MAX_LINE = 40;

/** Breaks a label into lines of at most `max` characters, at spaces where possible. */
export function wrapLabel(text: string, max = MAX_LINE): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > max) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
  }
  return lines;
}

/**
 * The packages whose ranges clash: those required (as a dependency's target) by two or more facts, or those
 * with no usable version in the range asked for.
 */
export function clashingPackages(nodes: readonly ExplanationNode[]): Set<string> {
  const required = new Map<string, number>();
  const clashing = new Set<string>();
  for (const node of nodes) {
    if (node.kind === "dependency" && node.dependency) required.set(node.dependency, (required.get(node.dependency) ?? 0) + 1);
    if ((node.kind === "no-versions" || node.kind === "unavailable") && node.package) clashing.add(node.package);
  }
  for (const [name, count] of required) if (count > 1) clashing.add(name);
  return clashing;
}

/** The classes that style a node: its kind, and whether it is the conclusion, a dead end, or a clashing requirement. */
export function conflictClasses(node: ExplanationNode, clashing: ReadonlySet<string>): string[] {
  const classes = [`kind-${node.kind}`];
  if (node.isRoot) classes.push("conclusion");
  else if (node.kind === "no-versions" || node.kind === "unavailable") classes.push("clash");
  else if (node.kind === "dependency" && node.dependency && clashing.has(node.dependency)) classes.push("clash-range");
  return classes;
}

export function conflictElements(graph: ExplanationGraphDto): ElementDefinition[] {
  const ids = new Set(graph.nodes.map((n) => n.id));
  const clashing = clashingPackages(graph.nodes);
  const nodes = graph.nodes.map<ElementDefinition>((node) => {
    const lines = wrapLabel(node.line !== undefined ? `(${node.line}) ${node.label}` : node.label);
    const longest = Math.max(...lines.map((l) => l.length));
    return {
      group: "nodes",
      data: { id: node.id, display: lines.join("\n"), w: Math.round(longest * CHAR_WIDTH + 26), h: lines.length * LINE_HEIGHT + 16 },
      classes: conflictClasses(node, clashing),
    };
  });
  const edges = graph.edges
    .filter((e) => ids.has(e.from) && ids.has(e.to))
    .map<ElementDefinition>((e, i) => ({ group: "edges", data: { id: `e${i}:${e.from}->${e.to}`, source: e.from, target: e.to }, pannable: true }));
  return [...nodes, ...edges];
}
