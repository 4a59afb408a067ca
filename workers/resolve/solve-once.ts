// One PubGrub run over prepared root requirements with a fresh Python provider (index failures propagate).
import { VersionRange } from "../packaging/ranges";
import { parseVersion, type Version } from "../packaging/version";
import { solve, type SolveResult, type SolveStats } from "../pubgrub/solver";
import { ROOT_KEY } from "./package-keys";
import type { ParsedDependency } from "./parsed-dependency";
import { PythonProvider, type UnavailableReason } from "./python-provider";
import type { ResolveContext } from "./resolve-context";
import type { ResolveOptions } from "./resolve-options";
import { DEFAULT_SOLVE_LIMITS, type SolveStop } from "./solve-limits";

const ROOT_VERSION = parseVersion("0");
/** Longest stretch of solving (on the context's clock) between two turns of the event loop, where a cancel arrives. */
export const YIELD_INTERVAL_MS = 25;

export interface SolveRun {
  result: SolveResult<Version, VersionRange, UnavailableReason>;
  provider: PythonProvider;
  solveMs: number;
  /** Set when the solve ran out of its budget (the result is then "cancelled"). */
  stopped: SolveStop | null;
}

/** Runs the solver once over prepared roots; index failures propagate as IndexFailure. */
export async function solveOnce(
  options: ResolveOptions,
  roots: readonly ParsedDependency[],
  context: ResolveContext,
  onStats?: (stats: SolveStats, provider: PythonProvider) => void,
  onStart?: (provider: PythonProvider) => void,
): Promise<SolveRun> {
  const provider = new PythonProvider(context.source, options);
  provider.setRoot(roots);
  onStart?.(provider);
  const started = context.now();
  let lastYield = started;
  const limits = { ...DEFAULT_SOLVE_LIMITS, ...context.limits };
  let decisions = 0;
  let stopped: SolveStop | null = null;
  // The solver checks this at every iteration and after every awaited answer: a cancel or a spent budget stops it.
  const signal = {
    get aborted(): boolean {
      if (context.signal?.aborted) return true;
      if (stopped === null) {
        const ms = context.now() - started;
        if (decisions >= limits.maxDecisions) stopped = { limit: "decisions", decisions, ms };
        else if (ms >= limits.maxMs) stopped = { limit: "time", decisions, ms };
      }
      return stopped !== null;
    },
  };
  const result = await solve<Version, VersionRange, UnavailableReason>({
    rootPackage: ROOT_KEY,
    rootVersion: ROOT_VERSION,
    provider,
    versionSets: { full: () => VersionRange.full(), empty: () => VersionRange.empty(), singleton: (v) => VersionRange.singleton(v) },
    versionKey: (v) => v.toString(),
    signal,
    // Every iteration: the clock, not a count of iterations, decides when to yield (one iteration may be long).
    progressInterval: 1,
    onProgress: (stats) => {
      decisions = stats.decisions;
      onStats?.(stats, provider);
      const now = context.now();
      if (context.yieldToEventLoop && now - lastYield >= YIELD_INTERVAL_MS) {
        lastYield = now;
        return context.yieldToEventLoop();
      }
      return undefined;
    },
  });
  // A cancel by the user is not a spent budget.
  if (result.kind !== "cancelled" || context.signal?.aborted) stopped = null;
  return { result, provider, solveMs: context.now() - started, stopped };
}
