// What a resolution needs from its surroundings: the package source, cancellation, progress, a clock.
import type { ResolveProgress } from "../api";
import type { PackageSource } from "./package-source";

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
}
