// One PubGrub run over prepared root requirements with a fresh Python provider (index failures propagate).
import { VersionRange } from "../packaging/ranges";
import { parseVersion, type Version } from "../packaging/version";
import { solve, type SolveResult, type SolveStats } from "../pubgrub/solver";
import { ROOT_KEY } from "./package-keys";
import type { ParsedDependency } from "./parsed-dependency";
import { PythonProvider, type UnavailableReason } from "./python-provider";
import type { ResolveContext } from "./resolve-context";
import type { ResolveOptions } from "./resolve-options";

const ROOT_VERSION = parseVersion("0");
const YIELD_INTERVAL_MS = 25;

export interface SolveRun {
  result: SolveResult<Version, VersionRange, UnavailableReason>;
  provider: PythonProvider;
  solveMs: number;
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
  const result = await solve<Version, VersionRange, UnavailableReason>({
    rootPackage: ROOT_KEY,
    rootVersion: ROOT_VERSION,
    provider,
    versionSets: { full: () => VersionRange.full(), empty: () => VersionRange.empty(), singleton: (v) => VersionRange.singleton(v) },
    versionKey: (v) => v.toString(),
    signal: context.signal,
    progressInterval: 20,
    onProgress: (stats) => {
      onStats?.(stats, provider);
      const now = context.now();
      if (context.yieldToEventLoop && now - lastYield >= YIELD_INTERVAL_MS) {
        lastYield = now;
        return context.yieldToEventLoop();
      }
      return undefined;
    },
  });
  return { result, provider, solveMs: context.now() - started };
}
