// Whether an OSV advisory affects a PyPI release, evaluated exactly as the OSV schema's `IsVulnerable` pseudocode says.
import { canonicalizeName } from "../packaging/names";
import { compareVersions, tryParseVersion, type Version } from "../packaging/version";
import type { OsvAdvisory, OsvAffected, OsvEvent, OsvRange } from "./osv-advisory";

/**
 * Choices the schema leaves to the ecosystem, made the same way in scripts/vectors/generate_osv_vectors.py:
 * - ECOSYSTEM ranges use PEP 440 order; SEMVER and GIT ranges say nothing about PyPI version strings and are skipped.
 * - `introduced: "0"` sorts before every version (pre- and dev-releases of 0 included).
 * - An event whose version is not valid PEP 440 has no place in the order and is left out of the walk
 *   (two such events exist in the database, both `fixed`: dropping them errs towards "affected").
 * - A version that is not valid PEP 440 is in no range; it can still be listed in `versions`.
 * - `versions` entries match by PEP 440 equality (`1.0` lists `1.0.0`), else by the exact string.
 * - Events with equal versions keep their order in the file (a stable sort).
 */

interface SortedEvent {
  kind: "introduced" | "fixed" | "last_affected" | "limit";
  /** null for `introduced: "0"` (before everything). */
  version: Version | null;
}

function eventOf(event: OsvEvent): { kind: SortedEvent["kind"]; text: string } {
  if ("introduced" in event) return { kind: "introduced", text: event.introduced };
  if ("fixed" in event) return { kind: "fixed", text: event.fixed };
  if ("last_affected" in event) return { kind: "last_affected", text: event.last_affected };
  return { kind: "limit", text: event.limit };
}

/** The range's events in version order ("0" first, unplaceable ones dropped) and its limits (`*` is infinity). */
function sortedEvents(range: OsvRange): { events: SortedEvent[]; limits: (Version | "*")[] } {
  let compiled = compiledRanges.get(range);
  if (compiled === undefined) {
    compiled = compileRange(range);
    compiledRanges.set(range, compiled);
  }
  return compiled;
}

/** Parsed and sorted once per range object (advisories are read once and matched against many versions). */
const compiledRanges = new WeakMap<OsvRange, { events: SortedEvent[]; limits: (Version | "*")[] }>();
const compiledVersions = new WeakMap<readonly string[], (Version | null)[]>();

function compileRange(range: OsvRange): { events: SortedEvent[]; limits: (Version | "*")[] } {
  const events: SortedEvent[] = [];
  const limits: (Version | "*")[] = [];
  for (const raw of range.events) {
    const { kind, text } = eventOf(raw);
    if (kind === "limit") {
      if (text.includes("*")) limits.push("*");
      else {
        // An unparseable limit admits no version (none compares below it), but still counts as a limit event.
        const v = tryParseVersion(text);
        if (v !== null) limits.push(v);
      }
      continue;
    }
    if (kind === "introduced" && text === "0") {
      events.push({ kind, version: null });
      continue;
    }
    const v = tryParseVersion(text);
    if (v !== null) events.push({ kind, version: v });
  }
  // Array.prototype.sort is stable: equal versions keep file order.
  events.sort((a, b) => (a.version === null ? (b.version === null ? 0 : -1) : b.version === null ? 1 : compareVersions(a.version, b.version)));
  return { events, limits };
}

function hasLimitEvents(range: OsvRange): boolean {
  return range.events.some((e) => "limit" in e);
}

/** OSV `BeforeLimits`: no limit events means an implicit `*`. */
function beforeLimits(v: Version, range: OsvRange, limits: readonly (Version | "*")[]): boolean {
  if (!hasLimitEvents(range)) return true;
  return limits.some((l) => l === "*" || compareVersions(v, l) < 0);
}

/** OSV `IncludedInRanges` for one ECOSYSTEM range. */
export function includedInRange(v: Version, range: OsvRange): boolean {
  if (range.type !== "ECOSYSTEM") return false;
  const { events, limits } = sortedEvents(range);
  if (!beforeLimits(v, range, limits)) return false;
  let vulnerable = false;
  for (const e of events) {
    if (e.kind === "introduced" && (e.version === null || compareVersions(v, e.version) >= 0)) vulnerable = true;
    else if (e.kind === "fixed" && e.version !== null && compareVersions(v, e.version) >= 0) vulnerable = false;
    else if (e.kind === "last_affected" && e.version !== null && compareVersions(v, e.version) > 0) vulnerable = false;
  }
  return vulnerable;
}

/** OSV `IncludedInVersions`. */
export function includedInVersions(version: string, parsed: Version | null, versions: readonly string[]): boolean {
  let listed = compiledVersions.get(versions);
  if (listed === undefined) {
    listed = versions.map((v) => tryParseVersion(v));
    compiledVersions.set(versions, listed);
  }
  for (let i = 0; i < versions.length; i++) {
    if (versions[i] === version) return true;
    const other = listed[i];
    if (parsed !== null && other !== null && compareVersions(parsed, other) === 0) return true;
  }
  return false;
}

/** Whether one `affected[]` entry covers `version` (its package is assumed to be the one asked about). */
export function affectsVersion(affected: OsvAffected, version: string): boolean {
  const parsed = tryParseVersion(version);
  if (includedInVersions(version, parsed, affected.versions)) return true;
  return parsed !== null && affected.ranges.some((r) => includedInRange(parsed, r));
}

/** The `affected[]` entries of an advisory about the PyPI project `name` (compared after PEP 503 normalisation). */
export function affectedEntriesFor(advisory: OsvAdvisory, name: string): OsvAffected[] {
  const canonical = canonicalizeName(name);
  return advisory.affected.filter((a) => a.package.ecosystem === "PyPI" && canonicalizeName(a.package.name) === canonical);
}

/** OSV `IsVulnerable(pkg, v, osv)`. */
export function isVulnerable(advisory: OsvAdvisory, name: string, version: string): boolean {
  return affectedEntriesFor(advisory, name).some((a) => affectsVersion(a, version));
}

/** Every `fixed` version of the project's ECOSYSTEM ranges, in file order without repeats (pypi.org's `fixed_in`). */
export function fixedVersions(advisory: OsvAdvisory, name: string): string[] {
  const out: string[] = [];
  for (const a of affectedEntriesFor(advisory, name)) {
    for (const r of a.ranges) {
      if (r.type !== "ECOSYSTEM") continue;
      for (const e of r.events) if ("fixed" in e && !out.includes(e.fixed)) out.push(e.fixed);
    }
  }
  return out;
}
