// Test support: the real lock files under ../fixtures (manifest, golden data from scripts/lock-reference) and a reader over them.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { LockedGraph } from "../locked-graph";
import { readLock } from "../read-lock";

const ROOT = fileURLToPath(new URL("../fixtures/", import.meta.url));

export interface LockFixture {
  id: string;
  format: string;
  repo: string;
  commit: string;
  path: string;
  files: string[];
}

export interface LockGolden {
  format: string;
  file: string;
  pins: [string, string][];
  projects: string[];
  edges?: Record<string, string[]>;
}

export const LOCK_FIXTURES: LockFixture[] = JSON.parse(readFileSync(join(ROOT, "manifest.json"), "utf8")) as LockFixture[];
export const LOCK_GOLDEN: Record<string, LockGolden> = JSON.parse(readFileSync(join(ROOT, "golden.json"), "utf8")) as Record<string, LockGolden>;

export function lockFixtureText(id: string, path: string): string {
  return readFileSync(join(ROOT, id, path), "utf8");
}

/** Reads a fixture's lock with the project files stored beside it, as the CLI and the page do. */
export function readLockFixture(id: string): LockedGraph {
  const entry = LOCK_FIXTURES.find((f) => f.id === id);
  if (!entry) throw new Error(`no lock fixture ${id}`);
  const files: Record<string, string> = {};
  for (const f of entry.files) if (f !== entry.path && dirname(f) === dirname(entry.path)) files[f] = lockFixtureText(id, f);
  const result = readLock(lockFixtureText(id, entry.path), { fileName: entry.path, files });
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join("\n"));
  return result.graph;
}
