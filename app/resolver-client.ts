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
  /** Settles with the worker's resolution (a cancelled run settles with an error of kind "cancelled"). */
  promise: Promise<Resolution>;
  /** Asks the worker to stop this run; harmless once it has settled. */
  cancel: () => void;
}

/** Starts a resolution in the worker; progress arrives through `onProgress` at most every 100 ms. */
export function resolve(request: ResolveRequest, onProgress?: (progress: ResolveProgress) => void): ResolveRun {
  const runId = nextRunId++;
  const api = resolver();
  const promise = onProgress ? api.resolve(runId, request, proxy(onProgress)) : api.resolve(runId, request);
  let settled = false;
  const tracked = promise.finally(() => {
    settled = true;
  });
  return {
    runId,
    promise: tracked,
    cancel: () => {
      if (!settled) void api.cancel(runId);
    },
  };
}
