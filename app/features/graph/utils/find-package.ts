// Finds the package a search box query means: exact name first, then a name that starts with it, then one that contains it.
import type { GraphNode } from "./graph-elements";

function normalise(text: string): string {
  return text.trim().toLowerCase().replace(/[-_.]+/g, "-");
}

export function findPackage(nodes: readonly GraphNode[], query: string): GraphNode | null {
  const q = normalise(query.replace(/\s+\S*\d\S*$/, "") || query);
  if (!q) return null;
  const named = nodes.map((n) => ({ node: n, name: normalise(n.displayName), id: n.id }));
  const byLength = (a: { name: string }, b: { name: string }) => a.name.length - b.name.length || a.name.localeCompare(b.name);
  return (
    named.find((n) => n.id === q || n.name === q)?.node ??
    named.filter((n) => n.name.startsWith(q)).sort(byLength)[0]?.node ??
    named.filter((n) => n.name.includes(q)).sort(byLength)[0]?.node ??
    null
  );
}
