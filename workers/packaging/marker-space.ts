// Markers as sets of environments: a finite list of platforms, each with a range of CPython versions, so markers can be intersected, compared and printed back simplified.
import { Marker, type MarkerEnvironment } from "./markers";
import type { MarkerItem, MarkerList } from "./marker-ast";
import { VersionRange } from "./ranges";
import { tryParseSpecifier } from "./specifiers";
import { SentinelKind, parseVersion, releaseDigits, tryParseVersion, type Version } from "./version";

/**
 * One platform of a marker space: the values its platform variables take. Variables not listed here are fixed for
 * the whole space: CPython (`implementation_name` "cpython", `platform_python_implementation` "CPython",
 * `implementation_version` = `python_full_version`); `platform_release` and `platform_version` are not modelled and
 * take the representative values given here.
 */
export interface PlatformCell {
  sys_platform: string;
  platform_system: string;
  os_name: string;
  platform_machine: string;
  /** How a person names it: "Linux x86_64". */
  label: string;
  /** How a person names its operating system: "Linux". */
  osLabel: string;
  platform_release: string;
  platform_version: string;
}

/** The `python_version` values a marker's comparisons are read at: 2.0–2.7 and 3.0–3.49 (each one minor version). */
const MINORS: [number, number][] = [
  ...Array.from({ length: 8 }, (_, i): [number, number] => [2, i]),
  ...Array.from({ length: 50 }, (_, i): [number, number] => [3, i]),
];
/** The Python versions a space can cover at most: [2.0, 4.0). */
const PYTHON_FLOOR = parseVersion("2.0");
const PYTHON_CEILING = parseVersion("4.0");

/** The full-version interval of one minor version: [X.Y, next minor), the last of each major running to the next major. */
function minorInterval(index: number): VersionRange {
  const [major, minor] = MINORS[index];
  const next = index + 1 < MINORS.length ? MINORS[index + 1] : [4, 0];
  const upper = next[0] !== major ? parseVersion(`${major + 1}.0`) : parseVersion(`${next[0]}.${next[1]}`);
  return VersionRange.between(parseVersion(`${major}.${minor}`), true, upper, false);
}

const VERSION_VARIABLES = new Set(["python_version", "python_full_version", "implementation_version"]);

/** A set of environments of one {@link MarkerSpace}: per platform (same order as the space's cells), the Python versions. */
export class MarkerSet {
  constructor(readonly ranges: readonly VersionRange[]) {}

  and(other: MarkerSet): MarkerSet {
    return new MarkerSet(this.ranges.map((r, i) => r.intersect(other.ranges[i])));
  }

  or(other: MarkerSet): MarkerSet {
    return new MarkerSet(this.ranges.map((r, i) => r.union(other.ranges[i])));
  }

  /** The environments of this set that are not in `other`. */
  minus(other: MarkerSet): MarkerSet {
    return new MarkerSet(this.ranges.map((r, i) => r.intersect(other.ranges[i].complement())));
  }

  isEmpty(): boolean {
    return this.ranges.every((r) => r.isEmpty());
  }

  intersects(other: MarkerSet): boolean {
    return this.ranges.some((r, i) => !r.isDisjoint(other.ranges[i]));
  }

  isSubsetOf(other: MarkerSet): boolean {
    return this.ranges.every((r, i) => r.isSubsetOf(other.ranges[i]));
  }

  equals(other: MarkerSet): boolean {
    return this.ranges.every((r, i) => r.equals(other.ranges[i]));
  }

  /** Every Python version the set holds on some platform. */
  pythons(): VersionRange {
    return this.ranges.reduce((acc, r) => acc.union(r), VersionRange.empty());
  }
}

/**
 * The environments a universal resolution covers: some platforms, each with the same range of CPython versions.
 * Markers become {@link MarkerSet}s by evaluating each comparison: platform variables per platform (exactly as
 * packaging evaluates them), `python_version` per minor version, `python_full_version` as a PEP 440 range.
 */
export class MarkerSpace {
  readonly universe: MarkerSet;
  private readonly cellEnvs: MarkerEnvironment[];

  constructor(
    readonly cells: readonly PlatformCell[],
    python: VersionRange,
  ) {
    const capped = python.intersect(VersionRange.between(PYTHON_FLOOR, true, PYTHON_CEILING, false));
    this.universe = new MarkerSet(cells.map(() => capped));
    this.cellEnvs = cells.map((c) => ({
      sys_platform: c.sys_platform,
      platform_system: c.platform_system,
      os_name: c.os_name,
      platform_machine: c.platform_machine,
      platform_release: c.platform_release,
      platform_version: c.platform_version,
      implementation_name: "cpython",
      platform_python_implementation: "CPython",
    }));
  }

  /** The Python versions covered. */
  get python(): VersionRange {
    return this.universe.ranges[0] ?? VersionRange.empty();
  }

  empty(): MarkerSet {
    return new MarkerSet(this.cells.map(() => VersionRange.empty()));
  }

  /** Only the given platforms (by index), with every Python of the space. */
  platforms(indexes: readonly number[]): MarkerSet {
    return new MarkerSet(this.cells.map((_, i) => (indexes.includes(i) ? this.python : VersionRange.empty())));
  }

  /** The environments outside `set`. */
  not(set: MarkerSet): MarkerSet {
    return this.universe.minus(set);
  }

  /**
   * The environments where `marker` holds with `extra` set to the given value ("" for none), within the space.
   * Throws what packaging would throw for a comparison it cannot evaluate.
   */
  fromMarker(marker: Marker | null, extra = ""): MarkerSet {
    if (marker === null) return this.universe;
    return this.universe.and(this.fromList(marker.tree, extra));
  }

  /** packaging's evaluation order: `and` binds tighter than `or`. */
  private fromList(list: MarkerList, extra: string): MarkerSet {
    let any: MarkerSet | null = null;
    let group: MarkerSet | null = null;
    for (const element of list) {
      if (element === "or") {
        any = any ? any.or(group ?? this.universe) : (group ?? this.universe);
        group = null;
      } else if (element !== "and") {
        const value = Array.isArray(element) ? this.fromList(element, extra) : this.fromItem(element, extra);
        group = group ? group.and(value) : value;
      }
    }
    const last = group ?? this.universe;
    return any ? any.or(last) : last;
  }

  private fromItem(item: MarkerItem, extra: string): MarkerSet {
    const variable = item.lhs.kind === "variable" ? item.lhs.name : item.rhs.kind === "variable" ? item.rhs.name : null;
    const single = new Marker([item]);
    if (variable !== null && VERSION_VARIABLES.has(variable)) {
      const range = this.pythonRange(item, variable, single);
      return new MarkerSet(this.cells.map(() => range));
    }
    // Everything else is constant on a platform: evaluate it there, as packaging does.
    return new MarkerSet(this.cellEnvs.map((env) => (single.evaluate({ ...env, python_version: "3.12", python_full_version: "3.12.0", implementation_version: "3.12.0", extra }) ? VersionRange.full() : VersionRange.empty())));
  }

  /** The full Python versions where one comparison on a version variable holds. */
  private pythonRange(item: MarkerItem, variable: string, single: Marker): VersionRange {
    if (variable !== "python_version" && item.lhs.kind === "variable" && item.rhs.kind === "value") {
      const spec = tryParseSpecifier(item.op + item.rhs.value);
      if (spec !== null) return atReleases(spec.toRange());
    }
    // python_version (or an unusual comparison): read it at every minor version, each standing for its whole interval.
    let range = VersionRange.empty();
    for (let i = 0; i < MINORS.length; i++) {
      const [major, minor] = MINORS[i];
      const text = `${major}.${minor}`;
      if (single.evaluate({ ...this.cellEnvs[0], python_version: text, python_full_version: `${text}.0`, implementation_version: `${text}.0`, extra: "" })) {
        range = range.union(minorInterval(i));
      }
    }
    return range;
  }

  /** Whether a concrete environment (CPython, one of the space's platforms) is in the set. */
  containsEnvironment(set: MarkerSet, env: MarkerEnvironment): boolean {
    const cell = this.cells.findIndex((c) => c.sys_platform === env.sys_platform && c.platform_machine === env.platform_machine);
    const version = tryParseVersion(env.python_full_version ?? "");
    return cell >= 0 && version !== null && set.ranges[cell].contains(version);
  }

  /**
   * A short PEP 508 marker for the set, exact within the space (outside it, e.g. on a platform the space does not
   * cover, it may say anything): "" for the whole space, platforms by `sys_platform` (and `platform_machine` when
   * only some CPUs of an OS are in), Python versions by `python_version` at minor-version bounds and
   * `python_full_version` elsewhere, leaving out the bounds the space itself has.
   */
  toMarker(set: MarkerSet): string {
    if (set.equals(this.universe)) return "";
    if (set.isEmpty()) return "python_full_version < '0'";
    const groups = byRange(set);
    const terms = groups.map((g) => {
      // The Python clause alone says it when every other platform has at least these Pythons in the set.
      const alone = set.ranges.every((r, i) => g.cells.includes(i) || g.range.isSubsetOf(r));
      const parts = [alone ? "" : this.platformClause(g.cells), this.pythonClause(g.range)].filter((p) => p !== "");
      return parts.map((p) => (parts.length > 1 && / or /.test(p) ? `(${p})` : p)).join(" and ");
    });
    return terms.map((t) => (terms.length > 1 && / (or|and) /.test(t) ? `(${t})` : t)).join(" or ");
  }

  /** One marker per operating system of the space, each with the space's Python range written out (pylock.toml's `environments`). */
  environmentMarkers(): string[] {
    const python = rangeText(this.python)
      .split(" || ")
      .map((group) => group.split(", ").map(pythonMarkerClause).join(" and "));
    const pythonText = python.length > 1 ? `(${python.join(" or ")})` : python[0];
    return [...this.osGroups().keys()].map((os) => `sys_platform == '${os}' and ${pythonText}`);
  }

  /** In words, for explanations: "on Windows with Python 3.9", "on Linux aarch64 and macOS with Python >=3.11". */
  describe(set: MarkerSet): string {
    const groups = byRange(set);
    return groups
      .map((g) => {
        const where = this.platformWords(g.cells);
        return `on ${where} with Python ${pythonWords(g.range)}`;
      })
      .join(", and ");
  }

  private osGroups(): Map<string, number[]> {
    const byOs = new Map<string, number[]>();
    this.cells.forEach((c, i) => byOs.set(c.sys_platform, [...(byOs.get(c.sys_platform) ?? []), i]));
    return byOs;
  }

  private platformWords(cells: readonly number[]): string {
    const words: string[] = [];
    for (const members of this.osGroups().values()) {
      const inside = members.filter((i) => cells.includes(i));
      if (inside.length === 0) continue;
      if (inside.length === members.length) words.push(this.cells[members[0]].osLabel);
      else words.push(...inside.map((i) => this.cells[i].label));
    }
    return words.length <= 1 ? (words[0] ?? "no platform") : `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
  }

  private platformClause(cells: readonly number[]): string {
    if (cells.length === this.cells.length) return "";
    const whole: string[] = [];
    const outside: string[] = [];
    const partial: string[] = [];
    for (const [os, members] of this.osGroups()) {
      const inside = members.filter((i) => cells.includes(i));
      if (inside.length === members.length) whole.push(os);
      else if (inside.length === 0) outside.push(os);
      else for (const i of inside) partial.push(`(sys_platform == '${os}' and platform_machine == '${this.cells[i].platform_machine}')`);
    }
    const positive = [...whole.map((os) => `sys_platform == '${os}'`), ...partial];
    if (partial.length === 0 && outside.length < whole.length) return outside.map((os) => `sys_platform != '${os}'`).join(" and ");
    if (positive.length === 1 && partial.length === 1) return positive[0].slice(1, -1);
    return positive.join(" or ");
  }

  private pythonClause(range: VersionRange): string {
    if (range.equals(this.python)) return "";
    const universeText = rangeText(this.python);
    const universeClauses = new Set(universeText.split(", "));
    const groups = rangeText(range)
      .split(" || ")
      .map((group) => {
        const clauses = group.split(", ").filter((c) => !universeClauses.has(c) || universeText.includes(" || "));
        const minor = clauses.length === 2 ? sameMinor(clauses[0], clauses[1]) : null;
        if (minor !== null) return `python_version == '${minor}'`;
        return clauses.map(pythonMarkerClause).join(" and ");
      })
      .filter((g) => g !== "");
    return groups.map((g) => (groups.length > 1 && / and /.test(g) ? `(${g})` : g)).join(" or ");
  }
}

/** The platforms of a set grouped by their Python range (empty ones left out), in platform order. */
function byRange(set: MarkerSet): { cells: number[]; range: VersionRange }[] {
  const groups: { cells: number[]; range: VersionRange }[] = [];
  set.ranges.forEach((range, i) => {
    if (range.isEmpty()) return;
    const group = groups.find((g) => g.range.equals(range));
    if (group) group.cells.push(i);
    else groups.push({ cells: [i], range });
  });
  return groups;
}

/** A cut at a pre-release moved to its final release: CPython versions are compared as final releases (3.11.0rc1 is not modelled). */
function atRelease(v: Version): Version {
  if (v.sentinel !== SentinelKind.None || !v.isPrerelease || v.post !== null) return v;
  return parseVersion(releaseDigits(v).join("."));
}

/** The range with every bound at a final release, so `python_full_version < '3.11'` and `python_version >= '3.11'` are complements. */
function atReleases(range: VersionRange): VersionRange {
  let out = VersionRange.empty();
  for (const { lower, upper } of range.intervals()) {
    let piece = VersionRange.full();
    if (lower) piece = piece.intersect(VersionRange.lowerBounded(atRelease(lower.v), !lower.after));
    if (upper) piece = piece.intersect(VersionRange.upperBounded(atRelease(upper.v), upper.after));
    out = out.union(piece);
  }
  return out;
}

/** ">=3.9, <3.11" in words: "3.9" for one minor, "3.9 or newer", the range text otherwise. */
function pythonWords(range: VersionRange): string {
  const text = rangeText(range);
  const clauses = text.split(", ");
  if (clauses.length === 2) {
    const minor = sameMinor(clauses[0], clauses[1]);
    if (minor !== null) return minor;
  }
  if (clauses.length === 2 && clauses[1] === "<4.0" && clauses[0].startsWith(">=")) return `${clauses[0].slice(2)} or newer`;
  return text;
}

/** A Python range's text with bounds at final releases (see {@link atReleases}): "<3.11" is read as below 3.11.0. */
function rangeText(range: VersionRange): string {
  return range.toString().replaceAll(" (incl. pre-releases)", "");
}

/** ">=X.Y" and "<X.(Y+1)" together are one minor version: "X.Y". */
function sameMinor(lower: string, upper: string): string | null {
  const lo = /^>=(\d+)\.(\d+)$/.exec(lower);
  const hi = /^<(\d+)\.(\d+)$/.exec(upper);
  if (!lo || !hi) return null;
  const [lx, ly, hx, hy] = [lo[1], lo[2], hi[1], hi[2]].map(Number);
  if ((lx === hx && hy === ly + 1) || (hx === lx + 1 && hy === 0 && ((lx === 2 && ly === 7) || (lx === 3 && ly === 49)))) return `${lx}.${ly}`;
  return null;
}

/** One clause of a range's text as a marker comparison: minor-version bounds by python_version, others by python_full_version. */
function pythonMarkerClause(clause: string): string {
  const match = /^(>=|<=|==|!=|>|<)(\S+)$/.exec(clause);
  if (!match) throw new Error(`cannot write the Python range clause "${clause}" as a marker`);
  const [, op, version] = match;
  if ((op === ">=" || op === "<") && /^\d+\.\d+$/.test(version)) return `python_version ${op} '${version}'`;
  return `python_full_version ${op} '${version}'`;
}

/** The six platforms of Tangle's targets: Linux, macOS and Windows, each on x86-64 and on ARM64. */
export const STANDARD_PLATFORMS: readonly PlatformCell[] = [
  { sys_platform: "linux", platform_system: "Linux", os_name: "posix", platform_machine: "x86_64", label: "Linux x86_64", osLabel: "Linux", platform_release: "6.5.0", platform_version: "#1 SMP" },
  { sys_platform: "linux", platform_system: "Linux", os_name: "posix", platform_machine: "aarch64", label: "Linux aarch64", osLabel: "Linux", platform_release: "6.5.0", platform_version: "#1 SMP" },
  { sys_platform: "darwin", platform_system: "Darwin", os_name: "posix", platform_machine: "x86_64", label: "macOS x86_64", osLabel: "macOS", platform_release: "23.0.0", platform_version: "Darwin Kernel Version 23.0.0" },
  { sys_platform: "darwin", platform_system: "Darwin", os_name: "posix", platform_machine: "arm64", label: "macOS arm64", osLabel: "macOS", platform_release: "23.0.0", platform_version: "Darwin Kernel Version 23.0.0" },
  { sys_platform: "win32", platform_system: "Windows", os_name: "nt", platform_machine: "AMD64", label: "Windows AMD64", osLabel: "Windows", platform_release: "10", platform_version: "10.0.19045" },
  { sys_platform: "win32", platform_system: "Windows", os_name: "nt", platform_machine: "ARM64", label: "Windows ARM64", osLabel: "Windows", platform_release: "10", platform_version: "10.0.19045" },
];

/** A platform named only by its `sys_platform` value (e.g. "cygwin"): one CPU, `platform_system` the same value. */
export function otherPlatform(sysPlatform: string): PlatformCell {
  return { sys_platform: sysPlatform, platform_system: sysPlatform, os_name: "posix", platform_machine: "x86_64", label: sysPlatform, osLabel: sysPlatform, platform_release: "", platform_version: "" };
}

