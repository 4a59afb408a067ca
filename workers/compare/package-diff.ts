// Compares two package graphs (locks, resolutions, or one of each): added, removed, upgraded, downgraded, each with the requirement path that explains it.
import type { ResolvedPackageDto } from "../api";
import type { PackageDiffJson } from "../api-locks";
import { canonicalizeName } from "../packaging/names";
import { tryParseSpecifierSet } from "../packaging/specifiers";
import { compareVersions, tryParseVersion } from "../packaging/version";
import { describeHop, edgeSpecifier, requirementPath, type PackageGraph, type PathHop } from "./requirement-path";

const ROOT = "<root>";

export type { PackageDiffJson };

export interface ChangedPackage {
  name: string;
  from: string;
  to: string;
  direction: "upgraded" | "downgraded" | "changed";
  /** The path in the new graph, ending with the edge that moved it when one did. */
  path: PathHop[];
  /** Why it moved, in words. */
  reason: string;
  /**
   * The kind of reason, for tests and the page: a requirement excludes the old version; the old version required
   * something the new graph no longer satisfies; a package above it moved; the user asked; nothing forced it.
   */
  cause: "excluded" | "conflicts" | "dependent-moved" | "requested" | "free";
}

export interface PackageDiff {
  added: { name: string; version: string; path: PathHop[] }[];
  removed: { name: string; version: string; path: PathHop[] }[];
  changed: ChangedPackage[];
  unchanged: number;
}

export interface DiffOptions {
  /** Packages the user asked to upgrade (`--upgrade-package`), or "all" (`--upgrade`). */
  requested?: readonly string[] | "all";
}

function contains(specifier: string, version: string): boolean {
  if (specifier === "") return true;
  const set = tryParseSpecifierSet(specifier);
  if (!set) return true;
  return set.contains(version, { prereleases: true });
}

function direction(from: string, to: string): ChangedPackage["direction"] {
  const a = tryParseVersion(from);
  const b = tryParseVersion(to);
  if (!a || !b) return "changed";
  const order = compareVersions(a, b);
  return order < 0 ? "upgraded" : order > 0 ? "downgraded" : "changed";
}

function byName<T extends { name: string }>(a: T, b: T): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

export function diffPackages(before: PackageGraph, after: PackageGraph, options: DiffOptions = {}): PackageDiff {
  const old = new Map(before.packages.map((p) => [p.name, p]));
  const next = new Map(after.packages.map((p) => [p.name, p]));
  const requested = options.requested === "all" ? "all" : new Set((options.requested ?? []).map(canonicalizeName));
  const diff: PackageDiff = { added: [], removed: [], changed: [], unchanged: 0 };
  const movedVersion = (name: string): boolean => {
    const a = old.get(name);
    const b = next.get(name);
    return a !== undefined && b !== undefined && a.version !== b.version;
  };

  for (const pkg of after.packages) {
    const prev = old.get(pkg.name);
    if (!prev) {
      diff.added.push({ name: pkg.name, version: pkg.version, path: requirementPath(after, pkg.name) ?? [] });
      continue;
    }
    if (prev.version === pkg.version) {
      diff.unchanged += 1;
      continue;
    }
    const explained = explainChange(pkg, prev, after, requested, movedVersion, (name) => old.get(name)?.version ?? "?", next);
    diff.changed.push({ name: pkg.name, from: prev.version, to: pkg.version, direction: direction(prev.version, pkg.version), ...explained });
  }
  for (const pkg of before.packages) {
    if (!next.has(pkg.name)) diff.removed.push({ name: pkg.name, version: pkg.version, path: requirementPath(before, pkg.name) ?? [] });
  }
  diff.added.sort(byName);
  diff.removed.sort(byName);
  diff.changed.sort(byName);
  return diff;
}

/** Which requirement moved a package: one that excludes the old version, else a dependent that moved, else the user's request. */
function explainChange(
  pkg: ResolvedPackageDto,
  prev: ResolvedPackageDto,
  after: PackageGraph,
  requested: "all" | Set<string>,
  movedVersion: (name: string) => boolean,
  movedFrom: (name: string) => string,
  next: ReadonlyMap<string, ResolvedPackageDto>,
): Pick<ChangedPackage, "path" | "reason" | "cause"> {
  const byName = new Map(after.packages.map((p) => [p.name, p]));
  const excluding = pkg.dependents.find((d) => !contains(edgeSpecifier(after, byName, d, pkg.name), prev.version));
  if (excluding !== undefined) {
    const specifier = edgeSpecifier(after, byName, excluding, pkg.name);
    const who = excluding === ROOT ? "the project requires" : `${excluding} ${byName.get(excluding)?.version ?? ""} requires`;
    return { path: requirementPath(after, pkg.name, excluding) ?? [], reason: `${who} ${pkg.name}${specifier}, which ${prev.version} does not satisfy`, cause: "excluded" };
  }
  if (requested === "all" || requested.has(pkg.name)) {
    return { path: requirementPath(after, pkg.name) ?? [], reason: requested === "all" ? "every package was upgraded (--upgrade)" : "upgraded on request", cause: "requested" };
  }
  // The old version asked for something the new graph does not give it (a dependency moved past its range).
  for (const dep of prev.dependencies) {
    const now = next.get(dep.name);
    if (now && movedVersion(dep.name) && !contains(dep.specifier, now.version)) {
      return {
        path: requirementPath(after, pkg.name) ?? [],
        reason: `${pkg.name} ${prev.version} requires ${dep.name}${dep.specifier}, and ${dep.name} moved to ${now.version}`,
        cause: "conflicts",
      };
    }
  }
  const moved = pkg.dependents.find((d) => d !== ROOT && movedVersion(d));
  if (moved !== undefined) {
    const from = movedFrom(moved);
    return { path: requirementPath(after, pkg.name, moved) ?? [], reason: `it moved with ${moved} (${from} -> ${byName.get(moved)?.version ?? "?"}), which requires it`, cause: "dependent-moved" };
  }
  return { path: requirementPath(after, pkg.name) ?? [], reason: "no requirement forces it: the old version would still do", cause: "free" };
}

/** The JSON: `via` lists the path's hops as text, and for a change ends with why it moved. */
export function diffJson(diff: PackageDiff): PackageDiffJson {
  return {
    added: diff.added.map((a) => ({ name: a.name, version: a.version, via: a.path.map(describeHop) })),
    removed: diff.removed.map((r) => ({ name: r.name, version: r.version, via: r.path.map(describeHop) })),
    changed: diff.changed.map((c) => ({ name: c.name, from: c.from, to: c.to, via: [...c.path.map(describeHop), c.reason] })),
  };
}

/** The diff for a person: one section per kind, each package with its path and reason. */
export function formatDiffText(diff: PackageDiff): string {
  const lines: string[] = [];
  const via = (path: PathHop[], label: string) => (path.length > 0 ? `      ${label} ${path.map(describeHop).join(" -> ")}` : "      required by nothing the project asks for");
  const section = (title: string, items: { head: string; path: PathHop[]; reason?: string }[], label = "via") => {
    if (items.length === 0) return;
    lines.push(`${title} (${items.length}):`);
    for (const item of items) {
      lines.push(`  ${item.head}`, via(item.path, label));
      if (item.reason) lines.push(`      because ${item.reason}`);
    }
  };
  section("Upgraded", diff.changed.filter((c) => c.direction === "upgraded").map((c) => ({ head: `${c.name} ${c.from} -> ${c.to}`, path: c.path, reason: c.reason })));
  section("Downgraded", diff.changed.filter((c) => c.direction === "downgraded").map((c) => ({ head: `${c.name} ${c.from} -> ${c.to}`, path: c.path, reason: c.reason })));
  section("Changed", diff.changed.filter((c) => c.direction === "changed").map((c) => ({ head: `${c.name} ${c.from} -> ${c.to}`, path: c.path, reason: c.reason })));
  section("Added", diff.added.map((a) => ({ head: `${a.name} ${a.version}`, path: a.path })));
  section("Removed", diff.removed.map((r) => ({ head: `${r.name} ${r.version}`, path: r.path })), "was via");
  if (lines.length === 0) lines.push("No differences.");
  lines.push(`${diff.unchanged} unchanged`);
  return `${lines.join("\n")}\n`;
}
