// The only Comlink.wrap of the resolver worker: started lazily on first use, shared by every feature.
import { proxy, wrap, type Remote } from "comlink";
import type { Resolution, ResolveProgress, ResolveRequest, ResolverApi } from "../workers/api";

let remote: Remote<ResolverApi> | null = null;
let nextRunId = 1;

/** Returns the worker's API, starting the worker the first time it is needed. */
export function resolver(): Remote<ResolverApi> {
  if (!remote) {
    const worker = new Worker(new URL("../workers/resolver.worker.ts", import.meta.url), { type: "module", name: "tangle-resolver" });
    remote = wrap<ResolverApi>(worker);
  }
  return remote;
}

export interface ResolveRun {
  runId: number;
  /** Settles with the worker's resolution, or with a cancelled one (error kind "cancelled") as soon as `cancel` is called. */
  promise: Promise<Resolution>;
  /** Gives the run up at once and asks the worker to stop it (it starts no more requests for it); harmless once settled. */
  cancel: () => void;
}

/** The resolution a run settles with when it is cancelled: nothing of the worker's answer is waited for. */
export function cancelledResolution(): Resolution {
  return {
    status: "error",
    error: { kind: "cancelled", message: "Resolution cancelled." },
    warnings: [],
    diagnostics: [],
    stats: { wallMs: 0, solveMs: 0, requests: 0, bytes: 0, cacheHits: 0, decisions: 0, conflicts: 0 },
    resolvedAt: new Date().toISOString(),
  };
}

/**
 * A run whose `cancel` settles it at once and then tells the worker (`askToStop`), so the page never waits on a worker
 * that is busy (solving, or with messages queued); the worker's later answer for it is dropped.
 */
export function trackRun(runId: number, answer: Promise<Resolution>, askToStop: () => void): ResolveRun {
  let settled = false;
  let giveUp = (): void => undefined;
  const cancelled = new Promise<Resolution>((resolve) => {
    giveUp = () => resolve(cancelledResolution());
  });
  const promise = Promise.race([answer, cancelled]).finally(() => {
    settled = true;
  });
  return {
    runId,
    promise,
    cancel: () => {
      if (settled) return;
      giveUp();
      askToStop();
    },
  };
}

/** Starts a resolution in the worker; progress arrives through `onProgress` at most every 100 ms. */
export function resolve(request: ResolveRequest, onProgress?: (progress: ResolveProgress) => void): ResolveRun {
  const runId = nextRunId++;
  const api = resolver();
  const answer = onProgress ? api.resolve(runId, request, proxy(onProgress)) : api.resolve(runId, request);
  return trackRun(runId, answer, () => void api.cancel(runId));
}
