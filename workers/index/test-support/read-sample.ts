// Test support: reads the recorded pypi.org responses in ./samples (see samples/README.md for their source).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const SAMPLES = join(import.meta.dirname, "..", "samples");

/** The text of `samples/<path>`. */
export function readSample(path: string): string {
  return readFileSync(join(SAMPLES, path), "utf8");
}

/** Whether `samples/<path>` exists. */
export function hasSample(path: string): boolean {
  return existsSync(join(SAMPLES, path));
}

/** The file names in `samples/<dir>` (sorted; files only, by extension when given). */
export function listSamples(dir: string, extension = ""): string[] {
  return readdirSync(join(SAMPLES, dir), { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(extension))
    .map((e) => e.name)
    .sort();
}
