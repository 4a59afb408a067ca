// Test support: reads the dependency-file fixtures under ./fixtures as the `files` map parseInput takes.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("./fixtures/", import.meta.url));

/** One fixture file's text. */
export function fixture(path: string): string {
  return readFileSync(join(ROOT, path), "utf8");
}

/** Every file under a fixture directory, keyed by its path relative to that directory. */
export function fixtureDir(dir: string): Record<string, string> {
  const base = join(ROOT, dir);
  const files: Record<string, string> = {};
  const walk = (at: string): void => {
    for (const entry of readdirSync(at)) {
      const full = join(at, entry);
      if (statSync(full).isDirectory()) walk(full);
      else files[relative(base, full).split("\\").join("/")] = readFileSync(full, "utf8");
    }
  };
  walk(base);
  return files;
}
