// What a resolution needs from its surroundings: the package source, cancellation, progress, a clock.
import type { Resolution, ResolveProgress } from "../api";
import type { PackageSource } from "./package-source";
import type { SolveLimits } from "./solve-limits";

export interface ResolveContext {
  source: PackageSource;
  signal?: AbortSignal;
  onProgress?: (progress: ResolveProgress) => void;
  /** Milliseconds, monotonic enough for progress throttling and timings. */
  now: () => number;
  /** Requests and bytes so far, when the source counts them. */
  sourceStats?: () => { requests: number; bytes: number; cacheHits: number; inFlight: number };
  /** Lets the event loop run (cancel messages arrive) during long synchronous solving. */
  yieldToEventLoop?: () => Promise<void>;
  /** The main solve's budget (defaults: DEFAULT_SOLVE_LIMITS). */
  limits?: Partial<SolveLimits>;
  /** When there is no solution: the verdict (explanation, no ways out yet), before ways out are searched for. */
  onVerdict?: (verdict: Resolution) => void;
  /** Ways-out search progress: re-solves started so far, of at most `maxSolves`. */
  onWaysOutProgress?: (progress: { solves: number; maxSolves: number; elapsedMs: number }) => void;
}
