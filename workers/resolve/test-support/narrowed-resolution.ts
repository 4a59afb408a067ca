// Test support: a universal result narrowed to one environment, and whether that is a valid resolution there (every requirement met, one version per package).
import type { ResolvedPackageDto } from "../../api";
import type { ListingResult } from "../../index/index-types";
import { evaluateMarker, type MarkerEnvironment } from "../../packaging/markers";
import { tryParseSpecifierSet } from "../../packaging/specifiers";
import { parseVersion } from "../../packaging/version";
import type { PackageSource } from "../package-source";
import { parseDependency } from "../parsed-dependency";
import { createSnapshotSource } from "../snapshot-source";

/** A registry as packse writes one: per project, per version, its requirements and Requires-Python. */
export type Registry = Record<string, Record<string, { requires?: string[]; requires_python?: string }>>;

/** The registry as an in-memory package source (one `py3-none-any` wheel per release, carrying its Requires-Python). */
export function registrySource(registry: Registry): PackageSource {
  const base = createSnapshotSource(Object.fromEntries(Object.entries(registry).map(([name, versions]) => [name, Object.fromEntries(Object.entries(versions).map(([v, r]) => [v, { dependencies: r.requires ?? [] }]))])));
  return {
    getListing(name): ListingResult {
      const result = base.getListing(name) as ListingResult;
      if (result.kind !== "found") return result;
      const versions = registry[name] ?? {};
      const releases = result.listing.releases.map((r) => ({ ...r, files: r.files.map((f) => ({ ...f, requiresPython: versions[r.listedAs]?.requires_python ?? null })) }));
      return { ...result, listing: { ...result.listing, releases } };
    },
    getMetadata: (listing, version) => base.getMetadata(listing, version),
  };
}

/** A CPython environment on one of linux/darwin/win32 (x86-64) at one full Python version. */
export function environment(sysPlatform: "linux" | "darwin" | "win32", python: string): MarkerEnvironment {
  const [major, minor] = python.split(".");
  const info = { linux: ["Linux", "posix", "x86_64"], darwin: ["Darwin", "posix", "x86_64"], win32: ["Windows", "nt", "AMD64"] }[sysPlatform];
  return {
    implementation_name: "cpython",
    implementation_version: python,
    os_name: info[1],
    platform_machine: info[2],
    platform_python_implementation: "CPython",
    platform_release: "",
    platform_system: info[0],
    platform_version: "",
    python_full_version: python,
    python_version: `${major}.${minor}`,
    sys_platform: sysPlatform,
  };
}

/** The packages a universal result installs in `env`: those without a marker or whose marker holds there. */
export function narrow(packages: readonly ResolvedPackageDto[], env: MarkerEnvironment): ResolvedPackageDto[] {
  return packages.filter((p) => p.marker === undefined || evaluateMarker(p.marker, env));
}

/**
 * What makes the narrowed packages no valid resolution in `env` (empty: valid): a name installed twice, a requirement
 * of the root or of an installed package (with the extras asked for, markers evaluated in `env`) not met by the
 * installed version, or an installed version whose Requires-Python rejects the environment's Python.
 */
export function validityProblems(registry: Registry, rootRequires: readonly string[], installed: readonly ResolvedPackageDto[], env: MarkerEnvironment): string[] {
  const problems: string[] = [];
  const byName = new Map<string, string>();
  for (const p of installed) {
    if (byName.has(p.name)) problems.push(`${p.name} is installed twice (${byName.get(p.name)} and ${p.version})`);
    byName.set(p.name, p.version);
  }
  const done = new Set<string>();
  const queue: { from: string; text: string; extra: string }[] = rootRequires.map((text) => ({ from: "the root", text, extra: "" }));
  while (queue.length > 0) {
    const { from, text, extra } = queue.shift() as { from: string; text: string; extra: string };
    const parsed = parseDependency(text);
    if (!parsed.ok) throw new Error(`invalid requirement ${text}`);
    const dep = parsed.dependency;
    if (dep.marker && !evaluateMarker(dep.marker, { ...env, extra })) continue;
    const version = byName.get(dep.name);
    if (version === undefined) {
      problems.push(`${from} requires ${text} but ${dep.name} is not installed`);
      continue;
    }
    if (!dep.range.contains(parseVersion(version))) problems.push(`${from} requires ${text} but ${dep.name} ${version} is installed`);
    for (const want of ["", ...dep.extras]) {
      const key = `${dep.name}[${want}]`;
      if (done.has(key)) continue;
      done.add(key);
      const release = registry[dep.name]?.[version];
      const requiresPython = release?.requires_python ? tryParseSpecifierSet(release.requires_python) : null;
      if (want === "" && requiresPython && !requiresPython.contains(env.python_full_version, { prereleases: true })) {
        problems.push(`${dep.name} ${version} requires Python ${release?.requires_python} but the environment has ${env.python_full_version}`);
      }
      for (const child of release?.requires ?? []) queue.push({ from: `${dep.name} ${version}`, text: child, extra: want });
    }
  }
  return problems;
}
