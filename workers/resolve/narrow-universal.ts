// A universal resolution narrowed to one environment: the packages whose markers hold there, with the edges that exist there.
import type { ResolvedPackageDto, TargetDto, UniversalScopeDto } from "../api";
import { markerEnvironment } from "../packaging/environment";
import { evaluateMarker, type MarkerEnvironment } from "../packaging/markers";
import { canonicalizeName } from "../packaging/names";
import { tryParseSpecifierSet } from "../packaging/specifiers";

const ROOT = "<root>";

/** One environment a person can pick to view a universal result in. */
export interface UniversalEnvironmentChoice {
  target: TargetDto;
  /** e.g. "Linux · Python 3.12". */
  label: string;
}

const OS_LABEL: Record<TargetDto["os"], string> = { linux: "Linux", macos: "macOS", windows: "Windows" };
/** The CPU each OS is viewed on by default: the one most machines of that OS have today. */
const DEFAULT_ARCH: Record<TargetDto["os"], TargetDto["arch"]> = { linux: "x86_64", macos: "arm64", windows: "x86_64" };

/** The environments of a universal result to pick from: each of its platforms with each Python version (of `pythonVersions`) in its range. */
export function universalEnvironmentChoices(scope: UniversalScopeDto, pythonVersions: readonly string[]): UniversalEnvironmentChoice[] {
  const range = tryParseSpecifierSet(scope.python);
  const pythons = pythonVersions.filter((v) => range === null || range.contains(`${v}.0`, { prereleases: true }) || range.contains(v, { prereleases: true }));
  return scope.platforms.flatMap((os) =>
    pythons.map((pythonVersion) => ({
      target: { implementation: "cpython" as const, pythonVersion, os, arch: DEFAULT_ARCH[os] },
      label: `${OS_LABEL[os]} · Python ${pythonVersion}`,
    })),
  );
}

/** A marker's verdict for one environment; a marker that cannot be read keeps what it guards (shown rather than silently dropped). */
function holds(marker: string | undefined, env: MarkerEnvironment): boolean {
  if (!marker) return true;
  try {
    return evaluateMarker(marker, env);
  } catch {
    return true;
  }
}

const keyOf = (p: ResolvedPackageDto): string => p.id ?? p.name;

/**
 * The packages of a universal result installed on `target`, each with the dependencies that exist there and the
 * dependents that reach it there. When the narrowed result has one version per name (it should: forks are disjoint),
 * keys become plain names again; `marker`s are dropped, since every package shown is installed on the target.
 */
export function narrowUniversal(packages: readonly ResolvedPackageDto[], target: TargetDto): ResolvedPackageDto[] {
  const env = markerEnvironment(target);
  const kept = packages.filter((p) => holds(p.marker, env));
  const keptKeys = new Set(kept.map(keyOf));
  const countByName = new Map<string, number>();
  for (const p of kept) countByName.set(p.name, (countByName.get(p.name) ?? 0) + 1);
  const unique = [...countByName.values()].every((n) => n === 1);
  const rename = (key: string): string => {
    if (!unique || key === ROOT) return key;
    const p = kept.find((k) => keyOf(k) === key);
    return p ? p.name : key;
  };

  const dependencies = new Map<string, ResolvedPackageDto["dependencies"]>();
  /** key of each kept package -> keys of the kept packages whose kept edges reach it. */
  const reachedFrom = new Map<string, Set<string>>(kept.map((p) => [keyOf(p), new Set<string>()]));
  for (const p of kept) {
    const edges = p.dependencies
      .filter((d) => holds(d.environmentMarker, env))
      .map((d) => {
        const reached = (d.targets ?? kept.filter((k) => k.name === canonicalizeName(d.name)).map(keyOf)).filter((t) => keptKeys.has(t));
        for (const t of reached) reachedFrom.get(t)?.add(keyOf(p));
        const edge = { ...d };
        delete edge.environmentMarker;
        delete edge.targets;
        if (!unique && reached.length > 0) edge.targets = reached;
        return edge;
      });
    dependencies.set(keyOf(p), edges);
  }

  return kept.map((p) => {
    const key = keyOf(p);
    // Your requirement may hold only elsewhere (its marker false here) while another package needs this one here.
    const direct = p.direct && holds(p.directMarker, env);
    const narrowed: ResolvedPackageDto = {
      ...p,
      direct,
      dependencies: dependencies.get(key) ?? [],
      dependents: p.dependents.filter((d) => (d === ROOT ? direct : reachedFrom.get(key)?.has(d))).map(rename),
    };
    delete narrowed.marker;
    delete narrowed.directMarker;
    if (unique) delete narrowed.id;
    return narrowed;
  });
}

