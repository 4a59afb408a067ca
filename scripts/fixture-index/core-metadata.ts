// Writes core metadata (the METADATA / PKG-INFO / PEP 658 `.metadata` text) of a synthetic distribution.

import { extrasOf } from "./extra-markers";

export interface CoreMetadataInput {
  name: string;
  version: string;
  summary: string;
  license: string;
  requiresPython: string | null;
  requiresDist: readonly string[];
  /** False writes old-style metadata without dependency fields (an sdist whose dependencies are unknown). */
  includeDependencies: boolean;
}

/**
 * Metadata-Version 2.1 text: Requires-Dist lines in the given order, each extra's `Provides-Extra` line just
 * before the first requirement that mentions it (the layout setuptools and wheel produce). Ends with a blank line
 * (empty description body).
 */
export function writeCoreMetadata(m: CoreMetadataInput): string {
  const lines = [
    `Metadata-Version: ${m.includeDependencies ? "2.1" : "1.1"}`,
    `Name: ${m.name}`,
    `Version: ${m.version}`,
    `Summary: ${m.summary}`,
  ];
  if (m.license !== "") lines.push(`License: ${m.license}`);
  if (m.includeDependencies) {
    if (m.requiresPython !== null) lines.push(`Requires-Python: ${m.requiresPython}`);
    const provided = new Set<string>();
    for (const req of m.requiresDist) {
      for (const extra of extrasOf(req)) {
        if (!provided.has(extra)) {
          provided.add(extra);
          lines.push(`Provides-Extra: ${extra}`);
        }
      }
      lines.push(`Requires-Dist: ${req}`);
    }
  }
  return `${lines.join("\n")}\n\n`;
}
