// A universal resolution: resolve fork by fork over the requested environments (splitting where requirements' markers diverge), then merge the forks' answers.
import type { ResolveRequest, Resolution, UniversalScopeDto } from "../api";
import type { MarkerSet } from "../packaging/marker-space";
import type { SolveStats } from "../pubgrub/solver";
import { VersionRange } from "../packaging/ranges";
import { parseVersion } from "../packaging/version";
import { explainFailure } from "./explain-failure";
import { ForkNeeded, ForkScope, UniversalMarkers } from "./fork-scope";
import type { PreparedRequest } from "./prepare-request";
import type { PythonProvider } from "./python-provider";
import type { ResolveContext } from "./resolve-context";
import type { ResolveOptions } from "./resolve-options";
import { skippedRequirements } from "./skipped-requirements";
import { solveOnce, type SolveRun } from "./solve-once";
import { universalPackages, type SolvedFork } from "./universal-packages";
import { universalSpace } from "./universal-space";

/** More forks than this and the resolution stops with a "too complex" error. */
export const MAX_FORKS = 64;

/** What the universal driver reports back to `resolveRequest`, which owns stats, progress and error shapes. */
export interface UniversalHooks {
  onStats: (stats: SolveStats, provider: PythonProvider) => void;
  onStart: (provider: PythonProvider) => void;
}

export type UniversalOutcome =
  | { kind: "resolved"; resolution: Pick<Extract<Resolution, { status: "resolved" }>, "packages" | "universal" | "warnings" | "skipped">; runs: SolveRun[] }
  | { kind: "unsatisfiable"; resolution: Pick<Extract<Resolution, { status: "unsatisfiable" }>, "summary" | "explanation" | "graph" | "universal" | "warnings" | "skipped">; runs: SolveRun[] }
  | { kind: "stopped"; run: SolveRun; runs: SolveRun[] }
  | { kind: "error"; message: string; errorKind: "input" | "too-complex"; runs: SolveRun[] };

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The options of one fork: its scope, its Python range, its lowest Python as the interpreter version, a representative environment. */
function forkOptions(options: ResolveOptions, scope: ForkScope): ResolveOptions {
  const pythonRange = scope.fork.pythons();
  const lowest = pythonRange.intervals()[0]?.lower?.v ?? parseVersion("2.0");
  const python = parseVersion(lowest.toString());
  const cell = scope.space.cells[scope.fork.ranges.findIndex((r) => !r.isEmpty())];
  const markerEnv = {
    ...options.markerEnv,
    sys_platform: cell.sys_platform,
    platform_system: cell.platform_system,
    os_name: cell.os_name,
    platform_machine: cell.platform_machine,
    implementation_name: "cpython",
    platform_python_implementation: "CPython",
    python_version: python.release.slice(0, 2).join("."),
    python_full_version: python.toString(),
    implementation_version: python.toString(),
  };
  // The forks start split by the marked constraints and overrides, so each holds in the whole of a fork or nowhere in it.
  const constraints = new Map(options.constraints);
  const fileConstraints = new Map(options.fileConstraints ?? options.constraints);
  for (const c of options.markedConstraints ?? []) {
    if (scope.where(c, "").isEmpty()) continue;
    constraints.set(c.name, (constraints.get(c.name) ?? VersionRange.full()).intersect(c.range));
    fileConstraints.set(c.name, (fileConstraints.get(c.name) ?? VersionRange.full()).intersect(c.range));
  }
  const overrides = new Map(options.overrides);
  for (const o of options.markedOverrides ?? []) if (!scope.where(o, "").isEmpty()) overrides.set(o.name, o);
  return {
    ...options,
    constraints,
    fileConstraints,
    overrides,
    fork: scope,
    pythonRange,
    python,
    markerEnv,
    target: { ...options.target, implementation: "cpython", pythonVersion: python.release.slice(0, 2).join(".") },
    targetLabel: scope.space.describe(scope.fork),
  };
}

/**
 * Resolves every environment of the request's space: the whole space first; when a dependency list requires one
 * project differently in different environments the fork splits (uv's rule: only requirements side by side in one
 * list split; a conflict between requirements met on different paths is a failure, as uv reports it) and each part
 * is resolved on its own. The first fork without a solution makes the whole resolution fail, its explanation
 * prefixed by where ("On Windows with Python 3.9: ...").
 */
export async function resolveUniversal(prepared: PreparedRequest, request: ResolveRequest, context: ResolveContext, hooks: UniversalHooks): Promise<UniversalOutcome> {
  const spaceOutcome = universalSpace(request, prepared.input.requiresPython);
  if (!spaceOutcome.ok) return { kind: "error", message: spaceOutcome.message, errorKind: "input", runs: [] };
  const { space } = spaceOutcome;
  const markers = new UniversalMarkers(space);
  // Your requirements whose marker holds in none of the environments covered (a marker that cannot be read is kept).
  const skipped = skippedRequirements(prepared.input, { holds: (marker) => !(markers.ofMarker(marker, "")?.isEmpty() ?? false), label: `every environment covered (${space.describe(space.universe)})` });
  let queue: MarkerSet[] = [space.universe];
  for (const dep of [...(prepared.options.markedConstraints ?? []), ...(prepared.options.markedOverrides ?? [])]) {
    const where = markers.of(dep, "") ?? space.universe;
    queue = queue.flatMap((part) => [part.and(where), part.minus(where)]).filter((part) => !part.isEmpty());
  }
  const forks: MarkerSet[] = [];
  const solved: SolvedFork[] = [];
  const runs: SolveRun[] = [];
  const warnings = new Set<string>();
  let resolvedForks = 0;
  const scopeDto = (): UniversalScopeDto => ({ ...spaceOutcome.scope, forks: forks.map((f) => space.toMarker(f)) });
  while (queue.length > 0) {
    const fork = queue.shift() as MarkerSet;
    if (++resolvedForks > MAX_FORKS) {
      return { kind: "error", errorKind: "too-complex", message: `The requirements split the environments into more than ${MAX_FORKS} forks; narrow the platforms or the Python range.`, runs };
    }
    const scope = new ForkScope(markers, fork);
    const options = forkOptions(prepared.options, scope);
    const roots = scope.select(prepared.roots, null);
    let run: SolveRun;
    try {
      scope.checkFork(roots, null, new Set(options.overrides.keys()));
      run = await solveOnce(options, roots, context, hooks.onStats, hooks.onStart);
    } catch (error) {
      if (!(error instanceof ForkNeeded)) throw error;
      queue.unshift(...error.parts);
      continue;
    }
    runs.push(run);
    for (const [name, list] of run.provider.warnings) for (const w of list) warnings.add(`${name}: ${w}`);
    const { result } = run;
    if (result.kind === "cancelled") return { kind: "stopped", run, runs };
    forks.push(fork);
    if (result.kind === "unsolvable") {
      const rootLines = roots.map((r) => {
        const source = prepared.rootSources[prepared.roots.indexOf(r)];
        return source && !source.file ? source.line : null;
      });
      const explanation = await explainFailure(result.tree, run.provider, options, { roots, rootLines });
      const where = capitalized(space.describe(fork));
      return {
        kind: "unsatisfiable",
        runs,
        resolution: {
          summary: explanation.summary.map((s) => `${where}: ${s}`),
          explanation: `${where}:\n${explanation.text}`,
          graph: explanation.graph,
          warnings: [...warnings],
          skipped,
          universal: { ...scopeDto(), failedFork: { marker: space.toMarker(fork), description: space.describe(fork) } },
        },
      };
    }
    solved.push({ scope, solution: result.solution, provider: run.provider, options, roots });
  }
  return { kind: "resolved", runs, resolution: { packages: universalPackages(solved, space), universal: scopeDto(), warnings: [...warnings], skipped } };
}
