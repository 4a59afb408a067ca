// The OSV advisory format (ossf/osv-schema) as the PyPI advisory database writes it, read from untrusted JSON.

/** One event of a range: exactly one of the four keys is set (OSV: "only a single type is allowed in each event"). */
export type OsvEvent = { introduced: string } | { fixed: string } | { last_affected: string } | { limit: string };

export interface OsvRange {
  /** `ECOSYSTEM` (PEP 440 order for PyPI), `SEMVER` or `GIT`; only ECOSYSTEM ranges are evaluated against versions. */
  type: string;
  events: OsvEvent[];
}

export interface OsvAffected {
  package: { ecosystem: string; name: string };
  ranges: OsvRange[];
  versions: string[];
}

export interface OsvAdvisory {
  id: string;
  aliases: string[];
  summary: string | null;
  details: string;
  affected: OsvAffected[];
  /** RFC 3339 instant the advisory was withdrawn, or null. */
  withdrawn: string | null;
  published: string | null;
  modified: string | null;
}

/** A problem with the advisory data, naming the entry and the field. */
export class OsvFormatError extends Error {}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

function str(x: unknown, where: string): string {
  if (typeof x !== "string") throw new OsvFormatError(`${where}: expected a string`);
  return x;
}

function optStr(x: unknown, where: string): string | null {
  return x === undefined || x === null ? null : str(x, where);
}

function strList(x: unknown, where: string): string[] {
  if (x === undefined || x === null) return [];
  if (!Array.isArray(x)) throw new OsvFormatError(`${where}: expected an array of strings`);
  return x.map((s, i) => str(s, `${where}[${i}]`));
}

const EVENT_KEYS = ["introduced", "fixed", "last_affected", "limit"] as const;

function readEvent(x: unknown, where: string): OsvEvent {
  if (!isRecord(x)) throw new OsvFormatError(`${where}: expected an object`);
  const keys = EVENT_KEYS.filter((k) => x[k] !== undefined);
  if (keys.length !== 1) throw new OsvFormatError(`${where}: an event has exactly one of ${EVENT_KEYS.join(", ")} (got ${keys.join(", ") || "none"})`);
  const key = keys[0];
  const value = str(x[key], `${where}.${key}`);
  switch (key) {
    case "introduced":
      return { introduced: value };
    case "fixed":
      return { fixed: value };
    case "last_affected":
      return { last_affected: value };
    default:
      return { limit: value };
  }
}

/** One advisory from parsed JSON; throws OsvFormatError naming the advisory and field. */
export function readOsvAdvisory(x: unknown, where: string): OsvAdvisory {
  if (!isRecord(x)) throw new OsvFormatError(`${where}: expected an object`);
  const id = str(x.id, `${where}.id`);
  const at = `${where} (${id})`;
  const affectedList = x.affected === undefined ? [] : x.affected;
  if (!Array.isArray(affectedList)) throw new OsvFormatError(`${at}.affected: expected an array`);
  const affected = affectedList.map((a: unknown, i): OsvAffected => {
    const p = `${at}.affected[${i}]`;
    if (!isRecord(a) || !isRecord(a.package)) throw new OsvFormatError(`${p}.package: expected an object`);
    const ranges = a.ranges === undefined ? [] : a.ranges;
    if (!Array.isArray(ranges)) throw new OsvFormatError(`${p}.ranges: expected an array`);
    return {
      package: { ecosystem: str(a.package.ecosystem, `${p}.package.ecosystem`), name: str(a.package.name, `${p}.package.name`) },
      ranges: ranges.map((r: unknown, j): OsvRange => {
        if (!isRecord(r) || !Array.isArray(r.events)) throw new OsvFormatError(`${p}.ranges[${j}]: expected an object with events`);
        return { type: str(r.type, `${p}.ranges[${j}].type`), events: r.events.map((e: unknown, k) => readEvent(e, `${p}.ranges[${j}].events[${k}]`)) };
      }),
      versions: strList(a.versions, `${p}.versions`),
    };
  });
  return {
    id,
    aliases: strList(x.aliases, `${at}.aliases`),
    summary: optStr(x.summary, `${at}.summary`),
    details: optStr(x.details, `${at}.details`) ?? "",
    affected,
    withdrawn: optStr(x.withdrawn, `${at}.withdrawn`),
    published: optStr(x.published, `${at}.published`),
    modified: optStr(x.modified, `${at}.modified`),
  };
}

/** A whole database: a JSON array of advisories (the shape of `scripts/data/advisories/pypa-advisory-database.json`). */
export function readOsvDatabase(json: unknown, where: string): OsvAdvisory[] {
  if (!Array.isArray(json)) throw new OsvFormatError(`${where}: expected a JSON array of OSV advisories`);
  return json.map((x, i) => readOsvAdvisory(x, `${where}[${i}]`));
}
