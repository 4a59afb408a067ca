// Reads the bundled PyPI advisory database (scripts/data/advisories) from disk, for Node-side tools and tests.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { readOsvDatabase, type OsvAdvisory } from "./osv-advisory";

export const ADVISORY_DATABASE_PATH = fileURLToPath(new URL("../../scripts/data/advisories/pypa-advisory-database.json", import.meta.url));

let cached: OsvAdvisory[] | null = null;

/** Every advisory of the bundled database, parsed once. */
export function loadAdvisoryDatabase(path = ADVISORY_DATABASE_PATH): OsvAdvisory[] {
  if (path !== ADVISORY_DATABASE_PATH) return readOsvDatabase(JSON.parse(readFileSync(path, "utf8")), path);
  cached ??= readOsvDatabase(JSON.parse(readFileSync(path, "utf8")), path);
  return cached;
}
