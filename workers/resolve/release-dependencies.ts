// A release's Requires-Dist for the target environment: the base dependencies and those each extra adds.
import type { MarkerEnvironment } from "../packaging/markers";
import { parseDependency, type ParsedDependency } from "./parsed-dependency";
import type { ResolveOptions } from "./resolve-options";

export interface ReleaseDependencies {
  /** Dependencies whose marker holds with no extra selected. */
  base: ParsedDependency[];
  /** Requirements that carry a marker (evaluated per extra on demand). */
  conditional: ParsedDependency[];
  /** Requirement strings the index served that are not valid PEP 508, skipped as pip does. */
  warnings: string[];
}

function holds(dep: ParsedDependency, env: MarkerEnvironment, extras: readonly string[], warnings: string[]): boolean {
  if (!dep.marker) return true;
  try {
    return dep.marker.evaluate(env, extras);
  } catch (error) {
    warnings.push(`ignored "${dep.text}": its marker cannot be evaluated (${(error as Error).message})`);
    return false;
  }
}

export function releaseDependencies(requiresDist: readonly string[], env: MarkerEnvironment): ReleaseDependencies {
  const base: ParsedDependency[] = [];
  const conditional: ParsedDependency[] = [];
  const warnings: string[] = [];
  for (const text of requiresDist) {
    const parsed = parseDependency(text);
    if (!parsed.ok) {
      warnings.push(`skipped invalid requirement "${text}": ${parsed.message}`);
      continue;
    }
    const dep = parsed.dependency;
    if (dep.marker) conditional.push(dep);
    if (holds(dep, env, [], warnings)) base.push(dep);
  }
  return { base, conditional, warnings };
}

/** What selecting `extra` adds on top of the base dependencies. */
export function extraDependencies(deps: ReleaseDependencies, env: MarkerEnvironment, extra: string): ParsedDependency[] {
  const scratch: string[] = [];
  return deps.conditional.filter((dep) => holds(dep, env, [extra], scratch) && !holds(dep, env, [], scratch));
}

/**
 * The requirements a release (extra null) or one of its extras brings under the options: those whose marker holds
 * for the target, or, in a universal resolution, those that apply somewhere in the fork being resolved.
 */
export function dependenciesFor(deps: ReleaseDependencies, options: ResolveOptions, extra: string | null): ParsedDependency[] {
  if (options.fork) return options.fork.select([...deps.base.filter((d) => d.marker === null), ...deps.conditional], extra);
  return extra === null ? deps.base : extraDependencies(deps, options.markerEnv, extra);
}
