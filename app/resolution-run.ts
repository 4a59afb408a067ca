// Starts and cancels resolutions: the session's request goes to the worker, and what comes back goes to the resolution store.
import { resolve, type ResolveRun } from "./resolver-client";
import { buildResolveRequest } from "./stores/build-request";
import { useResolution } from "./stores/resolution";
import { useSession } from "./stores/session";

/** The run in flight: a newer run supersedes it, and only its outcome reaches the store. */
let active: ResolveRun | null = null;

/** Resolves the session as it is now, cancelling any run still in flight. */
export function runResolution(): void {
  active?.cancel();
  const request = buildResolveRequest(useSession.getState());
  const started = performance.now();
  const store = useResolution.getState();
  const run = resolve(request, (progress) => useResolution.getState().progressed(run.runId, progress));
  active = run;
  store.started(run.runId, request, started);
  run.promise.then(
    (resolution) => {
      if (active !== run) return;
      active = null;
      if (resolution.status === "error" && resolution.error.kind === "cancelled") {
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        useResolution.getState().stopped({ kind: "cancelled", message: `Resolution cancelled after ${seconds} s.` });
        return;
      }
      useResolution.getState().finished(run.runId, request, resolution);
    },
    (error: unknown) => {
      if (active !== run) return;
      active = null;
      useResolution.getState().stopped({ kind: "failure", message: `The resolver stopped unexpectedly: ${String(error)}` });
    },
  );
}

/** Asks the worker to stop the run in flight; its outcome (a cancelled notice) arrives as for any run. */
export function cancelResolution(): void {
  if (!useResolution.getState().running || !active) return;
  active.cancel();
  useResolution.getState().cancelRequested();
}
